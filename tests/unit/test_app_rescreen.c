/* test_app_rescreen.c - safety questions a stored visit left unanswered,
 * answered at the desk: the visit's answers and outcome change in the
 * store, the change is logged with who made it, an answer the client gave
 * is never changed; and which clients' last visit is not fully screened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_rescreen.h"
#include "temp_clinic.h"

static const mi_date today = {2026, 11, 23};

typedef temp_clinic fixture;

static int setup(void **state)
{
	int done = temp_clinic_setup(state, "rescreen-test");
	fixture *f = *state;
	mi_error err;
	assert_int_equal(mi_store_set_actor(f->t.store, "Anna", &err), MI_OK);
	return done;
}

static int teardown(void **state)
{
	return temp_clinic_teardown(state);
}

/* Stores tests/fixtures/examples/05-incomplete-safety-questions.json (no
 * flag, but the bladder, fever, cancer ... questions unanswered) with
 * birth_date (NULL: none, so the age is unanswered too). */
static long long store_incomplete_born(fixture *f, const char *birth_date)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/examples/05-incomplete-safety-questions.json",
		 getenv("MI_SOURCE_DIR"));
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_answers_read_file(path, &a, &err), MI_OK);
	if (birth_date)
		assert_int_equal(mi_answers_set_text(a, "client.birth_date", birth_date, &err), MI_OK);
	mi_screening s;
	assert_int_equal(mi_screen(f->rules, a, today, &s, &err), MI_OK);
	assert_int_equal(s.outcome, MI_LEVEL_PROCEED);
	assert_true(s.unanswered_count > 0);
	long long visit = 0, client = 0;
	assert_int_equal(mi_store_intake(f->t.store, a, &s, mi_ruleset_version(f->rules),
					 MI_SOURCE_DESK, today, &visit, &client, &err),
			 MI_OK);
	mi_screening_clear(&s);
	mi_answers_free(a);
	return visit;
}

static long long store_incomplete(fixture *f)
{
	return store_incomplete_born(f, "1980-02-03");
}

/* Answers of key=json pairs, ending with NULL. */
static mi_answers *answers_of(const char *key, ...)
{
	mi_answers *a = mi_answers_new();
	assert_non_null(a);
	va_list ap;
	va_start(ap, key);
	for (const char *k = key; k; k = va_arg(ap, const char *)) {
		const char *json = va_arg(ap, const char *);
		mi_error err;
		if (mi_answers_set_json(a, k, json, &err) != MI_OK)
			fail_msg("%s: %s", k, err.message);
	}
	va_end(ap);
	return a;
}

static mi_answers *all_missing_harmless(void)
{
	return answers_of("bladder_bowel_change", "false", "saddle_numbness", "false", "fever",
			  "false", "unexplained_weight_loss", "false", "cancer_history", "false",
			  "night_pain", "false", NULL);
}

static void answer_missing_with_harmless_answers_clears_the_visit_succeeds(void **state)
{
	fixture *f = *state;
	long long id = store_incomplete(f);
	mi_answers *added = all_missing_harmless();
	mi_screening after;
	mi_error err;
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, id, added, &after, NULL, &err),
			 MI_OK);
	assert_int_equal(after.outcome, MI_LEVEL_PROCEED);
	assert_int_equal(after.unanswered_count, 0);
	mi_screening_clear(&after);
	mi_answers_free(added);

	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->t.store, id, &v, &err), MI_OK);
	bool fever = true;
	assert_true(mi_answers_get_bool(v->answers, "fever", &fever));
	assert_false(fever);
	assert_string_equal(mi_answers_get_text(v->answers, "pressure_preference"), "firm");
	assert_int_equal(v->goal_count, 1); /* goals and notes stay */
	mi_visit_free(v);

	mi_audit_list log = {0};
	assert_int_equal(mi_store_audit_list(f->t.store, 1, &log, &err), MI_OK);
	assert_int_equal(log.count, 1);
	assert_string_equal(log.items[0].action, "rescreen");
	assert_string_equal(log.items[0].who, "Anna");
	assert_int_equal(log.items[0].record_id, id);
	mi_audit_list_clear(&log);
}

