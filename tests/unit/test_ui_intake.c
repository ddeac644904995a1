/* test_ui_intake.c - the walk-through's key handling, fed keys without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_intake_util.h"
#include "mi/ui_intake.h"

/* A draft sink that records every save. */
typedef struct recorder {
	char keys[128][48];
	char values[128][256];
	size_t count;
	bool fail;
} recorder;

static mi_status record(void *ctx, long long draft_id, const mi_answers *answers,
			const char *key, mi_error *err)
{
	recorder *r = ctx;
	char *value_json = mi_answers_get_json(answers, key);
	assert_int_equal(draft_id, 7);
	if (r->fail) {
		free(value_json);
		return mi_error_set(err, MI_EIO, "the disk is full.");
	}
	if (r->count < 128) {
		snprintf(r->keys[r->count], sizeof r->keys[0], "%s", key);
		snprintf(r->values[r->count], sizeof r->values[0], "%s", value_json ? value_json : "(removed)");
		r->count++;
	}
	free(value_json);
	return MI_OK;
}

static const mi_date today = {2026, 11, 23};

static mi_ui_intake *new_intake(recorder *r, mi_ui_mode mode, const mi_ruleset *rules,
				const mi_answers *answers)
{
	mi_ui_intake_config config = {
		.mode = mode,
		.rules = rules,
		.clock = mi_clock_fixed(&today),
		.sink = {.ctx = r, .save_answer = record},
		.draft_id = 7,
	};
	mi_ui_intake *in = mi_ui_intake_new(&config, answers);
	assert_non_null(in);
	return in;
}

static void type(mi_ui_intake *in, const wchar_t *text)
{
	for (; *text; text++)
		mi_ui_intake_key(in, mi_ui_key_char(*text));
}

static mi_ui_action press(mi_ui_intake *in, mi_ui_key_kind kind)
{
	return mi_ui_intake_key(in, mi_ui_key_of(kind));
}

/* The value last saved for key, or NULL. */
static const char *saved(const recorder *r, const char *key)
{
	for (size_t i = r->count; i-- > 0;)
		if (strcmp(r->keys[i], key) == 0)
			return r->values[i];
	return NULL;
}

static void intake_with_new_answers_starts_at_name_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	assert_string_equal(mi_ui_intake_current_key(in), "client.name");
	type(in, L"Anna Smith");
	assert_int_equal(press(in, MI_KEY_ENTER), MI_UI_HANDLED);
	assert_string_equal(saved(&r, "client.name"), "\"Anna Smith\"");
	assert_string_equal(mi_ui_intake_current_key(in), "client.birth_date");
	mi_ui_intake_free(in);
}

static void intake_key_with_bad_date_keeps_text_fails(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "client.birth_date");
	type(in, L"sometime in 88");
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "client.birth_date");
	assert_non_null(strstr(mi_ui_intake_status(in), "like this: 14 March 1988"));
	char *typed = mi_ui_intake_typed(in);
	assert_string_equal(typed, "sometime in 88");
	free(typed);
	assert_int_equal(r.count, 0);
	mi_ui_intake_free(in);
}

/* The current page drawn at 80x24 (caller frees). */
static char *page_text(mi_ui_intake *in)
{
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	assert_non_null(c);
	mi_ui_intake_draw(in, c);
	char *text = mi_ui_canvas_text(c);
	mi_ui_canvas_free(c);
	assert_non_null(text);
	return text;
}

static void assert_page_has(mi_ui_intake *in, const char *want)
{
	char *text = page_text(in);
	if (!strstr(text, want))
		fail_msg("the page lacks \"%s\":\n%s", want, text);
	free(text);
}

/* "2 years" is read, shown back in weeks and kept only after Yes. */
static void intake_duration_in_words_is_confirmed_then_kept_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "pain_duration_weeks");
	type(in, L"a year and a half");
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "pain_duration_weeks");
	assert_page_has(in, "About 78 weeks: is that right?");
	assert_page_has(in, "Y yes, keep it  N no, change it");
	assert_null(saved(&r, "pain_duration_weeks"));
	/* Enter is not a yes: the client is asked again. */
	press(in, MI_KEY_ENTER);
	assert_null(saved(&r, "pain_duration_weeks"));
	assert_non_null(strstr(mi_ui_intake_status(in), "Please press Y"));
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	assert_string_equal(saved(&r, "pain_duration_weeks"), "78");
	assert_string_equal(mi_ui_intake_current_key(in), "onset");
	mi_ui_intake_free(in);
}

/* No goes back to the words typed, with nothing kept. */
static void intake_duration_in_words_refused_by_client_keeps_text_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "pain_duration_weeks");
	type(in, L"2 years");
	press(in, MI_KEY_ENTER);
	assert_page_has(in, "About 104 weeks: is that right?");
	mi_ui_intake_key(in, mi_ui_key_char(L'n'));
	assert_null(saved(&r, "pain_duration_weeks"));
	char *typed = mi_ui_intake_typed(in);
	assert_string_equal(typed, "2 years");
	free(typed);
	/* Esc (back) with words not confirmed yet asks first, and loses nothing. */
	press(in, MI_KEY_ESC);
	assert_string_equal(mi_ui_intake_current_key(in), "pain_duration_weeks");
	assert_page_has(in, "About 104 weeks: is that right?");
	mi_ui_intake_key(in, mi_ui_key_char(L'Y'));
	assert_string_equal(saved(&r, "pain_duration_weeks"), "104");
	mi_ui_intake_free(in);
}

