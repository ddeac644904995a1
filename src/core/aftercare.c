/* aftercare.c - the aftercare template (data/aftercare.conf) and building
 * one visit's summary document from it. The text form is in
 * aftercare_text.c. */
#include "mi/aftercare.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/rules.h"
#include "mi/screen.h"
#include "mi/strbuf.h"
#include "mi/text.h"
#include "mi/vocab.h"

/* ---- the template ---------------------------------------------------- */

typedef enum item_kind {
	ITEM_TITLE,
	ITEM_SUBTITLE,
	ITEM_MAP_CAPTION,
	ITEM_CHART_CAPTION,
	ITEM_OVERFLOW,
	ITEM_SECTION,
	ITEM_PARA,
	ITEM_BULLET,
	ITEM_KIND_COUNT
} item_kind;

static const char *const item_keywords[ITEM_KIND_COUNT] = {
	"title", "subtitle", "map-caption", "chart-caption", "overflow", "section", "para", "bullet",
};

typedef enum cond_kind {
	COND_FLAG,
	COND_OUTCOME,
	COND_AREA,
	COND_FIRST_VISIT,
	COND_RETURNING,
	COND_TREND,
	COND_PAIN_DOWN,
	COND_PAIN_UP,
	COND_PAIN_SAME,
	COND_KIND_COUNT
} cond_kind;

static const struct {
	const char *name;
	bool takes_ids;
} cond_names[COND_KIND_COUNT] = {
	{"flag", true},	       {"outcome", true}, {"area", true},
	{"first-visit", false}, {"returning", false},   {"trend", false},
	{"pain-down", false},  {"pain-up", false},     {"pain-same", false},
};

typedef struct cond {
	cond_kind kind;
	bool negate;
	char **ids; /* flag: rule ids */
	size_t id_count;
	unsigned mask; /* outcome: bit per level; area: bit per region */
} cond;

typedef struct item {
	item_kind kind;
	cond *conds;
	size_t cond_count;
	char *text;
	unsigned line;
} item;

struct mi_aftercare_template {
	item *items;
	size_t count;
};

/* Placeholders a template may use; free text ones may be cut short on paper. */
typedef enum placeholder {
	PH_NAME,
	PH_DATE,
	PH_AREAS,
	PH_PRESSURE,
	PH_TECHNIQUES,
	PH_GOALS,
	PH_MEDICATIONS,
	PH_NOTES,
	PH_PAIN,
	PH_TREND,
	PH_PAIN_FIRST,
	PH_PAIN_NOW,
	PH_FIRST_DATE,
	PH_COUNT
} placeholder;

static const struct {
	const char *name;
	bool free_text;
} placeholders[PH_COUNT] = {
	{"name", false},     {"date", false},	     {"areas", true},	   {"pressure", false},
	{"techniques", false}, {"goals", true},     {"medications", true}, {"notes", true},
	{"pain", false},     {"trend", false},	     {"pain_first", false}, {"pain_now", false},
	{"first_date", false},
};

/* The placeholder whose name is s[0..len), or PH_COUNT. */
static placeholder placeholder_find(const char *s, size_t len)
{
	for (int p = 0; p < PH_COUNT; p++)
		if (strlen(placeholders[p].name) == len && memcmp(placeholders[p].name, s, len) == 0)
			return (placeholder)p;
	return PH_COUNT;
}

const char *mi_body_region_id(mi_body_region region)
{
	const char *id = (unsigned)region < MI_BODY_REGION_COUNT ? mi_vocab_id(MI_VOCAB_REGION, region)
								 : NULL;
	return id ? id : "";
}

/* The region whose id is id, or MI_BODY_REGION_COUNT. */
static mi_body_region region_find(const char *id)
{
	int r = mi_vocab_find(MI_VOCAB_REGION, id);
	return r >= 0 && r < MI_BODY_REGION_COUNT ? (mi_body_region)r : MI_BODY_REGION_COUNT;
}

/* Frees what a condition owns. */
static void cond_clear(cond *c)
{
	for (size_t i = 0; i < c->id_count; i++)
		free(c->ids[i]);
	free(c->ids);
}

void mi_aftercare_template_free(mi_aftercare_template *tpl)
{
	if (!tpl)
		return;
	for (size_t i = 0; i < tpl->count; i++) {
		for (size_t j = 0; j < tpl->items[i].cond_count; j++)
			cond_clear(&tpl->items[i].conds[j]);
		free(tpl->items[i].conds);
		free(tpl->items[i].text);
	}
	free(tpl->items);
	free(tpl);
}

