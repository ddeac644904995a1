/* answers.c - parsing, validating and editing intake answers (SPEC section 2). */
#include "mi/i18n.h"
#include "mi/answers.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "answers_fast.h"
#include "mi/text.h"

struct mi_answers {
	json_t *root;    /* always a valid answers object */
	json_t *retired; /* stored keys no longer asked (mi_answers_parse_stored), or NULL */
};

static const char *const regions[] = {"neck",     "shoulders",   "upper_back", "mid_back",
				      "low_back", "hips_glutes", "legs",       NULL};
static const char *const leg_values[] = {"pain_above_knee", "pain_below_knee", "numbness_tingling",
					 "weakness", NULL};
static const char *const onsets[] = {"gradual", "sudden", "injury", NULL};
static const char *const osteoporosis_values[] = {"none", "mild", "severe", NULL};
static const char *const blood_pressures[] = {"normal", "controlled_high", "uncontrolled_high",
					      "unknown", NULL};
static const char *const pregnancy_values[] = {"no", "yes", "not_applicable", NULL};
static const char *const pressures[] = {"light", "medium", "firm", NULL};
static const char *const goal_values[] = {"loosen_low_back_hips", "upper_back_shoulder_mobility",
					  "reduce_spasm", "looser_for_activity", NULL};

#define BOOL_KEY(n) {n, MI_ANSWER_BOOL, NULL, 0, 0, NULL}
#define TEXT_KEY(n) {n, MI_ANSWER_TEXT, NULL, 0, 0, NULL}
#define ENUM_KEY(n, v) {n, MI_ANSWER_ENUM, v, 0, 0, NULL}
#define LIST_KEY(n, v) {n, MI_ANSWER_ENUM_LIST, v, 0, 0, NULL}

#define NAME_KEY(n) {n, MI_ANSWER_NAME, NULL, 0, 0, NULL}

static const mi_answer_key client_fields[] = {
	NAME_KEY("name"),
	{"birth_date", MI_ANSWER_DATE, NULL, 0, 0, NULL},
	TEXT_KEY("phone"),
	TEXT_KEY("email"),
	{NULL, 0, NULL, 0, 0, NULL},
};

static const mi_answer_key consent_fields[] = {
	BOOL_KEY("agreed"),
	NAME_KEY("name"),
	{"date", MI_ANSWER_DATE, NULL, 0, 0, NULL},
	{NULL, 0, NULL, 0, 0, NULL},
};

static const mi_answer_key spec_schema[] = {
	{"client", MI_ANSWER_OBJECT, NULL, 0, 0, client_fields},
	{"age", MI_ANSWER_INT, NULL, 0, 130, NULL},
	LIST_KEY("pain_locations", regions),
	{"pain_intensity", MI_ANSWER_INT, NULL, 0, 10, NULL},
	{"pain_duration_weeks", MI_ANSWER_INT, NULL, 0, 5200, NULL},
	ENUM_KEY("onset", onsets),
	TEXT_KEY("worse_with"),
	TEXT_KEY("better_with"),
	LIST_KEY("leg_symptoms", leg_values),
	BOOL_KEY("leg_symptoms_both_sides"),
	BOOL_KEY("weakness_worsening"),
	BOOL_KEY("bladder_bowel_change"),
	BOOL_KEY("saddle_numbness"),
	BOOL_KEY("fever"),
	BOOL_KEY("active_infection"),
	BOOL_KEY("unexplained_weight_loss"),
	BOOL_KEY("cancer_history"),
	BOOL_KEY("night_pain"),
	BOOL_KEY("recent_trauma"),
	ENUM_KEY("osteoporosis", osteoporosis_values),
	BOOL_KEY("long_term_steroids"),
	{"medications", MI_ANSWER_TEXT_LIST, NULL, 0, 0, NULL},
	BOOL_KEY("bleeding_disorder"),
	BOOL_KEY("easy_bruising"),
	BOOL_KEY("dvt_history"),
	{"recent_surgery_weeks", MI_ANSWER_INT_OR_NULL, NULL, 0, 52, NULL},
	BOOL_KEY("skin_condition"),
	ENUM_KEY("blood_pressure", blood_pressures),
	ENUM_KEY("pregnant", pregnancy_values),
	TEXT_KEY("other_conditions"),
	TEXT_KEY("past_injuries"),
	ENUM_KEY("pressure_preference", pressures),
	LIST_KEY("focus_areas", regions),
	LIST_KEY("avoid_areas", regions),
	LIST_KEY("goals", goal_values),
	TEXT_KEY("goals_other"),
	TEXT_KEY("draping_notes"),
	{"consent", MI_ANSWER_OBJECT, NULL, 0, 0, consent_fields},
	{NULL, 0, NULL, 0, 0, NULL},
};

