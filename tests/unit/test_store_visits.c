/* test_store_visits.c - intakes, clients, drafts (and who writes them),
 * resume codes, the wrong-PIN count, notes, audit, backup. */
#include "test_store_util.h"
#include "test_intake_util.h"

#include <sys/wait.h>

#include "mi/pin.h"
#include "mi/visit.h"

typedef tsu_fixture fixture;

static const char MAYA[] =
	"{\"client\": {\"name\": \"Maya Ortiz\", \"birth_date\": \"1988-03-14\", \"phone\": \"555-0142\"},"
	" \"pain_intensity\": 6, \"medications\": [\"Warfarin 5 mg\"], \"fever\": false,"
	" \"goals\": [\"loosen_low_back_hips\", \"reduce_spasm\"], \"goals_other\": \"sleep better\"}";
static const char MAYA_AGAIN[] =
	"{\"client\": {\"name\": \"  maya   ORTIZ \", \"birth_date\": \"1988-03-14\"},"
	" \"pain_intensity\": 3, \"medications\": []}";

static void store_intake_with_new_client_succeeds(void **state)
{
	fixture *f = *state;
	long long client = 0;
	long long visit = tsu_intake(f->store, MAYA, 2, "2026-11-20", &client);
	assert_true(visit > 0);
	assert_true(client > 0);
	mi_error err;
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->store, visit, &v, &err), MI_OK);
	assert_int_equal(v->client_id, client);
	assert_string_equal(v->client_name, "Maya Ortiz");
	assert_string_equal(v->client_birth_date, "1988-03-14");
	assert_true(v->complete);
	assert_int_equal(v->outcome, MI_LEVEL_MODIFY);
	assert_int_equal(v->flag_count, 2);
	assert_string_equal(v->flags[0].rule_id, "anticoagulant");
	assert_string_equal(v->flags[1].rule_id, "nerve_root_signs");
	assert_string_equal(v->rules_version, "test-1 (00000000)");
	assert_int_equal(v->goal_count, 2);
	assert_string_equal(v->goals[1], "reduce_spasm");
	assert_string_equal(v->goals_other, "sleep better");
	assert_int_equal(mi_answers_list_count(v->answers, "medications"), 1);
	assert_int_equal(v->trend_count, 1);
	assert_int_equal(v->trend[0].pain, 6);
	mi_visit_free(v);

	mi_client c = {0};
	assert_int_equal(mi_store_client_get(f->store, client, &c, &err), MI_OK);
	assert_string_equal(c.phone, "555-0142");
	assert_string_equal(c.last_visit, "2026-11-20");
	assert_true(c.has_last_outcome);
	assert_int_equal(c.last_outcome, MI_LEVEL_MODIFY);
	mi_client_clear(&c);
}

static void store_intake_with_same_client_other_spelling_succeeds(void **state)
{
	fixture *f = *state;
	long long c1 = 0, c2 = 0;
	long long v1 = tsu_intake(f->store, MAYA, 1, "2026-11-01", &c1);
	long long v2 = tsu_intake(f->store, MAYA_AGAIN, 0, "2026-11-20", &c2);
	assert_int_equal(c1, c2);
	mi_error err;
	long long prev = 0;
	assert_int_equal(mi_store_visit_previous(f->store, v2, &prev, &err), MI_OK);
	assert_int_equal(prev, v1);
	assert_int_equal(mi_store_visit_previous(f->store, v1, &prev, &err), MI_OK);
	assert_int_equal(prev, 0);
	assert_int_equal(mi_store_visit_previous(f->store, 999, &prev, &err), MI_ENOTFOUND);

	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->store, v2, &v, &err), MI_OK);
	assert_int_equal(v->trend_count, 2);
	assert_int_equal(v->trend[0].pain, 6);
	assert_int_equal(v->trend[1].pain, 3);
	mi_visit_free(v);

	mi_visit_list history = {0};
	assert_int_equal(mi_store_client_history(f->store, c1, &history, &err), MI_OK);
	assert_int_equal(history.count, 2);
	assert_int_equal(history.items[0].id, v1);
	assert_int_equal(history.items[1].pain, 3);
	assert_int_equal(history.items[1].outcome, MI_LEVEL_PROCEED);
	mi_visit_list_clear(&history);
	assert_int_equal(mi_store_client_history(f->store, 999, &history, &err), MI_ENOTFOUND);

	/* Another birth date is another person. */
	long long c3 = 0;
	tsu_intake(f->store, "{\"client\": {\"name\": \"Maya Ortiz\", \"birth_date\": \"1990-01-01\"}}", 0,
		   "2026-11-20", &c3);
	assert_true(c3 != c1);
}

