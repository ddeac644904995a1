/* visit_record.h - what a visit keeps beside its intake and notes, for
 * `show` and the exports (FHIR, the client's copy): the signature of its
 * session notes and every amendment since (store_signing.h writes them),
 * its follow-up plan (followup.h) and which consent text was agreed
 * (consent.h). Plain data, loaded by the application layer
 * (app_followup.h, mi_app_visit_record). */
#ifndef MI_VISIT_RECORD_H
#define MI_VISIT_RECORD_H

#include <stddef.h>

#include "mi/followup.h"

typedef struct mi_note_amendment {
	char *at;     /* "YYYY-MM-DDTHH:MM:SSZ" */
	char *who;
	char *field;  /* "areas", "areas-other", "techniques", "pressure", "response",
			 "therapist-notes", "aftercare" */
	char *before; /* NULL: it was empty */
	char *after;  /* NULL: it is empty now */
} mi_note_amendment;

typedef struct mi_note_record {
	char *signed_by; /* NULL: not signed yet */
	char *signed_at;
	mi_note_amendment *amendments; /* oldest first */
	size_t amendment_count;
} mi_note_record;

/* Frees what the record owns and zeroes it. */
void mi_note_record_clear(mi_note_record *record);

typedef struct mi_visit_record {
	mi_note_record notes;
	mi_plan plan;          /* MI_PLAN_NONE: none */
	char *consent_version; /* NULL both when none was recorded */
	char *consent_hash;    /* hex SHA-256 of the consent text */
} mi_visit_record;

/* Frees what the record owns and zeroes it. */
void mi_visit_record_clear(mi_visit_record *record);

#endif
