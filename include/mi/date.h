/* date.h - calendar dates (YYYY-MM-DD) without time zones.
 *
 * "Today" is always passed into the logic. mi_date_today() is the one place
 * that reads the clock (through an mi_clock, clock.h, asked at each use);
 * it honours $MASSAGE_INTAKE_TODAY so tests are deterministic.
 */
#ifndef MI_DATE_H
#define MI_DATE_H

#include <stdbool.h>

typedef struct mi_date {
	int year;
	int month; /* 1-12 */
	int day;   /* 1-31 */
} mi_date;

/* Parses exactly "YYYY-MM-DD" as a real calendar date (years 1900-2999). */
bool mi_date_parse(const char *text, mi_date *out);

/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void mi_date_format(mi_date date, char buf[static 11]);

/* Negative, zero or positive as a is before, equal to or after b. */
int mi_date_compare(mi_date a, mi_date b);

/* Whole years from birth to today; -1 when birth is after today. */
int mi_date_age(mi_date birth, mi_date today);

/* Days from a to b (b - a). */
long mi_date_days_between(mi_date a, mi_date b);

/* The date days later (earlier when negative). */
mi_date mi_date_add_days(mi_date date, long days);

/* The date months later (earlier when negative), the day kept or, past the
 * end of the shorter month, its last day (2024-03-31 minus 1 month is
 * 2024-02-29). */
mi_date mi_date_add_months(mi_date date, long months);

/* Today's local date, read at each call. For tests only: the date held at
 * the start of the file named by $MASSAGE_INTAKE_TODAY_FILE (read afresh at
 * each call, so a test can move a running program to the next day), else
 * $MASSAGE_INTAKE_TODAY, when they hold a valid date. */
mi_date mi_date_today(void);

#endif