/* The schema in use: the SPEC keys, or a table holding them and a clinic's
 * own keys (mi_answers_use_schema). */
static const mi_answer_key *schema = spec_schema;

const mi_answer_key *mi_answers_schema(void)
{
	return schema;
}

const mi_answer_key *mi_answers_spec_schema(void)
{
	return spec_schema;
}

void mi_answers_use_schema(const mi_answer_key *keys)
{
	schema = keys ? keys : spec_schema;
}

static bool key_is(const mi_answer_key *key, const char *name, size_t len)
{
	return key->name[0] == name[0] && strncmp(key->name, name, len) == 0 &&
	       key->name[len] == '\0';
}

static const mi_answer_key *find_in(const mi_answer_key *keys, const char *name, size_t len)
{
	for (; keys->name; keys++)
		if (key_is(keys, name, len))
			return keys;
	return NULL;
}

/* find_in starting at keys[*hint] and wrapping around; on a match *hint is
 * the next index. Documents list their keys in schema order, so the first
 * look is nearly always the match. */
static const mi_answer_key *find_from(const mi_answer_key *keys, size_t *hint, const char *name,
				      size_t len)
{
	for (size_t pass = 0; pass < 2; pass++) {
		size_t i = pass ? 0 : *hint;
		for (; keys[i].name && (pass == 0 || i < *hint); i++) {
			if (key_is(&keys[i], name, len)) {
				*hint = i + 1;
				return &keys[i];
			}
		}
	}
	return NULL;
}

/* True when s is empty or only spaces, tabs and line breaks. */
static bool only_space(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
			return false;
	return true;
}

const mi_answer_key *mi_answers_find_key(const char *name)
{
	const char *dot = strchr(name, '.');
	if (!dot)
		return find_in(schema, name, strlen(name));
	const mi_answer_key *parent = find_in(schema, name, (size_t)(dot - name));
	if (!parent || parent->type != MI_ANSWER_OBJECT)
		return NULL;
	return find_in(parent->fields, dot + 1, strlen(dot + 1));
}

bool mi_answer_key_allows(const mi_answer_key *key, const char *value)
{
	if (!key->values)
		return false;
	for (const char *const *v = key->values; *v; v++)
		if (strcmp(*v, value) == 0)
			return true;
	return false;
}

/* "a, b, c" from a NULL-terminated list, into buf. */
static const char *join_values(const char *const *values, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (const char *const *v = values; *v && used < size; v++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", v == values ? "" : ", ", *v);
	return buf;
}

/* What kind of value was given, for messages. Text is never quoted: it
 * may be something a client wrote about their health, and messages end up
 * on screens, in terminals' scrollback and in logs. */
static const char *describe(const json_t *value, char *buf, size_t size)
{
	switch (json_typeof(value)) {
	case JSON_STRING:
		return _("text");
	case JSON_INTEGER:
		snprintf(buf, size, "%lld", (long long)json_integer_value(value));
		return buf;
	case JSON_REAL:
		return _("a number with a fraction");
	case JSON_TRUE:
	case JSON_FALSE:
		return json_is_true(value) ? "true" : "false";
	case JSON_NULL:
		return "null";
	case JSON_ARRAY:
		return _("a list");
	case JSON_OBJECT:
		return _("an object");
	}
	return _("an unknown value");
}

/* Refuses a text with a problem mi_text_check (or, for a name,
 * mi_text_check_name) finds, naming the key, the problem, the character
 * (never the text) and where it is. */
static mi_status check_text(const char *path, const char *s, size_t len, bool name, mi_error *err)
{
	if (len > MI_ANSWERS_MAX_TEXT)
		return mi_error_set(err, MI_EDATA, _("\"%s\" is %zu bytes long; the limit is %d bytes."),
				    path, len, MI_ANSWERS_MAX_TEXT);
	size_t offset;
	mi_text_problem problem = name ? mi_text_check_name(s, len, &offset)
				       : mi_text_check(s, len, false, &offset);
	if (problem == MI_TEXT_INVALID_UTF8 || problem == MI_TEXT_CONTROL)
		return mi_error_set(err, MI_EDATA, _("\"%s\" contains %s (at byte %zu); remove it."), path,
				    mi_text_problem_name(problem), offset + 1);
	if (problem != MI_TEXT_OK)
		return mi_error_set(err, MI_EDATA, _("\"%s\" contains %s (U+%04X, at byte %zu); remove it."),
				    path, mi_text_problem_name(problem),
				    mi_text_codepoint_at(s, len, offset), offset + 1);
	return MI_OK;
}

/* A name checked as text, then replaced in place by its normal form
 * (mi_text_normalize_name), which is checked again: a name holds nothing
 * invisible. */
static mi_status normalize_name(const char *path, json_t *value, mi_error *err)
{
	mi_status st = check_text(path, json_string_value(value), json_string_length(value), false, err);
	if (st != MI_OK)
		return st;
	char *normal = mi_text_normalize_name(json_string_value(value));
	if (!normal)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory checking \"%s\"."), path);
	st = check_text(path, normal, strlen(normal), true, err);
	if (st == MI_OK && strcmp(normal, json_string_value(value)) != 0 &&
	    json_string_set(value, normal) != 0)
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory checking \"%s\"."), path);
	free(normal);
	return st;
}