/* Words the reader cannot count are refused with what to type. */
static void intake_duration_vague_is_refused_with_example_fails(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "pain_duration_weeks");
	type(in, L"a few weeks");
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "pain_duration_weeks");
	assert_non_null(strstr(mi_ui_intake_status(in), "Please give a number, for example 3 weeks"));
	char *text = page_text(in);
	assert_null(strstr(text, "is that right?"));
	free(text);
	assert_int_equal(r.count, 0);
	mi_ui_intake_free(in);
}

/* A date is always shown back in words before it is kept. */
static void intake_date_is_shown_in_words_before_kept_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "client.birth_date");
	type(in, L"1988-03-14");
	press(in, MI_KEY_ENTER);
	assert_page_has(in, "14 March 1988: is that right?");
	assert_null(saved(&r, "client.birth_date"));
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	assert_string_equal(saved(&r, "client.birth_date"), "\"1988-03-14\"");
	assert_string_equal(mi_ui_intake_current_key(in), "client.phone");
	mi_ui_intake_free(in);
}

/* A day and month that could be either way are asked, never guessed. */
static void intake_date_ambiguous_is_asked_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "client.birth_date");
	type(in, L"03/04/1988");
	press(in, MI_KEY_ENTER);
	assert_page_has(in, "Did you mean 1: 3 April 1988, or 2: 4 March 1988?");
	mi_ui_intake_key(in, mi_ui_key_char(L'y')); /* not a choice */
	assert_null(saved(&r, "client.birth_date"));
	mi_ui_intake_key(in, mi_ui_key_char(L'2'));
	assert_string_equal(saved(&r, "client.birth_date"), "\"1988-03-04\"");
	mi_ui_intake_free(in);
}

/* The title says the part of the intake (its group) and where it is
 * among the parts asked, as well as the question number. */
static void intake_title_shows_group_part_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	assert_page_has(in, "Intake - About you, part 1 of 7");
	mi_ui_intake_goto(in, "pain_intensity");
	assert_page_has(in, "Intake - Your pain, part 2 of 7");
	mi_ui_intake_goto(in, "fever");
	assert_page_has(in, "Intake - Health and safety, part 4 of 7");
	assert_page_has(in, "question 15 of 38");
	mi_ui_intake_goto(in, "goals_other");
	assert_page_has(in, "Intake - Your goals, part 7 of 7");
	mi_ui_intake_goto(in, "consent");
	assert_page_has(in, "Intake - Consent");
	assert_page_has(in, "last step");
	mi_ui_intake_free(in);
}

/* A safety question left untouched is never stored as "no": Enter and
 * PgDn without a choice ask for one, Esc leaves it unanswered, and the
 * review page sends the client back to it. */
static void intake_untouched_yes_no_is_never_stored_fails(void **state)
{
	(void)state;
	size_t count;
	const mi_ui_question *q = mi_ui_questions(&count);
	size_t asked = 0;
	for (size_t i = 0; i < count; i++) {
		if (q[i].kind != MI_Q_YESNO)
			continue;
		recorder r = {0};
		mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
		assert_true(mi_ui_intake_goto(in, q[i].key));
		press(in, MI_KEY_ENTER);
		assert_string_equal(mi_ui_intake_status(in), "Please choose Yes or No.");
		press(in, MI_KEY_PGDN);
		assert_string_equal(mi_ui_intake_current_key(in), q[i].key);
		press(in, MI_KEY_ESC);
		assert_int_equal(r.count, 0);
		assert_false(mi_answers_has(mi_ui_intake_answers(in), q[i].key));
		/* The review page does not let it through either. */
		assert_true(mi_ui_intake_goto(in, "review"));
		press(in, MI_KEY_END);
		press(in, MI_KEY_ENTER);
		assert_string_not_equal(mi_ui_intake_current_key(in), "consent");
		assert_false(mi_answers_has(mi_ui_intake_answers(in), q[i].key));
		mi_ui_intake_free(in);
		asked++;
	}
	assert_true(asked >= 15);
}

static void intake_key_with_number_out_of_range_fails(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "recent_surgery_weeks");
	type(in, L"60");
	press(in, MI_KEY_ENTER);
	assert_non_null(strstr(mi_ui_intake_status(in), "from 0 to 52"));
	assert_null(saved(&r, "recent_surgery_weeks"));
	press(in, MI_KEY_BACKSPACE);
	press(in, MI_KEY_BACKSPACE);
	press(in, MI_KEY_ENTER); /* empty: no surgery in the last year */
	assert_string_equal(saved(&r, "recent_surgery_weeks"), "null");
	mi_ui_intake_free(in);
}

static void intake_key_with_control_character_is_ignored_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	type(in, L"A\x1b]2;x\x07" L"b\x202e" L"c");
	char *typed = mi_ui_intake_typed(in);
	assert_string_equal(typed, "A]2;xbc");
	free(typed);
	mi_ui_intake_free(in);
}

