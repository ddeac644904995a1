/* fhir.c - the Questionnaire and one transaction Bundle per intake, FHIR R4
 * JSON built with jansson. */
#include "mi/fhir.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/json_text.h"
#include "mi/uuid.h"

#define LOINC "http://loinc.org"
#define UCUM "http://unitsofmeasure.org"
#define EXT_MIN_VALUE "http://hl7.org/fhir/StructureDefinition/minValue"
#define EXT_MAX_VALUE "http://hl7.org/fhir/StructureDefinition/maxValue"
#define EXT_FLAG_PRIORITY "http://hl7.org/fhir/StructureDefinition/flag-priority"
#define EXT_FLAG_DETAIL "http://hl7.org/fhir/StructureDefinition/flag-detail"
#define FLAG_PRIORITY_SYSTEM "http://hl7.org/fhir/flag-priority-code"
#define FLAG_CATEGORY_SYSTEM "http://terminology.hl7.org/CodeSystem/flag-category"
#define OBSERVATION_CATEGORY_SYSTEM "http://terminology.hl7.org/CodeSystem/observation-category"
#define IDENTIFIER_TYPE_SYSTEM "http://terminology.hl7.org/CodeSystem/v2-0203"
#define PAIN_LOINC "72514-3"
#define PAIN_LOINC_DISPLAY "Pain severity - 0-10 verbal numeric rating [Score] - Reported"

/* ---- small builders ------------------------------------------------ */

/* Sets key of obj to value (a new reference, which may be NULL after an
 * allocation failed); false when it could not be set. */
static bool put(json_t *obj, const char *key, json_t *value)
{
	return value && json_object_set_new(obj, key, value) == 0;
}

/* Appends value (a new reference, maybe NULL) to array. */
static bool append(json_t *array, json_t *value)
{
	return value && json_array_append_new(array, value) == 0;
}

/* {"system": system, "code": code, "display": display (when not NULL)}. */
static json_t *coding(const char *system, const char *code, const char *display)
{
	json_t *c = json_object();
	if (c && put(c, "system", json_string(system)) && put(c, "code", mi_json_text(code)) &&
	    (!display || put(c, "display", mi_json_text(display))))
		return c;
	json_decref(c);
	return NULL;
}

/* A CodeableConcept with one coding. */
static json_t *concept(const char *system, const char *code, const char *display)
{
	return json_pack("{s:[o]}", "coding", coding(system, code, display));
}

/* {"reference": "urn:uuid:UUID"}. */
static json_t *reference(const char *uuid)
{
	char ref[16 + MI_UUID_SIZE];
	snprintf(ref, sizeof ref, "urn:uuid:%s", uuid);
	return json_pack("{s:s}", "reference", ref);
}

/* The URL of the code system of an answer key's values. */
static void answer_system(const char *key, char *buf, size_t size)
{
	snprintf(buf, size, MI_FHIR_CODESYSTEM "%s", key);
}

/* The Questionnaire as a canonical reference with its version. */
static void questionnaire_canonical(char *buf, size_t size)
{
	snprintf(buf, size, "%s|%s", MI_FHIR_QUESTIONNAIRE_URL, MI_VERSION);
}

/* ---- the Questionnaire ----------------------------------------------- */

static const char *const item_types[] = {
	[MI_FORM_BOOLEAN] = "boolean", [MI_FORM_INTEGER] = "integer", [MI_FORM_DATE] = "date",
	[MI_FORM_STRING] = "string",   [MI_FORM_CHOICE] = "choice",
};

/* The enableWhen operator of a follow-up test. */
static const char *operator_of(mi_follow_up_op op)
{
	switch (op) {
	case MI_FOLLOW_UP_LT: return "<";
	case MI_FOLLOW_UP_LE: return "<=";
	case MI_FOLLOW_UP_GT: return ">";
	case MI_FOLLOW_UP_GE: return ">=";
	case MI_FOLLOW_UP_TRUE:
	case MI_FOLLOW_UP_IS:
	case MI_FOLLOW_UP_EQ: break;
	}
	return "=";
}

