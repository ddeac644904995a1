/* meds.c - loading the medication dictionary (data/medications.conf):
 * names with their classes and ATC codes, dose groups, known harmless
 * medicines and the words around names. Reading a medication with it is
 * in meds_read.c. */
#include <stdlib.h>
#include <string.h>

#include "meds_internal.h"
#include "mi/i18n.h"
#include "mi/rules.h"

/* ---- phrases ------------------------------------------------------- */

/* True when key equals words[0..n) joined by single spaces. */
static bool key_matches(const char *key, const mword *words, size_t n)
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

const entry *mi_meds_find(const mi_meds *m, uint32_t h, const mword *words, size_t n)
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

const vocab_word *mi_meds_vocab_find(const mi_meds *m, const char *s, size_t len)
{
	if (!m->vocab)
		return NULL;
	uint32_t h = mi_meds_hash(MI_MEDS_HASH_START, s, len);
	for (size_t i = h & (m->vocab_cap - 1);; i = (i + 1) & (m->vocab_cap - 1)) {
		const vocab_word *v = &m->vocab[i];
		if (!v->word)
			return NULL;
		if (v->hash == h && strncmp(v->word, s, len) == 0 && v->word[len] == '\0')
			return v;
	}
}

/* Folds a phrase into its words joined by single spaces. Caller frees;
 * *count is the number of words (0 when it has none). */
static char *fold_phrase(const char *phrase, size_t *count)
{
	/* On the stack: loading makes no short-lived allocations, which would
	 * leave holes in the heap that bulk screening then pays for. */
	char buf[256];
	mword words[MAX_NAME_WORDS * 2];
	mwords w = {.buf = buf, .buf_cap = sizeof buf, .words = words, .cap = MAX_NAME_WORDS * 2};
	if (!mi_meds_cut(phrase, strlen(phrase), &w)) {
		mi_meds_words_free(&w);
		return NULL;
	}
	size_t size = 1;
	for (size_t i = 0; i < w.count; i++)
		size += w.words[i].len + 1;
	char *key = malloc(size), *p = key;
	if (key) {
		for (size_t i = 0; i < w.count; i++) {
			if (i > 0)
				*p++ = ' ';
			memcpy(p, w.words[i].s, w.words[i].len);
			p += w.words[i].len;
		}
		*p = '\0';
	}
	*count = w.count;
	mi_meds_words_free(&w);
	return key;
}

