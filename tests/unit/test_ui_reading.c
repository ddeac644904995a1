/* test_ui_reading.c - typed durations and dates read back for confirmation,
 * the refusals that say what to type, and the locale's date order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "mi/ui_reading.h"

static const mi_date today = {2026, 11, 23};

static const struct {
	const char *typed;
	mi_ui_reading_kind kind;
	const char *value;
	const char *question; /* a part of the question or refusal */
} weeks_cases[] = {
	{"10 days", MI_UI_READ_CONFIRM, "1", "About 1 week: is that right?"},
	{"3 months", MI_UI_READ_CONFIRM, "13", "About 13 weeks: is that right?"},
	{"2 years", MI_UI_READ_CONFIRM, "104", "About 104 weeks: is that right?"},
	{"since March", MI_UI_READ_CONFIRM, "38", "About 38 weeks"},
	{"a year and a half", MI_UI_READ_CONFIRM, "78", "About 78 weeks: is that right?"},
	{"6 wks", MI_UI_READ_CONFIRM, "6", "About 6 weeks"},
	{"3 days", MI_UI_READ_CONFIRM, "0", "Less than a week: is that right?"},
	{"12", MI_UI_READ_AS_TYPED, "12", ""},
	{"0", MI_UI_READ_AS_TYPED, "0", ""},
	{"", MI_UI_READ_REFUSED, "", "Please type how long you have had this pain, for example"},
	{"a few weeks", MI_UI_READ_REFUSED, "", "Please give a number, for example 3 weeks"},
	{"ages", MI_UI_READ_REFUSED, "", "Please type how long, for example 10 days, 6 weeks"},
	{"since 1 December 2026", MI_UI_READ_REFUSED, "", "after today"},
	{"200 years", MI_UI_READ_REFUSED, "", "please type at most 5200 weeks"},
};

static void read_weeks_table_succeeds(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof weeks_cases / sizeof weeks_cases[0]; i++) {
		mi_ui_reading r;
		mi_ui_read_weeks(weeks_cases[i].typed, today, 5200, &r);
		if (r.kind != weeks_cases[i].kind || strcmp(r.value, weeks_cases[i].value) != 0 ||
		    !strstr(r.question, weeks_cases[i].question))
			fail_msg("\"%s\": kind %d value \"%s\" question \"%s\"", weeks_cases[i].typed,
				 (int)r.kind, r.value, r.question);
	}
}

static const struct {
	const char *typed;
	mi_date_order order;
	mi_ui_reading_kind kind;
	const char *value, *other, *question;
} date_cases[] = {
	{"14/03/1988", MI_DATE_DMY, MI_UI_READ_CONFIRM, "1988-03-14", "", "14 March 1988: is that right?"},
	{"03/14/1988", MI_DATE_MDY, MI_UI_READ_CONFIRM, "1988-03-14", "", "14 March 1988: is that right?"},
	{"14 March 1988", MI_DATE_MDY, MI_UI_READ_CONFIRM, "1988-03-14", "", "14 March 1988"},
	{"1988-03-14", MI_DATE_DMY, MI_UI_READ_CONFIRM, "1988-03-14", "", "14 March 1988"},
	{"03/04/1988", MI_DATE_DMY, MI_UI_READ_CHOOSE, "1988-04-03", "1988-03-04",
	 "Did you mean 1: 3 April 1988, or 2: 4 March 1988?"},
	{"03/04/1988", MI_DATE_MDY, MI_UI_READ_CHOOSE, "1988-03-04", "1988-04-03",
	 "Did you mean 1: 4 March 1988, or 2: 3 April 1988?"},
	{"", MI_DATE_DMY, MI_UI_READ_REFUSED, "", "", "Please type your date of birth, for example 14 March 1988."},
	{"31/04/1988", MI_DATE_DMY, MI_UI_READ_REFUSED, "", "", "That date does not exist"},
	{"1 January 2030", MI_DATE_DMY, MI_UI_READ_REFUSED, "", "", "in the future"},
	{"1 January 1850", MI_DATE_DMY, MI_UI_READ_REFUSED, "", "", "Please check the year"},
	{"March 1988", MI_DATE_DMY, MI_UI_READ_REFUSED, "", "", "Please type the date like this: 14 March 1988, or 1988-03-14."},
};

