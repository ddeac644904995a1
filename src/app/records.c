/* records.c - the clinic's records as the desk and the commands read and
 * keep them, each view recorded under the one audit policy. */
#include <stdlib.h>

#include "mi/i18n.h"
#include "mi/app_access.h"
#include "mi/app_audit.h"
#include "mi/app_records.h"

/* Records a view of (table, id) when the caller asks for it. */
static void record_view(mi_store *store, mi_app_seen *seen, const char *action,
			const char *table, long long id)
{
	if (seen)
		seen->unrecorded = !mi_app_audit_view(store, action, table, id, &seen->warning);
}

mi_status mi_app_clients(mi_store *store, const char *text, size_t limit, mi_client_list *out,
			 mi_app_seen *seen, mi_error *err)
{
	mi_status st = mi_store_clients_search(store, text, limit, out, err);
	if (st == MI_OK)
		record_view(store, seen, "list", "clients", 0);
	return st;
}

mi_status mi_app_client_history(mi_store *store, long long client_id, mi_client *client,
				mi_visit_list *visits, mi_app_seen *seen, mi_error *err)
{
	*client = (mi_client){0};
	*visits = (mi_visit_list){0};
	mi_status st = mi_store_client_get(store, client_id, client, err);
	if (st == MI_OK)
		st = mi_store_client_history(store, client_id, visits, err);
	if (st != MI_OK) {
		mi_client_clear(client);
		return st;
	}
	record_view(store, seen, "history", "clients", client_id);
	return MI_OK;
}

/* The client's previous completed visit and what changed since. */
static mi_status load_changes(mi_store *store, mi_app_visit_view *v, mi_error *err)
{
	long long prev_id = 0;
	mi_status st = mi_store_visit_previous(store, v->visit->id, &prev_id, err);
	if (st != MI_OK || !prev_id)
		return st;
	st = mi_store_visit_load(store, prev_id, &v->previous, err);
	if (st != MI_OK)
		return st;
	const mi_visit *a = v->previous, *b = v->visit;
	return mi_diff_compute(a->answers, a->flags, a->flag_count, b->answers, b->flags,
			       b->flag_count, &v->changes, err);
}

/* Drops what only a therapist reads of the session notes; the areas,
 * techniques and pressure stay: the aftercare sheet the front desk prints
 * tells the client them. */
static void withhold(mi_session_notes *n)
{
	free(n->response);
	free(n->therapist_notes);
	n->response = n->therapist_notes = NULL;
}

/* Empties the clinical notes of the view when the person acting may not
 * read them; the refusal is audited with the view. */
static mi_status withhold_notes(mi_store *store, mi_app_visit_view *v, mi_app_seen *seen,
				mi_error *err)
{
	mi_status st = seen ? mi_app_may_read_notes(store, "visits", v->visit->id, &v->withheld)
			    : mi_app_acting_may(store, MI_PERMIT_READ_NOTES, &v->withheld);
	if (st != MI_ENOPERM) {
		if (st != MI_OK)
			*err = v->withheld;
		mi_error_clear(&v->withheld);
		return st;
	}
	v->notes_withheld = true;
	withhold(&v->visit->notes);
	if (v->previous)
		withhold(&v->previous->notes);
	return MI_OK;
}

mi_status mi_app_visit_view_load(mi_store *store, long long visit_id, mi_app_visit_view *out,
				 mi_app_seen *seen, mi_error *err)
{
	*out = (mi_app_visit_view){0};
	mi_status st = mi_store_visit_load(store, visit_id, &out->visit, err);
	if (st == MI_OK)
		st = mi_store_visit_source(store, visit_id, &out->source, &out->reviewed, err);
	if (st == MI_OK)
		st = load_changes(store, out, err);
	if (st == MI_OK)
		st = withhold_notes(store, out, seen, err);
	if (st != MI_OK) {
		mi_app_visit_view_clear(out);
		return st;
	}
	record_view(store, seen, "view", "visits", visit_id);
	return MI_OK;
}

void mi_app_visit_view_clear(mi_app_visit_view *view)
{
	mi_visit_free(view->visit);
	mi_visit_free(view->previous);
	mi_diff_clear(&view->changes);
	*view = (mi_app_visit_view){0};
}

mi_status mi_app_visit_load(mi_store *store, long long visit_id, mi_visit **out, mi_error *err)
{
	return mi_store_visit_load(store, visit_id, out, err);
}

mi_status mi_app_visit_save_notes(mi_store *store, const mi_visit *visit, mi_error *err)
{
	return mi_store_visit_save_notes(store, visit, err);
}

mi_status mi_app_review_queue(mi_store *store, mi_visit_list *out, mi_app_seen *seen,
			      mi_error *err)
{
	mi_status st = mi_store_waiting_list(store, out, err);
	if (st == MI_OK)
		record_view(store, seen, "list", "visits", 0);
	return st;
}

mi_status mi_app_visit_mark_reviewed(mi_store *store, long long visit_id, bool *already,
				     mi_error *err)
{
	mi_visit_source source;
	bool reviewed = false;
	mi_status st = mi_store_visit_source(store, visit_id, &source, &reviewed, err);
	if (st != MI_OK)
		return st;
	if (already)
		*already = reviewed;
	if (reviewed && source == MI_SOURCE_KIOSK)
		return MI_OK;
	mi_visit *visit = NULL;
	st = mi_store_visit_load(store, visit_id, &visit, err);
	if (st != MI_OK)
		return st;
	bool draft = !visit->complete;
	bool waits = source == MI_SOURCE_KIOSK || mi_level_needs_review(visit->outcome);
	mi_visit_free(visit);
	if (draft && source != MI_SOURCE_KIOSK)
		return mi_error_set(err, MI_EDATA,
				    _("visit %lld was not entered at the kiosk and is not finished; only "
				      "kiosk intakes and urgent or refer intakes need a review."),
				    visit_id);
	if (draft)
		return mi_error_set(err, MI_EDATA,
				    _("visit %lld is not finished yet; it can be reviewed once the intake "
				      "is complete."),
				    visit_id);
	if (!waits)
		return mi_error_set(err, MI_EDATA,
				    _("visit %lld was not entered at the kiosk and is not urgent or "
				      "refer; only kiosk intakes and urgent or refer intakes need a "
				      "review."),
				    visit_id);
	if (reviewed)
		return MI_OK;
	return mi_store_visit_mark_reviewed(store, visit_id, err);
}

mi_status mi_app_draft_summary(mi_store *store, long long visit_id, mi_visit_list *out,
				mi_error *err)
{
	mi_status st = mi_store_waiting_list(store, out, err);
	if (st != MI_OK)
		return st;
	size_t kept = 0;
	for (size_t i = 0; i < out->count; i++) {
		mi_visit_summary *v = &out->items[i];
		if (v->id == visit_id && !v->complete) {
			out->items[kept++] = *v;
			continue;
		}
		free(v->client_name);
		free(v->updated);
	}
	out->count = kept;
	return MI_OK;
}

mi_status mi_app_draft_discard(mi_store *store, long long visit_id, mi_error *err)
{
	return mi_store_draft_discard(store, visit_id, err);
}
