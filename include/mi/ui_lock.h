/* ui_lock.h - the lock screen: the therapist PIN before going on.
 *
 * One screen for the front desk's idle lock and the kiosk's F12 exit. It
 * draws only its own clinic-neutral text and the PIN as stars, never
 * anything of the page behind it, and keeps no state of that page: whoever
 * shows it keeps its own state untouched and goes back to it on
 * MI_UI_DONE.
 *
 * Wrong PINs are throttled: after MI_PIN_FREE_TRIES wrong PINs in a row no
 * PIN is taken for mi_pin_lockout_seconds(failures); the wait is shown as
 * "try again in N s" and ends in the tick callback (no sleeping). A right
 * PIN resets the count. With a store, the count and the end of the wait
 * are kept in the database (mi_store_pin_failed), shared by every screen
 * and taken up again when a lock is made or shown, so restarting the
 * program does not end a wait; every try is written to the audit log as
 * "unlock" or "unlock failed" (table "pin", no other detail), by the
 * person the PIN was right for (the verify callback makes the store act as
 * them) or, for a wrong one, by whoever the store acted as before.
 */
#ifndef MI_UI_LOCK_H
#define MI_UI_LOCK_H

#include <stdbool.h>

#include "mi/store.h"
#include "mi/ui.h"

/* Says whether pin is right (and does what a right PIN brings: app_accounts.h). */
typedef bool (*mi_ui_lock_verify_fn)(void *ctx, const char *pin);

typedef struct mi_ui_lock_config {
	const char *pin_hash; /* Argon2id hash of the PIN (copied), when there is no verify */
	mi_ui_lock_verify_fn verify; /* checks the PIN instead of pin_hash */
	void *verify_ctx;
	mi_store *store;      /* borrowed; NULL: no audit entries, no re-hashing */
	const char *title;    /* title bar; NULL: "Locked" */
	const char *heading;  /* NULL: "Locked — enter the therapist PIN to continue" */
	const char *label;    /* the PIN field's label; NULL: "Therapist PIN:" */
	const char *hint;     /* a line under the PIN; NULL: none */
	const char *keys;     /* the keys line; NULL: "Digits PIN  Enter unlock" */
	bool can_cancel;      /* Esc returns MI_UI_CANCEL (else Esc clears the PIN) */
} mi_ui_lock_config;

typedef struct mi_ui_lock mi_ui_lock;

/* A lock screen with an empty PIN, or NULL when out of memory. Strings are
 * copied. Free with mi_ui_lock_free. */
mi_ui_lock *mi_ui_lock_new(const mi_ui_lock_config *config);

/* Frees the lock; NULL is fine. */
void mi_ui_lock_free(mi_ui_lock *lock);

/* Empties the typed PIN and the message before the lock is shown again;
 * the count of wrong PINs and any wait running are kept, and brought up to
 * date from the database. */
void mi_ui_lock_reset(mi_ui_lock *lock);

/* One key: digits, Backspace and the like edit the PIN; Enter checks it:
 * MI_UI_DONE for the right PIN, MI_UI_HANDLED with "Wrong PIN." (and the
 * wait, when one starts) otherwise. While a wait runs every key but Esc is
 * refused with "try again in N s". Esc: MI_UI_CANCEL when the config
 * allows it. */
mi_ui_action mi_ui_lock_key(mi_ui_lock *lock, mi_ui_key key);

/* Time passes (monotonic seconds, as from mi_ui_now): updates the count
 * down and ends the wait once now reaches it. MI_UI_HANDLED to redraw. */
mi_ui_action mi_ui_lock_tick(mi_ui_lock *lock, double now);

/* Draws the lock screen (at least 80x24). */
void mi_ui_lock_draw(const mi_ui_lock *lock, mi_ui_canvas *canvas);

/* Wrong PINs in a row so far. */
unsigned mi_ui_lock_failures(const mi_ui_lock *lock);

/* True while a wait after too many wrong PINs runs. */
bool mi_ui_lock_waiting(const mi_ui_lock *lock);

/* ---- setting the PIN when none is set (the front desk's first start) ---- */

typedef struct mi_ui_pin_setup mi_ui_pin_setup;

/* The screen that asks for a new PIN twice (shown as stars) and makes the
 * clinic's owner account with it (app_pin.h), signed in (the store acts as
 * it). NULL when out of memory. */
mi_ui_pin_setup *mi_ui_pin_setup_new(mi_store *store);

/* Frees it; NULL is fine. */
void mi_ui_pin_setup_free(mi_ui_pin_setup *setup);

/* One key: digits edit the field in focus, Enter goes to the second field
 * and then sets the PIN: MI_UI_DONE once it is stored; PINs that differ or
 * are not 4 to 12 digits are asked again. Esc: MI_UI_CANCEL. */
mi_ui_action mi_ui_pin_setup_key(mi_ui_pin_setup *setup, mi_ui_key key);

/* Draws the screen (at least 80x24). */
void mi_ui_pin_setup_draw(const mi_ui_pin_setup *setup, mi_ui_canvas *canvas);

/* The owner account once it is made (owned by the screen), else NULL. */
const struct mi_account *mi_ui_pin_setup_who(const mi_ui_pin_setup *setup);

#endif
