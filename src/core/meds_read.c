/* meds_read.c - reading one medication as the client wrote it: words,
 * misspellings, names, negation, "stopped", doses and the parts where no
 * medicine was recognised (see meds.h). */
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "meds_internal.h"

/* A dictionary phrase found among the words. */
typedef struct hit {
	size_t first, last; /* words [first, last] */
	const entry *e;
	bool fuzzy;
	bool negated, stopped;
	double dose_mg;     /* the highest dose next to it; -1 when none */
	uint32_t low_words; /* dose groups of the low-dose words next to it */
} hit;

typedef struct reading {
	const mi_meds *m;
	mwords w;
	hit *hits;
	size_t hit_count;
	int *hit_of; /* per word: its hit, or -1 */
} reading;

static const uint8_t NAMES = K_NAME | K_KNOWN;

/* The hit word i belongs to, or NULL. */
static const hit *hit_at(const reading *rd, size_t i)
{
	return rd->hit_of[i] >= 0 ? &rd->hits[rd->hit_of[i]] : NULL;
}

/* True for a unit word ("mg"). */
static bool is_unit(const mword *w)
{
	return w->unit_mg > 0;
}

/* Replaces each word that is not in the dictionary by the dictionary word
 * it is a misspelling of, if any. */
static void correct_misspellings(reading *rd)
{
	for (size_t i = 0; i < rd->w.count; i++) {
		mword *w = &rd->w.words[i];
		if (w->number || w->letters < MI_MEDS_FUZZY_MIN_LETTERS || is_unit(w) ||
		    mi_meds_vocab_find(rd->m, w->s, w->len))
			continue;
		const vocab_word *v = mi_meds_nearest(rd->m, w);
		if (v) {
			w->s = v->word;
			w->len = strlen(v->word);
			w->fuzzy = true;
		}
	}
}

/* Finds the dictionary phrases among the words, the longest first. */
static void find_phrases(reading *rd)
{
	const mi_meds *m = rd->m;
	const mword *words = rd->w.words;
	size_t n = rd->w.count;
	for (size_t i = 0; i < n; i++)
		rd->hit_of[i] = -1;
	uint32_t hashes[MAX_NAME_WORDS];
	for (size_t i = 0; i < n;) {
		size_t most = m->max_words < n - i ? m->max_words : n - i;
		uint32_t h = MI_MEDS_HASH_START;
		for (size_t k = 0; k < most; k++) {
			if (k > 0)
				h = mi_meds_hash(h, " ", 1);
			h = mi_meds_hash(h, words[i + k].s, words[i + k].len);
			hashes[k] = h;
		}
		const entry *found = NULL;
		size_t len = most;
		while (len > 0 && !(found = mi_meds_find(m, hashes[len - 1], words + i, len)))
			len--;
		if (!found) {
			i++;
			continue;
		}
		hit *h_ = &rd->hits[rd->hit_count];
		*h_ = (hit){.first = i, .last = i + len - 1, .e = found, .dose_mg = -1};
		for (size_t k = i; k < i + len; k++) {
			rd->hit_of[k] = (int)rd->hit_count;
			h_->fuzzy |= words[k].fuzzy;
		}
		rd->hit_count++;
		i += len;
	}
}

/* Separator words ("and") start a new part, like a comma. */
static void cut_parts(reading *rd)
{
	unsigned extra = 0;
	for (size_t i = 0; i < rd->w.count; i++) {
		const hit *h = hit_at(rd, i);
		bool separator = h && (h->e->kinds & K_SEPARATOR) && !(h->e->kinds & NAMES);
		rd->w.words[i].part += extra;
		if (separator && i == h->last)
			extra++;
	}
}

/* True when the whole text only says "nothing": "none", "n/a", "no meds". */
static bool says_none(const reading *rd)
{
	const uint8_t allowed = K_NONE | K_IGNORE | K_NEGATION | K_SEPARATOR;
	bool any_none = false;
	for (size_t i = 0; i < rd->w.count; i++) {
		const hit *h = hit_at(rd, i);
		if (!h || (h->e->kinds & ~allowed) != 0)
			return false;
		any_none |= (h->e->kinds & K_NONE) != 0;
	}
	return any_none;
}

/* True when word i only goes with the words around it: a number, a unit,
 * or a word like "tablets", "baby" or "stopped". */
static bool neutral(const reading *rd, size_t i)
{
	const mword *w = &rd->w.words[i];
	if (w->number || is_unit(w))
		return true;
	const hit *h = hit_at(rd, i);
	return h && !(h->e->kinds & NAMES) && (h->e->kinds & (K_IGNORE | K_LOW_DOSE | K_STOPPED)) &&
	       !(h->e->kinds & (K_NONE | K_NEGATION | K_SEPARATOR));
}

