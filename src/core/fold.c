/* fold.c - the comparison key of names, with utf8proc (see fold.h). */
#include "mi/fold.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "mi/text.h"

/* Raise when the steps below change: stored keys are then made again. */
enum { FOLD_REVISION = 2 };

/* Step 1 and 2 of fold.h: NFKD, case folding, ignorables out, lumping. */
static const utf8proc_option_t DECOMPOSE = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
					   UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_LUMP;

/* Code points decomposed on the stack before falling back to malloc:
 * enough for any name. */
enum { STACK_CODEPOINTS = 256 };

/* An accent to drop (step 3 of fold.h). */
static bool is_accent(utf8proc_int32_t c)
{
	const utf8proc_property_t *p = utf8proc_get_property(c);
	if (p->category == UTF8PROC_CATEGORY_ME)
		return true;
	if (p->category != UTF8PROC_CATEGORY_MN)
		return false;
	unsigned ccc = p->combining_class;
	return ccc == 1 || (ccc >= 10 && ccc <= 35) || ccc >= 200;
}

static bool is_space(utf8proc_int32_t c)
{
	if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85)
		return true;
	utf8proc_category_t cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

/* Decomposes s into *buf, which holds *cap code points; when that is too
 * small, *buf becomes a malloc'd array (*allocated set, caller frees).
 * Returns the number of code points, or a utf8proc error code
 * (UTF8PROC_ERROR_NOMEM when malloc fails). */
static utf8proc_ssize_t decompose(const char *s, utf8proc_int32_t **buf, utf8proc_ssize_t *cap,
				  bool *allocated)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s);
	/* One spare code point: reencoding needs a byte more than it writes. */
	utf8proc_ssize_t n = utf8proc_decompose(u, len, *buf, *cap - 1, DECOMPOSE);
	if (n < *cap)
		return n;
	utf8proc_int32_t *big = malloc(((size_t)n + 1) * sizeof *big);
	if (!big)
		return UTF8PROC_ERROR_NOMEM;
	*buf = big;
	*cap = n + 1;
	*allocated = true;
	return utf8proc_decompose(u, len, big, n, DECOMPOSE);
}

/* Steps 2 (control and format characters), 3 and 4 of fold.h on buf[0..n), in
 * place; returns the new length. */
static utf8proc_ssize_t drop_accents_and_spaces(utf8proc_int32_t *buf, utf8proc_ssize_t n)
{
	utf8proc_ssize_t o = 0;
	bool pending_space = false;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		utf8proc_int32_t c = buf[i];
		if (is_space(c)) {
			pending_space = o > 0;
			continue;
		}
		utf8proc_category_t category = utf8proc_category(c);
		/* Format characters UTF8PROC_IGNORE keeps (U+0600, U+070F, ...)
		 * are no more a part of a name than the ignorable ones. */
		if (is_accent(c) || category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF)
			continue;
		if (pending_space) {
			buf[o++] = ' ';
			pending_space = false;
		}
		buf[o++] = c;
	}
	return o;
}

/* Folds s into a new string; NULL with *rc the utf8proc error (or
 * UTF8PROC_ERROR_NOMEM) when it cannot. */
static char *fold_utf8(const char *s, utf8proc_ssize_t *rc)
{
	utf8proc_int32_t stack[STACK_CODEPOINTS];
	utf8proc_int32_t *buf = stack;
	utf8proc_ssize_t cap = STACK_CODEPOINTS;
	bool allocated = false;
	char *out = NULL;
	*rc = decompose(s, &buf, &cap, &allocated);
	if (*rc >= 0) {
		utf8proc_ssize_t n = drop_accents_and_spaces(buf, *rc);
		/* Step 5; the UTF-8 result replaces the code points in buf. */
		*rc = utf8proc_reencode(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		if (*rc >= 0 && !(out = malloc((size_t)*rc + 1)))
			*rc = UTF8PROC_ERROR_NOMEM;
		if (out)
			memcpy(out, buf, (size_t)*rc + 1);
	}
	if (allocated)
		free(buf);
	return out;
}

char *mi_fold(const char *s)
{
	utf8proc_ssize_t rc;
	char *out = fold_utf8(s, &rc);
	if (out || rc != UTF8PROC_ERROR_INVALIDUTF8)
		return out;
	/* Only text that skipped validation gets here. */
	char *clean = mi_text_sanitize(s, true);
	if (clean)
		out = fold_utf8(clean, &rc);
	free(clean);
	return out;
}

void mi_fold_version(char *buf, size_t size)
{
	snprintf(buf, size, "%d unicode %s", FOLD_REVISION, utf8proc_unicode_version());
}
