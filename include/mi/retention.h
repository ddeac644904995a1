/* retention.h - how long a clinic keeps a client's records: the
 * `retention` setting ("7y", "18m", "6w", "90d").
 *
 * It decides what `erase CLIENT` does with each visit (visits younger than
 * the period are kept without anything that identifies the client; older
 * ones, and all of them when no period is set, are deleted) and which
 * backups `erase --list-old-backups` lists for removal. See docs/export.md.
 */
#ifndef MI_RETENTION_H
#define MI_RETENTION_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/date.h"

typedef struct mi_period {
	long count; /* 1 or more */
	char unit;  /* 'd' days, 'w' weeks, 'm' months, 'y' years */
} mi_period;

/* Parses "N" followed by d, w, m or y (a whole number from 1, up to 100
 * years in all); false otherwise. */
bool mi_period_parse(const char *text, mi_period *out);

/* The first day still inside the period that ends today: a visit dated on
 * or after it is younger than the period. */
mi_date mi_period_start(mi_period period, mi_date today);

/* The period in words ("7 years", "1 month") into buf. */
void mi_period_format(mi_period period, char *buf, size_t size);

#endif
