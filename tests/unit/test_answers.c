/* test_answers.c - parsing, validation and editing of intake answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/answers.h"

static mi_answers *parse_ok(const char *text)
{
	mi_answers *a = NULL;
	mi_error err = {0};
	mi_status st = mi_answers_parse(text, strlen(text), &a, &err);
	if (st != MI_OK)
		fail_msg("expected %s to parse, got: %s", text, err.message);
	return a;
}

/* Parses text, expects MI_EDATA and a message containing every needle. */
static void expect_refused(const char *text, size_t len, const char *needle)
{
	mi_answers *a = NULL;
	mi_error err = {0};
	assert_int_equal(mi_answers_parse(text, len, &a, &err), MI_EDATA);
	assert_null(a);
	if (!strstr(err.message, needle))
		fail_msg("message \"%s\" lacks \"%s\"", err.message, needle);
}

static void refuse(const char *text, const char *needle)
{
	expect_refused(text, strlen(text), needle);
}

static void parse_with_example_keys_succeeds(void **state)
{
	(void)state;
	mi_answers *a = parse_ok(
		"{\"client\": {\"name\": \"Maya Ortiz\", \"birth_date\": \"1988-03-14\", \"phone\": \"555-0142\"},"
		" \"pain_locations\": [\"low_back\"], \"pain_intensity\": 4, \"fever\": false,"
		" \"recent_surgery_weeks\": null, \"medications\": [\"Eliquis 5 mg\"],"
		" \"consent\": {\"agreed\": true, \"name\": \"Maya Ortiz\", \"date\": \"2026-11-20\"}}");
	long n;
	bool b;
	assert_true(mi_answers_get_int(a, "pain_intensity", &n));
	assert_int_equal(n, 4);
	assert_true(mi_answers_get_bool(a, "fever", &b));
	assert_false(b);
	assert_true(mi_answers_has(a, "recent_surgery_weeks"));
	assert_false(mi_answers_get_int(a, "recent_surgery_weeks", &n));
	assert_false(mi_answers_has(a, "night_pain"));
	assert_string_equal(mi_answers_get_text(a, "client.name"), "Maya Ortiz");
	assert_true(mi_answers_get_bool(a, "consent.agreed", &b));
	assert_true(b);
	assert_int_equal(mi_answers_list_count(a, "medications"), 1);
	assert_string_equal(mi_answers_list_item(a, "medications", 0), "Eliquis 5 mg");
	assert_true(mi_answers_list_contains(a, "pain_locations", "low_back"));
	assert_false(mi_answers_list_contains(a, "pain_locations", "neck"));
	mi_answers_free(a);
}

static void parse_with_quotes_and_non_latin_text_succeeds(void **state)
{
	(void)state;
	const char *name = "Zo\xC3\xAB O'Brien \"Z\" \xCE\x91\xCE\xBB\xCE\xAD\xCE\xBE\xCE\xB7\xCF\x82 "
			   "\xD9\x85\xD8\xB1\xD9\x8A\xD9\x85 \xE6\x9D\x8E";
	char text[512];
	snprintf(text, sizeof text, "{\"client\": {\"name\": \"%s\"}, \"worse_with\": \"'); DROP TABLE clients; --\"}",
		 "Zo\xC3\xAB O'Brien \\\"Z\\\" \xCE\x91\xCE\xBB\xCE\xAD\xCE\xBE\xCE\xB7\xCF\x82 "
		 "\xD9\x85\xD8\xB1\xD9\x8A\xD9\x85 \xE6\x9D\x8E");
	mi_answers *a = parse_ok(text);
	assert_string_equal(mi_answers_get_text(a, "client.name"), name);
	assert_string_equal(mi_answers_get_text(a, "worse_with"), "'); DROP TABLE clients; --");

	/* Round trip through JSON text keeps every byte. */
	char *json = mi_answers_to_json(a, false);
	mi_answers *again = parse_ok(json);
	assert_string_equal(mi_answers_get_text(again, "client.name"), name);
	free(json);
	mi_answers_free(again);
	mi_answers_free(a);
}

static void parse_with_unknown_key_fails(void **state)
{
	(void)state;
	refuse("{\"fevr\": true}", "unknown key \"fevr\"");
	refuse("{\"client\": {\"name\": \"A\", \"nickname\": \"B\"}}", "unknown key \"client.nickname\"");
	refuse("{\"consent\": {\"signature\": \"x\"}}", "consent.signature");
}

