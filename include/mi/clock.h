/* clock.h - "today", asked for each time it is needed.
 *
 * A screen can run for days (a kiosk left on overnight), so nothing keeps
 * a date read at start-up: whoever dates something (a visit, a consent, a
 * birth-date check) asks its mi_clock at that moment, and the date is then
 * passed into the logic as an mi_date. The system clock reads the
 * computer's local date at each call, honouring the test settings of
 * mi_date_today (date.h); a fixed clock lets a unit test move time.
 */
#ifndef MI_CLOCK_H
#define MI_CLOCK_H

#include "mi/date.h"

typedef struct mi_clock {
	mi_date (*today)(void *ctx); /* NULL: the system clock */
	void *ctx;
} mi_clock;

/* The computer's clock: mi_date_today() at each call. */
mi_clock mi_clock_system(void);

/* A clock that always says *date; the date is read at each call, so a
 * test can change it while the clock is in use. date must outlive it. */
mi_clock mi_clock_fixed(const mi_date *date);

/* Today's date according to clock (a zeroed clock is the system clock). */
mi_date mi_clock_today(mi_clock clock);

#endif
