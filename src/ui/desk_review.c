/* desk_review.c - the review queue: intakes finished at the kiosk that no
 * one has reviewed yet, and drafts not finished; urgent and refer first,
 * then oldest first (app_urgent.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_internal.h"
#include "mi/app_rescreen.h"
#include "mi/i18n.h"
#include "mi/ui_screened.h"

enum { ROW_HEADER = 2, ROW_LIST = 3 };

typedef struct review_page {
	mi_desk_page base;
	mi_visit_list list;
	bool *unscreened; /* per visit: not fully screened (app_rescreen.h) */
	size_t sel, top;
	long long discarding; /* the draft whose discard waits for y; 0: none */
} review_page;

/* Refetches the queue, keeping the selected visit selected. */
static bool load(review_page *p, mi_desk *desk, mi_app_seen *seen, mi_error *err)
{
	mi_visit_list list = {0};
	if (mi_app_review_queue_urgent_first(desk->config.store, desk->config.rules,
					     mi_clock_today(desk->config.clock), &list, seen,
					     err) != MI_OK)
		return false;
	bool *unscreened = calloc(list.count + 1, sizeof *unscreened);
	if (!unscreened) {
		mi_visit_list_clear(&list);
		return mi_error_set(err, MI_EINTERNAL, "out of memory."), false;
	}
	if (desk->config.rules)
		mi_app_visits_not_fully_screened(desk->config.store, desk->config.rules, &list,
						 unscreened, err);
	long long keep = p->sel < p->list.count ? p->list.items[p->sel].id : 0;
	mi_visit_list_clear(&p->list);
	free(p->unscreened);
	p->list = list;
	p->unscreened = unscreened;
	p->sel = 0;
	for (size_t i = 0; i < list.count; i++)
		if (list.items[i].id == keep)
			p->sel = i;
	mi_desk_scroll_to(p->sel, (size_t)mi_desk_list_rows(desk, ROW_LIST), &p->top);
	return true;
}

static void review_reload(mi_desk_page *page, mi_desk *desk)
{
	mi_error err;
	if (!load((review_page *)page, desk, NULL, &err))
		mi_desk_say_error(desk, _("The review queue could not be read"), &err);
}

/* d on a draft: asks, naming the client and the day it was begun. */
static void ask_discard(review_page *p, mi_desk *desk)
{
	const mi_visit_summary *v = p->sel < p->list.count ? &p->list.items[p->sel] : NULL;
	if (!v || v->complete) {
		mi_desk_say(desk, true, _("Only an unfinished intake (a draft) can be discarded."));
		return;
	}
	char date[11];
	mi_date_format(v->date, date);
	p->discarding = v->id;
	/* TRANSLATORS: %1$s is the client's name, %2$s a date (2026-11-23);
	 * y and n are the keys to press, whatever the language. */
	mi_desk_say(desk, false,
		    _("Discard the unfinished intake of %s begun on %s, with every answer in it? "
		      "y discard  n keep"),
		    v->client_name ? v->client_name : _("(no name yet)"), date);
}

/* The answer to the discard question: y discards (refused, saying so, while
 * the draft is being filled in on another screen), any other key keeps it. */
static void answer_discard(review_page *p, mi_desk *desk, mi_ui_key key)
{
	long long id = p->discarding;
	p->discarding = 0;
	if (key.kind != MI_KEY_CHAR || (key.ch != L'y' && key.ch != L'Y')) {
		mi_desk_say(desk, false, _("Nothing was discarded."));
		return;
	}
	mi_error err;
	if (mi_app_draft_discard(desk->config.store, id, &err) != MI_OK) {
		mi_desk_say_error(desk, _("Not discarded"), &err);
		return;
	}
	mi_desk_say(desk, false, _("The unfinished intake %lld was discarded."), id);
	if (!load(p, desk, NULL, &err))
		mi_desk_say_error(desk, _("Discarded, but the review queue could not be read"), &err);
}

static mi_ui_action review_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	review_page *p = (review_page *)page;
	if (p->discarding) {
		answer_discard(p, desk, key);
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_CHAR && (key.ch == L'd' || key.ch == L'D')) {
		ask_discard(p, desk);
		return MI_UI_HANDLED;
	}
	mi_ui_action shared = mi_desk_list_key(desk, key, p->list.count, ROW_LIST, &p->sel, &p->top);
	if (shared != MI_UI_IGNORED || key.kind != MI_KEY_ENTER)
		return shared;
	if (p->sel >= p->list.count) {
		mi_desk_say(desk, false, _("Nothing is waiting for review."));
		return MI_UI_HANDLED;
	}
	const mi_visit_summary *v = &p->list.items[p->sel];
	mi_error err;
	mi_desk_page *next = v->complete ? mi_desk_visit_new(desk, v->id, &err)
					 : mi_desk_intake_for_draft(desk, v->id, &err);
	if (!next)
		mi_desk_say_error(desk, _("The intake could not be opened"), &err);
	mi_desk_push(desk, next);
	return MI_UI_HANDLED;
}

/* Visit, date, client (it takes the room), state, outcome (as wide as the
 * widest shown): the client's least width leaves room at 80 columns for
 * "[? NOT FULLY SCREENED]". */
