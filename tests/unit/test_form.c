/* test_form.c - the intake as a form: one item per answer key, with the
 * questions' words, types, values, ranges and follow-ups. */
#define _GNU_SOURCE /* asprintf */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_intake_util.h"
#include "mi/form.h"

/* The shipped rules (data/rules.conf). */
static mi_ruleset *shipped_rules(void)
{
	const char *dir = getenv("MI_DATA_DIR");
	assert_non_null(dir);
	mi_ruleset *rules = NULL;
	mi_error err;
	if (mi_ruleset_load_dir(dir, &rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	return rules;
}

static mi_form *form_of(const mi_ruleset *rules)
{
	mi_form *form = NULL;
	mi_error err;
	if (mi_form_new(rules, &form, &err) != MI_OK)
		fail_msg("%s", err.message);
	return form;
}

static mi_answers *answers(const char *json)
{
	mi_answers *a = NULL;
	mi_error err;
	if (mi_answers_parse(json, strlen(json), &a, &err) != MI_OK)
		fail_msg("%s", err.message);
	return a;
}

static void form_with_shipped_rules_has_every_answer_key_succeeds(void **state)
{
	(void)state;
	mi_ruleset *rules = shipped_rules();
	mi_form *form = form_of(rules);
	size_t leaves = 0;
	for (const mi_answer_key *k = mi_answers_schema(); k->name; k++) {
		if (k->type != MI_ANSWER_OBJECT) {
			assert_non_null(mi_form_find(form, k->name));
			leaves++;
			continue;
		}
		for (const mi_answer_key *f = k->fields; f->name; f++) {
			char path[64];
			snprintf(path, sizeof path, "%s.%s", k->name, f->name);
			if (!mi_form_find(form, path))
				fail_msg("no item for %s", path);
			leaves++;
		}
	}
	assert_int_equal(mi_form_count(form), leaves);
	/* The order asked: the client first, the consent last but the keys no
	 * question asks (age). */
	assert_string_equal(mi_form_item_at(form, 0)->key, "client.name");
	assert_string_equal(mi_form_item_at(form, leaves - 1)->key, "age");
	assert_string_equal(mi_form_item_at(form, leaves - 2)->key, "consent.date");
	assert_null(mi_form_find(form, "client"));
	assert_null(mi_form_find(form, "shoe_size"));
	mi_form_free(form);
	mi_ruleset_free(rules);
}

static void form_items_with_types_and_words_succeeds(void **state)
{
	(void)state;
	mi_form *form = form_of(NULL);
	const mi_form_item *it = mi_form_find(form, "client.name");
	assert_true(it->required);
	assert_int_equal(it->type, MI_FORM_STRING);
	assert_string_equal(it->text, "What is your full name?");
	it = mi_form_find(form, "onset");
	assert_int_equal(it->type, MI_FORM_CHOICE);
	assert_false(it->repeats);
	assert_int_equal(it->option_count, 3);
	assert_string_equal(it->options[1].code, "sudden");
	assert_string_equal(it->options[1].display, "Suddenly, without an injury");
	it = mi_form_find(form, "goals");
	assert_true(it->repeats);
	assert_string_equal(mi_form_option_display(it, "reduce_spasm"), "reduce muscle spasm");
	assert_string_equal(mi_form_option_display(it, "unknown"), "unknown");
	it = mi_form_find(form, "pain_intensity");
	assert_int_equal(it->type, MI_FORM_INTEGER);
	assert_true(it->has_range);
	assert_int_equal(it->min, 0);
	assert_int_equal(it->max, 10);
	assert_false(it->required);
	assert_true(mi_form_find(form, "recent_surgery_weeks")->nullable);
	it = mi_form_find(form, "medications");
	assert_int_equal(it->type, MI_FORM_STRING);
	assert_true(it->repeats);
	assert_int_equal(mi_form_find(form, "consent.date")->type, MI_FORM_DATE);
	assert_int_equal(mi_form_find(form, "fever")->type, MI_FORM_BOOLEAN);
	assert_string_equal(mi_form_find(form, "fever")->label, "Fever");
	mi_form_free(form);
}

static void form_follow_up_from_rules_succeeds(void **state)
{
	(void)state;
	mi_ruleset *rules = shipped_rules();
	mi_form *form = form_of(rules);
	const mi_form_item *both = mi_form_find(form, "leg_symptoms_both_sides");
	assert_int_equal(both->asked_when_count, 4);
	assert_false(both->asked_when_all);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(both->asked_when[i].key, "leg_symptoms");
		assert_int_equal(both->asked_when[i].op, MI_FOLLOW_UP_IS);
	}
	assert_int_equal(mi_form_find(form, "fever")->asked_when_count, 0);
	mi_answers *none = answers("{\"leg_symptoms\": [], \"leg_symptoms_both_sides\": false}");
	mi_answers *some = answers("{\"leg_symptoms\": [\"weakness\"]}");
	assert_false(mi_form_item_enabled(form, both, none));
	assert_true(mi_form_item_enabled(form, both, some));
	assert_true(mi_form_item_enabled(form, mi_form_find(form, "fever"), none));
	mi_answers_free(none);
	mi_answers_free(some);
	mi_form_free(form);
	mi_ruleset_free(rules);
}

static void form_follow_up_from_intake_file_succeeds(void **state)
{
	(void)state;
	mi_form *form = form_of(NULL);
	const mi_form_item *both = mi_form_find(form, "leg_symptoms_both_sides");
	assert_int_equal(both->asked_when_count, 4);
	assert_false(both->asked_when_all);
	assert_int_equal(both->asked_when[0].op, MI_FOLLOW_UP_IS);
	assert_string_equal(both->asked_when[0].key, "leg_symptoms");
	assert_string_equal(both->asked_when[3].value, "weakness");
	mi_answers *none = answers("{\"leg_symptoms\": []}");
	mi_answers *above = answers("{\"leg_symptoms\": [\"pain_above_knee\"]}");
	mi_answers *missing = answers("{}");
	assert_false(mi_form_item_enabled(form, both, none));
	assert_true(mi_form_item_enabled(form, both, above));
	assert_false(mi_form_item_enabled(form, both, missing));
	mi_answers_free(none);
	mi_answers_free(above);
	mi_answers_free(missing);
	mi_form_free(form);
}

/* intake.conf as shipped with its one asked_when replaced by condition,
 * in a new temporary file (caller frees and unlinks). */
static char *intake_with_follow_up(const char *condition)
{
	char *path = NULL, *shipped = NULL, *text = NULL;
	size_t len = 0;
	mi_error err;
	assert_true(asprintf(&shipped, "%s/intake.conf", getenv("MI_DATA_DIR")) > 0);
	assert_int_equal(mi_conf_read_file(shipped, &text, &len, &err), MI_OK);
	const char *old = "asked_when = leg_symptoms has any (pain_above_knee, pain_below_knee,\n"
			  "             numbness_tingling, weakness)";
	char *at = strstr(text, old);
	assert_non_null(at);
	assert_true(asprintf(&path, "%s/mi-form-test.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp") > 0);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "%.*sasked_when = %s%s", (int)(at - text), text, condition, at + strlen(old));
	fclose(f);
	free(text);
	free(shipped);
	return path;
}