static void store_intake_without_name_fails(void **state)
{
	fixture *f = *state;
	mi_answers *answers = tsu_answers("{\"pain_intensity\": 4, \"client\": {\"birth_date\": \"1980-01-01\"}}");
	mi_screening s = tsu_screening(1);
	mi_date today = {2026, 11, 20};
	long long visit = 0;
	mi_error err;
	assert_int_equal(mi_store_intake(f->store, answers, &s, "v", MI_SOURCE_CLI, today, &visit, NULL,
					 &err),
			 MI_EDATA);
	assert_non_null(strstr(err.message, "client.name"));
	tsu_screening_clear(&s);
	mi_answers_free(answers);
	/* Nothing at all was stored. */
	mi_client_list list = {0};
	assert_int_equal(mi_store_clients_search(f->store, NULL, 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 0);
	mi_client_list_clear(&list);
	mi_visit_list waiting = {0};
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 0);
	mi_visit_list_clear(&waiting);
	mi_audit_list audit = {0};
	assert_int_equal(mi_store_audit_list(f->store, 0, &audit, &err), MI_OK);
	assert_int_equal(audit.count, 1); /* only the schema's creation */
	mi_audit_list_clear(&audit);
}

static void store_intake_with_hostile_text_round_trips_succeeds(void **state)
{
	fixture *f = *state;
	static const char *const names[] = {
		"Seán O'Brien \\\"Bob\\\"",
		"'); DROP TABLE clients; --",
		"Ελένη Παπαδοπούλου",
		"فاطمة الزهراء",
		"王小明",
	};
	static const char *const expected[] = {
		"Seán O'Brien \"Bob\"", "'); DROP TABLE clients; --", "Ελένη Παπαδοπούλου",
		"فاطمة الزهراء",        "王小明",
	};
	long long ids[5];
	for (size_t i = 0; i < 5; i++) {
		char json[512];
		snprintf(json, sizeof json,
			 "{\"client\": {\"name\": \"%s\"}, \"worse_with\": \"%s\","
			 " \"medications\": [\"%s\"]}",
			 names[i], names[i], names[i]);
		long long visit = tsu_intake(f->store, json, 0, "2026-11-20", &ids[i]);
		mi_error err;
		mi_visit *v = NULL;
		assert_int_equal(mi_store_visit_load(f->store, visit, &v, &err), MI_OK);
		assert_string_equal(v->client_name, expected[i]);
		assert_string_equal(mi_answers_get_text(v->answers, "worse_with"), expected[i]);
		assert_string_equal(mi_answers_list_item(v->answers, "medications", 0), expected[i]);
		mi_visit_free(v);
	}
	mi_error err;
	mi_client_list list = {0};
	assert_int_equal(mi_store_clients_search(f->store, "Παπα", 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 1);
	assert_string_equal(list.items[0].name, expected[2]);
	mi_client_list_clear(&list);
	assert_int_equal(mi_store_clients_search(f->store, "drop TABLE", 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 1);
	assert_int_equal(list.items[0].id, ids[1]);
	mi_client_list_clear(&list);
	assert_int_equal(mi_store_clients_search(f->store, "小", 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 1);
	mi_client_list_clear(&list);
	assert_int_equal(mi_store_clients_search(f->store, "", 3, &list, &err), MI_OK);
	assert_int_equal(list.count, 3);
	mi_client_list_clear(&list);
	/* The clients table is still there, with everyone in it. */
	assert_int_equal(mi_store_clients_search(f->store, NULL, 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 5);
	mi_client_list_clear(&list);
}

static void store_draft_saved_answer_by_answer_resumes_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	mi_date today = {2026, 11, 23};
	long long visit = 0;
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, today, &visit, &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, visit, "client.name", "\"Ιωάννα\"", &err),
			 MI_OK);
	assert_int_equal(tsu_save_answer(f->store, visit, "pain_intensity", "7", &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, visit, "pain_intensity", "8", &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, visit, "fever", "true", &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, visit, "fever", NULL, &err), MI_OK);
	/* Refused values store nothing. */
	assert_int_equal(tsu_save_answer(f->store, visit, "pain_intensity", "11", &err),
			 MI_EDATA);
	assert_int_equal(tsu_save_answer(f->store, visit, "no_such_key", "1", &err), MI_EDATA);
	mi_answers *none = mi_answers_new();
	assert_int_equal(mi_store_draft_save_answer(f->store, visit, none, "no_such_key", &err),
			 MI_EDATA);
	mi_answers_free(none);
	assert_int_equal(tsu_save_answer(f->store, 999, "fever", "true", &err), MI_ENOTFOUND);

	mi_answers *answers = NULL;
	assert_int_equal(mi_store_draft_load(f->store, visit, &answers, &err), MI_OK);
	long pain = 0;
	assert_true(mi_answers_get_int(answers, "pain_intensity", &pain));
	assert_int_equal(pain, 8);
	assert_false(mi_answers_has(answers, "fever"));
	assert_string_equal(mi_answers_get_text(answers, "client.name"), "Ιωάννα");

	mi_visit_list waiting = {0};
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 1);
	assert_false(waiting.items[0].complete);
	assert_string_equal(waiting.items[0].client_name, "Ιωάννα");
	mi_visit_list_clear(&waiting);

	/* Completing creates the client and keeps the kiosk visit waiting for review. */
	mi_screening s = tsu_screening(3);
	assert_int_equal(mi_store_visit_complete(f->store, visit, answers, &s, "v2", &err), MI_OK);
	assert_int_equal(mi_store_visit_complete(f->store, visit, answers, &s, "v2", &err), MI_EDATA);
	assert_int_equal(tsu_save_answer(f->store, visit, "fever", "true", &err), MI_EDATA);
	tsu_screening_clear(&s);
	mi_answers_free(answers);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->store, visit, &v, &err), MI_OK);
	assert_true(v->complete);
	assert_true(v->client_id > 0);
	assert_int_equal(v->outcome, MI_LEVEL_REFER);
	assert_int_equal(v->flag_count, 3);
	long long resume = -1;
	assert_int_equal(mi_store_draft_find_open(f->store, v->client_id, &resume, &err), MI_OK);
	assert_int_equal(resume, 0);
	mi_visit_free(v);
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 1);
	assert_true(waiting.items[0].complete);
	assert_false(waiting.items[0].reviewed);
	assert_int_equal(waiting.items[0].pain, 8);
	mi_visit_list_clear(&waiting);
	assert_int_equal(mi_store_visit_mark_reviewed(f->store, visit, &err), MI_OK);
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 0);
	mi_visit_list_clear(&waiting);
}

