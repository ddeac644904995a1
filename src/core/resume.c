/* resume.c - resume codes: random digits, a keyed BLAKE2b hash, and a
 * constant-time comparison (libsodium). */
#include "mi/resume.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

enum { SALT_BYTES = 16, HASH_BYTES = 32 };

void mi_resume_code_new(char code[static MI_RESUME_CODE_DIGITS + 1])
{
	if (sodium_init() < 0)
		abort(); /* no randomness: nothing safe to hand out */
	for (int i = 0; i < MI_RESUME_CODE_DIGITS; i++)
		code[i] = (char)('0' + randombytes_uniform(10));
	code[MI_RESUME_CODE_DIGITS] = '\0';
}

bool mi_resume_code_normalize(const char *typed, char code[static MI_RESUME_CODE_DIGITS + 1])
{
	size_t n = 0;
	for (const char *p = typed; p && *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (*p < '0' || *p > '9' || n == MI_RESUME_CODE_DIGITS)
			return false;
		code[n++] = *p;
	}
	code[n] = '\0';
	return n == MI_RESUME_CODE_DIGITS;
}

void mi_resume_code_format(const char *code, char shown[static MI_RESUME_CODE_DIGITS + 2])
{
	int half = MI_RESUME_CODE_DIGITS / 2;
	memcpy(shown, code, (size_t)half);
	shown[half] = ' ';
	memcpy(shown + half + 1, code + half, (size_t)(MI_RESUME_CODE_DIGITS - half));
	shown[MI_RESUME_CODE_DIGITS + 1] = '\0';
}

/* BLAKE2b of code keyed with salt. */
static bool keyed_hash(const unsigned char *salt, const char *code, unsigned char *out)
{
	return crypto_generichash(out, HASH_BYTES, (const unsigned char *)code, strlen(code), salt,
				  SALT_BYTES) == 0;
}

char *mi_resume_code_hash(const char *code)
{
	char normalized[MI_RESUME_CODE_DIGITS + 1];
	if (sodium_init() < 0 || !code || !mi_resume_code_normalize(code, normalized) ||
	    strcmp(code, normalized) != 0)
		return NULL;
	unsigned char salt[SALT_BYTES], hash[HASH_BYTES];
	randombytes_buf(salt, sizeof salt);
	if (!keyed_hash(salt, code, hash))
		return NULL;
	char *out = malloc(2 * SALT_BYTES + 1 + 2 * HASH_BYTES + 1);
	if (!out)
		return NULL;
	sodium_bin2hex(out, 2 * SALT_BYTES + 1, salt, SALT_BYTES);
	out[2 * SALT_BYTES] = '$';
	sodium_bin2hex(out + 2 * SALT_BYTES + 1, 2 * HASH_BYTES + 1, hash, HASH_BYTES);
	return out;
}

bool mi_resume_code_verify(const char *stored, const char *code)
{
	char normalized[MI_RESUME_CODE_DIGITS + 1];
	unsigned char salt[SALT_BYTES], want[HASH_BYTES], got[HASH_BYTES];
	size_t salt_len = 0, hash_len = 0;
	if (sodium_init() < 0 || !stored || !code || !mi_resume_code_normalize(code, normalized) ||
	    strlen(stored) != 2 * SALT_BYTES + 1 + 2 * HASH_BYTES || stored[2 * SALT_BYTES] != '$')
		return false;
	if (sodium_hex2bin(salt, sizeof salt, stored, 2 * SALT_BYTES, NULL, &salt_len, NULL) != 0 ||
	    salt_len != SALT_BYTES)
		return false;
	if (sodium_hex2bin(want, sizeof want, stored + 2 * SALT_BYTES + 1, 2 * HASH_BYTES, NULL,
			   &hash_len, NULL) != 0 ||
	    hash_len != HASH_BYTES)
		return false;
	return keyed_hash(salt, normalized, got) && sodium_memcmp(got, want, HASH_BYTES) == 0;
}