/* True when word i is only a word like "tablets" or "any". */
static bool ignorable(const reading *rd, size_t i)
{
	const hit *h = hit_at(rd, i);
	return h && h->e->kinds == K_IGNORE;
}

/* The name hit reached from word `from` going in direction step (+1 or
 * -1) over neutral words in the same part, or -1. Sets *edge when the walk
 * ran into the edge of the part rather than another word. */
static int name_from(const reading *rd, long from, int step, unsigned part, bool *edge)
{
	long n = (long)rd->w.count, j = from;
	while (j >= 0 && j < n && rd->w.words[j].part == part && neutral(rd, (size_t)j))
		j += step;
	*edge = j < 0 || j >= n || rd->w.words[j].part != part;
	if (*edge)
		return -1;
	const hit *h = hit_at(rd, (size_t)j);
	return h && (h->e->kinds & NAMES) ? rd->hit_of[j] : -1;
}

/* "no blood thinners", "not taking warfarin", "blood thinners: none". */
static bool negated(const reading *rd, const hit *h)
{
	unsigned part = rd->w.words[h->first].part;
	long j = (long)h->first - 1;
	while (j >= 0 && rd->w.words[j].part == part && ignorable(rd, (size_t)j))
		j--;
	if (j >= 0 && rd->w.words[j].part == part && hit_at(rd, (size_t)j) &&
	    (hit_at(rd, (size_t)j)->e->kinds & (K_NEGATION | K_NONE)))
		return true;
	size_t n = rd->w.count, k = h->last + 1;
	while (k < n && rd->w.words[k].part == part && ignorable(rd, k))
		k++;
	const hit *after = k < n && rd->w.words[k].part == part ? hit_at(rd, k) : NULL;
	if (!after || !(after->e->kinds & (K_NONE | K_NEGATION)))
		return false;
	for (k = after->last + 1; k < n && rd->w.words[k].part == part; k++)
		if (!ignorable(rd, k))
			return false;
	return true;
}

/* "stopped" marks the names of its part, or of the nearest part before. */
static void mark_stopped(reading *rd, const hit *cue)
{
	long part = (long)rd->w.words[cue->first].part;
	for (; part >= 0; part--) {
		bool any = false;
		for (size_t i = 0; i < rd->hit_count; i++) {
			hit *h = &rd->hits[i];
			if ((h->e->kinds & NAMES) && rd->w.words[h->first].part == (unsigned)part) {
				h->stopped = true;
				any = true;
			}
		}
		if (any)
			return;
	}
}

/* Gives each dose ("81 mg") and low-dose word ("baby") to the name it
 * stands next to: a dose to the name before it, or to the name after it
 * when it opens its part; a low-dose word to the name after it, else the
 * one before it. */
static void attach_doses(reading *rd)
{
	mword *words = rd->w.words;
	size_t n = rd->w.count;
	for (size_t i = 0; i + 1 < n; i++) {
		double unit = words[i].number ? words[i + 1].unit_mg : 0;
		if (unit <= 0 || words[i + 1].part != words[i].part || words[i + 1].number)
			continue;
		bool edge;
		int name = name_from(rd, (long)i - 1, -1, words[i].part, &edge);
		if (name < 0 && edge)
			name = name_from(rd, (long)i + 2, +1, words[i].part, &edge);
		double mg = words[i].value * unit;
		if (name >= 0 && mg > rd->hits[name].dose_mg)
			rd->hits[name].dose_mg = mg;
	}
	for (size_t k = 0; k < rd->hit_count; k++) {
		const hit *low = &rd->hits[k];
		if (!(low->e->kinds & K_LOW_DOSE))
			continue;
		unsigned part = words[low->first].part;
		bool edge;
		int name = name_from(rd, (long)low->last + 1, +1, part, &edge);
		if (name < 0)
			name = name_from(rd, (long)low->first - 1, -1, part, &edge);
		if (name >= 0)
			rd->hits[name].low_words |= low->e->low_groups;
	}
}

/* The classes of one name found, its dose groups read by their doses. */
static uint64_t classes_of(const mi_meds *m, const hit *h)
{
	uint64_t classes = h->e->classes;
	for (size_t g = 0; g < m->group_count; g++) {
		uint32_t bit = (uint32_t)1 << g;
		if (!(h->e->groups & bit))
			continue;
		const dose_group *dg = &m->groups[g];
		bool low = h->dose_mg >= 0 ? h->dose_mg <= dg->low_max_mg : (h->low_words & bit) != 0;
		classes |= (uint64_t)1 << (low ? dg->low_class : dg->high_class);
	}
	return classes;
}

