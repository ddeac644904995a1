/* cmd_show.c - `massage-intake show VISIT`: everything stored about one visit. */
#define _GNU_SOURCE /* asprintf, vasprintf */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/questions.h"
#include "mi/answers.h"
#include "mi/app_access.h"
#include "mi/app_records.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/client_copy.h"
#include "mi/consent.h"
#include "mi/diff.h"
#include "mi/intake.h"
#include "mi/screen.h"
#include "mi/store.h"
#include "mi/app_followup.h"
#include "mi/strbuf.h"
#include "mi/text.h"
#include "mi/vocab.h"

/* Prints a formatted line made safe for the terminal; newlines inside
 * (multi-line notes) are kept and indented by indent spaces. */
static void line(int indent, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void line(int indent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *raw = NULL;
	int n = vasprintf(&raw, fmt, ap);
	va_end(ap);
	char *safe = n >= 0 ? mi_text_sanitize(raw, true) : NULL;
	free(raw);
	if (!safe)
		return;
	printf("%*s", indent, "");
	for (const char *p = safe; *p; p++) {
		putchar(*p);
		if (*p == '\n')
			printf("%*s", indent + 2, "");
	}
	putchar('\n');
	free(safe);
}

/* "pain_below_knee" -> "pain below knee" (a new string; caller frees). */
static char *words(const char *id)
{
	char *s = strdup(id);
	for (char *p = s; p && *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

/* Whether the items of an answers list are labelled by a vocabulary, and which. */
static bool vocab_for(const char *key, mi_vocab *vocab)
{
	if (strcmp(key, "goals") == 0)
		return *vocab = MI_VOCAB_GOAL, true;
	if (strcmp(key, "pain_locations") == 0 || strcmp(key, "focus_areas") == 0 ||
	    strcmp(key, "avoid_areas") == 0)
		return *vocab = MI_VOCAB_REGION, true;
	return false;
}

/* The words of value for a clinic's own question (intake.conf), or NULL
 * for the SPEC keys, whose words this command keeps as they were. */
static const char *own_question_words(const char *key, const mi_answer_key *spec,
				      const char *value)
{
	for (const mi_answer_key *k = mi_answers_spec_schema(); k->name; k++)
		if (strcmp(k->name, key) == 0)
			return NULL;
	size_t count = 0;
	const mi_ui_question *q = mi_ui_questions(&count);
	for (size_t i = 0; i < count; i++) {
		if (strcmp(q[i].key, key) != 0 || !q[i].labels)
			continue;
		for (size_t v = 0; spec->values && spec->values[v]; v++)
			if (strcmp(spec->values[v], value) == 0)
				return q[i].labels[v];
	}
	return NULL;
}

/* Prints the answer to key (spec its schema entry) as "label: value" in
 * plain words. */
static void print_value(const mi_answers *answers, const char *key, const mi_answer_key *spec,
			const char *label)
{
	bool yes;
	long n;
	switch (spec->type) {
	case MI_ANSWER_ENUM_LIST:
	case MI_ANSWER_TEXT_LIST: {
		mi_vocab vocab;
		bool labelled = vocab_for(key, &vocab);
		size_t count = mi_answers_list_count(answers, key);
		mi_strbuf joined = {0};
		mi_strbuf_puts(&joined, count ? "" : P_("answer", "none"));
		for (size_t i = 0; i < count; i++) {
			const char *s = mi_answers_list_item(answers, key, i);
			const char *own = own_question_words(key, spec, s);
			char *shown = own     ? strdup(own)
				      : labelled ? strdup(mi_vocab_label(vocab, s))
				      : strcmp(key, "leg_symptoms") == 0 ? words(s) : strdup(s);
			if (shown)
				mi_strbuf_addf(&joined, "%s%s", i ? ", " : "", shown);
			else
				joined.nomem = true;
			free(shown);
		}
		char *text = mi_strbuf_take(&joined);
		if (text)
			line(2, "%s: %s", label, text);
		free(text);
		return;
	}
	case MI_ANSWER_BOOL:
		if (mi_answers_get_bool(answers, key, &yes))
			line(2, "%s: %s", label, yes ? P_("answer", "yes") : P_("answer", "no"));
		return;
	case MI_ANSWER_INT:
	case MI_ANSWER_INT_OR_NULL:
		if (mi_answers_get_int(answers, key, &n))
			line(2, "%s: %ld", label, n);
		else if (mi_answers_is_null(answers, key))
			line(2, "%s: %s", label, P_("answer", "none"));
		return;
	case MI_ANSWER_ENUM: {
		const char *value = mi_answers_get_text(answers, key);
		const char *own = own_question_words(key, spec, value);
		line(2, "%s: %s", label, own ? own : value);
		return;
	}
	case MI_ANSWER_TEXT:
	case MI_ANSWER_NAME:
	case MI_ANSWER_DATE:
		line(2, "%s: %s", label, mi_answers_get_text(answers, key));
		return;
	case MI_ANSWER_OBJECT:
		return; /* the iterator gives its fields one by one */
	}
}

/* The stored value of the i-th answer no longer asked, in plain words:
 * yes/no, a number, a text, or list items joined with ", " (caller frees). */
static char *retired_words(const mi_answers *answers, size_t i)
{
	char *text = mi_answers_retired_json(answers, i);
	json_t *value = text ? json_loads(text, JSON_DECODE_ANY, NULL) : NULL;
	mi_strbuf b = {0};
	if (json_is_boolean(value)) {
		mi_strbuf_puts(&b, json_is_true(value) ? P_("answer", "yes") : P_("answer", "no"));
	} else if (json_is_string(value)) {
		mi_strbuf_puts(&b, json_string_value(value));
	} else if (json_is_array(value)) {
		size_t k;
		json_t *item;
		json_array_foreach(value, k, item) {
			mi_strbuf_puts(&b, k ? ", " : "");
			mi_strbuf_puts(&b, json_is_string(item) ? json_string_value(item) : "?");
		}
		if (json_array_size(value) == 0)
			mi_strbuf_puts(&b, P_("answer", "none"));
	} else if (text) {
		mi_strbuf_puts(&b, text);
	}
	json_decref(value);
	free(text);
	return mi_strbuf_take(&b);
}

/* Prints every answered question in SPEC order, then the answers to
 * questions no longer in the intake file. */
static void print_answers(const mi_answers *answers)
{
	line(0, _("answers:"));
	mi_answers_iter it;
	mi_answers_iter_init(&it, answers);
	bool any = false;
	while (mi_answers_next(&it)) {
		any = true;
		char *label = words(it.path);
		for (char *p = label; p && *p; p++)
			if (*p == '.')
				*p = ' ';
		if (label)
			print_value(answers, it.path, it.key, label);
		free(label);
	}
	for (size_t i = 0; i < mi_answers_retired_count(answers); i++) {
		any = true;
		char *shown = retired_words(answers, i);
		/* TRANSLATORS: an answer's key (kept as stored) and its value. */
		line(2, _("%s: %s (question no longer in the intake file)"),
		     mi_answers_retired_key(answers, i), shown ? shown : "?");
		free(shown);
	}
	if (!any)
		line(2, _("(none yet)"));
}

/* The pain ratings of the trend as "6 -> 4 -> 3" (caller frees). */
static char *trend_text(const mi_visit *visit)
{
	mi_strbuf b = {0};
	for (size_t i = 0; i < visit->trend_count; i++) {
		if (visit->trend[i].pain >= 0)
			mi_strbuf_addf(&b, "%s%d", i ? " -> " : "", visit->trend[i].pain);
		else
			mi_strbuf_addf(&b, "%s?", i ? " -> " : "");
	}
	return mi_strbuf_take(&b);
}

/* withheld: why the session notes are not shown (app_access.h), or NULL. */
static void print_notes(const mi_visit *v, const mi_error *withheld)
{
	char *goals = mi_vocab_join(MI_VOCAB_GOAL, v->goals, v->goal_count);
	line(0, _("goals: %s"), goals && *goals ? goals : _("none recorded"));
	free(goals);
	if (v->goals_other)
		line(2, _("other goals: %s"), v->goals_other);
	const mi_session_notes *n = &v->notes;
	line(0, _("session notes:"));
	char *areas = mi_vocab_join(MI_VOCAB_AREA, n->areas, n->area_count);
	char *techniques = mi_vocab_join(MI_VOCAB_TECHNIQUE, n->techniques, n->technique_count);
	line(2, _("areas worked: %s"), areas && *areas ? areas : "-");
	if (n->areas_other)
		line(2, _("other areas: %s"), n->areas_other);
	line(2, _("techniques: %s"), techniques && *techniques ? techniques : "-");
	/* TRANSLATORS: %s is the pressure's id (light, medium, firm), kept as stored. */
	line(2, _("pressure used: %s"), n->pressure ? n->pressure : "-");
	if (withheld) {
		line(2, _("response and therapist notes: not shown: %s"), withheld->message);
	} else {
		line(2, _("response: %s"), n->response ? n->response : "-");
		line(2, _("therapist notes: %s"), n->therapist_notes ? n->therapist_notes : "-");
	}
	free(areas);
	free(techniques);
	line(0, _("aftercare notes: %s"), v->aftercare_notes ? v->aftercare_notes : "-");
}

/* The safety questions the answers leave unanswered, in the words of the
 * questions that ask them (intake.h). */
static void print_unanswered(const mi_ruleset *rules, const mi_screening *s)
{
	if (s->unanswered_count)
		line(0, _("safety questions not answered:"));
	for (size_t i = 0; i < s->unanswered_count; i++) {
		const mi_ui_question *q =
			mi_intake_question_asking(mi_ruleset_intake(rules), s->unanswered[i]);
		line(2, "%s (%s)", q ? q->text : s->unanswered[i], s->unanswered[i]);
	}
}

/* The visit's medicines as the loaded rules read them, for the therapist. */
static void print_medicines(const mi_screening *s)
{
	if (s->medication_count || s->unrecognised_count)
		line(0, _("medicines read:"));
	for (size_t i = 0; i < s->medication_count; i++) {
		char *one = mi_medication_reading_text(&s->medications[i]);
		if (one)
			line(2, "%s", one);
		free(one);
	}
	for (size_t i = 0; i < s->unrecognised_count; i++)
		line(2, _("not recognised: %s (ask the client)"), s->unrecognised[i]);
}

static void print_text(const mi_visit *v, const mi_ruleset *rules, const mi_screening *meds,
		       mi_visit_source source, bool reviewed, const mi_visit *prev,
		       const mi_diff *diff, const mi_error *withheld)
{
	char date[11];
	mi_date_format(v->date, date);
	/* TRANSLATORS: the visit's number, its date, and who entered it: kiosk,
	 * desk or cli, kept as they are. */
	const char *by = mi_visit_source_name(source);
	if (v->complete && reviewed)
		line(0, _("visit %lld: %s, complete, entered by %s"), v->id, date, by);
	else if (v->complete)
		line(0, _("visit %lld: %s, complete, entered by %s, waiting for review"), v->id, date,
		     by);
	else if (reviewed)
		line(0, _("visit %lld: %s, draft (not finished), entered by %s"), v->id, date, by);
	else
		line(0, _("visit %lld: %s, draft (not finished), entered by %s, waiting for review"),
		     v->id, date, by);
	if (v->client_id)
		line(0, _("client %lld: %s, born %s"), v->client_id,
		     v->client_name ? v->client_name : "?",
		     v->client_birth_date ? v->client_birth_date : _("(not given)"));
	else if (v->complete)
		line(0, _("client: none (erased; the visit is kept without anything that "
			  "identifies the client)"));
	else
		line(0, _("client: %s (not stored yet)"),
		     v->client_name ? v->client_name : _("(no name yet)"));
	if (v->complete) {
		/* In the words of the desk's banner (screen.h), "not cleared"
		 * while safety questions are unanswered, and which they are. */
		/* TRANSLATORS: the level's keyword (proceed, modify, refer, urgent:
		 * kept as it is), its mark and its words for the therapist. */
		line(0, _("outcome: %s %s %s"), mi_level_name(v->outcome),
		     mi_level_outcome_tag(v->outcome, meds->unanswered_count),
		     mi_level_outcome_words(v->outcome, meds->unanswered_count, false));
		print_unanswered(rules, meds);
		line(0, _("rules version: %s"), v->rules_version ? v->rules_version : "-");
		line(0, _("intake questions: %s"), v->intake_version ? v->intake_version : "-");
		/* As the desk's visit page flags it: "!" and what to do. */
		const char *problem = mi_consent_problem(mi_consent_check(v->answers));
		if (problem)
			line(0, _("consent: ! %s"), problem);
		else
			line(0, _("consent: signed"));
		/* TRANSLATORS: a heading; the flags follow on the lines below. */
		line(0, "%s", v->flag_count ? _("flags:") : _("flags: none"));
		for (size_t i = 0; i < v->flag_count; i++) {
			const mi_rule *rule = mi_ruleset_find(rules, v->flags[i].rule_id);
			line(2, "%s %s", mi_level_name(v->flags[i].level), v->flags[i].rule_id);
			if (rule && withheld) {
				line(4, _("message: %s"), rule->message);
			} else if (rule) {
				line(4, _("note: %s"), rule->note);
				char *read = mi_screening_flag_medicines(rules, meds, rule->id);
				if (read)
					line(4, _("read from: %s"), read);
				free(read);
				line(4, _("source: %s"), rule->source);
			} else {
				line(4, _("(this rule is not in the loaded rules)"));
			}
		}
	}
	print_medicines(meds);
	print_answers(v->answers);
	print_notes(v, withheld);
	char *trend = trend_text(v);
	if (trend && *trend)
		line(0, _("pain trend: %s"), trend);
	free(trend);
	if (prev && diff) {
		char pdate[11];
		mi_date_format(prev->date, pdate);
		/* TRANSLATORS: the earlier visit's number and its date. */
		line(0, _("changes since visit %lld (%s):"), prev->id, pdate);
		char *text = mi_diff_to_text(diff);
		char *save = NULL;
		for (char *l = text ? strtok_r(text, "\n", &save) : NULL; l;
		     l = strtok_r(NULL, "\n", &save))
			line(2, "%s", l);
		free(text);
	}
}

static json_t *string_array(char *const *items, size_t count)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < count; i++)
		json_array_append_new(a, mi_cli_json_text(items[i]));
	return a;
}

static json_t *diff_json(const mi_diff *d)
{
	json_t *pain = d->pain_changed ? json_pack("{s:i, s:i}", "before", d->pain_before, "after",
						   d->pain_after)
				       : json_null();
	json_t *surgery = d->surgery_new ? json_pack("{s:I}", "weeks", (json_int_t)d->surgery_weeks)
					 : json_null();
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "medications_started",
			 string_array(d->meds_started.items, d->meds_started.count),
			 "medications_stopped",
			 string_array(d->meds_stopped.items, d->meds_stopped.count), "flags_new",
			 string_array(d->flags_new.items, d->flags_new.count), "flags_gone",
			 string_array(d->flags_gone.items, d->flags_gone.count), "leg_symptoms_new",
			 string_array(d->leg_new.items, d->leg_new.count), "pain", pain,
			 "new_surgery", surgery);
}

