/* rescreen.c - safety questions answered at the desk after the intake, and
 * the visits they leave not fully screened. */
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
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
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	size_t count = 0;
	mi_status st = MI_OK;
	mi_answers_iter it;
	mi_answers_iter_init(&it, added);
	while (st == MI_OK && mi_answers_next(&it)) {
		if (stored && mi_answers_has(stored, it.path)) {
			st = mi_error_set(err, MI_EDATA,
					  _("\"%s\" was already answered; an answer given is not changed here."),
					  it.path);
			break;
		}
		char *json = mi_answers_get_json(added, it.path);
		st = json ? mi_answers_set_json(merged, it.path, json, err)
			  : mi_error_set(err, MI_EINTERNAL, _("out of memory."));
		free(json);
		count++;
	}
	if (st == MI_OK && count == 0)
		st = mi_error_set(err, MI_EDATA, _("no answer was given, so nothing changed."));
	if (st != MI_OK) {
		mi_answers_free(merged);
		return st;
	}
	*out = merged;
	return MI_OK;
}

/* The birth date added answers, against the one on the visit's client
 * record: *birth filled; returns the date to record (none on record), or
 * NULL. */
static const char *birth_date_to_record(const mi_visit *visit, const mi_answers *added,
					mi_rescreen_birth_date *birth)
{
	*birth = (mi_rescreen_birth_date){0};
	const char *given = mi_answers_get_text(added, "client.birth_date");
	if (!given || strlen(given) >= sizeof birth->given)
		return NULL;
	strcpy(birth->given, given);
	if (!visit->client_id)
		return NULL; /* erased: no record */
	const char *on_record = visit->client_birth_date;
	if (!on_record || !*on_record)
		return given;
	if (strcmp(on_record, given) != 0 && strlen(on_record) < sizeof birth->on_record) {
		birth->differs = true;
		strcpy(birth->on_record, on_record);
	}
	return NULL;
}

mi_status mi_app_visit_answer_missing(mi_store *store, const mi_ruleset *rules, long long visit_id,
				      const mi_answers *added, mi_screening *after,
				      mi_rescreen_birth_date *birth, mi_error *err)
{
	mi_rescreen_birth_date birth_date = {0};
	if (!rules)
		return mi_error_set(err, MI_EINTERNAL, _("no rules are loaded: nothing is screened."));
	mi_visit *visit = NULL;
	mi_status st = mi_store_visit_load(store, visit_id, &visit, err);
	if (st == MI_OK && !visit->complete)
		st = mi_error_set(err, MI_EDATA,
				  _("visit %lld is an unfinished intake; finish it first."), visit_id);
	mi_answers *merged = NULL;
	if (st == MI_OK)
		st = merge(visit->answers, added, &merged, err);
	mi_screening s = {0};
	if (st == MI_OK)
		st = mi_screen(rules, merged, visit->date, &s, err);
	if (st == MI_OK) {
		const char *record = birth_date_to_record(visit, added, &birth_date);
		st = mi_store_visit_rescreen(store, visit_id, merged, &s, mi_ruleset_version(rules),
					     record, &birth_date.recorded, err);
		if (st == MI_OK && after)
			*after = s;
		else
			mi_screening_clear(&s);
		if (st == MI_OK && birth)
			*birth = birth_date;
	}
	mi_answers_free(merged);
	mi_visit_free(visit);
	return st;
}

/* True when the visit visit_id, whose outcome is outcome, is not fully
 * screened: its answers screened with rules on its date, as the visit
 * page reads them. */
static bool visit_not_fully_screened(mi_store *store, const mi_ruleset *rules, long long visit_id,
				     mi_level outcome)
{
	if (!mi_level_unscreened(outcome, 1)) /* a flag already says what to do */
		return false;
	mi_error ignored;
	mi_visit *visit = NULL;
	if (mi_store_visit_load(store, visit_id, &visit, &ignored) != MI_OK)
		return false;
	mi_screening s = {0};
	bool result = false;
	if (mi_screen(rules, visit->answers, visit->date, &s, &ignored) == MI_OK) {
		result = mi_level_unscreened(outcome, s.unanswered_count);
		mi_screening_clear(&s);
	}
	mi_visit_free(visit);
	return result;
}

/* True when the client's last completed visit is not fully screened. */
static bool last_not_fully_screened(mi_store *store, const mi_ruleset *rules, long long client_id)
{
	mi_visit_list history = {0};
	mi_error ignored;
	if (mi_store_client_history(store, client_id, &history, &ignored) != MI_OK)
		return false;
	const mi_visit_summary *last = NULL;
	for (size_t i = 0; i < history.count; i++) /* oldest first: the last complete one */
		if (history.items[i].complete && history.items[i].has_outcome)
			last = &history.items[i];
	bool result = last && visit_not_fully_screened(store, rules, last->id, last->outcome);
	mi_visit_list_clear(&history);
	return result;
}

mi_status mi_app_visits_not_fully_screened(mi_store *store, const mi_ruleset *rules,
					   const mi_visit_list *list, bool *out, mi_error *err)
{
	if (!rules)
		return mi_error_set(err, MI_EINTERNAL, _("no rules are loaded: nothing is screened."));
	for (size_t i = 0; i < list->count; i++) {
		const mi_visit_summary *v = &list->items[i];
		out[i] = v->has_outcome && visit_not_fully_screened(store, rules, v->id, v->outcome);
	}
	return MI_OK;
}

mi_status mi_app_clients_not_fully_screened(mi_store *store, const mi_ruleset *rules,
					    const mi_client_list *list, size_t count, bool *out,
					    mi_error *err)
{
	if (!rules)
		return mi_error_set(err, MI_EINTERNAL, _("no rules are loaded: nothing is screened."));
	for (size_t i = 0; i < count && i < list->count; i++) {
		const mi_client *c = &list->items[i];
		/* Only an outcome that can read "not fully screened" is worth
		 * reading the client's history for. */
		out[i] = c->has_last_outcome && mi_level_unscreened(c->last_outcome, 1) &&
			 last_not_fully_screened(store, rules, c->id);
	}
	return MI_OK;
}
