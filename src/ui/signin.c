/* signin.c - the desk's sign-in and per-person idle lock: a name from the
 * list, then that person's PIN through the lock screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_accounts.h"
#include "mi/i18n.h"
#include "mi/ui_lock.h"
#include "mi/ui_signin.h"

/* Names shown at once; a longer list scrolls. */
enum { VISIBLE_NAMES = 8, LIST_ROW = 10 };

struct mi_ui_signin {
	mi_store *store;
	mi_ui_lock *lock;
	mi_account_list accounts;
	size_t selected;
	bool locked;     /* the idle lock of someone signed in, not the first sign-in */
	char *locked_by; /* that person */
	mi_account who;  /* signed in by the last right PIN */
};

/* The lock screen's check: the PIN of the name picked. */
static bool verify_selected(void *ctx, const char *pin)
{
	mi_ui_signin *s = ctx;
	if (s->selected >= s->accounts.count)
		return false;
	mi_account_clear(&s->who);
	return mi_app_account_check(s->store, s->accounts.items[s->selected].name, pin, &s->who);
}

/* Reads the active accounts again and picks name (else the first). */
static void reload(mi_ui_signin *s, const char *name)
{
	mi_account_list fresh = {0};
	mi_error err;
	if (mi_app_accounts(s->store, true, &fresh, &err) == MI_OK) {
		mi_account_list_clear(&s->accounts);
		s->accounts = fresh;
	}
	s->selected = 0;
	for (size_t i = 0; name && i < s->accounts.count; i++)
		if (strcmp(s->accounts.items[i].name, name) == 0)
			s->selected = i;
}

mi_ui_signin *mi_ui_signin_new(mi_store *store, mi_error *err)
{
	mi_ui_signin *s = calloc(1, sizeof *s);
	if (!s) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	s->store = store;
	if (mi_app_accounts(store, true, &s->accounts, err) != MI_OK) {
		free(s);
		return NULL;
	}
	mi_ui_lock_config lc = {
		.verify = verify_selected,
		.verify_ctx = s,
		.store = store,
		.title = _("Sign in"),
		.heading = " ",
		.label = _("Your PIN:"),
		/* TRANSLATORS: key hints of the sign-in: at most 78 columns. */
		.keys = _("Up/Down your name  Digits PIN  Enter sign in"),
	};
	s->lock = mi_ui_lock_new(&lc);
	if (!s->lock) {
		mi_ui_signin_free(s);
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	return s;
}

void mi_ui_signin_free(mi_ui_signin *s)
{
	if (!s)
		return;
	mi_ui_lock_free(s->lock);
	mi_account_list_clear(&s->accounts);
	mi_account_clear(&s->who);
	free(s->locked_by);
	free(s);
}

void mi_ui_signin_lock(mi_ui_signin *s, const char *name)
{
	free(s->locked_by);
	s->locked_by = name ? strdup(name) : NULL;
	s->locked = s->locked_by != NULL;
	reload(s, name);
	mi_ui_lock_reset(s->lock);
}

mi_ui_action mi_ui_signin_key(mi_ui_signin *s, mi_ui_key key)
{
	if (key.kind == MI_KEY_UP || key.kind == MI_KEY_DOWN) {
		if (key.kind == MI_KEY_UP && s->selected > 0)
			s->selected--;
		else if (key.kind == MI_KEY_DOWN && s->selected + 1 < s->accounts.count)
			s->selected++;
		mi_ui_lock_reset(s->lock);
		return MI_UI_HANDLED;
	}
	mi_ui_action a = mi_ui_lock_key(s->lock, key);
	if (a == MI_UI_DONE) {
		s->locked = false;
		return MI_UI_DONE;
	}
	return a;
}

mi_ui_action mi_ui_signin_tick(mi_ui_signin *s, double now)
{
	return mi_ui_lock_tick(s->lock, now);
}

void mi_ui_signin_draw(const mi_ui_signin *s, mi_ui_canvas *c)
{
	mi_ui_lock_draw(s->lock, c);
	const char *picked = s->selected < s->accounts.count ? s->accounts.items[s->selected].name : "";
	char heading[200];
	/* A heading and what to do, after a dash. */
	if (s->locked && strcmp(picked, s->locked_by) == 0) {
		char what[180];
		/* TRANSLATORS: shown after "Locked — "; %.80s is the name of the
		   person signed in. */
		snprintf(what, sizeof what,
			 _("%.80s, type your PIN to go on; anyone else, pick your name to sign in "
			   "instead."), s->locked_by);
		snprintf(heading, sizeof heading, "%s — %s", _("Locked"), what);
	} else {
		/* TRANSLATORS: shown after "Sign in — ". */
		snprintf(heading, sizeof heading, "%s — %s", _("Sign in"),
			 _("pick your name, then type your PIN."));
	}
	mi_ui_wrap(c, 4, 4, 72, 2, MI_UI_BOLD, heading);
	if (s->accounts.count == 0) {
		mi_ui_put(c, LIST_ROW, 4, 0, 72, _("No account can sign in: every one is disabled."));
		return;
	}
	size_t top = s->selected >= VISIBLE_NAMES ? s->selected - VISIBLE_NAMES + 1 : 0;
	for (size_t i = top; i < s->accounts.count && i < top + VISIBLE_NAMES; i++) {
		const mi_account *a = &s->accounts.items[i];
		bool cur = i == s->selected;
		int y = LIST_ROW + (int)(i - top);
		int w = mi_ui_put(c, y, 4, cur ? MI_UI_REVERSE | MI_UI_BOLD : 0, 40, cur ? "> " : "  ");
		w += mi_ui_put(c, y, 4 + w, cur ? MI_UI_REVERSE | MI_UI_BOLD : 0, 40, a->name);
		mi_ui_put(c, y, 48, 0, 28, mi_ui_role_name(a->role));
	}
}

const char *mi_ui_role_name(mi_role role)
{
	return role == MI_ROLE_FRONT_DESK ? _("front desk") : _("therapist");
}

const mi_account *mi_ui_signin_who(const mi_ui_signin *s)
{
	return s->who.name ? &s->who : NULL;
}
