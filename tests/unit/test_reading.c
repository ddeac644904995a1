/* test_reading.c - durations and dates read the way clients write them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mi/reading.h"

static const mi_date today = {2026, 11, 23};

/* A second language, written as a translation would supply it. */
static const mi_reading_words spanish = {
	.months = "enero|ene febrero|feb marzo|mar abril|abr mayo|may junio|jun julio|jul "
		  "agosto|ago septiembre|sep|sept|setiembre octubre|oct noviembre|nov "
		  "diciembre|dic",
	.numbers = "un|una|uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
	.days = "dia|dias|d",
	.weeks = "semana|semanas|sem",
	.months_unit = "mes|meses",
	.years = "ano|anos",
	.half = "medio|media",
	.and_word = "y",
	.since = "desde",
	.under = "menos",
	.vague = "unos|unas|varios|varias|algunos|algunas",
	.filler = "de|del|el|la|que|hace|mas|casi|aproximadamente",
	.date_pattern = "{day} de {month} de {year}",
};

static const struct duration_case {
	const char *text;
	mi_reading_status status;
	long weeks;
} durations[] = {
	{"10 days", MI_READING_OK, 1},
	{"3 months", MI_READING_OK, 13},
	{"2 years", MI_READING_OK, 104},
	{"a year and a half", MI_READING_OK, 78},
	{"one and a half years", MI_READING_OK, 78},
	{"1.5 years", MI_READING_OK, 78},
	{"1,5 years", MI_READING_OK, 78},
	{"1\xc2\xbd years", MI_READING_OK, 78},
	{"half a year", MI_READING_OK, 26},
	{"6 wks", MI_READING_OK, 6},
	{"6wks", MI_READING_OK, 6},
	{"6 WEEKS", MI_READING_OK, 6},
	{"a couple of weeks", MI_READING_OK, 2},
	{"1 year and 3 months", MI_READING_OK, 65},
	{"2 years 6 months", MI_READING_OK, 130},
	{"about 4 weeks", MI_READING_OK, 4},
	{"less than a week", MI_READING_OK, 0},
	{"under 2 months", MI_READING_OK, 8},
	/* Under less than a day is no time, never a negative one (found by
	 * fuzz_reading). */
	{"under.................1 ", MI_READING_OK, 0},
	{"under 0.1 weeks", MI_READING_OK, 0},
	{"5 days", MI_READING_OK, 0},
	{"20", MI_READING_OK, 20},
	{"0", MI_READING_OK, 0},
	{"since March", MI_READING_OK, 38},     /* 2026-03-01 to 2026-11-23: 267 days */
	{"since last March", MI_READING_OK, 38},
	{"since November", MI_READING_OK, 3},   /* this month: 22 days */
	{"since December", MI_READING_OK, 51},  /* last December: 357 days */
	{"since March 2024", MI_READING_OK, 142},
	{"since 2019", MI_READING_OK, 411},
	{"since 14 March", MI_READING_OK, 36},
	{"since 30 November", MI_READING_OK, 51}, /* last year's: this year's is ahead */
	{"", MI_READING_EMPTY, 0},
	{"   ", MI_READING_EMPTY, 0},
	{"a few weeks", MI_READING_VAGUE, 0},
	{"several months", MI_READING_VAGUE, 0},
	{"weeks", MI_READING_VAGUE, 0},
	{"since 2026", MI_READING_VAGUE, 0},
	{"forever", MI_READING_UNCLEAR, 0},
	{"2 3 weeks", MI_READING_UNCLEAR, 0},
	{"1 year 3", MI_READING_UNCLEAR, 0},
	{"one", MI_READING_UNCLEAR, 0},
	{"since Smarch", MI_READING_UNCLEAR, 0},
	{"since 2027", MI_READING_FUTURE, 0},
	{"200 years", MI_READING_OUT_OF_RANGE, 0},
	{"9999999999 weeks", MI_READING_UNCLEAR, 0},
};

static void duration_with_everyday_words_reads_weeks(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof durations / sizeof durations[0]; i++) {
		const struct duration_case *c = &durations[i];
		long weeks = -1;
		mi_reading_status s = mi_reading_duration(c->text, &mi_reading_words_en, today, &weeks);
		if (s != c->status || (s == MI_READING_OK && weeks != c->weeks))
			fail_msg("\"%s\": status %d weeks %ld, expected status %d weeks %ld", c->text, s,
				 weeks, c->status, c->weeks);
	}
}

static void duration_with_spanish_words_reads_weeks(void **state)
{
	(void)state;
	long weeks = -1;
	assert_int_equal(mi_reading_duration("un año y medio", &spanish, today, &weeks), MI_READING_OK);
	assert_int_equal(weeks, 78);
	assert_int_equal(mi_reading_duration("3 MESES", &spanish, today, &weeks), MI_READING_OK);
	assert_int_equal(weeks, 13);
	assert_int_equal(mi_reading_duration("desde marzo", &spanish, today, &weeks), MI_READING_OK);
	assert_int_equal(weeks, 38);
	assert_int_equal(mi_reading_duration("unas semanas", &spanish, today, &weeks),
			 MI_READING_VAGUE);
}

