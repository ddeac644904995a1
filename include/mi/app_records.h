/* app_records.h - reading and keeping the clinic's records: the client
 * list, a client's history, one visit with what changed since the last
 * one, the review queue and the unfinished intakes; saving session notes,
 * marking a kiosk intake reviewed, discarding a draft. For the commands
 * and the front desk alike.
 *
 * A view is recorded in the audit log under the policy of app_audit.h
 * when the caller passes an mi_app_seen (the first time a page or a
 * command shows it); NULL reads again what was already recorded (a page
 * refreshed after an edit, a list refetched as the search is typed).
 * Writes log themselves in their own transaction, in the store.
 */
#ifndef MI_APP_RECORDS_H
#define MI_APP_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/diff.h"
#include "mi/store.h"

/* How a view went into the audit log. */
typedef struct mi_app_seen {
	bool unrecorded; /* the entry could not be written: show warning too */
	mi_error warning;
} mi_app_seen;

/* Clients whose name contains text (mi_store_clients_search; NULL or ""
 * lists everyone), at most limit (0: all). Recorded as "list" of
 * "clients"; the search text is never recorded. */
mi_status mi_app_clients(mi_store *store, const char *text, size_t limit, mi_client_list *out,
			 mi_app_seen *seen, mi_error *err);

/* One client and every visit of theirs, oldest first. Recorded as
 * "history" of the client. MI_ENOTFOUND for an unknown client. */
mi_status mi_app_client_history(mi_store *store, long long client_id, mi_client *client,
				mi_visit_list *visits, mi_app_seen *seen, mi_error *err);

/* Everything shown about one visit. */
typedef struct mi_app_visit_view {
	mi_visit *visit;          /* the visit, with its client, answers, flags, notes */
	mi_visit_source source;   /* where it was entered */
	bool reviewed;            /* a kiosk intake someone reviewed */
	mi_visit *previous;       /* the client's previous completed visit, or NULL */
	mi_diff changes;          /* from previous to this visit (empty without one) */
	bool notes_withheld;      /* the person acting may not read the clinical notes
				   * (app_access.h): the response and therapist-only
				   * notes of visit and previous are NULL, and the
				   * flags' notes and sources and the amendments are
				   * not to be shown */
	mi_error withheld;        /* then: why, in one sentence */
} mi_app_visit_view;

/* Loads the view of a visit (recorded as "view" of the visit), its
 * clinical notes withheld when the person acting may not read them (also
 * audited as "notes refused" when seen is given). Fills *out
 * (mi_app_visit_view_clear). MI_ENOTFOUND for an unknown visit. */
mi_status mi_app_visit_view_load(mi_store *store, long long visit_id, mi_app_visit_view *out,
				 mi_app_seen *seen, mi_error *err);

/* Frees what the view holds and zeroes it. */
void mi_app_visit_view_clear(mi_app_visit_view *view);

/* Loads one visit to change its notes (*out: mi_visit_free). Not a view:
 * the save that follows is logged. MI_ENOTFOUND for an unknown visit. */
mi_status mi_app_visit_load(mi_store *store, long long visit_id, mi_visit **out, mi_error *err);

/* Saves the goals, session notes and aftercare notes of visit->id
 * (mi_store_visit_save_notes: checked, one transaction, logged). */
mi_status mi_app_visit_save_notes(mi_store *store, const mi_visit *visit, mi_error *err);

/* The review queue, as the desk shows it: kiosk intakes and urgent or
 * refer intakes from any source not reviewed yet, and unfinished drafts,
 * oldest first. Recorded as "list" of "visits". */
mi_status mi_app_review_queue(mi_store *store, mi_visit_list *out, mi_app_seen *seen,
			      mi_error *err);

/* Marks a completed kiosk intake, or an urgent or refer intake from any
 * source, as reviewed by the current actor (logged as "review"). *already
 * (may be NULL) says it was reviewed before, and nothing changes then.
 * Errors: MI_ENOTFOUND no such visit; MI_EDATA a visit that needs no
 * review (not from the kiosk, neither urgent nor refer), or a draft
 * (review it once it is finished). */
mi_status mi_app_visit_mark_reviewed(mi_store *store, long long visit_id, bool *already,
				     mi_error *err);

/* The draft visit_id as the review queue lists it (its client or the name
 * typed so far, the day it was begun), for a confirmation that names them:
 * *out (mi_visit_list_clear) holds it, or nothing when visit_id is no draft. */
mi_status mi_app_draft_summary(mi_store *store, long long visit_id, mi_visit_list *out,
				mi_error *err);

/* Discards an unfinished intake for good: the draft, its answers, its
 * resume code and any claim left on it go, logged as "discard" (with who
 * did it) in the same transaction. Errors: MI_ENOTFOUND no such
 * visit; MI_EDATA a completed visit (those are erased, never discarded);
 * MI_ETEMPFAIL the draft is open on a screen right now. */
mi_status mi_app_draft_discard(mi_store *store, long long visit_id, mi_error *err);

#endif
