/* desk_client.c - one client: their visits (newest first) and the pain
 * trend of their finished visits as a small text bar chart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_internal.h"
#include "mi/app_rescreen.h"
#include "mi/i18n.h"
#include "mi/ui_screened.h"

enum {
	ROW_INFO = 1,
	ROW_HEADER = 3,
	ROW_LIST = 4,
	TREND_ROWS = 8,  /* caption, 5 bar rows, axis, scores */
	BAR_HEIGHT = 5,  /* each row is 2 points of the 0-10 scale */
	BAR_WIDTH = 4,   /* columns per visit */
};

typedef struct client_page {
	mi_desk_page base;
	long long client_id;
	mi_client client;
	mi_visit_list visits; /* oldest first, as the store gives them */
	bool *unscreened;     /* per visit: not fully screened (app_rescreen.h) */
	size_t sel, top;      /* in display order: newest first */
} client_page;

/* The visit shown on display row i (newest first). */
static const mi_visit_summary *shown_visit(const client_page *p, size_t i)
{
	return &p->visits.items[p->visits.count - 1 - i];
}

/* Refetches the client and their visits; false (err set) on failure. */
static bool load(client_page *p, mi_desk *desk, mi_app_seen *seen, mi_error *err)
{
	mi_client client;
	mi_visit_list visits;
	if (mi_app_client_history(desk->config.store, p->client_id, &client, &visits, seen, err) !=
	    MI_OK)
		return false;
	bool *unscreened = calloc(visits.count + 1, sizeof *unscreened);
	if (!unscreened) {
		mi_client_clear(&client);
		mi_visit_list_clear(&visits);
		return mi_error_set(err, MI_EINTERNAL, "out of memory."), false;
	}
	if (desk->config.rules)
		mi_app_visits_not_fully_screened(desk->config.store, desk->config.rules, &visits,
						 unscreened, err);
	long long keep = p->sel < p->visits.count ? shown_visit(p, p->sel)->id : 0;
	mi_client_clear(&p->client);
	mi_visit_list_clear(&p->visits);
	free(p->unscreened);
	p->client = client;
	p->visits = visits;
	p->unscreened = unscreened;
	p->sel = 0;
	for (size_t i = 0; i < p->visits.count; i++)
		if (shown_visit(p, i)->id == keep)
			p->sel = i;
	return true;
}

static void client_reload(mi_desk_page *page, mi_desk *desk)
{
	client_page *p = (client_page *)page;
	mi_error err;
	if (!load(p, desk, NULL, &err))
		mi_desk_say_error(desk, _("The client could not be read again"), &err);
}

/* Rows left for the visit list above the trend chart. */
static int list_rows(const mi_desk *desk)
{
	return mi_desk_list_rows(desk, ROW_LIST) - TREND_ROWS - 1;
}

/* Opens the selected visit: the visit page, or the intake of a draft. */
static void open_selected(client_page *p, mi_desk *desk)
{
	if (p->sel >= p->visits.count) {
		mi_desk_say(desk, false, _("No visits yet: press i to start an intake."));
		return;
	}
	const mi_visit_summary *v = shown_visit(p, p->sel);
	mi_error err;
	mi_desk_page *next = v->complete ? mi_desk_visit_new(desk, v->id, &err)
					 : mi_desk_intake_for_draft(desk, v->id, &err);
	if (!next)
		mi_desk_say_error(desk, _("The visit could not be opened"), &err);
	mi_desk_push(desk, next);
}

static mi_ui_action client_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	client_page *p = (client_page *)page;
	size_t rows = (size_t)list_rows(desk);
	if (mi_desk_move(key, p->visits.count, rows, &p->sel)) {
		mi_desk_scroll_to(p->sel, rows, &p->top);
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_ENTER) {
		open_selected(p, desk);
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_ESC)
		return MI_UI_CANCEL;
	if (key.kind != MI_KEY_CHAR)
		return MI_UI_IGNORED;
	if (key.ch == L'q')
		return MI_UI_CANCEL;
	if (key.ch == L'i') {
		mi_error err;
		mi_desk_page *next = mi_desk_intake_for_client(desk, p->client_id, &err);
		if (!next)
			mi_desk_say_error(desk, _("The intake could not be started"), &err);
		mi_desk_push(desk, next);
		return MI_UI_HANDLED;
	}
	return MI_UI_IGNORED;
}