static void store_draft_for_known_client_resumes_succeeds(void **state)
{
	fixture *f = *state;
	long long client = 0;
	tsu_intake(f->store, MAYA, 0, "2026-11-01", &client);
	mi_error err;
	mi_date today = {2026, 11, 23};
	long long visit = 0, found = 0;
	assert_int_equal(mi_store_draft_start(f->store, 999, MI_SOURCE_DESK, today, &visit, &err),
			 MI_ENOTFOUND);
	assert_int_equal(mi_store_draft_start(f->store, client, MI_SOURCE_DESK, today, &visit, &err),
			 MI_OK);
	assert_int_equal(mi_store_draft_find_open(f->store, client, &found, &err), MI_OK);
	assert_int_equal(found, visit);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->store, visit, &v, &err), MI_OK);
	assert_false(v->complete);
	assert_string_equal(v->client_name, "Maya Ortiz");
	assert_int_equal(v->trend_count, 1);
	mi_visit_free(v);
}

static void store_draft_claimed_by_one_screen_refuses_another_fails(void **state)
{
	fixture *f = *state;
	mi_error err;
	long long visit = 0;
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, (mi_date){2026, 11, 23},
					      &visit, &err),
			 MI_OK);
	assert_int_equal(mi_store_draft_claim(f->store, visit, &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, visit, "pain_intensity", "4", &err),
			 MI_OK);

	/* A second screen (another handle, as a second kiosk) can neither
	 * claim nor write it, nor complete it, while the first holds it. */
	mi_store *other = tsu_open(f->path);
	assert_int_equal(mi_store_draft_claim(other, visit, &err), MI_ETEMPFAIL);
	assert_non_null(strstr(err.message, "open on another screen"));
	assert_int_equal(tsu_save_answer(other, visit, "pain_intensity", "9", &err),
			 MI_ETEMPFAIL);
	mi_answers *a = tsu_answers("{\"client\": {\"name\": \"Ana Lima\"}}");
	mi_screening sc = tsu_screening(0);
	assert_int_equal(mi_store_visit_complete(other, visit, a, &sc, "v", &err), MI_ETEMPFAIL);
	mi_answers *saved = NULL;
	assert_int_equal(mi_store_draft_load(other, visit, &saved, &err), MI_OK);
	long pain = 0;
	assert_true(mi_answers_get_int(saved, "pain_intensity", &pain));
	assert_int_equal(pain, 4);
	mi_answers_free(saved);

	/* Once the first lets go, the second may take it. */
	assert_int_equal(mi_store_draft_release(f->store, visit, &err), MI_OK);
	assert_int_equal(mi_store_draft_claim(other, visit, &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, visit, "pain_intensity", "2", &err),
			 MI_ETEMPFAIL);
	/* Closing a handle gives its claims up. */
	mi_store_close(other);
	assert_int_equal(tsu_save_answer(f->store, visit, "pain_intensity", "2", &err),
			 MI_OK);
	assert_int_equal(mi_store_visit_complete(f->store, visit, a, &sc, "v", &err), MI_OK);
	assert_int_equal(tsu_raw_int(f->path, "SELECT count(*) FROM draft_claims"), 0);
	assert_int_equal(mi_store_draft_claim(f->store, visit, &err), MI_EDATA);
	tsu_screening_clear(&sc);
	mi_answers_free(a);
}

