/* desk_app.c - the front desk: the page stack, key routing, status line,
 * help and the "unsaved changes" questions. No curses, no SQL. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_internal.h"
#include "mi/app_audit.h"
#include "mi/i18n.h"
#include "mi/settings.h"
#include "mi/strbuf.h"

void mi_desk_say(mi_desk *desk, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(desk->status, sizeof desk->status, fmt, ap);
	va_end(ap);
	desk->status_error = error;
}

void mi_desk_say_error(mi_desk *desk, const char *what, const mi_error *err)
{
	mi_desk_say(desk, true, "%s: %s", what, err->message);
}

void mi_desk_audit_view(mi_desk *desk, const char *action, const char *table, long long record_id)
{
	mi_app_seen seen = {0};
	seen.unrecorded = !mi_app_audit_view(desk->config.store, action, table, record_id,
					     &seen.warning);
	mi_desk_seen(desk, &seen);
}

void mi_desk_seen(mi_desk *desk, const mi_app_seen *seen)
{
	if (seen->unrecorded)
		mi_desk_say(desk, true, _("Shown, but %s"), seen->warning.message);
}

/* The status message's look: its colour and the mark before it. */
static unsigned status_attr(const mi_desk *desk, const char **mark)
{
	*mark = desk->status_error ? "! " : "";
	return desk->status_error ? MI_UI_COLOR(MI_UI_BOLD, MI_UI_COLOR_URGENT) : MI_UI_BOLD;
}

/* The rows the status message takes, wrapped at cols ending on row last
 * (at least 1), counted by a dry run on a scratch canvas. */
static int status_rows(const mi_desk *desk, int last, int cols)
{
	if (!desk->status[0] || last < 2 || cols < 4)
		return 1;
	const char *mark;
	unsigned attr = status_attr(desk, &mark);
	int width = cols - 2 - mi_ui_text_width(mark), max_rows = last - 1;
	mi_ui_canvas *scratch = mi_ui_canvas_new(max_rows, cols);
	int rows = scratch ? mi_ui_wrap(scratch, 0, 0, width, max_rows, attr, desk->status) : 1;
	mi_ui_canvas_free(scratch);
	return rows > 1 ? rows : 1;
}

int mi_desk_status_extra_rows(const mi_desk *desk)
{
	return status_rows(desk, desk->rows - 2, desk->cols) - 1;
}

int mi_desk_list_rows(const mi_desk *desk, int first)
{
	int n = desk->rows - 3 - first - mi_desk_status_extra_rows(desk);
	return n > 1 ? n : 1;
}

void mi_desk_scroll_to(size_t sel, size_t visible, size_t *top)
{
	if (visible == 0)
		visible = 1;
	if (sel < *top)
		*top = sel;
	else if (sel >= *top + visible)
		*top = sel - visible + 1;
}

void mi_desk_focus_row(mi_ui_canvas *c, int first, size_t count, size_t sel, size_t top, int x)
{
	mi_ui_focus(c, first + (count && sel >= top ? (int)(sel - top) : 0), x);
}

bool mi_desk_move(mi_ui_key key, size_t count, size_t page_rows, size_t *sel)
{
	size_t last = count ? count - 1 : 0;
	switch (key.kind) {
	case MI_KEY_UP:
		if (*sel > 0)
			(*sel)--;
		return true;
	case MI_KEY_DOWN:
		if (*sel < last)
			(*sel)++;
		return true;
	case MI_KEY_PGUP:
		*sel = *sel > page_rows ? *sel - page_rows : 0;
		return true;
	case MI_KEY_PGDN:
		*sel = *sel + page_rows < last ? *sel + page_rows : last;
		return true;
	case MI_KEY_HOME:
		*sel = 0;
		return true;
	case MI_KEY_END:
		*sel = last;
		return true;
	default:
		return false;
	}
}

mi_ui_action mi_desk_list_key(const mi_desk *desk, mi_ui_key key, size_t count, int first,
			      size_t *sel, size_t *top)
{
	size_t rows = (size_t)mi_desk_list_rows(desk, first);
	if (mi_desk_move(key, count, rows, sel)) {
		mi_desk_scroll_to(*sel, rows, top);
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_ESC || (key.kind == MI_KEY_CHAR && key.ch == L'q'))
		return MI_UI_CANCEL;
	return MI_UI_IGNORED;
}

/* The page on top of the stack (there is always one). */
static mi_desk_page *top(const mi_desk *desk)
{
	return desk->stack[desk->depth - 1];
}

