/* text.c - UTF-8 checks and safe copies of text for output. */
#include "mi/text.h"

#include <stdlib.h>
#include <string.h>

size_t mi_utf8_decode(const char *s, size_t len, unsigned *codepoint)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0)
		return 0;
	unsigned c = u[0];
	size_t need;
	unsigned min;
	if (c < 0x80) {
		*codepoint = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		need = 2;
		min = 0x80;
		c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		need = 3;
		min = 0x800;
		c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		need = 4;
		min = 0x10000;
		c &= 0x07;
	} else {
		return 0;
	}
	if (len < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past Unicode are invalid. */
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*codepoint = c;
	return need;
}

static bool is_control(unsigned c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

static bool is_bidi_control(unsigned c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

mi_text_problem mi_text_check(const char *s, size_t len, bool allow_newline, size_t *offset)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = (unsigned char)s[i];
		/* Plain ASCII, the common case, without decoding. */
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		size_t n = mi_utf8_decode(s + i, len - i, &c);
		mi_text_problem problem = MI_TEXT_OK;
		if (n == 0)
			problem = MI_TEXT_INVALID_UTF8;
		else if (is_control(c) && !(allow_newline && c == '\n'))
			problem = MI_TEXT_CONTROL;
		else if (is_bidi_control(c))
			problem = MI_TEXT_BIDI_CONTROL;
		if (problem != MI_TEXT_OK) {
			if (offset)
				*offset = i;
			return problem;
		}
		i += n;
	}
	return MI_TEXT_OK;
}

const char *mi_text_problem_name(mi_text_problem problem)
{
	switch (problem) {
	case MI_TEXT_OK:
		return "nothing wrong";
	case MI_TEXT_INVALID_UTF8:
		return "bytes that are not valid UTF-8";
	case MI_TEXT_CONTROL:
		return "a control character";
	case MI_TEXT_BIDI_CONTROL:
		return "an invisible text-direction control character";
	}
	return "an unknown problem";
}

char *mi_text_sanitize(const char *s, bool keep_newline)
{
	static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
	size_t len = strlen(s);
	/* Each bad byte can grow to three bytes at most. */
	char *out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	size_t o = 0, i = 0;
	while (i < len) {
		unsigned c;
		size_t n = mi_utf8_decode(s + i, len - i, &c);
		bool bad = n == 0 || (is_control(c) && !(keep_newline && c == '\n')) ||
			   is_bidi_control(c);
		if (bad) {
			memcpy(out + o, replacement, 3);
			o += 3;
			i += n ? n : 1;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
		}
	}
	out[o] = '\0';
	return out;
}

/* True for code points that take two terminal columns (CJK, Hangul,
 * full-width forms, most emoji). */
static bool is_wide(unsigned c)
{
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
	       (c >= 0x20000 && c <= 0x3FFFD);
}

/* True for combining marks, which take no column of their own. */
static bool is_combining(unsigned c)
{
	return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) ||
	       (c >= 0x0591 && c <= 0x05BD) || (c >= 0x0610 && c <= 0x061A) ||
	       (c >= 0x064B && c <= 0x065F) || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F);
}

size_t mi_text_width(const char *s)
{
	size_t len = strlen(s), width = 0, i = 0;
	while (i < len) {
		unsigned c;
		size_t n = mi_utf8_decode(s + i, len - i, &c);
		if (n == 0) {
			width++;
			i++;
			continue;
		}
		if (!is_combining(c))
			width += is_wide(c) ? 2 : 1;
		i += n;
	}
	return width;
}
