/* client_copy.h - a client's own copy of everything the clinic holds about
 * them (data portability): their details and, for every visit, the
 * answers, the screening outcome and flags, the goals, the session notes
 * (the therapist's own notes included: the copy hides nothing), who signed
 * them and every later change with the text before it, the follow-up plan,
 * the consent text agreed (its version and SHA-256) and the aftercare
 * notes.
 *
 * Two forms from the same loaded records: JSON for another program (its
 * layout is in docs/export.md and stays stable) and a PDF of as many pages
 * as it needs for the client to read, laid out with cairo and pango like
 * the aftercare page (every script shaped, right-to-left included). The
 * answers are shown with the questions' own words (form.h). Every string
 * from a record passes through mi_text_sanitize. Nothing here touches the
 * database or prints.
 */
#ifndef MI_CLIENT_COPY_H
#define MI_CLIENT_COPY_H

#include <stddef.h>

#include "mi/date.h"
#include "mi/error.h"
#include "mi/form.h"
#include "mi/pdf.h"
#include "mi/screen.h"
#include "mi/store.h"
#include "mi/visit.h"
#include "mi/visit_record.h"

typedef struct json_t json_t;

/* Everything one copy is made from. */
typedef struct mi_client_copy {
	const mi_client *client;
	mi_visit *const *visits; /* oldest first */
	const mi_visit_record *records; /* what each visit keeps beside it (visit_count
					 * of them): who signed its notes, every
					 * amendment, its plan, the consent text */
	size_t visit_count;
	const mi_form *form;       /* the questions' words */
	const mi_ruleset *rules;   /* each flag's message in plain words; NULL: none */
	const char *clinic_name;   /* NULL or "": MI_DEFAULT_CLINIC_NAME */
	mi_date made;              /* the day the copy is made */
} mi_client_copy;

/* The signature of a visit's notes and its amendments as JSON, as the copy
 * and `show --json` give them: null when not signed, else {"by", "at",
 * "amendments": [{"at", "by", "field", "before", "after"}]}. A new
 * reference; NULL when out of memory. */
json_t *mi_note_record_json(const mi_note_record *record);

/* The copy as JSON text (indented). Caller frees; NULL when out of memory. */
char *mi_client_copy_json(const mi_client_copy *copy);

/* The copy as a PDF on paper; *data (caller frees) holds *len bytes.
 * MI_EINTERNAL when cairo fails. Call mi_render_release_fonts when done
 * rendering. */
mi_status mi_client_copy_pdf(const mi_client_copy *copy, mi_paper paper, unsigned char **data,
			     size_t *len, mi_error *err);

#endif
