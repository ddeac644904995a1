/* test_app_records.c - the one path of src/app for what the desk, the kiosk
 * and the commands all do: completing a draft (screened with the rules in
 * force on the day, or unscreened without rules), submitting an intake,
 * viewing a visit (recorded), marking an intake reviewed (only a finished
 * one from the kiosk, or an urgent or refer one from any source), listing and discarding drafts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_access.h"
#include "mi/app_audit.h"
#include "mi/app_draft_expiry.h"
#include "mi/app_drafts.h"
#include "mi/app_intake.h"
#include "mi/app_followup.h"
#include "mi/app_records.h"
#include "mi/app_settings.h"
#include "mi/app_urgent.h"
#include "mi/draft_expiry.h"
#include "temp_store.h"

static const mi_date today = {2026, 11, 23};

typedef struct fixture {
	temp_store t;
	mi_store *store; /* t.store */
	mi_ruleset *rules;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	temp_store_open(&f->t, "app-records");
	f->store = f->t.store;
	mi_error err;
	assert_int_equal(mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &f->rules, &err), MI_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	temp_store_remove(&f->t);
	mi_ruleset_free(f->rules);
	free(f);
	return 0;
}

/* A draft from source for Maya Ortiz with a fever answered as fever. */
static long long draft_with_fever(fixture *f, mi_visit_source source, bool fever,
				  mi_answers **answers)
{
	long long visit = 0;
	bool resumed = false;
	mi_error err;
	assert_int_equal(mi_app_draft_open(f->store, NULL, "Maya Ortiz", "1988-03-14", source, today,
					   &visit, answers, &resumed, &err),
			 MI_OK);
	assert_int_equal(mi_answers_set_bool(*answers, "fever", fever, &err), MI_OK);
	return visit;
}

/* How many audit entries have this action, table and record. */
static size_t logged(fixture *f, const char *action, const char *table, long long id)
{
	mi_audit_list list = {0};
	mi_error err;
	assert_int_equal(mi_app_audit_list(f->store, 0, &list, &err), MI_OK);
	size_t n = 0;
	for (size_t i = 0; i < list.count; i++)
		if (strcmp(list.items[i].action, action) == 0 &&
		    strcmp(list.items[i].table, table) == 0 && list.items[i].record_id == id)
			n++;
	mi_audit_list_clear(&list);
	return n;
}

static void complete_draft_screens_and_stores_succeeds(void **state)
{
	fixture *f = *state;
	mi_answers *answers = NULL;
	long long visit = draft_with_fever(f, MI_SOURCE_DESK, true, &answers);
	mi_level outcome = MI_LEVEL_PROCEED;
	mi_error err;
	assert_int_equal(mi_app_intake_complete(f->store, f->rules, visit, answers, today, &outcome,
						&err),
			 MI_OK);
	assert_int_equal(outcome, MI_LEVEL_URGENT);
	mi_app_visit_view view;
	mi_app_seen seen;
	assert_int_equal(mi_app_visit_view_load(f->store, visit, &view, &seen, &err), MI_OK);
	assert_false(seen.unrecorded);
	assert_true(view.visit->complete);
	assert_int_equal(view.visit->outcome, MI_LEVEL_URGENT);
	assert_true(view.visit->flag_count > 0);
	assert_string_equal(view.visit->rules_version, mi_ruleset_version(f->rules));
	assert_null(view.previous);
	mi_app_visit_view_clear(&view);
	assert_int_equal(logged(f, "view", "visits", visit), 1);
	/* Completing again is refused: it is no draft any more. */
	assert_int_equal(mi_app_intake_complete(f->store, f->rules, visit, answers, today, NULL, &err),
			 MI_EDATA);
	mi_answers_free(answers);
}

/* The response of visit as the person acting sees it (NULL when left
 * out), and whether the view says the notes were withheld. */