void mi_desk_push(mi_desk *desk, mi_desk_page *page)
{
	if (!page)
		return;
	if (desk->depth >= MI_DESK_MAX_DEPTH) {
		page->ops->free(page);
		mi_desk_say(desk, true, _("Too many pages open: press Esc to go back first."));
		return;
	}
	desk->stack[desk->depth++] = page;
}

void mi_desk_replace(mi_desk *desk, mi_desk_page *page)
{
	if (!page)
		return;
	if (desk->depth > 1) {
		mi_desk_page *old = desk->stack[--desk->depth];
		old->ops->free(old);
	}
	mi_desk_push(desk, page);
}

void mi_desk_pop(mi_desk *desk)
{
	if (desk->depth <= 1)
		return;
	mi_desk_page *old = desk->stack[--desk->depth];
	old->ops->free(old);
	mi_desk_page *now = top(desk);
	if (now->ops->reload)
		now->ops->reload(now, desk);
}

bool mi_desk_may(mi_desk *desk, mi_permission what)
{
	mi_error err;
	if (mi_app_account_may(desk->who.name ? &desk->who : NULL, what, &err) == MI_OK)
		return true;
	mi_desk_say(desk, true, "%s", err.message);
	return false;
}

/* The translation of the clients' words in the desk's language, as
 * gettext picks its catalogue: "es_MX" takes "es" when there is no
 * "es_MX"; NULL for English or a language with none. */
static const mi_translation *desk_translation(const mi_desk_config *config)
{
	const char *lang = mi_i18n_desk_language();
	size_t base = strcspn(lang, "_");
	const mi_translation *found = NULL;
	for (size_t i = 0; i < config->translation_count; i++) {
		const mi_translation *t = &config->translations[i];
		if (strcmp(t->lang, lang) == 0)
			return t;
		if (strlen(t->lang) == base && strncmp(t->lang, lang, base) == 0)
			found = t;
	}
	return found;
}

/* Puts the desk's language back in use, with its questions and rule
 * messages (the desk intake asks them in it), when something else, such
 * as a summary printed in its client's language, changed it. A desk
 * without a translation of its own leaves the language in use alone. */
static void speak_desk_language(const mi_desk *desk)
{
	if (desk->language && mi_translation_in_use() != desk->language)
		mi_translation_use(desk->language);
}

/* Makes *to a copy of the account from (caller clears); false when out of memory. */
static bool copy_account(mi_account *to, const mi_account *from)
{
	mi_account_clear(to);
	*to = (mi_account){.id = from->id, .role = from->role, .owner = from->owner,
			   .active = from->active, .name = strdup(from->name)};
	return to->name != NULL;
}

mi_desk *mi_desk_new(const mi_desk_config *config, mi_error *err)
{
	mi_desk *desk = calloc(1, sizeof *desk);
	if (!desk) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	desk->config = *config;
	desk->language = desk_translation(config);
	speak_desk_language(desk);
	if (desk->config.lock_seconds <= 0)
		desk->config.lock_seconds =
			strtod(mi_setting_def_of(MI_SETTING_LOCK_TIMEOUT)->default_value, NULL);
	/* The desk starts with a sign-in; with no account yet it asks for the
	 * owner's PIN first. */
	bool exist = false;
	bool ok = mi_app_accounts_exist(config->store, &exist, err) == MI_OK;
	if (ok && exist)
		ok = (desk->signin = mi_ui_signin_new(config->store, err)) != NULL;
	else if (ok && !(desk->setup = mi_ui_pin_setup_new(config->store)))
		ok = mi_error_set(err, MI_EINTERNAL, "out of memory.") == MI_OK;
	desk->locked = desk->signin != NULL;
	desk->rows = MI_UI_MIN_ROWS;
	desk->cols = MI_UI_MIN_COLS;
	mi_desk_page *main_page = ok ? mi_desk_main_new(desk, err) : NULL;
	if (!main_page) {
		if (desk->language)
			mi_translation_use(NULL);
		mi_ui_signin_free(desk->signin);
		mi_ui_pin_setup_free(desk->setup);
		free(desk);
		return NULL;
	}
	desk->stack[desk->depth++] = main_page;
	mi_desk_alert_refresh(desk);
	return desk;
}

void mi_desk_free(mi_desk *desk)
{
	if (!desk)
		return;
	while (desk->depth > 0) {
		mi_desk_page *page = desk->stack[--desk->depth];
		page->ops->free(page);
	}
	mi_ui_signin_free(desk->signin);
	mi_ui_pin_setup_free(desk->setup);
	mi_account_clear(&desk->who);
	/* The translations are the caller's: none stays in use past the desk. */
	if (desk->language && mi_translation_in_use() == desk->language)
		mi_translation_use(NULL);
	free(desk);
}

