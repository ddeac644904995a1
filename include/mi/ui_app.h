/* ui_app.h - the kiosk, and what it shares with the front desk (ui_desk.h).
 *
 * The kiosk is a screen (mi_ui_screen) run by mi_ui_run. It keeps no
 * screening rule and no SQL: answers go through the store's draft API, screening
 * through mi_screen.
 *
 * The identification form (name + birth date) and the draft lookup are
 * shared: mi_ui_open_draft finds the open draft of that client (known
 * client, or a kiosk draft of a not-yet-known client with the same name and
 * birth date) or starts a new one, so a killed intake resumes.
 */
#ifndef MI_UI_APP_H
#define MI_UI_APP_H

#include "mi/store.h"
#include "mi/ui.h"
#include "mi/ui_field.h"
#include "mi/ui_intake.h"

/* A draft sink that saves each answer with mi_store_draft_save_answer. */
mi_ui_draft_sink mi_ui_store_sink(mi_store *store);

/* Name and birth date, typed into two fields. */
typedef struct mi_ui_ident {
	mi_ui_field name;
	mi_ui_field birth;
	int focus; /* 0 name, 1 birth date */
	char status[640];
} mi_ui_ident;

/* Empties both fields. */
void mi_ui_ident_clear(mi_ui_ident *ident);

/* Edits the form: Tab/Up/Down switch fields, Enter on the name goes to the
 * birth date, Enter on the birth date checks both and returns MI_UI_DONE
 * when they are valid (else a message in status). */
mi_ui_action mi_ui_ident_key(mi_ui_ident *ident, mi_ui_key key, mi_date today);

/* Draws the two labelled fields from row y. */
void mi_ui_ident_draw(const mi_ui_ident *ident, mi_ui_canvas *canvas, int y);

/* Finds the open draft of (name, birth_date) or starts one (source), and
 * loads what it holds: *visit_id and *answers (caller frees) are set; the
 * answers always hold client.name and client.birth_date. */
mi_status mi_ui_open_draft(mi_store *store, const char *name, const char *birth_date,
			   mi_visit_source source, mi_date today, long long *visit_id,
			   mi_answers **answers, mi_error *err);

/* ---- kiosk ---- */

typedef struct mi_ui_kiosk_config {
	mi_store *store;
	const mi_ruleset *rules;
	mi_clock clock;        /* today, asked at each use */
	const char *pin_hash;  /* Argon2id hash of the therapist PIN (copied) */
	double idle_seconds;   /* back to welcome after this long without a key */
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

/* Which page the kiosk shows: "welcome", "intake", "thanks", "pin". */
const char *mi_ui_kiosk_page(const mi_ui_kiosk *kiosk);

#endif
