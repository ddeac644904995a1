/* app_export.h - records sent out of the program for another program or
 * for the client: FHIR R4 Bundles, the FHIR Questionnaire, and a client's
 * own copy (JSON or PDF). Every export of records is recorded in the audit
 * log first and not done when it cannot be (app_audit.h); the output is
 * written through outfile.h (mode 0600, put in place only when complete). */
#ifndef MI_APP_EXPORT_H
#define MI_APP_EXPORT_H

#include <stdbool.h>

#include "mi/date.h"
#include "mi/form.h"
#include "mi/pdf.h"
#include "mi/store.h"

/* Which visits go into a FHIR export. */
typedef enum mi_app_export_scope {
	MI_APP_EXPORT_VISIT = 0, /* one visit: one Bundle */
	MI_APP_EXPORT_CLIENT,    /* every visit of one client */
	MI_APP_EXPORT_ALL,       /* every visit, drafts included */
} mi_app_export_scope;

typedef struct mi_app_fhir_request {
	mi_app_export_scope scope;
	long long id;       /* the visit or the client */
	bool jsonl;         /* one Bundle per line instead of a JSON array (not for one visit) */
	const char *output; /* the file; NULL: standard output */
} mi_app_fhir_request;

/* Writes the FHIR Bundles of req, logged as "export fhir" first.
 * MI_ENOTFOUND an unknown visit or client (nothing logged or written);
 * MI_ENOPERM when the person acting may not read clinical notes
 * (app_access.h; audited, nothing written). */
mi_status mi_app_export_fhir(mi_store *store, const mi_form *form, const mi_ruleset *rules,
			     const mi_app_fhir_request *req, mi_error *err);

/* Writes the FHIR Questionnaire of form (no records: not logged). */
mi_status mi_app_export_questionnaire(const mi_form *form, const char *output, mi_error *err);

typedef struct mi_app_copy_request {
	long long client_id;
	bool pdf;           /* else JSON */
	bool has_paper;     /* paper chosen for this run, else the settings' */
	mi_paper paper;
	mi_date today;      /* the date the copy is made */
	const char *output; /* the file; NULL: standard output */
} mi_app_copy_request;

/* Writes a client's own copy of everything held about them, logged as
 * "export copy" first. MI_ENOTFOUND an unknown client; MI_ENOPERM as for
 * FHIR. */
mi_status mi_app_export_copy(mi_store *store, const mi_form *form, const mi_ruleset *rules,
			     const mi_app_copy_request *req, mi_error *err);

#endif