bool mi_desk_unsaved(const mi_desk *desk)
{
	for (size_t i = 0; i < desk->depth; i++)
		if (desk->stack[i]->ops->unsaved && desk->stack[i]->ops->unsaved(desk->stack[i]))
			return true;
	return false;
}

/* Saves every page with unsaved edits; false when one of them failed. */
static bool save_all(mi_desk *desk)
{
	for (size_t i = 0; i < desk->depth; i++) {
		mi_desk_page *p = desk->stack[i];
		if (p->ops->unsaved && p->ops->unsaved(p) && !p->ops->save(p, desk))
			return false;
	}
	return true;
}

/* Answers the "save, discard or stay" question. */
static mi_ui_action answer_question(mi_desk *desk, mi_ui_key key)
{
	bool quitting = desk->ask == MI_DESK_ASK_QUIT;
	wchar_t c = key.kind == MI_KEY_CHAR ? key.ch : 0;
	if (key.kind == MI_KEY_ESC || c == L'c' || c == L'C') {
		desk->ask = MI_DESK_ASK_NONE;
		mi_desk_say(desk, false, _("Nothing was lost; carry on."));
		return MI_UI_HANDLED;
	}
	if (c == L's' || c == L'S') {
		desk->ask = MI_DESK_ASK_NONE;
		if (!(quitting ? save_all(desk) : top(desk)->ops->save(top(desk), desk)))
			return MI_UI_HANDLED; /* the page said why; its edits are kept */
		if (quitting)
			return MI_UI_QUIT;
		mi_desk_pop(desk);
		return MI_UI_HANDLED;
	}
	if (c == L'd' || c == L'D') {
		desk->ask = MI_DESK_ASK_NONE;
		if (quitting)
			return MI_UI_QUIT;
		mi_desk_pop(desk);
		mi_desk_say(desk, false, _("The changes were discarded."));
		return MI_UI_HANDLED;
	}
	return MI_UI_HANDLED; /* any other key: the question stays */
}

/* Keys of the PIN setup: once the owner's account is made the desk gets
 * its sign-in and shows the client list, signed in as the owner; Esc
 * leaves the program. */
static mi_ui_action setup_key(mi_desk *desk, mi_ui_key key)
{
	mi_ui_action a = mi_ui_pin_setup_key(desk->setup, key);
	if (a == MI_UI_CANCEL)
		return MI_UI_QUIT;
	if (a != MI_UI_DONE)
		return MI_UI_HANDLED;
	mi_error err;
	const mi_account *owner = mi_ui_pin_setup_who(desk->setup);
	if (!owner || !copy_account(&desk->who, owner) ||
	    !(desk->signin = mi_ui_signin_new(desk->config.store, &err))) {
		mi_desk_say(desk, true, _("The PIN is set, but the desk could not go on; please start it again."));
		return MI_UI_QUIT;
	}
	mi_ui_pin_setup_free(desk->setup);
	desk->setup = NULL;
	mi_desk_say(desk, false,
		    _("The PIN is set: you are the owner, \"%s\". Add each person with "
		      "\"massage-intake therapist add NAME\"."),
		    desk->who.name);
	mi_desk_audit_view(desk, "list", "clients", 0);
	return MI_UI_HANDLED;
}

/* Someone signed in at the sign-in: the same person goes on where they
 * were; another's arrival first saves the pages' edits under the previous
 * person's name and goes back to the main page. */
static void signed_in(mi_desk *desk)
{
	const mi_account *who = mi_ui_signin_who(desk->signin);
	mi_error err;
	if (!who)
		return;
	bool first = desk->who.name == NULL;
	if (!first && strcmp(desk->who.name, who->name) != 0) {
		char *next = strdup(who->name);
		bool saved = next && mi_app_act_as(desk->config.store, desk->who.name, &err) == MI_OK &&
			     save_all(desk);
		if (next)
			mi_app_act_as(desk->config.store, next, &err);
		free(next);
		if (!saved)
			return; /* the page said why; the sign-in stays */
		while (desk->depth > 1)
			mi_desk_pop(desk);
	}
	if (!copy_account(&desk->who, who)) {
		mi_desk_say(desk, true, "%s", _("Out of memory."));
		return;
	}
	desk->locked = false;
	desk->last_key = 0;
	mi_desk_say(desk, false, _("Signed in as %s (%s)."), desk->who.name,
		    mi_ui_role_name(desk->who.role));
	if (first || desk->depth == 1) {
		mi_desk_page *page = desk->stack[0];
		if (page->ops->reload)
			page->ops->reload(page, desk);
		mi_desk_audit_view(desk, "list", "clients", 0);
	}
}

