/* intake_model.c - reading data/intake.conf into the intake model. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intake_session.h"
#include "mi/i18n.h"
#include "mi/intake.h"

enum {
	MAX_QUESTIONS = 64, /* what the walk-through can hold */
	MAX_OPTIONS = 16,   /* choices on one page */
	MAX_KEYS = 128,     /* the SPEC keys and a clinic's own */
};

/* What a question section said, kept until every question is known. */
typedef struct question_source {
	size_t line;
	char *asked_when;
	size_t asked_line;
	const char *option_ids[MAX_OPTIONS + 1];
	const char *option_words[MAX_OPTIONS];
	size_t option_lines[MAX_OPTIONS];
	size_t option_count;
	long min, max;
	bool has_min, has_max, has_optional, has_prefill;
	size_t kind_line;
} question_source;

struct mi_intake {
	char *version;
	char fingerprint[8 + 2 * crypto_generichash_BYTES + 1];
	char *file_name;
	size_t last_line;
	mi_ui_question questions[MAX_QUESTIONS];
	question_source sources[MAX_QUESTIONS];
	size_t count;
	mi_answer_key keys[MAX_KEYS + 1]; /* the schema: SPEC keys, then the clinic's */
	mi_rulefile *conditions;
	mi_session_words *session; /* the [session_area], [session_technique] and
				    * [followup_plan] sections */
	/* The file's own words, kept once another language's are shown
	 * (mi_intake_use_words): the questions' texts and their options'. */
	bool has_english;
	mi_ui_question english[MAX_QUESTIONS];
	const char *english_options[MAX_QUESTIONS][MAX_OPTIONS];
	const mi_intake *before; /* the intake installed before this one, put back by mi_intake_free */
	void **owned; /* every string and array the model allocated */
	size_t owned_count;
};

static const mi_intake *installed;

static void use(const mi_intake *intake);

/* ---- Small helpers ------------------------------------------------- */

/* Keeps p to be freed with the model; NULL when p is NULL or out of memory. */
static void *own(mi_intake *in, void *p)
{
	if (!p)
		return NULL;
	void **grown = realloc(in->owned, (in->owned_count + 1) * sizeof *grown);
	if (!grown) {
		free(p);
		return NULL;
	}
	in->owned = grown;
	in->owned[in->owned_count++] = p;
	return p;
}

static char *own_copy(mi_intake *in, const char *s)
{
	return own(in, strdup(s));
}

static mi_status nomem(mi_error *err)
{
	return mi_error_set(err, MI_EINTERNAL, _("out of memory loading the intake questions."));
}

static const char *const kind_names[] = {
	[MI_Q_YESNO] = "yesno",       [MI_Q_NUMBER] = "number",   [MI_Q_WEEKS_OR_NONE] = "weeks_or_none",
	[MI_Q_SCALE] = "scale",       [MI_Q_CHOICE] = "choice",   [MI_Q_MULTI] = "multi",
	[MI_Q_BODYMAP] = "bodymap",   [MI_Q_TEXT] = "text",       [MI_Q_TEXT_LIST] = "text_list",
	[MI_Q_DATE] = "date",         [MI_Q_CONSENT] = "consent",
};
enum { KIND_COUNT = sizeof kind_names / sizeof kind_names[0] };

/* True when a question of kind may ask a SPEC key of that type. */
static bool kind_fits(mi_ui_question_kind kind, const mi_answer_key *key)
{
	switch (kind) {
	case MI_Q_YESNO: return key->type == MI_ANSWER_BOOL;
	case MI_Q_NUMBER:
	case MI_Q_SCALE: return key->type == MI_ANSWER_INT;
	case MI_Q_WEEKS_OR_NONE: return key->type == MI_ANSWER_INT_OR_NULL;
	case MI_Q_CHOICE: return key->type == MI_ANSWER_ENUM;
	case MI_Q_MULTI:
	case MI_Q_BODYMAP: return key->type == MI_ANSWER_ENUM_LIST;
	case MI_Q_TEXT: return key->type == MI_ANSWER_TEXT || key->type == MI_ANSWER_NAME;
	case MI_Q_TEXT_LIST: return key->type == MI_ANSWER_TEXT_LIST;
	case MI_Q_DATE: return key->type == MI_ANSWER_DATE;
	case MI_Q_CONSENT: return strcmp(key->name, "consent") == 0;
	}
	return false;
}