void mi_aftercare_template_each_flag(const mi_aftercare_template *tpl,
				     void (*fn)(const char *rule_id, void *data), void *data)
{
	for (size_t i = 0; i < tpl->count; i++)
		for (size_t j = 0; j < tpl->items[i].cond_count; j++) {
			const cond *c = &tpl->items[i].conds[j];
			for (size_t k = 0; c->kind == COND_FLAG && k < c->id_count; k++)
				fn(c->ids[k], data);
		}
}

/* Parser state for one file. */
typedef struct parser {
	const char *path;
	unsigned line;
	mi_error *err;
	mi_aftercare_template *tpl;
} parser;

/* Sets a "FILE:LINE: reason" data error; returns MI_EDATA. */
static mi_status parse_fail(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static mi_status parse_fail(parser *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mi_error_setv(p->err, MI_EDATA, fmt, ap);
	va_end(ap);
	mi_error_prefix(p->err, "%s:%u", p->path, p->line);
	return MI_EDATA;
}

/* True for the characters of a keyword, condition or id. */
static bool is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Checks the braces of one physical line of text: every { closes on the
 * same line around a known placeholder name. */
static mi_status check_placeholders(parser *p, const char *text)
{
	for (const char *s = text; *s; s++) {
		if (*s == '}')
			return parse_fail(p, _("a \"}\" without its \"{\"."));
		if (*s != '{')
			continue;
		const char *end = strchr(s + 1, '}');
		if (!end)
			return parse_fail(p, _("a \"{\" without its \"}\"."));
		if (placeholder_find(s + 1, (size_t)(end - s - 1)) == PH_COUNT) {
			char names[400] = "";
			for (int i = 0; i < PH_COUNT; i++) {
				size_t used = strlen(names);
				snprintf(names + used, sizeof names - used, "%s{%s}", i ? ", " : "",
					 placeholders[i].name);
			}
			return parse_fail(p, _("unknown placeholder {%.*s}; expected one of %s."),
					  (int)(end - s - 1), s + 1, names);
		}
		s = end;
	}
	return MI_OK;
}

/* Splits the head of a line (before the colon) into words: letters, digits,
 * '_' and '-' make a word; spaces and commas separate them. Fills up to
 * max words (pointers into head, which is cut into strings). */
static size_t split_words(char *head, char **words, size_t max, bool *too_many, char *bad)
{
	size_t n = 0;
	*too_many = false;
	*bad = '\0';
	char *s = head;
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == ',') {
			*s++ = '\0';
			continue;
		}
		if (!is_id_char(*s)) {
			*bad = *s;
			return n;
		}
		if (n == max) {
			*too_many = true;
			return n;
		}
		words[n++] = s;
		while (is_id_char(*s))
			s++;
	}
	return n;
}

/* Parses the conditions words[0..count) (after "when") into it. */
static mi_status parse_conditions(parser *p, item *it, char **words, size_t count)
{
	size_t i = 0;
	while (i < count) {
		cond *grown = realloc(it->conds, (it->cond_count + 1) * sizeof *grown);
		if (!grown)
			return mi_error_set(p->err, MI_EINTERNAL, _("out of memory reading %s."), p->path);
		it->conds = grown;
		cond *c = &it->conds[it->cond_count++];
		memset(c, 0, sizeof *c);
		if (strcmp(words[i], "not") == 0) {
			c->negate = true;
			i++;
		}
		if (i == count)
			return parse_fail(p, _("a condition is missing after \"not\"."));
		int kind = 0;
		while (kind < COND_KIND_COUNT && strcmp(cond_names[kind].name, words[i]) != 0)
			kind++;
		if (kind == COND_KIND_COUNT)
			return parse_fail(p,
					  _("unknown condition \"%s\"; expected flag, outcome, area, "
					  "first-visit, returning, trend, pain-down, pain-up or pain-same."),
					  words[i]);
		c->kind = (cond_kind)kind;
		i++;
		size_t first = i;
		while (i < count && strcmp(words[i], "and") != 0)
			i++;
		size_t ids = i - first;
		if (cond_names[kind].takes_ids && ids == 0)
			return parse_fail(p, _("condition \"%s\" needs at least one name after it."),
					  cond_names[kind].name);
		if (!cond_names[kind].takes_ids && ids > 0)
			return parse_fail(p, _("condition \"%s\" takes no names, found \"%s\"."),
					  cond_names[kind].name, words[first]);
		for (size_t k = first; k < i; k++) {
			if (c->kind == COND_OUTCOME) {
				mi_level level;
				if (!mi_level_parse(words[k], &level))
					return parse_fail(p,
							  _("unknown outcome \"%s\"; expected proceed, "
							  "modify, refer or urgent."),
							  words[k]);
				c->mask |= 1u << level;
			} else if (c->kind == COND_AREA) {
				mi_body_region r = region_find(words[k]);
				if (r == MI_BODY_REGION_COUNT) {
					char expected[200];
					mi_vocab_ids(MI_VOCAB_REGION, "or", expected, sizeof expected);
					return parse_fail(p, _("unknown area \"%s\"; expected %s."), words[k],
							  expected);
				}
				c->mask |= 1u << r;
			} else {
				char **grown_ids = realloc(c->ids, (c->id_count + 1) * sizeof *grown_ids);
				char *copy = strdup(words[k]);
				if (grown_ids)
					c->ids = grown_ids;
				if (!grown_ids || !copy) {
					free(copy);
					return mi_error_set(p->err, MI_EINTERNAL,
							    _("out of memory reading %s."), p->path);
				}
				c->ids[c->id_count++] = copy;
			}
		}
		if (i < count) {
			i++; /* "and" */
			if (i == count)
				return parse_fail(p, _("a condition is missing after \"and\"."));
		}
	}
	return MI_OK;
}