/* Checks the few free-text fields that have a recognisable shape. */
static mi_status check_text_shape(const char *path, const char *s, mi_error *err)
{
	if (strcmp(path, "client.name") == 0) {
		if (only_space(s, strlen(s)))
			return mi_error_set(err, MI_EDATA, _("\"client.name\" must not be empty."));
	} else if (strcmp(path, "client.phone") == 0) {
		if (strlen(s) > 40 || strspn(s, "0123456789 +-().") != strlen(s))
			return mi_error_set(err, MI_EDATA,
					    _("\"client.phone\" must be a phone number (digits, spaces and + - ( ) . only)."));
	} else if (strcmp(path, "client.email") == 0) {
		const char *at = strchr(s, '@');
		if (s[0] != '\0' &&
		    (!at || at == s || at[1] == '\0' || strchr(at + 1, '@') || strchr(s, ' ')))
			return mi_error_set(err, MI_EDATA,
					    _("\"client.email\" must be an e-mail address such as name@example.org."));
	}
	return MI_OK;
}

static mi_status validate_value(const mi_answer_key *key, const char *path, json_t *value,
				mi_error *err);

static mi_status validate_object(const mi_answer_key *fields, const char *parent, json_t *object,
				 mi_error *err)
{
	const char *name;
	json_t *value;
	size_t hint = 0;
	size_t parent_len = parent ? strlen(parent) : 0;
	json_object_foreach(object, name, value) {
		/* "parent.name" with the name cut at 60 bytes (parent is such a
		 * path itself, so it fits). */
		char path[128];
		size_t len = strlen(name), shown = len < 60 ? len : 60, at = 0;
		if (parent) {
			memcpy(path, parent, parent_len);
			path[parent_len] = '.';
			at = parent_len + 1;
		}
		memcpy(path + at, name, shown);
		path[at + shown] = '\0';
		const mi_answer_key *key = find_from(fields, &hint, name, len);
		if (!key) {
			if (mi_text_check(name, len, false, NULL) != MI_TEXT_OK)
				return mi_error_set(err, MI_EDATA,
						    _("a key name contains a control character or invalid text."));
			/* TRANSLATORS: SPEC is the name of the program's specification. */
			return mi_error_set(err, MI_EDATA,
					    parent ? _("unknown key \"%s\": it is not one of the intake answers.")
						   : _("unknown key \"%s\": it is not one of the intake answers (see SPEC section 2)."),
					    path);
		}
		mi_status st = validate_value(key, path, value, err);
		if (st != MI_OK)
			return st;
	}
	return MI_OK;
}

