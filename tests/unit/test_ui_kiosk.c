/* test_ui_kiosk.c - the kiosk's keys, PIN, idle timeout and resuming, without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>
#include <wchar.h>

#include "test_intake_util.h"
#include "mi/app_settings.h"
#include "mi/pin.h"
#include "mi/resume.h"
#include "mi/store_therapists.h"
#include "mi/ui_app.h"
#include "ui_test_pin.h"

static const mi_date today = {2026, 11, 23};

typedef struct fixture {
	char dir[64];
	char db[128];
	mi_store *store;
	char *pin_hash;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/mi-kiosk-test.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	mi_error err;
	assert_int_equal(mi_store_open(f->db, MI_STORE_CREATE, &f->store, &err), MI_OK);
	f->pin_hash = strdup(ui_test_pin_hash);
	assert_non_null(f->pin_hash);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char path[256];
	mi_store_close(f->store);
	const char *suffixes[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s%s", f->db, suffixes[i]);
		unlink(path);
	}
	rmdir(f->dir);
	free(f->pin_hash);
	free(f);
	return 0;
}

static mi_ui_kiosk *new_kiosk(fixture *f)
{
	mi_ui_kiosk_config config = {
		.store = f->store, .clock = mi_clock_fixed(&today), .pin_hash = f->pin_hash, .idle_seconds = 180};
	mi_ui_kiosk *k = mi_ui_kiosk_new(&config);
	assert_non_null(k);
	return k;
}

static mi_ui_action key(mi_ui_kiosk *k, mi_ui_key key)
{
	mi_ui_screen s = mi_ui_kiosk_screen(k);
	return s.ops->key(s.self, key);
}

static void type(mi_ui_kiosk *k, const wchar_t *text)
{
	for (; *text; text++)
		key(k, mi_ui_key_char(*text));
}

/* The screen as text. Caller frees. */
static char *screen_text(mi_ui_kiosk *k)
{
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_screen s = mi_ui_kiosk_screen(k);
	s.ops->draw(s.self, c);
	char *text = mi_ui_canvas_text(c);
	mi_ui_canvas_free(c);
	return text;
}

static void kiosk_key_with_leaving_keys_stays_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	mi_ui_key keys[] = {
		{MI_KEY_CTRL, L'c'}, {MI_KEY_CTRL, L'z'}, {MI_KEY_CTRL, L'\\'},
		{MI_KEY_ESC, 0},     {MI_KEY_CHAR, L'q'}, {MI_KEY_CTRL, L'd'},
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		assert_int_not_equal(key(k, keys[i]), MI_UI_QUIT);
		assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	}
	mi_ui_kiosk_free(k);
}

static void kiosk_f12_with_wrong_pin_stays_fails(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	key(k, mi_ui_key_of(MI_KEY_F12));
	assert_string_equal(mi_ui_kiosk_page(k), "pin");
	type(k, L"1357");
	assert_int_equal(key(k, mi_ui_key_of(MI_KEY_ENTER)), MI_UI_HANDLED);
	assert_string_equal(mi_ui_kiosk_page(k), "pin");
	char *text = screen_text(k);
	assert_non_null(strstr(text, "Wrong PIN."));
	assert_null(strstr(text, "1357"));
	free(text);
	key(k, mi_ui_key_of(MI_KEY_ESC));
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	mi_ui_kiosk_free(k);
}

static void kiosk_f12_with_right_pin_quits_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	key(k, mi_ui_key_of(MI_KEY_F12));
	type(k, L"2468");
	assert_int_equal(key(k, mi_ui_key_of(MI_KEY_ENTER)), MI_UI_QUIT);
	mi_ui_kiosk_free(k);
}

/* True when the kiosk's screen shows want. */
static bool screen_has(mi_ui_kiosk *k, const char *want)
{
	char *text = screen_text(k);
	bool has = strstr(text, want) != NULL;
	free(text);
	return has;
}