/* The answer type of a clinic's own question of kind; false for kinds
 * only SPEC keys have. */
static bool custom_type(mi_ui_question_kind kind, mi_answer_type *type)
{
	switch (kind) {
	case MI_Q_YESNO: *type = MI_ANSWER_BOOL; return true;
	case MI_Q_NUMBER:
	case MI_Q_SCALE: *type = MI_ANSWER_INT; return true;
	case MI_Q_CHOICE: *type = MI_ANSWER_ENUM; return true;
	case MI_Q_MULTI: *type = MI_ANSWER_ENUM_LIST; return true;
	case MI_Q_TEXT: *type = MI_ANSWER_TEXT; return true;
	default: return false;
	}
}

static bool has_options(mi_ui_question_kind kind)
{
	return kind == MI_Q_CHOICE || kind == MI_Q_MULTI || kind == MI_Q_BODYMAP;
}

/* Words the rules' expressions keep for themselves. */
static bool reserved(const char *name)
{
	static const char *const words[] = {"and", "or", "not", "is", "in", "has", "any",
					    "medication_class", "age", NULL};
	for (const char *const *w = words; *w; w++)
		if (strcmp(*w, name) == 0)
			return true;
	return false;
}

/* The SPEC key called name ("fever", "client.name"), or NULL: the schema
 * in use may hold another intake's keys, which do not count. */
static const mi_answer_key *spec_key(const char *name)
{
	const mi_answer_key *in_use = mi_answers_schema();
	mi_answers_use_schema(NULL);
	const mi_answer_key *key = mi_answers_find_key(name);
	mi_answers_use_schema(in_use);
	return key;
}