static void answer_missing_with_an_urgent_answer_stores_the_flag_succeeds(void **state)
{
	fixture *f = *state;
	long long id = store_incomplete(f);
	mi_answers *added = answers_of("bladder_bowel_change", "true", NULL);
	mi_error err;
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, id, added, NULL, NULL, &err),
			 MI_OK);
	mi_answers_free(added);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->t.store, id, &v, &err), MI_OK);
	assert_int_equal(v->outcome, MI_LEVEL_URGENT);
	assert_true(v->flag_count >= 1);
	assert_int_equal(v->flags[0].level, MI_LEVEL_URGENT);
	mi_visit_free(v);
	/* an urgent outcome waits for review, whoever entered it */
	mi_visit_source source;
	bool reviewed = true;
	assert_int_equal(mi_store_visit_source(f->t.store, id, &source, &reviewed, &err), MI_OK);
	assert_false(reviewed);
}

static void answer_missing_with_a_question_already_answered_fails(void **state)
{
	fixture *f = *state;
	long long id = store_incomplete(f);
	mi_answers *added = answers_of("fever", "false", "active_infection", "true", NULL);
	mi_error err;
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, id, added, NULL, NULL, &err),
			 MI_EDATA);
	assert_non_null(strstr(err.message, "active_infection"));
	mi_answers_free(added);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->t.store, id, &v, &err), MI_OK);
	assert_false(mi_answers_has(v->answers, "fever")); /* nothing stored */
	mi_visit_free(v);
}

static void answer_missing_with_nothing_or_on_a_draft_fails(void **state)
{
	fixture *f = *state;
	long long id = store_incomplete(f);
	mi_answers *none = mi_answers_new();
	mi_error err;
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, id, none, NULL, NULL, &err),
			 MI_EDATA);
	long long draft = 0;
	assert_int_equal(mi_store_draft_start(f->t.store, 0, MI_SOURCE_DESK, today, &draft, &err),
			 MI_OK);
	mi_answers *added = answers_of("fever", "false", NULL);
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, draft, added, NULL, NULL, &err),
			 MI_EDATA);
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, 999, added, NULL, NULL, &err),
			 MI_ENOTFOUND);
	mi_answers_free(added);
	mi_answers_free(none);
}

static void clients_not_fully_screened_follows_the_last_visit_succeeds(void **state)
{
	fixture *f = *state;
	long long id = store_incomplete(f);
	mi_client_list list = {0};
	mi_error err;
	assert_int_equal(mi_store_clients_search(f->t.store, NULL, 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 1);
	bool unscreened = false;
	assert_int_equal(mi_app_clients_not_fully_screened(f->t.store, f->rules, &list, 1,
							   &unscreened, &err),
			 MI_OK);
	assert_true(unscreened);
	mi_client_list_clear(&list);

	mi_answers *added = all_missing_harmless();
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, id, added, NULL, NULL, &err),
			 MI_OK);
	mi_answers_free(added);
	assert_int_equal(mi_store_clients_search(f->t.store, NULL, 0, &list, &err), MI_OK);
	assert_int_equal(mi_app_clients_not_fully_screened(f->t.store, f->rules, &list, 1,
							   &unscreened, &err),
			 MI_OK);
	assert_false(unscreened);
	mi_client_list_clear(&list);
}

/* The client's visits, each as the desk and the CLI show it: a proceed
 * with safety questions unanswered is not fully screened, an urgent one
 * or a fully answered one is not. */
static void visits_not_fully_screened_reads_each_visit_succeeds(void **state)
{
	fixture *f = *state;
	long long incomplete = store_incomplete(f);
	long long urgent = store_incomplete(f);
	mi_answers *added = answers_of("bladder_bowel_change", "true", NULL);
	mi_error err;
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, urgent, added, NULL,
						     NULL, &err),
			 MI_OK);
	mi_answers_free(added);
	long long cleared = store_incomplete(f);
	added = all_missing_harmless();
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, cleared, added, NULL,
						     NULL, &err),
			 MI_OK);
	mi_answers_free(added);

	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->t.store, incomplete, &v, &err), MI_OK);
	mi_visit_list history = {0};
	assert_int_equal(mi_store_client_history(f->t.store, v->client_id, &history, &err), MI_OK);
	mi_visit_free(v);
	assert_int_equal(history.count, 3);
	bool unscreened[3] = {false, true, true};
	assert_int_equal(mi_app_visits_not_fully_screened(f->t.store, f->rules, &history,
							  unscreened, &err),
			 MI_OK);
	for (size_t i = 0; i < history.count; i++)
		assert_int_equal(unscreened[i], history.items[i].id == incomplete);
	mi_visit_list_clear(&history);
}

