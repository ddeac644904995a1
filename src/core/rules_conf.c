/* rules_conf.c - the line format shared by rules.conf and medications.conf. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/rules.h"
#include "mi/text.h"

enum { MAX_CONF_FILE = 4 * 1024 * 1024 };

void mi_conf_reader_open(mi_conf_reader *r, const char *file_name, const char *text, size_t len)
{
	*r = (mi_conf_reader){.file_name = file_name, .text = text, .len = len};
}

void mi_conf_reader_close(mi_conf_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}

mi_status mi_conf_fail(const mi_conf_reader *r, size_t line, mi_error *err, const char *fmt, ...)
{
	char reason[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return mi_error_set(err, MI_EDATA, "%s:%zu: %s", r->file_name, line, reason);
}

char *mi_conf_trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

bool mi_conf_is_identifier(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* One physical line: [start, end) without the newline or a final '\r'. */
typedef struct span {
	const char *start;
	size_t len;
} span;

/* The physical line at r->pos (without consuming it); false at the end. */
static bool peek_line(const mi_conf_reader *r, span *out, size_t *next_pos)
{
	if (r->pos >= r->len)
		return false;
	const char *s = r->text + r->pos;
	size_t rest = r->len - r->pos;
	const char *nl = memchr(s, '\n', rest);
	size_t n = nl ? (size_t)(nl - s) : rest;
	*next_pos = r->pos + n + (nl ? 1 : 0);
	if (n > 0 && s[n - 1] == '\r')
		n--;
	out->start = s;
	out->len = n;
	return true;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The line without leading and trailing blanks. */
static span trim(span s)
{
	while (s.len > 0 && is_blank(s.start[0])) {
		s.start++;
		s.len--;
	}
	while (s.len > 0 && is_blank(s.start[s.len - 1]))
		s.len--;
	return s;
}

/* Makes room for need bytes in the reader's buffer. */
static bool reserve(mi_conf_reader *r, size_t need)
{
	if (need <= r->cap)
		return true;
	size_t cap = r->cap ? r->cap : 256;
	while (cap < need)
		cap *= 2;
	char *buf = realloc(r->buf, cap);
	if (!buf)
		return false;
	r->buf = buf;
	r->cap = cap;
	return true;
}

/* Checks a physical line is UTF-8 without control characters (tabs allowed). */
static mi_status check_text(const mi_conf_reader *r, span s, mi_error *err)
{
	size_t at = 0;
	while (at < s.len) {
		const char *tab = memchr(s.start + at, '\t', s.len - at);
		size_t n = tab ? (size_t)(tab - (s.start + at)) : s.len - at;
		size_t offset;
		mi_text_problem p = mi_text_check(s.start + at, n, false, &offset);
		if (p != MI_TEXT_OK)
			return mi_conf_fail(r, r->line, err, _("%s at byte %zu of the line."),
					    mi_text_problem_name(p), at + offset + 1);
		at += n + (tab ? 1 : 0);
	}
	return MI_OK;
}

/* Copies a section header "[kind name]" into the buffer. */
static mi_status read_section(mi_conf_reader *r, span s, mi_conf_line *out, mi_error *err)
{
	if (s.start[s.len - 1] != ']')
		return mi_conf_fail(r, r->line, err, _("a section header must end with ']'."));
	span inner = trim((span){s.start + 1, s.len - 2});
	if (!reserve(r, inner.len + 2))
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), r->file_name);
	memcpy(r->buf, inner.start, inner.len);
	r->buf[inner.len] = '\0';
	char *space = strpbrk(r->buf, " \t");
	if (!space)
		return mi_conf_fail(r, r->line, err,
				    _("a section header needs a kind and a name, as in [rule fever]."));
	*space = '\0';
	char *name = space + 1;
	while (is_blank(*name))
		name++;
	/* A name may be a field of an object key: [question client.name]. */
	char *dot = strchr(name, '.');
	if (dot)
		*dot = '\0';
	bool valid = mi_conf_is_identifier(r->buf) && mi_conf_is_identifier(name) &&
		     (!dot || mi_conf_is_identifier(dot + 1));
	if (dot)
		*dot = '.';
	if (!valid)
		return mi_conf_fail(r, r->line, err,
				    _("a section kind and name use lower-case letters, digits and '_' only, as in [rule fever]."));
	out->kind = MI_CONF_SECTION;
	out->kind_word = r->buf;
	out->name = name;
	return MI_OK;
}

