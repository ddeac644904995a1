/* reading.c - durations and dates read the way people write them. */
#include "mi/reading.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "mi/i18n.h"

/* The lists are marked for translation: a catalogue gives another
 * language's (mi_reading_words_in_use). */
const mi_reading_words mi_reading_words_en = {
	/* TRANSLATORS: the words a client may type for dates and durations,
	 * in groups separated by spaces, alternatives in a group separated by
	 * '|', the first shown (docs/translations.md). Keep the number of
	 * groups: 12 months, one group per number. Case and accents do not
	 * matter. */
	.months = NP_("reading words",
		      "January|jan February|feb March|mar April|apr May June|jun July|jul "
		      "August|aug September|sep|sept October|oct November|nov December|dec"),
	.numbers = NP_("reading words",
		       "a|an|one two|couple three four five six seven eight nine ten eleven twelve"),
	.days = NP_("reading words", "day|days|d|dys"),
	.weeks = NP_("reading words", "week|weeks|wk|wks|w"),
	.months_unit = NP_("reading words", "month|months|mo|mos|mth|mths"),
	.years = NP_("reading words", "year|years|yr|yrs|y"),
	.half = NP_("reading words", "half"),
	.and_word = NP_("reading words", "and"),
	.since = NP_("reading words", "since|from"),
	.under = NP_("reading words", "under|less|below"),
	.vague = NP_("reading words", "few|several|some|many|while"),
	.filler = NP_("reading words",
		      "about|around|roughly|approximately|almost|nearly|over|more|than|for|of|the|"
		      "ago|past|last|in|on|st|nd|rd|th|born|started|began|it|its"),
	/* TRANSLATORS: how a date is shown back to the client to confirm. */
	.date_pattern = NP_("reading words", "{day} {month} {year}"),
};

enum {
	MAX_TOKENS = 32,
	MAX_WORD = 64,          /* bytes of one folded word */
	DAYS_PER_WEEK = 7,
	MAX_DURATION_YEARS = 100,
	FIRST_YEAR = 1900,
};

/* Average lengths, so "3 months" and "2 years" come out the same whatever
 * the date. */
#define DAYS_PER_MONTH (365.25 / 12)
#define DAYS_PER_YEAR 365.25

typedef enum token_kind { TOKEN_NUMBER, TOKEN_WORD } token_kind;

typedef struct token {
	token_kind kind;
	double value;  /* TOKEN_NUMBER */
	int digits;    /* digits before any decimal point */
	bool decimal;  /* it had a fraction */
	char word[MAX_WORD]; /* TOKEN_WORD, folded */
} token;

typedef struct tokens {
	token items[MAX_TOKENS];
	size_t count;
	bool overflow; /* too many tokens or too long a word: unclear */
} tokens;

/* Case, accents and width folded away ("Février" is "fevrier"), so the
 * client's text and the word lists compare equal. Caller frees; NULL when
 * the text is not valid UTF-8 or memory runs out. */
static char *fold(const char *text)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n =
		utf8proc_map((const utf8proc_uint8_t *)text, 0, &out,
			     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
				     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	return n < 0 ? NULL : (char *)out;
}

/* Vulgar fractions become decimals before folding: compatibility folding
 * would turn "2½" into "21⁄2". */
static char *spell_fractions(const char *text)
{
	static const struct {
		const char *glyph, *decimal;
	} fractions[] = {{"\xc2\xbd", ".5"}, {"\xc2\xbc", ".25"}, {"\xc2\xbe", ".75"}};
	size_t len = strlen(text);
	char *out = malloc(len * 2 + 1);
	if (!out)
		return NULL;
	size_t used = 0;
	for (size_t i = 0; i < len;) {
		size_t f = 0;
		while (f < sizeof fractions / sizeof fractions[0] &&
		       strncmp(text + i, fractions[f].glyph, 2) != 0)
			f++;
		if (f < sizeof fractions / sizeof fractions[0]) {
			size_t n = strlen(fractions[f].decimal);
			memcpy(out + used, fractions[f].decimal, n);
			used += n;
			i += 2;
		} else {
			out[used++] = text[i++];
		}
	}
	out[used] = '\0';
	return out;
}

static bool is_word_char(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
	       cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
	       cat == UTF8PROC_CATEGORY_LO;
}

