/* text.c - UTF-8 checks and safe copies of text for output. */
#include "mi/i18n.h"
#include "mi/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

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

/* Zero-width non-joiner and joiner: format characters that Persian, Indic
 * scripts and emoji sequences need in ordinary text. */
enum { ZWNJ = 0x200C, ZWJ = 0x200D };

/* What is wrong with code point c in text (a name when name is true). */
static mi_text_problem classify(unsigned c, bool allow_newline, bool name)
{
	if (is_control(c))
		return allow_newline && c == '\n' ? MI_TEXT_OK : MI_TEXT_CONTROL;
	if (c < 0xA0)
		return MI_TEXT_OK;
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
	switch (p->bidi_class) {
	case UTF8PROC_BIDI_CLASS_LRE:
	case UTF8PROC_BIDI_CLASS_LRO:
	case UTF8PROC_BIDI_CLASS_RLE:
	case UTF8PROC_BIDI_CLASS_RLO:
	case UTF8PROC_BIDI_CLASS_PDF:
	case UTF8PROC_BIDI_CLASS_LRI:
	case UTF8PROC_BIDI_CLASS_RLI:
	case UTF8PROC_BIDI_CLASS_FSI:
	case UTF8PROC_BIDI_CLASS_PDI:
		return MI_TEXT_BIDI_CONTROL;
	default:
		break;
	}
	if (p->category == UTF8PROC_CATEGORY_CF) {
		/* The invisible marks LRM, RLM and ALM are the format
		 * characters with a strong direction. */
		if (p->bidi_class == UTF8PROC_BIDI_CLASS_L || p->bidi_class == UTF8PROC_BIDI_CLASS_R ||
		    p->bidi_class == UTF8PROC_BIDI_CLASS_AL)
			return MI_TEXT_BIDI_CONTROL;
		if (!name && (c == ZWNJ || c == ZWJ))
			return MI_TEXT_OK;
		return name && (c == ZWNJ || c == ZWJ) ? MI_TEXT_NOT_IN_NAME : MI_TEXT_INVISIBLE;
	}
	if (p->category == UTF8PROC_CATEGORY_ZL || p->category == UTF8PROC_CATEGORY_ZP)
		return MI_TEXT_INVISIBLE;
	if (name && (p->ignorable || p->category == UTF8PROC_CATEGORY_CN ||
		     p->category == UTF8PROC_CATEGORY_CO || p->category == UTF8PROC_CATEGORY_CS))
		return MI_TEXT_NOT_IN_NAME;
	return MI_TEXT_OK;
}

/* mi_text_check and mi_text_check_name. */
static mi_text_problem check(const char *s, size_t len, bool allow_newline, bool name,
			     size_t *offset)
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
		mi_text_problem problem = n == 0 ? MI_TEXT_INVALID_UTF8 : classify(c, allow_newline, name);
		if (problem != MI_TEXT_OK) {
			if (offset)
				*offset = i;
			return problem;
		}
		i += n;
	}
	return MI_TEXT_OK;
}

mi_text_problem mi_text_check(const char *s, size_t len, bool allow_newline, size_t *offset)
{
	return check(s, len, allow_newline, false, offset);
}

mi_text_problem mi_text_check_name(const char *s, size_t len, size_t *offset)
{
	return check(s, len, false, true, offset);
}

char *mi_text_normalize_name(const char *s)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	/* Spaces other than U+0020 become U+0020 (which takes one byte, so
	 * the text only shrinks). */
	size_t o = 0, i = 0, len = (size_t)n;
	char *out = (char *)nfc;
	while (i < len) {
		unsigned c;
		size_t k = mi_utf8_decode(out + i, len - i, &c);
		if (k > 1 && utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ZS) {
			out[o++] = ' ';
		} else {
			memmove(out + o, out + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

unsigned mi_text_codepoint_at(const char *s, size_t len, size_t offset)
{
	unsigned c = 0;
	if (offset >= len || mi_utf8_decode(s + offset, len - offset, &c) == 0)
		return 0;
	return c;
}

const char *mi_text_problem_name(mi_text_problem problem)
{
	switch (problem) {
	case MI_TEXT_OK:
		return _("nothing wrong");
	case MI_TEXT_INVALID_UTF8:
		return _("bytes that are not valid UTF-8");
	case MI_TEXT_CONTROL:
		return _("a control character");
	case MI_TEXT_BIDI_CONTROL:
		return _("an invisible text-direction control character");
	case MI_TEXT_INVISIBLE:
		return _("an invisible character");
	case MI_TEXT_NOT_IN_NAME:
		return _("an invisible or unassigned character that a name cannot hold");
	}
	return _("an unknown problem");
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
		bool bad = n == 0 || classify(c, keep_newline, false) != MI_TEXT_OK;
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