static void parse_stored_with_key_no_longer_asked_sets_it_aside_succeeds(void **state)
{
	(void)state;
	static const char doc[] = "{\"fever\": true, \"pacemaker\": true, \"shoe\": [\"left\"]}";
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_answers_parse_stored(doc, strlen(doc), &a, &err), MI_OK);
	bool fever = false;
	assert_true(mi_answers_get_bool(a, "fever", &fever) && fever);
	assert_false(mi_answers_has(a, "pacemaker"));
	assert_int_equal(mi_answers_retired_count(a), 2);
	assert_string_equal(mi_answers_retired_key(a, 0), "pacemaker");
	assert_string_equal(mi_answers_retired_key(a, 1), "shoe");
	char *json = mi_answers_retired_json(a, 1);
	assert_string_equal(json, "[\"left\"]");
	free(json);
	mi_answers *copy = mi_answers_copy(a);
	assert_int_equal(mi_answers_retired_count(copy), 2);
	mi_answers_free(copy);
	mi_answers_free(a);
	/* A known key with a wrong value is still refused. */
	static const char bad[] = "{\"fever\": \"yes\", \"pacemaker\": true}";
	assert_int_equal(mi_answers_parse_stored(bad, strlen(bad), &a, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "\"fever\" must be true or false"));
}

static void parse_with_wrong_types_fails(void **state)
{
	(void)state;
	refuse("{\"fever\": \"yes\"}", "\"fever\" must be true or false");
	refuse("{\"fever\": 1}", "\"fever\"");
	refuse("{\"pain_intensity\": \"4\"}", "\"pain_intensity\" must be a whole number from 0 to 10");
	refuse("{\"pain_intensity\": 4.5}", "\"pain_intensity\"");
	refuse("{\"pain_locations\": \"low_back\"}", "\"pain_locations\" must be a list");
	refuse("{\"medications\": [5]}", "\"medications\" item 1 must be text");
	refuse("{\"client\": \"Maya\"}", "\"client\" must be an object");
	refuse("{\"age\": null}", "\"age\"");
	refuse("{\"worse_with\": false}", "\"worse_with\" must be text");
}

static void parse_with_out_of_range_numbers_fails(void **state)
{
	(void)state;
	refuse("{\"pain_intensity\": 11}", "\"pain_intensity\" must be a whole number from 0 to 10, not 11");
	refuse("{\"pain_intensity\": -1}", "\"pain_intensity\"");
	refuse("{\"age\": 131}", "\"age\"");
	refuse("{\"pain_duration_weeks\": -3}", "\"pain_duration_weeks\"");
	refuse("{\"recent_surgery_weeks\": 53}", "\"recent_surgery_weeks\" must be a whole number from 0 to 52 or null");
	refuse("{\"pain_intensity\": 99999999999999999999999}", "not valid JSON");
}

static void parse_with_boundary_numbers_succeeds(void **state)
{
	(void)state;
	mi_answers_free(parse_ok("{\"pain_intensity\": 0, \"age\": 0, \"recent_surgery_weeks\": 0}"));
	mi_answers_free(parse_ok("{\"pain_intensity\": 10, \"age\": 130, \"recent_surgery_weeks\": 52}"));
}

static void parse_with_values_outside_enum_fails(void **state)
{
	(void)state;
	refuse("{\"onset\": \"slow\"}", "\"onset\" must be one of gradual, sudden, injury, not other text.");
	refuse("{\"pain_locations\": [\"low_back\", \"back\"]}", "\"pain_locations\" item 2 must be one of");
	refuse("{\"pressure_preference\": \"Firm\"}", "\"pressure_preference\"");
	refuse("{\"leg_symptoms\": [\"tingling\"]}", "\"leg_symptoms\"");
	refuse("{\"goals\": [\"relax\"]}", "\"goals\"");
	refuse("{\"pregnant\": true}", "\"pregnant\"");
}

static void parse_with_bad_dates_fails(void **state)
{
	(void)state;
	refuse("{\"client\": {\"birth_date\": \"14/03/1988\"}}", "\"client.birth_date\" must be a real date");
	refuse("{\"client\": {\"birth_date\": \"1988-02-30\"}}", "\"client.birth_date\"");
	refuse("{\"consent\": {\"date\": \"2026-13-01\"}}", "\"consent.date\"");
	mi_answers_free(parse_ok("{\"client\": {\"birth_date\": \"2000-02-29\"}}"));
}