/* What a visit row says about where the visit stands. */
static const char *visit_state(const mi_visit_summary *v)
{
	if (!v->complete)
		/* TRANSLATORS: the State column of a client's visits; it is at
		 * least 28 columns wide (38 at 80 columns when no outcome is
		 * unscreened). */
		return _("draft, not finished (Enter resumes)");
	switch (v->source) {
	case MI_SOURCE_KIOSK:
		return v->reviewed ? _("kiosk, reviewed") : _("kiosk, waiting for review");
	case MI_SOURCE_DESK:
		return v->reviewed ? _("front desk") : _("front desk, waiting for review");
	default:
		return v->reviewed ? _("command line") : _("command line, waiting for review");
	}
}

/* The pain trend: one bar per finished visit with a pain score, oldest on
 * the left, as many of the latest as fit. A full cell is 2 points ('#'),
 * a half cell 1 point (':'). */
static void draw_trend(const client_page *p, mi_ui_canvas *c, int y)
{
	size_t n = 0;
	for (size_t i = 0; i < p->visits.count; i++)
		if (p->visits.items[i].complete && p->visits.items[i].pain >= 0)
			n++;
	size_t fit = (size_t)((c->cols - 8) / BAR_WIDTH);
	size_t skip = n > fit ? n - fit : 0;
	/* TRANSLATORS: the caption over a client's pain chart; the second when
	 * only the latest visits fit. */
	const char *caption = skip ? _("Pain trend, 0-10, oldest to newest (latest visits):")
				   : _("Pain trend, 0-10, oldest to newest:");
	mi_ui_put(c, y, 1, MI_UI_BOLD, c->cols - 2, caption);
	if (n == 0) {
		mi_ui_put(c, y + 1, 3, 0, c->cols - 4, _("no pain scores recorded yet"));
		return;
	}
	for (int r = 0; r < BAR_HEIGHT; r++) {
		int level = BAR_HEIGHT - r; /* top row is 9-10 */
		const char *label = level == BAR_HEIGHT ? "10" : level == 3 ? " 5" : "  ";
		mi_ui_putf(c, y + 1 + r, 1, 0, "%s |", label);
	}
	mi_ui_put(c, y + 1 + BAR_HEIGHT, 1, 0, -1, " 0 +");
	mi_ui_fill(c, y + 1 + BAR_HEIGHT, 5, (int)(n - skip) * BAR_WIDTH + 1, L'-', 0);
	size_t k = 0, col = 0;
	for (size_t i = 0; i < p->visits.count; i++) {
		const mi_visit_summary *v = &p->visits.items[i];
		if (!v->complete || v->pain < 0 || k++ < skip)
			continue;
		int x = 6 + (int)col * BAR_WIDTH;
		for (int r = 0; r < BAR_HEIGHT; r++) {
			int full = 2 * (BAR_HEIGHT - r);
			wchar_t ch = v->pain >= full ? L'#' : v->pain == full - 1 ? L':' : L' ';
			mi_ui_fill(c, y + 1 + r, x, 2, ch, mi_ui_level_attr(v->outcome));
		}
		mi_ui_putf(c, y + 2 + BAR_HEIGHT, x, 0, "%2d", v->pain);
		col++;
	}
}

/* Visit, date, outcome (as wide as the widest shown), pain, state (it
 * takes the room; its least width leaves room at 80 columns for
 * "[? NOT FULLY SCREENED]"). */
static const mi_desk_column history_columns[] = {
	/* TRANSLATORS: column headings of a client's visits; each must fit its
	 * column: Visit 6, Date 10, Outcome 12, Pain 5, State 28. */
	{N_("Visit"), 6, 0}, {N_("Date"), 10, 0}, {N_("Outcome"), 12, 0}, {N_("Pain"), 5, 0},
	{N_("State"), 28, 1},
};

static void history_row(void *ctx, const mi_desk_table *t, mi_ui_canvas *c, int y, size_t item,
			unsigned attr)
{
	const client_page *p = ctx;
	const mi_visit_summary *v = shown_visit(p, item);
	size_t unanswered = p->unscreened[p->visits.count - 1 - item] ? 1 : 0;
	char id[24], date[11], pain[16];
	snprintf(id, sizeof id, "%5lld", v->id);
	mi_date_format(v->date, date);
	if (v->pain >= 0)
		snprintf(pain, sizeof pain, "%2d/10", v->pain);
	else
		snprintf(pain, sizeof pain, "  -");
	mi_desk_table_put(t, c, y, 0, attr, id);
	mi_desk_table_put(t, c, y, 1, attr, date);
	if (v->has_outcome)
		mi_desk_table_put(t, c, y, 2, attr | mi_ui_outcome_attr(v->outcome, unanswered),
				  mi_level_outcome_tag(v->outcome, unanswered));
	else
		mi_desk_table_put(t, c, y, 2, attr, "-");
	mi_desk_table_put(t, c, y, 3, attr, pain);
	mi_desk_table_put(t, c, y, 4, attr, visit_state(v));
}