static mi_status validate_value(const mi_answer_key *key, const char *path, json_t *value,
				mi_error *err)
{
	char shown[64], list[256];
	switch (key->type) {
	case MI_ANSWER_BOOL:
		if (!json_is_boolean(value))
			return mi_error_set(err, MI_EDATA, _("\"%s\" must be true or false, not %s."), path,
					    describe(value, shown, sizeof shown));
		return MI_OK;
	case MI_ANSWER_INT_OR_NULL:
		if (json_is_null(value))
			return MI_OK;
		/* fall through */
	case MI_ANSWER_INT:
		if (!json_is_integer(value) || json_integer_value(value) < key->min ||
		    json_integer_value(value) > key->max)
			/* TRANSLATORS: the last %s is what was given: a number, or a kind of
			 * value such as "text" or "a list"; null is a JSON keyword. */
			return mi_error_set(err, MI_EDATA,
					    key->type == MI_ANSWER_INT_OR_NULL
						    ? _("\"%s\" must be a whole number from %ld to %ld or null, not %s.")
						    : _("\"%s\" must be a whole number from %ld to %ld, not %s."),
					    path, key->min, key->max, describe(value, shown, sizeof shown));
		return MI_OK;
	case MI_ANSWER_ENUM:
		if (!json_is_string(value) || !mi_answer_key_allows(key, json_string_value(value)))
			return mi_error_set(err, MI_EDATA, _("\"%s\" must be one of %s, not %s."), path,
					    join_values(key->values, list, sizeof list),
					    json_is_string(value) ? _("other text")
								  : describe(value, shown, sizeof shown));
		return MI_OK;
	case MI_ANSWER_TEXT:
	case MI_ANSWER_NAME:
	case MI_ANSWER_DATE: {
		if (!json_is_string(value))
			return mi_error_set(err, MI_EDATA, _("\"%s\" must be text, not %s."), path,
					    describe(value, shown, sizeof shown));
		mi_status st = key->type == MI_ANSWER_NAME
				       ? normalize_name(path, value, err)
				       : check_text(path, json_string_value(value), json_string_length(value),
						    false, err);
		if (st != MI_OK)
			return st;
		mi_date date;
		if (key->type == MI_ANSWER_DATE && !mi_date_parse(json_string_value(value), &date))
			return mi_error_set(err, MI_EDATA,
					    _("\"%s\" must be a real date written YYYY-MM-DD."), path);
		return check_text_shape(path, json_string_value(value), err);
	}
	case MI_ANSWER_ENUM_LIST:
	case MI_ANSWER_TEXT_LIST: {
		if (!json_is_array(value))
			return mi_error_set(err, MI_EDATA, _("\"%s\" must be a list, not %s."), path,
					    describe(value, shown, sizeof shown));
		if (json_array_size(value) > MI_ANSWERS_MAX_LIST)
			return mi_error_set(err, MI_EDATA, _("\"%s\" has %zu items; the limit is %d."), path,
					    json_array_size(value), MI_ANSWERS_MAX_LIST);
		size_t i;
		json_t *item;
		json_array_foreach(value, i, item) {
			if (!json_is_string(item))
				return mi_error_set(err, MI_EDATA, _("\"%s\" item %zu must be text, not %s."),
						    path, i + 1, describe(item, shown, sizeof shown));
			if (key->type == MI_ANSWER_ENUM_LIST) {
				if (!mi_answer_key_allows(key, json_string_value(item)))
					return mi_error_set(err, MI_EDATA,
							    _("\"%s\" item %zu must be one of %s, not other text."),
							    path, i + 1, join_values(key->values, list, sizeof list));
				continue;
			}
			mi_status st = check_text(path, json_string_value(item), json_string_length(item),
						  false, err);
			if (st != MI_OK)
				return st;
			if (only_space(json_string_value(item), json_string_length(item)))
				return mi_error_set(err, MI_EDATA, _("\"%s\" item %zu is empty."), path, i + 1);
		}
		return MI_OK;
	}
	case MI_ANSWER_OBJECT:
		if (!json_is_object(value))
			return mi_error_set(err, MI_EDATA, _("\"%s\" must be an object, not %s."), path,
					    describe(value, shown, sizeof shown));
		return validate_object(key->fields, path, value, err);
	}
	return mi_error_set(err, MI_EINTERNAL, _("\"%s\" has a type the program does not know."), path);
}

/* jansson's description of a parse error without the text it quotes
 * ("invalid token near 'the client's words'"), into buf. */
static const char *json_problem(const json_error_t *jerr, char *buf, size_t size)
{
	if (strstr(jerr->text, "JSON_ALLOW_NUL"))
		return "a NUL character (\\u0000) is not allowed";
	snprintf(buf, size, "%s", jerr->text);
	char *near = strstr(buf, " near ");
	if (near)
		*near = '\0';
	return buf;
}

