/* reading.h - durations and dates read the way people write them.
 *
 * A client at the kiosk answers "2 years", "a year and a half", "since
 * March" or "14/03/1988", not a number of weeks or an ISO date. These
 * readers turn such text into the stored value and say plainly when they
 * cannot: they never guess. The caller shows the result back in words and
 * asks the client to confirm it before it is kept.
 *
 * The words a reader knows (units, month names, number words) come from an
 * mi_reading_words, one per language, so a translation supplies its own;
 * mi_reading_words_en is the English one. A word list holds groups
 * separated by spaces and, inside a group, alternatives separated by '|':
 * "january|jan february|feb ...". Matching ignores case, accents and
 * width ("Février", "fevrier" and "FEVRIER" are the same word).
 *
 * "Today" is passed in, never read here.
 */
#ifndef MI_READING_H
#define MI_READING_H

#include <stddef.h>

#include "mi/date.h"

/* What a reader made of the text. */
typedef enum mi_reading_status {
	MI_READING_OK = 0,
	MI_READING_EMPTY,      /* nothing typed */
	MI_READING_UNCLEAR,    /* words or a shape the reader does not know */
	MI_READING_VAGUE,      /* "a few weeks", "since 2026": a number is needed */
	MI_READING_AMBIGUOUS,  /* a date whose day and month could be either way */
	MI_READING_NOT_A_DATE, /* "31 February", month 13 */
	MI_READING_FUTURE,     /* after today */
	MI_READING_OUT_OF_RANGE, /* a date before 1900, a duration over 100 years */
} mi_reading_status;

/* The order numeric dates are written in where the client lives. */
typedef enum mi_date_order {
	MI_DATE_DMY, /* 14/03/1988: most of the world, Canada's French */
	MI_DATE_MDY, /* 03/14/1988: the United States */
	MI_DATE_YMD, /* 1988-03-14 */
} mi_date_order;

/* The words of one language. Every field is a word list as described
 * above; the first alternative of a group is the one shown. */
typedef struct mi_reading_words {
	const char *months;   /* 12 groups, January first */
	const char *numbers;  /* groups for 1, 2, 3, ... ("a|an|one two three") */
	const char *days;     /* one group: "day|days|d" */
	const char *weeks;
	const char *months_unit;
	const char *years;
	const char *half;     /* one group: "half" */
	const char *and_word; /* one group: "and" */
	const char *since;    /* one group: "since|from" */
	const char *under;    /* one group: "under|less|below" */
	const char *vague;    /* one group: "few|several|some|many" */
	const char *filler;   /* one group of words that change nothing: "about|of|the|ago|st|nd" */
	const char *date_pattern; /* how a date is shown: "{day} {month} {year}" */
} mi_reading_words;

/* The words of the language in use (i18n.h): each list as its catalogue
 * translates it, English where it does not. */
mi_reading_words mi_reading_words_in_use(void);

/* English. */
extern const mi_reading_words mi_reading_words_en;

/* Reads a duration ("10 days", "3 months", "2 years", "6 wks", "a year and
 * a half", "1 year 3 months", "since March", "since 14 March 2025", or a
 * bare number of weeks) as whole weeks, rounded down (0 is under a week).
 * "since" counts from the first of the month or the date given, the most
 * recent one not after today. Fills *weeks on MI_READING_OK. */
mi_reading_status mi_reading_duration(const char *text, const mi_reading_words *words,
				      mi_date today, long *weeks);

/* Reads a date of birth ("14/03/1988", "1988-03-14", "14 March 1988",
 * "March 14th, 1988", "14 de marzo de 1988"; a two-digit year is the latest
 * one not after today). When day and month could be swapped (03/04/1988)
 * it returns MI_READING_AMBIGUOUS with both readings in out[0] and out[1],
 * the one order suggests first; otherwise the date is out[0]. A date after
 * today is MI_READING_FUTURE. */
mi_reading_status mi_reading_date(const char *text, const mi_reading_words *words,
				  mi_date_order order, mi_date today, mi_date out[2]);

/* Writes date in words ("14 March 1988") into buf (size bytes, always
 * terminated). Returns the length it needed, like snprintf. */
size_t mi_reading_format_date(mi_date date, const mi_reading_words *words, char *buf,
			      size_t size);

#endif