static void store_draft_claim_of_an_ended_program_is_taken_over_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	long long visit = 0;
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, (mi_date){2026, 11, 23},
					      &visit, &err),
			 MI_OK);
	/* A kiosk killed with SIGKILL leaves its claim; its process is gone. */
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	assert_true(child > 0);
	waitpid(child, NULL, 0);
	char *sql = NULL;
	assert_true(asprintf(&sql,
			     "INSERT INTO draft_claims VALUES (%lld, 'gone', %d, '2026-11-23T10:00:00Z')",
			     visit, (int)child) > 0);
	tsu_raw_exec(f->path, sql);
	free(sql);
	assert_int_equal(mi_store_draft_claim(f->store, visit, &err), MI_OK);
	assert_int_equal(tsu_raw_int(f->path, "SELECT count(*) FROM draft_claims WHERE session = 'gone'"),
			 0);
}

static void store_resumable_drafts_with_age_and_tries_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	mi_date today = {2026, 11, 23};
	long long kiosk = 0, old = 0, desk = 0, no_code = 0;
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, today, &kiosk, &err), MI_OK);
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, today, &old, &err), MI_OK);
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_DESK, today, &desk, &err), MI_OK);
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, today, &no_code, &err),
			 MI_OK);
	long long with_code[] = {kiosk, old, desk};
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(mi_store_resume_code_set(f->store, with_code[i], "salt$hash", &err),
				 MI_OK);
	char *sql = NULL;
	assert_true(asprintf(&sql, "UPDATE visits SET created = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ',"
				   " 'now', '-30 hours') WHERE id = %lld",
			     old) > 0);
	tsu_raw_exec(f->path, sql);
	free(sql);

	mi_resume_list list = {0};
	assert_int_equal(mi_store_resumable_drafts(f->store, 24, 5, &list, &err), MI_OK);
	assert_int_equal(list.count, 1); /* not the old one, the desk's or one without a code */
	assert_int_equal(list.items[0].visit_id, kiosk);
	assert_string_equal(list.items[0].code_hash, "salt$hash");
	mi_resume_list_clear(&list);
	assert_int_equal(mi_store_resumable_drafts(f->store, 48, 5, &list, &err), MI_OK);
	assert_int_equal(list.count, 2);
	mi_resume_list_clear(&list);

	/* Five wrong codes and the kiosk can no longer resume it; each is audited. */
	for (int i = 0; i < 5; i++)
		assert_int_equal(mi_store_resume_failed(f->store, kiosk, &err), MI_OK);
	assert_int_equal(mi_store_resumable_drafts(f->store, 24, 5, &list, &err), MI_OK);
	assert_int_equal(list.count, 0);
	mi_resume_list_clear(&list);
	assert_int_equal(tsu_raw_int(f->path, "SELECT count(*) FROM audit_log"
					      " WHERE action = 'resume failed'"),
			 5);
	/* The desk still sees it. */
	mi_visit_list waiting = {0};
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 4);
	mi_visit_list_clear(&waiting);
	/* A new code starts the count again. */
	assert_int_equal(mi_store_resume_code_set(f->store, kiosk, "salt$other", &err), MI_OK);
	assert_int_equal(mi_store_resumable_drafts(f->store, 24, 5, &list, &err), MI_OK);
	assert_int_equal(list.count, 1);
	mi_resume_list_clear(&list);
}

