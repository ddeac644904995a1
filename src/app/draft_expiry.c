/* draft_expiry.c - drafts in and out of the review queue. */
#include <stdlib.h>

#include "mi/i18n.h"
#include "mi/app_audit.h"
#include "mi/app_draft_expiry.h"
#include "mi/app_settings.h"
#include "mi/draft_expiry.h"

/* Gives a draft the outcome of its answers so far; a draft that cannot be
 * read or screened just keeps no outcome. */
static void screen_draft(mi_store *store, const mi_ruleset *rules, mi_date today,
			 mi_visit_summary *v)
{
	mi_answers *answers = NULL;
	mi_error ignored;
	if (mi_store_draft_load(store, v->id, &answers, &ignored) != MI_OK)
		return;
	mi_screening s;
	if (mi_screen(rules, answers, today, &s, &ignored) == MI_OK) {
		v->has_outcome = true;
		v->outcome = s.outcome;
		mi_screening_clear(&s);
	}
	mi_answers_free(answers);
}

void mi_app_drafts_screen(mi_store *store, const mi_ruleset *rules, mi_date today,
			  mi_visit_list *list)
{
	for (size_t i = 0; rules && i < list->count; i++)
		if (!list->items[i].complete)
			screen_draft(store, rules, today, &list->items[i]);
}

/* Frees what one summary holds. */
static void summary_free(mi_visit_summary *v)
{
	free(v->client_name);
	free(v->updated);
}

mi_status mi_app_drafts_expire(mi_store *store, mi_date today, mi_visit_list *list,
			       mi_visit_list *expired, mi_error *err)
{
	mi_settings s;
	mi_status st = mi_app_settings_load(store, &s, err);
	if (st != MI_OK)
		return st;
	long days = s.draft_expiry_days;
	mi_settings_clear(&s);
	mi_visit_list out = {.items = malloc((list->count ? list->count : 1) * sizeof *out.items)};
	if (!out.items)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	size_t kept = 0;
	for (size_t i = 0; i < list->count; i++) {
		mi_visit_summary *v = &list->items[i];
		if (v->complete || !mi_draft_expired(v->date, today, days, v->has_outcome, v->outcome))
			list->items[kept++] = *v;
		else if (expired)
			out.items[out.count++] = *v;
		else
			summary_free(v);
	}
	list->count = kept;
	if (expired)
		*expired = out;
	else
		free(out.items);
	return MI_OK;
}

mi_status mi_app_drafts(mi_store *store, const mi_ruleset *rules, mi_date today,
			mi_app_drafts_which which, mi_visit_list *out, mi_app_seen *seen,
			mi_error *err)
{
	mi_visit_list all = {0};
	mi_status st = mi_store_waiting_list(store, &all, err);
	if (st != MI_OK)
		return st;
	size_t kept = 0;
	for (size_t i = 0; i < all.count; i++) {
		if (!all.items[i].complete)
			all.items[kept++] = all.items[i];
		else
			summary_free(&all.items[i]);
	}
	all.count = kept;
	mi_app_drafts_screen(store, rules, today, &all);
	mi_visit_list expired = {0};
	st = mi_app_drafts_expire(store, today, &all, &expired, err);
	if (st != MI_OK) {
		mi_visit_list_clear(&all);
		return st;
	}
	if (which == MI_APP_DRAFTS_EXPIRED) {
		mi_visit_list_clear(&all);
		*out = expired;
	} else {
		mi_visit_list_clear(&expired);
		*out = all;
	}
	if (seen)
		seen->unrecorded = !mi_app_audit_view(store, "list", "drafts", 0, &seen->warning);
	return MI_OK;
}