/* Types name, Enter, birth date, then (when code is not NULL) Tab and the
 * code, then Enter, and Y when the birth date is shown back in words. */
static void identify(mi_ui_kiosk *k, const wchar_t *name, const wchar_t *birth,
		     const wchar_t *code)
{
	type(k, name);
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, birth);
	if (code) {
		key(k, mi_ui_key_of(MI_KEY_TAB));
		type(k, code);
	}
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	if (screen_has(k, "is that right?"))
		key(k, mi_ui_key_char(L'y'));
}

/* The birth date is typed as people write it and shown back in words; the
 * intake starts only after Y, and N goes back to the field. */
static void kiosk_birth_date_in_words_is_confirmed_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	type(k, L"Maya Ortiz");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, L"14/03/1988");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	assert_true(screen_has(k, "14 March 1988: is that right?"));
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	key(k, mi_ui_key_char(L'n'));
	assert_true(screen_has(k, "Please change the date of birth"));
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	for (int i = 0; i < 10; i++)
		key(k, mi_ui_key_of(MI_KEY_BACKSPACE));
	type(k, L"03/04/1988"); /* day and month either way: asked */
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	assert_true(screen_has(k, "Did you mean 1: 3 April 1988, or 2: 4 March 1988?"));
	key(k, mi_ui_key_char(L'y')); /* not a choice */
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	key(k, mi_ui_key_char(L'2'));
	assert_string_equal(mi_ui_kiosk_page(k), "code");
	mi_ui_kiosk_free(k);
}

/* The resume code on the code page, as wide characters in code. */
static void read_code(mi_ui_kiosk *k, wchar_t code[8])
{
	assert_string_equal(mi_ui_kiosk_page(k), "code");
	char *text = screen_text(k);
	char *line = strstr(text, "continue later");
	assert_non_null(line);
	int a, b;
	line = strchr(line, '\n');
	while (line && sscanf(line, " %3d %3d", &a, &b) != 2)
		line = strchr(line + 1, '\n');
	assert_non_null(line);
	swprintf(code, 8, L"%03d%03d", a, b);
	free(text);
}

/* Maya Ortiz starts an intake at a kiosk, answers the phone question and
 * the kiosk dies; the code she was shown goes into code. */
static void maya_starts(fixture *f, wchar_t code[8])
{
	mi_ui_kiosk *k = new_kiosk(f);
	identify(k, L"Maya Ortiz", L"1988-03-14", NULL);
	read_code(k, code);
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	assert_string_equal(mi_ui_kiosk_page(k), "intake");
	type(k, L"555-0142");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	mi_ui_kiosk_free(k);
}

/* A code that is surely not code: its first digit changed. */
static void other_code(const wchar_t code[8], wchar_t wrong[8])
{
	wcscpy(wrong, code);
	wrong[0] = wrong[0] == L'9' ? L'0' : (wchar_t)(wrong[0] + 1);
}

/* How many audit entries have this action. */
static long long audit_count(fixture *f, const char *action)
{
	mi_audit_list list = {0};
	mi_error err;
	assert_int_equal(mi_store_audit_list(f->store, 0, &list, &err), MI_OK);
	long long n = 0;
	for (size_t i = 0; i < list.count; i++)
		n += strcmp(list.items[i].action, action) == 0;
	mi_audit_list_clear(&list);
	return n;
}

static void kiosk_resume_with_the_code_continues_where_it_stopped_succeeds(void **state)
{
	fixture *f = *state;
	wchar_t code[8];
	maya_starts(f, code);
	mi_ui_kiosk *k = new_kiosk(f);
	identify(k, L"maya  ORTIZ", L"1988-03-14", code);
	assert_string_equal(mi_ui_kiosk_page(k), "intake");
	char *text = screen_text(k);
	assert_non_null(strstr(text, "e-mail address"));
	assert_non_null(strstr(text, "Welcome back"));
	free(text);
	key(k, mi_ui_key_of(MI_KEY_ESC)); /* back to the phone question: the answer is there */
	text = screen_text(k);
	assert_non_null(strstr(text, "555-0142"));
	free(text);
	assert_int_equal(audit_count(f, "resume"), 1);
	mi_ui_kiosk_free(k);
}

