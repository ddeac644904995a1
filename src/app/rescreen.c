/* rescreen.c - safety questions answered at the desk after the intake, and
 * the visits they leave not fully screened. */
#include <stdlib.h>

#include "mi/app_rescreen.h"
#include "mi/store_rescreen.h"

/* The stored answers with added's answers set on a copy (*out: caller
 * frees); MI_EDATA when added answers nothing or a question already
 * answered. */
static mi_status merge(const mi_answers *stored, const mi_answers *added, mi_answers **out,
		       mi_error *err)
{
	mi_answers *merged = stored ? mi_answers_copy(stored) : mi_answers_new();
	if (!merged)
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	size_t count = 0;
	mi_status st = MI_OK;
	mi_answers_iter it;
	mi_answers_iter_init(&it, added);
	while (st == MI_OK && mi_answers_next(&it)) {
		if (stored && mi_answers_has(stored, it.path)) {
			st = mi_error_set(err, MI_EDATA,
					  "\"%s\" was already answered; an answer given is not changed here.",
					  it.path);
			break;
		}
		char *json = mi_answers_get_json(added, it.path);
		st = json ? mi_answers_set_json(merged, it.path, json, err)
			  : mi_error_set(err, MI_EINTERNAL, "out of memory.");
		free(json);
		count++;
	}
	if (st == MI_OK && count == 0)
		st = mi_error_set(err, MI_EDATA, "no answer was given, so nothing changed.");
	if (st != MI_OK) {
		mi_answers_free(merged);
		return st;
	}
	*out = merged;
	return MI_OK;
}

mi_status mi_app_visit_answer_missing(mi_store *store, const mi_ruleset *rules, long long visit_id,
				      const mi_answers *added, mi_screening *after, mi_error *err)
{
	if (!rules)
		return mi_error_set(err, MI_EINTERNAL, "no rules are loaded: nothing is screened.");
	mi_visit *visit = NULL;
	mi_status st = mi_store_visit_load(store, visit_id, &visit, err);
	if (st == MI_OK && !visit->complete)
		st = mi_error_set(err, MI_EDATA,
				  "visit %lld is an unfinished intake; finish it first.", visit_id);
	mi_answers *merged = NULL;
	if (st == MI_OK)
		st = merge(visit->answers, added, &merged, err);
	mi_screening s = {0};
	if (st == MI_OK)
		st = mi_screen(rules, merged, visit->date, &s, err);
	if (st == MI_OK) {
		st = mi_store_visit_rescreen(store, visit_id, merged, &s, mi_ruleset_version(rules),
					     err);
		if (st == MI_OK && after)
			*after = s;
		else
			mi_screening_clear(&s);
	}
	mi_answers_free(merged);
	mi_visit_free(visit);
	return st;
}

/* True when the client's last completed visit is not fully screened. */
static bool last_not_fully_screened(mi_store *store, const mi_ruleset *rules, long long client_id)
{
	mi_visit_list history = {0};
	mi_error ignored;
	if (mi_store_client_history(store, client_id, &history, &ignored) != MI_OK)
		return false;
	long long last = 0;
	for (size_t i = 0; i < history.count; i++) /* oldest first: the last complete one */
		if (history.items[i].complete)
			last = history.items[i].id;
	mi_visit_list_clear(&history);
	mi_visit *visit = NULL;
	if (!last || mi_store_visit_load(store, last, &visit, &ignored) != MI_OK)
		return false;
	mi_screening s = {0};
	bool result = false;
	if (visit->outcome == MI_LEVEL_PROCEED &&
	    mi_screen(rules, visit->answers, visit->date, &s, &ignored) == MI_OK) {
		result = s.unanswered_count > 0; /* as the visit page reads it */
		mi_screening_clear(&s);
	}
	mi_visit_free(visit);
	return result;
}

mi_status mi_app_clients_not_fully_screened(mi_store *store, const mi_ruleset *rules,
					    const mi_client_list *list, size_t count, bool *out,
					    mi_error *err)
{
	if (!rules)
		return mi_error_set(err, MI_EINTERNAL, "no rules are loaded: nothing is screened.");
	for (size_t i = 0; i < count && i < list->count; i++) {
		const mi_client *c = &list->items[i];
		out[i] = c->has_last_outcome && c->last_outcome == MI_LEVEL_PROCEED &&
			 last_not_fully_screened(store, rules, c->id);
	}
	return MI_OK;
}
