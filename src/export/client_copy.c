/* client_copy.c - the client's copy as JSON. */
#include "mi/client_copy.h"

#include <jansson.h>
#include <stdlib.h>

#include "mi/json_text.h"
#include "mi/vocab.h"

static json_t *strings(char *const *items, size_t count)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < count; i++)
		if (json_array_append_new(a, mi_json_text(items[i])) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* The stored answers in the answers format (SPEC section 2), which
 * `massage-intake intake --answers` reads back. */
static json_t *answers_json(const mi_answers *answers)
{
	char *text = mi_answers_to_json(answers, false);
	json_t *j = text ? json_loads(text, 0, NULL) : NULL;
	free(text);
	return j;
}

static json_t *flags_json(const mi_client_copy *copy, const mi_visit *v)
{
	json_t *flags = json_array();
	for (size_t i = 0; flags && i < v->flag_count; i++) {
		const mi_rule *rule =
			copy->rules ? mi_ruleset_find(copy->rules, v->flags[i].rule_id) : NULL;
		json_t *flag = json_pack("{s:o, s:s, s:o}", "rule", mi_json_text(v->flags[i].rule_id),
					 "level", mi_level_name(v->flags[i].level), "message",
					 mi_json_text(rule ? rule->message : NULL));
		if (!flag || json_array_append_new(flags, flag) != 0) {
			json_decref(flags);
			return NULL;
		}
	}
	return flags;
}

json_t *mi_note_record_json(const mi_note_record *r)
{
	if (!r->signed_by)
		return json_null();
	json_t *amendments = json_array();
	for (size_t i = 0; amendments && i < r->amendment_count; i++) {
		const mi_note_amendment *a = &r->amendments[i];
		if (json_array_append_new(amendments,
					  json_pack("{s:o, s:o, s:o, s:o, s:o}", "at", mi_json_text(a->at),
						    "by", mi_json_text(a->who), "field",
						    mi_json_text(a->field), "before",
						    mi_json_text(a->before), "after",
						    mi_json_text(a->after))) != 0) {
			json_decref(amendments);
			return NULL;
		}
	}
	return json_pack("{s:o, s:o, s:o}", "by", mi_json_text(r->signed_by), "at",
			 mi_json_text(r->signed_at), "amendments", amendments);
}

/* The plan: its id where the clinic offers it, the plan, its words. */
static json_t *plan_json(const mi_plan *plan)
{
	if (plan->kind == MI_PLAN_NONE)
		return json_null();
	char text[32];
	mi_plan_format(plan, text);
	const char *id = mi_plan_id(plan);
	return json_pack("{s:o, s:s, s:o}", "id", mi_json_text(id), "plan", text, "words",
			 mi_json_text(id ? mi_vocab_label(MI_VOCAB_PLAN, id) : NULL));
}

/* Adds what the visit keeps beside it to its JSON object. */
static json_t *with_record(json_t *visit, const mi_visit_record *r)
{
	if (!visit || !r)
		return visit;
	json_t *consent = r->consent_hash ? json_pack("{s:o, s:o}", "version",
						      mi_json_text(r->consent_version), "sha256",
						      mi_json_text(r->consent_hash))
					  : json_null();
	if (json_object_set_new(visit, "signed_notes", mi_note_record_json(&r->notes)) != 0 ||
	    json_object_set_new(visit, "plan", plan_json(&r->plan)) != 0 ||
	    json_object_set_new(visit, "consent_text", consent) != 0) {
		json_decref(visit);
		return NULL;
	}
	return visit;
}

static json_t *visit_json(const mi_client_copy *copy, const mi_visit *v)
{
	char date[11];
	mi_date_format(v->date, date);
	const mi_session_notes *n = &v->notes;
	return json_pack(
		"{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:{s:o, s:o, s:o, s:o, s:o, s:o}, s:o}",
		"visit", (json_int_t)v->id, "date", date, "state", v->complete ? "complete" : "draft",
		"outcome", v->complete ? json_string(mi_level_name(v->outcome)) : json_null(),
		"rules_version", mi_json_text(v->rules_version), "answers", answers_json(v->answers),
		"flags", flags_json(copy, v), "goals", strings(v->goals, v->goal_count), "goals_other",
		mi_json_text(v->goals_other), "session_notes", "areas",
		strings(n->areas, n->area_count), "areas_other", mi_json_text(n->areas_other),
		"techniques", strings(n->techniques, n->technique_count), "pressure",
		mi_json_text(n->pressure), "response", mi_json_text(n->response), "therapist_notes",
		mi_json_text(n->therapist_notes), "aftercare_notes", mi_json_text(v->aftercare_notes));
}

char *mi_client_copy_json(const mi_client_copy *copy)
{
	const mi_client *c = copy->client;
	char made[11];
	mi_date_format(copy->made, made);
	json_t *visits = json_array();
	json_t *root = json_pack(
		"{s:s, s:i, s:s, s:o, s:{s:I, s:o, s:o, s:o, s:o, s:o}, s:o}", "format",
		"massage-intake client copy", "format_version", 1, "made", made, "clinic",
		mi_json_text(copy->clinic_name && *copy->clinic_name ? copy->clinic_name : NULL),
		"client", "id", (json_int_t)c->id, "name", mi_json_text(c->name), "birth_date",
		mi_json_text(c->birth_date), "phone", mi_json_text(c->phone), "email",
		mi_json_text(c->email), "created", mi_json_text(c->created), "visits", visits);
	for (size_t i = 0; root && i < copy->visit_count; i++) {
		json_t *v = with_record(visit_json(copy, copy->visits[i]),
					copy->records ? &copy->records[i] : NULL);
		if (!v || json_array_append_new(visits, v) != 0) {
			json_decref(root);
			return NULL;
		}
	}
	char *text = root ? json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2)) : NULL;
	json_decref(root);
	return text;
}