static void intake_key_with_yes_saves_and_advances_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "fever");
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	assert_string_equal(saved(&r, "fever"), "true");
	assert_string_equal(mi_ui_intake_current_key(in), "active_infection");
	/* Arrows then Enter work as well. */
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_ENTER);
	assert_string_equal(saved(&r, "active_infection"), "false");
	mi_ui_intake_free(in);
}

static void intake_key_back_and_forward_keeps_answers_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "pain_intensity");
	mi_ui_intake_key(in, mi_ui_key_char(L'7'));
	press(in, MI_KEY_ENTER);
	type(in, L"12");
	press(in, MI_KEY_ESC); /* back: the typed weeks are kept because they are valid */
	assert_string_equal(mi_ui_intake_current_key(in), "pain_intensity");
	assert_string_equal(saved(&r, "pain_duration_weeks"), "12");
	long n;
	assert_true(mi_answers_get_int(mi_ui_intake_answers(in), "pain_intensity", &n));
	assert_int_equal(n, 7);
	press(in, MI_KEY_PGDN);
	assert_string_equal(mi_ui_intake_current_key(in), "pain_duration_weeks");
	char *typed = mi_ui_intake_typed(in);
	assert_string_equal(typed, "12");
	free(typed);
	mi_ui_intake_free(in);
}

static void intake_key_forward_past_unanswered_fails(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "fever");
	press(in, MI_KEY_PGDN);
	assert_string_equal(mi_ui_intake_current_key(in), "fever");
	assert_non_null(strstr(mi_ui_intake_status(in), "answer this question first"));
	mi_ui_intake_free(in);
}

static void intake_leg_follow_up_with_symptoms_is_asked_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "leg_symptoms");
	press(in, MI_KEY_ENTER); /* none ticked */
	assert_string_equal(saved(&r, "leg_symptoms"), "[]");
	assert_string_equal(mi_ui_intake_current_key(in), "weakness_worsening");

	mi_ui_intake_goto(in, "leg_symptoms");
	press(in, MI_KEY_DOWN);
	mi_ui_intake_key(in, mi_ui_key_char(L' ')); /* pain below the knee */
	press(in, MI_KEY_ENTER);
	assert_string_equal(saved(&r, "leg_symptoms"), "[\"pain_below_knee\"]");
	assert_string_equal(mi_ui_intake_current_key(in), "leg_symptoms_both_sides");
	mi_ui_intake_key(in, mi_ui_key_char(L'n'));

	/* Untick: the follow-up answer is removed and the question skipped. */
	mi_ui_intake_goto(in, "leg_symptoms");
	press(in, MI_KEY_DOWN);
	mi_ui_intake_key(in, mi_ui_key_char(L' '));
	press(in, MI_KEY_ENTER);
	assert_string_equal(saved(&r, "leg_symptoms_both_sides"), "(removed)");
	assert_false(mi_answers_has(mi_ui_intake_answers(in), "leg_symptoms_both_sides"));
	assert_string_equal(mi_ui_intake_current_key(in), "weakness_worsening");
	mi_ui_intake_free(in);
}

static void intake_medication_list_with_lines_saves_list_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_intake_goto(in, "medications");
	type(in, L"Eliquis 5 mg");
	press(in, MI_KEY_ENTER);
	type(in, L"baby aspirin");
	press(in, MI_KEY_ENTER);
	assert_null(saved(&r, "medications"));
	press(in, MI_KEY_ENTER); /* empty line: done */
	assert_string_equal(saved(&r, "medications"), "[\"Eliquis 5 mg\",\"baby aspirin\"]");
	assert_string_equal(mi_ui_intake_current_key(in), "pressure_preference");
	mi_ui_intake_free(in);
}

static void intake_with_saved_answers_resumes_at_first_unanswered_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_answers *a = mi_answers_new();
	mi_error err;
	assert_int_equal(mi_answers_set_json(a, "client.name", "\"Anna\"", &err), MI_OK);
	assert_int_equal(mi_answers_set_json(a, "client.birth_date", "\"1970-01-02\"", &err), MI_OK);
	assert_int_equal(mi_answers_set_json(a, "client.phone", "\"555\"", &err), MI_OK);
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, a);
	mi_answers_free(a);
	assert_string_equal(mi_ui_intake_current_key(in), "client.email");
	mi_ui_intake_free(in);
}

/* The first example with every question answered (the optional texts it
 * leaves out empty), without the consent. Caller frees. */
static mi_answers *every_question_answered(void)
{
	mi_answers *a = NULL;
	mi_error err;
	const char *path = getenv("MI_SOURCE_DIR");
	assert_non_null(path);
	char file[4096];
	snprintf(file, sizeof file, "%s/tests/fixtures/examples/01-proceed-chronic-tightness.json", path);
	assert_int_equal(mi_answers_read_file(file, &a, &err), MI_OK);
	mi_answers_unset(a, "consent");
	const char *empty[] = {"client.email", "worse_with", "better_with", "other_conditions",
			       "draping_notes", "goals_other"};
	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++)
		if (!mi_answers_has(a, empty[i]))
			assert_int_equal(mi_answers_set_json(a, empty[i], "\"\"", &err), MI_OK);
	return a;
}

