/* desk_due.c - the due list: clients due for a follow-up within a week (and
 * overdue ones), from the plans therapists set on visits. */
#include <stdio.h>
#include <stdlib.h>

#include "desk_internal.h"
#include "mi/app_followup.h"
#include "mi/i18n.h"

enum { ROW_HEADER = 2, ROW_LIST = 3, DUE_DAYS = 7 };

typedef struct due_page {
	mi_desk_page base;
	mi_due_list list;
	size_t sel, top;
} due_page;

/* Refetches the list. */
static bool load(due_page *p, mi_desk *desk, mi_error *err)
{
	mi_due_list list = {0};
	if (mi_app_due(desk->config.store, mi_clock_today(desk->config.clock), DUE_DAYS, &list, err) !=
	    MI_OK)
		return false;
	mi_due_list_clear(&p->list);
	p->list = list;
	if (p->sel >= list.count)
		p->sel = list.count ? list.count - 1 : 0;
	mi_desk_scroll_to(p->sel, (size_t)mi_desk_list_rows(desk, ROW_LIST), &p->top);
	return true;
}

static void due_reload(mi_desk_page *page, mi_desk *desk)
{
	mi_error err;
	if (!load((due_page *)page, desk, &err))
		mi_desk_say_error(desk, _("The due list could not be read"), &err);
}

static mi_ui_action due_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	due_page *p = (due_page *)page;
	mi_ui_action shared = mi_desk_list_key(desk, key, p->list.count, ROW_LIST, &p->sel, &p->top);
	if (shared != MI_UI_IGNORED || key.kind != MI_KEY_ENTER)
		return shared;
	if (p->sel >= p->list.count) {
		mi_desk_say(desk, false, "%s", _("Nobody is due."));
		return MI_UI_HANDLED;
	}
	mi_error err;
	mi_desk_page *next = mi_desk_client_new(desk, p->list.items[p->sel].client_id, &err);
	if (!next)
		mi_desk_say_error(desk, _("The client could not be opened"), &err);
	mi_desk_push(desk, next);
	return MI_UI_HANDLED;
}

/* Due date, client, what for; the client and the reason share the width. */
static const mi_desk_column due_columns[] = {
	/* TRANSLATORS: column headings of the due list (the first at most 10
	   columns). */
	{N_("Due"), 10, 0}, {N_("Client"), 26, 1}, {N_("For"), 38, 1},
};

static void due_row(void *ctx, const mi_desk_table *t, mi_ui_canvas *c, int y, size_t item,
		    unsigned attr)
{
	const mi_due_item *d = &((const due_page *)ctx)->list.items[item];
	char date[11], reason[160];
	mi_date_format(d->due.due, date);
	mi_desk_table_put(t, c, y, 0, attr | (d->overdue ? MI_UI_BOLD : 0), date);
	mi_desk_table_put(t, c, y, 1, attr, d->name);
	if (d->overdue)
		/* TRANSLATORS: %s is the reason for the follow-up. */
		snprintf(reason, sizeof reason, _("%s - overdue"), d->reason);
	else
		snprintf(reason, sizeof reason, "%s", d->reason);
	mi_desk_table_put(t, c, y, 2, attr, reason);
}

static void due_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	due_page *p = (due_page *)page;
	char right[64];
	/* TRANSLATORS: on the right of the due list's title bar. */
	snprintf(right, sizeof right, dngettext(MI_TEXT_DOMAIN, "%zu due", "%zu due", p->list.count),
		 p->list.count);
	/* TRANSLATORS: a page's title: at most 38 columns, as the banner of
	   an urgent intake may take the right half of the title bar. */
	mi_ui_draw_title(c, _("Due for a follow-up - this week and overdue"), right);
	mi_desk_table t = mi_desk_table_fit(due_columns, 3, c->cols);
	mi_desk_table_header(&t, c, ROW_HEADER);
	mi_desk_list_view view = {p->list.count, p->top, p->sel, _("Nobody is due this week.")};
	mi_desk_table_rows(&t, c, ROW_LIST, mi_desk_list_rows(desk, ROW_LIST), &view, due_row, p);
	mi_ui_draw_keys(c, _("Up/Down move  Enter open the client  Esc back  ? help"));
	mi_desk_focus_row(c, ROW_LIST, p->list.count, p->sel, p->top, 13);
}

static long long due_client_id(const mi_desk_page *page)
{
	const due_page *p = (const due_page *)page;
	return p->sel < p->list.count ? p->list.items[p->sel].client_id : 0;
}

static void due_free(mi_desk_page *page)
{
	due_page *p = (due_page *)page;
	mi_due_list_clear(&p->list);
	free(p);
}

static const mi_desk_page_ops due_ops = {
	.kind = MI_DESK_DUE,
	.help = N_("Clients due for a follow-up this week, and overdue ones, from the plan a "
		"therapist set on their visit (f on the visit page): reassess 48-72 hours after "
		"a session, the next session of a series, maintenance. Enter opens the client. "
		"massage-intake due --ics FILE writes the list for a calendar. Esc goes back."),
	.draw = due_draw,
	.key = due_key,
	.reload = due_reload,
	.client_id = due_client_id,
	.free = due_free,
};

mi_desk_page *mi_desk_due_new(mi_desk *desk, mi_error *err)
{
	due_page *p = calloc(1, sizeof *p);
	if (!p) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	p->base.ops = &due_ops;
	if (!load(p, desk, err)) {
		due_free(&p->base);
		return NULL;
	}
	mi_desk_audit_view(desk, "list", "due", 0);
	return &p->base;
}
