/* test_rules.c - the rules loader (broken files refused with file:line) and
 * the meaning of conditions (missing answers, not, defines, follow-ups). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/answers.h"
#include "mi/rules.h"

static const mi_date today = {2026, 11, 23};

static const char meds_text[] = "[class anticoagulant]\nwarfarin\n\n[class nsaid]\nibuprofen\n";

static int make_meds(void **state)
{
	mi_meds *meds = NULL;
	mi_error err = {0};
	if (mi_meds_parse(meds_text, strlen(meds_text), "meds.conf", &meds, &err) != MI_OK)
		fail_msg("%s", err.message);
	*state = meds;
	return 0;
}

static int free_meds(void **state)
{
	mi_meds_free(*state);
	return 0;
}

/* Loads tests/fixtures/rules/NAME and expects MI_EDATA with "NAME:LINE: reason". */
static void expect_fixture_refused(const mi_meds *meds, const char *name, const char *needle)
{
	const char *src = getenv("MI_SOURCE_DIR");
	if (!src)
		fail_msg("MI_SOURCE_DIR is not set");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/rules/%s", src, name);
	mi_rulefile *rules = NULL;
	mi_error err = {0};
	mi_status st = mi_rulefile_load(path, meds, &rules, &err);
	if (st != MI_EDATA)
		fail_msg("%s: expected MI_EDATA, got %d (%s)", name, st, err.message);
	assert_null(rules);
	char expected[512];
	snprintf(expected, sizeof expected, "%s:%s", name, needle);
	if (!strstr(err.message, expected))
		fail_msg("message \"%s\" lacks \"%s\"", err.message, expected);
}

static void load_with_unknown_level_fails(void **state)
{
	expect_fixture_refused(*state, "unknown_level.conf", "11: unknown level \"severe\"");
}

static void load_with_unknown_answer_key_fails(void **state)
{
	expect_fixture_refused(*state, "unknown_key.conf", "5: in the condition of [rule fever]: unknown answer key or define \"feverish\"");
}

static void load_with_missing_source_fails(void **state)
{
	expect_fixture_refused(*state, "missing_source.conf", "3: [rule fever] has no source");
}

static void load_with_bad_syntax_fails(void **state)
{
	expect_fixture_refused(*state, "bad_syntax.conf", "5: in the condition of [rule fever]: expected an answer key");
}

static void load_with_duplicate_id_fails(void **state)
{
	expect_fixture_refused(*state, "duplicate_id.conf", "10: a second rule with the id \"fever\"");
}

static void load_with_value_not_allowed_fails(void **state)
{
	expect_fixture_refused(*state, "value_not_allowed.conf",
			       "5: in the condition of [rule bp]: \"very_high\" is not a value of blood_pressure");
}

static void load_with_wrong_operator_fails(void **state)
{
	expect_fixture_refused(*state, "wrong_operator.conf", "5: in the condition of [rule age_check]: osteoporosis is not a number");
}

static void load_with_unknown_medication_class_fails(void **state)
{
	expect_fixture_refused(*state, "unknown_class.conf", "5: in the condition of [rule pills]: unknown medication class \"vitamins\"");
}

static void load_with_rule_firing_on_nothing_fails(void **state)
{
	expect_fixture_refused(*state, "fires_on_nothing.conf", "5: in the condition of [rule no_fever]: the condition is true when nothing is answered");
}

static void load_without_version_fails(void **state)
{
	expect_fixture_refused(*state, "no_version.conf", "1: the file has no \"version = ...\" line");
}

static void load_with_follow_up_no_rule_reads_fails(void **state)
{
	expect_fixture_refused(*state, "follow_up_unread.conf", "11: [follow_up saddle_numbness]: no rule reads saddle_numbness");
}

static void load_with_missing_file_fails(void **state)
{
	mi_rulefile *rules = NULL;
	mi_error err = {0};
	assert_int_equal(mi_rulefile_load("/nonexistent/rules.conf", *state, &rules, &err), MI_ENOINPUT);
	assert_null(rules);
}

