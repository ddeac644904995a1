/* meds.c - the medication dictionary: loading it and classifying medications. */
#include <stdlib.h>
#include <string.h>

#include "mi/meds.h"
#include "mi/rules.h"

enum {
	MAX_DOSE_GROUPS = 32,
	MAX_NAME_WORDS = 8,  /* words in one dictionary name */
	SMALL_TEXT = 2048,   /* medications shorter than this are cut up on the stack */
};

/* Units a dose may be written in, and their size in milligrams. */
static const struct {
	const char *word;
	double mg;
} units[] = {
	{"mg", 1.0},        {"milligram", 1.0},  {"milligrams", 1.0}, {"g", 1000.0},
	{"gram", 1000.0},   {"grams", 1000.0},   {"mcg", 0.001},      {"ug", 0.001},
	{"\xc2\xb5g", 0.001}, {"\xce\xbcg", 0.001}, {"microgram", 0.001}, {"micrograms", 0.001},
};

/* A drug whose class depends on its dose (aspirin). */
typedef struct dose_group {
	char *name;
	size_t line;
	char **low_words; /* normalised phrases */
	size_t low_word_count;
	double low_max_mg;
	bool has_max;
	int high_class, low_class; /* class indexes; -1 until set */
	bool has_names;
} dose_group;

/* One dictionary name, normalised: its words joined by single spaces. */
typedef struct entry {
	char *key;
	uint32_t hash;
	uint64_t classes;
	uint32_t groups; /* dose groups this name belongs to */
} entry;

struct mi_meds {
	char *class_names[MI_MEDS_MAX_CLASSES];
	size_t class_count;
	dose_group groups[MAX_DOSE_GROUPS];
	size_t group_count;
	entry *table; /* open addressing; key NULL = empty slot */
	size_t table_cap;
	size_t entry_count;
	size_t max_words;
};

/* One word of a medication: letters or a number. */
typedef struct word {
	const char *s;
	size_t len;
	bool number;
	double value;
} word;

static bool is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Cuts text into words, lower-casing ASCII letters into low (same length
 * as text plus one). Letters and digits are cut apart ("5MG" is 5, mg); a
 * number may have a decimal point ("0.5"). Returns the number of words
 * stored in words (room for max). */
static size_t cut_words(const char *text, size_t len, char *low, word *words, size_t max)
{
	size_t n = 0, i = 0;
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)text[k];
		low[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (char)c;
	}
	low[len] = '\0';
	while (i < len && n < max) {
		unsigned char c = (unsigned char)low[i];
		size_t start = i;
		if (is_letter(c)) {
			while (i < len && is_letter((unsigned char)low[i]))
				i++;
			words[n++] = (word){.s = low + start, .len = i - start};
		} else if (is_digit(c)) {
			double value = 0;
			while (i < len && is_digit((unsigned char)low[i]))
				value = value * 10 + (low[i++] - '0');
			if (i + 1 < len && low[i] == '.' && is_digit((unsigned char)low[i + 1])) {
				double scale = 0.1;
				for (i++; i < len && is_digit((unsigned char)low[i]); i++, scale /= 10)
					value += (low[i] - '0') * scale;
			}
			words[n++] = (word){.s = low + start, .len = i - start, .number = true, .value = value};
		} else {
			i++;
		}
	}
	return n;
}

/* FNV-1a over len bytes, continuing from h. */
static uint32_t fnv(uint32_t h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

#define FNV_START 2166136261u

/* True when key equals words[0..n) joined by single spaces. */
static bool key_matches(const char *key, const word *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && *key++ != ' ')
			return false;
		if (strncmp(key, words[i].s, words[i].len) != 0)
			return false;
		key += words[i].len;
	}
	return *key == '\0';
}

/* The entry for words[0..n) with hash h, or NULL. */
static const entry *find_entry(const mi_meds *m, uint32_t h, const word *words, size_t n)
{
	if (!m->table)
		return NULL;
	for (size_t i = h & (m->table_cap - 1);; i = (i + 1) & (m->table_cap - 1)) {
		const entry *e = &m->table[i];
		if (!e->key)
			return NULL;
		if (e->hash == h && key_matches(e->key, words, n))
			return e;
	}
}

