/* uuid.c - version-4 UUIDs from libsodium's randombytes. */
#include "mi/uuid.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

bool mi_uuid_v4(char out[MI_UUID_SIZE])
{
	out[0] = '\0';
	if (sodium_init() < 0)
		return false;
	unsigned char b[16];
	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	snprintf(out, MI_UUID_SIZE,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
		 b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
		 b[15]);
	return true;
}

bool mi_uuid_valid(const char *s)
{
	if (!s || strlen(s) != MI_UUID_SIZE - 1)
		return false;
	for (int i = 0; i < MI_UUID_SIZE - 1; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		char c = s[i];
		if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
	}
	return true;
}