/* Refuses invalid UTF-8 and absurd nesting before the JSON parser sees the text. */
static mi_status precheck(const char *text, size_t len, mi_error *err)
{
	size_t i = 0, line = 1;
	int depth = 0;
	bool in_string = false, escaped = false;
	while (i < len) {
		unsigned c = (unsigned char)text[i];
		size_t n = c < 0x80 ? 1 : mi_utf8_decode(text + i, len - i, &c);
		if (n == 0)
			return mi_error_set(err, MI_EDATA,
					    _("the answers contain bytes that are not valid UTF-8 (line %zu, byte %zu)."),
					    line, i + 1);
		if (c == '\n')
			line++;
		if (in_string) {
			if (escaped)
				escaped = false;
			else if (c == '\\')
				escaped = true;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > MI_ANSWERS_MAX_DEPTH)
				return mi_error_set(err, MI_EDATA,
						    _("the answers are nested deeper than %d levels (line %zu); expected one flat answers object."),
						    MI_ANSWERS_MAX_DEPTH, line);
		} else if (c == '}' || c == ']') {
			depth--;
		}
		i += n;
	}
	return MI_OK;
}

/* Moves the top-level keys of root that are not answer keys into a new
 * object (*retired, NULL when there are none). False when out of memory. */
static bool set_aside_unknown(json_t *root, json_t **retired)
{
	*retired = NULL;
	const char *name;
	json_t *value;
	void *tmp;
	json_object_foreach_safe(root, tmp, name, value) {
		if (mi_answers_find_key(name) ||
		    mi_text_check(name, strlen(name), false, NULL) != MI_TEXT_OK)
			continue;
		if (!*retired && !(*retired = json_object()))
			return false;
		if (json_object_set(*retired, name, value) != 0 || json_object_del(root, name) != 0)
			return false;
	}
	return true;
}

static mi_status parse(const char *text, size_t len, bool stored, mi_answers **out, mi_error *err);

mi_status mi_answers_parse(const char *text, size_t len, mi_answers **out, mi_error *err)
{
	return parse(text, len, false, out, err);
}

mi_status mi_answers_parse_stored(const char *text, size_t len, mi_answers **out, mi_error *err)
{
	return parse(text, len, true, out, err);
}

static mi_status parse(const char *text, size_t len, bool stored, mi_answers **out, mi_error *err)
{
	if (len > MI_ANSWERS_MAX_DOCUMENT)
		return mi_error_set(err, MI_EDATA,
				    _("the answers are %zu bytes long; one answers object may be at most %d bytes."),
				    len, MI_ANSWERS_MAX_DOCUMENT);
	if (only_space(text, len))
		return mi_error_set(err, MI_EDATA, _("the answers are empty; expected one JSON object."));
	/* The fast reader takes the usual plain document; anything else, and
	 * every error, goes the full way below (see answers_fast.h). */
	json_t *root = mi_answers_fast_load(text, len, MI_ANSWERS_MAX_DEPTH);
	mi_status st;
	json_error_t jerr;
	if (!root && (st = precheck(text, len, err)) != MI_OK)
		return st;
	if (!root)
		root = json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		char what[JSON_ERROR_TEXT_LENGTH];
		if (strstr(jerr.text, "duplicate object key"))
			return mi_error_set(err, MI_EDATA, _("a key is given twice (line %d, column %d)."),
					    jerr.line, jerr.column);
		return mi_error_set(err, MI_EDATA,
				    _("the answers are not valid JSON (line %d, column %d): %s."), jerr.line,
				    jerr.column, json_problem(&jerr, what, sizeof what));
	}
	if (!json_is_object(root)) {
		char shown[64];
		mi_error_set(err, MI_EDATA, _("the answers must be one JSON object, not %s."),
			     describe(root, shown, sizeof shown));
		json_decref(root);
		return MI_EDATA;
	}
	json_t *retired = NULL;
	if (stored && !set_aside_unknown(root, &retired)) {
		json_decref(retired);
		json_decref(root);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading the answers."));
	}
	st = validate_object(schema, NULL, root, err);
	if (st != MI_OK) {
		json_decref(retired);
		json_decref(root);
		return st;
	}
	mi_answers *answers = malloc(sizeof *answers);
	if (!answers) {
		json_decref(retired);
		json_decref(root);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading the answers."));
	}
	answers->root = root;
	answers->retired = retired;
	*out = answers;
	return MI_OK;
}