/* One enableWhen condition. */
static json_t *enable_when(const mi_form *form, const mi_follow_up_test *t)
{
	json_t *w = json_pack("{s:s, s:s}", "question", t->key, "operator", operator_of(t->op));
	bool ok = w != NULL;
	switch (t->op) {
	case MI_FOLLOW_UP_TRUE:
		ok = ok && put(w, "answerBoolean", json_true());
		break;
	case MI_FOLLOW_UP_IS: {
		const mi_form_item *asked = mi_form_find(form, t->key);
		char system[160];
		answer_system(t->key, system, sizeof system);
		ok = ok && put(w, "answerCoding",
			       coding(system, t->value,
				      asked ? mi_form_option_display(asked, t->value) : NULL));
		break;
	}
	default:
		ok = ok && put(w, "answerInteger", json_integer(t->number));
		break;
	}
	if (!ok) {
		json_decref(w);
		return NULL;
	}
	return w;
}

/* {"url": url, "valueInteger": n}. */
static json_t *integer_extension(const char *url, long n)
{
	return json_pack("{s:s, s:I}", "url", url, "valueInteger", (json_int_t)n);
}

/* One Questionnaire item. */
static json_t *questionnaire_item(const mi_form *form, const mi_form_item *it)
{
	json_t *q = json_object();
	bool ok = q && put(q, "linkId", json_string(it->key));
	if (ok && it->has_range)
		ok = put(q, "extension",
			 json_pack("[o, o]", integer_extension(EXT_MIN_VALUE, it->min),
				   integer_extension(EXT_MAX_VALUE, it->max)));
	ok = ok && put(q, "text", mi_json_text(it->text)) &&
	     put(q, "type", json_string(item_types[it->type]));
	if (ok && it->asked_when_count) {
		json_t *conditions = json_array();
		ok = put(q, "enableWhen", conditions);
		for (size_t i = 0; ok && i < it->asked_when_count; i++)
			ok = append(conditions, enable_when(form, &it->asked_when[i]));
		if (ok && it->asked_when_count > 1)
			ok = put(q, "enableBehavior", json_string(it->asked_when_all ? "all" : "any"));
	}
	if (ok && it->required)
		ok = put(q, "required", json_true());
	if (ok && it->repeats)
		ok = put(q, "repeats", json_true());
	if (ok && it->option_count) {
		char system[160];
		answer_system(it->key, system, sizeof system);
		json_t *options = json_array();
		ok = put(q, "answerOption", options);
		for (size_t i = 0; ok && i < it->option_count; i++)
			ok = append(options, json_pack("{s:o}", "valueCoding",
						       coding(system, it->options[i].code,
							      it->options[i].display)));
	}
	if (!ok) {
		json_decref(q);
		return NULL;
	}
	return q;
}

/* Dumps and frees root; NULL when root is NULL or out of memory. */
static char *dump(json_t *root, bool pretty)
{
	char *text = root ? json_dumps(root, JSON_PRESERVE_ORDER |
						     (pretty ? JSON_INDENT(2) : JSON_COMPACT))
			  : NULL;
	json_decref(root);
	return text;
}

char *mi_fhir_questionnaire(const mi_form *form, bool pretty)
{
	json_t *items = json_array();
	json_t *root = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:[s], s:o}", "resourceType",
				 "Questionnaire", "url", MI_FHIR_QUESTIONNAIRE_URL, "version",
				 MI_VERSION, "name", "MassageIntake", "title",
				 "Intake for deep tissue massage for back pain", "status", "active",
				 "subjectType", "Patient", "item", items);
	bool ok = root != NULL;
	for (size_t i = 0; ok && i < mi_form_count(form); i++)
		ok = append(items, questionnaire_item(form, mi_form_item_at(form, i)));
	if (!ok) {
		json_decref(root);
		return NULL;
	}
	return dump(root, pretty);
}

/* ---- the Bundle ------------------------------------------------------ */

/* What one Bundle is being built from. */
typedef struct bundle {
	const mi_fhir_source *src;
	const mi_visit *visit;
	const mi_client *client;
	char date[11];                /* the visit's date */
	char system[16 + MI_UUID_SIZE]; /* urn:uuid:INSTALLATION */
	char patient[MI_UUID_SIZE];   /* full URLs (UUIDs) of the entries */
	char response[MI_UUID_SIZE];
	json_t *entries;
} bundle;