static void kiosk_name_and_birth_date_alone_never_show_a_draft_fails(void **state)
{
	fixture *f = *state;
	wchar_t code[8], wrong[8];
	maya_starts(f, code);
	other_code(code, wrong);

	/* Someone who knows Maya's name and birth date gets a fresh intake. */
	mi_ui_kiosk *k = new_kiosk(f);
	identify(k, L"Maya Ortiz", L"1988-03-14", NULL);
	assert_string_equal(mi_ui_kiosk_page(k), "code");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	char *text = screen_text(k);
	assert_non_null(strstr(text, "phone number"));
	assert_null(strstr(text, "555-0142"));
	free(text);
	key(k, mi_ui_key_of(MI_KEY_ESC)); /* nothing before the first question either */
	text = screen_text(k);
	assert_null(strstr(text, "555-0142"));
	free(text);
	mi_ui_kiosk_free(k);

	/* A guessed code: the same words whether or not a draft exists. */
	k = new_kiosk(f);
	identify(k, L"Maya Ortiz", L"1988-03-14", wrong);
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	char *with_draft = screen_text(k);
	mi_ui_kiosk_free(k);
	k = new_kiosk(f);
	identify(k, L"Nobody Here", L"1988-03-14", wrong);
	char *without = screen_text(k);
	assert_non_null(strstr(with_draft, "That code does not open an intake here."));
	assert_non_null(strstr(without, "That code does not open an intake here."));
	assert_null(strstr(with_draft, "555-0142"));
	free(with_draft);
	free(without);
	/* One entry for each of Maya's two drafts the guess counted against, one
	 * for the guess that matched nobody. */
	assert_int_equal(audit_count(f, "resume failed"), 3);
	mi_ui_kiosk_free(k);
}

static void kiosk_resume_after_too_many_wrong_codes_fails(void **state)
{
	fixture *f = *state;
	wchar_t code[8], wrong[8];
	maya_starts(f, code);
	other_code(code, wrong);
	mi_ui_kiosk *k;
	for (int i = 0; i < MI_RESUME_MAX_TRIES; i++) {
		k = new_kiosk(f);
		identify(k, L"Maya Ortiz", L"1988-03-14", wrong);
		assert_string_equal(mi_ui_kiosk_page(k), "welcome");
		mi_ui_kiosk_free(k);
	}
	k = new_kiosk(f);
	identify(k, L"Maya Ortiz", L"1988-03-14", code);
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	char *text = screen_text(k);
	assert_non_null(strstr(text, "That code does not open an intake here."));
	free(text);
	mi_ui_kiosk_free(k);
	/* The desk still has it. */
	mi_visit_list waiting = {0};
	mi_error err;
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 1);
	mi_visit_list_clear(&waiting);
}

