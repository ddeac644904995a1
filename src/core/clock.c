/* clock.c - the system clock and a fixed one for tests. */
#include "mi/clock.h"

#include <stddef.h>

static mi_date system_today(void *ctx)
{
	(void)ctx;
	return mi_date_today();
}

static mi_date fixed_today(void *ctx)
{
	return *(const mi_date *)ctx;
}

mi_clock mi_clock_system(void)
{
	return (mi_clock){.today = system_today, .ctx = NULL};
}

mi_clock mi_clock_fixed(const mi_date *date)
{
	return (mi_clock){.today = fixed_today, .ctx = (void *)date};
}

mi_date mi_clock_today(mi_clock clock)
{
	return clock.today ? clock.today(clock.ctx) : mi_date_today();
}