static void parse_with_bad_text_fails(void **state)
{
	(void)state;
	refuse("{\"worse_with\": \"a\\u0007b\"}", "\"worse_with\" contains a control character");
	refuse("{\"client\": {\"name\": \"x\\u001b]2;pwned\\u0007\"}}", "\"client.name\" contains a control character");
	refuse("{\"worse_with\": \"line one\\nline two\"}", "control character");
	refuse("{\"worse_with\": \"abc\\u202Edef\"}", "text-direction control");
	refuse("{\"worse_with\": \"\\u0085\"}", "control character");
	refuse("{\"client\": {\"name\": \"   \"}}", "\"client.name\" must not be empty");
	refuse("{\"client\": {\"phone\": \"call me\"}}", "\"client.phone\"");
	refuse("{\"client\": {\"email\": \"nobody\"}}", "\"client.email\"");
	refuse("{\"medications\": [\"warfarin\", \" \"]}", "\"medications\" item 2 is empty");
	expect_refused("{\"worse_with\": \"caf\xC3\"}", strlen("{\"worse_with\": \"caf\xC3\"}"), "not valid UTF-8");
	expect_refused("{\"worse_with\": \"\xFF\"}", 18, "not valid UTF-8");
}

static void parse_with_too_long_text_fails(void **state)
{
	(void)state;
	size_t n = MI_ANSWERS_MAX_TEXT + 1;
	char *text = malloc(n + 32);
	strcpy(text, "{\"past_injuries\": \"");
	size_t at = strlen(text);
	memset(text + at, 'x', n);
	strcpy(text + at + n, "\"}");
	refuse(text, "\"past_injuries\" is 2001 bytes long; the limit is 2000 bytes");
	/* Exactly at the limit is fine. */
	strcpy(text + at + n - 1, "\"}");
	mi_answers_free(parse_ok(text));
	free(text);
}

static void parse_with_malformed_documents_fails(void **state)
{
	(void)state;
	refuse("", "empty");
	refuse("  \n\t ", "empty");
	refuse("[{\"fever\": true}]", "must be one JSON object, not a list");
	refuse("\"fever\"", "must be one JSON object");
	refuse("{\"fever\": true", "not valid JSON");
	refuse("{\"fever\": tru}", "not valid JSON (line 1");
	refuse("{\"fever\": true} {\"fever\": false}", "not valid JSON");
	refuse("{\"fever\": true, \"fever\": false}", "given twice");
}

static void parse_with_absurd_nesting_fails(void **state)
{
	(void)state;
	size_t depth = 100000;
	char *text = malloc(depth * 2 + 1);
	memset(text, '[', depth);
	memset(text + depth, ']', depth);
	text[depth * 2] = '\0';
	refuse(text, "nested deeper than");
	free(text);
	refuse("{\"client\": {\"name\": [[[[[[[[[\"x\"]]]]]]]]]}}", "nested deeper than");
}

static void parse_with_absurd_size_fails(void **state)
{
	(void)state;
	size_t n = MI_ANSWERS_MAX_DOCUMENT + 10;
	char *text = malloc(n + 1);
	memset(text, ' ', n);
	text[0] = '{';
	text[n - 1] = '}';
	text[n] = '\0';
	refuse(text, "may be at most");
	free(text);
}

static void set_json_with_valid_value_succeeds(void **state)
{
	(void)state;
	mi_answers *a = mi_answers_new();
	mi_error err = {0};
	assert_int_equal(mi_answers_set_json(a, "fever", "true", &err), MI_OK);
	assert_int_equal(mi_answers_set_json(a, "pain_locations", "[\"neck\", \"low_back\"]", &err), MI_OK);
	assert_int_equal(mi_answers_set_text(a, "client.name", "Anna Smith", &err), MI_OK);
	assert_int_equal(mi_answers_set_int(a, "pain_intensity", 7, &err), MI_OK);
	assert_int_equal(mi_answers_set_bool(a, "consent.agreed", true, &err), MI_OK);
	char *value = mi_answers_get_json(a, "pain_locations");
	assert_string_equal(value, "[\"neck\",\"low_back\"]");
	free(value);
	value = mi_answers_get_json(a, "client");
	assert_string_equal(value, "{\"name\":\"Anna Smith\"}");
	free(value);
	char *json = mi_answers_to_json(a, false);
	/* Keys come out in SPEC order whatever order they were set in. */
	assert_string_equal(json, "{\"client\":{\"name\":\"Anna Smith\"},\"pain_locations\":[\"neck\",\"low_back\"],"
				  "\"pain_intensity\":7,\"fever\":true,\"consent\":{\"agreed\":true}}");
	free(json);
	mi_answers_unset(a, "fever");
	assert_false(mi_answers_has(a, "fever"));
	mi_answers_unset(a, "client.name");
	assert_null(mi_answers_get_text(a, "client.name"));
	mi_answers_free(a);
}

