/* strbuf.c - a growing string built with printf-style appends. */
#include "mi/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for n more bytes and the NUL; false (and nomem) when out of memory. */
static bool reserve(mi_strbuf *b, size_t n)
{
	if (b->nomem)
		return false;
	if (b->len + n + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 128;
	while (cap < b->len + n + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		b->nomem = true;
		return false;
	}
	b->s = s;
	b->cap = cap;
	return true;
}

void mi_strbuf_add(mi_strbuf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void mi_strbuf_puts(mi_strbuf *b, const char *s)
{
	mi_strbuf_add(b, s, strlen(s));
}

void mi_strbuf_addf(mi_strbuf *b, const char *fmt, ...)
{
	if (b->nomem)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->nomem = true;
		return;
	}
	if (!reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *mi_strbuf_take(mi_strbuf *b)
{
	char *s = b->nomem ? NULL : b->s ? b->s : strdup("");
	if (b->nomem)
		free(b->s);
	*b = (mi_strbuf){0};
	return s;
}

void mi_strbuf_clear(mi_strbuf *b)
{
	free(b->s);
	*b = (mi_strbuf){0};
}
