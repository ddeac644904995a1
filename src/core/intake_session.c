/* intake_session.c - reading the session sections of intake.conf. */
#include "intake_session.h"

#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/answers.h"
#include "mi/followup.h"

enum { MAX_WORDS = 32 };

typedef struct word_list {
	mi_intake_word items[MAX_WORDS];
	/* Each label as the file gives it (owned) once another language's
	 * words were put in items (mi_session_words_use); NULL before. */
	const char *english[MAX_WORDS];
	size_t count;
} word_list;

struct mi_session_words {
	word_list areas, techniques, plans;
	word_list *open;   /* the list whose last item is being read, or NULL */
	size_t open_line;  /* where that section starts */
	bool has_regions;
};

mi_session_words *mi_session_words_new(void)
{
	return calloc(1, sizeof(mi_session_words));
}

static void list_free(word_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free((char *)list->items[i].id);
		free((char *)(list->english[i] ? list->english[i] : list->items[i].label));
		free((char *)list->items[i].plan);
	}
}

void mi_session_words_free(mi_session_words *words)
{
	if (!words)
		return;
	list_free(&words->areas);
	list_free(&words->techniques);
	list_free(&words->plans);
	free(words);
}

bool mi_session_section(const char *kind_word)
{
	return strcmp(kind_word, "session_area") == 0 || strcmp(kind_word, "session_technique") == 0 ||
	       strcmp(kind_word, "followup_plan") == 0;
}

/* The section kind a list is read from. */
static const char *section_of(const mi_session_words *words, const word_list *list)
{
	return list == &words->areas	  ? "session_area"
	       : list == &words->techniques ? "session_technique"
					    : "followup_plan";
}

static mi_status nomem(mi_error *err)
{
	return mi_error_set(err, MI_EINTERNAL, _("out of memory loading the intake questions."));
}

mi_status mi_session_words_end(mi_session_words *words, const mi_conf_reader *r, mi_error *err)
{
	word_list *list = words->open;
	words->open = NULL;
	if (list && !list->items[list->count - 1].label)
		return mi_conf_fail(r, words->open_line, err, _("[%s %s] has no label."),
				    section_of(words, list), list->items[list->count - 1].id);
	if (list == &words->plans && !list->items[list->count - 1].plan)
		return mi_conf_fail(r, words->open_line, err,
				    _("[followup_plan %s] has no plan (plan = reassess, "
				    "series:SESSIONS:DAYS or maintenance:DAYS)."),
				    list->items[list->count - 1].id);
	return MI_OK;
}

mi_status mi_session_words_start(mi_session_words *words, const mi_conf_reader *r,
				 const mi_conf_line *l, mi_error *err)
{
	mi_status st = mi_session_words_end(words, r, err);
	if (st != MI_OK)
		return st;
	word_list *list = strcmp(l->kind_word, "session_area") == 0	? &words->areas
			  : strcmp(l->kind_word, "session_technique") == 0 ? &words->techniques
									   : &words->plans;
	if (list == &words->plans && strcmp(l->name, "none") == 0)
		return mi_conf_fail(r, l->line, err,
				    _("[followup_plan none]: \"none\" is always offered, as no plan."));
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->items[i].id, l->name) == 0)
			return mi_conf_fail(r, l->line, err, _("a second [%s %s]."), l->kind_word, l->name);
	if (list->count == MAX_WORDS)
		return mi_conf_fail(r, l->line, err, _("more than %d [%s] sections."), MAX_WORDS,
				    l->kind_word);
	mi_intake_word *w = &list->items[list->count];
	*w = (mi_intake_word){.id = strdup(l->name)};
	if (!w->id)
		return nomem(err);
	list->count++;
	words->open = list;
	words->open_line = l->line;
	words->has_regions = false;
	return MI_OK;
}

/* Sets w's regions from "REGION, REGION ..." (commas or spaces between):
 * values of pain_locations, the body map's regions. */
static mi_status set_regions(mi_intake_word *w, const mi_conf_reader *r, const mi_conf_line *l,
			     mi_error *err)
{
	const mi_answer_key *key = mi_answers_find_key("pain_locations");
	char *copy = strdup(l->value);
	if (!copy)
		return nomem(err);
	mi_status st = MI_OK;
	char *save = NULL;
	for (char *t = strtok_r(copy, ", \t", &save); t && st == MI_OK; t = strtok_r(NULL, ", \t", &save)) {
		int found = -1;
		for (int i = 0; key && key->values[i]; i++)
			if (strcmp(key->values[i], t) == 0)
				found = i;
		if (found < 0)
			st = mi_conf_fail(r, l->line, err,
					  _("unknown region \"%s\" for the area %s; the regions are the "
					  "values of pain_locations."),
					  t, w->id);
		else
			w->regions |= 1u << found;
	}
	free(copy);
	return st;
}

