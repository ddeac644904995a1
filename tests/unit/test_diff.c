/* test_diff.c - what changed since the previous intake. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/diff.h"

static mi_answers *parse(const char *json)
{
	mi_answers *answers = NULL;
	mi_error err;
	if (mi_answers_parse(json, strlen(json), &answers, &err) != MI_OK)
		fail_msg("answers refused: %s", err.message);
	return answers;
}

static const char BEFORE[] =
	"{\"pain_intensity\": 6, \"medications\": [\"Warfarin 5 mg\", \"ibuprofen\"],"
	" \"leg_symptoms\": [\"pain_above_knee\"], \"recent_surgery_weeks\": null}";
static const char AFTER[] =
	"{\"pain_intensity\": 3, \"medications\": [\"  WARFARIN   5 MG \", \"Eliquis 5 mg\"],"
	" \"leg_symptoms\": [\"pain_above_knee\", \"numbness_tingling\"],"
	" \"recent_surgery_weeks\": 4}";

static mi_visit_flag flags_before[] = {{"anticoagulant", MI_LEVEL_MODIFY},
				       {"night_pain", MI_LEVEL_REFER}};
static mi_visit_flag flags_after[] = {{"anticoagulant", MI_LEVEL_MODIFY},
				      {"nerve_root_signs", MI_LEVEL_MODIFY},
				      {"recent_surgery", MI_LEVEL_MODIFY}};

static void diff_with_changes_succeeds(void **state)
{
	(void)state;
	mi_answers *before = parse(BEFORE), *after = parse(AFTER);
	mi_diff d;
	mi_error err;
	assert_int_equal(mi_diff_compute(before, flags_before, 2, after, flags_after, 3, &d, &err),
			 MI_OK);
	assert_int_equal(d.meds_started.count, 1);
	assert_string_equal(d.meds_started.items[0], "Eliquis 5 mg");
	assert_int_equal(d.meds_stopped.count, 1);
	assert_string_equal(d.meds_stopped.items[0], "ibuprofen");
	assert_int_equal(d.flags_new.count, 2);
	assert_string_equal(d.flags_new.items[0], "nerve_root_signs");
	assert_string_equal(d.flags_new.items[1], "recent_surgery");
	assert_int_equal(d.flags_gone.count, 1);
	assert_string_equal(d.flags_gone.items[0], "night_pain");
	assert_true(d.pain_changed);
	assert_int_equal(d.pain_before, 6);
	assert_int_equal(d.pain_after, 3);
	assert_int_equal(d.leg_new.count, 1);
	assert_string_equal(d.leg_new.items[0], "numbness_tingling");
	assert_true(d.surgery_new);
	assert_int_equal(d.surgery_weeks, 4);
	assert_false(mi_diff_is_empty(&d));

	char *text = mi_diff_to_text(&d);
	assert_string_equal(text, "medication started: Eliquis 5 mg\n"
				  "medication stopped: ibuprofen\n"
				  "new flag: nerve_root_signs\n"
				  "new flag: recent_surgery\n"
				  "flag gone: night_pain\n"
				  "pain: 6 -> 3 (better)\n"
				  "new leg symptom: numbness tingling\n"
				  "new surgery: 4 weeks ago\n");
	free(text);
	mi_diff_clear(&d);
	assert_true(mi_diff_is_empty(&d));
	mi_answers_free(before);
	mi_answers_free(after);
}

static void diff_with_same_intake_is_empty_succeeds(void **state)
{
	(void)state;
	mi_answers *a = parse(AFTER), *b = parse(AFTER);
	mi_diff d;
	mi_error err;
	assert_int_equal(mi_diff_compute(a, flags_after, 3, b, flags_after, 3, &d, &err), MI_OK);
	assert_true(mi_diff_is_empty(&d));
	char *text = mi_diff_to_text(&d);
	assert_string_equal(text, "nothing changed\n");
	free(text);
	mi_diff_clear(&d);
	mi_answers_free(a);
	mi_answers_free(b);
}

static void diff_with_unanswered_pain_reports_no_change_succeeds(void **state)
{
	(void)state;
	mi_answers *before = parse("{\"recent_surgery_weeks\": 10}");
	mi_answers *after = parse("{\"pain_intensity\": 9, \"recent_surgery_weeks\": 14}");
	mi_diff d;
	mi_error err;
	assert_int_equal(mi_diff_compute(before, NULL, 0, after, NULL, 0, &d, &err), MI_OK);
	assert_false(d.pain_changed);
	assert_int_equal(d.pain_before, -1);
	assert_int_equal(d.pain_after, 9);
	/* The same surgery, four weeks further away: not new. */
	assert_false(d.surgery_new);
	assert_true(mi_diff_is_empty(&d));
	mi_diff_clear(&d);
	mi_answers_free(before);
	mi_answers_free(after);

	before = parse("{\"pain_intensity\": 2, \"recent_surgery_weeks\": 10}");
	after = parse("{\"pain_intensity\": 5, \"recent_surgery_weeks\": 1}");
	assert_int_equal(mi_diff_compute(before, NULL, 0, after, NULL, 0, &d, &err), MI_OK);
	assert_true(d.surgery_new);
	char *text = mi_diff_to_text(&d);
	assert_string_equal(text, "pain: 2 -> 5 (worse)\nnew surgery: 1 week ago\n");
	free(text);
	mi_diff_clear(&d);
	mi_answers_free(before);
	mi_answers_free(after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(diff_with_changes_succeeds),
		cmocka_unit_test(diff_with_same_intake_is_empty_succeeds),
		cmocka_unit_test(diff_with_unanswered_pain_reports_no_change_succeeds),
	};
	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