/* A birth date given for the missing age completes a client record that
 * has none, in the rescreen's transaction and logged by who gave it. */
static void answer_missing_birth_date_fills_an_empty_record_succeeds(void **state)
{
	fixture *f = *state;
	long long id = store_incomplete_born(f, NULL);
	mi_error err;
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->t.store, id, &v, &err), MI_OK);
	long long client = v->client_id;
	assert_null(v->client_birth_date);
	mi_visit_free(v);

	mi_answers *added = answers_of("client.birth_date", "\"1980-02-03\"", NULL);
	mi_rescreen_birth_date birth;
	memset(&birth, 0xff, sizeof birth);
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, id, added, NULL, &birth,
						     &err),
			 MI_OK);
	mi_answers_free(added);
	assert_true(birth.recorded);
	assert_false(birth.differs);
	assert_string_equal(birth.given, "1980-02-03");
	assert_string_equal(birth.on_record, "");

	mi_client c = {0};
	assert_int_equal(mi_store_client_get(f->t.store, client, &c, &err), MI_OK);
	assert_non_null(c.birth_date);
	assert_string_equal(c.birth_date, "1980-02-03");
	mi_client_clear(&c);

	mi_audit_list log = {0};
	assert_int_equal(mi_store_audit_list(f->t.store, 0, &log, &err), MI_OK);
	bool logged = false;
	for (size_t i = 0; i < log.count; i++)
		logged = logged || (strcmp(log.items[i].action, "birth date") == 0 &&
				    strcmp(log.items[i].table, "clients") == 0 &&
				    strcmp(log.items[i].who, "Anna") == 0 &&
				    log.items[i].record_id == client);
	mi_audit_list_clear(&log);
	assert_true(logged);
}

/* A birth date on record is never replaced: a different one given for a
 * later visit goes into that visit's answers only, and both are told. */
static void answer_missing_birth_date_keeps_a_different_record_succeeds(void **state)
{
	fixture *f = *state;
	long long first = store_incomplete_born(f, NULL);
	long long second = store_incomplete_born(f, NULL); /* the same client, no birth date */
	mi_error err;
	mi_answers *added = answers_of("client.birth_date", "\"1980-02-03\"", NULL);
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, first, added, NULL, NULL,
						     &err),
			 MI_OK);
	mi_answers_free(added);

	added = answers_of("client.birth_date", "\"1981-02-03\"", NULL);
	mi_rescreen_birth_date birth;
	assert_int_equal(mi_app_visit_answer_missing(f->t.store, f->rules, second, added, NULL,
						     &birth, &err),
			 MI_OK);
	mi_answers_free(added);
	assert_false(birth.recorded);
	assert_true(birth.differs);
	assert_string_equal(birth.given, "1981-02-03");
	assert_string_equal(birth.on_record, "1980-02-03");

	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->t.store, second, &v, &err), MI_OK);
	assert_string_equal(v->client_birth_date, "1980-02-03"); /* the record */
	assert_string_equal(mi_answers_get_text(v->answers, "client.birth_date"), "1981-02-03");
	mi_visit_free(v);

}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(answer_missing_with_harmless_answers_clears_the_visit_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(answer_missing_with_an_urgent_answer_stores_the_flag_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(answer_missing_with_a_question_already_answered_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(answer_missing_with_nothing_or_on_a_draft_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(clients_not_fully_screened_follows_the_last_visit_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(visits_not_fully_screened_reads_each_visit_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(answer_missing_birth_date_fills_an_empty_record_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(answer_missing_birth_date_keeps_a_different_record_succeeds, setup, teardown),
	};
	return cmocka_run_group_tests_name("app_rescreen", tests, NULL, NULL);
}
