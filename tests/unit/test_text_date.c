/* test_text_date.c - UTF-8 checks, sanitising, calendar dates and the clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mi/clock.h"
#include "mi/date.h"
#include "mi/text.h"

static void check_with_clean_text_succeeds(void **state)
{
	(void)state;
	const char *s = "O'Brien \"Al\" \xCE\xB1\xCE\xB2 \xD8\xB9 \xE6\x9D\x8E";
	assert_int_equal(mi_text_check(s, strlen(s), false, NULL), MI_TEXT_OK);
	assert_int_equal(mi_text_check("a\nb", 3, true, NULL), MI_TEXT_OK);
}

static void check_with_bad_text_fails(void **state)
{
	(void)state;
	size_t at = 0;
	assert_int_equal(mi_text_check("ab\x1b]2;x\x07", 8, false, &at), MI_TEXT_CONTROL);
	assert_int_equal(at, 2);
	assert_int_equal(mi_text_check("a\nb", 3, false, NULL), MI_TEXT_CONTROL);
	assert_int_equal(mi_text_check("\x7f", 1, false, NULL), MI_TEXT_CONTROL);
	assert_int_equal(mi_text_check("\xC2\x9B", 2, false, NULL), MI_TEXT_CONTROL);
	assert_int_equal(mi_text_check("x\xE2\x80\xAEy", 5, false, NULL), MI_TEXT_BIDI_CONTROL);
	assert_int_equal(mi_text_check("\xE2\x81\xA6", 3, false, NULL), MI_TEXT_BIDI_CONTROL);
	assert_int_equal(mi_text_check("\xC3", 1, false, NULL), MI_TEXT_INVALID_UTF8);
	assert_int_equal(mi_text_check("\xC0\xAF", 2, false, NULL), MI_TEXT_INVALID_UTF8);
	assert_int_equal(mi_text_check("\xED\xA0\x80", 3, false, NULL), MI_TEXT_INVALID_UTF8);
}

static void sanitize_with_controls_replaces_them(void **state)
{
	(void)state;
	char *s = mi_text_sanitize("a\x1b]2;t\x07z\xE2\x80\xAE\xFF\nb", false);
	assert_string_equal(s, "a\xEF\xBF\xBD]2;t\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	free(s);
	s = mi_text_sanitize("line\nnext", true);
	assert_string_equal(s, "line\nnext");
	free(s);
}

static void width_with_wide_characters_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(mi_text_width("abc"), 3);
	assert_int_equal(mi_text_width("\xCE\xB1\xCE\xB2"), 2);
	assert_int_equal(mi_text_width("\xE6\x9D\x8E\xE5\xB0\x8F"), 4);
	assert_int_equal(mi_text_width("e\xCC\x81"), 1);
}

static void date_parse_with_real_dates_succeeds(void **state)
{
	(void)state;
	mi_date d;
	assert_true(mi_date_parse("2024-02-29", &d));
	assert_int_equal(d.year, 2024);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	char buf[11];
	mi_date_format(d, buf);
	assert_string_equal(buf, "2024-02-29");
}

static void date_parse_with_bad_dates_fails(void **state)
{
	(void)state;
	mi_date d;
	assert_false(mi_date_parse("2023-02-29", &d));
	assert_false(mi_date_parse("2023-04-31", &d));
	assert_false(mi_date_parse("2023-4-1", &d));
	assert_false(mi_date_parse("20230401", &d));
	assert_false(mi_date_parse("1899-12-31", &d));
	assert_false(mi_date_parse("2023-00-10", &d));
	assert_false(mi_date_parse("2023-01-10x", &d));
	assert_false(mi_date_parse("", &d));
}

static void date_age_with_birthday_boundary_counts_whole_years(void **state)
{
	(void)state;
	mi_date birth = {1976, 2, 29};
	assert_int_equal(mi_date_age(birth, (mi_date){2026, 2, 28}), 49);
	assert_int_equal(mi_date_age(birth, (mi_date){2026, 3, 1}), 50);
	assert_int_equal(mi_date_age(birth, (mi_date){1976, 2, 29}), 0);
	assert_int_equal(mi_date_age(birth, (mi_date){1976, 2, 28}), -1);
	assert_int_equal(mi_date_days_between((mi_date){2026, 11, 20}, (mi_date){2026, 11, 23}), 3);
	assert_int_equal(mi_date_days_between((mi_date){2024, 1, 1}, (mi_date){2025, 1, 1}), 366);
}

static void date_today_with_override_is_fixed(void **state)
{
	(void)state;
	setenv("MASSAGE_INTAKE_TODAY", "2030-05-06", 1);
	mi_date d = mi_date_today();
	assert_int_equal(mi_date_compare(d, (mi_date){2030, 5, 6}), 0);
	unsetenv("MASSAGE_INTAKE_TODAY");
}

static void date_today_with_test_file_is_read_at_each_call_succeeds(void **state)
{
	(void)state;
	char path[] = "/tmp/mi-today-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "2030-05-06\n", 11), 11);
	setenv("MASSAGE_INTAKE_TODAY_FILE", path, 1);
	setenv("MASSAGE_INTAKE_TODAY", "2001-01-01", 1); /* the file wins */
	mi_clock clock = mi_clock_system();
	assert_int_equal(mi_date_compare(mi_clock_today(clock), (mi_date){2030, 5, 6}), 0);
	/* The program runs on past midnight: the next call sees the new day. */
	assert_int_equal(pwrite(fd, "2030-05-07", 10, 0), 10);
	assert_int_equal(mi_date_compare(mi_clock_today(clock), (mi_date){2030, 5, 7}), 0);
	close(fd);
	unlink(path);
	/* No such file: the next source is used. */
	assert_int_equal(mi_date_compare(mi_date_today(), (mi_date){2001, 1, 1}), 0);
	unsetenv("MASSAGE_INTAKE_TODAY_FILE");
	unsetenv("MASSAGE_INTAKE_TODAY");
}

static void clock_fixed_follows_the_date_it_points_at_succeeds(void **state)
{
	(void)state;
	mi_date day = {2026, 11, 23};
	mi_clock clock = mi_clock_fixed(&day);
	assert_int_equal(mi_date_compare(mi_clock_today(clock), day), 0);
	day.day = 24;
	assert_int_equal(mi_date_compare(mi_clock_today(clock), (mi_date){2026, 11, 24}), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check_with_clean_text_succeeds),
		cmocka_unit_test(check_with_bad_text_fails),
		cmocka_unit_test(sanitize_with_controls_replaces_them),
		cmocka_unit_test(width_with_wide_characters_counts_columns),
		cmocka_unit_test(date_parse_with_real_dates_succeeds),
		cmocka_unit_test(date_parse_with_bad_dates_fails),
		cmocka_unit_test(date_age_with_birthday_boundary_counts_whole_years),
		cmocka_unit_test(date_today_with_override_is_fixed),
		cmocka_unit_test(date_today_with_test_file_is_read_at_each_call_succeeds),
		cmocka_unit_test(clock_fixed_follows_the_date_it_points_at_succeeds),
	};
	return cmocka_run_group_tests_name("text_date", tests, NULL, NULL);
}
