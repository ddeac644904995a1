/* form.c - the intake as a form: the answers schema spread into one item
 * per key, with the words of the intake questions and the follow-ups. */
#include "mi/i18n.h"
#include "mi/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/answers.h"
#include "mi/intake.h"
#include "mi/questions.h"
#include "mi/strbuf.h"

/* An item and what it owns. */
typedef struct form_entry {
	mi_form_item item;
	char *key;                 /* "client.name": built for object fields */
	mi_form_option *options;
	mi_follow_up_test *tests;
} form_entry;

struct mi_form {
	form_entry *entries;
	size_t count;
};

/* Words for the keys the intake questions do not ask themselves: the age
 * (derived from the birth date when not given) and the consent's fields
 * (one consent question fills all three). */
static const struct {
	const char *key, *text, *label;
} extra_words[] = {
	{"age", "How old are you, in years?", "Age"},
	{"consent.agreed", NULL, "Consent given"}, /* NULL: the consent question's words */
	{"consent.name", "Full name typed as a signature", "Signed by"},
	{"consent.date", "Date of the signature", "Date signed"},
};

/* The intake question for key, or NULL. */
static const mi_ui_question *question_for(const char *key)
{
	size_t n = 0;
	const mi_ui_question *qs = mi_ui_questions(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(qs[i].key, key) == 0)
			return &qs[i];
	return NULL;
}

/* Fills the item's text and label from the question table or the extra
 * words; key itself when neither has it. */
static void set_words(mi_form_item *item, const mi_ui_question *q)
{
	item->text = item->label = item->key;
	if (q) {
		item->text = q->text;
		item->label = q->label;
	}
	for (size_t i = 0; i < sizeof extra_words / sizeof extra_words[0]; i++)
		if (strcmp(extra_words[i].key, item->key) == 0) {
			const mi_ui_question *consent = question_for("consent");
			item->text = extra_words[i].text ? extra_words[i].text
				     : consent	       ? consent->text
							: item->key;
			item->label = extra_words[i].label;
		}
}

/* The options of an enum or enum-list key, with the question's words. */
static bool set_options(form_entry *e, const mi_answer_key *key, const mi_ui_question *q)
{
	size_t n = 0;
	while (key->values && key->values[n])
		n++;
	e->options = calloc(n ? n : 1, sizeof *e->options);
	if (!e->options)
		return false;
	size_t labels = 0;
	while (q && q->labels && q->labels[labels])
		labels++;
	for (size_t i = 0; i < n; i++) {
		const char *code = key->values[i];
		const char *display = code;
		if (q && q->labels && labels == n)
			display = q->labels[i];
		e->options[i] = (mi_form_option){.code = code, .display = display};
	}
	e->item.options = e->options;
	e->item.option_count = n;
	return true;
}

/* When the question is asked: the intake file's asked_when, else a
 * follow-up of the rules file. */
static mi_status set_asked_when(form_entry *e, const mi_ruleset *rules, mi_error *err)
{
	size_t count = 0;
	bool all = true;
	const mi_intake *intake = mi_intake_installed();
	mi_status st = MI_OK;
	if (intake)
		st = mi_rulefile_follow_up_tests(mi_intake_conditions(intake), e->item.key, &e->tests,
						 &count, &all, err);
	if (st == MI_OK && !e->tests && rules)
		st = mi_rulefile_follow_up_tests(mi_ruleset_rulefile(rules), e->item.key, &e->tests,
						 &count, &all, err);
	if (st != MI_OK)
		return st;
	e->item.asked_when = e->tests;
	e->item.asked_when_count = count;
	e->item.asked_when_all = all;
	return MI_OK;
}

/* Adds the item for one leaf key of the schema (path "client.name" or
 * "fever"). */
