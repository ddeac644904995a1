/* meds_words.c - cutting a medication as the client wrote it into folded
 * words: letters and digits by Unicode category, everything else a
 * separator; NFKC, case folding and accents removed (utf8proc). */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "meds_internal.h"

/* Units a dose may be written in, and their size in milligrams. The micro
 * sign and the Greek mu both fold to the mu, so there is one "mu-g". */
static const struct {
	const char *word;
	size_t len;
	double mg;
} units[] = {
#define UNIT(w, mg) {w, sizeof(w) - 1, mg}
	UNIT("mg", 1.0),          UNIT("mgs", 1.0),          UNIT("milligram", 1.0),
	UNIT("milligrams", 1.0),  UNIT("g", 1000.0),         UNIT("gram", 1000.0),
	UNIT("grams", 1000.0),    UNIT("mcg", 0.001),        UNIT("ug", 0.001),
	UNIT("\xce\xbcg", 0.001), UNIT("microgram", 0.001), UNIT("micrograms", 0.001),
#undef UNIT
};

double mi_meds_unit_mg(const char *s, size_t len)
{
	/* Every unit starts with m, g, u or the first byte of mu. */
	if (len == 0 || len > 10 || !strchr("mgu\xce", s[0]))
		return 0;
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		if (units[u].len == len && memcmp(units[u].word, s, len) == 0)
			return units[u].mg;
	return 0;
}

uint32_t mi_meds_hash(uint32_t h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

void mi_meds_words_free(mwords *w)
{
	if (w->buf_on_heap)
		free(w->buf);
	if (w->words_on_heap)
		free(w->words);
	*w = (mwords){0};
}

/* Makes room for cap items of size size in *array (count used), moving a
 * caller's array to the heap the first time. */
static bool grow(void **array, size_t count, size_t size, size_t cap, bool *on_heap)
{
	void *grown = *on_heap ? realloc(*array, cap * size) : malloc(cap * size);
	if (!grown)
		return false;
	if (!*on_heap && count)
		memcpy(grown, *array, count * size);
	*array = grown;
	*on_heap = true;
	return true;
}

/* What a folded code point is. */
typedef enum cp_class { C_SEPARATOR, C_LETTER, C_DIGIT } cp_class;

static cp_class classify_folded(utf8proc_int32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'a' && cp <= 'z')
			return C_LETTER;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		return C_SEPARATOR;
	}
	utf8proc_category_t cat = utf8proc_category(cp);
	if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
		return C_LETTER;
	return C_SEPARATOR;
}

/* True when an ASCII character separates medicines. */
static bool ascii_part_separator(utf8proc_int32_t c)
{
	return c == ',' || c == ';' || c == '.' || c == '+' || c == '&' || c == '|' || c == '\n';
}

/* True when a non-ASCII separator separates medicines: bullets, and the
 * forms that fold to , ; . + & | (full-width, ideographic, Arabic). */
static bool other_part_separator(utf8proc_int32_t cp)
{
	static const utf8proc_int32_t marks[] = {0x2022, 0x2023, 0x2043, 0x25CF, 0x25E6, 0x2219,
						 0x00B7, 0x30FB, 0x3001, 0x3002, 0x060C, 0x061B};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i] == cp)
			return true;
	utf8proc_int32_t out[8];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, out, 8, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
						     &last);
	return n == 1 && ascii_part_separator(out[0]);
}

/* The word being built. */
typedef struct builder {
	mwords *w;
	cp_class current;   /* C_SEPARATOR: no word open */
	size_t buf_start;   /* where the open word starts in buf */
	size_t letters;
	size_t start, end;  /* original bytes */
	unsigned part;
	double value;
	bool failed;
} builder;

static bool reserve_buf(mwords *w, size_t more)
{
	if (w->buf_len + more <= w->buf_cap)
		return true;
	size_t cap = w->buf_cap ? w->buf_cap : 64;
	while (cap < w->buf_len + more)
		cap *= 2;
	if (!grow((void **)&w->buf, w->buf_len, 1, cap, &w->buf_on_heap))
		return false;
	w->buf_cap = cap;
	return true;
}

/* Ends the open word, if any. */
static void close_word(builder *b)
{
	if (b->current == C_SEPARATOR || b->failed)
		return;
	mwords *w = b->w;
	if (w->count == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		if (!grow((void **)&w->words, w->count, sizeof *w->words, cap, &w->words_on_heap)) {
			b->failed = true;
			return;
		}
		w->cap = cap;
	}
	/* s holds an offset until the buffer stops moving (mi_meds_cut). */
	size_t len = w->buf_len - b->buf_start;
	bool number = b->current == C_DIGIT;
	w->words[w->count++] = (mword){.s = (const char *)(uintptr_t)b->buf_start,
				       .len = len,
				       .letters = b->letters,
				       .start = b->start,
				       .end = b->end,
				       .part = b->part,
				       .number = number,
				       .value = b->value,
				       .unit_mg = number ? 0 : mi_meds_unit_mg(w->buf + b->buf_start, len)};
	b->current = C_SEPARATOR;
}

