/* test_ui_lock.c - the lock screen and the front desk's idle lock, fed keys
 * without a terminal: throttling, audit entries, nothing of a client shown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_settings.h"
#include "mi/pin.h"
#include "mi/store.h"
#include "mi/store_followup.h"
#include "mi/store_therapists.h"
#include "mi/ui_desk.h"
#include "mi/vocab.h"
#include "mi/ui_lock.h"
#include "ui_test_pin.h"
#include "temp_store.h"

static const mi_date today = {2026, 11, 23};

typedef struct fixture {
	temp_store t; /* the database and its folder */
	mi_ruleset *rules;
	char *pin_hash;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	temp_store_open(&f->t, "lock");
	mi_error err;
	assert_int_equal(mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &f->rules, &err), MI_OK);
	f->pin_hash = strdup(ui_test_pin_hash);
	assert_non_null(f->pin_hash);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	mi_ruleset_free(f->rules);
	free(f->pin_hash);
	temp_store_remove(&f->t);
	free(f);
	return 0;
}

/* Types digits and Enter into the lock; returns what Enter answered. */
static mi_ui_action enter_pin(mi_ui_lock *lock, const wchar_t *pin)
{
	for (; *pin; pin++)
		mi_ui_lock_key(lock, mi_ui_key_char(*pin));
	return mi_ui_lock_key(lock, mi_ui_key_of(MI_KEY_ENTER));
}

/* The lock drawn at 80x24, as text (caller frees). */
static char *lock_text(const mi_ui_lock *lock)
{
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	assert_non_null(c);
	mi_ui_lock_draw(lock, c);
	char *text = mi_ui_canvas_text(c);
	mi_ui_canvas_free(c);
	assert_non_null(text);
	return text;
}

/* The desk drawn at 80x24, as text (caller frees). */
static char *desk_text(mi_desk *desk)
{
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	assert_non_null(c);
	mi_desk_draw(desk, c);
	char *text = mi_ui_canvas_text(c);
	mi_ui_canvas_free(c);
	assert_non_null(text);
	return text;
}

/* How many audit entries have this action. */
static size_t audit_count(fixture *f, const char *action)
{
	mi_audit_list list = {0};
	mi_error err;
	assert_int_equal(mi_store_audit_list(f->t.store, 0, &list, &err), MI_OK);
	size_t n = 0;
	for (size_t i = 0; i < list.count; i++)
		if (strcmp(list.items[i].action, action) == 0) {
			assert_string_equal(list.items[i].table, "pin");
			n++;
		}
	mi_audit_list_clear(&list);
	return n;
}

static void mi_pin_lockout_seconds_with_failures_succeeds(void **state)
{
	(void)state;
	for (unsigned i = 0; i < MI_PIN_FREE_TRIES; i++)
		assert_int_equal(mi_pin_lockout_seconds(i), 0);
	assert_int_equal(mi_pin_lockout_seconds(5), 5);
	assert_int_equal(mi_pin_lockout_seconds(6), 10);
	assert_int_equal(mi_pin_lockout_seconds(7), 20);
	assert_int_equal(mi_pin_lockout_seconds(10), 160);
	assert_int_equal(mi_pin_lockout_seconds(11), 300);
	assert_int_equal(mi_pin_lockout_seconds(1000), 300);
	assert_int_equal(mi_pin_lockout_seconds(UINT_MAX), 300);
}

