/* fhir.c - the Questionnaire and one transaction Bundle per intake, FHIR R4
 * JSON built with jansson. */
#include "mi/fhir.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/json_text.h"
#include "mi/strbuf.h"
#include "mi/text.h"
#include "mi/uuid.h"
#include "mi/vocab.h"

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
#define CONSENT_SCOPE_SYSTEM "http://terminology.hl7.org/CodeSystem/consentscope"
#define DATA_OPERATION_SYSTEM "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
#define PARTICIPANT_TYPE_SYSTEM "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
#define XHTML_DIV "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
#define NOTE_LOINC "34109-9"
#define CONSENT_LOINC "59284-0"
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
	const mi_visit_record *record; /* NULL: nothing beside the intake */
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

/* A Narrative of one paragraph of text (generated from the record). */
static json_t *narrative(const char *text)
{
	mi_strbuf div = {0};
	mi_strbuf_addf(&div, "%s<p>", XHTML_DIV);
	char *clean = mi_text_sanitize(text ? text : "", true);
	for (const char *c = clean ? clean : ""; *c; c++) {
		if (*c == '\n')
			mi_strbuf_addf(&div, "<br/>");
		else if (*c == '&')
			mi_strbuf_addf(&div, "&amp;");
		else if (*c == '<')
			mi_strbuf_addf(&div, "&lt;");
		else if (*c == '>')
			mi_strbuf_addf(&div, "&gt;");
		else
			mi_strbuf_addf(&div, "%c", *c);
	}
	free(clean);
	mi_strbuf_addf(&div, "</p></div>");
	char *html = mi_strbuf_take(&div);
	json_t *n = html ? json_pack("{s:s, s:s}", "status", "generated", "div", html) : NULL;
	free(html);
	return n;
}

/* Appends a section {title, text} when text is not empty. */
static bool add_section(json_t *sections, const char *title, const char *text)
{
	if (!text || !*text)
		return true;
	return append(sections, json_pack("{s:s, s:o}", "title", title, "text", narrative(text)));
}

/* The words of ids joined, for a section; caller frees (NULL: none). */
static char *words_of(mi_vocab vocab, char *const *ids, size_t count)
{
	return count ? mi_vocab_join(vocab, ids, count) : NULL;
}

/* The id of the n-th amendment's Provenance, which has no identifier in
 * R4: the installation's UUID without its dashes, the visit and n, so
 * that exporting again updates it (PUT Provenance/ID) instead of adding a
 * copy; at most 64 characters of [A-Za-z0-9-]. */
static void provenance_id(const bundle *b, size_t n, char *buf, size_t size)
{
	char installation[MI_UUID_SIZE];
	size_t used = 0;
	for (const char *c = b->src->installation_id; *c && used + 1 < sizeof installation; c++)
		if (*c != '-')
			installation[used++] = *c;
	installation[used] = '\0';
	snprintf(buf, size, "%.32s-%lld-a%zu", installation, b->visit->id, n);
}

/* The session notes as a Composition, signed by its attester when the
 * visit is closed ("final", "amended" once changed after), and each
 * amendment as a Provenance naming who changed what and when, with the
 * text before it. */
