/* uuid.h - random UUIDs (version 4, RFC 4122) from libsodium's randombytes.
 *
 * Used where records leave the program and need names that are unique
 * without a registry: the urn:uuid: links between the resources of a FHIR
 * Bundle, and the identifier of one database (its installation id).
 */
#ifndef MI_UUID_H
#define MI_UUID_H

#include <stdbool.h>

/* Room for "xxxxxxxx-xxxx-4xxx-Yxxx-xxxxxxxxxxxx" and its NUL. */
enum { MI_UUID_SIZE = 37 };

/* Writes a new random version-4 UUID in lower-case text to out. False
 * only when libsodium cannot be initialised (out is then empty). */
bool mi_uuid_v4(char out[MI_UUID_SIZE]);

/* True when s is a UUID in that text form (any version, lower case). */
bool mi_uuid_valid(const char *s);

#endif
