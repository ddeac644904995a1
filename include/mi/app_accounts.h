/* app_accounts.h - who is at the screen or on the command line, and what
 * their role lets them do; for the commands and the screens alike.
 *
 * A PIN is checked against one named account (signing in, `--as NAME`) or,
 * at the kiosk's F12, against every active therapist. Wrong PINs count in
 * the one throttle of store.h (mi_store_pin_failed), whichever screen or
 * command they come from, and a PIN is not even checked while its wait
 * runs. A right PIN whose hash was made with older limits is hashed again.
 */
#ifndef MI_APP_ACCOUNTS_H
#define MI_APP_ACCOUNTS_H

#include <stdbool.h>

#include "mi/store.h"
#include "mi/store_therapists.h"

/* What a role may or may not do. */
typedef enum mi_permission {
	MI_PERMIT_SESSION_NOTES, /* session notes, therapist-only notes, the follow-up plan */
	MI_PERMIT_READ_NOTES,    /* reading them, their amendments, the flags' notes and sources */
	MI_PERMIT_ACCOUNTS,      /* add and disable accounts (the owner) */
} mi_permission;

/* MI_OK when who may do it; MI_ENOPERM with a sentence naming the role
 * otherwise. who NULL (nobody signed in) may do neither. */
mi_status mi_app_account_may(const mi_account *who, mi_permission what, mi_error *err);

/* True when pin is the PIN of the active account called name: the store
 * acts as that person from now on (mi_store_set_actor) and *who is filled
 * when not NULL (caller clears). Counts nothing: the lock screen keeps the
 * wrong-PIN count (ui_lock.h). */
bool mi_app_account_check(mi_store *store, const char *name, const char *pin, mi_account *who);

/* The kiosk's F12: true when pin is the PIN of some active therapist
 * (*who filled when not NULL; caller clears). The store's actor stays. */
bool mi_app_account_check_therapists(mi_store *store, const char *pin, mi_account *who);

/* `--as NAME` on the command line: mi_app_account_check at Unix time now,
 * with the wrong-PIN count of the screens. During the wait after too many
 * wrong PINs: MI_ETEMPFAIL, the PIN not even checked. A wrong PIN, an
 * unknown or a disabled name: MI_ENOPERM, "wrong name or PIN.", counted and
 * audited ("unlock failed"); a right one is audited as "unlock". */
mi_status mi_app_account_sign_in(mi_store *store, const char *name, const char *pin,
				 long long now, mi_account *who, mi_error *err);

/* Every account (active_only: the active ones), ordered by name. Fills
 * *out (caller clears). */
mi_status mi_app_accounts(mi_store *store, bool active_only, mi_account_list *out, mi_error *err);

/* The store acts as the account called name from now on (the audit log
 * and notes name them as the account was typed): for the desk, when edits
 * typed by one person are saved after another signed in. MI_ENOTFOUND
 * when there is no such account. */
mi_status mi_app_act_as(mi_store *store, const char *name, mi_error *err);

/* True when the database has at least one account. */
mi_status mi_app_accounts_exist(mi_store *store, bool *exist, mi_error *err);

/* Adds an account with a new PIN (4 to 12 digits). The first account needs
 * nobody signed in (by NULL) and becomes the owner; afterwards by must be
 * the owner. *owner tells whether the new one is (may be NULL). */
mi_status mi_app_account_add(mi_store *store, const mi_account *by, const char *name, mi_role role,
			     const char *pin, bool *owner, mi_error *err);

/* Gives the account called name a new PIN (4 to 12 digits; MI_EDATA
 * otherwise); the caller has signed in as that person. */
mi_status mi_app_account_set_pin(mi_store *store, const char *name, const char *pin,
				 mi_error *err);

/* Disables an account; by must be the owner. */
mi_status mi_app_account_disable(mi_store *store, const mi_account *by, const char *name,
				 mi_error *err);

#endif
