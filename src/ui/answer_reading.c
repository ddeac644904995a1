/* answer_reading.c - typed durations and dates read, then put back in
 * words for the client to confirm (see ui_reading.h). */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/ui_reading.h"

/* A refusal: the message says what to type. */
static void refuse(mi_ui_reading *out, const char *message)
{
	out->kind = MI_UI_READ_REFUSED;
	snprintf(out->question, sizeof out->question, "%s", message);
}

/* True for a whole number of at most six digits. */
static bool plain_number(const char *text)
{
	size_t n = strlen(text);
	return n > 0 && n <= 6 && strspn(text, "0123456789") == n;
}

void mi_ui_read_weeks(const char *typed, mi_date today, long max, mi_ui_reading *out)
{
	memset(out, 0, sizeof *out);
	if (plain_number(typed)) {
		out->kind = MI_UI_READ_AS_TYPED;
		snprintf(out->value, sizeof out->value, "%s", typed);
		return;
	}
	long weeks = 0;
	mi_reading_words words = mi_reading_words_in_use();
	switch (mi_reading_duration(typed, &words, today, &weeks)) {
	case MI_READING_OK:
		break;
	case MI_READING_EMPTY:
		refuse(out, _("Please type how long you have had this pain, for example 6 weeks, "
			    "3 months or 2 years."));
		return;
	case MI_READING_VAGUE:
		refuse(out, _("Please give a number, for example 3 weeks, 2 months or since March."));
		return;
	case MI_READING_FUTURE:
		refuse(out, _("That date is after today; please check it, or type how long, for "
			    "example 3 months."));
		return;
	case MI_READING_NOT_A_DATE:
		refuse(out, _("That date does not exist; please check it, or type how long, for "
			    "example 3 months."));
		return;
	case MI_READING_OUT_OF_RANGE:
		weeks = max + 1;
		break;
	default:
		refuse(out, _("Please type how long, for example 10 days, 6 weeks, 3 months, "
			    "2 years or since March."));
		return;
	}
	if (weeks > max) {
		char message[160];
		snprintf(message, sizeof message,
			 _("That is longer than we can record; please type at most %ld weeks."), max);
		refuse(out, message);
		return;
	}
	out->kind = MI_UI_READ_CONFIRM;
	snprintf(out->value, sizeof out->value, "%ld", weeks);
	if (weeks == 0)
		snprintf(out->question, sizeof out->question, _("Less than a week: is that right?"));
	else
		snprintf(out->question, sizeof out->question,
			 dngettext(MI_TEXT_DOMAIN, "About %ld week: is that right?",
				   "About %ld weeks: is that right?", (unsigned long)weeks),
			 weeks);
}

void mi_ui_read_birth_date(const char *typed, mi_date_order order, mi_date today,
			   mi_ui_reading *out)
{
	memset(out, 0, sizeof *out);
	mi_date dates[2];
	mi_reading_words words = mi_reading_words_in_use();
	mi_reading_status s = mi_reading_date(typed, &words, order, today, dates);
	switch (s) {
	case MI_READING_OK:
	case MI_READING_AMBIGUOUS:
		break;
	case MI_READING_EMPTY:
		refuse(out, _("Please type your date of birth, for example 14 March 1988."));
		return;
	case MI_READING_NOT_A_DATE:
		refuse(out, _("That date does not exist; please check the day and the month, for "
			    "example 14 March 1988."));
		return;
	case MI_READING_FUTURE:
		refuse(out, _("That date of birth is in the future; please check it."));
		return;
	case MI_READING_OUT_OF_RANGE:
		refuse(out, _("Please check the year: type the date with all four digits, for "
			    "example 14 March 1988."));
		return;
	default:
		refuse(out, _("Please type the date like this: 14 March 1988, or 1988-03-14."));
		return;
	}
	char first[64], second[64];
	mi_reading_format_date(dates[0], &words, first, sizeof first);
	mi_date_format(dates[0], out->value);
	if (s == MI_READING_OK) {
		out->kind = MI_UI_READ_CONFIRM;
		snprintf(out->question, sizeof out->question, _("%s: is that right?"), first);
		return;
	}
	mi_reading_format_date(dates[1], &words, second, sizeof second);
	mi_date_format(dates[1], out->other);
	out->kind = MI_UI_READ_CHOOSE;
	snprintf(out->question, sizeof out->question, _("Did you mean 1: %s, or 2: %s?"), first,
		 second);
}

mi_ui_reply mi_ui_reading_reply(const mi_ui_reading *r, mi_ui_key key, const char **value)
{
	wchar_t c = key.kind == MI_KEY_CHAR ? key.ch : 0;
	*value = NULL;
	if (r->kind == MI_UI_READ_CHOOSE && (c == L'1' || c == L'2'))
		*value = c == L'1' ? r->value : r->other;
	else if (r->kind == MI_UI_READ_CONFIRM && (c == L'y' || c == L'Y'))
		*value = r->value;
	if (*value)
		return MI_UI_REPLY_KEEP;
	return c == L'n' || c == L'N' || key.kind == MI_KEY_ESC ? MI_UI_REPLY_CHANGE
								  : MI_UI_REPLY_NONE;
}

mi_date_order mi_ui_date_order_of(const char *format, bool *known)
{
	*known = true;
	for (const char *p = format ? strchr(format, '%') : NULL; p; p = strchr(p + 1, '%')) {
		const char *c = p + 1;
		while (*c == 'E' || *c == 'O' || *c == '-' || *c == '_' || *c == '0' || *c == '^' ||
		       *c == '#')
			c++;
		switch (*c) {
		case 'd':
		case 'e':
			return MI_DATE_DMY;
		case 'm':
		case 'b':
		case 'B':
		case 'D':
			return MI_DATE_MDY;
		case 'Y':
		case 'y':
		case 'F':
			return MI_DATE_YMD;
		default:
			break;
		}
	}
	*known = false;
	return MI_DATE_DMY;
}

mi_date_order mi_ui_locale_date_order(void)
{
	const char *name = setlocale(LC_TIME, NULL);
	if (!name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strncmp(name, "C.", 2) == 0)
		return MI_DATE_DMY;
	bool known;
	return mi_ui_date_order_of(nl_langinfo(D_FMT), &known);
}
