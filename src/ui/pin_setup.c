/* pin_setup.c - the screen that sets the therapist PIN when none is set:
 * typed twice, shown as stars, stored as a hash (app_pin.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_accounts.h"
#include "mi/app_pin.h"
#include "mi/i18n.h"
#include "mi/pin.h"
#include "mi/ui_field.h"
#include "mi/ui_lock.h"

struct mi_ui_pin_setup {
	mi_store *store;
	mi_ui_field pin, again;
	int focus; /* 0 the PIN, 1 the same again */
	mi_account who; /* once made */
	char status[200];
};

mi_ui_pin_setup *mi_ui_pin_setup_new(mi_store *store)
{
	mi_ui_pin_setup *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->store = store;
	s->pin.secret = true;
	s->again.secret = true;
	return s;
}

void mi_ui_pin_setup_free(mi_ui_pin_setup *s)
{
	if (!s)
		return;
	mi_ui_field_clear(&s->pin);
	mi_ui_field_clear(&s->again);
	mi_account_clear(&s->who);
	free(s);
}

const mi_account *mi_ui_pin_setup_who(const mi_ui_pin_setup *s)
{
	return s->who.name ? &s->who : NULL;
}

/* Starts again from the first field with a message. */
static mi_ui_action retry(mi_ui_pin_setup *s, const char *message)
{
	mi_ui_field_clear(&s->pin);
	mi_ui_field_clear(&s->again);
	s->focus = 0;
	snprintf(s->status, sizeof s->status, "%s", message);
	return MI_UI_HANDLED;
}

/* Checks both PINs and stores the hash: DONE when set. */
static mi_ui_action set_pin(mi_ui_pin_setup *s)
{
	char *pin = mi_ui_field_text(&s->pin);
	char *again = mi_ui_field_text(&s->again);
	mi_ui_action a = MI_UI_HANDLED;
	mi_error err;
	if (!pin || !again)
		a = retry(s, _("Out of memory; please try again."));
	else if (strcmp(pin, again) != 0)
		a = retry(s, _("The two PINs differ; please type them again."));
	else if (!mi_pin_valid(pin))
		a = retry(s, _("A PIN is 4 to 12 digits; please type it again."));
	else if (mi_app_pin_set(s->store, pin, &err) != MI_OK)
		snprintf(s->status, sizeof s->status, _("The PIN could not be saved: %.150s"),
			 err.message);
	else if (!mi_app_account_check(s->store, MI_OWNER_ACCOUNT, pin, &s->who))
		snprintf(s->status, sizeof s->status, "%s",
			 _("The PIN is saved but signing in failed; start again."));
	else
		a = MI_UI_DONE;
	free(pin);
	free(again);
	return a;
}

mi_ui_action mi_ui_pin_setup_key(mi_ui_pin_setup *s, mi_ui_key key)
{
	if (key.kind == MI_KEY_NONE || key.kind == MI_KEY_RESIZE)
		return MI_UI_IGNORED;
	if (key.kind == MI_KEY_ESC)
		return MI_UI_CANCEL;
	mi_ui_field *field = s->focus ? &s->again : &s->pin;
	if (key.kind == MI_KEY_ENTER) {
		if (s->focus == 0 && field->len) {
			s->focus = 1;
			s->status[0] = '\0';
			return MI_UI_HANDLED;
		}
		return s->focus == 1 ? set_pin(s) : MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_TAB || key.kind == MI_KEY_BTAB || key.kind == MI_KEY_UP ||
	    key.kind == MI_KEY_DOWN) {
		s->focus = !s->focus;
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_CHAR && (key.ch < L'0' || key.ch > L'9' || field->len >= MI_PIN_MAX))
		return MI_UI_IGNORED;
	return mi_ui_field_key(field, key);
}

void mi_ui_pin_setup_draw(const mi_ui_pin_setup *s, mi_ui_canvas *c)
{
	mi_ui_draw_title(c, _("Set the therapist PIN"), "");
	mi_ui_wrap(c, 3, 4, 72, 4, MI_UI_BOLD,
		   _("No therapist PIN is set yet. The front desk locks itself when it is left "
		     "alone, and only this PIN unlocks it; the same PIN leaves the kiosk."));
	mi_ui_wrap(c, 7, 4, 72, 2, 0,
		   _("Choose 4 to 12 digits and keep them to the clinic's therapists."));
	/* TRANSLATORS: the labels of the two PIN fields: at most 18 columns. */
	mi_ui_put(c, 10, 4, s->focus == 0 ? MI_UI_BOLD : 0, 18, _("New PIN:"));
	mi_ui_field_draw(&s->pin, c, 10, 24, 14, s->focus == 0);
	mi_ui_put(c, 12, 4, s->focus == 1 ? MI_UI_BOLD : 0, 18, _("The same again:"));
	mi_ui_field_draw(&s->again, c, 12, 24, 14, s->focus == 1);
	if (s->status[0])
		mi_ui_put(c, 20, 1, MI_UI_BOLD, 78, s->status);
	/* TRANSLATORS: key hints: at most 78 columns. */
	mi_ui_draw_keys(c, _("Digits PIN  Enter next / set  Esc quit without a PIN"));
}