static const struct date_case {
	const char *text;
	mi_date_order order;
	mi_reading_status status;
	mi_date first, second;
} dates[] = {
	{"14/03/1988", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"14/03/1988", MI_DATE_MDY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"03/14/1988", MI_DATE_MDY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"03/14/1988", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"14.03.1988", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"14-3-88", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"1988-03-14", MI_DATE_MDY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"1988/3/14", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"14 March 1988", MI_DATE_MDY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"14th of March, 1988", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"March 14th, 1988", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"mar 14 88", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"14MAR1988", MI_DATE_DMY, MI_READING_OK, {1988, 3, 14}, {0, 0, 0}},
	{"1 Sept 2005", MI_DATE_DMY, MI_READING_OK, {2005, 9, 1}, {0, 0, 0}},
	{"29 February 2000", MI_DATE_DMY, MI_READING_OK, {2000, 2, 29}, {0, 0, 0}},
	{"05/05/1990", MI_DATE_DMY, MI_READING_OK, {1990, 5, 5}, {0, 0, 0}},
	/* Day and month could be swapped: both readings, the locale's first. */
	{"03/04/1988", MI_DATE_DMY, MI_READING_AMBIGUOUS, {1988, 4, 3}, {1988, 3, 4}},
	{"03/04/1988", MI_DATE_MDY, MI_READING_AMBIGUOUS, {1988, 3, 4}, {1988, 4, 3}},
	/* Only one reading is not in the future: no question to ask. */
	{"11/12/2026", MI_DATE_MDY, MI_READING_OK, {2026, 11, 12}, {0, 0, 0}},
	{"29 February 2001", MI_DATE_DMY, MI_READING_NOT_A_DATE, {0, 0, 0}, {0, 0, 0}},
	{"31/04/1988", MI_DATE_DMY, MI_READING_NOT_A_DATE, {0, 0, 0}, {0, 0, 0}},
	{"13/13/1988", MI_DATE_DMY, MI_READING_NOT_A_DATE, {0, 0, 0}, {0, 0, 0}},
	{"1 January 2030", MI_DATE_DMY, MI_READING_FUTURE, {0, 0, 0}, {0, 0, 0}},
	{"1 January 1850", MI_DATE_DMY, MI_READING_OUT_OF_RANGE, {0, 0, 0}, {0, 0, 0}},
	{"March 1988", MI_DATE_DMY, MI_READING_UNCLEAR, {0, 0, 0}, {0, 0, 0}},
	{"14031988", MI_DATE_DMY, MI_READING_UNCLEAR, {0, 0, 0}, {0, 0, 0}},
	{"yesterday", MI_DATE_DMY, MI_READING_UNCLEAR, {0, 0, 0}, {0, 0, 0}},
	{"", MI_DATE_DMY, MI_READING_EMPTY, {0, 0, 0}, {0, 0, 0}},
};

static void date_with_everyday_forms_reads_it(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		const struct date_case *c = &dates[i];
		mi_date out[2] = {{0, 0, 0}, {0, 0, 0}};
		mi_reading_status s = mi_reading_date(c->text, &mi_reading_words_en, c->order, today, out);
		bool same = s == c->status;
		if (same && s != MI_READING_OK && s != MI_READING_AMBIGUOUS)
			continue;
		if (same)
			same = mi_date_compare(out[0], c->first) == 0;
		if (same && s == MI_READING_AMBIGUOUS)
			same = mi_date_compare(out[1], c->second) == 0;
		if (!same)
			fail_msg("\"%s\": status %d %d-%d-%d / %d-%d-%d", c->text, s, out[0].year,
				 out[0].month, out[0].day, out[1].year, out[1].month, out[1].day);
	}
}

static void date_with_spanish_words_reads_it(void **state)
{
	(void)state;
	mi_date out[2];
	assert_int_equal(mi_reading_date("14 de Marzo de 1988", &spanish, MI_DATE_DMY, today, out),
			 MI_READING_OK);
	assert_int_equal(mi_date_compare(out[0], (mi_date){1988, 3, 14}), 0);
	assert_int_equal(mi_reading_date("1 de SETIEMBRE de 1975", &spanish, MI_DATE_DMY, today, out),
			 MI_READING_OK);
	assert_int_equal(mi_date_compare(out[0], (mi_date){1975, 9, 1}), 0);
}

static void format_date_with_pattern_writes_words(void **state)
{
	(void)state;
	char buf[64];
	mi_reading_format_date((mi_date){1988, 3, 14}, &mi_reading_words_en, buf, sizeof buf);
	assert_string_equal(buf, "14 March 1988");
	mi_reading_format_date((mi_date){1975, 9, 1}, &spanish, buf, sizeof buf);
	assert_string_equal(buf, "1 de septiembre de 1975");
	/* A small buffer is cut and terminated; the length needed comes back. */
	char small[6];
	assert_int_equal(mi_reading_format_date((mi_date){1988, 3, 14}, &mi_reading_words_en, small,
						sizeof small),
			 strlen("14 March 1988"));
	assert_string_equal(small, "14 Ma");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duration_with_everyday_words_reads_weeks),
		cmocka_unit_test(duration_with_spanish_words_reads_weeks),
		cmocka_unit_test(date_with_everyday_forms_reads_it),
		cmocka_unit_test(date_with_spanish_words_reads_it),
		cmocka_unit_test(format_date_with_pattern_writes_words),
	};
	return cmocka_run_group_tests_name("reading", tests, NULL, NULL);
}