/* Adds one folded code point from the original bytes [start, end). */
static void add_folded(builder *b, utf8proc_int32_t cp, size_t start, size_t end)
{
	cp_class c = classify_folded(cp);
	if (c != b->current)
		close_word(b);
	if (c == C_SEPARATOR || b->failed)
		return;
	if (b->current == C_SEPARATOR) {
		b->current = c;
		b->buf_start = b->w->buf_len;
		b->letters = 0;
		b->start = start;
		b->value = 0;
	}
	b->end = end;
	if (!reserve_buf(b->w, 4)) {
		b->failed = true;
		return;
	}
	if (cp < 0x80)
		b->w->buf[b->w->buf_len++] = (char)cp;
	else
		b->w->buf_len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)b->w->buf +
									 b->w->buf_len);
	b->letters++;
	if (c == C_DIGIT)
		b->value = b->value * 10 + (cp - '0');
}

static bool ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Adds a run of ASCII letters text[start..start+n) at once: the common
 * case, folded by lower-casing. */
static void add_ascii_letters(builder *b, const char *text, size_t start, size_t n)
{
	if (b->current != C_LETTER) {
		close_word(b);
		if (b->failed)
			return;
		b->current = C_LETTER;
		b->buf_start = b->w->buf_len;
		b->letters = 0;
		b->start = start;
		b->value = 0;
	}
	if (!reserve_buf(b->w, n)) {
		b->failed = true;
		return;
	}
	char *out = b->w->buf + b->w->buf_len;
	for (size_t k = 0; k < n; k++) {
		char c = text[start + k];
		out[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	b->w->buf_len += n;
	b->letters += n;
	b->end = start + n;
}

/* After the digits of a number, "1,000" (a thousands separator: three
 * digits, then no digit) or "0.5" and "2,5" (a decimal point). Reading
 * "1.000 mg" as a thousand is the safe side for a dose ceiling. Returns
 * the bytes used from text + i, 0 when nothing follows the number. */
static size_t number_tail(builder *b, const char *text, size_t len, size_t i)
{
	char c = text[i];
	if ((c != '.' && c != ',') || i + 1 >= len || text[i + 1] < '0' || text[i + 1] > '9')
		return 0;
	size_t digits = 0;
	while (i + 1 + digits < len && text[i + 1 + digits] >= '0' && text[i + 1 + digits] <= '9')
		digits++;
	bool thousands = digits == 3 && b->value != 0;
	if (!reserve_buf(b->w, 1 + digits)) {
		b->failed = true;
		return 1 + digits;
	}
	b->w->buf[b->w->buf_len++] = thousands ? ',' : '.';
	double scale = 0.1;
	for (size_t k = 0; k < digits; k++) {
		int d = text[i + 1 + k] - '0';
		b->w->buf[b->w->buf_len++] = (char)('0' + d);
		if (thousands) {
			b->value = b->value * 10 + d;
		} else {
			b->value += d * scale;
			scale /= 10;
		}
	}
	b->letters += 1 + digits;
	b->end = i + 1 + digits;
	return 1 + digits;
}

bool mi_meds_cut(const char *text, size_t len, mwords *w)
{
	w->buf_len = 0;
	w->count = 0;
	builder b = {.w = w, .current = C_SEPARATOR};
	const utf8proc_option_t fold = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
				       UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
	size_t i = 0;
	while (i < len && !b.failed) {
		unsigned char c = (unsigned char)text[i];
		if (ascii_letter(c)) {
			size_t j = i + 1;
			while (j < len && ascii_letter((unsigned char)text[j]))
				j++;
			add_ascii_letters(&b, text, i, j - i);
			i = j;
			continue;
		}
		if (c < 0x80) {
			if (b.current == C_DIGIT) {
				size_t used = number_tail(&b, text, len, i);
				if (used) {
					i += used;
					continue;
				}
			}
			utf8proc_int32_t cp = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
			add_folded(&b, cp, i, i + 1);
			if (ascii_part_separator(c))
				b.part++;
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) { /* not UTF-8: a separator */
			close_word(&b);
			i++;
			continue;
		}
		const utf8proc_property_t *prop = utf8proc_get_property(cp);
		if (prop->ignorable) { /* soft hyphen, zero-width joiners: inside a word */
			i += (size_t)n;
			continue;
		}
		utf8proc_category_t cat = prop->category;
		bool word_char = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
				 (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_NO);
		if (!word_char) {
			close_word(&b);
			if (other_part_separator(cp))
				b.part++;
			i += (size_t)n;
			continue;
		}
		utf8proc_int32_t out[32];
		int last = 0;
		utf8proc_ssize_t m = utf8proc_decompose_char(cp, out, 32, fold, &last);
		if (m < 0 || m > 32) {
			out[0] = cp;
			m = 1;
		}
		for (utf8proc_ssize_t k = 0; k < m; k++)
			add_folded(&b, out[k], i, i + (size_t)n);
		i += (size_t)n;
	}
	close_word(&b);
	if (b.failed) {
		w->count = 0;
		return false;
	}
	for (size_t k = 0; k < w->count; k++)
		w->words[k].s = w->buf + (uintptr_t)w->words[k].s;
	return true;
}
