/* test_retention.c - the retention period: parsing, where it starts, words;
 * and the date arithmetic it needs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mi/retention.h"

static void expect_date(mi_date d, const char *text)
{
	char buf[11];
	mi_date_format(d, buf);
	assert_string_equal(buf, text);
}

static void date_add_days_across_months_and_years_succeeds(void **state)
{
	(void)state;
	expect_date(mi_date_add_days((mi_date){2026, 11, 23}, 0), "2026-11-23");
	expect_date(mi_date_add_days((mi_date){2026, 11, 23}, 8), "2026-12-01");
	expect_date(mi_date_add_days((mi_date){2026, 1, 1}, -1), "2025-12-31");
	expect_date(mi_date_add_days((mi_date){2024, 3, 1}, -1), "2024-02-29");
	expect_date(mi_date_add_days((mi_date){2026, 11, 23}, -36525), "1926-11-23");
}

static void date_add_months_with_short_months_succeeds(void **state)
{
	(void)state;
	expect_date(mi_date_add_months((mi_date){2024, 3, 31}, -1), "2024-02-29");
	expect_date(mi_date_add_months((mi_date){2023, 3, 31}, -1), "2023-02-28");
	expect_date(mi_date_add_months((mi_date){2026, 1, 15}, -2), "2025-11-15");
	expect_date(mi_date_add_months((mi_date){2026, 11, 23}, -84), "2019-11-23");
	expect_date(mi_date_add_months((mi_date){2026, 11, 23}, 2), "2027-01-23");
}

static void period_parse_with_good_periods_succeeds(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		long count;
		char unit;
		const char *words;
	} cases[] = {
		{"7y", 7, 'y', "7 years"}, {"1y", 1, 'y', "1 year"},	   {"18m", 18, 'm', "18 months"},
		{"6w", 6, 'w', "6 weeks"}, {"90d", 90, 'd', "90 days"}, {"100y", 100, 'y', "100 years"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		mi_period p;
		assert_true(mi_period_parse(cases[i].text, &p));
		assert_int_equal(p.count, cases[i].count);
		assert_int_equal(p.unit, cases[i].unit);
		char words[32];
		mi_period_format(p, words, sizeof words);
		assert_string_equal(words, cases[i].words);
	}
}

static void period_parse_with_bad_periods_fails(void **state)
{
	(void)state;
	static const char *const bad[] = {"", "7", "y", "0y", "-1y", "7 y", "7years", "7Y", "07y",
					  "101y", "1201m", "36526d", "7y ", "1.5y", "99999999999999999999d"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		mi_period p = {0};
		if (mi_period_parse(bad[i], &p))
			fail_msg("\"%s\" was taken as a period", bad[i]);
	}
	mi_period p;
	assert_false(mi_period_parse(NULL, &p));
}

static void period_start_succeeds(void **state)
{
	(void)state;
	mi_date today = {2026, 11, 23};
	expect_date(mi_period_start((mi_period){7, 'y'}, today), "2019-11-23");
	expect_date(mi_period_start((mi_period){18, 'm'}, today), "2025-05-23");
	expect_date(mi_period_start((mi_period){2, 'w'}, today), "2026-11-09");
	expect_date(mi_period_start((mi_period){30, 'd'}, today), "2026-10-24");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(date_add_days_across_months_and_years_succeeds),
		cmocka_unit_test(date_add_months_with_short_months_succeeds),
		cmocka_unit_test(period_parse_with_good_periods_succeeds),
		cmocka_unit_test(period_parse_with_bad_periods_fails),
		cmocka_unit_test(period_start_succeeds),
	};
	return cmocka_run_group_tests_name("retention", tests, NULL, NULL);
}