static void intake_review_and_consent_with_all_answers_is_done_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_answers *a = every_question_answered();
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, a);
	mi_answers_free(a);
	assert_string_equal(mi_ui_intake_current_key(in), "review");
	/* Change one answer from the review page: back to the review after it. */
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "client.birth_date");
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "review");
	mi_ui_intake_key(in, mi_ui_key_char(L'c'));
	assert_string_equal(mi_ui_intake_current_key(in), "consent");
	assert_int_equal(press(in, MI_KEY_ENTER), MI_UI_HANDLED);
	assert_non_null(strstr(mi_ui_intake_status(in), "full name"));
	type(in, L"Maya Ortiz");
	assert_int_equal(press(in, MI_KEY_ENTER), MI_UI_DONE);
	assert_string_equal(saved(&r, "consent"),
			    "{\"agreed\":true,\"name\":\"Maya Ortiz\",\"date\":\"2026-11-23\"}");
	mi_ui_intake_free(in);
}

/* Esc on a question opened from the review page goes back to the review
 * page, keeping a valid change, not to the question before. */
static void intake_esc_after_review_edit_returns_to_review_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_answers *a = every_question_answered();
	mi_ui_intake *in = new_intake(&r, MI_UI_THERAPIST, NULL, a);
	mi_answers_free(a);
	assert_string_equal(mi_ui_intake_current_key(in), "review");
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "client.phone");
	press(in, MI_KEY_ESC);
	assert_string_equal(mi_ui_intake_current_key(in), "review");
	/* A change is kept. */
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "client.phone");
	type(in, L"9");
	press(in, MI_KEY_ESC);
	assert_string_equal(mi_ui_intake_current_key(in), "review");
	assert_string_equal(saved(&r, "client.phone"), "\"555-01429\"");
	/* Without the review page, Esc still goes to the question before. */
	assert_true(mi_ui_intake_goto(in, "client.phone"));
	press(in, MI_KEY_ESC);
	assert_string_equal(mi_ui_intake_current_key(in), "client.birth_date");
	mi_ui_intake_free(in);
}

static void intake_consent_after_midnight_is_dated_the_new_day_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_date day = {2026, 11, 23};
	mi_ui_intake_config config = {
		.mode = MI_UI_CLIENT,
		.clock = mi_clock_fixed(&day),
		.sink = {.ctx = &r, .save_answer = record},
		.draft_id = 7,
	};
	mi_ui_intake *in = mi_ui_intake_new(&config, NULL);
	assert_non_null(in);
	assert_true(mi_ui_intake_goto(in, "consent"));
	day = (mi_date){2026, 11, 24}; /* the walk-through was opened yesterday */
	type(in, L"Maya Ortiz");
	assert_int_equal(press(in, MI_KEY_ENTER), MI_UI_DONE);
	assert_string_equal(saved(&r, "consent"),
			    "{\"agreed\":true,\"name\":\"Maya Ortiz\",\"date\":\"2026-11-24\"}");
	mi_ui_intake_free(in);
}

static void intake_key_with_failing_sink_keeps_answer_unsaved_fails(void **state)
{
	(void)state;
	recorder r = {.fail = true};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	type(in, L"Anna");
	press(in, MI_KEY_ENTER);
	assert_string_equal(mi_ui_intake_current_key(in), "client.name");
	assert_non_null(strstr(mi_ui_intake_status(in), "the disk is full"));
	assert_false(mi_answers_has(mi_ui_intake_answers(in), "client.name"));
	char *typed = mi_ui_intake_typed(in);
	assert_string_equal(typed, "Anna");
	free(typed);
	mi_ui_intake_free(in);
}

/* Loads the shipped rules from the build's data folder. */
static mi_ruleset *load_rules(void)
{
	mi_ruleset *rules = NULL;
	mi_error err;
	const char *dir = getenv("MI_DATA_DIR");
	assert_non_null(dir);
	if (mi_ruleset_load_dir(dir, &rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	return rules;
}

static void intake_screening_with_urgent_answer_tells_client_calmly_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ruleset *rules = load_rules();
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, rules, NULL);
	mi_ui_intake_goto(in, "bladder_bowel_change");
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	const mi_screening *s = mi_ui_intake_screening(in);
	assert_int_equal(s->outcome, MI_LEVEL_URGENT);
	const char *notice = mi_ui_client_notice(s);
	assert_non_null(notice);
	assert_string_equal(notice, mi_ruleset_find(rules, "bladder_bowel_change")->message);
	assert_null(strstr(notice, "urgent:"));
	assert_null(strstr(notice, "cauda"));

	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_intake_draw(in, c);
	char *text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "emergency department now"));
	assert_null(strstr(text, "URGENT"));
	free(text);
	/* Only Enter closes the notice; a reminder stays on top. */
	mi_ui_intake_key(in, mi_ui_key_char(L'n'));
	assert_string_equal(mi_ui_intake_current_key(in), "saddle_numbness");
	assert_false(mi_answers_has(mi_ui_intake_answers(in), "saddle_numbness"));
	press(in, MI_KEY_ENTER);
	mi_ui_canvas_clear(c);
	mi_ui_intake_draw(in, c);
	text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "!! Please seek urgent medical care now, and tell the front desk."));
	assert_non_null(strstr(text, "numbness between your legs"));
	assert_null(strstr(text, "URGENT"));
	free(text);
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);
	mi_ruleset_free(rules);
}