static void set_json_with_invalid_value_fails_and_keeps_old_value(void **state)
{
	(void)state;
	mi_answers *a = mi_answers_new();
	mi_error err = {0};
	assert_int_equal(mi_answers_set_int(a, "pain_intensity", 6, &err), MI_OK);
	assert_int_equal(mi_answers_set_int(a, "pain_intensity", 12, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "pain_intensity"));
	long n = 0;
	assert_true(mi_answers_get_int(a, "pain_intensity", &n));
	assert_int_equal(n, 6);
	assert_int_equal(mi_answers_set_json(a, "nope", "true", &err), MI_EDATA);
	assert_non_null(strstr(err.message, "unknown key \"nope\""));
	assert_int_equal(mi_answers_set_json(a, "fever", "maybe", &err), MI_EDATA);
	assert_int_equal(mi_answers_set_text(a, "client.name", "tab\there", &err), MI_EDATA);
	assert_null(mi_answers_get_text(a, "client.name"));
	mi_answers_free(a);
}

static void age_with_birth_date_is_derived_at_today(void **state)
{
	(void)state;
	mi_answers *a = parse_ok("{\"client\": {\"birth_date\": \"1975-11-24\"}}");
	long age = 0;
	assert_true(mi_answers_age(a, (mi_date){2026, 11, 23}, &age));
	assert_int_equal(age, 50);
	assert_true(mi_answers_age(a, (mi_date){2026, 11, 24}, &age));
	assert_int_equal(age, 51);
	/* A birth date after today gives no age. */
	assert_false(mi_answers_age(a, (mi_date){1970, 1, 1}, &age));
	mi_answers_free(a);

	a = parse_ok("{\"age\": 40, \"client\": {\"birth_date\": \"1950-01-01\"}}");
	assert_true(mi_answers_age(a, (mi_date){2026, 11, 23}, &age));
	assert_int_equal(age, 40);
	mi_answers_free(a);

	a = parse_ok("{}");
	assert_false(mi_answers_age(a, (mi_date){2026, 11, 23}, &age));
	mi_answers_free(a);
}

static void copy_with_answers_is_independent(void **state)
{
	(void)state;
	mi_answers *a = parse_ok("{\"fever\": true}");
	mi_answers *b = mi_answers_copy(a);
	mi_error err;
	assert_int_equal(mi_answers_set_bool(b, "fever", false, &err), MI_OK);
	bool v = false;
	assert_true(mi_answers_get_bool(a, "fever", &v));
	assert_true(v);
	mi_answers_free(a);
	mi_answers_free(b);
	mi_answers_free(NULL);
}

static void schema_with_every_spec_key_is_complete(void **state)
{
	(void)state;
	static const char *const spec_keys[] = {
		"client", "age", "pain_locations", "pain_intensity", "pain_duration_weeks", "onset",
		"worse_with", "better_with", "leg_symptoms", "leg_symptoms_both_sides",
		"weakness_worsening", "bladder_bowel_change", "saddle_numbness", "fever",
		"active_infection", "unexplained_weight_loss", "cancer_history", "night_pain",
		"recent_trauma", "osteoporosis", "long_term_steroids", "medications",
		"bleeding_disorder", "easy_bruising", "dvt_history", "recent_surgery_weeks",
		"skin_condition", "blood_pressure", "pregnant", "other_conditions", "past_injuries",
		"pressure_preference", "focus_areas", "avoid_areas", "goals", "goals_other",
		"draping_notes", "consent", "client.name", "client.birth_date", "client.phone",
		"client.email", "consent.agreed", "consent.name", "consent.date",
	};
	for (size_t i = 0; i < sizeof spec_keys / sizeof spec_keys[0]; i++)
		if (!mi_answers_find_key(spec_keys[i]))
			fail_msg("schema lacks %s", spec_keys[i]);
	assert_null(mi_answers_find_key("client.age"));
	assert_null(mi_answers_find_key("fever.x"));
}

/* Every refusal of a document holding the word SECRET in a value names the
 * key and the problem but never quotes the value: messages reach screens,
 * scrollback and logs. */