static void client_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	client_page *p = (client_page *)page;
	char title[256];
	/* TRANSLATORS: the client page's title: the client's number and name. */
	snprintf(title, sizeof title, _("Client %lld - %s"), p->client.id, p->client.name);
	char today[11];
	mi_date_format(mi_clock_today(desk->config.clock), today);
	mi_ui_draw_title(c, title, today);
	char info[512];
	/* TRANSLATORS: under the client page's title: birth date, phone, e-mail. */
	snprintf(info, sizeof info, _("Born %s   Phone %s   E-mail %s"),
		 p->client.birth_date ? p->client.birth_date : "-",
		 p->client.phone ? p->client.phone : "-", p->client.email ? p->client.email : "-");
	mi_ui_put(c, ROW_INFO, 1, 0, c->cols - 2, info);

	mi_desk_column columns[5];
	memcpy(columns, history_columns, sizeof columns);
	for (size_t i = 0; i < 5; i++) {
		columns[i].heading = _(history_columns[i].heading);
		/* A heading wider in the desk's language widens its column; the
		 * state, which takes the room, gives it. */
		int w = mi_ui_text_width(columns[i].heading);
		if (i < 4 && w > columns[i].width) {
			columns[4].width -= w - columns[i].width;
			columns[i].width = w;
		}
	}
	columns[2].width = mi_desk_outcome_width(&p->visits, p->unscreened, columns[2].width);
	mi_desk_table t = mi_desk_table_fit(columns, 5, c->cols);
	mi_desk_table_header(&t, c, ROW_HEADER);
	mi_desk_list_view view = {p->visits.count, p->top, p->sel,
				  _("No visits yet: press i to start an intake.")};
	mi_desk_table_rows(&t, c, ROW_LIST, list_rows(desk), &view, history_row, p);
	draw_trend(p, c, c->rows - 3 - TREND_ROWS);
	/* TRANSLATORS: key hints of the client page, at most 78 columns; the
	 * keys (i, ?) are the same in every language. */
	mi_ui_draw_keys(c, _("Up/Down move  Enter open visit  i new intake  Esc back  ? help"));
	mi_desk_focus_row(c, ROW_LIST, p->visits.count, p->sel, p->top, 9);
}

static long long client_client_id(const mi_desk_page *page)
{
	return ((const client_page *)page)->client_id;
}

static long long client_visit_id(const mi_desk_page *page)
{
	const client_page *p = (const client_page *)page;
	return p->sel < p->visits.count ? shown_visit(p, p->sel)->id : 0;
}

static void client_free(mi_desk_page *page)
{
	client_page *p = (client_page *)page;
	mi_client_clear(&p->client);
	mi_visit_list_clear(&p->visits);
	free(p->unscreened);
	free(p);
}

static const mi_desk_page_ops client_ops = {
	.kind = MI_DESK_CLIENT,
	.help = N_("One client's visits, newest first: the date, the screening outcome and the "
		"pain score the client gave (0 no pain, 10 the worst imaginable). Up and Down "
		"move, Enter opens the visit (a draft opens its intake where it stopped).\n\n"
		"i starts a new intake for this client, or resumes the one not finished.\n\n"
		"The chart shows the pain scores of finished visits, oldest on the left: each "
		"# is 2 points, a : is 1 point. Esc goes back to the client list."),
	.draw = client_draw,
	.key = client_key,
	.reload = client_reload,
	.client_id = client_client_id,
	.visit_id = client_visit_id,
	.free = client_free,
};

mi_desk_page *mi_desk_client_new(mi_desk *desk, long long client_id, mi_error *err)
{
	client_page *p = calloc(1, sizeof *p);
	if (!p) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	p->base.ops = &client_ops;
	p->client_id = client_id;
	mi_app_seen seen;
	if (!load(p, desk, &seen, err)) {
		client_free(&p->base);
		return NULL;
	}
	mi_desk_seen(desk, &seen);
	return &p->base;
}
