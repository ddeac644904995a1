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

#endif