static bool add_notes(bundle *b)
{
	const mi_note_record *r = &b->record->notes;
	const mi_session_notes *n = &b->visit->notes;
	char uuid[MI_UUID_SIZE], id[48];
	if (!mi_uuid_v4(uuid))
		return false;
	snprintf(id, sizeof id, "%lld-notes", b->visit->id);
	json_t *sections = json_array();
	char *areas = words_of(MI_VOCAB_AREA, n->areas, n->area_count);
	char *techniques = words_of(MI_VOCAB_TECHNIQUE, n->techniques, n->technique_count);
	bool ok = sections && add_section(sections, "Areas worked", areas) &&
		  add_section(sections, "Other areas worked", n->areas_other) &&
		  add_section(sections, "Techniques", techniques) &&
		  add_section(sections, "Pressure used", n->pressure) &&
		  add_section(sections, "Response", n->response) &&
		  add_section(sections, "Therapist's notes", n->therapist_notes) &&
		  add_section(sections, "Aftercare notes", b->visit->aftercare_notes);
	free(areas);
	free(techniques);
	if (!ok || (json_array_size(sections) == 0 && !r->signed_by)) {
		json_decref(sections); /* nothing written and nothing signed: no note */
		return ok;
	}
	const char *status = !r->signed_by ? "preliminary" : r->amendment_count ? "amended" : "final";
	json_t *c = json_pack(
		"{s:s, s:{s:s, s:s}, s:s, s:o, s:o, s:o, s:[{s:o}], s:s, s:o}", "resourceType",
		"Composition", "identifier", "system", b->system, "value", id, "status", status, "type",
		concept(LOINC, NOTE_LOINC, "Note"), "subject", reference(b->patient), "date",
		mi_json_text(r->signed_at ? r->signed_at : b->date), "author", "display",
		mi_json_text(r->signed_by ? r->signed_by : "not signed yet"), "title",
		"Massage session notes", "section", sections);
	ok = c != NULL;
	if (ok && r->signed_by)
		ok = put(c, "attester", json_pack("[{s:s, s:o, s:{s:o}}]", "mode", "legal", "time",
						  mi_json_text(r->signed_at), "party", "display",
						  mi_json_text(r->signed_by)));
	if (!ok) {
		json_decref(c);
		return false;
	}
	if (!add_entry(b, uuid, "Composition", c, id, false))
		return false;
	for (size_t i = 0; i < r->amendment_count; i++) {
		const mi_note_amendment *a = &r->amendments[i];
		char puuid[MI_UUID_SIZE], pid[80], before[2200];
		if (!mi_uuid_v4(puuid))
			return false;
		provenance_id(b, i + 1, pid, sizeof pid);
		snprintf(before, sizeof before, "%s before this change: %s", a->field,
			 a->before ? a->before : "(empty)");
		json_t *p = json_pack(
			"{s:s, s:s, s:[o], s:o, s:o, s:[{s:o, s:{s:o}}], s:[{s:s, s:{s:o}}]}",
			"resourceType", "Provenance", "id", pid, "target",
			reference(uuid), "recorded", mi_json_text(a->at), "activity",
			concept(DATA_OPERATION_SYSTEM, "UPDATE", "revise"), "agent", "type",
			concept(PARTICIPANT_TYPE_SYSTEM, "author", "Author"), "who", "display",
			mi_json_text(a->who), "entity", "role", "revision", "what", "display",
			mi_json_text(before));
		char url[128];
		snprintf(url, sizeof url, "Provenance/%s", pid);
		char full[16 + MI_UUID_SIZE];
		snprintf(full, sizeof full, "urn:uuid:%s", puuid);
		if (!p || !append(b->entries, json_pack("{s:s, s:o, s:{s:s, s:s}}", "fullUrl", full,
							"resource", p, "request", "method", "PUT",
							"url", url)))
			return false;
	}
	return true;
}