static const char *response_seen(fixture *f, long long visit, bool *withheld)
{
	static char seen_text[64];
	mi_app_visit_view view;
	mi_app_seen seen;
	mi_error err;
	assert_int_equal(mi_app_visit_view_load(f->store, visit, &view, &seen, &err), MI_OK);
	*withheld = view.notes_withheld;
	const char *r = view.visit->notes.response;
	snprintf(seen_text, sizeof seen_text, "%s", r ? r : "");
	assert_non_null(view.visit->notes.areas); /* the areas stay: the aftercare sheet has them */
	mi_app_visit_view_clear(&view);
	return r ? seen_text : NULL;
}

/* The one role check: the front desk, and a program once the clinic has a
 * front-desk account, do not read the response or the therapist's notes;
 * a therapist does, named whatever the case; refusals are audited. */
static void visit_view_withholds_notes_from_front_desk_succeeds(void **state)
{
	fixture *f = *state;
	mi_answers *answers = NULL;
	long long visit = draft_with_fever(f, MI_SOURCE_DESK, false, &answers);
	mi_error err;
	assert_int_equal(mi_app_intake_complete(f->store, f->rules, visit, answers, today, NULL, &err),
			 MI_OK);
	mi_answers_free(answers);
	mi_visit *v = NULL;
	assert_int_equal(mi_app_visit_load(f->store, visit, &v, &err), MI_OK);
	v->notes.response = strdup("Calmer after.");
	v->notes.therapist_notes = strdup("Left calf bruises.");
	v->notes.areas = calloc(2, sizeof *v->notes.areas);
	v->notes.areas[0] = strdup("low_back");
	v->notes.area_count = 1;
	assert_int_equal(mi_app_visit_save_notes(f->store, v, &err), MI_OK);
	mi_visit_free(v);
	bool withheld = true;
	assert_string_equal(response_seen(f, visit, &withheld), "Calmer after.");
	assert_false(withheld); /* no account: as ever */

	assert_int_equal(mi_store_account_add(f->store, "Anna", MI_ROLE_THERAPIST, "$argon2id$a",
					      NULL, &err),
			 MI_OK);
	assert_string_equal(response_seen(f, visit, &withheld), "Calmer after.");
	assert_false(withheld); /* therapists only: the owner's shell reads it all */
	assert_int_equal(mi_store_account_add(f->store, "Bea", MI_ROLE_FRONT_DESK, "$argon2id$b",
					      NULL, &err),
			 MI_OK);
	assert_null(response_seen(f, visit, &withheld)); /* "cli", with a front desk about */
	assert_true(withheld);
	assert_int_equal(mi_app_act_as(f->store, "Bea", &err), MI_OK);
	assert_null(response_seen(f, visit, &withheld));
	assert_true(withheld);
	assert_int_equal(mi_app_acting_may(f->store, MI_PERMIT_READ_NOTES, &err), MI_ENOPERM);
	assert_non_null(strstr(err.message, "Bea is front desk"));
	mi_note_record record = {0};
	assert_int_equal(mi_app_note_record(f->store, visit, &record, &err), MI_ENOPERM);
	assert_int_equal(logged(f, "notes refused", "visits", visit), 3);
	assert_int_equal(mi_app_act_as(f->store, "ANNA", &err), MI_OK);
	assert_string_equal(mi_store_actor_account(f->store), "Anna"); /* as typed when added */
	assert_string_equal(response_seen(f, visit, &withheld), "Calmer after.");
	assert_false(withheld);
	assert_int_equal(mi_app_note_record(f->store, visit, &record, &err), MI_OK);
	mi_note_record_clear(&record);
}

static void complete_draft_without_rules_fails(void **state)
{
	fixture *f = *state;
	mi_answers *answers = NULL;
	long long visit = draft_with_fever(f, MI_SOURCE_KIOSK, true, &answers);
	mi_error err;
	assert_int_equal(mi_app_intake_complete(f->store, NULL, visit, answers, today, NULL, &err),
			 MI_EINTERNAL);
	mi_visit *v = NULL;
	assert_int_equal(mi_app_visit_load(f->store, visit, &v, &err), MI_OK);
	assert_false(v->complete); /* never stored unscreened: the draft stays */
	mi_visit_free(v);
	mi_answers_free(answers);
}