static void form_with_follow_up_not_a_flat_list_fails(void **state)
{
	(void)state;
	const char *dir = getenv("MI_DATA_DIR");
	char *intake = intake_with_follow_up("not (leg_symptoms has weakness)");
	char *rules_path = NULL, *meds = NULL;
	assert_true(asprintf(&rules_path, "%s/rules.conf", dir) > 0);
	assert_true(asprintf(&meds, "%s/medications.conf", dir) > 0);
	mi_ruleset *rules = NULL;
	mi_error err;
	assert_int_equal(mi_ruleset_load(rules_path, meds, intake, &rules, &err), MI_OK);
	mi_form *form = NULL;
	assert_int_equal(mi_form_new(rules, &form, &err), MI_EDATA);
	assert_null(form);
	assert_non_null(strstr(err.message, "leg_symptoms_both_sides"));
	mi_ruleset_free(rules);
	unlink(intake);
	free(intake);
	free(rules_path);
	free(meds);
}

static void form_answer_text_succeeds(void **state)
{
	(void)state;
	mi_form *form = form_of(NULL);
	mi_answers *a = answers("{\"fever\": true, \"leg_symptoms\": [], \"recent_surgery_weeks\": null,"
				" \"onset\": \"injury\", \"pain_locations\": [\"low_back\", \"legs\"],"
				" \"pain_intensity\": 0, \"medications\": [\"Eliquis 5 mg\", \"aspirin\"]}");
	static const struct {
		const char *key, *text;
	} cases[] = {
		{"fever", "Yes"},
		{"leg_symptoms", "none"},
		{"recent_surgery_weeks", "none"},
		{"onset", "After an injury, fall or accident"},
		{"pain_locations", "low back, legs"},
		{"pain_intensity", "0"},
		{"medications", "Eliquis 5 mg, aspirin"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool failed = true;
		char *text = mi_form_answer_text(mi_form_find(form, cases[i].key), a, &failed);
		assert_false(failed);
		assert_non_null(text);
		assert_string_equal(text, cases[i].text);
		free(text);
	}
	bool failed = true;
	assert_null(mi_form_answer_text(mi_form_find(form, "night_pain"), a, &failed));
	assert_false(failed);
	mi_answers_free(a);
	mi_form_free(form);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_with_shipped_rules_has_every_answer_key_succeeds),
		cmocka_unit_test(form_items_with_types_and_words_succeeds),
		cmocka_unit_test(form_follow_up_from_rules_succeeds),
		cmocka_unit_test(form_follow_up_from_intake_file_succeeds),
		cmocka_unit_test(form_with_follow_up_not_a_flat_list_fails),
		cmocka_unit_test(form_answer_text_succeeds),
	};
	return cmocka_run_group_tests_name("form", tests, tiu_install_shipped, tiu_free_shipped);
}
