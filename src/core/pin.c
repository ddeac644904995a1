/* pin.c - PIN rules and Argon2id hashing with libsodium. */
#include "mi/i18n.h"
#include "mi/pin.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* True for 4 to 12 ASCII digits. */
bool mi_pin_valid(const char *pin)
{
	size_t n = pin ? strlen(pin) : 0;
	return n >= MI_PIN_MIN && n <= MI_PIN_MAX && strspn(pin, "0123456789") == n;
}

/* The Argon2id limits of new hashes, and the ones mi_pin_needs_rehash
 * measures stored hashes against. */
static unsigned long long hash_opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static size_t hash_memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void mi_pin_use_cost(mi_pin_cost cost)
{
	bool least = cost == MI_PIN_COST_LEAST;
	hash_opslimit = least ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
	hash_memlimit = least ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

/* Argon2id hash of a valid PIN; caller frees. */
mi_status mi_pin_hash(const char *pin, char **hash, mi_error *err)
{
	if (!mi_pin_valid(pin))
		return mi_error_set(err, MI_EDATA, _("the PIN must be %d to %d digits, and digits only."),
				    MI_PIN_MIN, MI_PIN_MAX);
	if (sodium_init() < 0)
		return mi_error_set(err, MI_EINTERNAL, _("the hashing library could not start."));
	char *out = malloc(crypto_pwhash_STRBYTES);
	if (!out)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory hashing the PIN."));
	if (crypto_pwhash_str(out, pin, strlen(pin), hash_opslimit, hash_memlimit) != 0) {
		free(out);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory hashing the PIN."));
	}
	*hash = out;
	return MI_OK;
}

/* True when the PIN matches the hash. */
bool mi_pin_verify(const char *hash, const char *pin)
{
	if (!hash || !pin || strlen(pin) > MI_PIN_MAX || sodium_init() < 0)
		return false;
	if (strnlen(hash, crypto_pwhash_STRBYTES) >= crypto_pwhash_STRBYTES)
		return false;
	return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

/* True when the hash uses other limits than today's. */
bool mi_pin_needs_rehash(const char *hash)
{
	if (!hash || sodium_init() < 0 || strnlen(hash, crypto_pwhash_STRBYTES) >= crypto_pwhash_STRBYTES)
		return true;
	return crypto_pwhash_str_needs_rehash(hash, hash_opslimit, hash_memlimit) != 0;
}

/* 0 for the first free tries, then 5 s doubling per failure, capped at 5 min. */
unsigned mi_pin_lockout_seconds(unsigned failures)
{
	if (failures < MI_PIN_FREE_TRIES)
		return 0;
	unsigned wait = MI_PIN_FIRST_WAIT;
	for (unsigned i = MI_PIN_FREE_TRIES; i < failures && wait < MI_PIN_LONGEST_WAIT; i++)
		wait *= 2;
	return wait < MI_PIN_LONGEST_WAIT ? wait : MI_PIN_LONGEST_WAIT;
}
