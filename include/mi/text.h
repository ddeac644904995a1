/* text.h - UTF-8 checks and making text safe to show.
 *
 * Input text must be valid UTF-8 without control characters (C0, DEL, C1)
 * or bidirectional controls (U+202A-U+202E, U+2066-U+2069). Text going to
 * any output that is not ncurses (stdout, files, PDF) is passed through
 * mi_text_sanitize anyway, so nothing that slipped past input reaches a
 * terminal or a printer.
 */
#ifndef MI_TEXT_H
#define MI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum mi_text_problem {
	MI_TEXT_OK = 0,
	MI_TEXT_INVALID_UTF8,
	MI_TEXT_CONTROL,       /* C0, DEL or C1 control character */
	MI_TEXT_BIDI_CONTROL,  /* U+202A-U+202E or U+2066-U+2069 */
} mi_text_problem;

/* Checks s[0..len). Newlines are refused like any control character unless
 * allow_newline is true (multi-line notes). On a problem, *offset (when not
 * NULL) is the byte offset where it starts. */
mi_text_problem mi_text_check(const char *s, size_t len, bool allow_newline, size_t *offset);

/* A plain phrase for a problem, e.g. "a control character". */
const char *mi_text_problem_name(mi_text_problem problem);

/* Decodes one UTF-8 code point at s (len bytes available). Returns its
 * length in bytes and stores the code point, or returns 0 if invalid. */
size_t mi_utf8_decode(const char *s, size_t len, unsigned *codepoint);

/* Returns a newly allocated copy of s (NUL-terminated) in which every
 * control or bidi character and every invalid byte is replaced by U+FFFD;
 * newlines are kept when keep_newline is true. Caller frees. NULL on
 * allocation failure. */
char *mi_text_sanitize(const char *s, bool keep_newline);

/* Number of terminal columns s takes (code points; wide CJK counts 2). */
size_t mi_text_width(const char *s);

#endif
