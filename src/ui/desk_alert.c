/* desk_alert.c - keeps the front desk in step with the store: the intakes
 * waiting for review, refreshed after every key and every few seconds (from
 * the desk's tick, no thread), with a banner on every page while an urgent
 * intake is not reviewed; and the settings in force, read again every few
 * seconds so that a change takes effect without a restart. */
#include <stdio.h>
#include <string.h>

#include "desk_internal.h"
#include "mi/app_settings.h"
#include "mi/i18n.h"

/* How often the queue is read again with no key pressed. */
enum { REFRESH_SECONDS = 2 };

void mi_desk_alert_refresh(mi_desk *desk)
{
	mi_visit_list queue = {0};
	mi_error err;
	if (mi_app_review_queue_urgent_first(desk->config.store, desk->config.rules,
					     mi_clock_today(desk->config.clock), &queue, NULL,
					     &err) != MI_OK)
		return; /* the last alert stays; the pages say when the store fails */
	mi_app_urgent_alert_of(&queue, &desk->alert);
	mi_visit_list_clear(&queue);
}

void mi_desk_alert_tick(mi_desk *desk, double now)
{
	if (desk->alert_since != 0 && now - desk->alert_since < REFRESH_SECONDS)
		return;
	desk->alert_since = now;
	mi_desk_alert_refresh(desk);
	mi_settings s = {0};
	mi_error ignored;
	if (mi_app_settings_load(desk->config.store, &s, &ignored) == MI_OK)
		desk->config.lock_seconds = (double)s.lock_timeout_seconds;
	mi_settings_clear(&s);
	/* The lists follow; pages that edit something are never reloaded under
	 * the user's hands. */
	mi_desk_page *page = desk->stack[desk->depth - 1];
	mi_desk_page_kind kind = page->ops->kind;
	if ((kind == MI_DESK_MAIN || kind == MI_DESK_REVIEW) && page->ops->reload)
		page->ops->reload(page, desk);
}

/* The column after the page's title on row 0 (mi_ui_draw_title puts it
 * at column 1; its words are one space apart, and two spaces end it). */
static int title_end(const mi_ui_canvas *c)
{
	int x = 1;
	while (x + 1 < c->cols && !(c->cells[x].ch == L' ' && c->cells[x + 1].ch == L' '))
		x++;
	return x;
}

void mi_desk_alert_draw(const mi_desk *desk, mi_ui_canvas *c)
{
	if (desk->alert.urgent == 0)
		return;
	char text[256];
	const char *name = desk->alert.first_name[0] ? desk->alert.first_name : _("a client");
	if (desk->alert.urgent == 1)
		/* TRANSLATORS: the banner on the title bar; %s is the client's name. */
		snprintf(text, sizeof text, _(" !! URGENT: %s - not reviewed "), name);
	else
		/* TRANSLATORS: the banner on the title bar; %zu intakes, %s the first client's name. */
		snprintf(text, sizeof text,
			 dngettext(MI_TEXT_DOMAIN, " !! %zu URGENT intakes not reviewed (first: %s) ",
				   " !! %zu URGENT intakes not reviewed (first: %s) ",
				   desk->alert.urgent),
			 desk->alert.urgent, name);
	/* As wide as the window allows beside the page's title (at least half
	 * the window), so that a wide terminal shows the name in full. */
	int max = c->cols - title_end(c) - 2;
	if (max < c->cols / 2)
		max = c->cols / 2;
	int w = mi_ui_text_width(text);
	if (w > max)
		w = max;
	unsigned attr = MI_UI_COLOR(MI_UI_REVERSE | MI_UI_BOLD, MI_UI_COLOR_URGENT);
	mi_ui_fill(c, 0, c->cols - w, w, L' ', attr);
	mi_ui_put(c, 0, c->cols - w, attr, w, text);
}