static void submit_intake_and_compare_with_previous_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	mi_answers *blank = mi_answers_new(); /* no client.name */
	assert_int_equal(mi_answers_set_bool(blank, "fever", false, &err), MI_OK);
	mi_screening s;
	assert_int_equal(mi_app_intake_screen(f->rules, blank, today, &s, &err), MI_OK);
	mi_app_submitted stored;
	assert_int_equal(mi_app_intake_submit(f->store, f->rules, blank, &s, MI_SOURCE_CLI, today,
					      &stored, &err),
			 MI_EDATA);
	mi_screening_clear(&s);
	mi_answers_free(blank);

	long long ids[2];
	for (int i = 0; i < 2; i++) {
		mi_answers *a = mi_answers_new();
		assert_int_equal(mi_answers_set_text(a, "client.name", "Walter Brandt", &err), MI_OK);
		assert_int_equal(mi_answers_set_bool(a, "fever", i == 1, &err), MI_OK);
		assert_int_equal(mi_app_intake_screen(f->rules, a, today, &s, &err), MI_OK);
		assert_int_equal(mi_app_intake_submit(f->store, f->rules, a, &s, MI_SOURCE_CLI, today,
						      &stored, &err),
				 MI_OK);
		assert_int_equal(s.outcome, i == 1 ? MI_LEVEL_URGENT : MI_LEVEL_PROCEED);
		mi_screening_clear(&s);
		mi_answers_free(a);
		ids[i] = stored.visit_id;
	}
	mi_app_visit_view view;
	assert_int_equal(mi_app_visit_view_load(f->store, ids[1], &view, NULL, &err), MI_OK);
	assert_non_null(view.previous);
	assert_int_equal(view.previous->id, ids[0]);
	assert_int_equal(view.changes.flags_new.count, 1); /* the fever */
	mi_app_visit_view_clear(&view);
	/* A reload (no mi_app_seen) is not recorded again. */
	assert_int_equal(logged(f, "view", "visits", ids[1]), 0);
}

static void mark_reviewed_only_finished_kiosk_intakes_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	bool already = true;
	mi_answers *answers = NULL;
	long long desk = draft_with_fever(f, MI_SOURCE_DESK, false, &answers);
	assert_int_equal(mi_app_intake_complete(f->store, f->rules, desk, answers, today, NULL, &err),
			 MI_OK);
	mi_answers_free(answers);
	assert_int_equal(mi_app_visit_mark_reviewed(f->store, desk, &already, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "kiosk"));

	long long kiosk = draft_with_fever(f, MI_SOURCE_KIOSK, false, &answers);
	assert_int_equal(mi_app_visit_mark_reviewed(f->store, kiosk, &already, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "not finished"));
	assert_int_equal(mi_app_intake_complete(f->store, f->rules, kiosk, answers, today, NULL, &err),
			 MI_OK);
	mi_answers_free(answers);

	mi_visit_list queue = {0};
	mi_app_seen seen;
	assert_int_equal(mi_app_review_queue(f->store, &queue, &seen, &err), MI_OK);
	assert_int_equal(queue.count, 1);
	assert_int_equal(queue.items[0].id, kiosk);
	mi_visit_list_clear(&queue);
	assert_int_equal(logged(f, "list", "visits", 0), 1);

	assert_int_equal(mi_app_visit_mark_reviewed(f->store, kiosk, &already, &err), MI_OK);
	assert_false(already);
	assert_int_equal(logged(f, "review", "visits", kiosk), 1);
	assert_int_equal(mi_app_visit_mark_reviewed(f->store, kiosk, &already, &err), MI_OK);
	assert_true(already);
	assert_int_equal(logged(f, "review", "visits", kiosk), 1);
	assert_int_equal(mi_app_visit_mark_reviewed(f->store, 999, &already, &err), MI_ENOTFOUND);
	assert_int_equal(mi_app_review_queue(f->store, &queue, NULL, &err), MI_OK);
	assert_int_equal(queue.count, 0);
	mi_visit_list_clear(&queue);
}

