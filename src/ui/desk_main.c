/* desk_main.c - the front desk's main screen: the client list, searched as
 * you type, and the ways to a new client and the review queue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_internal.h"
#include "mi/i18n.h"
#include "mi/strbuf.h"
#include "mi/app_followup.h"
#include "mi/app_rescreen.h"
#include "mi/ui_field.h"
#include "mi/ui_screened.h"

enum { ROW_SEARCH = 2, ROW_HEADER = 4, ROW_LIST = 5 };

typedef struct main_page {
	mi_desk_page base;
	mi_ui_field search;
	bool searching;      /* typed keys go to the search box */
	mi_client_list list; /* at most `shown` + 1 clients */
	bool *unscreened;    /* per client: the last visit is not fully screened */
	size_t shown;        /* how many fit on the screen */
	bool more;           /* the search matched more than fit */
	size_t sel, top;
	size_t due;          /* clients due for a follow-up this week */
	bool failed;         /* the last query failed (status says why) */
} main_page;

/* Fetches the clients matching the search box, as many as fit, keeping the
 * selected client selected when it is still listed. */
static void query(main_page *m, mi_desk *desk)
{
	long long keep = m->sel < m->list.count ? m->list.items[m->sel].id : 0;
	size_t fit = (size_t)mi_desk_list_rows(desk, ROW_LIST + 1);
	char *text = mi_ui_field_text(&m->search);
	mi_client_list list = {0};
	mi_error err;
	mi_status st = text ? mi_app_clients(desk->config.store, text, fit + 1, &list, NULL, &err)
			    : mi_error_set(&err, MI_EINTERNAL, "out of memory.");
	free(text);
	if (st != MI_OK) {
		m->failed = true;
		mi_desk_say_error(desk, _("The client list could not be read"), &err);
		return;
	}
	m->failed = false;
	mi_client_list_clear(&m->list);
	m->list = list;
	m->more = list.count > fit;
	m->shown = m->more ? fit : list.count;
	m->sel = m->top = 0;
	free(m->unscreened);
	m->unscreened = calloc(list.count + 1, sizeof *m->unscreened);
	if (m->unscreened && desk->config.rules)
		mi_app_clients_not_fully_screened(desk->config.store, desk->config.rules, &m->list,
						  m->shown, m->unscreened, &err);
	for (size_t i = 0; i < m->shown; i++)
		if (m->list.items[i].id == keep)
			m->sel = i;
	mi_desk_scroll_to(m->sel, fit, &m->top);
	mi_due_list due = {0};
	if (mi_app_due(desk->config.store, mi_clock_today(desk->config.clock), 7, &due, &err) == MI_OK)
		m->due = due.count;
	mi_due_list_clear(&due);
}

static void main_reload(mi_desk_page *page, mi_desk *desk)
{
	query((main_page *)page, desk);
}

/* Opens the selected client's page. */
static void open_selected(main_page *m, mi_desk *desk)
{
	if (m->sel >= m->shown) {
		mi_desk_say(desk, false, _("No client is selected: type a name, or n for a new client."));
		return;
	}
	mi_error err;
	mi_desk_page *p = mi_desk_client_new(desk, m->list.items[m->sel].id, &err);
	if (!p)
		mi_desk_say_error(desk, _("The client could not be opened"), &err);
	mi_desk_push(desk, p);
}

static void open_due(mi_desk *desk)
{
	mi_error err;
	mi_desk_page *p = mi_desk_due_new(desk, &err);
	if (!p)
		mi_desk_say_error(desk, _("The due list could not be read"), &err);
	mi_desk_push(desk, p);
}

static void open_review(mi_desk *desk)
{
	mi_error err;
	mi_desk_page *p = mi_desk_review_new(desk, &err);
	if (!p)
		mi_desk_say_error(desk, _("The review queue could not be read"), &err);
	mi_desk_push(desk, p);
}