/* Normalises a name into words joined by single spaces. Caller frees;
 * *count is the number of words (0 when the name has none). */
static char *normalise(const char *name, size_t *count)
{
	size_t len = strlen(name);
	char *low = malloc(len + 1);
	word *words = malloc((len + 1) * sizeof *words);
	/* Words cut apart without a separator ("5mg") gain a space each. */
	char *key = malloc(2 * len + 1);
	if (!low || !words || !key) {
		free(low);
		free(words);
		free(key);
		return NULL;
	}
	size_t n = cut_words(name, len, low, words, len + 1);
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			key[used++] = ' ';
		memcpy(key + used, words[i].s, words[i].len);
		used += words[i].len;
	}
	key[used] = '\0';
	*count = n;
	free(low);
	free(words);
	return key;
}

/* Doubles the hash table (or makes it). */
static bool grow_table(mi_meds *m)
{
	size_t cap = m->table_cap ? m->table_cap * 2 : 256;
	entry *table = calloc(cap, sizeof *table);
	if (!table)
		return false;
	for (size_t i = 0; i < m->table_cap; i++) {
		entry *e = &m->table[i];
		if (!e->key)
			continue;
		size_t j = e->hash & (cap - 1);
		while (table[j].key)
			j = (j + 1) & (cap - 1);
		table[j] = *e;
	}
	free(m->table);
	m->table = table;
	m->table_cap = cap;
	return true;
}

/* The slot for key (existing or empty). */
static entry *slot_for(mi_meds *m, const char *key, uint32_t h)
{
	size_t i = h & (m->table_cap - 1);
	while (m->table[i].key && !(m->table[i].hash == h && strcmp(m->table[i].key, key) == 0))
		i = (i + 1) & (m->table_cap - 1);
	return &m->table[i];
}

/* Adds name to class (class_index >= 0) or dose group (group >= 0). */
static mi_status add_name(mi_meds *m, mi_conf_reader *r, size_t line, const char *name,
			  int class_index, int group, mi_error *err)
{
	size_t count;
	char *key = normalise(name, &count);
	if (!key)
		return mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", r->file_name);
	if (count == 0) {
		free(key);
		return mi_conf_fail(r, line, err, "\"%s\" has no letters or digits to match.", name);
	}
	if (count > MAX_NAME_WORDS) {
		free(key);
		return mi_conf_fail(r, line, err, "\"%s\" has more than %d words.", name,
				    MAX_NAME_WORDS);
	}
	if ((m->entry_count + 1) * 2 > m->table_cap && !grow_table(m)) {
		free(key);
		return mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", r->file_name);
	}
	uint32_t h = fnv(FNV_START, key, strlen(key));
	entry *e = slot_for(m, key, h);
	uint64_t class_bit = class_index >= 0 ? (uint64_t)1 << class_index : 0;
	uint32_t group_bit = group >= 0 ? (uint32_t)1 << group : 0;
	if (e->key) {
		bool again = (class_bit && (e->classes & class_bit)) || (group_bit && (e->groups & group_bit));
		free(key);
		if (again)
			return mi_conf_fail(r, line, err, "\"%s\" is listed twice in this section.", name);
	} else {
		*e = (entry){.key = key, .hash = h};
		m->entry_count++;
	}
	e->classes |= class_bit;
	e->groups |= group_bit;
	if (count > m->max_words)
		m->max_words = count;
	return MI_OK;
}

/* The index of class name, adding it when new; -1 (err set) when full. */
static int class_for(mi_meds *m, mi_conf_reader *r, size_t line, const char *name, mi_error *err)
{
	for (size_t i = 0; i < m->class_count; i++)
		if (strcmp(m->class_names[i], name) == 0)
			return (int)i;
	if (m->class_count == MI_MEDS_MAX_CLASSES) {
		mi_conf_fail(r, line, err, "more than %d medication classes.", MI_MEDS_MAX_CLASSES);
		return -1;
	}
	char *copy = strdup(name);
	if (!copy) {
		mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", r->file_name);
		return -1;
	}
	m->class_names[m->class_count] = copy;
	return (int)m->class_count++;
}