static void lock_with_five_wrong_pins_refuses_until_tick_passes_fails(void **state)
{
	fixture *f = *state;
	mi_ui_lock_config lc = {.pin_hash = f->pin_hash, .store = f->t.store};
	mi_ui_lock *lock = mi_ui_lock_new(&lc);
	assert_non_null(lock);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(enter_pin(lock, L"1357"), MI_UI_HANDLED);
		assert_false(mi_ui_lock_waiting(lock));
	}
	char *text = lock_text(lock);
	assert_non_null(strstr(text, "Wrong PIN."));
	assert_null(strstr(text, "1357"));
	free(text);
	assert_int_equal(enter_pin(lock, L"1357"), MI_UI_HANDLED);
	assert_true(mi_ui_lock_waiting(lock));
	text = lock_text(lock);
	assert_non_null(strstr(text, "try again in 5 s"));
	free(text);

	/* The right PIN is not even looked at during the wait. */
	assert_int_equal(enter_pin(lock, L"2468"), MI_UI_HANDLED);
	assert_true(mi_ui_lock_waiting(lock));
	double now = mi_ui_now();
	assert_int_equal(mi_ui_lock_tick(lock, now + 2), MI_UI_HANDLED);
	assert_true(mi_ui_lock_waiting(lock));
	assert_int_equal(enter_pin(lock, L"2468"), MI_UI_HANDLED);
	/* A tick well after the wait: the lock's clock stays ahead of the real
	 * one while the next PIN is checked, however slowly (valgrind, a
	 * loaded machine). */
	assert_int_equal(mi_ui_lock_tick(lock, now + 60), MI_UI_HANDLED);
	assert_false(mi_ui_lock_waiting(lock));

	/* A sixth wrong PIN waits twice as long. */
	assert_int_equal(enter_pin(lock, L"1111"), MI_UI_HANDLED);
	text = lock_text(lock);
	assert_non_null(strstr(text, "try again in 10 s"));
	free(text);
	/* The lock's clock is now the last tick (now + 60): the wait ends 10 s on. */
	assert_int_equal(mi_ui_lock_tick(lock, now + 69), MI_UI_HANDLED);
	assert_true(mi_ui_lock_waiting(lock));
	assert_int_equal(mi_ui_lock_tick(lock, now + 70), MI_UI_HANDLED);
	assert_int_equal(enter_pin(lock, L"2468"), MI_UI_DONE);
	assert_int_equal(mi_ui_lock_failures(lock), 0);
	assert_int_equal(audit_count(f, "unlock failed"), 6);
	assert_int_equal(audit_count(f, "unlock"), 1);
	mi_ui_lock_free(lock);
}

static void lock_after_a_restart_keeps_the_wait_fails(void **state)
{
	fixture *f = *state;
	mi_ui_lock_config lc = {.pin_hash = f->pin_hash, .store = f->t.store};
	mi_ui_lock *lock = mi_ui_lock_new(&lc);
	assert_non_null(lock);
	for (int i = 0; i < MI_PIN_FREE_TRIES; i++)
		enter_pin(lock, L"1357");
	assert_true(mi_ui_lock_waiting(lock));
	mi_ui_lock_free(lock);

	/* The program is started again: another handle on the same file. */
	mi_store *again = NULL;
	mi_error err;
	assert_int_equal(mi_store_open(f->t.db, 0, &again, &err), MI_OK);
	lc.store = again;
	lock = mi_ui_lock_new(&lc);
	assert_non_null(lock);
	assert_true(mi_ui_lock_waiting(lock));
	assert_int_equal(mi_ui_lock_failures(lock), MI_PIN_FREE_TRIES);
	assert_int_equal(enter_pin(lock, L"2468"), MI_UI_HANDLED); /* not even looked at */
	char *text = lock_text(lock);
	assert_non_null(strstr(text, "Too many wrong PINs: try again in"));
	free(text);
	/* Once the wait is over, the next wrong PIN waits longer still. */
	assert_int_equal(mi_ui_lock_tick(lock, mi_ui_now() + MI_PIN_FIRST_WAIT + 1), MI_UI_HANDLED);
	assert_false(mi_ui_lock_waiting(lock));
	enter_pin(lock, L"1357");
	text = lock_text(lock);
	assert_non_null(strstr(text, "try again in 10 s"));
	free(text);
	mi_ui_lock_free(lock);
	mi_store_close(again);
}

static void lock_with_right_pin_returns_done_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_lock_config lc = {.pin_hash = f->pin_hash, .can_cancel = true};
	mi_ui_lock *lock = mi_ui_lock_new(&lc);
	assert_non_null(lock);
	assert_int_equal(mi_ui_lock_key(lock, mi_ui_key_char(L'x')), MI_UI_IGNORED);
	assert_int_equal(enter_pin(lock, L"2468"), MI_UI_DONE);
	assert_int_equal(mi_ui_lock_key(lock, mi_ui_key_of(MI_KEY_ESC)), MI_UI_CANCEL);
	mi_ui_lock_free(lock);
}

/* Types digits then Enter into the desk. */
static void desk_enter(mi_desk *desk, const wchar_t *digits)
{
	for (; *digits; digits++)
		mi_desk_key(desk, mi_ui_key_char(*digits));
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
}