mi_status mi_answers_read_file(const char *path, mi_answers **out, mi_error *err)
{
	bool use_stdin = strcmp(path, "-") == 0;
	const char *shown = use_stdin ? _("standard input") : path;
	FILE *f = use_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return mi_error_set(err, errno == ENOENT ? MI_ENOINPUT : MI_ENOINPUT,
				    _("%s: cannot open the answers file: %s."), shown, strerror(errno));
	/* Read at most one byte past the limit so an absurd file is refused
	 * without being loaded whole. */
	size_t cap = MI_ANSWERS_MAX_DOCUMENT + 1;
	char *buf = malloc(cap);
	if (!buf) {
		if (!use_stdin)
			fclose(f);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), shown);
	}
	size_t len = fread(buf, 1, cap, f);
	bool failed = ferror(f);
	if (!use_stdin)
		fclose(f);
	mi_status st;
	if (failed)
		st = mi_error_set(err, MI_EIO, _("%s: cannot read the answers file."), shown);
	else if (len == cap)
		st = mi_error_set(err, MI_EDATA,
				  _("%s: the answers file is larger than %d bytes; expected one answers object."),
				  shown, MI_ANSWERS_MAX_DOCUMENT);
	else if ((st = mi_answers_parse(buf, len, out, err)) != MI_OK)
		mi_error_prefix(err, "%s", shown);
	free(buf);
	return st;
}

mi_answers *mi_answers_new(void)
{
	mi_answers *answers = malloc(sizeof *answers);
	if (!answers)
		return NULL;
	answers->root = json_object();
	answers->retired = NULL;
	if (!answers->root) {
		free(answers);
		return NULL;
	}
	return answers;
}

void mi_answers_free(mi_answers *answers)
{
	if (!answers)
		return;
	json_decref(answers->root);
	json_decref(answers->retired);
	free(answers);
}

mi_answers *mi_answers_copy(const mi_answers *answers)
{
	mi_answers *copy = malloc(sizeof *copy);
	if (!copy)
		return NULL;
	copy->root = json_deep_copy(answers->root);
	copy->retired = answers->retired ? json_deep_copy(answers->retired) : NULL;
	if (!copy->root || (answers->retired && !copy->retired)) {
		mi_answers_free(copy);
		return NULL;
	}
	return copy;
}

size_t mi_answers_retired_count(const mi_answers *answers)
{
	return answers->retired ? json_object_size(answers->retired) : 0;
}

/* The i-th retired key's iterator, or NULL. */
static void *retired_iter(const mi_answers *answers, size_t i)
{
	void *it = answers->retired ? json_object_iter(answers->retired) : NULL;
	for (; it && i > 0; i--)
		it = json_object_iter_next(answers->retired, it);
	return it;
}

const char *mi_answers_retired_key(const mi_answers *answers, size_t i)
{
	void *it = retired_iter(answers, i);
	return it ? json_object_iter_key(it) : NULL;
}