/* [{"system": the installation, "value": value}], with a type when not NULL. */
static json_t *identifiers(const bundle *b, const char *value, json_t *type)
{
	json_t *id = json_pack("{s:s, s:s}", "system", b->system, "value", value);
	if (id && type && !put(id, "type", type)) {
		json_decref(id);
		return NULL;
	}
	if (!id)
		json_decref(type);
	return id ? json_pack("[o]", id) : NULL;
}

/* Appends {"fullUrl", "resource", "request"} to the Bundle. With
 * conditional_create the request is a POST that creates the resource only
 * when none has identifier value; otherwise a conditional PUT on it. */
static bool add_entry(bundle *b, const char *uuid, const char *type, json_t *resource,
		      const char *identifier_value, bool conditional_create)
{
	char full[16 + MI_UUID_SIZE], query[512];
	snprintf(full, sizeof full, "urn:uuid:%s", uuid);
	json_t *request;
	if (conditional_create) {
		snprintf(query, sizeof query, "identifier=%s|%s", b->system, identifier_value);
		request = json_pack("{s:s, s:s, s:s}", "method", "POST", "url", type, "ifNoneExist",
				    query);
	} else {
		snprintf(query, sizeof query, "%s?identifier=%s|%s", type, b->system, identifier_value);
		request = json_pack("{s:s, s:s}", "method", "PUT", "url", query);
	}
	return append(b->entries,
		      json_pack("{s:s, s:o, s:o}", "fullUrl", full, "resource", resource, "request",
				request));
}

static bool add_patient(bundle *b)
{
	const mi_client *c = b->client;
	char number[32];
	snprintf(number, sizeof number, "%lld", c->id);
	json_t *p = json_pack("{s:s, s:o, s:b}", "resourceType", "Patient", "identifier",
			      identifiers(b, number,
					  json_pack("{s:[o], s:s}", "coding",
						    coding(IDENTIFIER_TYPE_SYSTEM, "MR",
							   "Medical record number"),
						    "text", "massage-intake client number")),
			      "active", 1);
	bool ok = p != NULL;
	if (ok && c->name && *c->name)
		ok = put(p, "name", json_pack("[{s:o}]", "text", mi_json_text(c->name)));
	if (ok && (c->phone || c->email)) {
		json_t *telecom = json_array();
		ok = put(p, "telecom", telecom);
		if (ok && c->phone)
			ok = append(telecom, json_pack("{s:s, s:o}", "system", "phone", "value",
						       mi_json_text(c->phone)));
		if (ok && c->email)
			ok = append(telecom, json_pack("{s:s, s:o}", "system", "email", "value",
						       mi_json_text(c->email)));
	}
	if (ok && c->birth_date)
		ok = put(p, "birthDate", mi_json_text(c->birth_date));
	if (!ok) {
		json_decref(p);
		return false;
	}
	return add_entry(b, b->patient, "Patient", p, number, true);
}

/* The answers of one item, or NULL with *none set when the key is
 * answered with "none" (an empty list, or null), or NULL when it is not
 * answered at all (*none false) or memory ran out (*failed). */