static void urgent_intake_from_any_source_waits_for_review_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	bool already = true;
	mi_answers *answers = NULL;
	long long desk = draft_with_fever(f, MI_SOURCE_DESK, true, &answers); /* urgent */
	assert_int_equal(mi_app_intake_complete(f->store, f->rules, desk, answers, today, NULL, &err),
			 MI_OK);
	mi_answers_free(answers);

	mi_visit_list queue = {0};
	assert_int_equal(mi_app_review_queue(f->store, &queue, NULL, &err), MI_OK);
	assert_int_equal(queue.count, 1);
	assert_int_equal(queue.items[0].id, desk);
	assert_false(queue.items[0].reviewed);
	mi_visit_list_clear(&queue);

	assert_int_equal(mi_app_visit_mark_reviewed(f->store, desk, &already, &err), MI_OK);
	assert_false(already);
	assert_int_equal(logged(f, "review", "visits", desk), 1);
	assert_int_equal(mi_app_visit_mark_reviewed(f->store, desk, &already, &err), MI_OK);
	assert_true(already);
	assert_int_equal(mi_app_review_queue(f->store, &queue, NULL, &err), MI_OK);
	assert_int_equal(queue.count, 0);
	mi_visit_list_clear(&queue);
}

static void drafts_list_and_discard_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	mi_answers *answers = NULL;
	long long done = draft_with_fever(f, MI_SOURCE_KIOSK, false, &answers);
	assert_int_equal(mi_app_intake_complete(f->store, f->rules, done, answers, today, NULL, &err),
			 MI_OK);
	mi_answers_free(answers);
	long long draft = draft_with_fever(f, MI_SOURCE_DESK, false, &answers);
	assert_int_equal(mi_answers_set_bool(answers, "fever", false, &err), MI_OK);
	assert_int_equal(mi_app_draft_save_answer(f->store, draft, answers, "fever", &err), MI_OK);
	mi_answers_free(answers);

	mi_visit_list drafts = {0};
	mi_app_seen seen;
	assert_int_equal(mi_app_drafts(f->store, f->rules, today, MI_APP_DRAFTS_WAITING, &drafts,
				       &seen, &err),
			 MI_OK);
	assert_int_equal(drafts.count, 1);
	assert_int_equal(drafts.items[0].id, draft);
	assert_false(drafts.items[0].complete);
	mi_visit_list_clear(&drafts);
	assert_int_equal(logged(f, "list", "drafts", 0), 1);

	assert_int_equal(mi_app_draft_discard(f->store, done, &err), MI_EDATA);
	assert_int_equal(mi_app_draft_discard(f->store, 999, &err), MI_ENOTFOUND);
	assert_int_equal(mi_app_draft_discard(f->store, draft, &err), MI_OK);
	assert_int_equal(logged(f, "discard", "visits", draft), 1);
	assert_int_equal(mi_app_draft_take(f->store, draft, &answers, &err), MI_ENOTFOUND);
	assert_int_equal(mi_app_drafts(f->store, f->rules, today, MI_APP_DRAFTS_WAITING, &drafts,
				       NULL, &err),
			 MI_OK);
	assert_int_equal(drafts.count, 0);
	mi_visit_list_clear(&drafts);
}

