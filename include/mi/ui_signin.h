/* ui_signin.h - the front desk's sign-in: a name picked from the list of
 * active accounts, then that person's PIN.
 *
 * It is the desk's first screen and its idle lock alike. Locked, the
 * person who was signed in is picked already, so their PIN alone unlocks;
 * anyone else picks their own name (Up/Down) and signs in instead. The PIN
 * goes through the lock screen (ui_lock.h): the same throttle and audit
 * entries, nothing of the page behind it drawn. A right PIN makes the
 * store act as that person (app_accounts.h).
 */
#ifndef MI_UI_SIGNIN_H
#define MI_UI_SIGNIN_H

#include "mi/store.h"
#include "mi/store_therapists.h"
#include "mi/ui.h"

typedef struct mi_ui_signin mi_ui_signin;

/* The sign-in over the store's active accounts. NULL when out of memory or
 * the accounts cannot be read (err says why). */
mi_ui_signin *mi_ui_signin_new(mi_store *store, mi_error *err);

/* Frees it; NULL is fine. */
void mi_ui_signin_free(mi_ui_signin *signin);

/* Shows it again as the idle lock of name (NULL: the first sign-in): the
 * accounts are read again, name is picked, the PIN is empty. */
void mi_ui_signin_lock(mi_ui_signin *signin, const char *name);

/* One key: Up/Down pick a name (the PIN empties), the rest goes to the
 * PIN. MI_UI_DONE once someone has signed in. */
mi_ui_action mi_ui_signin_key(mi_ui_signin *signin, mi_ui_key key);

/* Time passes: the wait after wrong PINs counts down. */
mi_ui_action mi_ui_signin_tick(mi_ui_signin *signin, double now);

/* The role's word for a person reading the desk ("front desk",
 * "therapist"), in the language in use. */
const char *mi_ui_role_name(mi_role role);

/* Draws it (at least 80x24). */
void mi_ui_signin_draw(const mi_ui_signin *signin, mi_ui_canvas *canvas);

/* The person signed in by the last MI_UI_DONE (owned by the screen until
 * the next key), else NULL. */
const mi_account *mi_ui_signin_who(const mi_ui_signin *signin);

#endif
