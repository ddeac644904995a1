/* meds_fuzzy.c - reading a misspelt word as the nearest dictionary word:
 * optimal string alignment distance (Damerau-Levenshtein where a swap of
 * two neighbouring letters is one edit), within an allowance that grows
 * with the word's length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "meds_internal.h"

size_t mi_meds_code_points(const char *s, size_t len, uint32_t *cps, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t used = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
							 (utf8proc_ssize_t)(len - i), &cp);
		if (used <= 0) {
			cp = (unsigned char)s[i];
			used = 1;
		}
		if (n == max)
			return max + 1;
		cps[n++] = (uint32_t)cp;
		i += (size_t)used;
	}
	return n;
}

/* Edits allowed for a word of this many letters: none under 5, one for 5
 * or 6, two from 7 on. */
static size_t allowance(size_t letters)
{
	return letters < MI_MEDS_FUZZY_MIN_LETTERS ? 0 : letters <= 6 ? 1 : 2;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* The optimal string alignment distance of a[0..n) and b[0..m), or k + 1
 * once it is certain to be more than k. */
static size_t osa_within(const uint32_t *a, size_t n, const uint32_t *b, size_t m, size_t k)
{
	size_t rows[3][FUZZY_MAX_LETTERS + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	size_t prev_best = 0;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		size_t best = cur[0];
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t d = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		/* A swap reaches back two rows: stop when two rows are over k. */
		if (best > k && prev_best > k)
			return k + 1;
		prev_best = best;
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[m];
}

/* A polynomial hash of code points, so that the hash of a word with one
 * or two letters deleted comes from its prefix hashes in a few steps. */
enum { HASH_BASE = 0x9E3779B1u };

/* Calls fn(hash, data) for cps[0..n) (n <= FUZZY_MAX_LETTERS) with up to k
 * letters deleted; stops when fn returns false. */
static bool each_deletion(const uint32_t *cps, size_t n, size_t k,
			  bool (*fn)(uint32_t hash, void *data), void *data)
{
	/* prefix[i]: hash of cps[0..i); power[i]: HASH_BASE^i. The hash of
	 * cps[a..b) is prefix[b] - prefix[a] * power[b - a]. */
	uint32_t prefix[FUZZY_MAX_LETTERS + 1], power[FUZZY_MAX_LETTERS + 1];
	prefix[0] = 0;
	power[0] = 1;
	for (size_t i = 0; i < n; i++) {
		prefix[i + 1] = prefix[i] * HASH_BASE + cps[i] + 1;
		power[i + 1] = power[i] * HASH_BASE;
	}
#define PART(a, b) (prefix[b] - prefix[a] * power[(b) - (a)])
	if (!fn(prefix[n], data))
		return false;
	for (size_t i = 0; k >= 1 && i < n; i++) {
		/* without i: cps[0..i) then cps[i+1..n) */
		uint32_t head = prefix[i];
		if (!fn(head * power[n - i - 1] + PART(i + 1, n), data))
			return false;
		for (size_t j = i + 1; k >= 2 && j < n; j++) {
			uint32_t h = (head * power[j - i - 1] + PART(i + 1, j)) * power[n - j - 1] +
				     PART(j + 1, n);
			if (!fn(h, data))
				return false;
		}
	}
#undef PART
	return true;
}

typedef struct adding {
	fuzzy_index *ix;
	uint32_t target;
} adding;

/* each_deletion callback while indexing: files the target under hash. */
static bool add_deletion(uint32_t hash, void *data)
{
	adding *a = data;
	fuzzy_index *ix = a->ix;
	size_t i = hash & (ix->cap - 1);
	while (ix->deletions[i].target) {
		if (ix->deletions[i].hash == hash && ix->deletions[i].target == a->target)
			return true; /* "aab" less one "a", twice */
		i = (i + 1) & (ix->cap - 1);
	}
	ix->deletions[i] = (deletion){hash, a->target};
	return true;
}

/* Indexes the misspelling targets by their deletions; false when out of
 * memory (then no word is ever read as a misspelling). */
static bool build_index(const mi_meds *m, fuzzy_index *ix)
{
	size_t count = 0;
	for (size_t t = 0; t < m->target_count; t++) {
		size_t n = m->targets[t]->letters;
		count += 1 + n + n * (n - 1) / 2;
	}
	size_t cap = 1024;
	while (cap < 2 * count)
		cap *= 2;
	ix->deletions = calloc(cap, sizeof *ix->deletions);
	if (!ix->deletions)
		return false;
	ix->cap = cap;
	for (size_t t = 0; t < m->target_count; t++) {
		adding a = {ix, (uint32_t)t + 1};
		each_deletion(m->targets[t]->cps, m->targets[t]->letters, 2, add_deletion, &a);
	}
	return true;
}

/* The search for the nearest target of one word. Candidates rank by
 * distance, then by starting with the word's first letter; among the best
 * ones a word of a class name wins, then file order. A tie between a word
 * of a class name and another word is not guessed at. */
typedef struct search {
	const mi_meds *m;
	const uint32_t *cps;
	size_t n, k;
	uint8_t *seen; /* one bit per target */
	const vocab_word *best;
	size_t best_rank;            /* distance * 2 + (first letter differs) */
	bool tie_class, tie_other;   /* what the candidates of best_rank are */
} search;

/* Considers target c at distance d. */
static void consider(search *s, const vocab_word *c, size_t d)
{
	size_t rank = d * 2 + (c->cps[0] != s->cps[0]);
	bool is_class = c->priority == 2;
	if (!s->best || rank < s->best_rank) {
		s->best = c;
		s->best_rank = rank;
		s->tie_class = is_class;
		s->tie_other = !is_class;
		return;
	}
	if (rank > s->best_rank)
		return;
	s->tie_class |= is_class;
	s->tie_other |= !is_class;
	if (c->priority > s->best->priority ||
	    (c->priority == s->best->priority && c->order < s->best->order))
		s->best = c;
}

/* each_deletion callback while searching: checks the targets filed under
 * hash. */
static bool check_deletion(uint32_t hash, void *data)
{
	search *s = data;
	const mi_meds *m = s->m;
	const fuzzy_index *ix = m->index;
	for (size_t i = hash & (ix->cap - 1); ix->deletions[i].target; i = (i + 1) & (ix->cap - 1)) {
		if (ix->deletions[i].hash != hash)
			continue;
		uint32_t t = ix->deletions[i].target - 1;
		if (s->seen[t / 8] & (1u << (t % 8)))
			continue;
		s->seen[t / 8] |= (uint8_t)(1u << (t % 8));
		const vocab_word *c = m->targets[t];
		size_t bound = s->best && s->best_rank / 2 < s->k ? s->best_rank / 2 : s->k;
		size_t d = osa_within(s->cps, s->n, c->cps, c->letters, bound);
		if (d <= s->k)
			consider(s, c, d);
	}
	return true;
}

const vocab_word *mi_meds_nearest(const mi_meds *m, const mword *word)
{
	size_t k = allowance(word->letters);
	if (k == 0 || word->letters > FUZZY_MAX_LETTERS || word->number)
		return NULL;
	fuzzy_index *ix = m->index;
	if (!ix->built && !ix->failed) {
		ix->built = build_index(m, ix);
		ix->failed = !ix->built;
	}
	if (!ix->built)
		return NULL;
	uint32_t cps[FUZZY_MAX_LETTERS];
	size_t n = mi_meds_code_points(word->s, word->len, cps, FUZZY_MAX_LETTERS);
	if (n > FUZZY_MAX_LETTERS)
		return NULL;
	uint8_t small[1024];
	size_t bytes = m->target_count / 8 + 1;
	uint8_t *seen = bytes <= sizeof small ? small : malloc(bytes);
	if (!seen)
		return NULL;
	memset(seen, 0, bytes);
	search s = {.m = m, .cps = cps, .n = n, .k = k, .seen = seen};
	each_deletion(cps, n, k, check_deletion, &s);
	if (seen != small)
		free(seen);
	return s.tie_class && s.tie_other ? NULL : s.best;
}