/* Fills out with the names read and the parts not recognised. */
static bool collect(const reading *rd, mi_med_text *out)
{
	const mword *words = rd->w.words;
	size_t names = 0, parts = words ? words[rd->w.count - 1].part + 1 : 0;
	for (size_t i = 0; i < rd->hit_count; i++)
		names += (rd->hits[i].e->kinds & NAMES) && !rd->hits[i].negated;
	/* One block: the readings, then the unrecognised parts. */
	void *block = malloc(names * sizeof *out->readings + parts * sizeof *out->unrecognised);
	if (!block)
		return false;
	out->readings = block;
	out->unrecognised = (mi_med_span *)(out->readings + names);
	for (size_t i = 0; i < rd->hit_count; i++) {
		const hit *h = &rd->hits[i];
		if (!(h->e->kinds & NAMES) || h->negated)
			continue;
		const name_info *ni = &rd->m->infos[h->e->info];
		mi_med_reading *r = &out->readings[out->reading_count++];
		*r = (mi_med_reading){.start = words[h->first].start,
				      .end = words[h->last].end,
				      .name = ni->name,
				      .substance = ni->substance,
				      .atc = ni->atc,
				      .classes = classes_of(rd->m, h),
				      .fuzzy = h->fuzzy,
				      .stopped = h->stopped};
		out->classes |= r->classes;
	}
	/* A part with no name (nor "none", nor "stopped ..." about a name
	 * before it) but some word the dictionary does not know is for the
	 * therapist to ask about. */
	for (size_t first = 0; first < rd->w.count;) {
		size_t last = first;
		while (last + 1 < rd->w.count && words[last + 1].part == words[first].part)
			last++;
		bool known = false, unknown = false;
		for (size_t i = first; i <= last; i++) {
			const hit *h = hit_at(rd, i);
			if (h && (h->e->kinds & (NAMES | K_NONE | K_STOPPED)))
				known = true;
			else if (!h && !words[i].number && !is_unit(&words[i]))
				unknown = true;
		}
		if (unknown && !known)
			out->unrecognised[out->unrecognised_count++] =
				(mi_med_span){words[first].start, words[last].end};
		first = last + 1;
	}
	return true;
}

void mi_med_text_clear(mi_med_text *text)
{
	if (!text)
		return;
	free(text->readings); /* the unrecognised parts are in the same block */
	*text = (mi_med_text){0};
}

enum { SMALL_WORDS = 48 }; /* most medications: no allocation while reading */

mi_status mi_meds_read(const mi_meds *meds, const char *medication, mi_med_text *out,
		       mi_error *err)
{
	*out = (mi_med_text){0};
	char buf[SMALL_WORDS * 8];
	mword words[SMALL_WORDS];
	hit hits[SMALL_WORDS];
	int hit_of[SMALL_WORDS];
	reading rd = {.m = meds,
		      .w = {.buf = buf, .buf_cap = sizeof buf, .words = words, .cap = SMALL_WORDS}};
	bool ok = mi_meds_cut(medication, strlen(medication), &rd.w);
	size_t n = rd.w.count;
	if (ok && n > SMALL_WORDS) {
		rd.hits = malloc(n * sizeof *rd.hits);
		rd.hit_of = malloc(n * sizeof *rd.hit_of);
		ok = rd.hits && rd.hit_of;
	} else {
		rd.hits = hits;
		rd.hit_of = hit_of;
	}
	if (ok && n > 0) {
		correct_misspellings(&rd);
		find_phrases(&rd);
		cut_parts(&rd);
		if (says_none(&rd)) {
			out->none = true;
		} else {
			for (size_t i = 0; i < rd.hit_count; i++) {
				hit *h = &rd.hits[i];
				if (h->e->kinds & NAMES)
					h->negated = negated(&rd, h);
			}
			for (size_t i = 0; i < rd.hit_count; i++)
				if ((rd.hits[i].e->kinds & K_STOPPED) && !(rd.hits[i].e->kinds & NAMES))
					mark_stopped(&rd, &rd.hits[i]);
			attach_doses(&rd);
			ok = collect(&rd, out);
		}
	}
	if (rd.hits != hits) {
		free(rd.hits);
		free(rd.hit_of);
	}
	mi_meds_words_free(&rd.w);
	if (!ok) {
		mi_med_text_clear(out);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading a medication."));
	}
	return MI_OK;
}

uint64_t mi_meds_classify(const mi_meds *meds, const char *medication)
{
	mi_med_text t;
	mi_error err;
	if (mi_meds_read(meds, medication, &t, &err) != MI_OK)
		return meds->class_count >= 64 ? UINT64_MAX : ((uint64_t)1 << meds->class_count) - 1;
	uint64_t classes = t.classes;
	mi_med_text_clear(&t);
	return classes;
}
