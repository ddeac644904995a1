/* error.h - status codes and error details shared by every module.
 *
 * Errors are values: functions return an mi_status and, on failure, fill an
 * mi_error with one plain sentence. Logic and storage never print; the CLI
 * prints the sentence to stderr and exits with the status, which is a
 * sysexits code, and the UI shows it on a status line.
 */
#ifndef MI_ERROR_H
#define MI_ERROR_H

#include <stdarg.h>

typedef enum mi_status {
	MI_OK = 0,
	MI_EUSAGE = 64,     /* bad command line */
	MI_EDATA = 65,      /* bad input data: answers, rules, dictionary */
	MI_ENOINPUT = 66,   /* an input file is missing or unreadable */
	MI_ENOTFOUND = 67,  /* a record asked for does not exist (EX_NOUSER) */
	MI_EINTERNAL = 70,  /* a bug or an impossible state */
	MI_ECANTCREAT = 73, /* an output file cannot be created */
	MI_EIO = 74,        /* disk full, read-only, damaged or busy database */
	MI_ETEMPFAIL = 75,  /* busy beyond the timeout: try again */
	MI_ENOPERM = 77,    /* the account signed in may not do this (EX_NOPERM) */
} mi_status;

/* One sentence, without the program name or a final newline. */
typedef struct mi_error {
	mi_status status;
	char message[512];
} mi_error;

/* Sets err (when not NULL) to status and a printf-style sentence; returns status. */
mi_status mi_error_set(mi_error *err, mi_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The same with a va_list. */
mi_status mi_error_setv(mi_error *err, mi_status status, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Puts "context: " in front of an existing message (e.g. a file name). */
void mi_error_prefix(mi_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Clears err to MI_OK and an empty message. */
void mi_error_clear(mi_error *err);

#endif