static void read_birth_date_table_succeeds(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
		mi_ui_reading r;
		mi_ui_read_birth_date(date_cases[i].typed, date_cases[i].order, today, &r);
		if (r.kind != date_cases[i].kind || strcmp(r.value, date_cases[i].value) != 0 ||
		    strcmp(r.other, date_cases[i].other) != 0 ||
		    !strstr(r.question, date_cases[i].question))
			fail_msg("\"%s\": kind %d value \"%s\"/\"%s\" question \"%s\"",
				 date_cases[i].typed, (int)r.kind, r.value, r.other, r.question);
	}
}

static void date_order_of_formats_succeeds(void **state)
{
	(void)state;
	static const struct {
		const char *format;
		mi_date_order order;
		bool known;
	} cases[] = {
		{"%d/%m/%Y", MI_DATE_DMY, true},  /* en_GB, fr_FR */
		{"%d.%m.%Y", MI_DATE_DMY, true},  /* de_DE */
		{"%m/%d/%Y", MI_DATE_MDY, true},  /* en_US */
		{"%D", MI_DATE_MDY, true},
		{"%Y-%m-%d", MI_DATE_YMD, true},  /* sv_SE, fr_CA */
		{"%Y年%m月%d日", MI_DATE_YMD, true},
		{"%e %B %Y", MI_DATE_DMY, true},
		{"%Od/%Om/%Ey", MI_DATE_DMY, true},
		{"", MI_DATE_DMY, false},
		{"%x", MI_DATE_DMY, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool known = !cases[i].known;
		mi_date_order order = mi_ui_date_order_of(cases[i].format, &known);
		if (order != cases[i].order || known != cases[i].known)
			fail_msg("\"%s\": order %d known %d", cases[i].format, (int)order, (int)known);
	}
}

/* Y keeps a confirmation, 1 or 2 a choice; N and Esc change; others ask again. */
static void reading_reply_keys_succeeds(void **state)
{
	(void)state;
	mi_ui_reading confirm, choose;
	mi_ui_read_weeks("2 years", today, 5200, &confirm);
	mi_ui_read_birth_date("03/04/1988", MI_DATE_DMY, today, &choose);
	const char *value;
	assert_int_equal(mi_ui_reading_reply(&confirm, mi_ui_key_char(L'Y'), &value), MI_UI_REPLY_KEEP);
	assert_string_equal(value, "104");
	assert_int_equal(mi_ui_reading_reply(&confirm, mi_ui_key_char(L'1'), &value), MI_UI_REPLY_NONE);
	assert_int_equal(mi_ui_reading_reply(&confirm, mi_ui_key_of(MI_KEY_ENTER), &value),
			 MI_UI_REPLY_NONE);
	assert_int_equal(mi_ui_reading_reply(&confirm, mi_ui_key_char(L'n'), &value),
			 MI_UI_REPLY_CHANGE);
	assert_int_equal(mi_ui_reading_reply(&choose, mi_ui_key_char(L'y'), &value), MI_UI_REPLY_NONE);
	assert_int_equal(mi_ui_reading_reply(&choose, mi_ui_key_char(L'2'), &value), MI_UI_REPLY_KEEP);
	assert_string_equal(value, "1988-03-04");
	assert_int_equal(mi_ui_reading_reply(&choose, mi_ui_key_of(MI_KEY_ESC), &value),
			 MI_UI_REPLY_CHANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(read_weeks_table_succeeds),
		cmocka_unit_test(read_birth_date_table_succeeds),
		cmocka_unit_test(date_order_of_formats_succeeds),
		cmocka_unit_test(reading_reply_keys_succeeds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
