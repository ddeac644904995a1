/* ui_reading.h - an answer typed the way people say it, read and put back
 * in words for the client to confirm before it is kept.
 *
 * The readers of reading.h turn "2 years" into 104 weeks and "14/03/1988"
 * into a date; this module decides, for a typed answer, whether it can be
 * kept as typed, must be confirmed first ("about 104 weeks: is that
 * right?"), needs a choice between two readings (03/04/1988), or is refused
 * with a message that says what to type. The intake and the identification
 * form share it, so the kiosk and the desk read answers the same way.
 * Nothing here draws or reads keys.
 */
#ifndef MI_UI_READING_H
#define MI_UI_READING_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/date.h"
#include "mi/reading.h"
#include "mi/ui.h"

/* What became of a typed answer. */
typedef enum mi_ui_reading_kind {
	MI_UI_READ_REFUSED, /* words says what to type instead */
	MI_UI_READ_AS_TYPED, /* a plain number of weeks: value is kept without asking */
	MI_UI_READ_CONFIRM, /* value is kept once the client says yes to question */
	MI_UI_READ_CHOOSE,  /* an ambiguous date: value (1) or other (2), question asks which */
} mi_ui_reading_kind;

typedef struct mi_ui_reading {
	mi_ui_reading_kind kind;
	char value[16];     /* the stored form: "78", "1988-03-14" */
	char other[16];     /* MI_UI_READ_CHOOSE: the second reading */
	char question[240]; /* the confirmation or the choice; the refusal when refused */
} mi_ui_reading;

/* What the client's key says to a reading shown back. */
typedef enum mi_ui_reply {
	MI_UI_REPLY_NONE,   /* a key that answers nothing: ask again */
	MI_UI_REPLY_KEEP,   /* Y (for a choice: 1 or 2): keep *value */
	MI_UI_REPLY_CHANGE, /* N or Esc: back to the typed words */
} mi_ui_reply;

/* The reply key gives to reading (confirm or choose); on MI_UI_REPLY_KEEP
 * *value points into reading. */
mi_ui_reply mi_ui_reading_reply(const mi_ui_reading *reading, mi_ui_key key, const char **value);

/* Reads a pain duration ("10 days", "3 months", "since March", "a year and
 * a half", "6 wks", or a plain number of weeks) as whole weeks, at most max. */
void mi_ui_read_weeks(const char *typed, mi_date today, long max, mi_ui_reading *out);

/* Reads a date of birth ("14/03/1988", "14 March 1988", "1988-03-14") in
 * the given order for numeric dates; a day and month that could be either
 * way are a choice, never a guess. Every date read is confirmed in words. */
void mi_ui_read_birth_date(const char *typed, mi_date_order order, mi_date today,
			   mi_ui_reading *out);

/* The order of numeric dates in a date format such as nl_langinfo(D_FMT)
 * gives ("%d/%m/%Y" day first, "%m/%d/%y" or "%D" month first, "%Y-%m-%d"
 * year first). *known is false when the format says nothing clear; the
 * order returned is then day first, and only ever decides which of two
 * readings of an ambiguous date is offered first. */
mi_date_order mi_ui_date_order_of(const char *format, bool *known);

/* The order of the current LC_TIME locale (nl_langinfo(D_FMT)); the C and
 * POSIX locales say nothing clear (their "%m/%d/%y" is a convention of the
 * C standard, not the client's) and are read as day first. */
mi_date_order mi_ui_locale_date_order(void);

#endif
