/* text.h - UTF-8 checks and making text safe to show.
 *
 * Input text must be valid UTF-8 without control characters (C0, DEL, C1),
 * text-direction controls (U+202A-U+202E, U+2066-U+2069, and the marks
 * LRM, RLM and ALM) or other invisible characters: every Unicode format
 * character (category Cf: zero-width space, word joiner, BOM, soft hyphen,
 * tag characters, ...) and the line and paragraph separators U+2028/9.
 * Only the zero-width joiner and non-joiner are let through in free text,
 * where Persian, Indic scripts and emoji need them. Names are stricter
 * (mi_text_check_name) and are normalised first (mi_text_normalize_name).
 * Character properties come from utf8proc, never from tables of our own.
 *
 * Text going to any output that is not ncurses (stdout, files, PDF) is
 * passed through mi_text_sanitize anyway, so nothing that slipped past
 * input reaches a terminal or a printer.
 */
#ifndef MI_TEXT_H
#define MI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum mi_text_problem {
	MI_TEXT_OK = 0,
	MI_TEXT_INVALID_UTF8,
	MI_TEXT_CONTROL,       /* C0, DEL or C1 control character */
	MI_TEXT_BIDI_CONTROL,  /* U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM */
	MI_TEXT_INVISIBLE,     /* another format character, U+2028 or U+2029 */
	MI_TEXT_NOT_IN_NAME,   /* in a name: a joiner, variation selector, filler or other
				  default-ignorable character, or an unassigned or
				  private-use code point */
} mi_text_problem;

/* Checks s[0..len). Newlines are refused like any control character unless
 * allow_newline is true (multi-line notes). On a problem, *offset (when not
 * NULL) is the byte offset where it starts. */
mi_text_problem mi_text_check(const char *s, size_t len, bool allow_newline, size_t *offset);

/* Checks a person's name (s[0..len), one line) as mi_text_check does, and
 * more strictly: nothing invisible at all (MI_TEXT_NOT_IN_NAME). Run it on
 * the name as mi_text_normalize_name returns it. */
mi_text_problem mi_text_check_name(const char *s, size_t len, size_t *offset);

/* A person's name as it is stored and matched: Unicode NFC (so "Zoë"
 * typed with a combining diaeresis is the same name as with "ë"), and every
 * other space character (no-break, en, ideographic, ...) made a plain
 * space. s must be valid UTF-8. Caller frees; NULL when out of memory or s
 * is not valid UTF-8. */
char *mi_text_normalize_name(const char *s);

/* A plain phrase for a problem, e.g. "a control character". */
const char *mi_text_problem_name(mi_text_problem problem);

/* The code point that starts at s[offset] (s is len bytes), or 0 when
 * there is none there; for naming it in a message ("U+200B"). */
unsigned mi_text_codepoint_at(const char *s, size_t len, size_t offset);

/* Decodes one UTF-8 code point at s (len bytes available). Returns its
 * length in bytes and stores the code point, or returns 0 if invalid. */
size_t mi_utf8_decode(const char *s, size_t len, unsigned *codepoint);

/* Returns a newly allocated copy of s (NUL-terminated) in which every
 * character mi_text_check refuses (control, text-direction control,
 * invisible) and every invalid byte is replaced by U+FFFD;
 * newlines are kept when keep_newline is true. Caller frees. NULL on
 * allocation failure. */
char *mi_text_sanitize(const char *s, bool keep_newline);

/* Number of terminal columns s takes (code points; wide CJK counts 2). */
size_t mi_text_width(const char *s);

#endif