static mi_status add_item(mi_form *form, const mi_answer_key *key, const char *path,
			  const mi_ruleset *rules, mi_error *err)
{
	form_entry *e = &form->entries[form->count];
	memset(e, 0, sizeof *e);
	if (!(e->key = strdup(path)))
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	form->count++;
	mi_form_item *item = &e->item;
	item->key = e->key;
	const mi_ui_question *q = question_for(path);
	set_words(item, q);
	switch (key->type) {
	case MI_ANSWER_BOOL:
		item->type = MI_FORM_BOOLEAN;
		break;
	case MI_ANSWER_INT_OR_NULL:
		item->nullable = true;
		/* fall through */
	case MI_ANSWER_INT:
		item->type = MI_FORM_INTEGER;
		item->has_range = true;
		item->min = key->min;
		item->max = key->max;
		break;
	case MI_ANSWER_DATE:
		item->type = MI_FORM_DATE;
		break;
	case MI_ANSWER_TEXT_LIST:
		item->repeats = true;
		/* fall through */
	case MI_ANSWER_TEXT:
	case MI_ANSWER_NAME:
		item->type = MI_FORM_STRING;
		break;
	case MI_ANSWER_ENUM_LIST:
		item->repeats = true;
		/* fall through */
	case MI_ANSWER_ENUM:
		item->type = MI_FORM_CHOICE;
		if (!set_options(e, key, q))
			return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
		break;
	case MI_ANSWER_OBJECT:
		return mi_error_set(err, MI_EINTERNAL, _("%s is an object, not one answer."), path);
	}
	/* Storing an intake needs the client's name (store.h). */
	item->required = strcmp(path, "client.name") == 0;
	return set_asked_when(e, rules, err);
}

/* True when the form already has an item for key. */
static bool has_item(const mi_form *form, const char *key)
{
	return mi_form_find(form, key) != NULL;
}

/* Adds the items of one schema key (every field of an object). */
static mi_status add_key(mi_form *form, const mi_answer_key *key, const mi_ruleset *rules,
			 mi_error *err)
{
	if (key->type != MI_ANSWER_OBJECT)
		return has_item(form, key->name) ? MI_OK : add_item(form, key, key->name, rules, err);
	for (const mi_answer_key *f = key->fields; f->name; f++) {
		char path[96];
		snprintf(path, sizeof path, "%s.%s", key->name, f->name);
		mi_status st = has_item(form, path) ? MI_OK : add_item(form, f, path, rules, err);
		if (st != MI_OK)
			return st;
	}
	return MI_OK;
}

/* The number of leaf items the schema has. */
static size_t leaf_count(void)
{
	size_t n = 0;
	for (const mi_answer_key *k = mi_answers_schema(); k->name; k++) {
		if (k->type != MI_ANSWER_OBJECT) {
			n++;
			continue;
		}
		for (const mi_answer_key *f = k->fields; f->name; f++)
			n++;
	}
	return n;
}

/* The schema key a question table key belongs to ("client.name" ->
 * client), and its field when it is one. */
static const mi_answer_key *table_key(const char *name, const mi_answer_key **field)
{
	*field = NULL;
	const char *dot = strchr(name, '.');
	if (!dot)
		return mi_answers_find_key(name);
	char top[64];
	snprintf(top, sizeof top, "%.*s", (int)(dot - name), name);
	const mi_answer_key *key = mi_answers_find_key(top);
	for (const mi_answer_key *f = key && key->fields ? key->fields : NULL; f && f->name; f++)
		if (strcmp(f->name, dot + 1) == 0)
			*field = f;
	return key;
}