/* Keys while the search box has focus. */
static mi_ui_action search_key(main_page *m, mi_desk *desk, mi_ui_key key)
{
	switch (key.kind) {
	case MI_KEY_ENTER:
		m->searching = false;
		open_selected(m, desk);
		return MI_UI_HANDLED;
	case MI_KEY_TAB:
	case MI_KEY_BTAB:
		m->searching = false;
		return MI_UI_HANDLED;
	case MI_KEY_ESC:
		if (m->search.len == 0) {
			m->searching = false;
		} else {
			mi_ui_field_clear(&m->search);
			query(m, desk);
		}
		return MI_UI_HANDLED;
	case MI_KEY_F1:
		return MI_UI_IGNORED;
	default:
		break;
	}
	size_t fit = (size_t)mi_desk_list_rows(desk, ROW_LIST + 1);
	if (mi_desk_move(key, m->shown, fit, &m->sel)) {
		mi_desk_scroll_to(m->sel, fit, &m->top);
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_CHAR && !mi_ui_field_accepts(key.ch))
		return MI_UI_HANDLED;
	size_t before = m->search.len;
	mi_ui_action a = mi_ui_field_key(&m->search, key);
	if (a == MI_UI_HANDLED && (m->search.len != before || key.kind == MI_KEY_DELETE))
		query(m, desk);
	return MI_UI_HANDLED; /* the search box takes every other key */
}

static mi_ui_action main_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	main_page *m = (main_page *)page;
	if (m->searching)
		return search_key(m, desk, key);
	size_t fit = (size_t)mi_desk_list_rows(desk, ROW_LIST + 1);
	if (mi_desk_move(key, m->shown, fit, &m->sel)) {
		mi_desk_scroll_to(m->sel, fit, &m->top);
		return MI_UI_HANDLED;
	}
	switch (key.kind) {
	case MI_KEY_ENTER:
		open_selected(m, desk);
		return MI_UI_HANDLED;
	case MI_KEY_TAB:
		m->searching = true;
		return MI_UI_HANDLED;
	case MI_KEY_ESC:
		if (m->search.len > 0) {
			mi_ui_field_clear(&m->search);
			query(m, desk);
		}
		return MI_UI_HANDLED;
	case MI_KEY_CHAR:
		break;
	default:
		return MI_UI_IGNORED;
	}
	switch (key.ch) {
	case L'/':
		m->searching = true;
		return MI_UI_HANDLED;
	case L'n':
		mi_desk_push(desk, mi_desk_new_client_new(desk));
		return MI_UI_HANDLED;
	case L'r':
		open_review(desk);
		return MI_UI_HANDLED;
	case L'd':
		open_due(desk);
		return MI_UI_HANDLED;
	case L'q':
		return MI_UI_QUIT;
	default:
		return MI_UI_IGNORED;
	}
}

/* The outcome column of client k: "not fully screened" when its last
 * visit reads proceed with safety questions unanswered. */
static size_t unanswered_of(const main_page *m, size_t k)
{
	return m->unscreened && m->unscreened[k] ? 1 : 0;
}

/* One client's row: id, name, birth date, last visit, last outcome. */
static void client_row(void *ctx, const mi_desk_table *t, mi_ui_canvas *c, int y, size_t item,
		       unsigned attr)
{
	const main_page *m = ctx;
	const mi_client *cl = &m->list.items[item];
	char id[24];
	snprintf(id, sizeof id, "%5lld", cl->id);
	mi_desk_table_put(t, c, y, 0, attr, id);
	mi_desk_table_put(t, c, y, 1, attr, cl->name);
	mi_desk_table_put(t, c, y, 2, attr, cl->birth_date ? cl->birth_date : "-");
	mi_desk_table_put(t, c, y, 3, attr, cl->last_visit ? cl->last_visit : _("none yet"));
	size_t unanswered = unanswered_of(m, item);
	if (cl->has_last_outcome)
		mi_desk_table_put(t, c, y, 4, attr | mi_ui_outcome_attr(cl->last_outcome, unanswered),
				  mi_level_outcome_tag(cl->last_outcome, unanswered));
	else
		mi_desk_table_put(t, c, y, 4, attr, "-");
}

