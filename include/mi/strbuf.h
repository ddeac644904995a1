/* strbuf.h - a growing string built with printf-style appends.
 *
 * Running out of memory is sticky: after a failed append every later one
 * does nothing, and mi_strbuf_take returns NULL, so callers check once at
 * the end. Start from a zeroed mi_strbuf (mi_strbuf b = {0};).
 */
#ifndef MI_STRBUF_H
#define MI_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct mi_strbuf {
	char *s;    /* NUL-terminated once anything was appended; may be NULL */
	size_t len; /* bytes in s, without the NUL */
	size_t cap;
	bool nomem; /* an append ran out of memory */
} mi_strbuf;

/* Appends s[0..n). */
void mi_strbuf_add(mi_strbuf *b, const char *s, size_t n);

/* Appends the string s. */
void mi_strbuf_puts(mi_strbuf *b, const char *s);

/* Appends printf-style text. */
void mi_strbuf_addf(mi_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The text built (an empty string when nothing was appended), handed to
 * the caller, who frees it; NULL when memory ran out. The buffer is empty
 * again afterwards. */
char *mi_strbuf_take(mi_strbuf *b);

/* Frees the text and empties the buffer. */
void mi_strbuf_clear(mi_strbuf *b);

#endif