static void kiosk_resume_after_the_resume_hours_fails(void **state)
{
	fixture *f = *state;
	wchar_t code[8];
	maya_starts(f, code);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE visits SET created = strftime('%Y-%m-%dT%H:%M:%SZ',"
					  " 'now', '-25 hours')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	mi_ui_kiosk *k = new_kiosk(f); /* resume_hours 24 */
	identify(k, L"Maya Ortiz", L"1988-03-14", code);
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	mi_ui_kiosk_free(k);
}

static void kiosk_two_screens_never_write_one_draft_fails(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *a = new_kiosk(f);
	identify(a, L"Maya Ortiz", L"1988-03-14", NULL);
	wchar_t code[8];
	read_code(a, code);
	key(a, mi_ui_key_of(MI_KEY_ENTER));

	/* A second kiosk (its own connection, as a second program) with the
	 * right code while the first still has the intake open. */
	mi_store *other = NULL;
	mi_error err;
	assert_int_equal(mi_store_open(f->db, 0, &other, &err), MI_OK);
	mi_ui_kiosk_config config = {.store = other, .clock = mi_clock_fixed(&today),
				     .pin_hash = f->pin_hash};
	mi_ui_kiosk *b = mi_ui_kiosk_new(&config);
	assert_non_null(b);
	identify(b, L"Maya Ortiz", L"1988-03-14", code);
	assert_string_equal(mi_ui_kiosk_page(b), "welcome");
	char *text = screen_text(b);
	if (!strstr(text, "cannot be opened here right now"))
		fail_msg("the second kiosk says:\n%s", text);
	free(text);

	/* The first kiosk goes idle and lets go: now the second may resume. */
	mi_ui_screen s = mi_ui_kiosk_screen(a);
	s.ops->tick(s.self, 1000.0);
	s.ops->tick(s.self, 1000.0 + 181);
	assert_string_equal(mi_ui_kiosk_page(a), "welcome");
	mi_ui_kiosk_free(b);
	b = mi_ui_kiosk_new(&config);
	identify(b, L"Maya Ortiz", L"1988-03-14", code);
	assert_string_equal(mi_ui_kiosk_page(b), "intake");
	mi_ui_kiosk_free(b);
	mi_ui_kiosk_free(a);
	mi_store_close(other);
}

static void kiosk_tick_after_idle_time_returns_to_welcome_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	mi_ui_screen s = mi_ui_kiosk_screen(k);
	type(k, L"Maya");
	s.ops->tick(s.self, 1000.0);
	assert_int_equal(s.ops->tick(s.self, 1100.0), MI_UI_IGNORED);
	assert_int_equal(s.ops->tick(s.self, 1181.0), MI_UI_HANDLED);
	char *text = screen_text(k);
	assert_null(strstr(text, "Maya"));
	free(text);
	mi_ui_kiosk_free(k);
}

static void kiosk_tick_before_idle_clear_warns_with_countdown_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	mi_ui_screen s = mi_ui_kiosk_screen(k);
	type(k, L"Maya");
	s.ops->tick(s.self, 1000.0);
	s.ops->tick(s.self, 1100.0);
	char *text = screen_text(k);
	assert_null(strstr(text, "still there"));
	free(text);
	/* 30 s before the clear (idle 180 s), a countdown. */
	assert_int_equal(s.ops->tick(s.self, 1155.0), MI_UI_HANDLED);
	text = screen_text(k);
	assert_non_null(strstr(text, "Are you still there?"));
	assert_non_null(strstr(text, "starts afresh in 25 seconds"));
	free(text);
	s.ops->tick(s.self, 1170.5);
	text = screen_text(k);
	assert_non_null(strstr(text, "starts afresh in 10 seconds"));
	free(text);
	/* Any key stops it, and does nothing else. */
	type(k, L"x");
	s.ops->tick(s.self, 1171.0);
	text = screen_text(k);
	assert_null(strstr(text, "still there"));
	assert_non_null(strstr(text, "Maya"));
	assert_null(strstr(text, "Mayax"));
	free(text);
	/* The wait starts again from that key. */
	assert_int_equal(s.ops->tick(s.self, 1300.0), MI_UI_IGNORED);
	s.ops->tick(s.self, 1340.0);
	text = screen_text(k);
	assert_non_null(strstr(text, "starts afresh in 11 seconds"));
	free(text);
	s.ops->tick(s.self, 1352.0);
	text = screen_text(k);
	assert_null(strstr(text, "Maya"));
	assert_null(strstr(text, "still there"));
	free(text);
	mi_ui_kiosk_free(k);
}

/* An idle timeout changed with `settings` while the kiosk runs takes
 * effect without a restart. */