/* Calls fn for each comma-separated, trimmed piece of list; stops at the
 * first failure. */
static mi_status each_listed(const char *list, mi_meds *m, mi_conf_reader *r, size_t line,
			     int group, mi_status (*fn)(mi_meds *, mi_conf_reader *, size_t,
							const char *, int, mi_error *),
			     mi_error *err)
{
	char *copy = strdup(list);
	if (!copy)
		return mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", r->file_name);
	mi_status st = MI_OK;
	char *save = NULL;
	for (char *piece = strtok_r(copy, ",", &save); piece && st == MI_OK;
	     piece = strtok_r(NULL, ",", &save)) {
		while (*piece == ' ')
			piece++;
		size_t n = strlen(piece);
		while (n > 0 && piece[n - 1] == ' ')
			piece[--n] = '\0';
		if (n == 0)
			st = mi_conf_fail(r, line, err, "an empty name in a comma-separated list.");
		else
			st = fn(m, r, line, piece, group, err);
	}
	free(copy);
	return st;
}

/* each_listed callback: a name of a dose group. */
static mi_status add_group_name(mi_meds *m, mi_conf_reader *r, size_t line, const char *name,
				int group, mi_error *err)
{
	return add_name(m, r, line, name, -1, group, err);
}

/* each_listed callback: a low-dose phrase of a dose group. */
static mi_status add_low_word(mi_meds *m, mi_conf_reader *r, size_t line, const char *phrase,
			      int group, mi_error *err)
{
	dose_group *g = &m->groups[group];
	size_t count;
	char *key = normalise(phrase, &count);
	if (!key)
		return mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", r->file_name);
	if (count == 0) {
		free(key);
		return mi_conf_fail(r, line, err, "\"%s\" has no letters or digits to match.", phrase);
	}
	char **words = realloc(g->low_words, (g->low_word_count + 1) * sizeof *words);
	if (!words) {
		free(key);
		return mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", r->file_name);
	}
	g->low_words = words;
	g->low_words[g->low_word_count++] = key;
	return MI_OK;
}

/* Reads a positive number of milligrams. */
static bool parse_mg(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end != '\0' || !(v > 0))
		return false;
	*out = v;
	return true;
}

/* One "key = value" setting inside a [dose NAME] section. */
static mi_status dose_setting(mi_meds *m, mi_conf_reader *r, const mi_conf_line *l, int group,
			      mi_error *err)
{
	dose_group *g = &m->groups[group];
	if (strcmp(l->key, "names") == 0) {
		g->has_names = true;
		return each_listed(l->value, m, r, l->line, group, add_group_name, err);
	}
	if (strcmp(l->key, "low_dose_words") == 0)
		return each_listed(l->value, m, r, l->line, group, add_low_word, err);
	if (strcmp(l->key, "low_dose_max_mg") == 0) {
		if (!parse_mg(l->value, &g->low_max_mg))
			return mi_conf_fail(r, l->line, err,
					    "low_dose_max_mg must be a number of milligrams, as in 100.");
		g->has_max = true;
		return MI_OK;
	}
	bool high = strcmp(l->key, "class") == 0;
	if (high || strcmp(l->key, "low_dose_class") == 0) {
		if (!mi_conf_is_identifier(l->value))
			return mi_conf_fail(r, l->line, err,
					    "a class name uses lower-case letters, digits and '_' only.");
		int c = class_for(m, r, l->line, l->value, err);
		if (c < 0)
			return err ? err->status : MI_EDATA;
		*(high ? &g->high_class : &g->low_class) = c;
		return MI_OK;
	}
	return mi_conf_fail(r, l->line, err,
			    "unknown setting \"%s\" in a [dose] section (expected names, low_dose_words, "
			    "low_dose_max_mg, class or low_dose_class).",
			    l->key);
}