mi_status mi_form_new(const mi_ruleset *rules, mi_form **out, mi_error *err)
{
	mi_form *form = calloc(1, sizeof *form);
	size_t cap = leaf_count();
	if (form)
		form->entries = calloc(cap, sizeof *form->entries);
	if (!form || !form->entries) {
		mi_form_free(form);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	/* The order the questions are asked in, then any key they do not ask. */
	size_t n = 0;
	const mi_ui_question *qs = mi_ui_questions(&n);
	mi_status st = MI_OK;
	for (size_t i = 0; st == MI_OK && i < n; i++) {
		const mi_answer_key *field = NULL, *key = table_key(qs[i].key, &field);
		if (field)
			st = has_item(form, qs[i].key) ? MI_OK : add_item(form, field, qs[i].key, rules, err);
		else if (key)
			st = add_key(form, key, rules, err);
	}
	for (const mi_answer_key *k = mi_answers_schema(); st == MI_OK && k->name; k++)
		st = add_key(form, k, rules, err);
	if (st != MI_OK) {
		mi_form_free(form);
		return st;
	}
	*out = form;
	return MI_OK;
}

void mi_form_free(mi_form *form)
{
	if (!form)
		return;
	for (size_t i = 0; i < form->count; i++) {
		free(form->entries[i].key);
		free(form->entries[i].options);
		free(form->entries[i].tests);
	}
	free(form->entries);
	free(form);
}

size_t mi_form_count(const mi_form *form)
{
	return form->count;
}

const mi_form_item *mi_form_item_at(const mi_form *form, size_t index)
{
	return index < form->count ? &form->entries[index].item : NULL;
}

const mi_form_item *mi_form_find(const mi_form *form, const char *key)
{
	for (size_t i = 0; i < form->count; i++)
		if (strcmp(form->entries[i].item.key, key) == 0)
			return &form->entries[i].item;
	return NULL;
}

const char *mi_form_option_display(const mi_form_item *item, const char *code)
{
	for (size_t i = 0; i < item->option_count; i++)
		if (strcmp(item->options[i].code, code) == 0)
			return item->options[i].display;
	return code;
}

char *mi_form_answer_text(const mi_form_item *item, const mi_answers *answers, bool *failed)
{
	*failed = false;
	if (!mi_answers_has(answers, item->key))
		return NULL;
	mi_strbuf b = {0};
	bool flag;
	long n;
	const char *text = mi_answers_get_text(answers, item->key);
	if (item->repeats) {
		size_t count = mi_answers_list_count(answers, item->key);
		for (size_t i = 0; i < count; i++) {
			const char *v = mi_answers_list_item(answers, item->key, i);
			mi_strbuf_addf(&b, "%s%s", i ? ", " : "", mi_form_option_display(item, v ? v : "?"));
		}
		if (count == 0)
			mi_strbuf_puts(&b, "none");
	} else if (item->type == MI_FORM_BOOLEAN && mi_answers_get_bool(answers, item->key, &flag)) {
		mi_strbuf_puts(&b, flag ? "Yes" : "No");
	} else if (item->type == MI_FORM_INTEGER) {
		if (mi_answers_get_int(answers, item->key, &n))
			mi_strbuf_addf(&b, "%ld", n);
		else
			mi_strbuf_puts(&b, "none");
	} else {
		mi_strbuf_puts(&b, text ? mi_form_option_display(item, text) : "?");
	}
	char *out = mi_strbuf_take(&b);
	*failed = out == NULL;
	return out;
}

/* True when the test holds for the answers. */
static bool test_holds(const mi_follow_up_test *t, const mi_answers *a)
{
	bool flag;
	long n;
	const mi_answer_key *key = mi_answers_find_key(t->key);
	bool list = key && (key->type == MI_ANSWER_ENUM_LIST || key->type == MI_ANSWER_TEXT_LIST);
	const char *text;
	switch (t->op) {
	case MI_FOLLOW_UP_TRUE:
		return mi_answers_get_bool(a, t->key, &flag) && flag;
	case MI_FOLLOW_UP_IS:
		if (list)
			return mi_answers_list_contains(a, t->key, t->value);
		text = mi_answers_get_text(a, t->key);
		return text && strcmp(text, t->value) == 0;
	case MI_FOLLOW_UP_LT:
		return mi_answers_get_int(a, t->key, &n) && n < t->number;
	case MI_FOLLOW_UP_LE:
		return mi_answers_get_int(a, t->key, &n) && n <= t->number;
	case MI_FOLLOW_UP_GT:
		return mi_answers_get_int(a, t->key, &n) && n > t->number;
	case MI_FOLLOW_UP_GE:
		return mi_answers_get_int(a, t->key, &n) && n >= t->number;
	case MI_FOLLOW_UP_EQ:
		return mi_answers_get_int(a, t->key, &n) && n == t->number;
	}
	return false;
}

/* mi_form_item_enabled, with a bound on how deep follow-ups of follow-ups
 * go (a cycle in the rules file ends there as "not asked"). */
static bool enabled(const mi_form *form, const mi_form_item *item, const mi_answers *a, int depth)
{
	if (item->asked_when_count == 0)
		return true;
	if (depth > 16)
		return false;
	for (size_t i = 0; i < item->asked_when_count; i++) {
		const mi_follow_up_test *t = &item->asked_when[i];
		const mi_form_item *asked = mi_form_find(form, t->key);
		bool holds = asked && enabled(form, asked, a, depth + 1) && test_holds(t, a);
		if (holds && !item->asked_when_all)
			return true;
		if (!holds && item->asked_when_all)
			return false;
	}
	return item->asked_when_all;
}

bool mi_form_item_enabled(const mi_form *form, const mi_form_item *item, const mi_answers *answers)
{
	return enabled(form, item, answers, 0);
}