/* A desk over Maya Ortiz's stored intake, locking after 300 s, on her
 * page (with a PIN hash). */
static mi_desk *desk_with_maya(fixture *f, const char *pin_hash)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/examples/01-proceed-chronic-tightness.json",
		 getenv("MI_SOURCE_DIR"));
	mi_answers *a = NULL;
	mi_screening s;
	mi_error err;
	long long visit = 0, client = 0;
	assert_int_equal(mi_answers_read_file(path, &a, &err), MI_OK);
	assert_int_equal(mi_screen(f->rules, a, today, &s, &err), MI_OK);
	assert_int_equal(mi_store_intake(f->t.store, a, &s, mi_ruleset_version(f->rules),
					 MI_SOURCE_CLI, today, &visit, &client, &err),
			 MI_OK);
	mi_screening_clear(&s);
	mi_answers_free(a);
	mi_desk_config config = {.store = f->t.store, .rules = f->rules, .clock = mi_clock_fixed(&today),
				 .lock_seconds = 300};
	if (pin_hash)
		assert_int_equal(mi_store_account_add(f->t.store, "Anna", MI_ROLE_THERAPIST, pin_hash, NULL,
						      &err),
				 MI_OK);
	mi_desk *desk = mi_desk_new(&config, &err);
	assert_non_null(desk);
	if (pin_hash) { /* else the PIN is asked for first */
		assert_true(mi_desk_locked(desk)); /* the sign-in comes first */
		desk_enter(desk, L"2468");
		assert_false(mi_desk_locked(desk));
		mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
		assert_int_equal(mi_desk_current_page(desk), MI_DESK_CLIENT);
	}
	return desk;
}

/* A lock timeout changed with `settings` while the desk runs takes effect
 * without a restart. */
static void desk_lock_timeout_changed_while_running_takes_effect_succeeds(void **state)
{
	fixture *f = *state;
	mi_desk *desk = desk_with_maya(f, f->pin_hash);
	mi_error err;
	assert_int_equal(mi_app_setting_set(f->t.store, mi_setting_def_of(MI_SETTING_LOCK_TIMEOUT), "20",
					    &err),
			 MI_OK);
	mi_desk_tick(desk, 1000);
	mi_desk_tick(desk, 1019);
	assert_false(mi_desk_locked(desk));
	mi_desk_tick(desk, 1021);
	assert_true(mi_desk_locked(desk));
	mi_desk_free(desk);
}

static void desk_idle_lock_hides_client_and_pin_returns_succeeds(void **state)
{
	fixture *f = *state;
	mi_desk *desk = desk_with_maya(f, f->pin_hash);
	char *text = desk_text(desk);
	assert_non_null(strstr(text, "Maya Ortiz"));
	free(text);
	assert_int_equal(mi_desk_tick(desk, 1000), MI_UI_IGNORED);
	assert_int_equal(mi_desk_tick(desk, 1299), MI_UI_IGNORED);
	assert_false(mi_desk_locked(desk));
	assert_int_equal(mi_desk_tick(desk, 1300), MI_UI_HANDLED);
	assert_true(mi_desk_locked(desk));
	text = desk_text(desk);
	assert_null(strstr(text, "Maya"));
	assert_null(strstr(text, "Ortiz"));
	assert_null(strstr(text, "PROCEED"));
	assert_non_null(strstr(text, "Locked — Anna, type your PIN to go on"));
	free(text);

	/* Keys of the page under the lock do nothing to it. */
	assert_int_equal(mi_desk_key(desk, mi_ui_key_char(L'q')), MI_UI_HANDLED);
	assert_int_equal(mi_desk_key(desk, mi_ui_key_of(MI_KEY_ESC)), MI_UI_HANDLED);
	for (const wchar_t *p = L"1357"; *p; p++)
		mi_desk_key(desk, mi_ui_key_char(*p));
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	assert_true(mi_desk_locked(desk));
	text = desk_text(desk);
	assert_non_null(strstr(text, "Wrong PIN."));
	free(text);
	for (const wchar_t *p = L"2468"; *p; p++)
		mi_desk_key(desk, mi_ui_key_char(*p));
	assert_int_equal(mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER)), MI_UI_HANDLED);
	assert_false(mi_desk_locked(desk));
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_CLIENT);
	text = desk_text(desk);
	assert_non_null(strstr(text, "Maya Ortiz"));
	free(text);

	/* The next idle time counts from the unlock. */
	assert_int_equal(mi_desk_tick(desk, 1400), MI_UI_IGNORED);
	assert_int_equal(mi_desk_tick(desk, 1650), MI_UI_IGNORED);
	assert_false(mi_desk_locked(desk));
	mi_desk_free(desk);
}