/* Answers the current page with the harmless answer a quick client gives:
 * No, the first choice, nothing typed (an empty list, no surgery). */
static mi_ui_action answer_quickly(mi_ui_intake *in)
{
	const char *key = mi_ui_intake_current_key(in);
	if (strcmp(key, "pain_duration_weeks") == 0) {
		type(in, L"20");
		return press(in, MI_KEY_ENTER);
	}
	if (strcmp(key, "recent_surgery_weeks") == 0 || strcmp(key, "medications") == 0)
		return press(in, MI_KEY_ENTER);
	if (strcmp(key, "onset") == 0 || strcmp(key, "osteoporosis") == 0 ||
	    strcmp(key, "blood_pressure") == 0 || strcmp(key, "pregnant") == 0) {
		mi_ui_intake_key(in, mi_ui_key_char(L'1'));
		return press(in, MI_KEY_ENTER);
	}
	mi_ui_action a = mi_ui_intake_key(in, mi_ui_key_char(L'n'));
	if (a == MI_UI_IGNORED || strcmp(mi_ui_intake_current_key(in), key) == 0)
		a = press(in, MI_KEY_ENTER);
	return a;
}

/* Walks the urgent path to its end: every page shown must be a safety
 * question still to ask. Fills asked (keys, in order); returns how many. */
static size_t walk_urgent_path(mi_ui_intake *in, const char **asked, size_t max)
{
	size_t n = 0;
	for (;;) {
		const char *key = mi_ui_intake_current_key(in);
		assert_string_not_equal(key, "review");
		assert_string_not_equal(key, "consent");
		if (!mi_screening_lists_unanswered(mi_ui_intake_screening(in), key))
			fail_msg("the urgent path shows %s, which is no safety question still to ask", key);
		assert_true(n < max);
		asked[n++] = key;
		mi_ui_action a = answer_quickly(in);
		if (a == MI_UI_DONE)
			return n;
		assert_int_equal(a, MI_UI_HANDLED);
		assert_string_not_equal(mi_ui_intake_current_key(in), key);
	}
}

static bool listed(const char **keys, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return true;
	return false;
}

static void intake_after_urgent_answer_asks_only_safety_questions_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ruleset *rules = load_rules();
	/* As at the kiosk: name and birth date (so the age) are known. */
	mi_answers *a = mi_answers_new();
	mi_error err;
	assert_int_equal(mi_answers_set_json(a, "client.name", "\"Lee Park\"", &err), MI_OK);
	assert_int_equal(mi_answers_set_json(a, "client.birth_date", "\"1955-06-07\"", &err), MI_OK);
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, rules, a);
	mi_answers_free(a);
	mi_ui_intake_goto(in, "bladder_bowel_change");
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	press(in, MI_KEY_ENTER); /* closes the notice */
	const char *asked[64];
	size_t n = walk_urgent_path(in, asked, 64);
	/* Everything a rule reads was asked, nothing else. */
	assert_true(listed(asked, n, "saddle_numbness"));
	assert_true(listed(asked, n, "medications"));
	assert_true(listed(asked, n, "pregnant"));
	assert_true(listed(asked, n, "pain_duration_weeks"));
	assert_false(listed(asked, n, "client.phone"));
	assert_false(listed(asked, n, "pressure_preference"));
	assert_false(listed(asked, n, "goals"));
	const mi_screening *s = mi_ui_intake_screening(in);
	assert_int_equal(s->outcome, MI_LEVEL_URGENT);
	assert_int_equal(s->unanswered_count, 0);
	/* Every answer was saved as it was given; no consent to a massage. */
	assert_string_equal(saved(&r, "bladder_bowel_change"), "true");
	assert_string_equal(saved(&r, "saddle_numbness"), "false");
	assert_string_equal(saved(&r, "medications"), "[]");
	assert_null(saved(&r, "consent"));
	mi_ui_intake_free(in);
	mi_ruleset_free(rules);
}