/* Doubles the phrase table (or makes it). */
static bool grow_table(mi_meds *m)
{
	size_t cap = m->table_cap ? m->table_cap * 2 : 1024;
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

/* ---- the section being read ---------------------------------------- */

typedef enum section_kind { S_NONE, S_CLASS, S_DOSE, S_KNOWN, S_WORDS } section_kind;

typedef struct reader {
	mi_meds *m;
	mi_conf_reader *r;
	mi_error *err;
	section_kind kind;
	unsigned section;   /* counts sections, to find a name listed twice in one */
	int class_index;    /* S_CLASS */
	int group;          /* S_DOSE */
	uint8_t word_kind;  /* S_WORDS */
	/* A list of names that goes on to the next line (it ended with ','). */
	bool open;
	size_t open_line;
	char *atc;          /* the code of the current line, or NULL */
	char *substance;    /* the first name of the current line */
} reader;

/* An out-of-memory error. */
static mi_status nomem(reader *rd)
{
	return mi_error_set(rd->err, MI_EINTERNAL, _("out of memory reading %s."), rd->r->file_name);
}

/* Why a phrase cannot also be the kind being added, or NULL. */
static const char *conflict(uint8_t had, uint8_t adding)
{
	const uint8_t words = K_IGNORE | K_NONE | K_NEGATION | K_STOPPED | K_SEPARATOR | K_LOW_DOSE;
	if (((had & K_NAME) && (adding & K_KNOWN)) || ((had & K_KNOWN) && (adding & K_NAME)))
		return _("both a medicine of a class and a known harmless one");
	if (((had & (K_NAME | K_KNOWN)) && (adding & words)) ||
	    ((had & words) && (adding & (K_NAME | K_KNOWN))))
		return _("both a medicine name and a word of a [words] section or a low-dose word");
	return NULL;
}

/* Adds one phrase of the current section: a medicine name (info >= 0), a
 * low-dose word (low_group >= 0) or a word of a [words] section. */
static mi_status add_phrase(reader *rd, size_t line, const char *text, uint8_t kind,
			    int low_group, int32_t info)
{
	mi_meds *m = rd->m;
	size_t count;
	char *key = fold_phrase(text, &count);
	if (!key)
		return nomem(rd);
	if (count == 0) {
		free(key);
		return mi_conf_fail(rd->r, line, rd->err, _("\"%s\" has no letters or digits to match."), text);
	}
	if (count > MAX_NAME_WORDS) {
		free(key);
		return mi_conf_fail(rd->r, line, rd->err, _("\"%s\" has more than %d words."), text,
				    MAX_NAME_WORDS);
	}
	if ((m->entry_count + 1) * 2 > m->table_cap && !grow_table(m)) {
		free(key);
		return nomem(rd);
	}
	uint32_t h = mi_meds_hash(MI_MEDS_HASH_START, key, strlen(key));
	entry *e = slot_for(m, key, h);
	if (e->key) {
		free(key);
		if (e->section == rd->section)
			return mi_conf_fail(rd->r, line, rd->err, _("\"%s\" is listed twice in this section."),
					    text);
		const char *why = conflict(e->kinds, kind);
		if (why)
			return mi_conf_fail(rd->r, line, rd->err, _("\"%s\" is %s (see line %zu)."), text, why,
					    e->line);
	} else {
		*e = (entry){.key = key, .hash = h, .info = -1, .line = line};
		m->entry_count++;
	}
	e->section = rd->section;
	e->kinds |= kind;
	if (kind == K_NAME && rd->kind == S_CLASS)
		e->classes |= (uint64_t)1 << rd->class_index;
	if (kind == K_NAME && rd->kind == S_DOSE)
		e->groups |= (uint32_t)1 << rd->group;
	if (low_group >= 0)
		e->low_groups |= (uint32_t)1 << low_group;
	if (info >= 0 && e->info < 0)
		e->info = info;
	if (count > m->max_words)
		m->max_words = count;
	return MI_OK;
}

/* A new name_info; returns its index or -1 when out of memory. */
static int32_t add_info(mi_meds *m, const char *name, const char *substance, const char *atc)
{
	if (m->info_count == m->info_cap) {
		size_t cap = m->info_cap ? m->info_cap * 2 : 256;
		name_info *grown = realloc(m->infos, cap * sizeof *grown);
		if (!grown)
			return -1;
		m->infos = grown;
		m->info_cap = cap;
	}
	name_info *ni = &m->infos[m->info_count];
	*ni = (name_info){.name = strdup(name),
			  .substance = substance ? strdup(substance) : NULL,
			  .atc = atc ? strdup(atc) : NULL};
	if (!ni->name || (substance && !ni->substance) || (atc && !ni->atc)) {
		free(ni->name);
		free(ni->substance);
		free(ni->atc);
		return -1;
	}
	return (int32_t)m->info_count++;
}

/* True when s is an ATC code or the start of one: a letter, two digits, a
 * letter, a letter, two digits (A, B01, B01A, B01AF, B01AF02). */
static bool is_atc(const char *s, size_t n)
{
	static const char shape[] = "ADDAADD"; /* A: letter, D: digit */
	if (n != 1 && n != 3 && n != 4 && n != 5 && n != 7)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool letter = s[i] >= 'A' && s[i] <= 'Z', digit = s[i] >= '0' && s[i] <= '9';
		if (shape[i] == 'A' ? !letter : !digit)
			return false;
	}
	return true;
}

/* Adds one name of a [class], [dose] or [known] line. */
static mi_status add_name(reader *rd, size_t line, const char *name)
{
	if (!rd->substance) {
		rd->substance = strdup(name);
		if (!rd->substance)
			return nomem(rd);
	}
	/* Plain words (a line without a code) have no substance to show. */
	int32_t info = add_info(rd->m, name, rd->atc ? rd->substance : NULL, rd->atc);
	if (info < 0)
		return nomem(rd);
	return add_phrase(rd, line, name, rd->kind == S_KNOWN ? K_KNOWN : K_NAME, -1, info);
}

