/* test_app_urgent.c - the review queue as the desk shows it: urgent and
 * refer intakes first, drafts screened on their answers so far, and the
 * count of urgent intakes not reviewed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_urgent.h"
#include "temp_store.h"

static const mi_date today = {2026, 11, 23};

typedef struct fixture {
	temp_store t; /* the database and its folder */
	mi_ruleset *rules;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	temp_store_open(&f->t, "urgent");
	mi_error err;
	if (mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &f->rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	mi_ruleset_free(f->rules);
	temp_store_remove(&f->t);
	free(f);
	return 0;
}

/* Stores an example intake (tests/fixtures/examples) as a kiosk visit,
 * with the answer to key changed to the JSON json when key is not NULL. */
static long long store_example(fixture *f, const char *name, const char *key, const char *json)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/examples/%s", getenv("MI_SOURCE_DIR"), name);
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_answers_read_file(path, &a, &err), MI_OK);
	if (key)
		assert_int_equal(mi_answers_set_json(a, key, json, &err), MI_OK);
	mi_screening s;
	assert_int_equal(mi_screen(f->rules, a, today, &s, &err), MI_OK);
	long long visit = 0, client = 0;
	assert_int_equal(mi_store_intake(f->t.store, a, &s, mi_ruleset_version(f->rules),
					 MI_SOURCE_KIOSK, today, &visit, &client, &err),
			 MI_OK);
	mi_screening_clear(&s);
	mi_answers_free(a);
	return visit;
}

/* A kiosk draft holding a name and the answers given (key, JSON pairs),
 * each saved as the kiosk does: set on the answers, then handed over. */
static long long store_draft(fixture *f, const char *name, const char *key, const char *json)
{
	long long visit = 0;
	mi_error err;
	mi_answers *a = mi_answers_new();
	assert_non_null(a);
	assert_int_equal(mi_store_draft_start(f->t.store, 0, MI_SOURCE_KIOSK, today, &visit, &err), MI_OK);
	assert_int_equal(mi_answers_set_text(a, "client.name", name, &err), MI_OK);
	assert_int_equal(mi_answers_set_text(a, "client.birth_date", "1960-02-03", &err), MI_OK);
	assert_int_equal(mi_store_draft_save_answer(f->t.store, visit, a, "client.name", &err), MI_OK);
	assert_int_equal(mi_store_draft_save_answer(f->t.store, visit, a, "client.birth_date", &err),
			 MI_OK);
	if (key) {
		assert_int_equal(mi_answers_set_json(a, key, json, &err), MI_OK);
		assert_int_equal(mi_store_draft_save_answer(f->t.store, visit, a, key, &err), MI_OK);
	}
	mi_answers_free(a);
	return visit;
}

static void queue_lists_urgent_then_refer_then_oldest_succeeds(void **state)
{
	fixture *f = *state;
	long long proceed = store_example(f, "01-proceed-chronic-tightness.json", NULL, NULL);
	long long urgent_first = store_example(f, "03-refer-radicular-weakness.json",
						     "weakness_worsening", "true");
	long long calm_draft = store_draft(f, "Ada Calm", "fever", "false");
	long long refer_draft = store_draft(f, "Rob Night", "night_pain", "true");
	long long modify = store_example(f, "02-modify-blood-thinner.json", NULL, NULL);
	long long urgent = store_example(f, "04-urgent-bladder-change.json", NULL, NULL);
	mi_visit_list q = {0};
	mi_error err;
	assert_int_equal(mi_app_review_queue_urgent_first(f->t.store, f->rules, today, &q, NULL, &err), MI_OK);
	assert_int_equal(q.count, 6);
	assert_int_equal(q.items[0].id, urgent_first);
	assert_int_equal(q.items[1].id, urgent);
	assert_int_equal(q.items[2].id, refer_draft);
	assert_int_equal(q.items[2].outcome, MI_LEVEL_REFER);
	/* The rest keep the order they came in. */
	assert_int_equal(q.items[3].id, proceed);
	assert_int_equal(q.items[4].id, calm_draft);
	assert_int_equal(q.items[5].id, modify);
	mi_app_urgent_alert alert;
	mi_app_urgent_alert_of(&q, &alert);
	assert_int_equal(alert.waiting, 6);
	assert_int_equal(alert.urgent, 2);
	assert_string_equal(alert.first_name, "Priya Nair");
	mi_visit_list_clear(&q);

	/* Reviewed, an intake leaves the queue and the alert. */
	assert_int_equal(mi_store_visit_mark_reviewed(f->t.store, urgent_first, &err), MI_OK);
	assert_int_equal(mi_store_visit_mark_reviewed(f->t.store, urgent, &err), MI_OK);
	assert_int_equal(mi_app_review_queue_urgent_first(f->t.store, f->rules, today, &q, NULL, &err), MI_OK);
	mi_app_urgent_alert_of(&q, &alert);
	assert_int_equal(alert.urgent, 0);
	assert_int_equal(alert.waiting, 4);
	assert_int_equal(q.items[0].id, refer_draft);
	mi_visit_list_clear(&q);
}

static void queue_with_urgent_draft_counts_it_succeeds(void **state)
{
	fixture *f = *state;
	long long older = store_example(f, "02-modify-blood-thinner.json", NULL, NULL);
	/* A client still at the kiosk, answering the safety questions left. */
	long long draft = store_draft(f, "Lee Park", "bladder_bowel_change", "true");
	mi_visit_list q = {0};
	mi_error err;
	assert_int_equal(mi_app_review_queue_urgent_first(f->t.store, f->rules, today, &q, NULL, &err), MI_OK);
	assert_int_equal(q.count, 2);
	assert_int_equal(q.items[0].id, draft);
	assert_false(q.items[0].complete);
	assert_true(q.items[0].has_outcome);
	assert_int_equal(q.items[0].outcome, MI_LEVEL_URGENT);
	assert_int_equal(q.items[1].id, older);
	mi_app_urgent_alert alert;
	mi_app_urgent_alert_of(&q, &alert);
	assert_int_equal(alert.urgent, 1);
	assert_string_equal(alert.first_name, "Lee Park");
	mi_visit_list_clear(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(queue_lists_urgent_then_refer_then_oldest_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(queue_with_urgent_draft_counts_it_succeeds, setup,
						teardown),
	};
	return cmocka_run_group_tests_name("app_urgent", tests, NULL, NULL);
}
