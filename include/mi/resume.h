/* resume.h - the kiosk's resume codes.
 *
 * When a client starts an intake at the kiosk, the kiosk shows a short code
 * that only this client sees. Resuming an unfinished intake at the kiosk
 * needs the name, the birth date and this code; without it the kiosk starts
 * a fresh intake and never tells whether another exists. Only a salted
 * hash of the code is stored (BLAKE2b keyed with 16 random bytes), and a
 * typed code is compared in constant time. The kiosk takes at most
 * MI_RESUME_MAX_TRIES wrong codes per intake (app_drafts.h); a code is a
 * second factor next to the name and birth date, not a password.
 */
#ifndef MI_RESUME_H
#define MI_RESUME_H

#include <stdbool.h>

/* A code is this many digits; wrong codes an intake takes at the kiosk. */
enum { MI_RESUME_CODE_DIGITS = 6, MI_RESUME_MAX_TRIES = 5 };

/* A new random code (MI_RESUME_CODE_DIGITS digits and a NUL) in code. */
void mi_resume_code_new(char code[static MI_RESUME_CODE_DIGITS + 1]);

/* The code as typed with spaces and dashes dropped, into code; false when
 * what is left is not exactly MI_RESUME_CODE_DIGITS digits. */
bool mi_resume_code_normalize(const char *typed, char code[static MI_RESUME_CODE_DIGITS + 1]);

/* The code as shown to a client: "482 913". */
void mi_resume_code_format(const char *code, char shown[static MI_RESUME_CODE_DIGITS + 2]);

/* The stored form of code: "SALT$HASH" in hex. Caller frees; NULL when out
 * of memory or code is not a normalized code. */
char *mi_resume_code_hash(const char *code);

/* True when code (normalized) matches the stored form; the hashes are
 * compared in constant time. False for anything malformed. */
bool mi_resume_code_verify(const char *stored, const char *code);

#endif