static void refusal_messages_never_quote_answers(void **state)
{
	(void)state;
	static const char *const docs[] = {
		"{\"onset\": \"SECRET\"}",
		"{\"pain_locations\": [\"SECRET\"]}",
		"{\"fever\": \"SECRET\"}",
		"{\"pain_intensity\": \"SECRET\"}",
		"{\"medications\": \"SECRET\"}",
		"{\"client\": {\"birth_date\": \"SECRET\"}}",
		"{\"client\": {\"birth_date\": \"1980-02-30 SECRET\"}}",
		"{\"client\": {\"phone\": \"SECRET\"}}",
		"{\"client\": {\"email\": \"SECRET\"}}",
		"{\"client\": \"SECRET\"}",
		"{\"worse_with\": \"SECRET\\u0007\"}",
		"{\"worse_with\": \"SECRET\\u202e\"}",
		"{\"worse_with\": SECRET}",
		"{\"worse_with\": \"SECRET\\x\"}",
		"{\"worse_with\": \"SECRET",
		"{\"worse_with\": \"SECRET\\u0000\"}",
		"{\"worse_with\": \"SECRET\\ud800\"}",
		"{\"worse_with\": \"SECRET\", \"worse_with\": \"SECRET\"}",
		"\"SECRET\"",
		"[\"SECRET\"]",
	};
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		mi_answers *a = NULL;
		mi_error err = {0};
		assert_int_equal(mi_answers_parse(docs[i], strlen(docs[i]), &a, &err), MI_EDATA);
		if (strstr(err.message, "SECRET"))
			fail_msg("%s: the message quotes the value: %s", docs[i], err.message);
	}
	mi_answers *a = mi_answers_new();
	mi_error err = {0};
	assert_int_not_equal(mi_answers_set_json(a, "onset", "\"SECRET\"", &err), MI_OK);
	assert_null(strstr(err.message, "SECRET"));
	assert_int_not_equal(mi_answers_set_json(a, "worse_with", "\"SECRET", &err), MI_OK);
	assert_null(strstr(err.message, "SECRET"));
	assert_int_not_equal(mi_answers_set_text(a, "client.birth_date", "SECRET", &err), MI_OK);
	assert_null(strstr(err.message, "SECRET"));
	mi_answers_free(a);
}

/* A birth date after today is refused; an age that disagrees with the
 * birth date is refused instead of silently winning. Today is passed in. */
static void check_dates_with_future_birth_or_other_age_fails(void **state)
{
	(void)state;
	const mi_date today = {2026, 11, 23};
	mi_error err = {0};
	mi_answers *a = parse_ok("{\"client\": {\"name\": \"A\", \"birth_date\": \"2026-11-24\"}}");
	assert_int_equal(mi_answers_check_dates(a, today, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "\"client.birth_date\" is after today"));
	assert_null(strstr(err.message, "2026-11-24"));
	mi_answers_free(a);

	a = parse_ok("{\"client\": {\"name\": \"A\", \"birth_date\": \"2026-11-23\"}}");
	assert_int_equal(mi_answers_check_dates(a, today, &err), MI_OK);
	mi_answers_free(a);

	a = parse_ok("{\"age\": 40, \"client\": {\"name\": \"A\", \"birth_date\": \"1980-11-24\"}}");
	assert_int_equal(mi_answers_check_dates(a, today, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "\"age\" does not match \"client.birth_date\""));
	mi_answers_free(a);

	a = parse_ok("{\"age\": 45, \"client\": {\"name\": \"A\", \"birth_date\": \"1980-11-24\"}}");
	assert_int_equal(mi_answers_check_dates(a, today, &err), MI_OK);
	mi_answers_free(a);
	a = parse_ok("{\"age\": 45}");
	assert_int_equal(mi_answers_check_dates(a, today, &err), MI_OK);
	mi_answers_free(a);

	assert_true(mi_birth_date_possible(today, today));
	assert_false(mi_birth_date_possible((mi_date){2026, 11, 24}, today));
}