/* Checks a finished [dose] section has everything it needs. */
static mi_status check_group(const mi_meds *m, mi_conf_reader *r, int group, mi_error *err)
{
	if (group < 0)
		return MI_OK;
	const dose_group *g = &m->groups[group];
	const char *missing = !g->has_names ? "names"
			      : !g->has_max ? "low_dose_max_mg"
			      : g->high_class < 0 ? "class"
			      : g->low_class < 0 ? "low_dose_class"
						 : NULL;
	if (missing)
		return mi_conf_fail(r, g->line, err, "the [dose %s] section has no %s setting.", g->name,
				    missing);
	return MI_OK;
}

void mi_meds_free(mi_meds *meds)
{
	if (!meds)
		return;
	for (size_t i = 0; i < meds->class_count; i++)
		free(meds->class_names[i]);
	for (size_t i = 0; i < meds->group_count; i++) {
		free(meds->groups[i].name);
		for (size_t k = 0; k < meds->groups[i].low_word_count; k++)
			free(meds->groups[i].low_words[k]);
		free(meds->groups[i].low_words);
	}
	for (size_t i = 0; i < meds->table_cap; i++)
		free(meds->table[i].key);
	free(meds->table);
	free(meds);
}

/* Starts a new [KIND NAME] section; sets *class_index or *group. */
static mi_status start_section(mi_meds *m, mi_conf_reader *r, const mi_conf_line *l,
			       int *class_index, int *group, mi_error *err)
{
	*class_index = -1;
	*group = -1;
	if (strcmp(l->kind_word, "class") == 0) {
		*class_index = class_for(m, r, l->line, l->name, err);
		return *class_index < 0 ? (err ? err->status : MI_EDATA) : MI_OK;
	}
	if (strcmp(l->kind_word, "dose") != 0)
		return mi_conf_fail(r, l->line, err,
				    "unknown section kind \"%s\" (expected [class NAME] or [dose NAME]).",
				    l->kind_word);
	for (size_t i = 0; i < m->group_count; i++)
		if (strcmp(m->groups[i].name, l->name) == 0)
			return mi_conf_fail(r, l->line, err, "a second [dose %s] section.", l->name);
	if (m->group_count == MAX_DOSE_GROUPS)
		return mi_conf_fail(r, l->line, err, "more than %d [dose] sections.", MAX_DOSE_GROUPS);
	dose_group *g = &m->groups[m->group_count];
	*g = (dose_group){.line = l->line, .high_class = -1, .low_class = -1,
			  .name = strdup(l->name)};
	if (!g->name)
		return mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", r->file_name);
	*group = (int)m->group_count++;
	return MI_OK;
}

mi_status mi_meds_parse(const char *text, size_t len, const char *file_name, mi_meds **out,
			mi_error *err)
{
	mi_meds *m = calloc(1, sizeof *m);
	if (!m)
		return mi_error_set(err, MI_EINTERNAL, "out of memory reading %s.", file_name);
	mi_conf_reader r;
	mi_conf_reader_open(&r, file_name, text, len);
	int class_index = -1, group = -1;
	bool any_section = false;
	mi_status st = MI_OK;
	mi_conf_line l;
	while ((st = mi_conf_next(&r, &l, err)) == MI_OK && l.kind != MI_CONF_END) {
		if (l.kind == MI_CONF_SECTION) {
			st = check_group(m, &r, group, err);
			if (st == MI_OK)
				st = start_section(m, &r, &l, &class_index, &group, err);
			any_section = true;
		} else if (!any_section) {
			st = mi_conf_fail(&r, l.line, err,
					  "expected a section such as [class anticoagulant] first.");
		} else if (group >= 0) {
			st = l.kind == MI_CONF_SETTING
				     ? dose_setting(m, &r, &l, group, err)
				     : mi_conf_fail(&r, l.line, err,
						    "expected KEY = VALUE in a [dose] section.");
		} else if (l.kind == MI_CONF_SETTING) {
			st = mi_conf_fail(&r, l.line, err,
					  "a [class] section lists one medication name per line, without '='.");
		} else {
			st = add_name(m, &r, l.line, l.value, class_index, -1, err);
		}
		if (st != MI_OK)
			break;
	}
	if (st == MI_OK)
		st = check_group(m, &r, group, err);
	if (st == MI_OK && m->entry_count == 0)
		st = mi_conf_fail(&r, r.line ? r.line : 1, err, "the dictionary lists no medication.");
	mi_conf_reader_close(&r);
	if (st != MI_OK) {
		mi_meds_free(m);
		return st;
	}
	*out = m;
	return MI_OK;
}

