/* aftercare_text.c - the aftercare summary as plain text, wrapped to
 * MI_AFTERCARE_TEXT_WIDTH columns. */
#include "mi/aftercare.h"

#include <stdlib.h>
#include <string.h>

#include "mi/strbuf.h"
#include "mi/text.h"

/* Columns taken by s[0..n). */
static size_t width_of(const char *s, size_t n)
{
	char *copy = strndup(s, n);
	if (!copy)
		return n;
	size_t w = mi_text_width(copy);
	free(copy);
	return w;
}

/* Bytes in the code point at s (at least 1 so that bad bytes move on). */
static size_t char_len(const char *s)
{
	unsigned c;
	size_t n = mi_utf8_decode(s, strlen(s), &c);
	return n ? n : 1;
}

/* The line being built by wrap_line. */
typedef struct line {
	mi_strbuf *o;
	size_t width, used;
	bool has_word;
	const char *rest;
} line;

/* Ends the current line and starts the next with the rest prefix. */
static void line_break(line *l)
{
	mi_strbuf_puts(l->o, "\n");
	mi_strbuf_puts(l->o, l->rest);
	l->used = mi_text_width(l->rest);
	l->has_word = false;
}

/* Puts one word (no spaces) on the line, breaking before it if it does not
 * fit, and inside it if it is wider than a whole line. */
static void line_word(line *l, const char *w, size_t n)
{
	size_t ww = width_of(w, n);
	if (l->has_word && l->used + 1 + ww <= l->width) {
		mi_strbuf_puts(l->o, " ");
		mi_strbuf_add(l->o, w, n);
		l->used += 1 + ww;
		return;
	}
	if (l->has_word)
		line_break(l);
	if (l->used + ww <= l->width) {
		mi_strbuf_add(l->o, w, n);
		l->used += ww;
		l->has_word = true;
		return;
	}
	for (size_t i = 0; i < n;) {
		size_t cl = char_len(w + i);
		if (cl > n - i)
			cl = n - i;
		size_t cw = width_of(w + i, cl);
		if (l->has_word && l->used + cw > l->width)
			line_break(l);
		mi_strbuf_add(l->o, w + i, cl);
		l->used += cw;
		l->has_word = true;
		i += cl;
	}
}

/* Wraps one line of text (no newline) with its prefixes into o. */
static void wrap_line(mi_strbuf *o, const char *text, size_t len, size_t width, const char *first,
		      const char *rest)
{
	line l = {.o = o, .width = width, .used = mi_text_width(first), .rest = rest};
	mi_strbuf_puts(o, first);
	for (size_t i = 0; i < len;) {
		if (text[i] == ' ') {
			i++;
			continue;
		}
		size_t start = i;
		while (i < len && text[i] != ' ')
			i++;
		line_word(&l, text + start, i - start);
	}
	/* A line that stayed empty loses its prefix's trailing spaces. */
	if (!l.has_word) {
		while (o->len > 0 && o->s[o->len - 1] == ' ')
			o->s[--o->len] = '\0';
	}
	mi_strbuf_puts(o, "\n");
}

/* Appends the wrapped form of text to o (see mi_aftercare_wrap). */
static void wrap_into(mi_strbuf *o, const char *text, size_t width, const char *first, const char *rest)
{
	const char *prefix = first;
	for (const char *s = text;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		wrap_line(o, s, len, width, prefix, rest);
		prefix = rest;
		if (!nl)
			break;
		s = nl + 1;
	}
}

char *mi_aftercare_wrap(const char *text, size_t width, const char *first, const char *rest)
{
	mi_strbuf o = {0};
	wrap_into(&o, text, width, first, rest);
	return mi_strbuf_take(&o);
}

/* Appends a line of `mark` as wide as text (at most the page width). */
static void underline(mi_strbuf *o, const char *text, char mark)
{
	size_t w = mi_text_width(text);
	if (w > MI_AFTERCARE_TEXT_WIDTH)
		w = MI_AFTERCARE_TEXT_WIDTH;
	for (size_t i = 0; i < w; i++)
		mi_strbuf_add(o, &mark, 1);
	mi_strbuf_puts(o, "\n");
}

char *mi_aftercare_to_text(const mi_aftercare_doc *doc)
{
	mi_strbuf o = {0};
	const size_t width = MI_AFTERCARE_TEXT_WIDTH;
	wrap_into(&o, doc->title, width, "", "");
	underline(&o, doc->title, '=');
	if (doc->subtitle && *doc->subtitle)
		wrap_into(&o, doc->subtitle, width, "", "");
	for (size_t i = 0; i < doc->section_count; i++) {
		const mi_aftercare_section *sec = &doc->sections[i];
		mi_strbuf_puts(&o, "\n");
		wrap_into(&o, sec->heading, width, "", "");
		underline(&o, sec->heading, '-');
		for (size_t j = 0; j < sec->block_count; j++) {
			const mi_aftercare_block *b = &sec->blocks[j];
			if (b->kind == MI_AFTERCARE_BULLET)
				wrap_into(&o, b->text, width, "- ", "  ");
			else
				wrap_into(&o, b->text, width, "", "");
		}
	}
	return mi_strbuf_take(&o);
}
