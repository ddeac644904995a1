/* app_pin.h - the PIN of a clinic that has no account yet: `set-pin` and
 * the front desk's first start make the clinic's owner account with it. */
#ifndef MI_APP_PIN_H
#define MI_APP_PIN_H

#include "mi/store.h"

/* The name of the owner account made from a PIN alone, and the name the
 * one clinic PIN of schema 4 and before became (docs/storage.md). */
#define MI_OWNER_ACCOUNT "owner"

/* When the database has no account yet, makes the owner account
 * MI_OWNER_ACCOUNT, a therapist, with a valid PIN (pin.h: 4 to 12 digits;
 * MI_EDATA otherwise). Once there are accounts this is MI_EUSAGE: a PIN
 * belongs to one person then (`massage-intake --as NAME set-pin`). */
mi_status mi_app_pin_set(mi_store *store, const char *pin, mi_error *err);

/* Wrong PINs in a row and the wait they bring, kept in the database so
 * that restarting the program or changing screens does not reset them. */
mi_status mi_app_pin_throttle(mi_store *store, mi_pin_throttle *out, mi_error *err);

/* A right PIN was typed: the count and the wait go back to zero, and the
 * audit log records "unlock" (table "pin"). Best effort: a database that
 * cannot be written keeps nobody locked out or in. */
void mi_app_pin_unlocked(mi_store *store);

/* A wrong PIN was typed at Unix time now: one more failure, the new wait
 * in *out, and "unlock failed" in the audit log. MI_OK when the count was
 * stored (the log entry is best effort); otherwise the caller keeps its own
 * count. */
mi_status mi_app_pin_wrong(mi_store *store, long long now, mi_pin_throttle *out, mi_error *err);

#endif
