/* test_app_prefill.c - a returning client's last answers, as the desk
 * offers them: only the questions intake.conf marks prefill = yes, never
 * one an urgent rule reads, from the client's latest completed visit. */
#define _GNU_SOURCE /* asprintf */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_drafts.h"
#include "mi/app_intake.h"
#include "mi/app_prefill.h"
#include "temp_clinic.h"

typedef temp_clinic fixture;

static int setup(void **state)
{
	int done = temp_clinic_setup(state, "app-prefill");
	return done;
}

static int teardown(void **state)
{
	return temp_clinic_teardown(state);
}

/* Stores a visit of Walter Brandt on day with pressure p, a past clot,
 * fever and new bladder trouble (urgent), a medicine and a past injury. */
static long long visit_on(fixture *f, mi_date day, const char *pressure)
{
	mi_error err;
	mi_answers *a = mi_answers_new();
	const char *meds[] = {"warfarin"};
	assert_int_equal(mi_answers_set_text(a, "client.name", "Walter Brandt", &err), MI_OK);
	assert_int_equal(mi_answers_set_text(a, "client.birth_date", "1960-05-01", &err), MI_OK);
	assert_int_equal(mi_answers_set_text(a, "pressure_preference", pressure, &err), MI_OK);
	assert_int_equal(mi_answers_set_bool(a, "dvt_history", true, &err), MI_OK);
	assert_int_equal(mi_answers_set_bool(a, "fever", true, &err), MI_OK);
	assert_int_equal(mi_answers_set_bool(a, "bladder_bowel_change", true, &err), MI_OK);
	assert_int_equal(mi_answers_set_list(a, "medications", meds, 1, &err), MI_OK);
	assert_int_equal(mi_answers_set_text(a, "past_injuries", "broken arm 2010", &err), MI_OK);
	assert_int_equal(mi_answers_set_text(a, "pregnant", "no", &err), MI_OK);
	mi_screening s;
	assert_int_equal(mi_app_intake_screen(f->rules, a, day, &s, &err), MI_OK);
	mi_app_submitted stored;
	assert_int_equal(mi_app_intake_submit(f->t.store, f->rules, a, &s, MI_SOURCE_DESK, day,
					      &stored, &err),
			 MI_OK);
	mi_screening_clear(&s);
	mi_answers_free(a);
	return stored.visit_id;
}

/* A new desk draft for Walter Brandt on day. */
static long long draft_on(fixture *f, mi_date day)
{
	long long id = 0;
	bool resumed = false;
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_app_draft_open(f->t.store, NULL, "Walter Brandt", "1960-05-01", MI_SOURCE_DESK,
					   day, &id, &a, &resumed, &err),
			 MI_OK);
	mi_answers_free(a);
	return id;
}

static void last_answers_of_returning_client_are_the_stable_ones_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	visit_on(f, (mi_date){2026, 9, 1}, "light");
	long long last = visit_on(f, (mi_date){2026, 10, 2}, "firm");
	long long draft = draft_on(f, (mi_date){2026, 11, 23});
	mi_app_last_time t;
	assert_int_equal(mi_app_last_answers(f->t.store, f->rules, draft, &t, &err), MI_OK);
	assert_int_equal(t.visit_id, last);
	assert_int_equal(mi_date_compare(t.date, (mi_date){2026, 10, 2}), 0);
	/* The stable answers, of the latest visit. */
	assert_string_equal(mi_answers_get_text(t.answers, "pressure_preference"), "firm");
	bool yes = false;
	assert_true(mi_answers_get_bool(t.answers, "dvt_history", &yes) && yes);
	assert_string_equal(mi_answers_get_text(t.answers, "past_injuries"), "broken arm 2010");
	/* Red flags, medicines, pregnancy: asked fresh. */
	const char *fresh[] = {"fever", "bladder_bowel_change", "medications", "pregnant",
			       "client.name", "client.birth_date"};
	for (size_t i = 0; i < sizeof fresh / sizeof *fresh; i++)
		if (mi_answers_has(t.answers, fresh[i]))
			fail_msg("%s was offered from last time", fresh[i]);
	mi_app_last_time_clear(&t);
	assert_null(t.answers);
}

static void last_answers_of_first_visit_are_none_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	long long draft = draft_on(f, (mi_date){2026, 11, 23});
	mi_app_last_time t;
	assert_int_equal(mi_app_last_answers(f->t.store, f->rules, draft, &t, &err), MI_OK);
	assert_int_equal(t.visit_id, 0);
	assert_null(t.answers);
	assert_int_equal(mi_app_last_answers(f->t.store, f->rules, 999, &t, &err), MI_ENOTFOUND);
}

/* A clinic's rules that make a stable question urgent: it is no longer
 * offered, whatever intake.conf says. */
static void last_answers_never_offer_what_an_urgent_rule_reads_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	visit_on(f, (mi_date){2026, 10, 2}, "firm");
	long long draft = draft_on(f, (mi_date){2026, 11, 23});
	char rules_path[192];
	snprintf(rules_path, sizeof rules_path, "%s/rules.conf", f->t.dir);
	FILE *out = fopen(rules_path, "w");
	assert_non_null(out);
	fputs("version = clinic-1\n[rule clot_urgent]\nlevel = urgent\nwhen = dvt_history\n"
	      "message = m\nnote = n\nsource = s\n",
	      out);
	assert_int_equal(fclose(out), 0);
	mi_ruleset *clinic = NULL;
	char *meds = NULL, *intake = NULL;
	assert_true(asprintf(&meds, "%s/medications.conf", getenv("MI_DATA_DIR")) > 0);
	assert_true(asprintf(&intake, "%s/intake.conf", getenv("MI_DATA_DIR")) > 0);
	assert_int_equal(mi_ruleset_load(rules_path, meds, intake, &clinic, &err), MI_OK);
	free(meds);
	free(intake);
	mi_app_last_time t;
	assert_int_equal(mi_app_last_answers(f->t.store, clinic, draft, &t, &err), MI_OK);
	assert_false(mi_answers_has(t.answers, "dvt_history"));
	assert_true(mi_answers_has(t.answers, "pressure_preference"));
	mi_app_last_time_clear(&t);
	mi_ruleset_free(clinic);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			last_answers_of_returning_client_are_the_stable_ones_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(last_answers_of_first_visit_are_none_succeeds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			last_answers_never_offer_what_an_urgent_rule_reads_succeeds, setup, teardown),
	};
	return cmocka_run_group_tests_name("app_prefill", tests, NULL, NULL);
}