char *mi_answers_retired_json(const mi_answers *answers, size_t i)
{
	void *it = retired_iter(answers, i);
	return it ? json_dumps(json_object_iter_value(it), JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
}

/* A copy of value with object keys in schema order (for stable output). */
static json_t *ordered(const mi_answer_key *fields, json_t *object)
{
	json_t *out = json_object();
	if (!out)
		return NULL;
	for (const mi_answer_key *k = fields; k->name; k++) {
		json_t *value = json_object_get(object, k->name);
		if (!value)
			continue;
		json_t *copy = k->type == MI_ANSWER_OBJECT ? ordered(k->fields, value) : json_incref(value);
		if (!copy || json_object_set_new(out, k->name, copy) != 0) {
			json_decref(out);
			return NULL;
		}
	}
	return out;
}

char *mi_answers_to_json(const mi_answers *answers, bool pretty)
{
	json_t *out = ordered(schema, answers->root);
	if (!out)
		return NULL;
	char *text = json_dumps(out, pretty ? JSON_INDENT(2) : JSON_COMPACT);
	json_decref(out);
	return text;
}

/* The object holding key (root, or the client/consent object) and the
 * field name within it. With create, a missing parent object is made. */
static json_t *container_for(json_t *root, const char *key, const char **field, bool create)
{
	const char *dot = strchr(key, '.');
	if (!dot) {
		*field = key;
		return root;
	}
	char parent[32];
	size_t n = (size_t)(dot - key);
	if (n >= sizeof parent)
		return NULL;
	memcpy(parent, key, n);
	parent[n] = '\0';
	json_t *object = json_object_get(root, parent);
	if (!object && create) {
		object = json_object();
		if (!object || json_object_set_new(root, parent, object) != 0)
			return NULL;
	}
	*field = dot + 1;
	return json_is_object(object) ? object : NULL;
}

/* Validates value for key and stores it (taking the reference). */
static mi_status set_value(mi_answers *answers, const char *key, json_t *value, mi_error *err)
{
	const mi_answer_key *spec = mi_answers_find_key(key);
	if (!spec) {
		json_decref(value);
		return mi_error_set(err, MI_EDATA, _("unknown key \"%s\": it is not one of the intake answers."),
				    key);
	}
	mi_status st = validate_value(spec, key, value, err);
	if (st != MI_OK) {
		json_decref(value);
		return st;
	}
	const char *field;
	json_t *object = container_for(answers->root, key, &field, true);
	if (!object || json_object_set_new(object, field, value) != 0)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory saving \"%s\"."), key);
	return MI_OK;
}

mi_status mi_answers_set_json(mi_answers *answers, const char *key, const char *value_json,
			      mi_error *err)
{
	size_t len = strlen(value_json);
	if (len > MI_ANSWERS_MAX_DOCUMENT)
		return mi_error_set(err, MI_EDATA, _("the value for \"%s\" is too long."), key);
	mi_status st = precheck(value_json, len, err);
	if (st != MI_OK)
		return st;
	json_error_t jerr;
	json_t *value = json_loadb(value_json, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	if (!value) {
		char what[JSON_ERROR_TEXT_LENGTH];
		return mi_error_set(err, MI_EDATA, _("the value for \"%s\" is not valid JSON: %s."), key,
				    json_problem(&jerr, what, sizeof what));
	}
	return set_value(answers, key, value, err);
}

mi_status mi_answers_set_bool(mi_answers *answers, const char *key, bool value, mi_error *err)
{
	return set_value(answers, key, json_boolean(value), err);
}

mi_status mi_answers_set_int(mi_answers *answers, const char *key, long value, mi_error *err)
{
	json_t *v = json_integer(value);
	if (!v)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory saving \"%s\"."), key);
	return set_value(answers, key, v, err);
}

mi_status mi_answers_set_text(mi_answers *answers, const char *key, const char *value,
			      mi_error *err)
{
	size_t len = strlen(value);
	if (mi_text_check(value, len, false, NULL) == MI_TEXT_INVALID_UTF8)
		return mi_error_set(err, MI_EDATA, _("\"%s\" contains bytes that are not valid UTF-8."), key);
	json_t *v = json_stringn(value, len);
	if (!v)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory saving \"%s\"."), key);
	return set_value(answers, key, v, err);
}

mi_status mi_answers_set_list(mi_answers *answers, const char *key, const char *const *items,
			      size_t count, mi_error *err)
{
	json_t *list = json_array();
	if (!list)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory saving \"%s\"."), key);
	for (size_t i = 0; i < count; i++) {
		size_t len = strlen(items[i]);
		if (mi_text_check(items[i], len, false, NULL) == MI_TEXT_INVALID_UTF8) {
			json_decref(list);
			return mi_error_set(err, MI_EDATA,
					    _("\"%s\" item %zu contains bytes that are not valid UTF-8."), key,
					    i + 1);
		}
		if (json_array_append_new(list, json_stringn(items[i], len)) != 0) {
			json_decref(list);
			return mi_error_set(err, MI_EINTERNAL, _("out of memory saving \"%s\"."), key);
		}
	}
	return set_value(answers, key, list, err);
}

mi_status mi_answers_set_null(mi_answers *answers, const char *key, mi_error *err)
{
	return set_value(answers, key, json_null(), err);
}

void mi_answers_unset(mi_answers *answers, const char *key)
{
	const char *field;
	json_t *object = container_for(answers->root, key, &field, false);
	if (object)
		json_object_del(object, field);
}

