/* desk_new.c - a new client: name and birth date, then their intake. */
#include <stdlib.h>

#include "desk_internal.h"
#include "mi/i18n.h"
#include "mi/ui_app.h"

typedef struct new_page {
	mi_desk_page base;
	mi_ui_ident ident;
} new_page;

/* Opens the intake (the client's open draft if there is one) in place of
 * this form; on failure the form stays as typed. */
static void start(new_page *p, mi_desk *desk)
{
	char *name = mi_ui_field_text(&p->ident.name);
	char *birth = mi_ui_field_text(&p->ident.birth);
	mi_error err;
	mi_desk_page *next = NULL;
	if (!name || !birth)
		mi_error_set(&err, MI_EINTERNAL, "out of memory.");
	else
		next = mi_desk_intake_for_person(desk, name, birth, &err);
	free(name);
	free(birth);
	if (!next) {
		mi_desk_say_error(desk, _("The intake could not be started"), &err);
		return;
	}
	mi_desk_replace(desk, next);
}

static mi_ui_action new_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	new_page *p = (new_page *)page;
	if (key.kind == MI_KEY_ESC)
		return MI_UI_CANCEL;
	if (key.kind == MI_KEY_F1)
		return MI_UI_IGNORED;
	mi_ui_action a = mi_ui_ident_key(&p->ident, key, mi_clock_today(desk->config.clock));
	if (a == MI_UI_DONE)
		start(p, desk);
	return MI_UI_HANDLED;
}

static void new_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	new_page *p = (new_page *)page;
	(void)desk;
	/* TRANSLATORS: a page's title: at most 38 columns, as the banner of
	   an urgent intake may take the right half of the title bar. */
	mi_ui_draw_title(c, _("New client"), "");
	mi_ui_wrap(c, 2, 2, c->cols - 4, 2, 0,
		   _("Type the client's full name and date of birth. If they are already known, "
		     "their open intake is resumed."));
	const char *name = _("Full name:"), *birth = _("Date of birth:");
	/* The fields start at column 20, or after the longer label. */
	int wide = mi_ui_text_width(name) > mi_ui_text_width(birth) ? mi_ui_text_width(name)
								       : mi_ui_text_width(birth);
	int x = 4 + wide + 2 > 20 ? 4 + wide + 2 : 20;
	mi_ui_put(c, 5, 4, p->ident.focus == 0 ? MI_UI_BOLD : 0, -1, name);
	mi_ui_field_draw(&p->ident.name, c, 5, x, 50, p->ident.focus == 0);
	mi_ui_put(c, 7, 4, p->ident.focus == 1 ? MI_UI_BOLD : 0, -1, birth);
	mi_ui_field_draw(&p->ident.birth, c, 7, x, 18, p->ident.focus == 1);
	mi_ui_put(c, 7, x + 20, 0, c->cols - x - 21, _("e.g. 14 March 1988"));
	if (p->ident.status[0])
		mi_ui_put(c, 9, 4, MI_UI_BOLD, c->cols - 6, p->ident.status);
	/* TRANSLATORS: key hints: at most 78 columns. */
	mi_ui_draw_keys(c, _("Type  Tab next field  Enter continue  Esc cancel  F1 help"));
}

static void new_free(mi_desk_page *page)
{
	free(page);
}

static const mi_desk_page_ops new_ops = {
	.kind = MI_DESK_NEW_CLIENT,
	.help = N_("Type the client's full name, press Enter, then their date of birth as "
		   "year-month-day and press Enter: the intake starts with them, one question per "
		   "screen. A client with the same name and date of birth is the same client. Esc "
		   "cancels."),
	.draw = new_draw,
	.key = new_key,
	.free = new_free,
};

mi_desk_page *mi_desk_new_client_new(mi_desk *desk)
{
	new_page *p = calloc(1, sizeof *p);
	if (!p) {
		mi_desk_say(desk, true, "%s", _("Out of memory; please try again."));
		return NULL;
	}
	p->base.ops = &new_ops;
	mi_ui_ident_clear(&p->ident);
	return &p->base;
}
