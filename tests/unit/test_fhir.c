/* test_fhir.c - FHIR R4 Bundles and the Questionnaire from loaded records
 * (no database): resources, links, value types, drafts, visits without a
 * client. Validation against R4 itself is tests/cli/fhir_validate.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "mi/fhir.h"
#include "mi/uuid.h"

#define INSTALLATION "5c0f0b8e-2f6a-4d3b-9a41-7e2d1c0b9a11"

typedef struct fixture {
	mi_ruleset *rules;
	mi_form *form;
	mi_fhir_source src;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	mi_error err;
	const char *dir = getenv("MI_DATA_DIR");
	assert_non_null(dir);
	if (mi_ruleset_load_dir(dir, &f->rules, &err) != MI_OK ||
	    mi_form_new(f->rules, &f->form, &err) != MI_OK)
		fail_msg("%s", err.message);
	f->src = (mi_fhir_source){.form = f->form, .rules = f->rules, .installation_id = INSTALLATION};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	mi_form_free(f->form);
	mi_ruleset_free(f->rules);
	free(f);
	return 0;
}

static const char ANSWERS[] =
	"{\"client\": {\"name\": \"Ana Example\", \"birth_date\": \"1970-05-01\"},"
	" \"pain_intensity\": 6, \"onset\": \"sudden\", \"leg_symptoms\": [],"
	" \"leg_symptoms_both_sides\": false, \"bladder_bowel_change\": true,"
	" \"recent_surgery_weeks\": null, \"medications\": [\"warfarin 5 mg\"],"
	" \"pain_locations\": [\"low_back\", \"legs\"]}";

/* A visit as storage loads it (the parts the export reads). */
static mi_visit *make_visit(bool complete, long long client_id, const char *json)
{
	mi_visit *v = calloc(1, sizeof *v);
	assert_non_null(v);
	mi_error err;
	if (mi_answers_parse(json, strlen(json), &v->answers, &err) != MI_OK)
		fail_msg("%s", err.message);
	v->id = 12;
	v->client_id = client_id;
	v->date = (mi_date){2026, 11, 20};
	v->complete = complete;
	if (complete) {
		v->outcome = MI_LEVEL_URGENT;
		v->flags = calloc(2, sizeof *v->flags);
		v->flags[0] = (mi_visit_flag){strdup("bladder_bowel_change"), MI_LEVEL_URGENT};
		v->flags[1] = (mi_visit_flag){strdup("anticoagulant"), MI_LEVEL_MODIFY};
		v->flag_count = 2;
	}
	return v;
}

static const mi_client ANA = {.id = 7, .name = "Ana Example", .birth_date = "1970-05-01",
			      .phone = "555-0100", .email = "ana@example.org"};

/* The Bundle as a JSON tree. */
static json_t *bundle_with(const fixture *f, const mi_visit *v, const mi_client *c,
			   const mi_visit_record *record)
{
	char *text = NULL;
	mi_error err;
	if (mi_fhir_bundle(&f->src, v, c, record, false, &text, &err) != MI_OK)
		fail_msg("%s", err.message);
	assert_null(strchr(text, '\n'));
	json_error_t jerr;
	json_t *root = json_loads(text, 0, &jerr);
	if (!root)
		fail_msg("not JSON: %s", jerr.text);
	free(text);
	return root;
}

static json_t *bundle_of(const fixture *f, const mi_visit *v, const mi_client *c)
{
	return bundle_with(f, v, c, NULL);
}

/* The resource of the entry with resourceType type (the n-th of them). */
static json_t *resource(json_t *bundle, const char *type, size_t n)
{
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(bundle, "entry"), i, e) {
		json_t *r = json_object_get(e, "resource");
		if (strcmp(json_string_value(json_object_get(r, "resourceType")), type) == 0 && n-- == 0)
			return r;
	}
	return NULL;
}

/* The full URL of the entry holding resource r. */
static const char *full_url(json_t *bundle, json_t *r)
{
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(bundle, "entry"), i, e)
		if (json_object_get(e, "resource") == r)
			return json_string_value(json_object_get(e, "fullUrl"));
	return NULL;
}

