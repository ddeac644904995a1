/* app_followup.h - the due list: who is due for a follow-up, from the
 * plans therapists set on visits (followup.h), for `due` and the desk;
 * and the rest of a visit's record after the session: its plan, the
 * signature of its notes, the consent text agreed. */
#ifndef MI_APP_FOLLOWUP_H
#define MI_APP_FOLLOWUP_H

#include <stddef.h>

#include "mi/followup.h"
#include "mi/store.h"
#include "mi/store_signing.h"

typedef struct mi_due_item {
	long long client_id;
	char *name;
	mi_due due;
	char reason[MI_DUE_REASON_WORDS]; /* mi_due_reason_words: for people */
	char reason_english[64];          /* mi_due_reason: for --json, --ics */
	bool overdue;                     /* its last day is before today */
} mi_due_item;

typedef struct mi_due_list {
	mi_due_item *items;
	size_t count;
} mi_due_list;

/* Frees the list and zeroes it. */
void mi_due_list_clear(mi_due_list *list);

/* The follow-up plan of a visit (MI_PLAN_NONE when none). */
mi_status mi_app_visit_plan(mi_store *store, long long visit_id, mi_plan *plan, mi_error *err);

/* Sets the plan of a complete visit (store_followup.h); the caller checks
 * the role (app_accounts.h). */
mi_status mi_app_visit_set_plan(mi_store *store, long long visit_id, const mi_plan *plan,
				mi_error *err);

/* What `show` adds to a visit: the signature of its notes and their
 * amendments (store_signing.h), and the consent text agreed: its version
 * and SHA-256 (store_consent.h; NULL both when none was recorded; caller
 * frees). The note record needs a person who may read the notes
 * (app_access.h: MI_ENOPERM, audited, otherwise). */
mi_status mi_app_note_record(mi_store *store, long long visit_id, mi_note_record *out,
			     mi_error *err);
mi_status mi_app_visit_consent(mi_store *store, long long visit_id, char **version, char **hash,
			       mi_error *err);

/* All of it at once, for the exports: the note record (unchecked: the
 * export checks the role first, app_access.h), the plan and the consent
 * text. Fills *out (caller clears). */
mi_status mi_app_visit_record(mi_store *store, long long visit_id, mi_visit_record *out,
			      mi_error *err);

/* Closes a complete visit: its notes are signed by the person acting
 * (store_signing.h); the caller checks the role. */
mi_status mi_app_visit_close(mi_store *store, long long visit_id, mi_error *err);

/* Everyone due on or before today + days (overdue ones included), by due
 * date, then name. Fills *out (caller clears). */
mi_status mi_app_due(mi_store *store, mi_date today, long days, mi_due_list *out, mi_error *err);

#endif