static void discard_draft_open_on_another_screen_fails(void **state)
{
	fixture *f = *state;
	mi_error err;
	mi_answers *answers = NULL;
	long long draft = draft_with_fever(f, MI_SOURCE_DESK, false, &answers);
	mi_answers_free(answers);
	mi_app_draft_release(f->store, draft); /* opened here; now another screen takes it */
	mi_store *other = NULL;
	assert_int_equal(mi_store_open(f->t.db, 0, &other, &err), MI_OK);
	assert_int_equal(mi_app_draft_take(other, draft, &answers, &err), MI_OK);
	mi_answers_free(answers);
	assert_int_equal(mi_app_draft_discard(f->store, draft, &err), MI_ETEMPFAIL);
	mi_app_draft_release(other, draft);
	assert_int_equal(mi_app_draft_discard(f->store, draft, &err), MI_OK);
	mi_store_close(other);
}

/* A desk draft of name begun on day with key answered yes and saved (NULL:
 * only the name and birth date). */
static long long draft_begun(fixture *f, const char *name, mi_date day, const char *key)
{
	long long visit = 0;
	bool resumed = false;
	mi_answers *answers = NULL;
	mi_error err;
	assert_int_equal(mi_app_draft_open(f->store, NULL, name, "1970-01-01", MI_SOURCE_DESK, day, &visit,
					   &answers, &resumed, &err),
			 MI_OK);
	if (key) {
		assert_int_equal(mi_answers_set_bool(answers, key, true, &err), MI_OK);
		assert_int_equal(mi_app_draft_save_answer(f->store, visit, answers, key, &err), MI_OK);
	}
	mi_answers_free(answers);
	mi_app_draft_release(f->store, visit);
	return visit;
}

/* The draft the desk opens for name (born 1970-01-01) on day, and whether
 * it was resumed; the draft is given up again. */
static long long desk_opens(fixture *f, const char *name, mi_date day, bool *resumed)
{
	long long id = 0;
	mi_answers *answers = NULL;
	mi_error err;
	assert_int_equal(mi_app_draft_open(f->store, f->rules, name, "1970-01-01", MI_SOURCE_DESK,
					   day, &id, &answers, resumed, &err),
			 MI_OK);
	mi_answers_free(answers);
	mi_app_draft_release(f->store, id);
	return id;
}

/* The ids of list as "1 2 3". */
static void ids_of(const mi_visit_list *list, char *ids, size_t size)
{
	size_t used = 0;
	ids[0] = '\0';
	for (size_t i = 0; i < list->count; i++)
		used += (size_t)snprintf(ids + used, size - used, "%s%lld", i ? " " : "",
					 list->items[i].id);
}

/* The ids of the review queue on day, and its urgent count, as "1 2 3". */
static void queue_on(fixture *f, mi_date day, char *ids, size_t size, size_t *urgent)
{
	mi_visit_list queue = {0};
	mi_error err;
	assert_int_equal(mi_app_review_queue_urgent_first(f->store, f->rules, day, &queue, NULL, &err),
			 MI_OK);
	mi_app_urgent_alert alert;
	mi_app_urgent_alert_of(&queue, &alert);
	assert_int_equal(alert.waiting, queue.count);
	*urgent = alert.urgent;
	ids_of(&queue, ids, size);
	mi_visit_list_clear(&queue);
}

/* The ids of mi_app_drafts (which) on day, as "1 2". */
static void drafts_on(fixture *f, mi_date day, mi_app_drafts_which which, char *ids, size_t size)
{
	mi_visit_list list = {0};
	mi_error err;
	assert_int_equal(mi_app_drafts(f->store, f->rules, day, which, &list, NULL, &err), MI_OK);
	ids_of(&list, ids, size);
	mi_visit_list_clear(&list);
}