/* Sets a [followup_plan]'s plan: one of the forms of mi_plan_parse, kept
 * as mi_plan_format writes it; "none" is not a plan to offer. */
static mi_status set_plan(mi_intake_word *w, const mi_conf_reader *r, const mi_conf_line *l,
			  mi_error *err)
{
	if (w->plan)
		return mi_conf_fail(r, l->line, err, _("a second \"plan\" in [followup_plan %s]."), w->id);
	mi_plan plan;
	mi_error why;
	if (mi_plan_parse(l->value, &plan, &why) != MI_OK || plan.kind == MI_PLAN_NONE)
		return mi_conf_fail(r, l->line, err,
				    _("[followup_plan %s]: \"%s\" is not a plan: it is reassess, "
				    "series:SESSIONS:DAYS (2 to 20 sessions, 1 to 365 days apart) or "
				    "maintenance:DAYS (1 to 365)."),
				    w->id, l->value);
	char text[32];
	mi_plan_format(&plan, text);
	return (w->plan = strdup(text)) ? MI_OK : nomem(err);
}

mi_status mi_session_words_setting(mi_session_words *words, const mi_conf_reader *r,
				   const mi_conf_line *l, mi_error *err)
{
	word_list *list = words->open;
	mi_intake_word *w = &list->items[list->count - 1];
	bool area = list == &words->areas, plan = list == &words->plans;
	const char *section = section_of(words, list);
	if (l->kind != MI_CONF_SETTING)
		return mi_conf_fail(r, l->line, err, _("expected KEY = VALUE in [%s %s]."), section, w->id);
	if (l->value[0] == '\0')
		return mi_conf_fail(r, l->line, err, _("\"%s\" is empty."), l->key);
	if (strcmp(l->key, "label") == 0) {
		if (w->label)
			return mi_conf_fail(r, l->line, err, _("a second \"label\" in [%s %s]."), section, w->id);
		return (w->label = strdup(l->value)) ? MI_OK : nomem(err);
	}
	if (area && strcmp(l->key, "regions") == 0) {
		if (words->has_regions)
			return mi_conf_fail(r, l->line, err, _("a second \"regions\" in [%s %s]."), section,
					    w->id);
		words->has_regions = true;
		return set_regions(w, r, l, err);
	}
	if (plan && strcmp(l->key, "plan") == 0)
		return set_plan(w, r, l, err);
	return mi_conf_fail(r, l->line, err, _("unknown setting \"%s\" in a [%s] section (expected %s)."),
			    l->key, section,
			    area ? "label or regions" : plan ? "label or plan" : "label");
}

const mi_intake_word *mi_session_words_list(const mi_session_words *words, mi_session_kind kind,
					    size_t *count)
{
	const word_list *list = kind == MI_SESSION_AREAS	? &words->areas
				: kind == MI_SESSION_TECHNIQUES ? &words->techniques
								: &words->plans;
	*count = list->count;
	return list->items;
}

/* Puts the overlay's words (or the file's, for none) on one list. */
static void list_use(word_list *list, const char *kind, const mi_overlay *overlay)
{
	for (size_t i = 0; i < list->count; i++) {
		mi_intake_word *w = &list->items[i];
		if (!list->english[i])
			list->english[i] = w->label;
		w->label = mi_overlay_text(overlay, kind, w->id, "label", list->english[i]);
	}
}

void mi_session_words_use(mi_session_words *words, const mi_overlay *overlay)
{
	list_use(&words->areas, "session_area", overlay);
	list_use(&words->techniques, "session_technique", overlay);
}

bool mi_session_words_source(const mi_session_words *words, mi_overlay_source *source)
{
	const word_list *lists[] = {&words->areas, &words->techniques};
	const char *kinds[] = {"session_area", "session_technique"};
	bool ok = true;
	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->count; i++)
			ok = ok && mi_overlay_source_add(source, kinds[l], lists[l]->items[i].id, "label",
							 lists[l]->english[i] ? lists[l]->english[i]
									      : lists[l]->items[i].label);
	return ok;
}