static json_t *lookup(const mi_answers *answers, const char *key)
{
	const char *field;
	json_t *object = container_for(answers->root, key, &field, false);
	return object ? json_object_get(object, field) : NULL;
}

char *mi_answers_get_json(const mi_answers *answers, const char *key)
{
	json_t *value = lookup(answers, key);
	if (!value)
		return NULL;
	const mi_answer_key *spec = mi_answers_find_key(key);
	if (spec && spec->type == MI_ANSWER_OBJECT) {
		json_t *copy = ordered(spec->fields, value);
		char *text = copy ? json_dumps(copy, JSON_COMPACT) : NULL;
		json_decref(copy);
		return text;
	}
	return json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
}

bool mi_answers_has(const mi_answers *answers, const char *key)
{
	return lookup(answers, key) != NULL;
}

bool mi_answers_get_bool(const mi_answers *answers, const char *key, bool *out)
{
	json_t *value = lookup(answers, key);
	if (!json_is_boolean(value))
		return false;
	*out = json_is_true(value);
	return true;
}

bool mi_answers_get_int(const mi_answers *answers, const char *key, long *out)
{
	json_t *value = lookup(answers, key);
	if (!json_is_integer(value))
		return false;
	*out = (long)json_integer_value(value);
	return true;
}

const char *mi_answers_get_text(const mi_answers *answers, const char *key)
{
	return json_string_value(lookup(answers, key));
}

size_t mi_answers_list_count(const mi_answers *answers, const char *key)
{
	return json_array_size(lookup(answers, key));
}

const char *mi_answers_list_item(const mi_answers *answers, const char *key, size_t i)
{
	return json_string_value(json_array_get(lookup(answers, key), i));
}

bool mi_answers_list_contains(const mi_answers *answers, const char *key, const char *value)
{
	json_t *list = lookup(answers, key);
	size_t i;
	json_t *item;
	json_array_foreach(list, i, item)
		if (strcmp(json_string_value(item), value) == 0)
			return true;
	return false;
}

bool mi_answers_is_null(const mi_answers *answers, const char *key)
{
	return json_is_null(lookup(answers, key));
}

void mi_answers_iter_init(mi_answers_iter *it, const mi_answers *answers)
{
	*it = (mi_answers_iter){.answers = answers, .top = schema};
}

bool mi_answers_next(mi_answers_iter *it)
{
	json_t *root = it->answers->root;
	for (; it->top->name; it->top++) {
		json_t *value = json_object_get(root, it->top->name);
		if (!value) {
			it->field = NULL;
			continue;
		}
		if (it->top->type != MI_ANSWER_OBJECT) {
			it->key = it->top;
			it->path = it->top->name;
			it->top++;
			return true;
		}
		it->field = it->field ? it->field : it->top->fields;
		for (; it->field->name; it->field++) {
			if (!json_object_get(value, it->field->name))
				continue;
			snprintf(it->buf, sizeof it->buf, "%s.%s", it->top->name, it->field->name);
			it->path = it->buf;
			it->key = it->field++;
			return true;
		}
		it->field = NULL;
	}
	return false;
}

bool mi_birth_date_possible(mi_date birth, mi_date today)
{
	return mi_date_compare(birth, today) <= 0;
}

mi_status mi_answers_check_dates(const mi_answers *answers, mi_date today, mi_error *err)
{
	mi_date birth;
	const char *text = mi_answers_get_text(answers, "client.birth_date");
	if (!text || !mi_date_parse(text, &birth))
		return MI_OK;
	if (!mi_birth_date_possible(birth, today))
		return mi_error_set(err, MI_EDATA,
				    _("\"client.birth_date\" is after today; check the date of birth."));
	long age;
	if (mi_answers_get_int(answers, "age", &age) && age != mi_date_age(birth, today))
		return mi_error_set(err, MI_EDATA,
				    _("\"age\" does not match \"client.birth_date\" (which gives another age "
				    "today); correct one of them, or leave \"age\" out."));
	return MI_OK;
}

bool mi_answers_age(const mi_answers *answers, mi_date today, long *age)
{
	if (mi_answers_get_int(answers, "age", age))
		return true;
	mi_date birth;
	const char *text = mi_answers_get_text(answers, "client.birth_date");
	if (!text || !mi_date_parse(text, &birth))
		return false;
	int years = mi_date_age(birth, today);
	if (years < 0)
		return false;
	*age = years;
	return true;
}