static void drafts_expire_from_queue_unless_urgent_or_refer_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	long long calm = draft_begun(f, "Ann Calm", today, "easy_bruising");
	long long urgent = draft_begun(f, "Bo Urgent", today, "bladder_bowel_change");
	long long later = draft_begun(f, "Cy Later", mi_date_add_days(today, 5), NULL);
	char ids[64], want[64];
	size_t n_urgent = 0;

	/* Default 14 days: on day 13 every draft waits. */
	queue_on(f, mi_date_add_days(today, 13), ids, sizeof ids, &n_urgent);
	snprintf(want, sizeof want, "%lld %lld %lld", urgent, calm, later);
	assert_string_equal(ids, want);
	assert_int_equal(n_urgent, 1);

	/* Day 14: the calm draft has left the queue and the count; the urgent
	 * one never leaves; the later one still has days to go. */
	mi_date day14 = mi_date_add_days(today, 14);
	queue_on(f, day14, ids, sizeof ids, &n_urgent);
	snprintf(want, sizeof want, "%lld %lld", urgent, later);
	assert_string_equal(ids, want);
	assert_int_equal(n_urgent, 1);
	drafts_on(f, day14, MI_APP_DRAFTS_WAITING, ids, sizeof ids);
	snprintf(want, sizeof want, "%lld %lld", urgent, later);
	assert_string_equal(ids, want);
	/* Kept, not deleted: listed as expired and still there to resume. */
	drafts_on(f, day14, MI_APP_DRAFTS_EXPIRED, ids, sizeof ids);
	snprintf(want, sizeof want, "%lld", calm);
	assert_string_equal(ids, want);
	mi_answers *answers = NULL;
	assert_int_equal(mi_app_draft_take(f->store, calm, &answers, &err), MI_OK);
	assert_true(mi_answers_has(answers, "easy_bruising"));
	mi_answers_free(answers);
	mi_app_draft_release(f->store, calm);

	/* At the desk the expired draft is not resumed as this visit's: a new
	 * one starts, without its answers; the unexpired and the urgent ones
	 * are resumed. */
	bool resumed = false;
	assert_int_equal(desk_opens(f, "Ann Calm", mi_date_add_days(today, 13), &resumed), calm);
	assert_true(resumed);
	assert_int_equal(desk_opens(f, "Bo Urgent", mi_date_add_days(today, 300), &resumed), urgent);
	assert_true(resumed);
	long long id = desk_opens(f, "Ann Calm", day14, &resumed);
	assert_false(resumed);
	assert_true(id != calm);
	assert_int_equal(mi_app_draft_take(f->store, id, &answers, &err), MI_OK);
	assert_false(mi_answers_has(answers, "easy_bruising"));
	mi_answers_free(answers);
	mi_app_draft_release(f->store, id);
	long long fresh = id;
	drafts_on(f, day14, MI_APP_DRAFTS_EXPIRED, ids, sizeof ids);
	snprintf(want, sizeof want, "%lld", calm);
	assert_string_equal(ids, want);

	/* A year on the urgent draft still waits. */
	queue_on(f, mi_date_add_days(today, 365), ids, sizeof ids, &n_urgent);
	snprintf(want, sizeof want, "%lld", urgent);
	assert_string_equal(ids, want);

	/* The setting takes effect at the next read, no restart. */
	assert_int_equal(mi_app_setting_set(f->store, mi_setting_find("draft_expiry_days"), "30",
					    &err),
			 MI_OK);
	queue_on(f, day14, ids, sizeof ids, &n_urgent);
	snprintf(want, sizeof want, "%lld %lld %lld %lld", urgent, calm, later, fresh);
	assert_string_equal(ids, want);
	assert_int_equal(mi_app_setting_set(f->store, mi_setting_find("draft_expiry_days"), "1",
					    &err),
			 MI_OK);
	queue_on(f, mi_date_add_days(today, 1), ids, sizeof ids, &n_urgent);
	snprintf(want, sizeof want, "%lld %lld %lld", urgent, later, fresh);
	assert_string_equal(ids, want);
}

/* A kiosk resume code opens a draft for kiosk_resume_hours; once the
 * draft has expired from the review queue it no longer opens, as at the
 * desk (the same sentence as a wrong code), while an urgent one still does. */