/* Appends a continuation line to the last item's text. */
static mi_status parse_continuation(parser *p, char *line)
{
	mi_aftercare_template *tpl = p->tpl;
	if (tpl->count == 0)
		return parse_fail(p, _("a continued line (starting with a space) before any keyword."));
	char *text = mi_conf_trim(line);
	mi_status st = check_placeholders(p, text);
	if (st != MI_OK)
		return st;
	item *it = &tpl->items[tpl->count - 1];
	size_t old = strlen(it->text), add = strlen(text);
	char *grown = realloc(it->text, old + 1 + add + 1);
	if (!grown)
		return mi_error_set(p->err, MI_EINTERNAL, _("out of memory reading %s."), p->path);
	it->text = grown;
	if (old > 0)
		grown[old++] = ' ';
	memcpy(grown + old, text, add + 1);
	return MI_OK;
}

/* Parses one "KEYWORD [when CONDITIONS]: TEXT" line into a new item. */
static mi_status parse_item(parser *p, char *line)
{
	char *colon = strchr(line, ':');
	if (!colon)
		return parse_fail(p, _("expected \"KEYWORD: text\" (a colon after the keyword)."));
	*colon = '\0';
	char *text = mi_conf_trim(colon + 1);
	char *words[64];
	bool too_many;
	char bad;
	size_t count = split_words(line, words, 64, &too_many, &bad);
	if (bad)
		return parse_fail(p, _("unexpected \"%c\" before the colon."), bad);
	if (too_many)
		return parse_fail(p, _("too many words before the colon (at most 64)."));
	if (count == 0)
		return parse_fail(p, _("a keyword is missing before the colon."));
	int kind = 0;
	while (kind < ITEM_KIND_COUNT && strcmp(item_keywords[kind], words[0]) != 0)
		kind++;
	if (kind == ITEM_KIND_COUNT)
		return parse_fail(p,
				  _("unknown keyword \"%s\"; expected title, subtitle, map-caption, "
				  "chart-caption, overflow, section, para or bullet."),
				  words[0]);
	if (count > 1 && strcmp(words[1], "when") != 0)
		return parse_fail(p, _("expected \"when\" or a colon after \"%s\", found \"%s\"."),
				  words[0], words[1]);
	if (count == 2)
		return parse_fail(p, _("a condition is missing after \"when\"."));
	if ((kind == ITEM_PARA || kind == ITEM_BULLET)) {
		bool in_section = false;
		for (size_t i = 0; i < p->tpl->count; i++)
			in_section |= p->tpl->items[i].kind == ITEM_SECTION;
		if (!in_section)
			return parse_fail(p, _("a %s before any section."), words[0]);
	}
	mi_status st = check_placeholders(p, text);
	if (st != MI_OK)
		return st;

	mi_aftercare_template *tpl = p->tpl;
	item *grown = realloc(tpl->items, (tpl->count + 1) * sizeof *grown);
	if (!grown)
		return mi_error_set(p->err, MI_EINTERNAL, _("out of memory reading %s."), p->path);
	tpl->items = grown;
	item *it = &tpl->items[tpl->count];
	memset(it, 0, sizeof *it);
	it->kind = (item_kind)kind;
	it->line = p->line;
	it->text = strdup(text);
	if (!it->text)
		return mi_error_set(p->err, MI_EINTERNAL, _("out of memory reading %s."), p->path);
	tpl->count++;
	return count > 2 ? parse_conditions(p, it, words + 2, count - 2) : MI_OK;
}

