/* app_aftercare.h - the one aftercare pipeline: text, PDF or PNG, shown,
 * written to a file or printed, with one paper default and one audit
 * policy, for the aftercare command and the front desk alike.
 *
 * mi_app_aftercare does, in order: read the settings in force
 * (app_settings.h); load the visit and refuse a draft; build the summary
 * from the template; render it; record the act in the audit log
 * (app_audit.h: "view" for a summary handed back to show, "export" for a
 * file, "print" for the printer), and stop when an export or a print
 * cannot be recorded; then write the file or print. When writing or
 * printing fails after the act was recorded, "export failed" or "print
 * failed" follows it in the log (best effort).
 */
#ifndef MI_APP_AFTERCARE_H
#define MI_APP_AFTERCARE_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/aftercare.h"
#include "mi/pdf.h"
#include "mi/settings.h"
#include "mi/store.h"
#include "mi/translation.h"

typedef enum mi_aftercare_target {
	MI_AFTERCARE_SHOW = 0, /* handed back to the caller to show (standard output): a view */
	MI_AFTERCARE_FILE,     /* written to a file (export.h): an export */
	MI_AFTERCARE_PRINT,    /* printed with lp (export.h): a print; always a PDF */
} mi_aftercare_target;

typedef enum mi_aftercare_format {
	MI_AFTERCARE_TEXT = 0, /* mi_aftercare_to_text */
	MI_AFTERCARE_PDF,
	MI_AFTERCARE_PNG,
} mi_aftercare_format;

typedef struct mi_aftercare_request {
	long long visit_id;
	mi_aftercare_target target;
	mi_aftercare_format format; /* ignored for MI_AFTERCARE_PRINT */
	const char *path;           /* MI_AFTERCARE_FILE: where */
	bool has_paper;             /* paper chosen for this run (--paper) */
	mi_paper paper;
	bool quiet;                 /* printing: the print command's own output is silenced */
	/* The languages a client may have answered in: the sheet is in the
	 * visit's language (store_language.h) when one of these is it, else
	 * in the desk's with the data files' own words. */
	const mi_translation *translations;
	size_t translation_count;
} mi_aftercare_request;

/* What a shown summary gives back. */
typedef struct mi_aftercare_shown {
	unsigned char *data; /* the text, PDF or PNG; caller frees */
	size_t len;
	bool unrecorded;     /* the view could not be recorded: show warning too */
	mi_error warning;
} mi_aftercare_shown;

/* The paper in force: the paper setting when set, else the locale's
 * (LC_PAPER, else letter for en_US and en_CA, else A4). */
mi_paper mi_app_paper(const mi_settings *settings);

/* Runs the pipeline above for req over the store's visit with the template
 * tpl. shown is filled for MI_AFTERCARE_SHOW (and may be NULL otherwise).
 * Errors: MI_ENOTFOUND no such visit; MI_EDATA a draft or a template line
 * that cannot be filled; MI_EIO the database, the audit log, the disk or
 * the printer failed (one sentence saying which); MI_ECANTCREAT the file
 * cannot be made; MI_ETEMPFAIL the database stayed busy. */
mi_status mi_app_aftercare(mi_store *store, const mi_aftercare_template *tpl,
			   const mi_aftercare_request *req, mi_aftercare_shown *shown,
			   mi_error *err);

#endif
