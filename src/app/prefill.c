/* prefill.c - a returning client's last answers to the stable questions. */
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_prefill.h"
#include "mi/questions.h"
#include "mi/rules.h"
#include "mi/visit.h"

/* Marks, by schema index, the answer keys some urgent rule reads (NULL
 * when out of memory). */
static bool *read_by_urgent_rules(const mi_ruleset *rules, size_t *count)
{
	const mi_answer_key *schema = mi_answers_schema();
	size_t n = 0;
	while (schema[n].name)
		n++;
	*count = n;
	bool *reads = calloc(n + 1, sizeof *reads);
	const mi_rulefile *rf = rules ? mi_ruleset_rulefile(rules) : NULL;
	for (size_t i = 0; reads && rf && i < mi_rulefile_count(rf); i++)
		if (mi_rulefile_rule(rf, i)->level == MI_LEVEL_URGENT)
			mi_rulefile_rule_reads(rf, i, reads, n);
	return reads;
}

/* True when the answer key may be offered again: its question says
 * prefill = yes and no urgent rule reads it. */
static bool offered(const char *key, const bool *urgent_reads, size_t key_count)
{
	size_t count = 0;
	const mi_ui_question *questions = mi_ui_questions(&count);
	bool prefill = false;
	for (size_t i = 0; i < count; i++)
		if (strcmp(questions[i].key, key) == 0)
			prefill = questions[i].prefill;
	const mi_answer_key *schema = mi_answers_schema();
	for (size_t i = 0; prefill && i < key_count; i++)
		if (strcmp(schema[i].name, key) == 0 && urgent_reads[i])
			return false;
	return prefill;
}

/* The answers of from that may be offered, copied into *out. */
static mi_status keep_offered(const mi_answers *from, const mi_ruleset *rules, mi_answers **out,
			      mi_error *err)
{
	size_t key_count = 0;
	bool *urgent_reads = read_by_urgent_rules(rules, &key_count);
	*out = mi_answers_new();
	if (!urgent_reads || !*out) {
		free(urgent_reads);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	size_t count = 0;
	const mi_ui_question *questions = mi_ui_questions(&count);
	mi_status st = MI_OK;
	for (size_t i = 0; st == MI_OK && i < count; i++) {
		const char *key = questions[i].key;
		if (!mi_answers_has(from, key) || !offered(key, urgent_reads, key_count))
			continue;
		char *json = mi_answers_get_json(from, key);
		if (!json) {
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
			break;
		}
		/* An answer the question no longer takes (its options changed)
		 * is simply not offered. */
		mi_error ignored;
		mi_answers_set_json(*out, key, json, &ignored);
		free(json);
	}
	free(urgent_reads);
	if (st != MI_OK) {
		mi_answers_free(*out);
		*out = NULL;
	}
	return st;
}

mi_status mi_app_last_answers(mi_store *store, const mi_ruleset *rules, long long draft_id,
			      mi_app_last_time *out, mi_error *err)
{
	*out = (mi_app_last_time){0};
	long long prev_id = 0;
	mi_status st = mi_store_visit_previous(store, draft_id, &prev_id, err);
	if (st != MI_OK || !prev_id)
		return st;
	mi_visit *prev = NULL;
	st = mi_store_visit_load(store, prev_id, &prev, err);
	if (st == MI_OK)
		st = keep_offered(prev->answers, rules, &out->answers, err);
	if (st == MI_OK) {
		out->visit_id = prev_id;
		out->date = prev->date;
	}
	mi_visit_free(prev);
	if (st != MI_OK)
		mi_app_last_time_clear(out);
	return st;
}

void mi_app_last_time_clear(mi_app_last_time *t)
{
	mi_answers_free(t->answers);
	*t = (mi_app_last_time){0};
}
