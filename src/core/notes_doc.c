/* notes_doc.c - session notes as one plain-text document (see notes_doc.h). */
#include "mi/i18n.h"
#include "mi/notes_doc.h"

#include <stdlib.h>
#include <string.h>

#include "mi/strbuf.h"

static const char *const headings[MI_NOTES_FIELD_COUNT] = {
	[MI_NOTES_RESPONSE] = "response",
	[MI_NOTES_THERAPIST] = "therapist-notes",
	[MI_NOTES_AFTERCARE] = "aftercare",
	[MI_NOTES_GOALS_OTHER] = "goals-other",
	[MI_NOTES_AREAS_OTHER] = "areas-other",
};

const char *mi_notes_doc_heading(mi_notes_field field)
{
	return field < MI_NOTES_FIELD_COUNT ? headings[field] : "";
}

/* True for the notes kept on one line. */
static bool one_line(mi_notes_field field)
{
	return field == MI_NOTES_GOALS_OTHER || field == MI_NOTES_AREAS_OTHER;
}

char *mi_notes_doc_format(const char *intro, const char *const texts[MI_NOTES_FIELD_COUNT])
{
	mi_strbuf b = {0};
	if (intro)
		mi_strbuf_addf(&b, "%s\n\n", intro);
	for (int f = 0; f < MI_NOTES_FIELD_COUNT; f++)
		mi_strbuf_addf(&b, "%s[%s]\n%s%s", f ? "\n" : "", headings[f], texts[f] ? texts[f] : "",
			       texts[f] && *texts[f] ? "\n" : "");
	return mi_strbuf_take(&b);
}

/* The field whose heading line is line[0..len) (spaces at its end
 * allowed); -1 when it is no heading, -2 when it looks like one ("[word]")
 * but names no section. */
static int heading_of(const char *line, size_t len)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len < 3 || line[0] != '[' || line[len - 1] != ']')
		return -1;
	for (int f = 0; f < MI_NOTES_FIELD_COUNT; f++)
		if (strlen(headings[f]) == len - 2 && memcmp(line + 1, headings[f], len - 2) == 0)
			return f;
	for (size_t i = 1; i + 1 < len; i++)
		if (!(line[i] >= 'a' && line[i] <= 'z') && line[i] != '-' && line[i] != '_')
			return -1;
	return -2;
}

/* Appends one line of a section to b: tabs as spaces, no spaces at its end;
 * *blank_run counts the blank lines held back (dropped at the end). */
static void add_line(mi_strbuf *b, const char *line, size_t len, bool join, size_t *blank_run)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 0) {
		if (b->len > 0)
			(*blank_run)++;
		return;
	}
	if (b->len > 0) {
		if (join)
			mi_strbuf_puts(b, " ");
		else
			for (size_t i = 0; i <= *blank_run; i++)
				mi_strbuf_puts(b, "\n");
	}
	*blank_run = 0;
	for (size_t start = 0; start < len;) {
		const char *tab = memchr(line + start, '\t', len - start);
		size_t run = tab ? (size_t)(tab - (line + start)) : len - start;
		mi_strbuf_add(b, line + start, run);
		start += run;
		if (start < len) {
			mi_strbuf_puts(b, " ");
			start++;
		}
	}
}

/* Stores the section just read into doc; false when out of memory. */
static bool close_section(mi_notes_doc *doc, int field, mi_strbuf *b)
{
	if (field < 0)
		return true;
	doc->given[field] = true;
	if (b->len == 0) {
		mi_strbuf_clear(b);
		return !b->nomem;
	}
	doc->text[field] = mi_strbuf_take(b);
	*b = (mi_strbuf){0};
	return doc->text[field] != NULL;
}

mi_status mi_notes_doc_parse(const char *text, size_t len, mi_notes_doc *out, mi_error *err)
{
	*out = (mi_notes_doc){0};
	if (len > MI_NOTES_DOC_MAX)
		return mi_error_set(err, MI_EDATA, _("the notes are %zu bytes long; the limit is %d bytes."),
				    len, MI_NOTES_DOC_MAX);
	mi_strbuf b = {0};
	int field = -1;
	size_t line_no = 0, blank_run = 0;
	mi_status status = MI_OK;
	for (size_t at = 0; at < len && status == MI_OK;) {
		const char *line = text + at;
		const char *nl = memchr(line, '\n', len - at);
		size_t n = nl ? (size_t)(nl - line) : len - at;
		at += n + (nl ? 1 : 0);
		line_no++;
		size_t shown = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
		int heading = heading_of(line, shown);
		if (memchr(line, '\0', n)) {
			status = mi_error_set(err, MI_EDATA, _("line %zu contains a NUL byte."), line_no);
		} else if (heading == -2) {
			status = mi_error_set(err, MI_EDATA,
					      _("line %zu looks like a heading but is none of [response], "
					      "[therapist-notes], [aftercare], [goals-other] and "
					      "[areas-other]."),
					      line_no);
		} else if (heading >= 0 && (out->given[heading] || heading == field)) {
			status = mi_error_set(err, MI_EDATA, _("line %zu: the section [%s] is given twice."),
					      line_no, headings[heading]);
		} else if (heading >= 0) {
			if (!close_section(out, field, &b))
				status = mi_error_set(err, MI_EINTERNAL, _("out of memory reading the notes."));
			field = heading;
			blank_run = 0;
		} else if (field >= 0) {
			add_line(&b, line, shown, one_line((mi_notes_field)field), &blank_run);
		}
	}
	if (status == MI_OK && !close_section(out, field, &b))
		status = mi_error_set(err, MI_EINTERNAL, _("out of memory reading the notes."));
	if (status == MI_OK && b.nomem)
		status = mi_error_set(err, MI_EINTERNAL, _("out of memory reading the notes."));
	mi_strbuf_clear(&b);
	if (status != MI_OK)
		mi_notes_doc_clear(out);
	return status;
}

size_t mi_notes_doc_body_start(const char *text, size_t len)
{
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		size_t shown = n > 0 && text[at + n - 1] == '\r' ? n - 1 : n;
		if (heading_of(text + at, shown) != -1)
			return at;
		at += n + (nl ? 1 : 0);
	}
	return len;
}

void mi_notes_doc_clear(mi_notes_doc *doc)
{
	for (int f = 0; f < MI_NOTES_FIELD_COUNT; f++)
		free(doc->text[f]);
	*doc = (mi_notes_doc){0};
}