static const mi_desk_column review_columns[] = {
	/* TRANSLATORS: column headings of the review queue; each must fit its
	 * column at 80 columns: Visit 6, Date 10, Client 17, State 16, Outcome 13. */
	{N_("Visit"), 6, 0}, {N_("Date"), 10, 0}, {N_("Client"), 17, 1}, {N_("State"), 16, 0},
	{N_("Outcome"), 13, 0},
};

/* Where a visit of the queue comes from and whether it is finished. */
static const char *review_state(const mi_visit_summary *v)
{
	switch (v->source) {
	case MI_SOURCE_KIOSK:
		/* TRANSLATORS: the State column of the review queue (where the
		 * intake was filled in, and finished or a draft): at most 16
		 * columns, or the client's names get that much narrower. */
		return v->complete ? _("kiosk, finished") : _("kiosk, draft");
	case MI_SOURCE_DESK:
		return v->complete ? _("desk, finished") : _("desk, draft");
	default:
		return v->complete ? _("cli, finished") : _("cli, draft");
	}
}

static void review_row(void *ctx, const mi_desk_table *t, mi_ui_canvas *c, int y, size_t item,
		       unsigned attr)
{
	const review_page *p = ctx;
	const mi_visit_summary *v = &p->list.items[item];
	char id[24], date[11];
	snprintf(id, sizeof id, "%5lld", v->id);
	mi_date_format(v->date, date);
	mi_desk_table_put(t, c, y, 0, attr, id);
	mi_desk_table_put(t, c, y, 1, attr, date);
	mi_desk_table_put(t, c, y, 2, attr, v->client_name ? v->client_name : _("(no name yet)"));
	mi_desk_table_put(t, c, y, 3, attr, review_state(v));
	size_t unanswered = p->unscreened[item] ? 1 : 0;
	if (v->has_outcome)
		mi_desk_table_put(t, c, y, 4, attr | mi_ui_outcome_attr(v->outcome, unanswered),
				  mi_level_outcome_tag(v->outcome, unanswered));
}

static void review_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	review_page *p = (review_page *)page;
	char right[64];
	/* TRANSLATORS: on the right of the review queue's title bar. */
	snprintf(right, sizeof right, ngettext("%zu waiting", "%zu waiting", p->list.count),
		 p->list.count);
	/* TRANSLATORS: the review queue's title: at most 41 columns, the urgent
	 * banner takes the rest of the row at 80 columns. */
	mi_ui_draw_title(c, _("Review queue - intakes waiting for review"), right);
	mi_desk_column columns[5];
	for (size_t i = 0; i < 5; i++)
		columns[i] = review_columns[i], columns[i].heading = _(review_columns[i].heading);
	columns[4].width = mi_desk_outcome_width(&p->list, p->unscreened, columns[4].width);
	/* A language whose states are wider takes their room from the client's names. */
	int state_width = columns[3].width;
	for (size_t i = 0; i < p->list.count; i++) {
		int w = mi_ui_text_width(review_state(&p->list.items[i]));
		state_width = w > state_width ? w : state_width;
	}
	columns[2].width -= state_width - columns[3].width;
	columns[3].width = state_width;
	mi_desk_table t = mi_desk_table_fit(columns, 5, c->cols);
	mi_desk_table_header(&t, c, ROW_HEADER);
	mi_desk_list_view view = {p->list.count, p->top, p->sel, _("Nothing is waiting for review.")};
	mi_desk_table_rows(&t, c, ROW_LIST, mi_desk_list_rows(desk, ROW_LIST), &view, review_row, p);
	/* TRANSLATORS: key hints of the review queue, at most 78 columns; the
	 * keys (y, n, d, ?) are the same in every language. */
	mi_ui_draw_keys(c, p->discarding ? _("y discard  n keep")
					 : _("Up/Down move  Enter open  d discard a draft  Esc back  ? help"));
	mi_desk_focus_row(c, ROW_LIST, p->list.count, p->sel, p->top, 9);
}

static long long review_visit_id(const mi_desk_page *page)
{
	const review_page *p = (const review_page *)page;
	return p->sel < p->list.count ? p->list.items[p->sel].id : 0;
}

static void review_free(mi_desk_page *page)
{
	review_page *p = (review_page *)page;
	mi_visit_list_clear(&p->list);
	free(p->unscreened);
	free(p);
}

static const mi_desk_page_ops review_ops = {
	.kind = MI_DESK_REVIEW,
	.help = N_("Intakes filled in at the kiosk that no one has reviewed yet, and intakes "
		"not finished: urgent [!!] and refer [!] first, then oldest first. A draft shows "
		"the outcome of its answers so far. The list follows new intakes by itself. Enter opens a finished intake's visit page (press m "
		"there once you have reviewed it) or resumes a draft where it stopped. d discards "
		"a draft, after asking (not while a client fills it in at the kiosk). A draft "
		"leaves the list draft_expiry_days after it was begun unless it is urgent or "
		"refer (massage-intake drafts --expired lists those). Esc goes back."),
	.draw = review_draw,
	.key = review_key,
	.reload = review_reload,
	.visit_id = review_visit_id,
	.free = review_free,
};

mi_desk_page *mi_desk_review_new(mi_desk *desk, mi_error *err)
{
	review_page *p = calloc(1, sizeof *p);
	if (!p) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	p->base.ops = &review_ops;
	mi_app_seen seen;
	if (!load(p, desk, &seen, err)) {
		review_free(&p->base);
		return NULL;
	}
	mi_desk_seen(desk, &seen);
	return &p->base;
}