static void desk_without_pin_asks_for_one_then_locks_succeeds(void **state)
{
	fixture *f = *state;
	/* Esc on the PIN screen leaves without showing anything. */
	mi_desk *desk = desk_with_maya(f, NULL);
	assert_int_equal(mi_desk_key(desk, mi_ui_key_of(MI_KEY_ESC)), MI_UI_QUIT);
	mi_desk_free(desk);

	desk = desk_with_maya(f, NULL);
	/* Nothing of a client shows until a PIN is set. */
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_MAIN);
	char *text = desk_text(desk);
	assert_non_null(strstr(text, "No therapist PIN is set yet."));
	assert_null(strstr(text, "Maya"));
	free(text);
	desk_enter(desk, L"1357");
	desk_enter(desk, L"1358");
	text = desk_text(desk);
	assert_non_null(strstr(text, "The two PINs differ"));
	assert_null(strstr(text, "1357"));
	free(text);
	desk_enter(desk, L"12");
	desk_enter(desk, L"12");
	text = desk_text(desk);
	assert_non_null(strstr(text, "A PIN is 4 to 12 digits"));
	free(text);
	desk_enter(desk, L"1357");
	desk_enter(desk, L"1357");
	text = desk_text(desk);
	assert_non_null(strstr(text, "Maya Ortiz"));
	assert_non_null(strstr(text, "The PIN is set"));
	free(text);
	mi_account owner = {0};
	mi_error err;
	assert_int_equal(mi_store_account_get(f->t.store, "owner", &owner, &err), MI_OK);
	assert_true(owner.owner);
	assert_true(mi_pin_verify(owner.pin_hash, "1357"));
	mi_account_clear(&owner);
	assert_string_equal(mi_desk_who(desk)->name, "owner");

	/* Now it locks when idle, and the new PIN unlocks it. */
	mi_desk_tick(desk, 1000);
	assert_int_equal(mi_desk_tick(desk, 1300), MI_UI_HANDLED);
	assert_true(mi_desk_locked(desk));
	desk_enter(desk, L"1357");
	assert_false(mi_desk_locked(desk));
	mi_desk_free(desk);
}

/* True when the audit log has an entry by who with action. */
static bool audited(fixture *f, const char *who, const char *action)
{
	mi_audit_list log = {0};
	mi_error err;
	assert_int_equal(mi_store_audit_list(f->t.store, 0, &log, &err), MI_OK);
	bool found = false;
	for (size_t i = 0; i < log.count && !found; i++)
		found = strcmp(log.items[i].who, who) == 0 && strcmp(log.items[i].action, action) == 0;
	mi_audit_list_clear(&log);
	return found;
}

static void desk_another_person_signs_in_at_the_lock_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	assert_int_equal(mi_store_account_add(f->t.store, "Ben", MI_ROLE_FRONT_DESK, f->pin_hash, NULL,
					      &err),
			 MI_OK);
	mi_desk *desk = desk_with_maya(f, f->pin_hash); /* Anna, first in the list, signs in */
	assert_string_equal(mi_desk_who(desk)->name, "Anna");
	assert_true(audited(f, "Anna", "unlock"));
	assert_true(audited(f, "Anna", "history"));
	mi_desk_tick(desk, 1000);
	assert_int_equal(mi_desk_tick(desk, 1300), MI_UI_HANDLED);
	assert_true(mi_desk_locked(desk));
	/* Ben picks his own name and signs in instead: the main page. */
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_DOWN));
	char *text = desk_text(desk);
	assert_non_null(strstr(text, "Sign in — pick your name"));
	assert_null(strstr(text, "Maya"));
	free(text);
	desk_enter(desk, L"2468");
	assert_false(mi_desk_locked(desk));
	assert_string_equal(mi_desk_who(desk)->name, "Ben");
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_MAIN);
	assert_true(audited(f, "Ben", "unlock"));
	/* Front desk: the visit page shows, its session notes cannot change. */
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_VISIT);
	assert_true(audited(f, "Ben", "view"));
	mi_desk_key(desk, mi_ui_key_char(L's'));
	assert_non_null(strstr(mi_desk_status(desk), "written by a therapist"));
	assert_false(mi_desk_unsaved(desk));
	mi_desk_free(desk);
}