static int question_index(const mi_intake *in, const char *key)
{
	for (size_t i = 0; i < in->count; i++)
		if (strcmp(in->questions[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* ---- One [question KEY] section ------------------------------------ */

static mi_status start_question(mi_intake *in, const mi_conf_reader *r, const mi_conf_line *l,
				mi_error *err)
{
	if (strcmp(l->kind_word, "question") != 0)
		return mi_conf_fail(r, l->line, err,
				    _("unknown section kind \"%s\" (expected question, session_area, "
				    "session_technique or followup_plan)."),
				    l->kind_word);
	if (question_index(in, l->name) >= 0)
		return mi_conf_fail(r, l->line, err, _("a second [question %s]."), l->name);
	if (in->count == MAX_QUESTIONS)
		return mi_conf_fail(r, l->line, err, _("more than %d questions."), MAX_QUESTIONS);
	const mi_answer_key *spec = spec_key(l->name);
	if (!spec && (strchr(l->name, '.') || reserved(l->name)))
		return mi_conf_fail(r, l->line, err,
				    _("\"%s\" cannot be a question of the clinic's own: use a name of "
				    "lower-case letters, digits and '_' that is not a word of the rules."),
				    l->name);
	if (spec && spec->type == MI_ANSWER_OBJECT && strcmp(spec->name, "consent") != 0)
		return mi_conf_fail(r, l->line, err, _("ask each field of %s on its own, as in [question %s.name]."),
				    l->name, l->name);
	mi_ui_question *q = &in->questions[in->count];
	question_source *src = &in->sources[in->count];
	*q = (mi_ui_question){.key = NULL};
	*src = (question_source){.line = l->line};
	if (!(q->key = own_copy(in, l->name)))
		return nomem(err);
	in->count++;
	return MI_OK;
}

/* "option ID = WORDS" inside a question. */
static mi_status add_option(mi_intake *in, const mi_conf_reader *r, const mi_conf_line *l,
			    mi_error *err)
{
	question_source *src = &in->sources[in->count - 1];
	char *copy = own_copy(in, l->value);
	if (!copy)
		return nomem(err);
	char *eq = strchr(copy, '=');
	if (strncmp(copy, "option ", 7) != 0 || !eq)
		return mi_conf_fail(r, l->line, err,
				    _("expected KEY = VALUE or \"option VALUE = words\", found \"%.60s\"."),
				    l->value);
	*eq = '\0';
	char *id = mi_conf_trim(copy + 7), *words = mi_conf_trim(eq + 1);
	if (!mi_conf_is_identifier(id))
		return mi_conf_fail(r, l->line, err,
				    _("an option's value uses lower-case letters, digits and '_' only."));
	if (!*words)
		return mi_conf_fail(r, l->line, err, _("the option %s has no words."), id);
	if (src->option_count == MAX_OPTIONS)
		return mi_conf_fail(r, l->line, err, _("more than %d options."), MAX_OPTIONS);
	for (size_t i = 0; i < src->option_count; i++)
		if (strcmp(src->option_ids[i], id) == 0)
			return mi_conf_fail(r, l->line, err, _("a second option %s."), id);
	src->option_lines[src->option_count] = l->line;
	src->option_words[src->option_count] = words;
	src->option_ids[src->option_count++] = id;
	return MI_OK;
}

static mi_status set_number(const mi_conf_reader *r, const mi_conf_line *l, long *out, bool *has,
			    mi_error *err)
{
	char *end;
	long v = strtol(l->value, &end, 10);
	if (*end || end == l->value || v < -1000000 || v > 1000000)
		return mi_conf_fail(r, l->line, err, _("%s must be a whole number."), l->key);
	*out = v;
	*has = true;
	return MI_OK;
}

static mi_status question_setting(mi_intake *in, const mi_conf_reader *r, const mi_conf_line *l,
				  mi_error *err)
{
	mi_ui_question *q = &in->questions[in->count - 1];
	question_source *src = &in->sources[in->count - 1];
	if (l->value[0] == '\0')
		return mi_conf_fail(r, l->line, err, _("\"%s\" is empty."), l->key);
	const char **text = strcmp(l->key, "group") == 0   ? &q->group
			    : strcmp(l->key, "label") == 0 ? &q->label
			    : strcmp(l->key, "text") == 0  ? &q->text
			    : strcmp(l->key, "help") == 0  ? &q->help
			    : strcmp(l->key, "low") == 0   ? &q->low_label
			    : strcmp(l->key, "high") == 0  ? &q->high_label
							   : NULL;
	if (text) {
		if (*text)
			return mi_conf_fail(r, l->line, err, _("a second \"%s\" in [question %s]."), l->key, q->key);
		return (*text = own_copy(in, l->value)) ? MI_OK : nomem(err);
	}
	if (strcmp(l->key, "kind") == 0) {
		if (src->kind_line)
			return mi_conf_fail(r, l->line, err, _("a second \"kind\" in [question %s]."), q->key);
		int found = -1;
		for (int k = 0; k < KIND_COUNT; k++)
			if (strcmp(kind_names[k], l->value) == 0)
				found = k;
		q->kind = (mi_ui_question_kind)(found < 0 ? 0 : found);
		if (found < 0)
			return mi_conf_fail(r, l->line, err,
					    _("unknown kind \"%s\" (expected yesno, number, weeks_or_none, scale, "
					    "choice, multi, bodymap, text, text_list, date or consent)."),
					    l->value);
		src->kind_line = l->line;
		return MI_OK;
	}
	if (strcmp(l->key, "optional") == 0) {
		if (strcmp(l->value, "yes") != 0 && strcmp(l->value, "no") != 0)
			return mi_conf_fail(r, l->line, err, _("optional must be yes or no."));
		q->optional = strcmp(l->value, "yes") == 0;
		src->has_optional = true;
		return MI_OK;
	}
	if (strcmp(l->key, "prefill") == 0) {
		if (strcmp(l->value, "yes") != 0 && strcmp(l->value, "no") != 0)
			return mi_conf_fail(r, l->line, err, _("prefill must be yes or no."));
		if (src->has_prefill)
			return mi_conf_fail(r, l->line, err, _("a second \"prefill\" in [question %s]."), q->key);
		q->prefill = strcmp(l->value, "yes") == 0;
		src->has_prefill = true;
		return MI_OK;
	}
	if (strcmp(l->key, "asked_when") == 0) {
		if (src->asked_when)
			return mi_conf_fail(r, l->line, err, _("a second \"asked_when\" in [question %s]."), q->key);
		src->asked_line = l->line;
		return (src->asked_when = own_copy(in, l->value)) ? MI_OK : nomem(err);
	}
	if (strcmp(l->key, "min") == 0)
		return set_number(r, l, &src->min, &src->has_min, err);
	if (strcmp(l->key, "max") == 0)
		return set_number(r, l, &src->max, &src->has_max, err);
	return mi_conf_fail(r, l->line, err,
			    _("unknown setting \"%s\" in a [question] section (expected group, kind, label, "
			    "text, help, low, high, optional, prefill, min, max, asked_when or option "
			    "lines)."),
			    l->key);
}

/* ---- Checking a question once its section ended -------------------- */

/* Checks the options of a question on a SPEC key: one per value, in order. */
static mi_status check_spec_options(mi_intake *in, const mi_conf_reader *r, size_t i,
				    const mi_answer_key *key, mi_error *err)
{
	const question_source *src = &in->sources[i];
	size_t n = 0;
	while (key->values[n])
		n++;
	for (size_t k = 0; k < src->option_count; k++)
		if (k >= n || strcmp(src->option_ids[k], key->values[k]) != 0)
			return mi_conf_fail(r, src->option_lines[k], err,
					    _("option %s: the options of %s are its values in this order: %s%s%s..."),
					    src->option_ids[k], key->name, key->values[0],
					    n > 1 ? ", " : "", n > 1 ? key->values[1] : "");
	if (src->option_count < n)
		return mi_conf_fail(r, src->line, err, _("[question %s] has no option line for %s."),
				    key->name, key->values[src->option_count]);
	return MI_OK;
}

/* Adds a clinic's own key for question i to the schema. */
static mi_status add_custom_key(mi_intake *in, const mi_conf_reader *r, size_t i, size_t *nkeys,
				mi_error *err)
{
	const mi_ui_question *q = &in->questions[i];
	question_source *src = &in->sources[i];
	mi_answer_key key = {.name = q->key};
	if (!custom_type(q->kind, &key.type))
		return mi_conf_fail(r, src->kind_line, err,
				    _("a question of the clinic's own can be yesno, number, scale, choice, "
				    "multi or text, not %s."),
				    kind_names[q->kind]);
	if (q->kind == MI_Q_NUMBER) {
		if (!src->has_min || !src->has_max || src->min > src->max)
			return mi_conf_fail(r, src->line, err,
					    _("[question %s] needs min and max (min not above max)."), q->key);
		key.min = src->min;
		key.max = src->max;
	} else if (q->kind == MI_Q_SCALE) {
		key.max = 10;
	}
	if (has_options(q->kind)) {
		if (src->option_count < (q->kind == MI_Q_CHOICE ? 2u : 1u))
			return mi_conf_fail(r, src->line, err, _("[question %s] needs its option lines."), q->key);
		key.values = src->option_ids;
	}
	if (*nkeys == MAX_KEYS)
		return mi_conf_fail(r, src->line, err, _("too many questions of the clinic's own."));
	in->keys[(*nkeys)++] = key;
	return MI_OK;
}

static mi_status finish_question(mi_intake *in, const mi_conf_reader *r, size_t i, size_t *nkeys,
				 mi_error *err)
{
	mi_ui_question *q = &in->questions[i];
	question_source *src = &in->sources[i];
	const char *missing = !q->group ? "group" : !src->kind_line ? "kind"
			      : !q->label ? "label" : !q->text ? "text" : !q->help ? "help" : NULL;
	if (missing)
		return mi_conf_fail(r, src->line, err, _("[question %s] has no %s."), q->key, missing);
	if ((q->low_label || q->high_label) != (q->kind == MI_Q_SCALE) ||
	    (q->kind == MI_Q_SCALE && !(q->low_label && q->high_label)))
		return mi_conf_fail(r, src->line, err,
				    _("[question %s]: low and high are the words at the ends of a scale, "
				    "and a scale needs both."),
				    q->key);
	if (src->option_count && !has_options(q->kind))
		return mi_conf_fail(r, src->option_lines[0], err,
				    _("option lines are for choice, multi and bodymap questions."));
	if (src->has_optional && q->kind != MI_Q_TEXT)
		return mi_conf_fail(r, src->line, err, _("optional is for text questions."));
	if (q->prefill && (q->kind == MI_Q_CONSENT || strcmp(q->key, "client.name") == 0 ||
			   strcmp(q->key, "client.birth_date") == 0))
		return mi_conf_fail(r, src->line, err,
				    _("[question %s]: prefill is not for the name, the birth date or the "
				    "consent (the client is identified and consents at each visit)."),
				    q->key);
	const mi_answer_key *spec = spec_key(q->key);
	mi_status st;
	if (!spec) {
		st = add_custom_key(in, r, i, nkeys, err);
	} else {
		if (!kind_fits(q->kind, spec))
			return mi_conf_fail(r, src->kind_line, err,
					    _("%s cannot be asked as a %s question (its answer is fixed by the "
					    "answers format)."),
					    q->key, kind_names[q->kind]);
		if (src->has_min || src->has_max)
			return mi_conf_fail(r, src->line, err,
					    _("min and max are for questions of the clinic's own; %s has its range."),
					    q->key);
		st = has_options(q->kind) ? check_spec_options(in, r, i, spec, err) : MI_OK;
	}
	if (st != MI_OK || !has_options(q->kind))
		return st;
	const char **labels = own(in, calloc(src->option_count + 1, sizeof *labels));
	if (!labels)
		return nomem(err);
	for (size_t k = 0; k < src->option_count; k++)
		labels[k] = src->option_words[k];
	q->labels = labels;
	return MI_OK;
}

/* ---- The follow-ups -------------------------------------------------- */

/* Compiles every asked_when with the model's schema in use. */
static mi_status compile_follow_ups(mi_intake *in, const mi_conf_reader *r, mi_error *err)
{
	const mi_answer_key *prev = mi_answers_schema();
	mi_answers_use_schema(in->keys);
	size_t key_count = 0;
	while (in->keys[key_count].name)
		key_count++;
	mi_status st = mi_rulefile_new_conditions(NULL, &in->conditions, err);
	for (size_t i = 0; st == MI_OK && i < in->count; i++) {
		mi_ui_question *q = &in->questions[i];
		const question_source *src = &in->sources[i];
		if (!src->asked_when)
			continue;
		q->follow_up = true;
		st = mi_rulefile_add_follow_up(in->conditions, r, src->asked_line, q->key,
					       src->asked_when, err);
		if (st != MI_OK)
			break;
		bool reads[MAX_KEYS] = {false};
		mi_rulefile_follow_up_reads(in->conditions, q->key, reads, key_count);
		for (size_t k = 0; k < key_count; k++) {
			int asked = question_index(in, in->keys[k].name);
			if (reads[k] && (asked < 0 || (size_t)asked >= i))
				st = mi_conf_fail(r, src->asked_line, err,
						  _("the asked_when of %s reads %s, which is not asked before it."),
						  q->key, in->keys[k].name);
		}
	}
	mi_answers_use_schema(prev);
	return st;
}

/* ---- The file ------------------------------------------------------ */

static mi_status read_all(mi_intake *in, mi_conf_reader *r, mi_error *err)
{
	mi_status st;
	mi_conf_line l;
	size_t nkeys = 0;
	bool question_open = false, session_open = false;
	for (const mi_answer_key *k = mi_answers_spec_schema(); k->name; k++)
		in->keys[nkeys++] = *k;
	while ((st = mi_conf_next(r, &l, err)) == MI_OK && l.kind != MI_CONF_END) {
		if (l.kind == MI_CONF_SECTION) {
			if (question_open)
				st = finish_question(in, r, in->count - 1, &nkeys, err);
			question_open = !mi_session_section(l.kind_word);
			session_open = !question_open;
			if (st == MI_OK && session_open)
				st = mi_session_words_start(in->session, r, &l, err);
			else if (st == MI_OK)
				st = mi_session_words_end(in->session, r, err);
			if (st == MI_OK && question_open)
				st = start_question(in, r, &l, err);
		} else if (session_open) {
			st = mi_session_words_setting(in->session, r, &l, err);
		} else if (!question_open) {
			if (l.kind != MI_CONF_SETTING || strcmp(l.key, "version") != 0)
				st = mi_conf_fail(r, l.line, err,
						  _("expected version = ... before the first [question]."));
			else if (in->version)
				st = mi_conf_fail(r, l.line, err, _("a second version line."));
			else if (l.value[0] == '\0')
				st = mi_conf_fail(r, l.line, err, _("the version is empty."));
			else if (!(in->version = strdup(l.value)))
				st = nomem(err);
		} else if (l.kind == MI_CONF_ITEM) {
			st = add_option(in, r, &l, err);
		} else {
			st = question_setting(in, r, &l, err);
		}
		if (st != MI_OK)
			return st;
	}
	if (st == MI_OK && question_open)
		st = finish_question(in, r, in->count - 1, &nkeys, err);
	if (st == MI_OK)
		st = mi_session_words_end(in->session, r, err);
	if (st != MI_OK)
		return st;
	in->last_line = r->line ? r->line : 1;
	if (!in->version)
		return mi_conf_fail(r, 1, err, _("the file has no \"version = ...\" line."));
	static const char *const needed[] = {"client.name", "client.birth_date", "consent"};
	for (size_t k = 0; k < sizeof needed / sizeof *needed; k++)
		if (question_index(in, needed[k]) < 0)
			return mi_conf_fail(r, in->last_line, err,
					    _("there is no [question %s]; every intake asks it."), needed[k]);
	in->keys[nkeys] = (mi_answer_key){.name = NULL};
	return compile_follow_ups(in, r, err);
}

mi_status mi_intake_parse(const char *text, size_t len, const char *file_name, mi_intake **out,
			  mi_error *err)
{
	mi_intake *in = calloc(1, sizeof *in);
	if (!in || !(in->file_name = strdup(file_name)) || !(in->session = mi_session_words_new())) {
		if (in)
			free(in->file_name);
		free(in);
		return nomem(err);
	}
	unsigned char hash[crypto_generichash_BYTES];
	crypto_generichash(hash, sizeof hash, (const unsigned char *)text, len, NULL, 0);
	memcpy(in->fingerprint, "blake2b:", 8);
	sodium_bin2hex(in->fingerprint + 8, sizeof in->fingerprint - 8, hash, sizeof hash);
	mi_conf_reader r;
	mi_conf_reader_open(&r, in->file_name, text, len);
	mi_status st = read_all(in, &r, err);
	mi_conf_reader_close(&r);
	if (st != MI_OK) {
		mi_intake_free(in);
		return st;
	}
	*out = in;
	return MI_OK;
}

mi_status mi_intake_load(const char *path, mi_intake **out, mi_error *err)
{
	char *text = NULL;
	size_t len = 0;
	mi_status st = mi_conf_read_file(path, &text, &len, err);
	if (st == MI_OK)
		st = mi_intake_parse(text, len, path, out, err);
	free(text);
	return st;
}

void mi_intake_free(mi_intake *intake)
{
	if (!intake)
		return;
	if (installed == intake)
		use(intake->before);
	mi_rulefile_free(intake->conditions);
	mi_session_words_free(intake->session);
	for (size_t i = 0; i < intake->owned_count; i++)
		free(intake->owned[i]);
	free(intake->owned);
	free(intake->version);
	free(intake->file_name);
	free(intake);
}

const char *mi_intake_version(const mi_intake *intake)
{
	return intake->version;
}

const char *mi_intake_fingerprint(const mi_intake *intake)
{
	return intake->fingerprint;
}

const mi_ui_question *mi_intake_questions(const mi_intake *intake, size_t *count)
{
	*count = intake->count;
	return intake->questions;
}

const mi_intake_word *mi_intake_session_areas(const mi_intake *intake, size_t *count)
{
	return mi_session_words_list(intake->session, MI_SESSION_AREAS, count);
}

const mi_intake_word *mi_intake_session_techniques(const mi_intake *intake, size_t *count)
{
	return mi_session_words_list(intake->session, MI_SESSION_TECHNIQUES, count);
}

const mi_intake_word *mi_intake_followup_plans(const mi_intake *intake, size_t *count)
{
	return mi_session_words_list(intake->session, MI_SESSION_PLANS, count);
}

const mi_rulefile *mi_intake_conditions(const mi_intake *intake)
{
	return intake->conditions;
}

bool mi_intake_asks(const mi_intake *intake, const char *key, const mi_answers *answers,
		    mi_date today)
{
	mi_rule_context ctx;
	mi_rule_context_init(&ctx, answers, NULL, today);
	return mi_rulefile_asks(intake->conditions, key, &ctx);
}

/* The question that asks schema key k, or -1; age is asked by the birth date. */
static int asking_question(const mi_intake *intake, const char *key)
{
	return question_index(intake, strcmp(key, "age") == 0 ? "client.birth_date" : key);
}

const mi_ui_question *mi_intake_question_asking(const mi_intake *intake, const char *key)
{
	int i = intake ? asking_question(intake, key) : -1;
	return i >= 0 ? &intake->questions[i] : NULL;
}

/* The first rule that reads schema key k (of key_count), or NULL. */
static const char *rule_reading(const mi_rulefile *rules, size_t k, size_t key_count)
{
	for (size_t i = 0; i < mi_rulefile_count(rules); i++) {
		bool reads[MAX_KEYS] = {false};
		mi_rulefile_rule_reads(rules, i, reads, key_count);
		if (reads[k])
			return mi_rulefile_rule(rules, i)->id;
	}
	return NULL;
}

mi_status mi_intake_check_rules(const mi_intake *intake, const mi_rulefile *rules, mi_error *err)
{
	const mi_answer_key *schema = mi_answers_schema();
	size_t key_count = 0;
	while (schema[key_count].name && key_count < MAX_KEYS)
		key_count++;
	for (size_t k = 0; k < key_count; k++) {
		const char *rule = rule_reading(rules, k, key_count);
		if (rule && asking_question(intake, schema[k].name) < 0)
			return mi_error_set(err, MI_EDATA,
					    _("%s:%zu: there is no question for %s, which the rule %s reads."),
					    intake->file_name, intake->last_line, schema[k].name, rule);
	}
	for (size_t i = 0; i < intake->count; i++) {
		const char *key = intake->questions[i].key;
		if (!intake->sources[i].asked_when ||
		    mi_rulefile_follow_up_can_hold(intake->conditions, key))
			continue;
		size_t k = 0;
		while (k < key_count && strcmp(schema[k].name, key) != 0)
			k++;
		const char *rule = k < key_count ? rule_reading(rules, k, key_count) : NULL;
		if (rule)
			return mi_error_set(err, MI_EDATA,
					    _("%s:%zu: the asked_when of %s can never hold, so %s is never "
					    "asked, but the rule %s reads it."),
					    intake->file_name, intake->sources[i].asked_line, key, key, rule);
		return mi_error_set(err, MI_EDATA,
				    _("%s:%zu: the asked_when of %s can never hold, so it is never asked."),
				    intake->file_name, intake->sources[i].asked_line, key);
	}
	return MI_OK;
}

/* Makes intake (NULL: none) the installed one. */
static void use(const mi_intake *intake)
{
	installed = intake;
	mi_answers_use_schema(intake ? intake->keys : NULL);
}

void mi_intake_install(mi_intake *intake)
{
	if (intake == installed)
		return;
	intake->before = installed;
	use(intake);
}

const mi_intake *mi_intake_installed(void)
{
	return installed;
}

const mi_ui_question *mi_ui_questions(size_t *count)
{
	*count = 0;
	return installed ? mi_intake_questions(installed, count) : NULL;
}

/* ---- Other languages ----------------------------------------------- */

/* Adds the English words of the questions to source. */
static bool questions_source(const mi_intake *in, mi_overlay_source *source)
{
	bool ok = true;
	for (size_t i = 0; i < in->count; i++) {
		const mi_ui_question *q = in->has_english ? &in->english[i] : &in->questions[i];
		const question_source *src = &in->sources[i];
		const char *fields[][2] = {{"group", q->group}, {"label", q->label},
					   {"text", q->text},	{"help", q->help},
					   {"low", q->low_label}, {"high", q->high_label}};
		for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
			ok = ok && mi_overlay_source_add(source, "question", q->key, fields[f][0],
							 fields[f][1]);
		for (size_t k = 0; k < src->option_count; k++) {
			char name[80];
			snprintf(name, sizeof name, "option %s", src->option_ids[k]);
			ok = ok && mi_overlay_source_add(source, "question", q->key, name,
							 src->option_words[k]);
		}
	}
	return ok;
}

bool mi_intake_source(const mi_intake *intake, mi_overlay_source *source)
{
	return questions_source(intake, source) && mi_session_words_source(intake->session, source);
}

void mi_intake_use_words(mi_intake *intake, const mi_overlay *overlay)
{
	if (!intake->has_english) {
		memcpy(intake->english, intake->questions, sizeof intake->english);
		for (size_t i = 0; i < intake->count; i++)
			for (size_t k = 0; k < intake->sources[i].option_count; k++)
				intake->english_options[i][k] = intake->sources[i].option_words[k];
		intake->has_english = true;
	}
	mi_overlay_source *source = overlay ? mi_overlay_source_new() : NULL;
	if (source && !questions_source(intake, source)) {
		mi_overlay_source_free(source);
		source = NULL;
	}
	for (size_t i = 0; i < intake->count; i++) {
		mi_ui_question *q = &intake->questions[i];
		const mi_ui_question *en = &intake->english[i];
		char fp[MI_OVERLAY_FINGERPRINT_SIZE] = "";
		if (source)
			mi_overlay_source_fingerprint(source, "question", en->key, fp);
		const mi_overlay *ov = source ? overlay : NULL;
		const char *t;
#define WORDS(field, name) q->field = (t = mi_overlay_find(ov, "question", en->key, name, fp)) ? t : en->field
		WORDS(group, "group");
		WORDS(label, "label");
		WORDS(text, "text");
		WORDS(help, "help");
		WORDS(low_label, "low");
		WORDS(high_label, "high");
#undef WORDS
		const char **labels = (const char **)q->labels;
		for (size_t k = 0; labels && k < intake->sources[i].option_count; k++) {
			char name[80];
			snprintf(name, sizeof name, "option %s", intake->sources[i].option_ids[k]);
			t = mi_overlay_find(ov, "question", en->key, name, fp);
			labels[k] = t ? t : intake->english_options[i][k];
		}
	}
	mi_overlay_source_free(source);
	mi_session_words_use(intake->session, overlay);
}

void mi_intake_installed_use_words(const mi_overlay *overlay)
{
	/* Installed intakes are the callers' own (mi_intake_install takes
	 * them writable); only their words change. */
	if (installed)
		mi_intake_use_words((mi_intake *)installed, overlay);
}