static void store_pin_throttle_survives_reopening_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	mi_pin_throttle t;
	assert_int_equal(mi_store_pin_throttle(f->store, &t, &err), MI_OK);
	assert_int_equal(t.failures, 0);
	assert_int_equal(t.wait_until, 0);
	for (unsigned i = 1; i <= MI_PIN_FREE_TRIES; i++)
		assert_int_equal(mi_store_pin_failed(f->store, 1000, &t, &err), MI_OK);
	assert_int_equal(t.failures, MI_PIN_FREE_TRIES);
	assert_int_equal(t.wait_until, 1000 + MI_PIN_FIRST_WAIT);

	/* Another program (or this one restarted) sees the same wait. */
	mi_store *again = tsu_open(f->path);
	assert_int_equal(mi_store_pin_throttle(again, &t, &err), MI_OK);
	assert_int_equal(t.failures, MI_PIN_FREE_TRIES);
	assert_int_equal(t.wait_until, 1000 + MI_PIN_FIRST_WAIT);
	assert_int_equal(mi_store_pin_failed(again, 2000, &t, &err), MI_OK);
	assert_int_equal(t.wait_until, 2000 + 2 * MI_PIN_FIRST_WAIT);
	assert_int_equal(mi_store_pin_succeeded(again, &err), MI_OK);
	mi_store_close(again);
	assert_int_equal(mi_store_pin_throttle(f->store, &t, &err), MI_OK);
	assert_int_equal(t.failures, 0);
	assert_int_equal(t.wait_until, 0);
}

static void store_visit_save_notes_succeeds(void **state)
{
	fixture *f = *state;
	long long visit = tsu_intake(f->store, MAYA, 0, "2026-11-20", NULL);
	mi_error err;
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->store, visit, &v, &err), MI_OK);
	static char *areas[] = {"glutes_piriformis", "mid_back"};
	static char *techniques[] = {"friction"};
	v->notes.areas = areas;
	v->notes.area_count = 2;
	v->notes.techniques = techniques;
	v->notes.technique_count = 1;
	v->notes.pressure = "medium";
	v->notes.response = "relaxed; \"tender\" at L5";
	v->notes.therapist_notes = "line one\nline two";
	v->aftercare_notes = "'); DROP TABLE aftercare_notes; --";
	assert_int_equal(mi_store_visit_save_notes(f->store, v, &err), MI_OK);
	/* Give the strings back before freeing: they are static here. */
	memset(&v->notes, 0, sizeof v->notes);
	v->aftercare_notes = NULL;
	mi_visit_free(v);

	assert_int_equal(mi_store_visit_load(f->store, visit, &v, &err), MI_OK);
	assert_int_equal(v->notes.area_count, 2);
	assert_string_equal(v->notes.areas[1], "mid_back");
	assert_string_equal(v->notes.techniques[0], "friction");
	assert_string_equal(v->notes.pressure, "medium");
	assert_string_equal(v->notes.response, "relaxed; \"tender\" at L5");
	assert_string_equal(v->notes.therapist_notes, "line one\nline two");
	assert_string_equal(v->aftercare_notes, "'); DROP TABLE aftercare_notes; --");

	/* An unknown area is refused and nothing changes. */
	free(v->notes.areas[1]);
	v->notes.areas[1] = strdup("left_elbow");
	free(v->notes.pressure);
	v->notes.pressure = strdup("firm");
	assert_int_equal(mi_store_visit_save_notes(f->store, v, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "item 2 is not a known area"));
	assert_null(strstr(err.message, "left_elbow"));
	mi_visit_free(v);
	assert_int_equal(mi_store_visit_load(f->store, visit, &v, &err), MI_OK);
	assert_string_equal(v->notes.pressure, "medium");
	v->id = 999;
	assert_int_equal(mi_store_visit_save_notes(f->store, v, &err), MI_ENOTFOUND);
	mi_visit_free(v);
	assert_int_equal(mi_store_visit_load(f->store, 999, &v, &err), MI_ENOTFOUND);
}

