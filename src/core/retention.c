/* retention.c - the retention period: parsing, words, and where it starts. */
#include "mi/retention.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

bool mi_period_parse(const char *text, mi_period *out)
{
	if (!text || text[0] < '1' || text[0] > '9')
		return false;
	char *end = NULL;
	errno = 0;
	long n = strtol(text, &end, 10);
	if (errno || !end || end[0] == '\0' || end[1] != '\0')
		return false;
	/* Every unit capped at about 100 years. */
	long max = end[0] == 'y' ? 100 : end[0] == 'm' ? 1200 : end[0] == 'w' ? 5218
		   : end[0] == 'd'		       ? 36525
							 : 0;
	if (n > max)
		return false;
	*out = (mi_period){.count = n, .unit = end[0]};
	return true;
}

mi_date mi_period_start(mi_period period, mi_date today)
{
	switch (period.unit) {
	case 'y':
		return mi_date_add_months(today, -12 * period.count);
	case 'm':
		return mi_date_add_months(today, -period.count);
	case 'w':
		return mi_date_add_days(today, -7 * period.count);
	default:
		return mi_date_add_days(today, -period.count);
	}
}

void mi_period_format(mi_period period, char *buf, size_t size)
{
	const char *word = period.unit == 'y'	? "year"
			   : period.unit == 'm' ? "month"
			   : period.unit == 'w' ? "week"
						: "day";
	snprintf(buf, size, "%ld %s%s", period.count, word, period.count == 1 ? "" : "s");
}