mi_ui_action mi_desk_key(mi_desk *desk, mi_ui_key key)
{
	if (key.kind == MI_KEY_NONE)
		return MI_UI_IGNORED;
	if (key.kind == MI_KEY_RESIZE)
		return MI_UI_HANDLED;
	speak_desk_language(desk);
	desk->key_seen = true;
	if (desk->setup)
		return setup_key(desk, key);
	if (desk->locked) {
		if (mi_ui_signin_key(desk->signin, key) == MI_UI_DONE)
			signed_in(desk);
		return MI_UI_HANDLED;
	}
	if (desk->show_help) {
		desk->show_help = false;
		return MI_UI_HANDLED;
	}
	if (desk->ask != MI_DESK_ASK_NONE)
		return answer_question(desk, key);
	/* Help opened and closed leaves the screen as it was: its status too. */
	bool help_key = key.kind == MI_KEY_F1 || (key.kind == MI_KEY_CHAR && key.ch == L'?');
	char status[sizeof desk->status];
	bool status_error = desk->status_error;
	memcpy(status, desk->status, sizeof status);
	desk->status[0] = '\0';
	desk->status_error = false;
	mi_desk_page *page = top(desk);
	mi_ui_action a = page->ops->key(page, desk, key);
	mi_desk_alert_refresh(desk);
	bool desk_help = a == MI_UI_IGNORED && page->ops->help && help_key;
	if ((desk_help || (key.kind == MI_KEY_F1 && !page->ops->help)) && !desk->status[0]) {
		memcpy(desk->status, status, sizeof status);
		desk->status_error = status_error;
	}
	if (desk_help) {
		desk->show_help = true;
		return MI_UI_HANDLED;
	}
	if (a == MI_UI_CANCEL && desk->depth > 1) {
		if (page->ops->unsaved && page->ops->unsaved(page))
			desk->ask = MI_DESK_ASK_LEAVE;
		else
			mi_desk_pop(desk);
		return MI_UI_HANDLED;
	}
	if (a == MI_UI_QUIT) {
		if (!mi_desk_unsaved(desk))
			return MI_UI_QUIT;
		desk->ask = MI_DESK_ASK_QUIT;
	}
	return MI_UI_HANDLED;
}

/* Draws the page's help in a box over it. Its rows are blanked from edge
 * to edge, so that nothing of the page shows beside the frame. */
static void draw_help(const mi_desk *desk, mi_ui_canvas *c, const mi_desk_page_ops *ops)
{
	char *legend = ops->help_outcomes ? mi_level_legend() : NULL;
	char *help = NULL;
	if (legend) {
		mi_strbuf b = {0};
		mi_strbuf_addf(&b, "%s\n\n%s", _(ops->help), legend);
		help = mi_strbuf_take(&b);
	}
	free(legend);
	int y0 = 2, y1 = c->rows - 3, x0 = 2, w = c->cols - 4;
	for (int y = y0; y <= y1; y++) {
		mi_ui_fill(c, y, 0, c->cols, L' ', 0);
		mi_ui_put(c, y, x0, 0, -1, "|");
		mi_ui_put(c, y, x0 + w - 1, 0, -1, "|");
	}
	mi_ui_fill(c, y0, x0, w, L'-', 0);
	mi_ui_fill(c, y1, x0, w, L'-', 0);
	/* TRANSLATORS: the title of a help box, set in its top border. */
	mi_ui_put(c, y0, x0 + 2, MI_UI_BOLD, w - 4, _(" Help - any key closes "));
	mi_ui_wrap(c, y0 + 2, x0 + 2, w - 4, y1 - y0 - 3, 0, help ? help : _(ops->help));
	free(help);
	(void)desk;
}

/* Draws the status message ending on row last, wrapped over as many rows
 * above it as it needs (up to the row under the title; the pages leave
 * them free), so that a long reason, such as why a print failed, is read
 * in full and never cut. */
static void draw_status(const mi_desk *desk, mi_ui_canvas *c, int last)
{
	const char *mark;
	unsigned attr = status_attr(desk, &mark);
	int indent = mi_ui_text_width(mark), rows = status_rows(desk, last, c->cols);
	int first = last - rows + 1;
	for (int y = first; y <= last; y++)
		mi_ui_fill(c, y, 0, c->cols, L' ', 0);
	if (*mark)
		mi_ui_put(c, first, 1, attr, -1, mark);
	mi_ui_wrap(c, first, 1 + indent, c->cols - 2 - indent, rows, attr, desk->status);
}

