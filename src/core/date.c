/* date.c - calendar dates without time zones. */
#include "mi/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool mi_date_parse(const char *text, mi_date *out)
{
	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return false;
	mi_date d = {
		.year = atoi(text),
		.month = (text[5] - '0') * 10 + (text[6] - '0'),
		.day = (text[8] - '0') * 10 + (text[9] - '0'),
	};
	if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1 ||
	    d.day > days_in_month(d.year, d.month))
		return false;
	*out = d;
	return true;
}

void mi_date_format(mi_date date, char buf[static 11])
{
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)date.year % 10000u, (unsigned)date.month % 100u,
		 (unsigned)date.day % 100u);
}

int mi_date_compare(mi_date a, mi_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

int mi_date_age(mi_date birth, mi_date today)
{
	if (mi_date_compare(birth, today) > 0)
		return -1;
	int age = today.year - birth.year;
	if (today.month < birth.month || (today.month == birth.month && today.day < birth.day))
		age--;
	return age;
}

/* Days since 1970-01-01 (civil calendar, proleptic Gregorian). */
static long days_from_civil(mi_date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long mi_date_days_between(mi_date a, mi_date b)
{
	return days_from_civil(b) - days_from_civil(a);
}

/* The date in the file named by MASSAGE_INTAKE_TODAY_FILE (test only), read
 * afresh at each call; false when the variable is unset or the file does not
 * start with a valid date. */
static bool date_from_test_file(mi_date *d)
{
	const char *path = getenv("MASSAGE_INTAKE_TODAY_FILE");
	if (!path || !*path)
		return false;
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	char text[11] = "";
	size_t n = fread(text, 1, 10, f);
	fclose(f);
	text[n] = '\0';
	return mi_date_parse(text, d);
}

/* The civil date of a day count since 1970-01-01 (the inverse of
 * days_from_civil). */
static mi_date civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long day = doy - (153 * mp + 2) / 5 + 1;
	long month = mp < 10 ? mp + 3 : mp - 9;
	return (mi_date){.year = (int)(yoe + era * 400 + (month <= 2)), .month = (int)month,
			 .day = (int)day};
}

mi_date mi_date_add_days(mi_date date, long days)
{
	return civil_from_days(days_from_civil(date) + days);
}

mi_date mi_date_add_months(mi_date date, long months)
{
	long index = (long)date.year * 12 + (date.month - 1) + months;
	mi_date d = {.year = (int)(index / 12), .month = (int)(index % 12) + 1, .day = date.day};
	if (d.day > days_in_month(d.year, d.month))
		d.day = days_in_month(d.year, d.month);
	return d;
}

mi_date mi_date_today(void)
{
	mi_date d;
	if (date_from_test_file(&d))
		return d;
	const char *fixed = getenv("MASSAGE_INTAKE_TODAY");
	if (fixed && mi_date_parse(fixed, &d))
		return d;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}