/* Who signed the notes and every amendment since, for people. */
static void print_signing(const mi_note_record *r)
{
	if (!r->signed_by) {
		line(0, _("notes: not signed yet (signed when the visit is closed: note VISIT "
			  "--close)"));
		return;
	}
	/* TRANSLATORS: who signed the notes, and the time they did. */
	line(0, _("notes signed by %s at %s"), r->signed_by, r->signed_at ? r->signed_at : "?");
	for (size_t i = 0; i < r->amendment_count; i++) {
		const mi_note_amendment *a = &r->amendments[i];
		/* TRANSLATORS: who, when, and the note's field name (kept as
		 * stored: response, therapist_notes, ...). */
		line(2, _("amended by %s at %s: %s"), a->who, a->at, a->field);
		line(4, _("before: %s"), a->before ? a->before : "-");
		line(4, _("after: %s"), a->after ? a->after : "-");
	}
}

static int print_json(const mi_visit *v, const mi_ruleset *rules, const mi_screening *meds,
		      mi_visit_source source, bool reviewed, const mi_visit *prev,
		      const mi_diff *diff, const mi_note_record *record, const mi_plan *plan,
		      const char *consent_version, const char *consent_hash,
		      const mi_error *withheld)
{
	char date[11];
	mi_date_format(v->date, date);
	json_t *flags = json_array();
	for (size_t i = 0; flags && i < v->flag_count; i++) {
		const mi_rule *rule = mi_ruleset_find(rules, v->flags[i].rule_id);
		char *read = rule ? mi_screening_flag_medicines(rules, meds, rule->id) : NULL;
		/* The front desk: the message for the client, not the therapist's. */
		const mi_rule *shown = withheld ? NULL : rule;
		json_array_append_new(
			flags, json_pack("{s:o, s:s, s:o, s:o, s:o, s:o}", "rule",
					 mi_cli_json_text(v->flags[i].rule_id), "level",
					 mi_level_name(v->flags[i].level), "message",
					 mi_cli_json_text(rule ? rule->message : NULL), "note",
					 mi_cli_json_text(shown ? shown->note : NULL), "read_from",
					 mi_cli_json_text(read), "source",
					 mi_cli_json_text(shown ? shown->source : NULL)));
		free(read);
	}
	/* The medicines as read: the same keys as screen --json. */
	char *screening_text = mi_screening_to_json(meds);
	json_t *screening = screening_text ? json_loads(screening_text, 0, NULL) : NULL;
	free(screening_text);
	json_t *trend = json_array();
	for (size_t i = 0; trend && i < v->trend_count; i++) {
		char d[11];
		mi_date_format(v->trend[i].date, d);
		json_array_append_new(trend, json_pack("{s:I, s:s, s:o}", "visit",
						       (json_int_t)v->trend[i].visit_id, "date", d,
						       "pain",
						       v->trend[i].pain >= 0 ? json_integer(v->trend[i].pain)
									     : json_null()));
	}
	const mi_session_notes *n = &v->notes;
	json_t *notes = json_pack(
		"{s:o, s:o, s:o, s:o, s:o, s:o}", "areas", string_array(n->areas, n->area_count),
		"areas_other", mi_cli_json_text(n->areas_other), "techniques",
		string_array(n->techniques, n->technique_count), "pressure", mi_cli_json_text(n->pressure),
		"response", mi_cli_json_text(n->response), "therapist_notes",
		mi_cli_json_text(n->therapist_notes));
	char *answers_text = mi_answers_to_json(v->answers, false);
	json_t *answers = answers_text ? json_loads(answers_text, 0, NULL) : NULL;
	free(answers_text);
	/* Stored answers to questions no longer in the intake file, as stored. */
	json_t *retired = json_object();
	for (size_t i = 0; retired && v->answers && i < mi_answers_retired_count(v->answers); i++) {
		char *text = mi_answers_retired_json(v->answers, i);
		json_t *value = text ? json_loads(text, JSON_DECODE_ANY, NULL) : NULL;
		free(text);
		json_object_set_new(retired, mi_answers_retired_key(v->answers, i),
				    value ? value : json_null());
	}
	json_t *changes = json_null();
	if (prev && diff)
		changes = json_pack("{s:I, s:o}", "since_visit", (json_int_t)prev->id, "changes",
				    diff_json(diff));
	json_t *client = json_pack("{s:o, s:o, s:o}", "id",
				   v->client_id ? json_integer(v->client_id) : json_null(), "name",
				   mi_cli_json_text(v->client_name), "birth_date",
				   mi_cli_json_text(v->client_birth_date));
	/* A draft's consent is not given yet: nothing to flag. */
	mi_consent_state consent = mi_consent_check(v->answers);
	json_t *consent_json =
		v->complete ? json_pack("{s:s, s:o}", "state", mi_consent_state_name(consent),
					"problem", mi_cli_json_text(mi_consent_problem_english(consent)))
			    : json_null();
	json_t *root = json_pack(
		"{s:I, s:o, s:s, s:s, s:s, s:b, s:o, s:o, s:o, s:o, s:o, s:O, s:O, s:o, s:o, s:o, "
		"s:o, s:o, s:o, s:o, s:o}",
		"visit", (json_int_t)v->id, "client", client, "date", date, "state",
		v->complete ? "complete" : "draft", "source", mi_visit_source_name(source),
		"reviewed", reviewed, "outcome",
		v->complete ? json_string(mi_level_name(v->outcome)) : json_null(), "rules_version",
		mi_cli_json_text(v->rules_version), "intake_version", mi_cli_json_text(v->intake_version),
		"consent", consent_json, "flags", flags, "medications_read",
		json_object_get(screening, "medications_read"), "unrecognised_medications",
		json_object_get(screening, "unrecognised_medications"), "answers", answers,
		"answers_no_longer_asked", retired, "goals",
		string_array(v->goals, v->goal_count), "goals_other", mi_cli_json_text(v->goals_other),
		"session_notes", notes, "aftercare_notes", mi_cli_json_text(v->aftercare_notes),
		"pain_trend", trend, "since_previous", changes);
	if (root) {
		/* As the desk shows it: false while a proceed outcome leaves safety
		 * questions unanswered; null for a draft. */
		json_object_set_new(root, "fully_screened",
				    v->complete ? json_boolean(!mi_level_unscreened(
							  v->outcome, meds->unanswered_count))
						: json_null());
		json_t *unanswered = json_object_get(screening, "unanswered");
		json_object_set_new(root, "unanswered",
				    unanswered ? json_incref(unanswered) : json_array());
	}
	char plan_text[32];
	mi_plan_format(plan, plan_text);
	if (root) {
		json_object_set_new(root, "signed_notes", mi_note_record_json(record));
		json_object_set_new(root, "notes_withheld",
				    withheld ? json_string(withheld->message) : json_null());
		json_object_set_new(root, "plan", plan->kind == MI_PLAN_NONE ? json_null()
									  : json_string(plan_text));
		json_object_set_new(root, "consent_text",
				    consent_hash ? json_pack("{s:o, s:o}", "version",
							     mi_cli_json_text(consent_version), "sha256",
							     mi_cli_json_text(consent_hash))
						 : json_null());
	}
	json_decref(screening);
	return mi_cli_put_json(root, "visit");
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j');
	long long visit_id = 0;
	if (!mi_cli_one_id(args, &visit_id))
		return mi_cli_failf(MI_EUSAGE,
				    _("show needs one visit id (a positive number); see massage-intake "
				      "show --help."));

	mi_error err;
	mi_ruleset *rules = NULL;
	mi_status st = mi_cli_load_rules(cli, &rules, &err);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	mi_store *store = NULL;
	st = mi_cli_open_store(cli, 0, &store, &err);
	mi_app_visit_view view = {0};
	mi_app_seen seen = {0};
	if (st == MI_OK)
		st = mi_app_visit_view_load(store, visit_id, &view, &seen, &err);
	mi_cli_seen(&seen);
	mi_note_record record = {0};
	const mi_error *withheld = view.notes_withheld ? &view.withheld : NULL;
	if (st == MI_OK && !withheld)
		st = mi_app_note_record(store, visit_id, &record, &err);
	/* --json is read by programs: its "notes_withheld" sentence stays in
	 * English whatever the desk's language (the same check asked again in
	 * English; it records nothing). */
	mi_error withheld_english = view.withheld;
	if (st == MI_OK && json && withheld) {
		mi_i18n_use("en");
		if (mi_app_acting_may(store, MI_PERMIT_READ_NOTES, &withheld_english) != MI_ENOPERM)
			withheld_english = view.withheld;
		mi_i18n_use(NULL);
	}
	mi_plan plan = {0};
	if (st == MI_OK)
		st = mi_app_visit_plan(store, visit_id, &plan, &err);
	char *consent_version = NULL, *consent_hash = NULL;
	if (st == MI_OK)
		st = mi_app_visit_consent(store, visit_id, &consent_version, &consent_hash, &err);
	mi_store_close(store);
	const mi_visit *visit = view.visit;
	/* A draft is not compared with the visit before it: not finished yet. */
	const mi_visit *prev = visit && visit->complete ? view.previous : NULL;
	mi_screening meds = {0};
	if (st == MI_OK && visit->answers)
		st = mi_screen(rules, visit->answers, visit->date, &meds, &err);
	int rc = 0;
	if (st != MI_OK)
		rc = mi_cli_fail(&err);
	else if (json)
		rc = print_json(visit, rules, &meds, view.source, view.reviewed, prev,
				prev ? &view.changes : NULL, &record, &plan, consent_version,
				consent_hash, withheld ? &withheld_english : NULL);
	else if (visit->complete) {
		print_text(visit, rules, &meds, view.source, view.reviewed, prev,
			   prev ? &view.changes : NULL, withheld);
		char plan_text[32];
		mi_plan_format(&plan, plan_text);
		/* TRANSLATORS: %s is the plan as the note --plan option takes it
		 * (reassess, series:3:7, none), kept as it is. */
		line(0, _("follow-up plan: %s"), plan_text);
		if (consent_hash)
			line(0, _("consent text agreed: version %s, sha256 %s"),
			     consent_version ? consent_version : "?", consent_hash);
		else
			line(0, _("consent text agreed: not recorded"));
		if (!withheld)
			print_signing(&record);
	} else
		print_text(visit, rules, &meds, view.source, view.reviewed, prev,
			   prev ? &view.changes : NULL, withheld);
	mi_note_record_clear(&record);
	free(consent_version);
	free(consent_hash);
	mi_screening_clear(&meds);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO, _("cannot write the visit: %s."), strerror(errno));
	mi_app_visit_view_clear(&view);
	mi_ruleset_free(rules);
	return rc;
}

