/* pin.h - the therapist PIN that leaves the kiosk.
 *
 * A PIN is 4 to 12 digits. Only its Argon2id hash (libsodium's
 * crypto_pwhash_str, interactive limits) is stored, in the database
 * with its account (store_therapists.h). A PIN guards the screen; it is not
 * encryption.
 */
#ifndef MI_PIN_H
#define MI_PIN_H

#include <stdbool.h>

#include "mi/error.h"

enum { MI_PIN_MIN = 4, MI_PIN_MAX = 12 };

/* True when pin is 4 to 12 ASCII digits and nothing else. */
bool mi_pin_valid(const char *pin);

/* Hashes a valid PIN into *hash (caller frees). MI_EDATA with a sentence
 * for an invalid PIN; MI_EINTERNAL when hashing fails (out of memory). */
mi_status mi_pin_hash(const char *pin, char **hash, mi_error *err);

/* True when pin matches the stored hash (false for any malformed input). */
bool mi_pin_verify(const char *hash, const char *pin);

/* The Argon2id cost of new hashes. The program always uses the default,
 * libsodium's interactive limits (64 MiB, 2 passes), and never calls
 * mi_pin_use_cost. Unit tests that sign in dozens of times set the least
 * cost (8 KiB, 1 pass): under valgrind one interactive hash costs about a
 * second and a half of CPU, which made sign-ins most of the suite's
 * valgrind time (docs/PERFORMANCE.md). mi_pin_needs_rehash measures
 * against the cost in use, so a test's cheap hash is not made again. */
typedef enum mi_pin_cost { MI_PIN_COST_INTERACTIVE, MI_PIN_COST_LEAST } mi_pin_cost;
void mi_pin_use_cost(mi_pin_cost cost);
/* True when the hash was made with other limits than today's and should be
 * replaced after the next successful verification. */
bool mi_pin_needs_rehash(const char *hash);

/* Wrong PINs in a row taken without a wait. */
enum { MI_PIN_FREE_TRIES = 5, MI_PIN_FIRST_WAIT = 5, MI_PIN_LONGEST_WAIT = 300 };

/* Seconds to wait before another PIN is taken after `failures` wrong PINs
 * in a row: 0 up to MI_PIN_FREE_TRIES, then MI_PIN_FIRST_WAIT doubling with
 * each further failure, never more than MI_PIN_LONGEST_WAIT. */
unsigned mi_pin_lockout_seconds(unsigned failures);

#endif