/* Parses one physical line (without its newline). */
static mi_status parse_line(parser *p, char *line, size_t len)
{
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	size_t offset;
	mi_text_problem problem = mi_text_check(line, len, false, &offset);
	if (problem == MI_TEXT_CONTROL && line[offset] == '\t') {
		/* Tabs are fine as spacing; check the rest. */
		for (size_t i = 0; i < len; i++)
			if (line[i] == '\t')
				line[i] = ' ';
		problem = mi_text_check(line, len, false, &offset);
	}
	if (problem != MI_TEXT_OK)
		return parse_fail(p, _("%s at byte %zu."), mi_text_problem_name(problem), offset + 1);
	char *start = line;
	while (*start == ' ')
		start++;
	if (*start == '\0' || *start == '#')
		return MI_OK;
	if (start != line)
		return parse_continuation(p, start);
	return parse_item(p, line);
}

/* After the whole file: the items that must be there are there. */
static mi_status check_complete(parser *p)
{
	static const item_kind required[] = {ITEM_TITLE, ITEM_MAP_CAPTION, ITEM_CHART_CAPTION,
					     ITEM_OVERFLOW, ITEM_SECTION};
	for (size_t r = 0; r < sizeof required / sizeof *required; r++) {
		bool found = false;
		for (size_t i = 0; i < p->tpl->count; i++)
			found |= p->tpl->items[i].kind == required[r];
		if (!found)
			return parse_fail(p, _("the template has no \"%s\" line."), item_keywords[required[r]]);
	}
	for (size_t i = 0; i < p->tpl->count; i++)
		if (p->tpl->items[i].text[0] == '\0') {
			p->line = p->tpl->items[i].line;
			return parse_fail(p, _("nothing after the colon of \"%s\"."),
					  item_keywords[p->tpl->items[i].kind]);
		}
	return MI_OK;
}

mi_status mi_aftercare_template_load(const char *path, mi_aftercare_template **out, mi_error *err)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return mi_error_set(err, MI_ENOINPUT, _("cannot read the aftercare template %s: %s."), path,
				    strerror(errno));
	parser p = {.path = path, .err = err, .tpl = calloc(1, sizeof(mi_aftercare_template))};
	mi_status st = p.tpl ? MI_OK : mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), path);
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while (st == MI_OK && (len = getline(&line, &cap, f)) >= 0) {
		p.line++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		st = parse_line(&p, line, (size_t)len);
	}
	if (st == MI_OK && ferror(f))
		st = mi_error_set(err, MI_EIO, _("cannot read the aftercare template %s: %s."), path,
				  strerror(errno));
	free(line);
	fclose(f);
	if (st == MI_OK)
		st = check_complete(&p);
	if (st != MI_OK) {
		mi_aftercare_template_free(p.tpl);
		return st;
	}
	*out = p.tpl;
	return MI_OK;
}

mi_status mi_aftercare_template_load_dir(const char *data_dir, mi_aftercare_template **out,
					 mi_error *err)
{
	size_t n = strlen(data_dir) + sizeof "/aftercare.conf";
	char *path = malloc(n);
	if (!path)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	snprintf(path, n, "%s/aftercare.conf", data_dir);
	mi_status st = mi_aftercare_template_load(path, out, err);
	free(path);
	return st;
}

/* ---- growing strings (mi_strbuf) ------------------------------------ */

/* Appends text made safe (mi_text_sanitize); keeps newlines if asked. */
static void buf_safe(mi_strbuf *b, const char *s, bool keep_newline)
{
	char *safe = mi_text_sanitize(s, keep_newline);
	if (!safe) {
		b->nomem = true;
		return;
	}
	mi_strbuf_puts(b, safe);
	free(safe);
}

/* Appends ", " unless b is empty. */
static void buf_sep(mi_strbuf *b)
{
	if (b->len > 0)
		mi_strbuf_puts(b, ", ");
}

/* ---- building one visit's summary ----------------------------------- */