static json_t *answers_of(const mi_form_item *it, const mi_answers *a, bool *none, bool *failed)
{
	*none = *failed = false;
	if (!mi_answers_has(a, it->key))
		return NULL;
	json_t *list = json_array();
	if (!list) {
		*failed = true;
		return NULL;
	}
	bool ok = true;
	char system[160];
	answer_system(it->key, system, sizeof system);
	if (it->repeats) {
		size_t n = mi_answers_list_count(a, it->key);
		for (size_t i = 0; ok && i < n; i++) {
			const char *v = mi_answers_list_item(a, it->key, i);
			ok = it->type == MI_FORM_CHOICE
				     ? append(list, json_pack("{s:o}", "valueCoding",
							      coding(system, v, mi_form_option_display(it, v))))
				     : append(list, json_pack("{s:o}", "valueString", mi_json_text(v)));
		}
	} else {
		bool flag;
		long n;
		const char *text = mi_answers_get_text(a, it->key);
		switch (it->type) {
		case MI_FORM_BOOLEAN:
			ok = mi_answers_get_bool(a, it->key, &flag) &&
			     append(list, json_pack("{s:b}", "valueBoolean", flag));
			break;
		case MI_FORM_INTEGER:
			/* A null answer (nullable keys) is "none". */
			if (mi_answers_get_int(a, it->key, &n))
				ok = append(list, json_pack("{s:I}", "valueInteger", (json_int_t)n));
			break;
		case MI_FORM_DATE:
			ok = text && append(list, json_pack("{s:o}", "valueDate", mi_json_text(text)));
			break;
		case MI_FORM_STRING:
			ok = text && append(list, json_pack("{s:o}", "valueString", mi_json_text(text)));
			break;
		case MI_FORM_CHOICE:
			ok = text && append(list, json_pack("{s:o}", "valueCoding",
							    coding(system, text,
								   mi_form_option_display(it, text))));
			break;
		}
	}
	if (!ok) {
		json_decref(list);
		*failed = true;
		return NULL;
	}
	if (json_array_size(list) == 0) {
		json_decref(list);
		*none = true;
		return NULL;
	}
	return list;
}

/* The items of the response, in the form's order; NULL when out of memory. */
static json_t *response_items(const bundle *b)
{
	json_t *items = json_array();
	const mi_form *form = b->src->form;
	for (size_t i = 0; items && i < mi_form_count(form); i++) {
		const mi_form_item *it = mi_form_item_at(form, i);
		/* A follow-up that was not asked has no item, even when an answer
		 * was kept (FHIR: no answers to a disabled question). */
		if (!mi_form_item_enabled(form, it, b->visit->answers))
			continue;
		bool none, failed;
		json_t *answers = answers_of(it, b->visit->answers, &none, &failed);
		if (!answers && !none && !failed)
			continue;
		/* Answered "none" (no leg symptom, no surgery): the item is there
		 * without an answer; a question not answered has no item. */
		json_t *item = failed ? NULL
				      : json_pack("{s:s, s:o}", "linkId", it->key, "text",
						  mi_json_text(it->text));
		if (!item)
			json_decref(answers);
		else if (answers && !put(item, "answer", answers))
			json_decref(item);
		else if (append(items, item))
			continue;
		json_decref(items);
		return NULL;
	}
	return items;
}

static bool add_response(bundle *b)
{
	char canonical[160], number[32];
	questionnaire_canonical(canonical, sizeof canonical);
	snprintf(number, sizeof number, "%lld", b->visit->id);
	json_t *r = json_pack("{s:s, s:o, s:s, s:s}", "resourceType", "QuestionnaireResponse",
			      "identifier", json_pack("{s:s, s:s}", "system", b->system, "value", number),
			      "questionnaire", canonical, "status",
			      b->visit->complete ? "completed" : "in-progress");
	bool ok = r != NULL;
	if (ok && b->client)
		ok = put(r, "subject", reference(b->patient));
	ok = ok && put(r, "authored", json_string(b->date));
	if (ok && b->client)
		ok = put(r, "source", reference(b->patient));
	ok = ok && put(r, "item", response_items(b));
	if (!ok) {
		json_decref(r);
		return false;
	}
	return add_entry(b, b->response, "QuestionnaireResponse", r, number, false);
}

static bool add_pain(bundle *b)
{
	long pain;
	if (!mi_answers_get_int(b->visit->answers, "pain_intensity", &pain))
		return true;
	char uuid[MI_UUID_SIZE], id[48];
	if (!mi_uuid_v4(uuid))
		return false;
	snprintf(id, sizeof id, "%lld-pain", b->visit->id);
	json_t *o = json_pack(
		"{s:s, s:o, s:s, s:[{s:[o]}], s:{s:[o], s:s}}", "resourceType", "Observation",
		"identifier", identifiers(b, id, NULL), "status", b->visit->complete ? "final" : "preliminary",
		"category", "coding", coding(OBSERVATION_CATEGORY_SYSTEM, "survey", "Survey"), "code",
		"coding", coding(LOINC, PAIN_LOINC, PAIN_LOINC_DISPLAY), "text", "Pain now (0-10)");
	bool ok = o != NULL;
	if (ok && b->client)
		ok = put(o, "subject", reference(b->patient));
	ok = ok && put(o, "effectiveDateTime", json_string(b->date)) &&
	     put(o, "valueQuantity", json_pack("{s:I, s:s, s:s, s:s}", "value", (json_int_t)pain,
					       "unit", "{score}", "system", UCUM, "code", "{score}")) &&
	     put(o, "derivedFrom", json_pack("[o]", reference(b->response)));
	if (!ok) {
		json_decref(o);
		return false;
	}
	return add_entry(b, uuid, "Observation", o, id, false);
}