static void set_list_with_values_succeeds_and_bad_item_changes_nothing(void **state)
{
	(void)state;
	mi_answers *a = mi_answers_new();
	mi_error err;
	const char *areas[] = {"neck", "low_back"};
	assert_int_equal(mi_answers_set_list(a, "focus_areas", areas, 2, &err), MI_OK);
	const char *meds[] = {"Eliquis 5 mg", "baby aspirin"};
	assert_int_equal(mi_answers_set_list(a, "medications", meds, 2, &err), MI_OK);
	assert_int_equal(mi_answers_set_list(a, "leg_symptoms", NULL, 0, &err), MI_OK);
	char *json = mi_answers_to_json(a, false);
	assert_string_equal(json, "{\"leg_symptoms\":[],\"medications\":[\"Eliquis 5 mg\","
				  "\"baby aspirin\"],\"focus_areas\":[\"neck\",\"low_back\"]}");
	free(json);
	const char *bad[] = {"neck", "elbow"};
	assert_int_equal(mi_answers_set_list(a, "focus_areas", bad, 2, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "\"focus_areas\" item 2"));
	assert_int_equal(mi_answers_list_count(a, "focus_areas"), 2);
	const char *empty_line[] = {"warfarin", "  "};
	assert_int_equal(mi_answers_set_list(a, "medications", empty_line, 2, &err), MI_EDATA);
	const char *broken[] = {"\xff"};
	assert_int_equal(mi_answers_set_list(a, "medications", broken, 1, &err), MI_EDATA);
	assert_int_equal(mi_answers_set_list(a, "fever", areas, 1, &err), MI_EDATA);
	assert_int_equal(mi_answers_set_null(a, "recent_surgery_weeks", &err), MI_OK);
	assert_true(mi_answers_is_null(a, "recent_surgery_weeks"));
	assert_true(mi_answers_has(a, "recent_surgery_weeks"));
	assert_int_equal(mi_answers_set_null(a, "pain_intensity", &err), MI_EDATA);
	assert_false(mi_answers_is_null(a, "pain_intensity"));
	mi_answers_free(a);
}

static void iterator_with_answers_walks_keys_in_schema_order(void **state)
{
	(void)state;
	const char *doc = "{\"consent\": {\"date\": \"2026-11-20\", \"agreed\": true},"
			  " \"fever\": false, \"client\": {\"email\": \"a@b.org\", \"name\": \"Ana\"},"
			  " \"recent_surgery_weeks\": null, \"goals\": [], \"age\": 40}";
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_answers_parse(doc, strlen(doc), &a, &err), MI_OK);
	const char *expected[] = {"client.name", "client.email", "age", "fever",
				  "recent_surgery_weeks", "goals", "consent.agreed", "consent.date"};
	mi_answers_iter it;
	mi_answers_iter_init(&it, a);
	size_t n = 0;
	while (mi_answers_next(&it)) {
		assert_true(n < sizeof expected / sizeof *expected);
		assert_string_equal(it.path, expected[n]);
		assert_ptr_equal(it.key, mi_answers_find_key(expected[n]));
		n++;
	}
	assert_int_equal(n, sizeof expected / sizeof *expected);
	assert_false(mi_answers_next(&it));
	mi_answers_free(a);

	mi_answers *empty = mi_answers_new();
	mi_answers_iter_init(&it, empty);
	assert_false(mi_answers_next(&it));
	mi_answers_free(empty);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_with_example_keys_succeeds),
		cmocka_unit_test(parse_with_quotes_and_non_latin_text_succeeds),
		cmocka_unit_test(parse_with_unknown_key_fails),
		cmocka_unit_test(parse_stored_with_key_no_longer_asked_sets_it_aside_succeeds),
		cmocka_unit_test(parse_with_wrong_types_fails),
		cmocka_unit_test(parse_with_out_of_range_numbers_fails),
		cmocka_unit_test(parse_with_boundary_numbers_succeeds),
		cmocka_unit_test(parse_with_values_outside_enum_fails),
		cmocka_unit_test(parse_with_bad_dates_fails),
		cmocka_unit_test(parse_with_bad_text_fails),
		cmocka_unit_test(parse_with_too_long_text_fails),
		cmocka_unit_test(parse_with_malformed_documents_fails),
		cmocka_unit_test(parse_with_absurd_nesting_fails),
		cmocka_unit_test(parse_with_absurd_size_fails),
		cmocka_unit_test(set_json_with_valid_value_succeeds),
		cmocka_unit_test(set_json_with_invalid_value_fails_and_keeps_old_value),
		cmocka_unit_test(age_with_birth_date_is_derived_at_today),
		cmocka_unit_test(copy_with_answers_is_independent),
		cmocka_unit_test(schema_with_every_spec_key_is_complete),
		cmocka_unit_test(refusal_messages_never_quote_answers),
		cmocka_unit_test(check_dates_with_future_birth_or_other_age_fails),
		cmocka_unit_test(set_list_with_values_succeeds_and_bad_item_changes_nothing),
		cmocka_unit_test(iterator_with_answers_walks_keys_in_schema_order),
	};
	return cmocka_run_group_tests_name("answers", tests, NULL, NULL);
}
