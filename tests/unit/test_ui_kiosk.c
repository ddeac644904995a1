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

#include "mi/pin.h"
#include "mi/ui_app.h"

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
	assert_int_equal(mi_pin_hash("2468", &f->pin_hash, &err), MI_OK);
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

static void kiosk_identify_then_resume_continues_where_it_stopped_succeeds(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	type(k, L"Maya Ortiz");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, L"1988-03-14");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	assert_string_equal(mi_ui_kiosk_page(k), "intake");
	type(k, L"555-0142");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, L"maya@example.org");
	mi_ui_kiosk_free(k); /* the process dies while the e-mail is typed */

	k = new_kiosk(f);
	type(k, L"maya  ORTIZ");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, L"1988-03-14");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	char *text = screen_text(k);
	assert_non_null(strstr(text, "e-mail address"));
	free(text);
	key(k, mi_ui_key_of(MI_KEY_ESC)); /* back to the phone question: the answer is there */
	text = screen_text(k);
	assert_non_null(strstr(text, "555-0142"));
	free(text);
	mi_ui_kiosk_free(k);

	/* Someone else with the same name but another birth date starts afresh. */
	k = new_kiosk(f);
	type(k, L"Maya Ortiz");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, L"1990-01-01");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	text = screen_text(k);
	assert_non_null(strstr(text, "phone number"));
	assert_null(strstr(text, "555-0142"));
	free(text);
	mi_ui_kiosk_free(k);
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

static void kiosk_identify_with_bad_birth_date_keeps_name_fails(void **state)
{
	fixture *f = *state;
	mi_ui_kiosk *k = new_kiosk(f);
	type(k, L"Maya Ortiz");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	type(k, L"14.03.1988");
	key(k, mi_ui_key_of(MI_KEY_ENTER));
	assert_string_equal(mi_ui_kiosk_page(k), "welcome");
	char *text = screen_text(k);
	assert_non_null(strstr(text, "year-month-day, for example"));
	assert_non_null(strstr(text, "Maya Ortiz"));
	assert_non_null(strstr(text, "14.03.1988"));
	free(text);
	mi_ui_kiosk_free(k);
}

static void kiosk_right_pin_with_old_hash_is_rehashed_succeeds(void **state)
{
	fixture *f = *state;
	/* An Argon2id hash with weaker limits than today's, as an older
	 * version might have stored. */
	char old[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str(old, "2468", 4, crypto_pwhash_OPSLIMIT_MIN,
					   crypto_pwhash_MEMLIMIT_MIN),
			 0);
	assert_true(mi_pin_needs_rehash(old));
	free(f->pin_hash);
	f->pin_hash = strdup(old);
	mi_ui_kiosk *k = new_kiosk(f);
	key(k, mi_ui_key_of(MI_KEY_F12));
	type(k, L"2468");
	assert_int_equal(key(k, mi_ui_key_of(MI_KEY_ENTER)), MI_UI_QUIT);
	mi_ui_kiosk_free(k);
	char *stored = NULL;
	mi_error err;
	assert_int_equal(mi_store_setting_get(f->store, "kiosk_pin_hash", &stored, &err), MI_OK);
	assert_non_null(stored);
	assert_false(mi_pin_needs_rehash(stored));
	assert_true(mi_pin_verify(stored, "2468"));
	free(stored);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(kiosk_key_with_leaving_keys_stays_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_f12_with_wrong_pin_stays_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_f12_with_right_pin_quits_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(
			kiosk_identify_then_resume_continues_where_it_stopped_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_tick_after_idle_time_returns_to_welcome_succeeds,
						setup, teardown),
		cmocka_unit_test_setup_teardown(kiosk_identify_with_bad_birth_date_keeps_name_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(kiosk_right_pin_with_old_hash_is_rehashed_succeeds, setup,
						teardown),
	};
	return cmocka_run_group_tests_name("ui_kiosk", tests, NULL, NULL);
}