/* Cuts folded text into numbers and words; everything else separates.
 * With decimals, "1.5" and "1,5" are one number (a duration); without,
 * they are two (a date such as 14.03.1988). */
static void cut(const char *folded, bool decimals, tokens *out)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)folded;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(folded), i = 0;
	out->count = 0;
	out->overflow = false;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t step = utf8proc_iterate(s + i, len - i, &c);
		if (step <= 0) {
			out->overflow = true;
			return;
		}
		bool digit = c >= '0' && c <= '9';
		bool point = c == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9' && decimals;
		if (!digit && !point && !is_word_char(c)) {
			i += step;
			continue;
		}
		if (out->count == MAX_TOKENS) {
			out->overflow = true;
			return;
		}
		token *t = &out->items[out->count++];
		*t = (token){.kind = digit || point ? TOKEN_NUMBER : TOKEN_WORD};
		if (t->kind == TOKEN_NUMBER) {
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				t->value = t->value * 10 + (s[i++] - '0');
				t->digits++;
			}
			if (decimals && i + 1 < len && (s[i] == '.' || s[i] == ',') && s[i + 1] >= '0' &&
			    s[i + 1] <= '9') {
				double scale = 0.1;
				t->decimal = true;
				for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, scale /= 10)
					t->value += (s[i] - '0') * scale;
			}
			if (t->digits > 9) {
				out->overflow = true;
				return;
			}
			continue;
		}
		size_t used = 0;
		while (i < len) {
			step = utf8proc_iterate(s + i, len - i, &c);
			if (step <= 0 || !is_word_char(c))
				break;
			if (used + (size_t)step >= MAX_WORD) {
				out->overflow = true;
				return;
			}
			memcpy(t->word + used, s + i, (size_t)step);
			used += (size_t)step;
			i += step;
		}
		t->word[used] = '\0';
	}
}

/* The index of the group of list holding word as one of its alternatives,
 * or -1. list is folded first, so it may be written with capitals and
 * accents. */
static int group_of(const char *list, const char *word)
{
	char *folded = list ? fold(list) : NULL;
	if (!folded)
		return -1;
	int group = 0, found = -1;
	size_t wlen = strlen(word);
	for (const char *p = folded; *p && found < 0;) {
		size_t n = strcspn(p, "| ");
		if (n == wlen && strncmp(p, word, n) == 0)
			found = group;
		p += n;
		if (*p == ' ')
			group++;
		if (*p)
			p++;
	}
	free(folded);
	return found;
}

static bool is_in(const char *list, const token *t)
{
	return t->kind == TOKEN_WORD && group_of(list, t->word) == 0;
}

/* Folds and cuts text; false when it is not valid UTF-8, too long or out
 * of memory (the caller says "unclear"). */
static bool read_tokens(const char *text, bool decimals, tokens *out)
{
	char *spelled = spell_fractions(text);
	char *folded = spelled ? fold(spelled) : NULL;
	free(spelled);
	if (!folded)
		return false;
	cut(folded, decimals, out);
	free(folded);
	return !out->overflow;
}

/* Drops the words that change nothing. */
static void drop_filler(tokens *t, const mi_reading_words *words)
{
	size_t kept = 0;
	for (size_t i = 0; i < t->count; i++)
		if (!is_in(words->filler, &t->items[i]))
			t->items[kept++] = t->items[i];
	t->count = kept;
}

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static bool real_date(int year, int month, int day)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12 || day < 1)
		return false;
	return day <= days[month - 1] + (month == 2 && is_leap(year));
}

/* A year as written: four digits as they are, two digits as the latest
 * such year not after today. */
static int full_year(const token *t, mi_date today)
{
	int y = (int)t->value;
	if (t->digits != 2)
		return y;
	int century = today.year / 100 * 100;
	return century + y > today.year ? century - 100 + y : century + y;
}

static bool is_year(const token *t)
{
	return t->kind == TOKEN_NUMBER && !t->decimal && (t->digits == 4 || t->digits == 2);
}

/* Checks a date read from the text: real, from 1900 on, not after today. */
static mi_reading_status check_date(int year, int month, int day, mi_date today, mi_date *out)
{
	if (!real_date(year, month, day))
		return MI_READING_NOT_A_DATE;
	mi_date d = {.year = year, .month = month, .day = day};
	if (year < FIRST_YEAR)
		return MI_READING_OUT_OF_RANGE;
	if (mi_date_compare(d, today) > 0)
		return MI_READING_FUTURE;
	*out = d;
	return MI_READING_OK;
}