static void main_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	main_page *m = (main_page *)page;
	char today[11];
	mi_date_format(mi_clock_today(desk->config.clock), today);
	/* TRANSLATORS: a page's title: at most 38 columns, as the banner of
	   an urgent intake may take the right half of the title bar. */
	mi_ui_draw_title(c, _("massage-intake - front desk: clients"), today);

	/* The field starts after its label (at column 9 in English). */
	int label = mi_ui_put(c, ROW_SEARCH, 1, m->searching ? MI_UI_BOLD : 0, -1, _("Search:"));
	int field_x = 1 + label + 1 > 9 ? 1 + label + 1 : 9;
	mi_ui_field_draw(&m->search, c, ROW_SEARCH, field_x, 40, m->searching);
	if (!m->searching)
		mi_ui_put(c, ROW_SEARCH, field_x + 42, 0, c->cols - field_x - 43,
			  _("(/ to type a name)"));

	/* The outcome column is as wide as the widest outcome shown; the name
	 * takes the rest of the window. */
	mi_desk_column columns[] = {
		/* TRANSLATORS: column headings of the client list; the room for
		   each is small (5, 20, 10, 10 and 12 columns at 80 columns). */
		{N_("   ID"), 5, 0}, {N_("Name"), 20, 1}, {N_("Born"), 10, 0},
		{N_("Last visit"), 10, 0}, {N_("Last outcome"), 12, 0},
	};
	for (size_t k = 0; k < m->shown; k++) {
		const mi_client *cl = &m->list.items[k];
		int w = cl->has_last_outcome ? mi_ui_text_width(mi_level_outcome_tag(
						       cl->last_outcome, unanswered_of(m, k)))
					     : 0;
		if (w > columns[4].width)
			columns[4].width = w;
	}
	mi_desk_table t = mi_desk_table_fit(columns, 5, c->cols);
	mi_desk_table_header(&t, c, ROW_HEADER);
	mi_desk_list_view view = {m->shown, m->top, m->sel,
				  m->failed ? NULL
				  : m->search.len ? _("No client matches that search.")
						  : _("No clients yet: press n to add one.")};
	mi_desk_table_rows(&t, c, ROW_LIST, mi_desk_list_rows(desk, ROW_LIST + 1), &view, client_row,
			   m);
	int info = c->rows - 3;
	mi_strbuf line = {0};
	if (m->more)
		mi_strbuf_addf(&line, "%s  ", _("More clients match: type more of the name."));
	size_t waiting = desk->alert.waiting;
	/* TRANSLATORS: on the client list's last line, with "N due for a
	   follow-up (d)" after it; r and d are the keys. */
	mi_strbuf_addf(&line, dngettext(MI_TEXT_DOMAIN, "%zu intake waiting for review (r)",
					"%zu intakes waiting for review (r)", waiting),
		       waiting);
	if (m->due) {
		mi_strbuf_puts(&line, "  ");
		mi_strbuf_addf(&line, dngettext(MI_TEXT_DOMAIN, "%zu due for a follow-up (d)",
						"%zu due for a follow-up (d)", m->due),
			       m->due);
	}
	char *text = mi_strbuf_take(&line);
	mi_ui_put(c, info, 1, 0, c->cols - 2, text ? text : "");
	free(text);

	/* TRANSLATORS: key hints on the bottom line: at most 78 columns. */
	mi_ui_draw_keys(c, m->searching
				   ? _("Type a name  Up/Down move  Enter open  Tab list  Esc clear  F1 help")
				   : _("/ search  Up/Down move  Enter open  n new client  r review  ? help  q quit"));
	/* Typing: the search field keeps the cursor; else the selected client's name. */
	if (!m->searching)
		mi_desk_focus_row(c, ROW_LIST, m->shown, m->sel, m->top, 8);
}

static long long main_client_id(const mi_desk_page *page)
{
	const main_page *m = (const main_page *)page;
	return m->sel < m->shown ? m->list.items[m->sel].id : 0;
}

static void main_free(mi_desk_page *page)
{
	main_page *m = (main_page *)page;
	mi_client_list_clear(&m->list);
	free(m->unscreened);
	free(m);
}

static const mi_desk_page_ops main_ops = {
	.kind = MI_DESK_MAIN,
	.help = N_("The clients, by name. Press / (or Tab) and type part of a name: the list "
		"narrows with every key, ignoring case and spaces. Up and Down move, Enter opens "
		"the client's visits. Esc clears the search.\n\n"
		"n adds a new client and starts their intake. r shows the intakes finished at "
		"the kiosk that wait for your review. d shows who is due for a follow-up this week. "
		"q quits.\n\n"
		"After lock_timeout_seconds without a key (a setting, 300 by default) the desk "
		"locks until the person signed in types their PIN; anyone else may pick their own "
		"name and sign in instead."),
	.help_outcomes = true,
	.draw = main_draw,
	.key = main_key,
	.reload = main_reload,
	.client_id = main_client_id,
	.free = main_free,
};

mi_desk_page *mi_desk_main_new(mi_desk *desk, mi_error *err)
{
	main_page *m = calloc(1, sizeof *m);
	if (!m) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	m->base.ops = &main_ops;
	query(m, desk);
	if (m->failed) {
		mi_error_set(err, MI_EIO, "%s", desk->status);
		main_free(&m->base);
		return NULL;
	}
	return &m->base;
}