static void intake_urgent_path_follows_the_loaded_rules_succeeds(void **state)
{
	(void)state;
	static const char conf[] =
		"version = test-urgent\n"
		"[rule fever_now]\nlevel = urgent\nwhen = fever\nmessage = See a doctor today.\n"
		"note = n\nsource = s\n"
		"[rule pregnancy_only]\nlevel = modify\nwhen = pregnant is yes\nmessage = m\n"
		"note = n\nsource = s\n"
		"[rule cancer_only]\nlevel = refer\nwhen = cancer_history\nmessage = m\n"
		"note = n\nsource = s\n";
	char path[] = "/tmp/mi-urgent-rules-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(conf, f);
	fclose(f);
	char meds[4096], intake[4096];
	snprintf(meds, sizeof meds, "%s/medications.conf", getenv("MI_DATA_DIR"));
	snprintf(intake, sizeof intake, "%s/intake.conf", getenv("MI_DATA_DIR"));
	mi_ruleset *rules = NULL;
	mi_error err;
	if (mi_ruleset_load(path, meds, intake, &rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	unlink(path);

	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, rules, NULL);
	mi_ui_intake_goto(in, "fever");
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	press(in, MI_KEY_ENTER);
	const char *asked[64];
	size_t n = walk_urgent_path(in, asked, 64);
	assert_int_equal(n, 2);
	assert_string_equal(asked[0], "cancer_history");
	assert_string_equal(asked[1], "pregnant");
	mi_ui_intake_free(in);

	/* The desk's walk-through goes on with every question. */
	in = new_intake(&r, MI_UI_THERAPIST, rules, NULL);
	mi_ui_intake_goto(in, "fever");
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	assert_string_equal(mi_ui_intake_current_key(in), "active_infection");
	mi_ui_intake_free(in);
	mi_ruleset_free(rules);
}

/* The desk's banner is never a green "fine" while safety questions are
 * unanswered; once every one is answered harmlessly it is. */
static void intake_therapist_banner_before_all_answers_is_not_fully_screened_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ruleset *rules = load_rules();
	mi_ui_intake *in = new_intake(&r, MI_UI_THERAPIST, rules, NULL);
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_intake_draw(in, c);
	char *text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "[? NOT FULLY SCREENED] deep tissue not cleared"));
	assert_null(strstr(text, "[ok PROCEED]"));
	assert_null(strstr(text, "fine"));
	free(text);
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);

	/* Every safety question answered: proceed, and it says so. */
	mi_answers *a = mi_answers_new();
	mi_error err;
	assert_int_equal(mi_answers_set_json(a, "client.birth_date", "\"1990-01-02\"", &err), MI_OK);
	const mi_screening *s;
	in = new_intake(&r, MI_UI_THERAPIST, rules, a);
	mi_answers_free(a);
	s = mi_ui_intake_screening(in);
	/* Not fully screened: the banner is whole in two rows of 78 columns; in
	 * one it keeps its mark and counts and leaves out the words. */
	char banner[256];
	assert_true(s->unanswered_count > 1);
	mi_ui_therapist_banner(s, true, 78, 2, banner, sizeof banner);
	assert_non_null(strstr(banner, "[? NOT FULLY SCREENED] deep tissue not cleared: ask the "
				       "missing safety questions - 0 flags, "));
	assert_non_null(strstr(banner, " safety questions unanswered (F2 for details)"));
	mi_ui_therapist_banner(s, true, 78, 1, banner, sizeof banner);
	assert_true(mi_ui_text_width(banner) <= 78);
	assert_non_null(strstr(banner, "[? NOT FULLY SCREENED] - 0 flags, "));
	assert_non_null(strstr(banner, " safety questions unanswered"));
	while (s->unanswered_count > 0) {
		assert_true(mi_ui_intake_goto(in, s->unanswered[0]));
		assert_int_not_equal(answer_quickly(in), MI_UI_IGNORED);
		s = mi_ui_intake_screening(in);
	}
	assert_int_equal(s->outcome, MI_LEVEL_PROCEED);
	mi_ui_therapist_banner(s, true, 78, 2, banner, sizeof banner);
	assert_non_null(strstr(banner, "[ok PROCEED] deep tissue is fine so far - 0 flags, 0 safety "
				       "questions unanswered (F2 for details)"));
	mi_ui_therapist_banner(s, false, 0, 0, banner, sizeof banner);
	assert_null(strstr(banner, "F2"));
	mi_ui_intake_free(in);
	mi_ruleset_free(rules);
}

static void intake_screening_in_therapist_mode_shows_banner_and_flags_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ruleset *rules = load_rules();
	mi_ui_intake *in = new_intake(&r, MI_UI_THERAPIST, rules, NULL);
	mi_ui_intake_goto(in, "saddle_numbness");
	mi_ui_intake_key(in, mi_ui_key_char(L'y'));
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_intake_draw(in, c);
	char *text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "[!! URGENT] seek urgent care now - 1 flag"));
	free(text);
	press(in, MI_KEY_F2);
	mi_ui_canvas_clear(c);
	mi_ui_intake_draw(in, c);
	text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "saddle_numbness"));
	assert_non_null(strstr(text, "source:"));
	free(text);
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);
	mi_ruleset_free(rules);
}

static void intake_therapist_medication_list_shows_classes_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ruleset *rules = load_rules();
	mi_ui_intake *in = new_intake(&r, MI_UI_THERAPIST, rules, NULL);
	mi_ui_intake_goto(in, "medications");
	type(in, L"ELIQUIS 5MG twice a day");
	press(in, MI_KEY_ENTER);
	type(in, L"vitamin D");
	press(in, MI_KEY_ENTER);
	type(in, L"my heart pill");
	press(in, MI_KEY_ENTER);
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_intake_draw(in, c);
	char *text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "-> anticoagulant (Eliquis)"));
	assert_non_null(strstr(text, "-> known (vitamin D)"));
	assert_non_null(strstr(text, "-> not recognised: my heart pill"));
	free(text);
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);
	mi_ruleset_free(rules);
}