/* A rules file of one rule "r" with condition when (plus extra sections). */
static mi_rulefile *one_rule(const mi_meds *meds, const char *extra, const char *when)
{
	char text[4096];
	snprintf(text, sizeof text,
		 "version = t\n%s\n[rule r]\nlevel = modify\nwhen = %s\nmessage = m\nnote = n\nsource = s\n",
		 extra, when);
	mi_rulefile *rules = NULL;
	mi_error err = {0};
	if (mi_rulefile_parse(text, strlen(text), "inline.conf", meds, &rules, &err) != MI_OK)
		fail_msg("\"%s\" does not load: %s", when, err.message);
	return rules;
}

/* The line and reason an inline rule is refused with. */
static void expect_when_refused(const mi_meds *meds, const char *when, const char *needle)
{
	char text[4096];
	snprintf(text, sizeof text,
		 "version = t\n[rule r]\nlevel = modify\nwhen = %s\nmessage = m\nnote = n\nsource = s\n", when);
	mi_rulefile *rules = NULL;
	mi_error err = {0};
	assert_int_equal(mi_rulefile_parse(text, strlen(text), "inline.conf", meds, &rules, &err), MI_EDATA);
	if (!strstr(err.message, "inline.conf:4: ") || !strstr(err.message, needle))
		fail_msg("\"%s\": message \"%s\" lacks inline.conf:4: and \"%s\"", when, err.message, needle);
}

/* Whether rule "r" fires on the answers JSON. */
static bool fires(const mi_meds *meds, mi_rulefile *rules, const char *json)
{
	mi_answers *a = NULL;
	mi_error err = {0};
	if (mi_answers_parse(json, strlen(json), &a, &err) != MI_OK)
		fail_msg("test answers do not parse: %s", err.message);
	mi_rule_context ctx;
	mi_rule_context_init(&ctx, a, meds, today);
	bool result = mi_rulefile_fires(rules, 0, &ctx);
	mi_answers_free(a);
	return result;
}

static void parse_with_bad_conditions_fails(void **state)
{
	const mi_meds *m = *state;
	expect_when_refused(m, "fever and", "expected an answer key");
	expect_when_refused(m, "fever night_pain", "unexpected \"night_pain\"");
	expect_when_refused(m, "(fever", "expected ')'");
	expect_when_refused(m, "osteoporosis", "osteoporosis is not a yes/no answer");
	expect_when_refused(m, "fever is yes", "needs a key with a fixed set of values");
	expect_when_refused(m, "onset has sudden", "needs a list key");
	expect_when_refused(m, "leg_symptoms has any (weakness, wobbly)", "\"wobbly\" is not a value of leg_symptoms");
	expect_when_refused(m, "age > old", "expected a whole number");
	expect_when_refused(m, "medication_class is anticoagulant", "medication_class must be followed by");
	expect_when_refused(m, "worse_with", "worse_with is free text, a date or an object");
	expect_when_refused(m, "client", "client is free text, a date or an object");
	expect_when_refused(m, "pain_intensity", "pain_intensity is not a yes/no answer; compare it (KEY < N");
	expect_when_refused(m, "fever & night_pain", "unexpected \"&\"");
	expect_when_refused(m, "client.name", "client is free text, a date or an object");
}

static void parse_with_deep_nesting_fails(void **state)
{
	char when[1024] = "";
	for (int i = 0; i < 150; i++)
		strcat(when, "not ");
	strcat(when, "fever");
	expect_when_refused(*state, when, "nested more than");
}