/* Ends the list of the current line. */
static void close_list(reader *rd)
{
	free(rd->atc);
	free(rd->substance);
	rd->atc = rd->substance = NULL;
	rd->open = false;
}

/* Calls fn for each comma-separated, trimmed piece of list; an empty piece
 * is refused, except after the last comma when allow_open (the list goes on
 * on the next line). Sets *open when the list ended with a comma. */
static mi_status each_listed(reader *rd, size_t line, const char *list, bool allow_open, bool *open,
			     mi_status (*fn)(reader *, size_t, const char *, void *), void *data)
{
	char *copy = strdup(list);
	if (!copy)
		return nomem(rd);
	mi_status st = MI_OK;
	*open = false;
	char *piece = copy;
	while (st == MI_OK) {
		char *comma = strchr(piece, ',');
		if (comma)
			*comma = '\0';
		char *name = mi_conf_trim(piece);
		if (*name == '\0') {
			if (comma || !allow_open || piece == copy)
				st = mi_conf_fail(rd->r, line, rd->err,
						  _("an empty name in a comma-separated list."));
			else
				*open = true;
			break;
		}
		st = fn(rd, line, name, data);
		if (!comma)
			break;
		piece = comma + 1;
	}
	free(copy);
	return st;
}

/* each_listed callback: a medicine name of the current line. */
static mi_status listed_name(reader *rd, size_t line, const char *name, void *data)
{
	(void)data;
	return add_name(rd, line, name);
}

/* each_listed callback: a word of a [words] section. */
static mi_status listed_word(reader *rd, size_t line, const char *word, void *data)
{
	(void)data;
	return add_phrase(rd, line, word, rd->word_kind, -1, -1);
}

/* each_listed callback: a low-dose word of the current [dose] section. */
static mi_status listed_low_word(reader *rd, size_t line, const char *word, void *data)
{
	(void)data;
	return add_phrase(rd, line, word, K_LOW_DOSE, rd->group, -1);
}

/* A line of a [class], [dose] or [known] section: "CODE: name, name" or
 * plain "name, name"; a line ending with ',' goes on on the next one. */
static mi_status name_line(reader *rd, size_t line, const char *text)
{
	const char *list = text;
	if (!rd->open) {
		close_list(rd);
		const char *colon = strchr(text, ':');
		if (colon) {
			size_t n = (size_t)(colon - text);
			while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
				n--;
			if (!is_atc(text, n))
				return mi_conf_fail(rd->r, line, rd->err,
						    _("\"%.*s\" before ':' is not an ATC code (as in B01AF02)."),
						    (int)(n > 40 ? 40 : n), text);
			rd->atc = strndup(text, n);
			if (!rd->atc)
				return nomem(rd);
			list = colon + 1;
		}
		rd->open_line = line;
	}
	bool open;
	mi_status st = each_listed(rd, line, list, true, &open, listed_name, NULL);
	if (st == MI_OK && !open)
		close_list(rd);
	rd->open = st == MI_OK && open;
	return st;
}

/* Fails when the list of the line before ended with ',' and nothing went on. */
static mi_status check_closed(reader *rd)
{
	if (!rd->open)
		return MI_OK;
	return mi_conf_fail(rd->r, rd->open_line, rd->err,
			    _("the list ends with ',' but the next line does not go on with names."));
}

