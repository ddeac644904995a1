/* test_settings.c - the table of settings: checks, defaults, values read
 * back from the database, and stored values that do not fit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_settings.h"

static void setting_check_with_idle_timeout_under_ten_fails(void **state)
{
	(void)state;
	const mi_setting_def *idle = mi_setting_find("idle_timeout_seconds");
	assert_non_null(idle);
	mi_error err;
	const char *refused[] = {"0", "5", "9", "-10", "+10", " 10", "10s", "3601", "", "1e2",
				 "99999999999999999999"};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		assert_int_equal(mi_setting_check(idle, refused[i], &err), MI_EDATA);
		assert_non_null(strstr(err.message, "idle_timeout_seconds must be a whole number of "
						    "seconds from 10 to 3600"));
	}
	assert_int_equal(mi_setting_check(idle, "10", &err), MI_OK);
	assert_int_equal(mi_setting_check(idle, "3600", &err), MI_OK);
}

static void setting_check_with_each_type_succeeds(void **state)
{
	(void)state;
	mi_error err;
	const mi_setting_def *paper = mi_setting_def_of(MI_SETTING_PAPER);
	assert_int_equal(mi_setting_check(paper, "letter", &err), MI_OK);
	assert_int_equal(mi_setting_check(paper, "legal", &err), MI_EDATA);
	assert_string_equal(err.message, "paper must be a4 or letter, not \"legal\".");
	const mi_setting_def *clinic = mi_setting_find("clinic_name");
	assert_int_equal(mi_setting_check(clinic, "Harbour Street", &err), MI_OK);
	assert_int_equal(mi_setting_check(clinic, "", &err), MI_EDATA);
	assert_int_equal(mi_setting_check(clinic, "Evil\x1b]2;x\a", &err), MI_EDATA);
	assert_null(strstr(err.message, "Evil")); /* free text is never quoted back */
	const mi_setting_def *phone = mi_setting_find("clinic_phone");
	assert_non_null(phone);
	const char *phones[] = {"555-0100", "+44 (20) 7946 0958", "020.7946.0958"};
	for (size_t i = 0; i < sizeof phones / sizeof *phones; i++)
		assert_int_equal(mi_setting_check(phone, phones[i], &err), MI_OK);
	const char *not_phones[] = {"", "12", "call us", "555\n0100", "+-()", "555-0100 ext 3",
				    "1234567890123456789012345678901234567890123"};
	for (size_t i = 0; i < sizeof not_phones / sizeof *not_phones; i++) {
		assert_int_equal(mi_setting_check(phone, not_phones[i], &err), MI_EDATA);
		assert_non_null(strstr(err.message, "clinic_phone must be a phone number"));
	}
	assert_null(mi_setting_find("kiosk_pin_hash"));
	assert_null(mi_setting_find("colour"));
	/* Every key has a definition under its own number. */
	for (size_t k = 0; k < MI_SETTING_COUNT; k++)
		assert_int_equal(mi_setting_def_of(k)->key, k);
}

static void settings_take_with_refused_value_keeps_default_fails(void **state)
{
	(void)state;
	mi_settings s;
	mi_error err;
	assert_int_equal(mi_settings_defaults(&s, &err), MI_OK);
	assert_int_equal(s.idle_timeout_seconds, 180);
	assert_int_equal(s.lock_timeout_seconds, 300);
	assert_string_equal(s.clinic_name, MI_DEFAULT_CLINIC_NAME);
	assert_null(s.paper);
	assert_int_equal(mi_settings_take(&s, MI_SETTING_LOCK_TIMEOUT, "0", &err), MI_OK);
	assert_int_equal(s.lock_timeout_seconds, 300);
	assert_int_equal(s.origin[MI_SETTING_LOCK_TIMEOUT], MI_SETTING_REFUSED);
	assert_int_equal(mi_settings_refusal(&s, MI_SETTING_LOCK_TIMEOUT, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "the lock_timeout_seconds setting must be"));
	assert_int_equal(mi_settings_take(&s, MI_SETTING_IDLE_TIMEOUT, "45", &err), MI_OK);
	assert_int_equal(s.idle_timeout_seconds, 45);
	assert_int_equal(s.origin[MI_SETTING_IDLE_TIMEOUT], MI_SETTING_STORED);
	assert_int_equal(mi_settings_refusal(&s, MI_SETTING_IDLE_TIMEOUT, &err), MI_OK);
	char buf[24];
	assert_string_equal(mi_settings_text(&s, MI_SETTING_IDLE_TIMEOUT, buf), "45");
	mi_settings_clear(&s);
}

static void app_settings_load_reads_the_store_succeeds(void **state)
{
	(void)state;
	char dir[] = "/tmp/mi-settings-XXXXXX", db[64];
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/t.db", dir);
	mi_store *store = NULL;
	mi_error err;
	assert_int_equal(mi_store_open(db, MI_STORE_CREATE, &store, &err), MI_OK);
	const mi_setting_def *lock = mi_setting_def_of(MI_SETTING_LOCK_TIMEOUT);
	assert_int_equal(mi_app_setting_set(store, lock, "5", &err), MI_EDATA);
	assert_int_equal(mi_app_setting_set(store, lock, "60", &err), MI_OK);
	/* A value written past the checks (by hand) is refused when read. */
	assert_int_equal(mi_store_setting_set(store, "idle_timeout_seconds", "2", &err), MI_OK);
	mi_settings s;
	assert_int_equal(mi_app_settings_load(store, &s, &err), MI_OK);
	assert_int_equal(s.lock_timeout_seconds, 60);
	assert_int_equal(s.idle_timeout_seconds, 180);
	assert_int_equal(s.origin[MI_SETTING_IDLE_TIMEOUT], MI_SETTING_REFUSED);
	assert_int_equal(s.origin[MI_SETTING_PAPER], MI_SETTING_DEFAULT);
	mi_settings_clear(&s);
	assert_int_equal(mi_app_setting_set(store, lock, NULL, &err), MI_OK);
	assert_int_equal(mi_app_settings_load(store, &s, &err), MI_OK);
	assert_int_equal(s.lock_timeout_seconds, 300);
	mi_settings_clear(&s);
	mi_store_close(store);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(setting_check_with_idle_timeout_under_ten_fails),
		cmocka_unit_test(setting_check_with_each_type_succeeds),
		cmocka_unit_test(settings_take_with_refused_value_keeps_default_fails),
		cmocka_unit_test(app_settings_load_reads_the_store_succeeds),
	};
	return cmocka_run_group_tests_name("settings", tests, NULL, NULL);
}
