/* app_pin.h - setting the therapist PIN, for set-pin and the front desk's
 * first start alike. */
#ifndef MI_APP_PIN_H
#define MI_APP_PIN_H

#include "mi/store.h"

/* The setting that holds the PIN's Argon2id hash. */
#define MI_PIN_SETTING "kiosk_pin_hash"

/* Hashes a valid PIN (pin.h: 4 to 12 digits) and stores the hash; the
 * audit log records that it was set, never the hash. When hash is not
 * NULL, *hash gets a copy of the new hash (caller frees). MI_EDATA for a
 * PIN that is not 4 to 12 digits. */
mi_status mi_app_pin_set(mi_store *store, const char *pin, char **hash, mi_error *err);

/* The stored hash, or *hash = NULL when no PIN is set. Caller frees. */
mi_status mi_app_pin_hash(mi_store *store, char **hash, mi_error *err);

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