static void store_audit_log_without_health_details_succeeds(void **state)
{
	fixture *f = *state;
	long long visit = tsu_intake(f->store, MAYA, 1, "2026-11-20", NULL);
	mi_error err;
	assert_int_equal(mi_store_set_actor(f->store, "therapist Ann", &err), MI_OK);
	assert_int_equal(mi_store_audit_append(f->store, "print", "visits", visit, &err), MI_OK);
	assert_int_equal(mi_store_setting_set(f->store, "kiosk_pin_hash", "$argon2id$secret", &err),
			 MI_OK);
	mi_audit_list audit = {0};
	assert_int_equal(mi_store_audit_list(f->store, 0, &audit, &err), MI_OK);
	assert_true(audit.count >= 5);
	assert_string_equal(audit.items[0].action, "set kiosk_pin_hash");
	assert_string_equal(audit.items[1].action, "print");
	assert_string_equal(audit.items[1].who, "therapist Ann");
	assert_int_equal(audit.items[1].record_id, visit);
	for (size_t i = 0; i < audit.count; i++) {
		const char *fields[] = {audit.items[i].who, audit.items[i].action, audit.items[i].table};
		for (size_t k = 0; k < 3; k++) {
			assert_null(strstr(fields[k], "Maya"));
			assert_null(strstr(fields[k], "arfarin"));
			assert_null(strstr(fields[k], "anticoagulant"));
			assert_null(strstr(fields[k], "secret"));
		}
	}
	mi_audit_list_clear(&audit);
	assert_int_equal(mi_store_audit_list(f->store, 2, &audit, &err), MI_OK);
	assert_int_equal(audit.count, 2);
	mi_audit_list_clear(&audit);
}

static void store_backup_is_private_and_checked_succeeds(void **state)
{
	fixture *f = *state;
	tsu_intake(f->store, MAYA, 1, "2026-11-20", NULL);
	mi_error err;
	char *dest = tsu_path(f->dir, "copy.db");
	assert_int_equal(mi_store_backup(f->store, dest, &err), MI_OK);
	assert_int_equal(tsu_mode(dest), 0600);
	/* It replaces an older copy. */
	tsu_intake(f->store, MAYA_AGAIN, 0, "2026-11-21", NULL);
	assert_int_equal(mi_store_backup(f->store, dest, &err), MI_OK);
	mi_store *copy = tsu_open(dest);
	mi_client_list list = {0};
	assert_int_equal(mi_store_clients_search(copy, "maya", 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 1);
	assert_int_equal(list.items[0].visit_count, 2);
	mi_client_list_clear(&list);
	char *report = NULL;
	assert_int_equal(mi_store_check(copy, &report, &err), MI_OK);
	assert_string_equal(report, "integrity: ok\nforeign keys: ok\n");
	free(report);
	mi_store_close(copy);
	/* A folder cannot be the destination; nothing is left behind. */
	assert_int_equal(mi_store_backup(f->store, f->dir, &err), MI_ECANTCREAT);
	char *missing = tsu_path(f->dir, "no/such/folder/copy.db");
	assert_int_equal(mi_store_backup(f->store, missing, &err), MI_ECANTCREAT);
	free(missing);
	free(dest);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(store_intake_with_new_client_succeeds, tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(store_intake_with_same_client_other_spelling_succeeds,
						tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(store_intake_without_name_fails, tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(store_intake_with_hostile_text_round_trips_succeeds, tsu_setup,
						tsu_teardown),
		cmocka_unit_test_setup_teardown(store_draft_saved_answer_by_answer_resumes_succeeds, tsu_setup,
						tsu_teardown),
		cmocka_unit_test_setup_teardown(store_draft_for_known_client_resumes_succeeds, tsu_setup,
						tsu_teardown),
		cmocka_unit_test_setup_teardown(store_draft_claimed_by_one_screen_refuses_another_fails,
						tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(
			store_draft_claim_of_an_ended_program_is_taken_over_succeeds, tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(store_resumable_drafts_with_age_and_tries_succeeds,
						tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(store_pin_throttle_survives_reopening_succeeds, tsu_setup,
						tsu_teardown),
		cmocka_unit_test_setup_teardown(store_visit_save_notes_succeeds, tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(store_audit_log_without_health_details_succeeds, tsu_setup,
						tsu_teardown),
		cmocka_unit_test_setup_teardown(store_backup_is_private_and_checked_succeeds, tsu_setup,
						tsu_teardown),
	};
	return cmocka_run_group_tests_name("store_visits", tests, tiu_install_shipped, tiu_free_shipped);
}