void mi_desk_draw(mi_desk *desk, mi_ui_canvas *c)
{
	desk->rows = c->rows;
	desk->cols = c->cols;
	speak_desk_language(desk);
	if (desk->setup) {
		mi_ui_pin_setup_draw(desk->setup, c);
		return;
	}
	if (desk->locked) {
		mi_ui_signin_draw(desk->signin, c);
		return;
	}
	mi_desk_page *page = top(desk);
	page->ops->draw(page, desk, c);
	mi_desk_alert_draw(desk, c);
	int y = c->rows - 2;
	if (desk->ask != MI_DESK_ASK_NONE) {
		mi_ui_focus(c, y, 1);
		mi_ui_fill(c, y, 0, c->cols, L' ', MI_UI_REVERSE | MI_UI_BOLD);
		mi_ui_put(c, y, 1, MI_UI_REVERSE | MI_UI_BOLD, c->cols - 2,
			  /* TRANSLATORS: a question and its keys on one line of at
			     most 78 columns; s, d and Esc are the keys. */
			  desk->ask == MI_DESK_ASK_QUIT
				  ? _("Quit with unsaved session notes?  s save and quit  d quit without saving  Esc stay")
				  : _("The session notes are not saved.  s save and leave  d discard  Esc stay"));
		return;
	}
	if (desk->status[0])
		draw_status(desk, c, y);
	if (desk->show_help && page->ops->help) {
		draw_help(desk, c, page->ops);
		mi_ui_focus(c, 2, 5); /* the help box's title */
	}
}

mi_ui_action mi_desk_tick(mi_desk *desk, double now)
{
	if (!desk->signin) /* the PIN is being set: nothing of a client shows */
		return MI_UI_IGNORED;
	mi_ui_action a = mi_ui_signin_tick(desk->signin, now);
	if (desk->locked)
		return a;
	mi_desk_alert_tick(desk, now);
	if (desk->key_seen || desk->last_key == 0) {
		desk->key_seen = false;
		desk->last_key = now;
		return MI_UI_IGNORED;
	}
	if (now - desk->last_key < desk->config.lock_seconds)
		return MI_UI_IGNORED;
	mi_ui_signin_lock(desk->signin, desk->who.name);
	desk->locked = true;
	return MI_UI_HANDLED;
}

bool mi_desk_locked(const mi_desk *desk)
{
	return desk->locked;
}

const mi_account *mi_desk_who(const mi_desk *desk)
{
	return desk->who.name ? &desk->who : NULL;
}

void mi_desk_resize(mi_desk *desk, int rows, int cols)
{
	desk->rows = rows < MI_UI_MIN_ROWS ? MI_UI_MIN_ROWS : rows;
	desk->cols = cols < MI_UI_MIN_COLS ? MI_UI_MIN_COLS : cols;
	mi_desk_page *page = top(desk);
	if (page->ops->reload)
		page->ops->reload(page, desk);
}

mi_desk_page_kind mi_desk_current_page(const mi_desk *desk)
{
	return top(desk)->ops->kind;
}

const char *mi_desk_status(const mi_desk *desk)
{
	return desk->status;
}

long long mi_desk_client_id(const mi_desk *desk)
{
	const mi_desk_page *p = top(desk);
	return p->ops->client_id ? p->ops->client_id(p) : 0;
}

long long mi_desk_visit_id(const mi_desk *desk)
{
	const mi_desk_page *p = top(desk);
	return p->ops->visit_id ? p->ops->visit_id(p) : 0;
}

mi_ui_intake *mi_desk_intake(mi_desk *desk)
{
	mi_desk_page *p = top(desk);
	return p->ops->intake ? p->ops->intake(p) : NULL;
}

static void screen_draw(void *self, mi_ui_canvas *canvas)
{
	mi_desk_draw(self, canvas);
}

static mi_ui_action screen_key(void *self, mi_ui_key key)
{
	return mi_desk_key(self, key);
}

static void screen_resize(void *self, int rows, int cols)
{
	mi_desk_resize(self, rows, cols);
}

static mi_ui_action screen_tick(void *self, double now)
{
	return mi_desk_tick(self, now);
}

mi_ui_screen mi_desk_screen(mi_desk *desk)
{
	static const mi_ui_screen_ops ops = {
		.draw = screen_draw,
		.key = screen_key,
		.resize = screen_resize,
		.tick = screen_tick,
	};
	return (mi_ui_screen){.ops = &ops, .self = desk};
}