/* Three numbers: year first (ISO), or day and month in either order with
 * the year last. */
static mi_reading_status numeric_date(const token *n, mi_date_order order, mi_date today,
				      mi_date out[2])
{
	if (n[0].digits == 4)
		return check_date((int)n[0].value, (int)n[1].value, (int)n[2].value, today, &out[0]);
	if (!is_year(&n[2]) || n[0].digits > 2 || n[1].digits > 2)
		return MI_READING_UNCLEAR;
	int year = full_year(&n[2], today), a = (int)n[0].value, b = (int)n[1].value;
	if (a > 12 && b > 12)
		return MI_READING_NOT_A_DATE;
	if (a > 12 || b > 12 || a == b) {
		int day = a > 12 ? a : b, month = a > 12 ? b : a;
		return check_date(year, month, day, today, &out[0]);
	}
	/* Both could be the month: the client is asked, never guessed for. */
	bool month_first = order == MI_DATE_MDY;
	mi_date first, second;
	mi_reading_status s1 =
		check_date(year, month_first ? a : b, month_first ? b : a, today, &first);
	mi_reading_status s2 =
		check_date(year, month_first ? b : a, month_first ? a : b, today, &second);
	if (s1 != MI_READING_OK && s2 != MI_READING_OK)
		return s1;
	if (s1 != MI_READING_OK || s2 != MI_READING_OK) {
		out[0] = s1 == MI_READING_OK ? first : second;
		return MI_READING_OK;
	}
	out[0] = first;
	out[1] = second;
	return MI_READING_AMBIGUOUS;
}

/* A month written as a word with a day and, when year_needed, a year in
 * any order ("14 March 1988", "March 14 1988", "1988 March 14"). Without a
 * year (year_needed false) the date is the latest one not after today. */
static mi_reading_status worded_date(const tokens *t, int month, bool year_needed, mi_date today,
				     mi_date *out)
{
	const token *nums[2];
	size_t count = 0;
	for (size_t i = 0; i < t->count; i++) {
		if (t->items[i].kind != TOKEN_NUMBER)
			continue;
		if (count == 2 || t->items[i].decimal)
			return MI_READING_UNCLEAR;
		nums[count++] = &t->items[i];
	}
	if (count == 1 && !year_needed) {
		if (nums[0]->digits > 2)
			return MI_READING_UNCLEAR;
		int day = (int)nums[0]->value;
		mi_reading_status s = check_date(today.year, month, day, today, out);
		return s == MI_READING_FUTURE ? check_date(today.year - 1, month, day, today, out) : s;
	}
	if (count != 2)
		return MI_READING_UNCLEAR;
	/* The four-digit number is the year; with none, the later one is. */
	size_t y = nums[0]->digits == 4 ? 0 : 1;
	if (!is_year(nums[y]) || nums[1 - y]->digits > 2)
		return MI_READING_UNCLEAR;
	return check_date(full_year(nums[y], today), month, (int)nums[1 - y]->value, today, out);
}

/* The month named in the tokens (1-12), 0 for none, -1 for a word that is
 * neither a month nor known. */
static int month_named(const tokens *t, const mi_reading_words *words)
{
	int month = 0;
	for (size_t i = 0; i < t->count; i++) {
		if (t->items[i].kind != TOKEN_WORD)
			continue;
		int m = group_of(words->months, t->items[i].word);
		if (m < 0 || month > 0)
			return -1;
		month = m + 1;
	}
	return month;
}

/* A date from tokens already cut and without filler; year_needed false
 * allows "14 March" (for "since 14 March"). */
static mi_reading_status tokens_date(const tokens *t, const mi_reading_words *words,
				     mi_date_order order, bool year_needed, mi_date today,
				     mi_date out[2])
{
	if (t->count == 0)
		return MI_READING_EMPTY;
	int month = month_named(t, words);
	if (month < 0)
		return MI_READING_UNCLEAR;
	if (month > 0)
		return worded_date(t, month, year_needed, today, &out[0]);
	if (t->count != 3)
		return MI_READING_UNCLEAR;
	return numeric_date(t->items, order, today, out);
}