/* The index of class name, adding it when new; -1 (err set) when full. */
static int class_for(reader *rd, size_t line, const char *name)
{
	mi_meds *m = rd->m;
	for (size_t i = 0; i < m->class_count; i++)
		if (strcmp(m->class_names[i], name) == 0)
			return (int)i;
	if (m->class_count == MI_MEDS_MAX_CLASSES) {
		mi_conf_fail(rd->r, line, rd->err, _("more than %d medication classes."),
			     MI_MEDS_MAX_CLASSES);
		return -1;
	}
	char *copy = strdup(name);
	if (!copy) {
		nomem(rd);
		return -1;
	}
	m->class_names[m->class_count] = copy;
	return (int)m->class_count++;
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
static mi_status dose_setting(reader *rd, const mi_conf_line *l)
{
	dose_group *g = &rd->m->groups[rd->group];
	bool open;
	if (strcmp(l->key, "names") == 0) {
		g->has_names = true;
		close_list(rd);
		mi_status st = each_listed(rd, l->line, l->value, false, &open, listed_name, NULL);
		close_list(rd);
		return st;
	}
	if (strcmp(l->key, "low_dose_words") == 0)
		return each_listed(rd, l->line, l->value, false, &open, listed_low_word, NULL);
	if (strcmp(l->key, "low_dose_max_mg") == 0) {
		if (!parse_mg(l->value, &g->low_max_mg))
			return mi_conf_fail(rd->r, l->line, rd->err,
					    _("low_dose_max_mg must be a number of milligrams, as in 100."));
		g->has_max = true;
		return MI_OK;
	}
	bool high = strcmp(l->key, "class") == 0;
	if (high || strcmp(l->key, "low_dose_class") == 0) {
		if (!mi_conf_is_identifier(l->value))
			return mi_conf_fail(rd->r, l->line, rd->err,
					    _("a class name uses lower-case letters, digits and '_' only."));
		int c = class_for(rd, l->line, l->value);
		if (c < 0)
			return rd->err ? rd->err->status : MI_EDATA;
		*(high ? &g->high_class : &g->low_class) = c;
		return MI_OK;
	}
	return mi_conf_fail(rd->r, l->line, rd->err,
			    _("unknown setting \"%s\" in a [dose] section (expected names, low_dose_words, "
			    "low_dose_max_mg, class or low_dose_class)."),
			    l->key);
}

/* Checks a finished [dose] section has everything it needs. */
static mi_status check_group(reader *rd)
{
	if (rd->kind != S_DOSE)
		return MI_OK;
	const dose_group *g = &rd->m->groups[rd->group];
	const char *missing = !g->has_names ? "names"
			      : !g->has_max ? "low_dose_max_mg"
			      : g->high_class < 0 ? "class"
			      : g->low_class < 0 ? "low_dose_class"
						 : NULL;
	if (missing)
		return mi_conf_fail(rd->r, g->line, rd->err, _("the [dose %s] section has no %s."), g->name,
				    missing);
	return MI_OK;
}

/* The [words KIND] kinds. */
static const struct {
	const char *name;
	uint8_t kind;
} word_kinds[] = {
	{"ignore", K_IGNORE},     {"none", K_NONE},           {"negation", K_NEGATION},
	{"stopped", K_STOPPED},   {"separator", K_SEPARATOR},
};

/* Starts a new [KIND NAME] section. */
static mi_status start_section(reader *rd, const mi_conf_line *l)
{
	mi_meds *m = rd->m;
	rd->section++;
	rd->class_index = rd->group = -1;
	if (strcmp(l->kind_word, "class") == 0) {
		rd->kind = S_CLASS;
		rd->class_index = class_for(rd, l->line, l->name);
		return rd->class_index < 0 ? (rd->err ? rd->err->status : MI_EDATA) : MI_OK;
	}
	if (strcmp(l->kind_word, "known") == 0) {
		rd->kind = S_KNOWN;
		return MI_OK;
	}
	if (strcmp(l->kind_word, "words") == 0) {
		rd->kind = S_WORDS;
		for (size_t i = 0; i < sizeof word_kinds / sizeof word_kinds[0]; i++)
			if (strcmp(word_kinds[i].name, l->name) == 0) {
				rd->word_kind = word_kinds[i].kind;
				return MI_OK;
			}
		return mi_conf_fail(rd->r, l->line, rd->err,
				    _("unknown [words %s] (expected ignore, none, negation, stopped or "
				    "separator)."),
				    l->name);
	}
	if (strcmp(l->kind_word, "dose") != 0)
		return mi_conf_fail(rd->r, l->line, rd->err,
				    _("unknown section kind \"%s\" (expected [class NAME], [dose NAME], "
				    "[known NAME] or [words KIND])."),
				    l->kind_word);
	for (size_t i = 0; i < m->group_count; i++)
		if (strcmp(m->groups[i].name, l->name) == 0)
			return mi_conf_fail(rd->r, l->line, rd->err, _("a second [dose %s] section."), l->name);
	if (m->group_count == MAX_DOSE_GROUPS)
		return mi_conf_fail(rd->r, l->line, rd->err, _("more than %d [dose] sections."),
				    MAX_DOSE_GROUPS);
	dose_group *g = &m->groups[m->group_count];
	*g = (dose_group){.line = l->line, .high_class = -1, .low_class = -1, .name = strdup(l->name)};
	if (!g->name)
		return nomem(rd);
	rd->kind = S_DOSE;
	rd->group = (int)m->group_count++;
	return MI_OK;
}

/* One line of the file after the first section started. */
static mi_status read_line(reader *rd, const mi_conf_line *l)
{
	if (l->kind == MI_CONF_SETTING) {
		mi_status st = check_closed(rd);
		if (st != MI_OK)
			return st;
		if (rd->kind == S_DOSE)
			return dose_setting(rd, l);
		return mi_conf_fail(rd->r, l->line, rd->err,
				    _("a [%s] section lists names (CODE: name, name), without '='."),
				    rd->kind == S_CLASS ? "class" : rd->kind == S_KNOWN ? "known" : "words");
	}
	if (rd->kind == S_WORDS) {
		if (!rd->open)
			rd->open_line = l->line;
		bool open;
		mi_status st = each_listed(rd, l->line, l->value, true, &open, listed_word, NULL);
		rd->open = st == MI_OK && open;
		return st;
	}
	if (rd->kind == S_DOSE)
		rd->m->groups[rd->group].has_names = true;
	return name_line(rd, l->line, l->value);
}

/* ---- the words of the dictionary ------------------------------------ */

/* Doubles the word table (or makes it). */
static bool grow_vocab(mi_meds *m)
{
	size_t cap = m->vocab_cap ? m->vocab_cap * 2 : 2048;
	vocab_word *table = calloc(cap, sizeof *table);
	if (!table)
		return false;
	for (size_t i = 0; i < m->vocab_cap; i++) {
		vocab_word *v = &m->vocab[i];
		if (!v->word)
			continue;
		size_t j = v->hash & (cap - 1);
		while (table[j].word)
			j = (j + 1) & (cap - 1);
		table[j] = *v;
	}
	free(m->vocab);
	m->vocab = table;
	m->vocab_cap = cap;
	return true;
}

/* Adds word s[0..len) of a phrase first seen at order. */
static bool add_vocab(mi_meds *m, const char *s, size_t len, uint8_t priority, uint32_t order)
{
	if ((m->vocab_count + 1) * 2 > m->vocab_cap && !grow_vocab(m))
		return false;
	uint32_t h = mi_meds_hash(MI_MEDS_HASH_START, s, len);
	size_t i = h & (m->vocab_cap - 1);
	while (m->vocab[i].word &&
	       !(m->vocab[i].hash == h && strncmp(m->vocab[i].word, s, len) == 0 &&
		 m->vocab[i].word[len] == '\0'))
		i = (i + 1) & (m->vocab_cap - 1);
	vocab_word *v = &m->vocab[i];
	if (!v->word) {
		v->word = strndup(s, len);
		if (!v->word)
			return false;
		v->hash = h;
		v->order = order;
		m->vocab_count++;
	}
	if (priority > v->priority)
		v->priority = priority;
	if (order < v->order)
		v->order = order;
	return true;
}

/* True when every code point of a word is a letter (no digit). */
static bool all_letters(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return false;
	return true;
}

/* Builds the table of dictionary words and the misspelling targets. */
static bool build_vocab(mi_meds *m)
{
	for (size_t i = 0; i < m->table_cap; i++) {
		const entry *e = &m->table[i];
		if (!e->key)
			continue;
		uint8_t priority = (e->kinds & K_NAME) ? 2 : (e->kinds & K_KNOWN) ? 1 : 0;
		for (const char *w = e->key; *w;) {
			size_t n = strcspn(w, " ");
			if (!add_vocab(m, w, n, priority, (uint32_t)e->line))
				return false;
			w += n + (w[n] == ' ');
		}
	}
	m->targets = calloc(m->vocab_count ? m->vocab_count : 1, sizeof *m->targets);
	if (!m->targets)
		return false;
	for (size_t i = 0; i < m->vocab_cap; i++) {
		vocab_word *v = &m->vocab[i];
		if (!v->word || !all_letters(v->word))
			continue;
		uint32_t cps[FUZZY_MAX_LETTERS];
		size_t n = mi_meds_code_points(v->word, strlen(v->word), cps, FUZZY_MAX_LETTERS);
		/* A word of 5 letters may be one letter longer than its target. */
		if (n < MI_MEDS_FUZZY_MIN_LETTERS - 1 || n > FUZZY_MAX_LETTERS)
			continue;
		v->cps = malloc(n * sizeof *v->cps);
		if (!v->cps)
			return false;
		memcpy(v->cps, cps, n * sizeof *cps);
		v->letters = (uint8_t)n;
		m->targets[m->target_count++] = v;
	}
	m->index = calloc(1, sizeof *m->index);
	return m->index != NULL;
}

/* ---- the file ------------------------------------------------------ */

void mi_meds_free(mi_meds *meds)
{
	if (!meds)
		return;
	for (size_t i = 0; i < meds->class_count; i++)
		free(meds->class_names[i]);
	for (size_t i = 0; i < meds->group_count; i++)
		free(meds->groups[i].name);
	for (size_t i = 0; i < meds->table_cap; i++)
		free(meds->table[i].key);
	free(meds->table);
	for (size_t i = 0; i < meds->info_count; i++) {
		free(meds->infos[i].name);
		free(meds->infos[i].substance);
		free(meds->infos[i].atc);
	}
	free(meds->infos);
	for (size_t i = 0; i < meds->vocab_cap; i++) {
		free(meds->vocab[i].word);
		free(meds->vocab[i].cps);
	}
	free(meds->vocab);
	free(meds->targets);
	if (meds->index)
		free(meds->index->deletions);
	free(meds->index);
	free(meds);
}

/* True when some phrase is a medicine name. */
static bool any_name(const mi_meds *m)
{
	for (size_t i = 0; i < m->table_cap; i++)
		if (m->table[i].key && (m->table[i].kinds & K_NAME))
			return true;
	return false;
}

mi_status mi_meds_parse(const char *text, size_t len, const char *file_name, mi_meds **out,
			mi_error *err)
{
	mi_meds *m = calloc(1, sizeof *m);
	if (!m)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), file_name);
	mi_conf_reader r;
	mi_conf_reader_open(&r, file_name, text, len);
	reader rd = {.m = m, .r = &r, .err = err, .kind = S_NONE, .class_index = -1, .group = -1};
	mi_status st = MI_OK;
	mi_conf_line l;
	while ((st = mi_conf_next(&r, &l, err)) == MI_OK && l.kind != MI_CONF_END) {
		if (l.kind == MI_CONF_SECTION) {
			st = check_closed(&rd);
			if (st == MI_OK)
				st = check_group(&rd);
			close_list(&rd);
			if (st == MI_OK)
				st = start_section(&rd, &l);
		} else if (rd.kind == S_NONE) {
			st = mi_conf_fail(&r, l.line, err,
					  _("expected a section such as [class anticoagulant] first."));
		} else {
			st = read_line(&rd, &l);
		}
		if (st != MI_OK)
			break;
	}
	if (st == MI_OK)
		st = check_closed(&rd);
	if (st == MI_OK)
		st = check_group(&rd);
	close_list(&rd);
	if (st == MI_OK && !any_name(m))
		st = mi_conf_fail(&r, r.line ? r.line : 1, err, _("the dictionary lists no medication."));
	if (st == MI_OK && !build_vocab(m))
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), file_name);
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