static const char *ref(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(json_object_get(obj, key), "reference"));
}

/* The response item with linkId, or NULL. */
static json_t *item(json_t *qr, const char *link_id)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(qr, "item"), i, it)
		if (strcmp(json_string_value(json_object_get(it, "linkId")), link_id) == 0)
			return it;
	return NULL;
}

static json_t *first_answer(json_t *qr, const char *link_id)
{
	json_t *it = item(qr, link_id);
	assert_non_null(it);
	return json_array_get(json_object_get(it, "answer"), 0);
}

static void bundle_of_completed_visit_succeeds(void **state)
{
	fixture *f = *state;
	mi_visit *v = make_visit(true, 7, ANSWERS);
	json_t *b = bundle_of(f, v, &ANA);
	assert_string_equal(json_string_value(json_object_get(b, "type")), "transaction");
	assert_int_equal(json_array_size(json_object_get(b, "entry")), 5);
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(b, "entry"), i, e) {
		const char *url = json_string_value(json_object_get(e, "fullUrl"));
		assert_int_equal(strncmp(url, "urn:uuid:", 9), 0);
		assert_true(mi_uuid_valid(url + 9));
		assert_int_equal(url[9 + 14], '4');
	}

	json_t *p = resource(b, "Patient", 0);
	json_t *id = json_array_get(json_object_get(p, "identifier"), 0);
	assert_string_equal(json_string_value(json_object_get(id, "system")), "urn:uuid:" INSTALLATION);
	assert_string_equal(json_string_value(json_object_get(id, "value")), "7");
	json_t *request = json_object_get(json_array_get(json_object_get(b, "entry"), 0), "request");
	assert_string_equal(json_string_value(json_object_get(request, "method")), "POST");
	assert_string_equal(json_string_value(json_object_get(request, "ifNoneExist")),
			    "identifier=urn:uuid:" INSTALLATION "|7");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(p, "name"), 0), "text")),
			    "Ana Example");
	assert_string_equal(json_string_value(json_object_get(p, "birthDate")), "1970-05-01");
	assert_int_equal(json_array_size(json_object_get(p, "telecom")), 2);

	json_t *qr = resource(b, "QuestionnaireResponse", 0);
	assert_string_equal(json_string_value(json_object_get(qr, "status")), "completed");
	assert_string_equal(json_string_value(json_object_get(qr, "questionnaire")),
			    MI_FHIR_QUESTIONNAIRE_URL "|" MI_VERSION);
	assert_string_equal(ref(qr, "subject"), full_url(b, p));
	assert_string_equal(json_string_value(json_object_get(qr, "authored")), "2026-11-20");
	assert_int_equal(json_integer_value(json_object_get(first_answer(qr, "pain_intensity"), "valueInteger")), 6);
	assert_true(json_is_true(json_object_get(first_answer(qr, "bladder_bowel_change"), "valueBoolean")));
	assert_string_equal(json_string_value(json_object_get(first_answer(qr, "client.birth_date"), "valueDate")),
			    "1970-05-01");
	assert_string_equal(json_string_value(json_object_get(first_answer(qr, "medications"), "valueString")),
			    "warfarin 5 mg");
	json_t *coding = json_object_get(first_answer(qr, "onset"), "valueCoding");
	assert_string_equal(json_string_value(json_object_get(coding, "system")), MI_FHIR_CODESYSTEM "onset");
	assert_string_equal(json_string_value(json_object_get(coding, "code")), "sudden");
	assert_int_equal(json_array_size(json_object_get(item(qr, "pain_locations"), "answer")), 2);
	/* "None" answers: the item without an answer; a follow-up not asked: no item. */
	assert_non_null(item(qr, "leg_symptoms"));
	assert_null(json_object_get(item(qr, "leg_symptoms"), "answer"));
	assert_null(json_object_get(item(qr, "recent_surgery_weeks"), "answer"));
	assert_null(item(qr, "leg_symptoms_both_sides"));
	assert_null(item(qr, "fever"));
	/* The items follow the form's order. */
	size_t last = 0;
	json_array_foreach(json_object_get(qr, "item"), i, e) {
		const char *key = json_string_value(json_object_get(e, "linkId"));
		size_t pos = 0;
		while (strcmp(mi_form_item_at(f->form, pos)->key, key) != 0)
			pos++;
		assert_true(i == 0 || pos > last);
		last = pos;
	}

	json_t *o = resource(b, "Observation", 0);
	assert_string_equal(json_string_value(json_object_get(o, "status")), "final");
	json_t *code = json_array_get(json_object_get(json_object_get(o, "code"), "coding"), 0);
	assert_string_equal(json_string_value(json_object_get(code, "system")), "http://loinc.org");
	assert_string_equal(json_string_value(json_object_get(code, "code")), "72514-3");
	json_t *q = json_object_get(o, "valueQuantity");
	assert_true(json_is_integer(json_object_get(q, "value")));
	assert_int_equal(json_integer_value(json_object_get(q, "value")), 6);
	assert_string_equal(json_string_value(json_object_get(q, "code")), "{score}");
	assert_string_equal(json_string_value(json_object_get(q, "system")), "http://unitsofmeasure.org");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(o, "derivedFrom"), 0), "reference")),
			    full_url(b, qr));
	assert_string_equal(ref(o, "subject"), full_url(b, p));

	json_t *urgent = resource(b, "Flag", 0), *modify = resource(b, "Flag", 1);
	json_t *rule = json_object_get(urgent, "code");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(rule, "coding"), 0), "code")),
			    "bladder_bowel_change");
	assert_string_equal(json_string_value(json_object_get(rule, "text")),
			    mi_ruleset_find(f->rules, "bladder_bowel_change")->note);
	json_t *prio = json_array_get(json_object_get(urgent, "extension"), 0);
	assert_string_equal(json_string_value(json_object_get(prio, "url")),
			    "http://hl7.org/fhir/StructureDefinition/flag-priority");
	json_t *prio_code = json_array_get(json_object_get(json_object_get(prio, "valueCodeableConcept"), "coding"), 0);
	assert_string_equal(json_string_value(json_object_get(prio_code, "code")), "PH");
	prio = json_array_get(json_object_get(modify, "extension"), 0);
	prio_code = json_array_get(json_object_get(json_object_get(prio, "valueCodeableConcept"), "coding"), 0);
	assert_string_equal(json_string_value(json_object_get(prio_code, "code")), "PL");
	assert_string_equal(ref(urgent, "subject"), full_url(b, p));
	assert_string_equal(json_string_value(json_object_get(urgent, "status")), "active");
	request = json_object_get(json_array_get(json_object_get(b, "entry"), 3), "request");
	assert_string_equal(json_string_value(json_object_get(request, "method")), "PUT");
	assert_string_equal(json_string_value(json_object_get(request, "url")),
			    "Flag?identifier=urn:uuid:" INSTALLATION "|12-bladder_bowel_change");
	json_decref(b);
	mi_visit_free(v);
}