static void kiosk_resume_of_expired_draft_fails(void **state)
{
	fixture *f = *state;
	mi_error err;
	assert_int_equal(mi_app_setting_set(f->store, mi_setting_find("draft_expiry_days"), "1",
					    &err),
			 MI_OK);
	const char *const names[] = {"Di Calm", "Ed Urgent"}, *const keys[] = {"easy_bruising",
									   "bladder_bowel_change"};
	long long ids[2];
	char codes[2][MI_RESUME_CODE_DIGITS + 1];
	for (int i = 0; i < 2; i++) {
		mi_answers *answers = NULL;
		assert_int_equal(mi_app_kiosk_start(f->store, names[i], "1970-01-01", today, &ids[i],
						    &answers, codes[i], &err),
				 MI_OK);
		assert_int_equal(mi_answers_set_bool(answers, keys[i], true, &err), MI_OK);
		assert_int_equal(mi_app_draft_save_answer(f->store, ids[i], answers, keys[i], &err),
				 MI_OK);
		mi_answers_free(answers);
		mi_app_draft_release(f->store, ids[i]);
	}
	mi_date day2 = mi_date_add_days(today, 2);
	long long id = 0;
	mi_answers *answers = NULL;
	assert_int_equal(mi_app_kiosk_resume(f->store, f->rules, names[0], "1970-01-01", codes[0], 168,
					     day2, &id, &answers, &err),
			 MI_ENOTFOUND);
	assert_null(answers);
	assert_non_null(strstr(err.message, "no intake to continue opens"));
	assert_int_equal(mi_app_kiosk_resume(f->store, f->rules, names[1], "1970-01-01", codes[1], 168,
					     day2, &id, &answers, &err),
			 MI_OK);
	assert_int_equal(id, ids[1]);
	mi_answers_free(answers);
	mi_app_draft_release(f->store, id);
	/* The day it was begun, before it expired, the calm one opens. */
	assert_int_equal(mi_app_kiosk_resume(f->store, f->rules, names[0], "1970-01-01", codes[0], 168,
					     today, &id, &answers, &err),
			 MI_OK);
	assert_int_equal(id, ids[0]);
	mi_answers_free(answers);
	mi_app_draft_release(f->store, id);
}

static void draft_expired_rule_at_its_edges_succeeds(void **state)
{
	(void)state;
	mi_date begun = {2026, 12, 1};
	assert_false(mi_draft_expired(begun, (mi_date){2026, 12, 14}, 14, true, MI_LEVEL_PROCEED));
	assert_true(mi_draft_expired(begun, (mi_date){2026, 12, 15}, 14, true, MI_LEVEL_PROCEED));
	assert_true(mi_draft_expired(begun, (mi_date){2026, 12, 15}, 14, true, MI_LEVEL_MODIFY));
	assert_false(mi_draft_expired(begun, (mi_date){2027, 12, 15}, 14, true, MI_LEVEL_REFER));
	assert_false(mi_draft_expired(begun, (mi_date){2027, 12, 15}, 14, true, MI_LEVEL_URGENT));
	/* Not screened: nothing says it is harmless, so it stays. */
	assert_false(mi_draft_expired(begun, (mi_date){2027, 12, 15}, 14, false, MI_LEVEL_PROCEED));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(complete_draft_screens_and_stores_succeeds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(visit_view_withholds_notes_from_front_desk_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(complete_draft_without_rules_fails,
						setup, teardown),
		cmocka_unit_test_setup_teardown(submit_intake_and_compare_with_previous_succeeds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(mark_reviewed_only_finished_kiosk_intakes_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(urgent_intake_from_any_source_waits_for_review_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(drafts_list_and_discard_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(discard_draft_open_on_another_screen_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(drafts_expire_from_queue_unless_urgent_or_refer_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_resume_of_expired_draft_fails, setup, teardown),
		cmocka_unit_test(draft_expired_rule_at_its_edges_succeeds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