static void desk_plan_on_visit_page_and_due_list_succeeds(void **state)
{
	fixture *f = *state;
	mi_desk *desk = desk_with_maya(f, f->pin_hash); /* Anna, a therapist, on Maya's page */
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_VISIT);
	long long visit = mi_desk_visit_id(desk);
	mi_desk_key(desk, mi_ui_key_char(L'f'));
	assert_non_null(strstr(mi_desk_status(desk), "Follow-up plan saved: reassess 48-72 hours after the session."));
	mi_plan plan;
	mi_error err;
	assert_int_equal(mi_store_visit_plan(f->t.store, visit, &plan, &err), MI_OK);
	assert_int_equal(plan.kind, MI_PLAN_REASSESS);
	assert_true(audited(f, "Anna", "plan"));
	/* f goes on through the plans intake.conf offers, in its order. */
	mi_desk_key(desk, mi_ui_key_char(L'f'));
	assert_non_null(strstr(mi_desk_status(desk), "a series of 3 sessions, one a week."));
	assert_int_equal(mi_store_visit_plan(f->t.store, visit, &plan, &err), MI_OK);
	assert_int_equal(plan.kind, MI_PLAN_SERIES);
	assert_int_equal(plan.sessions, 3);
	assert_int_equal(plan.days, 7);
	for (size_t i = 0; i < mi_vocab_count(MI_VOCAB_PLAN); i++)
		mi_desk_key(desk, mi_ui_key_char(L'f'));
	assert_non_null(strstr(mi_desk_status(desk), "Follow-up plan saved: reassess 48-72"));
	/* The main page counts her, d lists her: reassess two days after today. */
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ESC));
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ESC));
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_MAIN);
	char *text = desk_text(desk);
	assert_non_null(strstr(text, "1 due for a follow-up (d)"));
	free(text);
	mi_desk_key(desk, mi_ui_key_char(L'd'));
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_DUE);
	text = desk_text(desk);
	assert_non_null(strstr(text, "2026-11-25"));
	assert_non_null(strstr(text, "Maya Ortiz"));
	assert_non_null(strstr(text, "reassess (48-72 h after the session)"));
	free(text);
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_CLIENT);
	mi_desk_free(desk);

	/* Front desk cannot set a plan. */
	assert_int_equal(mi_store_account_add(f->t.store, "Ben", MI_ROLE_FRONT_DESK, f->pin_hash, NULL,
					      &err),
			 MI_OK);
	mi_desk_config config = {.store = f->t.store, .rules = f->rules, .clock = mi_clock_fixed(&today),
				 .lock_seconds = 300};
	desk = mi_desk_new(&config, &err);
	assert_non_null(desk);
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_DOWN)); /* Ben */
	desk_enter(desk, L"2468");
	assert_string_equal(mi_desk_who(desk)->name, "Ben");
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	assert_int_equal(mi_desk_current_page(desk), MI_DESK_VISIT);
	mi_desk_key(desk, mi_ui_key_char(L'f'));
	assert_non_null(strstr(mi_desk_status(desk), "written by a therapist"));
	assert_int_equal(mi_store_visit_plan(f->t.store, visit, &plan, &err), MI_OK);
	assert_int_equal(plan.kind, MI_PLAN_REASSESS);
	mi_desk_free(desk);
}

int main(void)
{
	mi_pin_use_cost(MI_PIN_COST_LEAST); /* ui_test_pin.h */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mi_pin_lockout_seconds_with_failures_succeeds),
		cmocka_unit_test_setup_teardown(lock_with_five_wrong_pins_refuses_until_tick_passes_fails,
						setup, teardown),
		cmocka_unit_test_setup_teardown(lock_after_a_restart_keeps_the_wait_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(lock_with_right_pin_returns_done_succeeds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(desk_idle_lock_hides_client_and_pin_returns_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(desk_lock_timeout_changed_while_running_takes_effect_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(desk_without_pin_asks_for_one_then_locks_succeeds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(desk_another_person_signs_in_at_the_lock_succeeds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(desk_plan_on_visit_page_and_due_list_succeeds, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