static void bundle_of_draft_succeeds(void **state)
{
	fixture *f = *state;
	mi_visit *v = make_visit(false, 7, "{\"pain_intensity\": 3, \"leg_symptoms\": [\"weakness\"],"
					   " \"leg_symptoms_both_sides\": true}");
	json_t *b = bundle_of(f, v, &ANA);
	assert_int_equal(json_array_size(json_object_get(b, "entry")), 3);
	json_t *qr = resource(b, "QuestionnaireResponse", 0);
	assert_string_equal(json_string_value(json_object_get(qr, "status")), "in-progress");
	assert_true(json_is_true(json_object_get(first_answer(qr, "leg_symptoms_both_sides"), "valueBoolean")));
	assert_string_equal(json_string_value(json_object_get(resource(b, "Observation", 0), "status")),
			    "preliminary");
	assert_null(resource(b, "Flag", 0));
	json_decref(b);
	mi_visit_free(v);
}

static void bundle_without_client_succeeds(void **state)
{
	fixture *f = *state;
	mi_visit *v = make_visit(true, 0, "{\"fever\": true}");
	json_t *b = bundle_of(f, v, NULL);
	assert_null(resource(b, "Patient", 0));
	assert_null(resource(b, "Flag", 0));
	assert_null(resource(b, "Observation", 0));
	json_t *qr = resource(b, "QuestionnaireResponse", 0);
	assert_null(json_object_get(qr, "subject"));
	assert_true(json_is_true(json_object_get(first_answer(qr, "fever"), "valueBoolean")));
	json_decref(b);
	mi_visit_free(v);
}