/* The flag-priority code of a level. */
static void priority_of(mi_level level, const char **code, const char **display)
{
	static const char *const codes[] = {"PN", "PL", "PM", "PH"};
	static const char *const displays[] = {"No alarm", "Low priority", "Medium priority",
					       "High priority"};
	unsigned i = (unsigned)level < 4 ? (unsigned)level : 0;
	*code = codes[i];
	*display = displays[i];
}

static bool add_flag(bundle *b, const mi_visit_flag *f)
{
	char uuid[MI_UUID_SIZE], id[256];
	if (!mi_uuid_v4(uuid))
		return false;
	snprintf(id, sizeof id, "%lld-%s", b->visit->id, f->rule_id);
	const char *prio, *prio_display;
	priority_of(f->level, &prio, &prio_display);
	const mi_rule *rule = b->src->rules ? mi_ruleset_find(b->src->rules, f->rule_id) : NULL;
	json_t *code = concept(MI_FHIR_RULE_SYSTEM, f->rule_id, NULL);
	if (code && rule && !put(code, "text", mi_json_text(rule->note))) {
		json_decref(code);
		code = NULL;
	}
	json_t *flag = json_pack(
		"{s:s, s:o, s:[{s:s, s:{s:[o, o]}}, {s:s, s:o}], s:s, s:[o], s:o, s:o, s:{s:s}}",
		"resourceType", "Flag", "identifier", identifiers(b, id, NULL), "extension", "url",
		EXT_FLAG_PRIORITY, "valueCodeableConcept", "coding",
		coding(FLAG_PRIORITY_SYSTEM, prio, prio_display),
		coding(MI_FHIR_LEVEL_SYSTEM, mi_level_name(f->level), NULL), "url", EXT_FLAG_DETAIL,
		"valueReference", reference(b->response), "status", "active", "category",
		concept(FLAG_CATEGORY_SYSTEM, "clinical", "Clinical"), "code", code, "subject",
		reference(b->patient), "period", "start", b->date);
	return flag && add_entry(b, uuid, "Flag", flag, id, false);
}

mi_status mi_fhir_bundle(const mi_fhir_source *src, const mi_visit *visit,
			 const mi_client *client, bool pretty, char **json, mi_error *err)
{
	bundle b = {.src = src, .visit = visit, .client = client};
	mi_date_format(visit->date, b.date);
	snprintf(b.system, sizeof b.system, "urn:uuid:%s", src->installation_id);
	if (!mi_uuid_v4(b.patient) || !mi_uuid_v4(b.response))
		return mi_error_set(err, MI_EINTERNAL, "cannot make random identifiers (libsodium).");
	b.entries = json_array();
	json_t *root = json_pack("{s:s, s:s, s:o}", "resourceType", "Bundle", "type", "transaction",
				 "entry", b.entries);
	bool ok = root != NULL;
	if (ok && client)
		ok = add_patient(&b);
	ok = ok && add_response(&b) && add_pain(&b);
	for (size_t i = 0; ok && client && visit->complete && i < visit->flag_count; i++)
		ok = add_flag(&b, &visit->flags[i]);
	if (!ok) {
		json_decref(root);
		return mi_error_set(err, MI_EINTERNAL, "out of memory writing the FHIR bundle.");
	}
	*json = dump(root, pretty);
	if (!*json)
		return mi_error_set(err, MI_EINTERNAL, "out of memory writing the FHIR bundle.");
	return MI_OK;
}