/* Everything the template's conditions and placeholders read for one visit. */
typedef struct context {
	const mi_visit *visit;
	char *values[PH_COUNT]; /* "" when there is nothing to say */
	bool first_visit;
	int pain_direction; /* -1 down, 0 same, 1 up, 2 fewer than two scores */
} context;

/* Marks the body-map regions a session area covers (intake.conf). */
static void mark_regions(bool worked[MI_BODY_REGION_COUNT], const char *area)
{
	for (size_t r = 0; r < MI_BODY_REGION_COUNT; r++)
		if (mi_vocab_area_covers(area, r))
			worked[r] = true;
}

/* Fills ctx->values and the document's regions and trend. False when out of memory. */
static bool context_fill(context *ctx, const mi_visit *v, mi_aftercare_doc *doc)
{
	mi_strbuf b = {0};
	char date[11];
	ctx->visit = v;

	const char *name = v->client_name;
	if ((!name || !*name) && v->answers)
		name = mi_answers_get_text(v->answers, "client.name");
	if (name)
		buf_safe(&b, name, false);
	ctx->values[PH_NAME] = mi_strbuf_take(&b);

	mi_date_format(v->date, date);
	mi_strbuf_puts(&b, date);
	ctx->values[PH_DATE] = mi_strbuf_take(&b);

	for (size_t i = 0; i < v->notes.area_count; i++) {
		buf_sep(&b);
		buf_safe(&b, mi_vocab_label(MI_VOCAB_AREA, v->notes.areas[i]), false);
		mark_regions(doc->worked, v->notes.areas[i]);
	}
	if (v->notes.areas_other && *v->notes.areas_other) {
		buf_sep(&b);
		buf_safe(&b, v->notes.areas_other, false);
	}
	ctx->values[PH_AREAS] = mi_strbuf_take(&b);

	if (v->notes.pressure)
		buf_safe(&b, v->notes.pressure, false);
	ctx->values[PH_PRESSURE] = mi_strbuf_take(&b);

	for (size_t i = 0; i < v->notes.technique_count; i++) {
		buf_sep(&b);
		buf_safe(&b, mi_vocab_label(MI_VOCAB_TECHNIQUE, v->notes.techniques[i]), false);
	}
	ctx->values[PH_TECHNIQUES] = mi_strbuf_take(&b);

	for (size_t i = 0; i < v->goal_count; i++) {
		buf_sep(&b);
		buf_safe(&b, mi_vocab_label(MI_VOCAB_GOAL, v->goals[i]), false);
	}
	if (v->goals_other && *v->goals_other) {
		buf_sep(&b);
		buf_safe(&b, v->goals_other, false);
	}
	ctx->values[PH_GOALS] = mi_strbuf_take(&b);

	size_t meds = v->answers ? mi_answers_list_count(v->answers, "medications") : 0;
	for (size_t i = 0; i < meds; i++) {
		const char *med = mi_answers_list_item(v->answers, "medications", i);
		if (med && *med) {
			buf_sep(&b);
			buf_safe(&b, med, false);
		}
	}
	ctx->values[PH_MEDICATIONS] = mi_strbuf_take(&b);

	if (v->aftercare_notes) {
		buf_safe(&b, v->aftercare_notes, true);
		while (b.len > 0 && strchr(" \n", b.s[b.len - 1]))
			b.s[--b.len] = '\0';
	}
	ctx->values[PH_NOTES] = mi_strbuf_take(&b);

	long pain;
	if (v->answers && mi_answers_get_int(v->answers, "pain_intensity", &pain)) {
		char n[24];
		snprintf(n, sizeof n, "%ld", pain);
		mi_strbuf_puts(&b, n);
	}
	ctx->values[PH_PAIN] = mi_strbuf_take(&b);

	/* The trend: answered scores only, the latest MI_AFTERCARE_TREND_MAX kept. */
	ctx->first_visit = true;
	const mi_pain_point *first = NULL, *last = NULL;
	size_t answered = 0;
	for (size_t i = 0; i < v->trend_count; i++) {
		if (v->trend[i].visit_id != v->id)
			ctx->first_visit = false;
		if (v->trend[i].pain < 0)
			continue;
		if (!first)
			first = &v->trend[i];
		last = &v->trend[i];
		answered++;
	}
	size_t skip = answered > MI_AFTERCARE_TREND_MAX ? answered - MI_AFTERCARE_TREND_MAX : 0;
	for (size_t i = 0; i < v->trend_count; i++) {
		if (v->trend[i].pain < 0 || (skip > 0 && skip--))
			continue;
		doc->trend[doc->trend_count++] = v->trend[i];
	}
	ctx->pain_direction = 2;
	if (answered >= 2) {
		ctx->pain_direction = last->pain < first->pain ? -1 : last->pain > first->pain;
		for (size_t i = 0; i < doc->trend_count; i++) {
			char point[40];
			mi_date_format(doc->trend[i].date, date);
			snprintf(point, sizeof point, "%s%s: %d", i ? ", " : "", date, doc->trend[i].pain);
			mi_strbuf_puts(&b, point);
		}
	}
	ctx->values[PH_TREND] = mi_strbuf_take(&b);
	char n[16];
	const mi_pain_point *ends[] = {first, last};
	placeholder ph_ends[] = {PH_PAIN_FIRST, PH_PAIN_NOW};
	for (int e = 0; e < 2; e++) {
		if (answered >= 2) {
			snprintf(n, sizeof n, "%d", ends[e]->pain);
			mi_strbuf_puts(&b, n);
		}
		ctx->values[ph_ends[e]] = mi_strbuf_take(&b);
	}
	if (answered >= 2) {
		mi_date_format(first->date, date);
		mi_strbuf_puts(&b, date);
	}
	ctx->values[PH_FIRST_DATE] = mi_strbuf_take(&b);

	for (int p = 0; p < PH_COUNT; p++)
		if (!ctx->values[p])
			return false;
	return true;
}