static void bundle_with_unsafe_stored_text_succeeds(void **state)
{
	fixture *f = *state;
	mi_visit *v = make_visit(false, 7, "{}");
	mi_client hostile = ANA;
	hostile.name = "Eve \xe2\x80\xae" "evil \x1b]2;x\a";
	char *text = NULL;
	mi_error err;
	assert_int_equal(mi_fhir_bundle(&f->src, v, &hostile, NULL, true, &text, &err), MI_OK);
	assert_null(strstr(text, "\xe2\x80\xae"));
	assert_null(strstr(text, "\\u001b"));
	assert_non_null(strstr(text, "Eve \xef\xbf\xbd" "evil"));
	free(text);
	mi_visit_free(v);
}

/* The visit's record: the signed and amended notes as a Composition with
 * its attester and a Provenance per amendment, the plan as a CarePlan,
 * the consent text as the Consent's policy and policyRule. */
static void bundle_with_visit_record_succeeds(void **state)
{
	fixture *f = *state;
	mi_visit *v = make_visit(true, 7, ANSWERS);
	v->notes.response = strdup("Sore <next> day & tired.");
	v->notes.therapist_notes = strdup("Left calf bruises.");
	mi_note_amendment amendment = {.at = "2026-11-24T09:00:00Z", .who = "Bruno",
				       .field = "response", .before = "Relaxed after.",
				       .after = "Sore <next> day & tired."};
	mi_visit_record record = {
		.notes = {.signed_by = "Anna", .signed_at = "2026-11-23T17:00:00Z",
			  .amendments = &amendment, .amendment_count = 1},
		.plan = {.kind = MI_PLAN_SERIES, .sessions = 3, .days = 14},
		.consent_version = "1",
		.consent_hash = "eb6bd492020d9ee5cffc9d6dff1873ef8f2bbd785588826760f0ae1a6be1945f",
	};
	json_t *bundle = bundle_with(f, v, &ANA, &record);
	json_t *note = resource(bundle, "Composition", 0);
	assert_non_null(note);
	assert_string_equal(json_string_value(json_object_get(note, "status")), "amended");
	json_t *attester = json_array_get(json_object_get(note, "attester"), 0);
	assert_string_equal(json_string_value(json_object_get(attester, "mode")), "legal");
	assert_string_equal(json_string_value(json_object_get(attester, "time")),
			    "2026-11-23T17:00:00Z");
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(attester, "party"), "display")),
		"Anna");
	char *sections = json_dumps(json_object_get(note, "section"), 0);
	assert_non_null(strstr(sections, "Sore &lt;next&gt; day &amp; tired."));
	assert_non_null(strstr(sections, "Left calf bruises."));
	free(sections);
	json_t *prov = resource(bundle, "Provenance", 0);
	assert_non_null(prov);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(json_object_get(prov, "target"), 0), "reference")),
			    full_url(bundle, note));
	assert_string_equal(json_string_value(json_object_get(prov, "recorded")),
			    "2026-11-24T09:00:00Z");
	char *entity = json_dumps(json_object_get(prov, "entity"), 0);
	assert_non_null(strstr(entity, "response before this change: Relaxed after."));
	free(entity);
	char *agent = json_dumps(json_object_get(prov, "agent"), 0);
	assert_non_null(strstr(agent, "Bruno"));
	free(agent);
	json_t *plan = resource(bundle, "CarePlan", 0);
	assert_non_null(plan);
	json_t *repeat = json_object_get(
		json_object_get(json_object_get(json_array_get(json_object_get(plan, "activity"), 0),
						"detail"),
				"scheduledTiming"),
		"repeat");
	assert_int_equal(json_integer_value(json_object_get(repeat, "period")), 14);
	assert_int_equal(json_integer_value(json_object_get(repeat, "count")), 2);
	json_t *consent = resource(bundle, "Consent", 0);
	assert_non_null(consent);
	char *policy = json_dumps(consent, 0);
	assert_non_null(strstr(policy, MI_FHIR_BASE "/consent-text/1"));
	assert_non_null(strstr(policy, record.consent_hash));
	free(policy);
	json_decref(bundle);
	/* Without a record: none of them. */
	bundle = bundle_of(f, v, &ANA);
	assert_null(resource(bundle, "Composition", 0));
	assert_null(resource(bundle, "CarePlan", 0));
	json_decref(bundle);
	mi_visit_free(v);
}