/* The follow-up plan as a CarePlan: one activity, when it is due. */
static bool add_plan(bundle *b)
{
	const mi_plan *plan = &b->record->plan;
	if (plan->kind == MI_PLAN_NONE)
		return true;
	char uuid[MI_UUID_SIZE], id[48], text[32];
	if (!mi_uuid_v4(uuid))
		return false;
	snprintf(id, sizeof id, "%lld-plan", b->visit->id);
	mi_plan_format(plan, text);
	const char *offered = mi_plan_id(plan);
	const char *words = offered ? mi_vocab_label(MI_VOCAB_PLAN, offered) : text;
	json_t *detail = json_pack("{s:s, s:o, s:s, s:o}", "kind",
				   plan->kind == MI_PLAN_REASSESS ? "CommunicationRequest" : "Appointment",
				   "code",
				   concept(MI_FHIR_CODESYSTEM "followup-plan", offered ? offered : text,
					   words),
				   "status", "scheduled", "description", mi_json_text(words));
	bool ok = detail != NULL;
	if (ok && plan->kind == MI_PLAN_REASSESS) {
		char from[11], to[11];
		mi_date_format(mi_date_add_days(b->visit->date, 2), from);
		mi_date_format(mi_date_add_days(b->visit->date, 3), to);
		ok = put(detail, "scheduledPeriod", json_pack("{s:s, s:s}", "start", from, "end", to));
	} else if (ok) {
		json_t *repeat = json_pack("{s:{s:s}, s:i, s:i, s:s}", "boundsPeriod", "start", b->date,
					   "frequency", 1, "period", plan->days, "periodUnit", "d");
		if (repeat && plan->kind == MI_PLAN_SERIES)
			put(repeat, "count", json_integer(plan->sessions - 1));
		ok = put(detail, "scheduledTiming", json_pack("{s:o}", "repeat", repeat));
	}
	json_t *c = ok ? json_pack("{s:s, s:o, s:s, s:s, s:s, s:o, s:o, s:s, s:[{s:o}]}",
				   "resourceType", "CarePlan", "identifier",
				   identifiers(b, id, NULL), "status", "active", "intent", "plan",
				   "title", "Follow-up", "description", mi_json_text(words),
				   "subject", reference(b->patient), "created", b->date, "activity",
				   "detail", detail)
		       : NULL;
	if (!ok)
		json_decref(detail);
	return c && add_entry(b, uuid, "CarePlan", c, id, false);
}

/* The consent the client gave, with the consent text agreed: its version
 * as the policy and its SHA-256 as the policy rule. */
static bool add_consent(bundle *b)
{
	const mi_visit_record *r = b->record;
	if (!r->consent_hash)
		return true;
	char uuid[MI_UUID_SIZE], id[48], policy[160], words[96];
	if (!mi_uuid_v4(uuid))
		return false;
	snprintf(id, sizeof id, "%lld-consent", b->visit->id);
	const char *version = r->consent_version ? r->consent_version : "unknown";
	snprintf(policy, sizeof policy, MI_FHIR_BASE "/consent-text/%s", version);
	snprintf(words, sizeof words, "the consent text, version %s", version);
	const char *given = mi_answers_get_text(b->visit->answers, "consent.date");
	json_t *c = json_pack(
		"{s:s, s:o, s:s, s:o, s:[o], s:o, s:o, s:[o], s:[{s:o}], s:o}", "resourceType",
		"Consent", "identifier", identifiers(b, id, NULL), "status", "active", "scope",
		concept(CONSENT_SCOPE_SYSTEM, "treatment", "Treatment"), "category",
		concept(LOINC, CONSENT_LOINC, "Patient Consent"), "patient", reference(b->patient),
		"dateTime", mi_json_text(given ? given : b->date), "performer", reference(b->patient),
		"policy", "uri", mi_json_text(policy), "policyRule",
		concept(MI_FHIR_CODESYSTEM "consent-text-sha256", r->consent_hash, words));
	return c && add_entry(b, uuid, "Consent", c, id, false);
}

mi_status mi_fhir_bundle(const mi_fhir_source *src, const mi_visit *visit,
			 const mi_client *client, const mi_visit_record *record, bool pretty,
			 char **json, mi_error *err)
{
	bundle b = {.src = src, .visit = visit, .client = client, .record = record};
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
	if (ok && client && visit->complete && record)
		ok = add_notes(&b) && add_plan(&b) && add_consent(&b);
	if (!ok) {
		json_decref(root);
		return mi_error_set(err, MI_EINTERNAL, "out of memory writing the FHIR bundle.");
	}
	*json = dump(root, pretty);
	if (!*json)
		return mi_error_set(err, MI_EINTERNAL, "out of memory writing the FHIR bundle.");
	return MI_OK;
}