mi_reading_status mi_reading_date(const char *text, const mi_reading_words *words,
				  mi_date_order order, mi_date today, mi_date out[2])
{
	tokens t;
	if (!read_tokens(text, false, &t))
		return MI_READING_UNCLEAR;
	drop_filler(&t, words);
	return tokens_date(&t, words, order, true, today, out);
}

/* "since ...": a month (its first day, the latest not after today), a month
 * and year, a year, or a date. Fills *start. */
static mi_reading_status since_start(tokens *t, const mi_reading_words *words, mi_date today,
				     mi_date *start)
{
	int month = month_named(t, words);
	if (month < 0)
		return MI_READING_UNCLEAR;
	if (t->count == 1 && month > 0) {
		int year = month > today.month ? today.year - 1 : today.year;
		return check_date(year, month, 1, today, start);
	}
	if (t->count == 1 && is_year(&t->items[0]) && t->items[0].digits == 4) {
		/* "since this year" says too little to count weeks from. */
		if ((int)t->items[0].value == today.year)
			return MI_READING_VAGUE;
		return check_date((int)t->items[0].value, 1, 1, today, start);
	}
	if (t->count == 2 && month > 0) {
		const token *y = &t->items[t->items[0].kind == TOKEN_NUMBER ? 0 : 1];
		if (y->digits == 4)
			return check_date((int)y->value, month, 1, today, start);
	}
	mi_date dates[2];
	mi_reading_status s = tokens_date(t, words, MI_DATE_DMY, false, today, dates);
	if (s == MI_READING_AMBIGUOUS)
		return MI_READING_VAGUE;
	if (s == MI_READING_OK)
		*start = dates[0];
	return s;
}

/* The number a token stands for (digits or a number word), or -1. */
static double number_of(const token *t, const mi_reading_words *words)
{
	if (t->kind == TOKEN_NUMBER)
		return t->value;
	int n = group_of(words->numbers, t->word);
	return n < 0 ? -1 : n + 1;
}

/* Days in one unit word, or 0 when the word is no unit. */
static double unit_days(const token *t, const mi_reading_words *words)
{
	if (is_in(words->days, t))
		return 1;
	if (is_in(words->weeks, t))
		return DAYS_PER_WEEK;
	if (is_in(words->months_unit, t))
		return DAYS_PER_MONTH;
	if (is_in(words->years, t))
		return DAYS_PER_YEAR;
	return 0;
}

/* "and a half" (or "and half"): three or two tokens starting at i, or 0. */
static size_t and_a_half(const tokens *t, size_t i, const mi_reading_words *words)
{
	if (i + 1 >= t->count || !is_in(words->and_word, &t->items[i]))
		return 0;
	if (is_in(words->half, &t->items[i + 1]))
		return 2;
	if (i + 2 < t->count && number_of(&t->items[i + 1], words) == 1 &&
	    t->items[i + 1].kind == TOKEN_WORD && is_in(words->half, &t->items[i + 2]))
		return 3;
	return 0;
}

/* Sums "AMOUNT UNIT" terms: "1 year 3 months", "a year and a half", "one
 * and a half years", "half a year", "1.5 years". A lone number is weeks. */
static mi_reading_status sum_terms(const tokens *t, const mi_reading_words *words, double *days)
{
	double total = 0, amount = -1, share = 1, last_unit = 0;
	bool amount_is_word = false;
	for (size_t i = 0; i < t->count; i++) {
		const token *k = &t->items[i];
		size_t half = and_a_half(t, i, words);
		double n = number_of(k, words), unit = unit_days(k, words);
		if (half) {
			if (amount >= 0)
				amount += 0.5; /* one and a half years */
			else if (last_unit > 0)
				total += 0.5 * last_unit; /* a year and a half */
			else
				return MI_READING_UNCLEAR;
			i += half - 1;
		} else if (is_in(words->and_word, k)) {
			if (amount >= 0)
				return MI_READING_UNCLEAR;
		} else if (is_in(words->half, k)) {
			share *= 0.5; /* half a year */
		} else if (n >= 0) {
			/* "a couple": the article gives way to the number after it. */
			if (amount >= 0 && !(amount_is_word && k->kind == TOKEN_WORD))
				return MI_READING_UNCLEAR;
			amount = n;
			amount_is_word = k->kind == TOKEN_WORD;
		} else if (unit > 0) {
			if (amount < 0)
				return MI_READING_VAGUE;
			total += amount * share * unit;
			last_unit = unit;
			amount = -1;
			share = 1;
		} else if (is_in(words->vague, k)) {
			return MI_READING_VAGUE;
		} else {
			return MI_READING_UNCLEAR;
		}
	}
	if (amount >= 0) {
		if (total > 0 || share != 1 || amount_is_word)
			return MI_READING_UNCLEAR;
		total = amount * DAYS_PER_WEEK; /* the question asks for weeks */
	} else if (share != 1) {
		return MI_READING_UNCLEAR;
	}
	*days = total;
	return MI_READING_OK;
}