mi_status mi_meds_load(const char *path, mi_meds **out, mi_error *err)
{
	char *text;
	size_t len;
	mi_status st = mi_conf_read_file(path, &text, &len, err);
	if (st != MI_OK)
		return st;
	st = mi_meds_parse(text, len, path, out, err);
	free(text);
	return st;
}

size_t mi_meds_class_count(const mi_meds *meds)
{
	return meds->class_count;
}

const char *mi_meds_class_name(const mi_meds *meds, size_t index)
{
	return index < meds->class_count ? meds->class_names[index] : NULL;
}

bool mi_meds_class_index(const mi_meds *meds, const char *name, size_t *index)
{
	for (size_t i = 0; i < meds->class_count; i++)
		if (strcmp(meds->class_names[i], name) == 0) {
			*index = i;
			return true;
		}
	return false;
}

/* True when the phrase (words joined by spaces) occurs in words[0..n). */
static bool phrase_in(const char *phrase, const word *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *p = phrase;
		size_t k = i;
		while (k < n && strncmp(p, words[k].s, words[k].len) == 0 &&
		       (p[words[k].len] == ' ' || p[words[k].len] == '\0')) {
			p += words[k].len;
			k++;
			if (*p == '\0')
				return true;
			p++;
		}
	}
	return false;
}

/* The class a dose group gives for these words. */
static uint64_t dose_class(const dose_group *g, const word *words, size_t n)
{
	double highest = -1;
	for (size_t i = 0; i + 1 < n; i++) {
		if (!words[i].number || words[i + 1].number)
			continue;
		for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
			if (strlen(units[u].word) == words[i + 1].len &&
			    strncmp(units[u].word, words[i + 1].s, words[i + 1].len) == 0 &&
			    words[i].value * units[u].mg > highest)
				highest = words[i].value * units[u].mg;
	}
	bool low = highest >= 0 ? highest <= g->low_max_mg : false;
	if (highest < 0)
		for (size_t k = 0; k < g->low_word_count && !low; k++)
			low = phrase_in(g->low_words[k], words, n);
	return (uint64_t)1 << (low ? g->low_class : g->high_class);
}

/* Classes for the words of one medication. */
static uint64_t classify_words(const mi_meds *m, const word *words, size_t n)
{
	uint64_t classes = 0;
	uint32_t groups = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t h = FNV_START;
		for (size_t k = 0; k < m->max_words && i + k < n; k++) {
			if (k > 0)
				h = fnv(h, " ", 1);
			h = fnv(h, words[i + k].s, words[i + k].len);
			const entry *e = find_entry(m, h, words + i, k + 1);
			if (e) {
				classes |= e->classes;
				groups |= e->groups;
			}
		}
	}
	for (size_t g = 0; g < m->group_count; g++)
		if (groups & ((uint32_t)1 << g))
			classes |= dose_class(&m->groups[g], words, n);
	return classes;
}

uint64_t mi_meds_classify(const mi_meds *meds, const char *medication)
{
	size_t len = strlen(medication);
	if (len < SMALL_TEXT) {
		char low[SMALL_TEXT];
		word words[SMALL_TEXT];
		size_t n = cut_words(medication, len, low, words, SMALL_TEXT);
		return classify_words(meds, words, n);
	}
	char *low = malloc(len + 1);
	word *words = malloc((len + 1) * sizeof *words);
	uint64_t classes = 0;
	if (low && words)
		classes = classify_words(meds, words, cut_words(medication, len, low, words, len + 1));
	free(low);
	free(words);
	return classes;
}