static void intake_help_key_shows_question_help_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	/* In a text field `?` is typed; F1 shows the help. */
	mi_ui_intake_key(in, mi_ui_key_char(L'?'));
	char *typed = mi_ui_intake_typed(in);
	assert_string_equal(typed, "?");
	free(typed);
	press(in, MI_KEY_F1);
	mi_ui_intake_draw(in, c);
	char *text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "first and last name"));
	free(text);
	/* On a yes/no question `?` shows it too. */
	mi_ui_intake_goto(in, "night_pain");
	mi_ui_intake_key(in, mi_ui_key_char(L'?'));
	mi_ui_canvas_clear(c);
	mi_ui_intake_draw(in, c);
	text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "Answer No if you can find a position"));
	free(text);
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);
}

/* A walk-through offering last as the answers of 2 October. */
static mi_ui_intake *intake_with_last_time(recorder *r, mi_ui_mode mode, const mi_answers *now,
					   const mi_answers *last)
{
	mi_ui_intake_config config = {
		.mode = mode,
		.clock = mi_clock_fixed(&today),
		.sink = {.ctx = r, .save_answer = record},
		.draft_id = 7,
		.last_time = last,
		.last_date = {2026, 10, 2},
	};
	mi_ui_intake *in = mi_ui_intake_new(&config, now);
	assert_non_null(in);
	return in;
}

static void intake_last_answers_are_saved_only_once_confirmed_succeeds(void **state)
{
	(void)state;
	mi_error err;
	mi_answers *last = mi_answers_new();
	assert_int_equal(mi_answers_set_text(last, "pressure_preference", "firm", &err), MI_OK);
	assert_int_equal(mi_answers_set_bool(last, "dvt_history", true, &err), MI_OK);
	assert_int_equal(mi_answers_set_text(last, "past_injuries", "broken arm 2010", &err), MI_OK);
	recorder r = {0};
	mi_ui_intake *in = intake_with_last_time(&r, MI_UI_THERAPIST, NULL, last);

	/* Shown pre-selected with its mark; passing over it saves nothing. */
	assert_true(mi_ui_intake_goto(in, "pressure_preference"));
	assert_page_has(in, "last time (2026-10-02): Firm - Enter confirms it, or change it");
	assert_page_has(in, "> 3 (*) Firm");
	press(in, MI_KEY_PGDN);
	assert_string_equal(mi_ui_intake_current_key(in), "pressure_preference");
	assert_non_null(strstr(mi_ui_intake_status(in), "confirm last time's answer"));
	press(in, MI_KEY_ESC);
	assert_true(mi_ui_intake_keep(in));
	assert_int_equal(r.count, 0);
	assert_false(mi_answers_has(mi_ui_intake_answers(in), "pressure_preference"));
	/* The review page lists it as not answered yet. */
	assert_true(mi_ui_intake_goto(in, "review"));
	press(in, MI_KEY_END);
	press(in, MI_KEY_ENTER);
	assert_string_not_equal(mi_ui_intake_current_key(in), "consent");

	/* One key confirms it. */
	assert_true(mi_ui_intake_goto(in, "pressure_preference"));
	press(in, MI_KEY_ENTER);
	assert_string_equal(saved(&r, "pressure_preference"), "\"firm\"");
	/* Or the client changes it: last time's Yes becomes No. */
	assert_true(mi_ui_intake_goto(in, "dvt_history"));
	assert_page_has(in, "last time (2026-10-02): Yes");
	type(in, L"n");
	assert_string_equal(saved(&r, "dvt_history"), "false");
	/* Text comes pre-typed, to keep or edit. */
	assert_true(mi_ui_intake_goto(in, "past_injuries"));
	char *typed = mi_ui_intake_typed(in);
	assert_string_equal(typed, "broken arm 2010");
	free(typed);
	press(in, MI_KEY_ENTER);
	assert_string_equal(saved(&r, "past_injuries"), "\"broken arm 2010\"");
	/* A question answered in this intake shows this intake's answer. */
	assert_true(mi_ui_intake_goto(in, "dvt_history"));
	char *page = page_text(in);
	assert_null(strstr(page, "last time"));
	free(page);
	/* A question last time did not answer is asked as usual. */
	assert_true(mi_ui_intake_goto(in, "fever"));
	page = page_text(in);
	assert_null(strstr(page, "last time"));
	free(page);
	mi_ui_intake_free(in);

	/* The kiosk shows no one's data: nothing is offered there. */
	recorder k = {0};
	in = intake_with_last_time(&k, MI_UI_CLIENT, NULL, last);
	assert_true(mi_ui_intake_goto(in, "pressure_preference"));
	page = page_text(in);
	assert_null(strstr(page, "last time"));
	assert_null(strstr(page, "(*) Firm"));
	free(page);
	mi_ui_intake_free(in);
	mi_answers_free(last);
}

/* What the page shows from the cursor to the end of its row: the focused
 * item a screen reader reads (mi_ui_focus). */
static char *at_cursor(mi_ui_intake *in)
{
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	assert_non_null(c);
	mi_ui_intake_draw(in, c);
	assert_true(c->cursor_y >= 0 && c->cursor_x >= 0);
	char *text = mi_ui_canvas_text(c);
	assert_non_null(text);
	const char *line = text;
	for (int y = 0; y < c->cursor_y; y++)
		line = strchr(line, '\n') + 1;
	size_t len = strcspn(line, "\n");
	char *out = strndup(len > (size_t)c->cursor_x ? line + c->cursor_x : "",
			    len > (size_t)c->cursor_x ? len - (size_t)c->cursor_x : 0);
	mi_ui_canvas_free(c);
	free(text);
	return out;
}