static void kiosk_idle_timeout_changed_while_running_takes_effect_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f); /* 180 s */
	mi_ui_screen s = mi_ui_kiosk_screen(k);
	mi_error err;
	assert_int_equal(mi_app_setting_set(f->store, mi_setting_def_of(MI_SETTING_IDLE_TIMEOUT), "20",
					    &err),
			 MI_OK);
	type(k, L"Maya");
	s.ops->tick(s.self, 1000.0);
	s.ops->tick(s.self, 1010.0);
	char *text = screen_text(k);
	assert_non_null(strstr(text, "Maya"));
	free(text);
	s.ops->tick(s.self, 1021.0);
	text = screen_text(k);
	assert_null(strstr(text, "Maya"));
	free(text);
	mi_ui_kiosk_free(k);
}

static void kiosk_identify_with_bad_birth_date_keeps_name_fails(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	type(k, L"Maya Ortiz");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, L"14 Smarch 1988");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	char *text = screen_text(k);
	assert_non_null(strstr(text, "like this: 14 March 1988"));
	assert_non_null(strstr(text, "Maya Ortiz"));
	assert_non_null(strstr(text, "14 Smarch 1988"));
	free(text);
	mi_ui_kiosk_free(k);
}

static void kiosk_right_pin_with_old_hash_is_rehashed_succeeds(void **state)
{
	fixture *f = *state;
	/* The program's own cost, and a hash with weaker limits, as an older
	 * version might have stored. */
	mi_pin_use_cost(MI_PIN_COST_INTERACTIVE);
	char old[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str(old, "2468", 4, crypto_pwhash_OPSLIMIT_MIN,
					   crypto_pwhash_MEMLIMIT_MIN),
			 0);
	assert_true(mi_pin_needs_rehash(old));
	mi_error err;
	assert_int_equal(mi_store_account_add(f->store, "Anna", MI_ROLE_THERAPIST, old, NULL, &err),
			 MI_OK);
	/* No hash of its own: the kiosk takes any active therapist's PIN. */
	free(f->pin_hash);
	f->pin_hash = NULL;
	mi_ui_kiosk *k = new_kiosk(f);
	key(k, mi_ui_key_of(MI_KEY_F12));
	type(k, L"2468");
	assert_int_equal(key(k, mi_ui_key_of(MI_KEY_ENTER)), MI_UI_QUIT);
	mi_ui_kiosk_free(k);
	mi_account anna = {0};
	assert_int_equal(mi_store_account_get(f->store, "Anna", &anna, &err), MI_OK);
	assert_false(mi_pin_needs_rehash(anna.pin_hash));
	assert_true(mi_pin_verify(anna.pin_hash, "2468"));
	assert_non_null(strstr(anna.pin_hash, "$m=65536,t=2,p=1$"));
	mi_account_clear(&anna);
	mi_pin_use_cost(MI_PIN_COST_LEAST);
}

int main(void)
{
	mi_pin_use_cost(MI_PIN_COST_LEAST); /* ui_test_pin.h */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(kiosk_key_with_leaving_keys_stays_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_f12_with_wrong_pin_stays_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_birth_date_in_words_is_confirmed_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_f12_with_right_pin_quits_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(
			kiosk_resume_with_the_code_continues_where_it_stopped_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_name_and_birth_date_alone_never_show_a_draft_fails,
						setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_resume_after_too_many_wrong_codes_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(kiosk_resume_after_the_resume_hours_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(kiosk_two_screens_never_write_one_draft_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(kiosk_tick_before_idle_clear_warns_with_countdown_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_idle_timeout_changed_while_running_takes_effect_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_tick_after_idle_time_returns_to_welcome_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_identify_with_bad_birth_date_keeps_name_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(kiosk_right_pin_with_old_hash_is_rehashed_succeeds, setup,
						teardown),
	};
	return cmocka_run_group_tests_name("ui_kiosk", tests, tiu_install_shipped, tiu_free_shipped);
}