mi_reading_status mi_reading_duration(const char *text, const mi_reading_words *words,
				      mi_date today, long *weeks)
{
	tokens t;
	if (!read_tokens(text, true, &t))
		return MI_READING_UNCLEAR;
	drop_filler(&t, words);
	if (t.count == 0)
		return MI_READING_EMPTY;
	double days;
	if (is_in(words->since, &t.items[0])) {
		memmove(t.items, t.items + 1, (t.count - 1) * sizeof t.items[0]);
		t.count--;
		mi_date start;
		mi_reading_status s = since_start(&t, words, today, &start);
		if (s != MI_READING_OK)
			return s;
		days = (double)mi_date_days_between(start, today);
	} else {
		bool under = is_in(words->under, &t.items[0]);
		if (under) {
			memmove(t.items, t.items + 1, (t.count - 1) * sizeof t.items[0]);
			t.count--;
		}
		if (t.count == 0)
			return MI_READING_UNCLEAR;
		mi_reading_status s = sum_terms(&t, words, &days);
		if (s != MI_READING_OK)
			return s;
		/* "less than a week" is under a week; "under half a day" is none. */
		if (under)
			days = days >= 1 ? days - 1 : 0;
	}
	if (days > MAX_DURATION_YEARS * DAYS_PER_YEAR)
		return MI_READING_OUT_OF_RANGE;
	*weeks = (long)floor(days / DAYS_PER_WEEK);
	return MI_READING_OK;
}

/* The shown form of month (1-12): the first alternative of its group. */
static size_t month_word(const mi_reading_words *words, int month, const char **start)
{
	const char *p = words->months;
	for (int m = 1; m < month && *p; m++) {
		p += strcspn(p, " ");
		if (*p)
			p++;
	}
	*start = p;
	return strcspn(p, "| ");
}

/* Appends n bytes of s to buf as far as size allows; *used counts them all. */
static void append(char *buf, size_t size, size_t *used, const char *s, size_t n)
{
	if (*used < size)
		memcpy(buf + *used, s, *used + n < size ? n : size - *used);
	*used += n;
}

size_t mi_reading_format_date(mi_date date, const mi_reading_words *words, char *buf, size_t size)
{
	size_t used = 0;
	char number[16];
	for (const char *p = words->date_pattern; *p;) {
		if (strncmp(p, "{day}", 5) == 0 || strncmp(p, "{year}", 6) == 0) {
			bool day = p[1] == 'd';
			int n = snprintf(number, sizeof number, "%d", day ? date.day : date.year);
			append(buf, size, &used, number, (size_t)n);
			p += day ? 5 : 6;
		} else if (strncmp(p, "{month}", 7) == 0) {
			const char *m;
			size_t n = month_word(words, date.month, &m);
			append(buf, size, &used, m, n);
			p += 7;
		} else {
			append(buf, size, &used, p, 1);
			p++;
		}
	}
	if (size > 0)
		buf[used < size ? used : size - 1] = '\0';
	return used;
}

mi_reading_words mi_reading_words_in_use(void)
{
	mi_reading_words w = mi_reading_words_en;
	const char **lists[] = {&w.months,	&w.numbers, &w.days,	 &w.weeks, &w.months_unit,
				&w.years,	&w.half,    &w.and_word, &w.since, &w.under,
				&w.vague,	&w.filler,  &w.date_pattern};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		*lists[i] = mi_pgettext_in("reading words", *lists[i]);
	return w;
}