static void assert_cursor_on(mi_ui_intake *in, const char *want)
{
	char *got = at_cursor(in);
	if (strncmp(got, want, strlen(want)) != 0)
		fail_msg("the cursor is on \"%s\", not on \"%s\"", got, want);
	free(got);
}

/* The cursor follows the focus: the option, the scale's value, the body
 * map's region, the review row, the read-back question, the typed text. */
static void intake_cursor_follows_the_focus_succeeds(void **state)
{
	(void)state;
	recorder r = {0};
	mi_ui_intake *in = new_intake(&r, MI_UI_CLIENT, NULL, NULL);
	type(in, L"Anna");
	assert_cursor_on(in, ""); /* after the typed text, at the insertion point */
	press(in, MI_KEY_LEFT);
	assert_cursor_on(in, "a");
	mi_ui_intake_goto(in, "pain_locations");
	assert_cursor_on(in, "> 1 [ ] neck");
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_DOWN);
	assert_cursor_on(in, "> 3 [ ] upper back");
	mi_ui_intake_goto(in, "pain_intensity");
	mi_ui_intake_key(in, mi_ui_key_char(L'7'));
	assert_cursor_on(in, "7]");
	press(in, MI_KEY_RIGHT);
	assert_cursor_on(in, "8]");
	mi_ui_intake_goto(in, "onset");
	press(in, MI_KEY_DOWN); /* nothing chosen yet: Down chooses the first */
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_DOWN);
	assert_cursor_on(in, "> 3 (*) After an injury");
	mi_ui_intake_goto(in, "leg_symptoms");
	press(in, MI_KEY_DOWN);
	assert_cursor_on(in, "> 2 [ ] Pain below the knee");
	mi_ui_intake_goto(in, "night_pain");
	press(in, MI_KEY_DOWN);
	press(in, MI_KEY_DOWN);
	assert_cursor_on(in, "> (*) No");
	mi_ui_intake_goto(in, "pain_duration_weeks");
	type(in, L"2 years");
	press(in, MI_KEY_ENTER);
	assert_cursor_on(in, "About 104 weeks: is that right?");
	mi_ui_intake_goto(in, "review");
	press(in, MI_KEY_DOWN);
	assert_cursor_on(in, "> Date of birth");
	mi_ui_intake_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(intake_with_new_answers_starts_at_name_succeeds),
		cmocka_unit_test(intake_key_with_bad_date_keeps_text_fails),
		cmocka_unit_test(intake_duration_in_words_is_confirmed_then_kept_succeeds),
		cmocka_unit_test(intake_duration_in_words_refused_by_client_keeps_text_succeeds),
		cmocka_unit_test(intake_duration_vague_is_refused_with_example_fails),
		cmocka_unit_test(intake_date_is_shown_in_words_before_kept_succeeds),
		cmocka_unit_test(intake_date_ambiguous_is_asked_succeeds),
		cmocka_unit_test(intake_title_shows_group_part_succeeds),
		cmocka_unit_test(intake_untouched_yes_no_is_never_stored_fails),
		cmocka_unit_test(intake_key_with_number_out_of_range_fails),
		cmocka_unit_test(intake_key_with_control_character_is_ignored_succeeds),
		cmocka_unit_test(intake_key_with_yes_saves_and_advances_succeeds),
		cmocka_unit_test(intake_key_back_and_forward_keeps_answers_succeeds),
		cmocka_unit_test(intake_key_forward_past_unanswered_fails),
		cmocka_unit_test(intake_leg_follow_up_with_symptoms_is_asked_succeeds),
		cmocka_unit_test(intake_medication_list_with_lines_saves_list_succeeds),
		cmocka_unit_test(intake_with_saved_answers_resumes_at_first_unanswered_succeeds),
		cmocka_unit_test(intake_review_and_consent_with_all_answers_is_done_succeeds),
		cmocka_unit_test(intake_esc_after_review_edit_returns_to_review_succeeds),
		cmocka_unit_test(intake_consent_after_midnight_is_dated_the_new_day_succeeds),
		cmocka_unit_test(intake_key_with_failing_sink_keeps_answer_unsaved_fails),
		cmocka_unit_test(intake_screening_with_urgent_answer_tells_client_calmly_succeeds),
		cmocka_unit_test(intake_after_urgent_answer_asks_only_safety_questions_succeeds),
		cmocka_unit_test(intake_urgent_path_follows_the_loaded_rules_succeeds),
		cmocka_unit_test(intake_therapist_banner_before_all_answers_is_not_fully_screened_succeeds),
		cmocka_unit_test(intake_screening_in_therapist_mode_shows_banner_and_flags_succeeds),
		cmocka_unit_test(intake_therapist_medication_list_shows_classes_succeeds),
		cmocka_unit_test(intake_help_key_shows_question_help_succeeds),
		cmocka_unit_test(intake_last_answers_are_saved_only_once_confirmed_succeeds),
		cmocka_unit_test(intake_cursor_follows_the_focus_succeeds),
	};
	return cmocka_run_group_tests_name("ui_intake", tests, tiu_install_shipped, tiu_free_shipped);
}