const mi_command mi_command_show = {
	.name = "show",
	.summary = N_("everything stored about one visit"),
	.usage = "show VISIT [--json]\n",
	.about = N_("Prints everything stored about one visit: the client, date, state and\n"
		 "screening outcome (\"proceed, NOT FULLY SCREENED\" while safety\n"
		 "questions are unanswered, listed in the intake's words), each flag with\n"
		 "the therapist's note, the medicines it was read from and its source (from\n"
		 "the loaded rules), whether the consent can be relied on (flagged with !\n"
		 "when it is missing, not agreed or signed with a name that is not the\n"
		 "client's), how each medicine was read and the ones not recognised, the\n"
		 "answers, goals, session notes, aftercare notes, the client's pain trend\n"
		 "and, for a returning client, what changed since the previous completed\n"
		 "visit.\n"),
	.options = (const mi_cli_option[]){
		{"json", 'j', NULL, N_("one JSON object instead of text (fully_screened: false while\n"
				       "a proceed outcome leaves safety questions unanswered, listed in\n"
				       "unanswered)")},
		{0},
	},
	.after = N_("Exit status: 0 success; 64 bad command line; 65 a broken rules file;\n"
		    "66 no database yet; 67 no such visit; 74 the database cannot be read;\n"
		    "75 the database stayed busy.\n"),
	.run = run,
};