/* True when the trimmed line is "identifier = ..."; stores where '=' is. */
static bool is_setting(span s, size_t *eq)
{
	const char *e = memchr(s.start, '=', s.len);
	if (!e)
		return false;
	span key = trim((span){s.start, (size_t)(e - s.start)});
	if (key.len == 0 || !(key.start[0] >= 'a' && key.start[0] <= 'z'))
		return false;
	for (size_t i = 0; i < key.len; i++) {
		char c = key.start[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	*eq = (size_t)(e - s.start);
	return true;
}

/* Appends a piece of value text to the buffer at *used, with a space first
 * when add_space. */
static bool append(mi_conf_reader *r, size_t *used, span piece, bool add_space)
{
	if (!reserve(r, *used + piece.len + 2))
		return false;
	if (add_space)
		r->buf[(*used)++] = ' ';
	memcpy(r->buf + *used, piece.start, piece.len);
	*used += piece.len;
	r->buf[*used] = '\0';
	return true;
}

/* Reads "key = value" and its continuation lines. */
static mi_status read_setting(mi_conf_reader *r, span s, size_t eq, mi_conf_line *out,
			      mi_error *err)
{
	span key = trim((span){s.start, eq});
	span value = trim((span){s.start + eq + 1, s.len - eq - 1});
	size_t used = 0;
	if (!append(r, &used, key, false))
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), r->file_name);
	size_t value_at = ++used;
	r->buf[used] = '\0';
	if (!append(r, &used, value, false))
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), r->file_name);
	span next;
	size_t next_pos;
	while (peek_line(r, &next, &next_pos)) {
		span t = trim(next);
		if (next.len == 0 || !is_blank(next.start[0]) || t.len == 0 || t.start[0] == '#')
			break;
		r->pos = next_pos;
		r->line++;
		mi_status st = check_text(r, next, err);
		if (st != MI_OK)
			return st;
		if (!append(r, &used, t, used > value_at))
			return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), r->file_name);
	}
	out->kind = MI_CONF_SETTING;
	out->key = r->buf;
	out->value = r->buf + value_at;
	return MI_OK;
}

mi_status mi_conf_next(mi_conf_reader *r, mi_conf_line *out, mi_error *err)
{
	*out = (mi_conf_line){.kind = MI_CONF_END};
	span s;
	size_t next_pos;
	while (peek_line(r, &s, &next_pos)) {
		r->pos = next_pos;
		r->line++;
		mi_status st = check_text(r, s, err);
		if (st != MI_OK)
			return st;
		span t = trim(s);
		if (t.len == 0 || t.start[0] == '#')
			continue;
		out->line = r->line;
		if (t.start[0] == '[')
			return read_section(r, t, out, err);
		size_t eq;
		if (is_setting(t, &eq))
			return read_setting(r, t, eq, out, err);
		size_t used = 0;
		if (!append(r, &used, t, false))
			return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), r->file_name);
		out->kind = MI_CONF_ITEM;
		out->value = r->buf;
		return MI_OK;
	}
	return MI_OK;
}

mi_status mi_conf_read_file(const char *path, char **text, size_t *len, mi_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return mi_error_set(err, MI_ENOINPUT, _("%s: cannot open: %s."), path, strerror(errno));
	/* At least 256 KiB, so that malloc maps the buffer apart from the heap:
	 * freed in the middle of the heap, after the dictionary was built
	 * around it, it made every allocation of bulk screening dearer (12 %
	 * more instructions per answer, measured with callgrind). */
	size_t cap = 256 * 1024, used = 0;
	char *buf = malloc(cap);
	mi_status st = MI_OK;
	while (buf) {
		if (used + 1 >= cap) {
			if (cap >= MAX_CONF_FILE) {
				st = mi_error_set(err, MI_EDATA, _("%s: the file is larger than %d bytes."),
						  path, MAX_CONF_FILE);
				break;
			}
			char *bigger = realloc(buf, cap * 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
		size_t n = fread(buf + used, 1, cap - 1 - used, f);
		used += n;
		if (n == 0) {
			if (ferror(f))
				st = mi_error_set(err, MI_ENOINPUT, _("%s: cannot read: %s."), path,
						  strerror(errno));
			break;
		}
	}
	fclose(f);
	if (!buf)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), path);
	if (st != MI_OK) {
		free(buf);
		return st;
	}
	buf[used] = '\0';
	*text = buf;
	*len = used;
	return MI_OK;
}