static void parse_with_other_section_problems_fails(void **state)
{
	const mi_meds *m = *state;
	struct {
		const char *text, *needle;
	} cases[] = {
		{"version = t\n[rule r]\nlevel = modify\nwhen = fever\nwhen = fever\n", "f.conf:5: a second \"when\""},
		{"version = t\n[rule r]\ncolour = red\n", "f.conf:3: unknown setting \"colour\""},
		{"version = t\n[table r]\n", "f.conf:2: unknown section kind \"table\""},
		{"version = t\n[define fever]\nwhen = night_pain\n", "f.conf:2: the define name \"fever\""},
		{"version = t\nfever\n", "f.conf:2: expected KEY = VALUE"},
		{"version = t\nversion = u\n", "f.conf:2: a second version line"},
		{"version = t\n", "f.conf:1: the file has no [rule] section"},
		{"version = t\n[rule r]\nlevel = modify\nwhen = later\nmessage = m\nnote = n\nsource = s\n"
		 "[define later]\nwhen = fever\n",
		 "f.conf:4: in the condition of [rule r]: unknown answer key or define \"later\""},
		{"version = t\n[follow_up nonsense]\nasked_when = fever\n", "f.conf:2: unknown answer key \"nonsense\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		mi_rulefile *rules = NULL;
		mi_error err = {0};
		assert_int_equal(mi_rulefile_parse(cases[i].text, strlen(cases[i].text), "f.conf", m, &rules, &err),
				 MI_EDATA);
		if (!strstr(err.message, cases[i].needle))
			fail_msg("case %zu: message \"%s\" lacks \"%s\"", i, err.message, cases[i].needle);
	}
}

static void parse_with_continuation_lines_succeeds(void **state)
{
	const char *text = "version = t\n"
			   "[rule r]\n"
			   "level = urgent\n"
			   "when = fever\n"
			   "\tor night_pain\n"
			   "message = first part\n"
			   "   second part\n"
			   "# a comment ends nothing\n"
			   "note = n\n"
			   "source = s\n";
	mi_rulefile *rules = NULL;
	mi_error err = {0};
	if (mi_rulefile_parse(text, strlen(text), "c.conf", *state, &rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	const mi_rule *r = mi_rulefile_rule(rules, 0);
	assert_string_equal(r->when, "fever or night_pain");
	assert_string_equal(r->message, "first part second part");
	assert_int_equal(r->level, MI_LEVEL_URGENT);
	assert_string_equal(mi_rulefile_version(rules), "t");
	assert_true(fires(*state, rules, "{\"night_pain\": true}"));
	mi_rulefile_free(rules);
}

static void fires_with_missing_answers_fails(void **state)
{
	const mi_meds *m = *state;
	mi_rulefile *r = one_rule(m, "", "fever or onset is sudden or leg_symptoms has weakness or "
					 "pain_duration_weeks < 6 or age > 50 or medication_class has anticoagulant");
	assert_false(fires(m, r, "{}"));
	assert_false(fires(m, r, "{\"recent_surgery_weeks\": null}"));
	mi_rulefile_free(r);
	r = one_rule(m, "", "recent_surgery_weeks <= 12");
	assert_false(fires(m, r, "{\"recent_surgery_weeks\": null}"));
	assert_false(fires(m, r, "{}"));
	assert_true(fires(m, r, "{\"recent_surgery_weeks\": 0}"));
	mi_rulefile_free(r);
}

static void fires_with_not_on_a_missing_answer_succeeds(void **state)
{
	const mi_meds *m = *state;
	mi_rulefile *r = one_rule(m, "", "leg_symptoms has any (pain_below_knee) and not leg_symptoms_both_sides");
	assert_true(fires(m, r, "{\"leg_symptoms\": [\"pain_below_knee\"]}"));
	assert_true(fires(m, r, "{\"leg_symptoms\": [\"pain_below_knee\"], \"leg_symptoms_both_sides\": false}"));
	assert_false(fires(m, r, "{\"leg_symptoms\": [\"pain_below_knee\"], \"leg_symptoms_both_sides\": true}"));
	assert_false(fires(m, r, "{\"leg_symptoms_both_sides\": false}"));
	mi_rulefile_free(r);
}

static void fires_with_each_operator_succeeds(void **state)
{
	const mi_meds *m = *state;
	mi_rulefile *r = one_rule(m, "", "pain_intensity = 7");
	assert_true(fires(m, r, "{\"pain_intensity\": 7}"));
	assert_false(fires(m, r, "{\"pain_intensity\": 6}"));
	mi_rulefile_free(r);
	r = one_rule(m, "", "pain_intensity >= 7");
	assert_true(fires(m, r, "{\"pain_intensity\": 7}"));
	assert_false(fires(m, r, "{\"pain_intensity\": 6}"));
	mi_rulefile_free(r);
	r = one_rule(m, "", "pain_intensity > 7");
	assert_true(fires(m, r, "{\"pain_intensity\": 8}"));
	assert_false(fires(m, r, "{\"pain_intensity\": 7}"));
	mi_rulefile_free(r);
	r = one_rule(m, "", "blood_pressure in (controlled_high, uncontrolled_high)");
	assert_true(fires(m, r, "{\"blood_pressure\": \"uncontrolled_high\"}"));
	assert_false(fires(m, r, "{\"blood_pressure\": \"normal\"}"));
	mi_rulefile_free(r);
	r = one_rule(m, "", "medication_class has any (anticoagulant, nsaid) and not (fever or night_pain)");
	assert_true(fires(m, r, "{\"medications\": [\"none\", \"Ibuprofen 200mg\"]}"));
	assert_false(fires(m, r, "{\"medications\": [\"Ibuprofen\"], \"fever\": true}"));
	assert_false(fires(m, r, "{\"medications\": [\"none\"]}"));
	mi_rulefile_free(r);
}

static void fires_with_age_from_birth_date_succeeds(void **state)
{
	const mi_meds *m = *state;
	mi_rulefile *r = one_rule(m, "[define over_50]\nwhen = age > 50\n", "over_50");
	assert_true(fires(m, r, "{\"client\": {\"birth_date\": \"1975-11-22\"}}"));  /* 51 */
	assert_false(fires(m, r, "{\"client\": {\"birth_date\": \"1975-11-24\"}}")); /* 50 */
	assert_false(fires(m, r, "{\"age\": 50, \"client\": {\"birth_date\": \"1930-01-01\"}}"));
	assert_true(fires(m, r, "{\"age\": 51}"));
	mi_rulefile_free(r);
}

static void asks_with_follow_up_condition_succeeds(void **state)
{
	const mi_meds *m = *state;
	mi_rulefile *r = one_rule(m, "[follow_up leg_symptoms_both_sides]\nasked_when = leg_symptoms has any (weakness)\n",
				  "leg_symptoms_both_sides");
	mi_answers *a = NULL;
	mi_error err = {0};
	const char *json = "{\"leg_symptoms\": []}";
	assert_int_equal(mi_answers_parse(json, strlen(json), &a, &err), MI_OK);
	mi_rule_context ctx;
	mi_rule_context_init(&ctx, a, m, today);
	assert_false(mi_rulefile_asks(r, "leg_symptoms_both_sides", &ctx));
	assert_true(mi_rulefile_asks(r, "fever", &ctx));
	mi_answers_free(a);
	json = "{\"leg_symptoms\": [\"weakness\"]}";
	assert_int_equal(mi_answers_parse(json, strlen(json), &a, &err), MI_OK);
	mi_rule_context_init(&ctx, a, m, today);
	assert_true(mi_rulefile_asks(r, "leg_symptoms_both_sides", &ctx));
	mi_answers_free(a);
	mi_rulefile_free(r);
}

/* The follow-up of leg_symptoms_both_sides asked when `asked_when`, as a
 * flat list: the status, and the tests in *out (caller frees). */
static mi_status follow_up_tests(const mi_meds *m, const char *asked_when, mi_follow_up_test **out,
				 size_t *count, bool *all, mi_error *err)
{
	char extra[512];
	snprintf(extra, sizeof extra, "[follow_up leg_symptoms_both_sides]\nasked_when = %s\n",
		 asked_when);
	mi_rulefile *r = one_rule(m, extra, "leg_symptoms_both_sides");
	mi_status st = mi_rulefile_follow_up_tests(r, "leg_symptoms_both_sides", out, count, all, err);
	mi_rulefile_free(r);
	return st;
}

static void follow_up_tests_with_flat_conditions_succeeds(void **state)
{
	const mi_meds *m = *state;
	mi_follow_up_test *t = NULL;
	size_t n = 0;
	bool all = false;
	mi_error err = {0};
	assert_int_equal(follow_up_tests(m, "leg_symptoms has any (weakness, pain_below_knee)", &t, &n,
					 &all, &err),
			 MI_OK);
	assert_int_equal(n, 2);
	assert_false(all);
	assert_string_equal(t[0].key, "leg_symptoms");
	assert_int_equal(t[0].op, MI_FOLLOW_UP_IS);
	assert_string_equal(t[0].value, "weakness");
	assert_string_equal(t[1].value, "pain_below_knee");
	free(t);
	assert_int_equal(follow_up_tests(m, "fever and pain_intensity >= 7", &t, &n, &all, &err), MI_OK);
	assert_int_equal(n, 2);
	assert_true(all);
	assert_int_equal(t[0].op, MI_FOLLOW_UP_TRUE);
	assert_string_equal(t[0].key, "fever");
	assert_int_equal(t[1].op, MI_FOLLOW_UP_GE);
	assert_int_equal(t[1].number, 7);
	free(t);
	assert_int_equal(follow_up_tests(m, "fever or onset in (sudden, injury) or night_pain", &t, &n,
					 &all, &err),
			 MI_OK);
	assert_int_equal(n, 4);
	assert_false(all);
	free(t);
	/* No follow-up for the key: always asked. */
	mi_rulefile *r = one_rule(m, "", "fever");
	assert_int_equal(mi_rulefile_follow_up_tests(r, "fever", &t, &n, &all, &err), MI_OK);
	assert_null(t);
	assert_int_equal(n, 0);
	mi_rulefile_free(r);
}

static void follow_up_tests_with_other_conditions_fails(void **state)
{
	const mi_meds *m = *state;
	static const char *const refused[] = {
		"not fever",
		"fever and (night_pain or recent_trauma)",
		"age > 50",
		"medication_class has anticoagulant",
		"fever and leg_symptoms has any (weakness, numbness_tingling)",
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		mi_follow_up_test *t = NULL;
		size_t n = 0;
		bool all;
		mi_error err = {0};
		if (follow_up_tests(m, refused[i], &t, &n, &all, &err) != MI_EDATA)
			fail_msg("\"%s\" was taken as a flat list", refused[i]);
		assert_null(t);
		assert_non_null(strstr(err.message, "the asked_when of leg_symptoms_both_sides is not a list"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(load_with_unknown_level_fails),
		cmocka_unit_test(load_with_unknown_answer_key_fails),
		cmocka_unit_test(load_with_missing_source_fails),
		cmocka_unit_test(load_with_bad_syntax_fails),
		cmocka_unit_test(load_with_duplicate_id_fails),
		cmocka_unit_test(load_with_value_not_allowed_fails),
		cmocka_unit_test(load_with_wrong_operator_fails),
		cmocka_unit_test(load_with_unknown_medication_class_fails),
		cmocka_unit_test(load_with_rule_firing_on_nothing_fails),
		cmocka_unit_test(load_without_version_fails),
		cmocka_unit_test(load_with_follow_up_no_rule_reads_fails),
		cmocka_unit_test(load_with_missing_file_fails),
		cmocka_unit_test(parse_with_bad_conditions_fails),
		cmocka_unit_test(parse_with_deep_nesting_fails),
		cmocka_unit_test(parse_with_other_section_problems_fails),
		cmocka_unit_test(parse_with_continuation_lines_succeeds),
		cmocka_unit_test(fires_with_missing_answers_fails),
		cmocka_unit_test(fires_with_not_on_a_missing_answer_succeeds),
		cmocka_unit_test(fires_with_each_operator_succeeds),
		cmocka_unit_test(fires_with_age_from_birth_date_succeeds),
		cmocka_unit_test(asks_with_follow_up_condition_succeeds),
		cmocka_unit_test(follow_up_tests_with_flat_conditions_succeeds),
		cmocka_unit_test(follow_up_tests_with_other_conditions_fails),
	};
	return cmocka_run_group_tests_name("rules", tests, make_meds, free_meds);
}