/* Frees the placeholder values. */
static void context_clear(context *ctx)
{
	for (int p = 0; p < PH_COUNT; p++)
		free(ctx->values[p]);
}

/* True when the visit's stored flags include rule_id. */
static bool visit_has_flag(const mi_visit *v, const char *rule_id)
{
	for (size_t i = 0; i < v->flag_count; i++)
		if (v->flags[i].rule_id && strcmp(v->flags[i].rule_id, rule_id) == 0)
			return true;
	return false;
}

/* Whether one condition holds for the visit. */
static bool cond_holds(const cond *c, const context *ctx, const mi_aftercare_doc *doc)
{
	bool holds = false;
	switch (c->kind) {
	case COND_FLAG:
		for (size_t i = 0; i < c->id_count && !holds; i++)
			holds = visit_has_flag(ctx->visit, c->ids[i]);
		break;
	case COND_OUTCOME:
		holds = (c->mask >> ctx->visit->outcome) & 1u;
		break;
	case COND_AREA:
		for (int r = 0; r < MI_BODY_REGION_COUNT && !holds; r++)
			holds = doc->worked[r] && ((c->mask >> r) & 1u);
		break;
	case COND_FIRST_VISIT:
		holds = ctx->first_visit;
		break;
	case COND_RETURNING:
		holds = !ctx->first_visit;
		break;
	case COND_TREND:
		holds = ctx->pain_direction != 2;
		break;
	case COND_PAIN_DOWN:
		holds = ctx->pain_direction == -1;
		break;
	case COND_PAIN_UP:
		holds = ctx->pain_direction == 1;
		break;
	case COND_PAIN_SAME:
		holds = ctx->pain_direction == 0;
		break;
	case COND_KIND_COUNT:
		break;
	}
	return holds != c->negate;
}

/* Fills in an item's text for the visit. Returns the new text, or NULL with
 * *skip set when its conditions fail or a placeholder is empty, or NULL
 * without *skip when out of memory. *free_text says whether typed text went in.
 * words are the item's text in the language of the sheet. */
static char *item_fill(const item *it, const char *words, const context *ctx,
		       const mi_aftercare_doc *doc, bool *skip, bool *free_text)
{
	*skip = true;
	*free_text = false;
	for (size_t i = 0; i < it->cond_count; i++)
		if (!cond_holds(&it->conds[i], ctx, doc))
			return NULL;
	mi_strbuf b = {0};
	for (const char *s = words; *s;) {
		const char *open = strchr(s, '{');
		if (!open) {
			mi_strbuf_puts(&b, s);
			break;
		}
		mi_strbuf_add(&b, s, (size_t)(open - s));
		const char *close = strchr(open, '}');
		placeholder ph = placeholder_find(open + 1, (size_t)(close - open - 1));
		if (ctx->values[ph][0] == '\0') {
			mi_strbuf_clear(&b);
			return NULL;
		}
		const char *value = ctx->values[ph];
		mi_strbuf_puts(&b, value);
		*free_text |= placeholders[ph].free_text;
		s = close + 1;
		/* "{goals}." after goals typed with a full stop: keep one. */
		if (*s == '.' && strchr(".!?", value[strlen(value) - 1]))
			s++;
	}
	*skip = false;
	return mi_strbuf_take(&b);
}

