/* ui_app.h - the kiosk, and what it shares with the front desk (ui_desk.h).
 *
 * The kiosk is a screen (mi_ui_screen) run by mi_ui_run. It keeps no
 * screening rule and no SQL: drafts are started, resumed and saved answer
 * by answer through app_drafts.h and completed through app_intake.h (the
 * desk's path too), screening done by mi_screen.
 *
 * The identification form (name + birth date, and at the kiosk the resume
 * code) is shared with the desk's new-client page.
 *
 * Kiosk pages: welcome (name, birth date, and a resume code for a client
 * continuing) -> code (a fresh intake shows its resume code once) ->
 * intake -> thanks; Esc on the first question leaves the intake on the
 * "saved" page, which shows the code again before clearing. Idle, the
 * kiosk clears to its welcome page without showing the code. Name and birth
 * date alone always start a fresh intake and never tell whether another
 * exists.
 */
#ifndef MI_UI_APP_H
#define MI_UI_APP_H

#include "mi/translation.h"

#include "mi/store.h"
#include "mi/ui.h"
#include "mi/ui_field.h"
#include "mi/ui_intake.h"
#include "mi/ui_reading.h"

/* A draft sink that saves each answer with mi_app_draft_save_answer. */
mi_ui_draft_sink mi_ui_store_sink(mi_store *store);

/* Name and birth date, typed into two fields, and with with_code an
 * optional resume code in a third. */
typedef struct mi_ui_ident {
	mi_ui_field name;
	mi_ui_field birth;
	mi_ui_field code;
	bool with_code;
	int focus; /* 0 name, 1 birth date, 2 code */
	char status[640];
	mi_ui_reading birth_reading; /* the birth date read back in words */
	bool birth_asking;           /* waiting for Y/N (or 1/2) on it */
	char birth_confirmed[16];    /* the date the client said yes to */
} mi_ui_ident;

/* Empties the fields (with_code stays). */
void mi_ui_ident_clear(mi_ui_ident *ident);

/* Edits the form: Tab/Up/Down switch fields, Enter on the name goes to the
 * birth date, Enter on the birth date (or the code) checks them and
 * returns MI_UI_DONE when they are valid (else a message in status). The
 * birth date is typed as people write it (ui_reading.h) and shown back in
 * words in status, to be confirmed with Y (or chosen with 1 or 2 when the
 * day and month could be either way; N changes it); the field then holds
 * it as YYYY-MM-DD. The code may be left empty; when typed it must be a
 * resume code's digits. */
mi_ui_action mi_ui_ident_key(mi_ui_ident *ident, mi_ui_key key, mi_date today);

/* Draws the labelled fields from row y (the code two rows under the birth
 * date). */
void mi_ui_ident_draw(const mi_ui_ident *ident, mi_ui_canvas *canvas, int y);

/* ---- kiosk ---- */

typedef struct mi_ui_kiosk_config {
	mi_store *store;
	const mi_ruleset *rules;
	mi_clock clock;        /* today, asked at each use */
	/* Argon2id hash of the PIN that leaves (copied); NULL: the PIN of any
	 * active therapist account (app_accounts.h) */
	const char *pin_hash;
	double idle_seconds;   /* back to welcome after this long without a key; 0: the default */
	long resume_hours;     /* a draft can be resumed here this long after it began; 0: the default */
	/* The languages a client may pick on the welcome page besides
	 * English (i18n.h: F2 English, then F3, F4 ... in mi_languages
	 * order). Borrowed; none: the desk's language only. */
	const mi_translation *translations;
	size_t translation_count;
} mi_ui_kiosk_config;

typedef struct mi_ui_kiosk mi_ui_kiosk;

/* A kiosk on its welcome screen. NULL when out of memory. */
mi_ui_kiosk *mi_ui_kiosk_new(const mi_ui_kiosk_config *config);

/* Frees the kiosk (the open draft stays in the store); NULL is fine. */
void mi_ui_kiosk_free(mi_ui_kiosk *kiosk);

/* The kiosk as a screen: only F12 followed by the right PIN returns
 * MI_UI_QUIT; every other key, Ctrl-C/Ctrl-Z/Ctrl-\, Esc and q included,
 * is handled inside. */
mi_ui_screen mi_ui_kiosk_screen(mi_ui_kiosk *kiosk);

/* Why a resume code did not open an intake (mi_app_kiosk_resume's
 * status), in words for a client that never say whether one exists. */
const char *mi_ui_kiosk_resume_refusal(mi_status st);

/* Which page the kiosk shows: "welcome", "code", "intake", "saved",
 * "thanks", "pin". */
const char *mi_ui_kiosk_page(const mi_ui_kiosk *kiosk);

#endif
