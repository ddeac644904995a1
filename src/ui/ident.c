/* ident.c - who the intake is for: the name + birth date (+ resume code)
 * form shared by the kiosk and the desk, and the store's draft sink. */
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_drafts.h"
#include "mi/fold.h"
#include "mi/resume.h"
#include "mi/text.h"
#include "mi/ui_app.h"

/* Saves one answer of a draft in the store. */
static mi_status store_save(void *ctx, long long draft_id, const mi_answers *answers,
			    const char *key, mi_error *err)
{
	return mi_app_draft_save_answer(ctx, draft_id, answers, key, err);
}

/* A draft sink over the store. */
mi_ui_draft_sink mi_ui_store_sink(mi_store *store)
{
	return (mi_ui_draft_sink){.ctx = store, .save_answer = store_save};
}

/* Empties the fields. */
void mi_ui_ident_clear(mi_ui_ident *ident)
{
	mi_ui_field_clear(&ident->name);
	mi_ui_field_clear(&ident->birth);
	mi_ui_field_clear(&ident->code);
	ident->focus = 0;
	ident->status[0] = '\0';
	ident->birth_asking = false;
	ident->birth_confirmed[0] = '\0';
}

/* True when the typed birth date is the one the client confirmed in words;
 * otherwise it is read and shown back for a yes (or refused) in status. */
static bool birth_confirmed(mi_ui_ident *ident, const char *birth, mi_date today)
{
	if (ident->birth_confirmed[0] && strcmp(birth, ident->birth_confirmed) == 0)
		return true;
	mi_ui_reading *r = &ident->birth_reading;
	mi_ui_read_birth_date(birth, mi_ui_locale_date_order(), today, r);
	ident->birth_asking = r->kind != MI_UI_READ_REFUSED;
	const char *keys = r->kind == MI_UI_READ_CHOOSE ? _("Press 1 or 2, or N to change it.")
			   : ident->birth_asking	  ? _("Press Y for yes, or N to change it.")
							  : "";
	snprintf(ident->status, sizeof ident->status, "%s%s%s", r->question, *keys ? " " : "", keys);
	return false;
}

/* Checks the fields; true when they are valid, else a message in status. */
static bool ident_valid(mi_ui_ident *ident, mi_date today)
{
	char *name = mi_ui_field_text(&ident->name);
	char *birth = mi_ui_field_text(&ident->birth);
	char *code = mi_ui_field_text(&ident->code);
	char *folded = name ? mi_fold(name) : NULL;
	char digits[MI_RESUME_CODE_DIGITS + 1];
	mi_date d;
	bool ok = false;
	if (!folded || !birth || !code) {
		snprintf(ident->status, sizeof ident->status, _("Out of memory; please try again."));
	} else if (folded[0] == '\0') {
		snprintf(ident->status, sizeof ident->status, _("Please type your full name."));
		ident->focus = 0;
	} else if (!birth_confirmed(ident, birth, today)) {
		ident->focus = 1;
	} else if (!mi_date_parse(birth, &d)) {
		snprintf(ident->status, sizeof ident->status,
			 _("Please type the date of birth, for example 14 March 1988."));
		ident->focus = 1;
	} else if (!mi_birth_date_possible(d, today)) {
		snprintf(ident->status, sizeof ident->status,
			 _("That date of birth is in the future; please check it."));
		ident->focus = 1;
	} else if (*code && !mi_resume_code_normalize(code, digits)) {
		snprintf(ident->status, sizeof ident->status,
			 _("A code is %d digits, as shown when you started. Leave it empty to start "
			 "a new intake."),
			 MI_RESUME_CODE_DIGITS);
		ident->focus = 2;
	} else {
		ident->status[0] = '\0';
		ok = true;
	}
	free(folded);
	free(name);
	free(birth);
	free(code);
	return ok;
}

/* A key while the birth date is shown back: Y keeps it (1 or 2 the chosen
 * reading), N or Esc goes back to the field to change it. */
static mi_ui_action birth_answer(mi_ui_ident *ident, mi_ui_key key, mi_date today)
{
	const char *value;
	mi_ui_reply reply = mi_ui_reading_reply(&ident->birth_reading, key, &value);
	if (reply == MI_UI_REPLY_KEEP) {
		ident->birth_asking = false;
		snprintf(ident->birth_confirmed, sizeof ident->birth_confirmed, "%s", value);
		mi_ui_field_set(&ident->birth, value);
		return ident_valid(ident, today) ? MI_UI_DONE : MI_UI_HANDLED;
	}
	if (reply == MI_UI_REPLY_CHANGE) {
		ident->birth_asking = false;
		ident->focus = 1;
		snprintf(ident->status, sizeof ident->status,
			 _("Please change the date of birth and press Enter."));
	}
	return MI_UI_HANDLED;
}

/* Edits the form; MI_UI_DONE once the fields are valid. */
mi_ui_action mi_ui_ident_key(mi_ui_ident *ident, mi_ui_key key, mi_date today)
{
	if (ident->birth_asking)
		return birth_answer(ident, key, today);
	int fields = ident->with_code ? 3 : 2;
	mi_ui_field *field[] = {&ident->name, &ident->birth, &ident->code};
	switch (key.kind) {
	case MI_KEY_TAB:
	case MI_KEY_DOWN:
		ident->focus = (ident->focus + 1) % fields;
		return MI_UI_HANDLED;
	case MI_KEY_BTAB:
	case MI_KEY_UP:
		ident->focus = (ident->focus + fields - 1) % fields;
		return MI_UI_HANDLED;
	case MI_KEY_ENTER:
		if (ident->focus == 0) {
			ident->focus = 1;
			return MI_UI_HANDLED;
		}
		return ident_valid(ident, today) ? MI_UI_DONE : MI_UI_HANDLED;
	default:
		return mi_ui_field_key(field[ident->focus % fields], key);
	}
}

/* The labelled fields. */
void mi_ui_ident_draw(const mi_ui_ident *ident, mi_ui_canvas *canvas, int y)
{
	mi_ui_put(canvas, y, 4, ident->focus == 0 ? MI_UI_BOLD : 0, -1, _("Your full name:"));
	mi_ui_field_draw(&ident->name, canvas, y, 25, 50, ident->focus == 0);
	mi_ui_put(canvas, y + 2, 4, ident->focus == 1 ? MI_UI_BOLD : 0, -1, _("Your date of birth:"));
	mi_ui_field_draw(&ident->birth, canvas, y + 2, 25, 18, ident->focus == 1);
	mi_ui_put(canvas, y + 2, 45, 0, -1, _("e.g. 14 March 1988"));
	if (!ident->with_code)
		return;
	mi_ui_put(canvas, y + 4, 4, ident->focus == 2 ? MI_UI_BOLD : 0, -1, _("Your code:"));
	mi_ui_field_draw(&ident->code, canvas, y + 4, 25, 12, ident->focus == 2);
	mi_ui_put(canvas, y + 4, 39, 0, -1, _("only to continue an intake you began"));
}