void mi_aftercare_doc_free(mi_aftercare_doc *doc)
{
	if (!doc)
		return;
	free(doc->title);
	free(doc->subtitle);
	free(doc->map_caption);
	free(doc->chart_caption);
	free(doc->overflow_note);
	for (size_t i = 0; i < doc->section_count; i++) {
		for (size_t j = 0; j < doc->sections[i].block_count; j++)
			free(doc->sections[i].blocks[j].text);
		free(doc->sections[i].blocks);
		free(doc->sections[i].heading);
	}
	free(doc->sections);
	free(doc);
}

/* Adds a block to the document's last section. False when out of memory. */
static bool add_block(mi_aftercare_doc *doc, item_kind kind, char *text, bool free_text)
{
	mi_aftercare_section *sec = &doc->sections[doc->section_count - 1];
	mi_aftercare_block *grown = realloc(sec->blocks, (sec->block_count + 1) * sizeof *grown);
	if (!grown)
		return false;
	sec->blocks = grown;
	sec->blocks[sec->block_count++] = (mi_aftercare_block){
		.kind = kind == ITEM_BULLET ? MI_AFTERCARE_BULLET : MI_AFTERCARE_PARAGRAPH,
		.text = text,
		.free_text = free_text,
	};
	return true;
}

/* Starts a new section in the document, dropping the previous one if it
 * stayed empty. False when out of memory. */
static bool add_section(mi_aftercare_doc *doc, char *heading)
{
	if (doc->section_count > 0 && doc->sections[doc->section_count - 1].block_count == 0)
		free(doc->sections[--doc->section_count].heading);
	mi_aftercare_section *grown =
		realloc(doc->sections, (doc->section_count + 1) * sizeof *grown);
	if (!grown)
		return false;
	doc->sections = grown;
	doc->sections[doc->section_count++] = (mi_aftercare_section){.heading = heading};
	return true;
}

static const char *item_words(const mi_aftercare_template *tpl, size_t i, const mi_overlay *overlay);

mi_status mi_aftercare_build(const mi_aftercare_template *tpl, const mi_visit *visit,
			     mi_aftercare_doc **out, mi_error *err)
{
	return mi_aftercare_build_in(tpl, NULL, visit, out, err);
}

mi_status mi_aftercare_build_in(const mi_aftercare_template *tpl, const mi_overlay *overlay,
				const mi_visit *visit, mi_aftercare_doc **out, mi_error *err)
{
	mi_aftercare_doc *doc = calloc(1, sizeof *doc);
	context ctx = {0};
	if (!doc || !context_fill(&ctx, visit, doc))
		goto oom;

	char **singles[ITEM_KIND_COUNT] = {
		[ITEM_TITLE] = &doc->title,
		[ITEM_SUBTITLE] = &doc->subtitle,
		[ITEM_MAP_CAPTION] = &doc->map_caption,
		[ITEM_CHART_CAPTION] = &doc->chart_caption,
		[ITEM_OVERFLOW] = &doc->overflow_note,
	};
	bool in_section = false; /* the current section's own conditions held */
	for (size_t i = 0; i < tpl->count; i++) {
		const item *it = &tpl->items[i];
		if ((it->kind == ITEM_PARA || it->kind == ITEM_BULLET) && !in_section)
			continue;
		if (singles[it->kind] && *singles[it->kind])
			continue; /* the first line that can be filled wins */
		bool skip, free_text;
		char *text = item_fill(it, item_words(tpl, i, overlay), &ctx, doc, &skip, &free_text);
		if (it->kind == ITEM_SECTION)
			in_section = text != NULL;
		if (!text && skip)
			continue;
		if (!text)
			goto oom;
		if (singles[it->kind]) {
			*singles[it->kind] = text;
		} else if (it->kind == ITEM_SECTION) {
			if (!add_section(doc, text)) {
				free(text);
				goto oom;
			}
		} else if (!add_block(doc, it->kind, text, free_text)) {
			free(text);
			goto oom;
		}
	}
	if (doc->section_count > 0 && doc->sections[doc->section_count - 1].block_count == 0)
		free(doc->sections[--doc->section_count].heading);
	context_clear(&ctx);
	if (!doc->title) {
		mi_aftercare_doc_free(doc);
		return mi_error_set(err, MI_EDATA,
				    _("no title line of the aftercare template can be filled in for "
				    "visit %lld."),
				    visit->id);
	}
	for (int k = ITEM_SUBTITLE; k <= ITEM_OVERFLOW; k++)
		if (!*singles[k] && !(*singles[k] = strdup(""))) {
			mi_aftercare_doc_free(doc);
			return mi_error_set(err, MI_EINTERNAL, _("out of memory building the aftercare summary."));
		}
	/* A caption whose conditions leave it out takes its figure with it
	 * (the short sheet of an urgent visit has neither). */
	if (!*doc->map_caption)
		memset(doc->worked, 0, sizeof doc->worked);
	if (!*doc->chart_caption)
		doc->trend_count = 0;
	*out = doc;
	return MI_OK;
oom:
	context_clear(&ctx);
	mi_aftercare_doc_free(doc);
	return mi_error_set(err, MI_EINTERNAL, _("out of memory building the aftercare summary."));
}

