/* notes_doc.h - a visit's session notes as one plain-text document, for
 * editing them in a text editor (`note VISIT --edit`) or giving them in a
 * file (`note VISIT --from-file FILE`), so that health text never has to
 * go on a command line, where `ps` shows it to every user of the computer.
 *
 * The document is a series of sections, each under a heading line that is
 * exactly one of:
 *
 *   [response]  [therapist-notes]  [aftercare]  [goals-other]  [areas-other]
 *
 * Everything before the first heading is ignored (the editor puts its
 * instructions there). A section's text is its lines up to the next
 * heading, without blank lines at either end and without spaces at line
 * ends; a tab becomes a space. goals-other and areas-other are one line
 * each: their lines are joined with spaces. A section that is present
 * replaces that note, and an empty one clears it; a note whose section is
 * missing is left as it was.
 */
#ifndef MI_NOTES_DOC_H
#define MI_NOTES_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/error.h"

typedef enum mi_notes_field {
	MI_NOTES_RESPONSE,
	MI_NOTES_THERAPIST,
	MI_NOTES_AFTERCARE,
	MI_NOTES_GOALS_OTHER,
	MI_NOTES_AREAS_OTHER,
	MI_NOTES_FIELD_COUNT,
} mi_notes_field;

/* A larger document is refused (five notes of at most 2,000 bytes, the
 * headings and the editor's instructions fit many times over). */
enum { MI_NOTES_DOC_MAX = 64 * 1024 };

typedef struct mi_notes_doc {
	bool given[MI_NOTES_FIELD_COUNT]; /* the section is in the document */
	char *text[MI_NOTES_FIELD_COUNT]; /* its text; NULL when empty (clears the note) */
} mi_notes_doc;

/* The heading of a field without brackets: "therapist-notes". */
const char *mi_notes_doc_heading(mi_notes_field field);

/* The document: intro (may be NULL) followed by a blank line, then every
 * section in the order above with texts[field] (NULL: empty). Caller frees;
 * NULL when out of memory. */
char *mi_notes_doc_format(const char *intro, const char *const texts[MI_NOTES_FIELD_COUNT]);

/* Reads a document from text[0..len) into *out (caller clears). MI_EDATA
 * names the line of a heading that is not one of the five, or of one given
 * twice, and a document over MI_NOTES_DOC_MAX; the texts themselves are
 * checked where they are stored. */
mi_status mi_notes_doc_parse(const char *text, size_t len, mi_notes_doc *out, mi_error *err);

/* Where the sections of the document text[0..len) start: the offset of
 * its first heading line, len when there is none. */
size_t mi_notes_doc_body_start(const char *text, size_t len);

/* Frees the texts and zeroes the document. */
void mi_notes_doc_clear(mi_notes_doc *doc);

#endif