static void bundles_of_same_visit_share_identifiers_succeeds(void **state)
{
	fixture *f = *state;
	mi_visit *v = make_visit(true, 7, ANSWERS);
	json_t *a = bundle_of(f, v, &ANA), *b = bundle_of(f, v, &ANA);
	json_t *ea = json_array_get(json_object_get(a, "entry"), 1);
	json_t *eb = json_array_get(json_object_get(b, "entry"), 1);
	assert_string_not_equal(json_string_value(json_object_get(ea, "fullUrl")),
				json_string_value(json_object_get(eb, "fullUrl")));
	assert_string_equal(json_string_value(json_object_get(json_object_get(ea, "request"), "url")),
			    json_string_value(json_object_get(json_object_get(eb, "request"), "url")));
	json_decref(a);
	json_decref(b);
	mi_visit_free(v);
}

static void questionnaire_succeeds(void **state)
{
	fixture *f = *state;
	char *text = mi_fhir_questionnaire(f->form, false);
	assert_non_null(text);
	json_t *q = json_loads(text, 0, NULL);
	free(text);
	assert_non_null(q);
	assert_string_equal(json_string_value(json_object_get(q, "url")), MI_FHIR_QUESTIONNAIRE_URL);
	assert_string_equal(json_string_value(json_object_get(q, "status")), "active");
	json_t *items = json_object_get(q, "item");
	assert_int_equal(json_array_size(items), mi_form_count(f->form));
	json_t *both = NULL, *pain = NULL, *name = NULL, *goals = NULL;
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		const char *key = json_string_value(json_object_get(it, "linkId"));
		assert_string_equal(key, mi_form_item_at(f->form, i)->key);
		both = strcmp(key, "leg_symptoms_both_sides") == 0 ? it : both;
		pain = strcmp(key, "pain_intensity") == 0 ? it : pain;
		name = strcmp(key, "client.name") == 0 ? it : name;
		goals = strcmp(key, "goals") == 0 ? it : goals;
	}
	json_t *when = json_object_get(both, "enableWhen");
	assert_int_equal(json_array_size(when), 4);
	assert_string_equal(json_string_value(json_object_get(json_array_get(when, 0), "question")),
			    "leg_symptoms");
	assert_string_equal(json_string_value(json_object_get(json_array_get(when, 0), "operator")), "=");
	assert_string_equal(json_string_value(json_object_get(both, "enableBehavior")), "any");
	assert_string_equal(json_string_value(json_object_get(pain, "type")), "integer");
	json_t *ext = json_object_get(pain, "extension");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(ext, 1), "valueInteger")), 10);
	assert_true(json_is_true(json_object_get(name, "required")));
	assert_true(json_is_true(json_object_get(goals, "repeats")));
	assert_int_equal(json_array_size(json_object_get(goals, "answerOption")), 4);
	json_decref(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bundle_of_completed_visit_succeeds),
		cmocka_unit_test(bundle_of_draft_succeeds),
		cmocka_unit_test(bundle_without_client_succeeds),
		cmocka_unit_test(bundle_with_unsafe_stored_text_succeeds),
		cmocka_unit_test(bundle_with_visit_record_succeeds),
		cmocka_unit_test(bundles_of_same_visit_share_identifiers_succeeds),
		cmocka_unit_test(questionnaire_succeeds),
	};
	return cmocka_run_group_tests_name("fhir", tests, setup, teardown);
}