mi_status mi_aftercare_add_clinic_phone(mi_aftercare_doc *doc, const char *phone, mi_error *err)
{
	if (!phone || !*phone)
		return MI_OK;
	char *clean = mi_text_sanitize(phone, false);
	char *heading = strdup(_("Questions?"));
	size_t size = clean ? strlen(clean) + strlen(_("Call the clinic on %s.")) + 1 : 0;
	char *text = clean ? malloc(size) : NULL;
	if (text)
		snprintf(text, size, _("Call the clinic on %s."), clean);
	free(clean);
	bool ok = heading && text && add_section(doc, heading);
	if (ok && add_block(doc, ITEM_PARA, text, false))
		return MI_OK;
	if (!ok)
		free(heading);
	free(text);
	return mi_error_set(err, MI_EINTERNAL, _("out of memory building the aftercare summary."));
}

bool mi_aftercare_doc_contains(const mi_aftercare_doc *doc, const char *text)
{
	const char *singles[] = {doc->title, doc->subtitle, doc->map_caption, doc->chart_caption,
				 doc->overflow_note};
	for (size_t i = 0; i < sizeof singles / sizeof *singles; i++)
		if (singles[i] && strstr(singles[i], text))
			return true;
	for (size_t i = 0; i < doc->section_count; i++) {
		if (strstr(doc->sections[i].heading, text))
			return true;
		for (size_t j = 0; j < doc->sections[i].block_count; j++)
			if (strstr(doc->sections[i].blocks[j].text, text))
				return true;
	}
	return false;
}

/* ---- other languages ------------------------------------------------- */

/* The id of item i in an overlay: its keyword and its number among the
 * lines of that keyword, "bullet_12" (hyphens as '_'). */
static void item_id(const mi_aftercare_template *tpl, size_t i, char *out, size_t size)
{
	size_t n = 0;
	for (size_t j = 0; j <= i; j++)
		n += tpl->items[j].kind == tpl->items[i].kind;
	snprintf(out, size, "%s_%zu", item_keywords[tpl->items[i].kind], n);
	for (char *c = out; *c; c++)
		if (*c == '-')
			*c = '_';
}

/* True when every brace of text closes around a known placeholder: a
 * translation that misspells one is not used. */
static bool placeholders_known(const char *text)
{
	for (const char *s = strchr(text, '{'); s; s = strchr(s + 1, '{')) {
		const char *close = strchr(s, '}');
		if (!close || placeholder_find(s + 1, (size_t)(close - s - 1)) == PH_COUNT)
			return false;
	}
	return true;
}

bool mi_aftercare_template_source(const mi_aftercare_template *tpl, mi_overlay_source *source)
{
	for (size_t i = 0; i < tpl->count; i++) {
		char id[48];
		item_id(tpl, i, id, sizeof id);
		if (!mi_overlay_source_add(source, "line", id, "text", tpl->items[i].text))
			return false;
	}
	return true;
}

/* Line i's words in the overlay's language when it has them (not stale,
 * every placeholder known), else the file's. */
static const char *item_words(const mi_aftercare_template *tpl, size_t i, const mi_overlay *overlay)
{
	const char *english = tpl->items[i].text;
	if (!overlay)
		return english;
	char id[48];
	item_id(tpl, i, id, sizeof id);
	const char *t = mi_overlay_text(overlay, "line", id, "text", english);
	return placeholders_known(t) ? t : english;
}
