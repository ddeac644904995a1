/* pot.c - the messages of a gettext template (pot.h). */
#include "mi/i18n.h"
#include "mi/pot.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mi/strbuf.h"

typedef enum part { PART_NONE, PART_CTXT, PART_ID, PART_OTHER } part;

typedef struct reader {
	mi_strbuf ctxt, id;
	bool has_ctxt, has_id;
	part in;
} reader;

/* Appends the C-escaped string starting at the '"' of line to b; false when
 * it is not one. */
static bool add_quoted(mi_strbuf *b, const char *line)
{
	if (*line != '"')
		return false;
	const char *s = line + 1;
	while (*s && *s != '"') {
		char c = *s++;
		if (c == '\\') {
			c = *s++;
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
			if (!c)
				return false;
		}
		mi_strbuf_add(b, &c, 1);
	}
	return *s == '"';
}

/* Hands the message read so far to fn (not the header, msgid ""). */
static void flush(reader *r, mi_pot_message *fn, void *context)
{
	if (r->has_id && r->id.len > 0)
		fn(context, r->has_ctxt ? r->ctxt.s : NULL, r->id.s);
	mi_strbuf_clear(&r->ctxt);
	mi_strbuf_clear(&r->id);
	r->has_ctxt = r->has_id = false;
	r->in = PART_NONE;
}

mi_status mi_pot_parse(const char *text, size_t len, const char *file_name, mi_pot_message *fn,
		       void *context, mi_error *err)
{
	reader r = {0};
	size_t number = 0;
	mi_status st = MI_OK;
	for (size_t pos = 0; pos < len && st == MI_OK;) {
		const char *start = text + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		pos += n + 1;
		number++;
		char *line = strndup(start, n);
		if (!line) {
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
			break;
		}
		bool ok = true;
		if (line[0] == '#' || line[0] == '\0') {
			if (r.in == PART_ID || r.in == PART_OTHER)
				flush(&r, fn, context);
		} else if (strncmp(line, "msgctxt ", 8) == 0) {
			if (r.in == PART_ID || r.in == PART_OTHER)
				flush(&r, fn, context);
			r.has_ctxt = true;
			r.in = PART_CTXT;
			ok = add_quoted(&r.ctxt, line + 8);
		} else if (strncmp(line, "msgid ", 6) == 0) {
			if (r.in == PART_ID || r.in == PART_OTHER)
				flush(&r, fn, context);
			r.has_id = true;
			r.in = PART_ID;
			ok = add_quoted(&r.id, line + 6);
		} else if (strncmp(line, "msgstr", 6) == 0 || strncmp(line, "msgid_plural", 12) == 0) {
			r.in = PART_OTHER;
		} else if (line[0] == '"') {
			mi_strbuf *b = r.in == PART_CTXT ? &r.ctxt : r.in == PART_ID ? &r.id : NULL;
			ok = r.in == PART_OTHER || (b && add_quoted(b, line));
		} else {
			ok = false;
		}
		free(line);
		if (!ok)
			st = mi_error_set(err, MI_EDATA, _("%s:%zu: not a line of a gettext template."),
					  file_name, number);
		else if (r.ctxt.nomem || r.id.nomem)
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	if (st == MI_OK)
		flush(&r, fn, context);
	mi_strbuf_clear(&r.ctxt);
	mi_strbuf_clear(&r.id);
	return st;
}
