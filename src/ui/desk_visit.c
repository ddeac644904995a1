/* desk_visit.c - one visit: outcome banner, flags with notes and sources,
 * unanswered safety questions, changes since the last visit, goals, the
 * session notes (edited here), aftercare notes and the summary preview.
 *
 * The page is a document of lines under a fixed banner; a cursor moves over
 * the lines, and lines that belong to a note can be changed: Space ticks a
 * box or picks the pressure, Enter edits a text. `s` saves all notes at
 * once; until then the edits live here, and a failed save keeps them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_internal.h"
#include "mi/app_aftercare.h"
#include "mi/app_followup.h"
#include "mi/app_settings.h"
#include "mi/consent.h"
#include "mi/diff.h"
#include "mi/i18n.h"
#include "mi/intake.h"
#include "mi/translation.h"
#include "mi/ui_field.h"
#include "mi/ui_screened.h"
#include "mi/vocab.h"

enum { ROW_BANNER = 1, ROW_DOC = 3 };

typedef enum item_kind { IT_NONE = 0, IT_AREA, IT_TECH, IT_PRESSURE, IT_FIELD, IT_GOAL } item_kind;

typedef enum field_id {
	F_AREAS_OTHER, F_RESPONSE, F_THERAPIST, F_AFTERCARE, F_GOALS_OTHER, F_COUNT
} field_id;

/* TRANSLATORS: the labels of the notes written on a visit page, each
 * followed by the text; keep the space at the end. */
static const char *const field_labels[F_COUNT] = {
	N_("Other areas: "),
	N_("Response: "),
	N_("Therapist notes (never printed): "),
	N_("Aftercare notes for the client: "),
	N_("In their words: "),
};

typedef struct doc_line {
	char *text;
	unsigned attr;
	item_kind kind;
	int index;   /* which area, technique or field */
	int indent;  /* columns before the text */
} doc_line;

typedef struct visit_page {
	mi_desk_page base;
	long long visit_id;
	mi_visit *visit;
	mi_visit_source source;
	bool reviewed;
	mi_plan plan;          /* the follow-up plan, saved at once with f */
	bool notes_withheld;   /* the person signed in may not read the clinical
				* notes (app_access.h): why says why */
	char why[560];
	bool has_prev;
	mi_date prev_date;
	char *changes;         /* what changed since the previous visit */
	char *unanswered;      /* one question per line; "" when all were answered */
	mi_screening meds;     /* the answers screened now: how the medicines were read */

	/* The goals and notes as edited here. */
	bool *goal_on;
	size_t goal_count;
	bool *area_on;
	size_t area_count;
	bool *tech_on;
	size_t tech_count;
	int pressure;                 /* index into MI_VOCAB_PRESSURE, -1 none */
	char *text[F_COUNT];
	bool dirty;

	int editing;          /* the field being edited, -1 none */
	mi_ui_field field;
	char *before_edit;    /* restored by Esc */

	char *preview;        /* the aftercare summary text, or NULL */
	char preview_note[256];
	bool preview_stale;

	doc_line *lines;
	size_t line_count, line_cap;
	bool doc_failed;
	size_t cur, top;
} visit_page;

/* ---- the notes as edited ---- */

static bool has_id(char **ids, size_t count, const char *id)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* True when the loaded intake asks for goals in the client's own words. */
static bool has_goals_other(void)
{
	size_t count = 0;
	const mi_ui_question *qs = mi_ui_questions(&count);
	for (size_t i = 0; i < count; i++)
		if (strcmp(qs[i].key, "goals_other") == 0)
			return true;
	return false;
}

/* Drops the edit state (edits_from_visit makes it again). */
static void edits_clear(visit_page *p)
{
	free(p->goal_on);
	free(p->area_on);
	free(p->tech_on);
	p->goal_on = p->area_on = p->tech_on = NULL;
	p->goal_count = p->area_count = p->tech_count = 0;
	for (int f = 0; f < F_COUNT; f++) {
		free(p->text[f]);
		p->text[f] = NULL;
	}
}

/* Fills the edit state from the stored goals and notes; false when out of
 * memory. */
static bool edits_from_visit(visit_page *p)
{
	const mi_session_notes *n = &p->visit->notes;
	p->goal_count = mi_vocab_count(MI_VOCAB_GOAL);
	p->area_count = mi_vocab_count(MI_VOCAB_AREA);
	p->tech_count = mi_vocab_count(MI_VOCAB_TECHNIQUE);
	p->goal_on = calloc(p->goal_count + 1, sizeof *p->goal_on);
	p->area_on = calloc(p->area_count + 1, sizeof *p->area_on);
	p->tech_on = calloc(p->tech_count + 1, sizeof *p->tech_on);
	if (!p->goal_on || !p->area_on || !p->tech_on) {
		edits_clear(p);
		return false;
	}
	for (size_t i = 0; i < p->goal_count; i++)
		p->goal_on[i] = has_id(p->visit->goals, p->visit->goal_count,
				       mi_vocab_id(MI_VOCAB_GOAL, i));
	for (size_t i = 0; i < p->area_count; i++)
		p->area_on[i] = has_id(n->areas, n->area_count, mi_vocab_id(MI_VOCAB_AREA, i));
	for (size_t i = 0; i < p->tech_count; i++)
		p->tech_on[i] = has_id(n->techniques, n->technique_count, mi_vocab_id(MI_VOCAB_TECHNIQUE, i));
	p->pressure = n->pressure ? mi_vocab_find(MI_VOCAB_PRESSURE, n->pressure) : -1;
	const char *texts[F_COUNT] = {n->areas_other, n->response, n->therapist_notes,
				      p->visit->aftercare_notes, p->visit->goals_other};
	for (int f = 0; f < F_COUNT; f++) {
		p->text[f] = dup_or_null(texts[f]);
		if (texts[f] && !p->text[f])
			return false;
	}
	return true;
}

/* Appends the ids ticked in on[] to a new list; false when out of memory. */
static bool ids_of(mi_vocab vocab, const bool *on, size_t count, char ***out, size_t *n)
{
	*out = calloc(count ? count : 1, sizeof **out);
	*n = 0;
	if (!*out)
		return false;
	for (size_t i = 0; i < count; i++) {
		if (!on[i])
			continue;
		if (!((*out)[*n] = strdup(mi_vocab_id(vocab, i))))
			return false;
		(*n)++;
	}
	return true;
}

/* A copy of text, or NULL when it is empty or unset. */
static char *text_or_null(const char *text, bool *ok)
{
	if (!text || !*text)
		return NULL;
	char *copy = strdup(text);
	if (!copy)
		*ok = false;
	return copy;
}

/* What the page edits of a visit: goals, session notes, aftercare notes. */
typedef struct visit_edits {
	char **goals;
	size_t goal_count;
	char *goals_other;
	mi_session_notes notes;
	char *aftercare;
} visit_edits;

static void visit_edits_clear(visit_edits *e)
{
	for (size_t i = 0; i < e->goal_count; i++)
		free(e->goals[i]);
	free(e->goals);
	free(e->goals_other);
	mi_session_notes_clear(&e->notes);
	free(e->aftercare);
	memset(e, 0, sizeof *e);
}

/* The edits as goals, session notes and aftercare notes (caller clears
 * with visit_edits_clear); false when out of memory. */
static bool edits_to_notes(const visit_page *p, visit_edits *e)
{
	memset(e, 0, sizeof *e);
	mi_session_notes *n = &e->notes;
	bool ok = ids_of(MI_VOCAB_GOAL, p->goal_on, p->goal_count, &e->goals, &e->goal_count);
	e->goals_other = text_or_null(p->text[F_GOALS_OTHER], &ok);
	ok = ids_of(MI_VOCAB_AREA, p->area_on, p->area_count, &n->areas, &n->area_count) && ok;
	ok = ids_of(MI_VOCAB_TECHNIQUE, p->tech_on, p->tech_count, &n->techniques,
		    &n->technique_count) && ok;
	n->areas_other = text_or_null(p->text[F_AREAS_OTHER], &ok);
	n->pressure = p->pressure >= 0 ? text_or_null(mi_vocab_id(MI_VOCAB_PRESSURE, (size_t)p->pressure), &ok) : NULL;
	n->response = text_or_null(p->text[F_RESPONSE], &ok);
	n->therapist_notes = text_or_null(p->text[F_THERAPIST], &ok);
	e->aftercare = text_or_null(p->text[F_AFTERCARE], &ok);
	if (!ok)
		visit_edits_clear(e);
	return ok;
}

/* Swaps the visit's goals, notes and aftercare notes with the edits. */
static void swap_notes(mi_visit *v, visit_edits *e)
{
	visit_edits t = {v->goals, v->goal_count, v->goals_other, v->notes, v->aftercare_notes};
	v->goals = e->goals;
	v->goal_count = e->goal_count;
	v->goals_other = e->goals_other;
	v->notes = e->notes;
	v->aftercare_notes = e->aftercare;
	*e = t;
}

/* Saves the edits through the store; on failure they stay as typed. */
static bool visit_save(mi_desk_page *page, mi_desk *desk)
{
	visit_page *p = (visit_page *)page;
	visit_edits e;
	if (!edits_to_notes(p, &e)) {
		mi_desk_say(desk, true, _("Out of memory: the notes were not saved; try again."));
		return false;
	}
	swap_notes(p->visit, &e);
	mi_error err;
	mi_status st = mi_app_visit_save_notes(desk->config.store, p->visit, &err);
	if (st != MI_OK)
		swap_notes(p->visit, &e); /* back to what is stored */
	visit_edits_clear(&e);
	if (st != MI_OK) {
		mi_desk_say_error(desk, _("The notes were NOT saved (your edits are kept)"), &err);
		return false;
	}
	p->dirty = false;
	mi_desk_say(desk, false, _("The session notes were saved."));
	return true;
}

static bool visit_unsaved(const mi_desk_page *page)
{
	const visit_page *p = (const visit_page *)page;
	return p->dirty || p->editing >= 0;
}

/* ---- the aftercare preview ---- */

/* Rebuilds the summary text from the visit with the notes as edited. */
/* The clinic's phone number in force, as the printed sheet has it (the
 * preview goes without it when the settings cannot be read just now). */
static mi_status add_clinic_phone(mi_desk *desk, mi_aftercare_doc *doc, mi_error *err)
{
	mi_settings settings = {0};
	mi_error ignored;
	mi_status st = MI_OK;
	if (mi_app_settings_load(desk->config.store, &settings, &ignored) == MI_OK)
		st = mi_aftercare_add_clinic_phone(doc, settings.clinic_phone, err);
	mi_settings_clear(&settings);
	return st;
}

static void build_preview(visit_page *p, mi_desk *desk)
{
	p->preview_stale = false;
	free(p->preview);
	p->preview = NULL;
	p->preview_note[0] = '\0';
	if (!desk->config.aftercare) {
		snprintf(p->preview_note, sizeof p->preview_note, "%s",
			 _("(no aftercare template is loaded, so there is no preview)"));
		return;
	}
	visit_edits e;
	if (!edits_to_notes(p, &e)) {
		snprintf(p->preview_note, sizeof p->preview_note, "%s", _("(out of memory)"));
		return;
	}
	swap_notes(p->visit, &e);
	mi_aftercare_doc *doc = NULL;
	mi_error err;
	/* In the words of the translation in use, as the rest of the page. */
	const mi_translation *tr = mi_translation_in_use();
	if (mi_aftercare_build_in(desk->config.aftercare,
				  tr ? tr->overlays[MI_TRANSLATED_AFTERCARE] : NULL, p->visit, &doc,
				  &err) == MI_OK &&
	    add_clinic_phone(desk, doc, &err) == MI_OK) {
		p->preview = mi_aftercare_to_text(doc);
		if (!p->preview)
			snprintf(p->preview_note, sizeof p->preview_note, "%s", _("(out of memory)"));
	} else {
		/* TRANSLATORS: %s says why, in a sentence of its own. */
		snprintf(p->preview_note, sizeof p->preview_note,
			 _("(the summary cannot be made: %.200s)"), err.message);
	}
	mi_aftercare_doc_free(doc);
	swap_notes(p->visit, &e);
	visit_edits_clear(&e);
}

/* ---- the document ---- */

static void free_lines(visit_page *p)
{
	for (size_t i = 0; i < p->line_count; i++)
		free(p->lines[i].text);
	p->line_count = 0;
}

/* Appends one line (text copied). */
static void add(visit_page *p, unsigned attr, item_kind kind, int index, int indent,
		const char *text)
{
	if (p->line_count == p->line_cap) {
		size_t cap = p->line_cap ? p->line_cap * 2 : 64;
		doc_line *lines = realloc(p->lines, cap * sizeof *lines);
		if (!lines) {
			p->doc_failed = true;
			return;
		}
		p->lines = lines;
		p->line_cap = cap;
	}
	char *copy = strdup(text);
	if (!copy) {
		p->doc_failed = true;
		return;
	}
	p->lines[p->line_count++] = (doc_line){copy, attr, kind, index, indent};
}

static void addf(visit_page *p, unsigned attr, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void addf(visit_page *p, unsigned attr, int indent, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	add(p, attr, IT_NONE, 0, indent, buf);
}

/* Appends text wrapped to width, the first line after `first`, the others
 * indented by `rest`. */
static void add_wrapped(visit_page *p, unsigned attr, item_kind kind, int index, int indent,
			int width, const char *first, const char *rest, const char *text)
{
	char *wrapped = mi_aftercare_wrap(text, (size_t)(width - indent), first, rest);
	if (!wrapped) {
		p->doc_failed = true;
		return;
	}
	for (char *s = wrapped, *nl; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		if (!nl)
			break;
		*nl = '\0';
		add(p, attr, kind, index, indent, s);
	}
	free(wrapped);
}

/* Appends each line of text as its own paragraph, wrapped to width and
 * indented by 2, the first row of each after `first`, the others after
 * `rest`. */
static void add_each_wrapped(visit_page *p, int width, const char *first, const char *rest,
			     const char *text)
{
	for (const char *s = text, *nl; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		char *one = strndup(s, nl ? (size_t)(nl - s) : strlen(s));
		if (!one) {
			p->doc_failed = true;
			return;
		}
		add_wrapped(p, 0, IT_NONE, 0, 2, width, first, rest, one);
		free(one);
		if (!nl)
			break;
	}
}

/* Appends text wrapped after a label, the lines after the first indented
 * as wide as the label. */
static void add_labelled(visit_page *p, item_kind kind, int index, int indent, int width,
			 const char *label, const char *text)
{
	char rest[64];
	int n = mi_ui_text_width(label);
	n = n < (int)sizeof rest ? n : (int)sizeof rest - 1;
	memset(rest, ' ', (size_t)n);
	rest[n] = '\0';
	add_wrapped(p, 0, kind, index, indent, width, label, rest, text);
}

static void heading(visit_page *p, const char *text)
{
	if (p->line_count > 0)
		add(p, 0, IT_NONE, 0, 0, "");
	add(p, MI_UI_BOLD | MI_UI_UNDERLINE, IT_NONE, 0, 0, text);
}

static void add_flags(visit_page *p, mi_desk *desk, int width)
{
	const mi_visit *v = p->visit;
	char title[64];
	/* TRANSLATORS: a heading of the visit page: how many rules fired. */
	snprintf(title, sizeof title, _("Flags (%zu)"), v->flag_count);
	heading(p, title);
	if (v->flag_count == 0)
		add(p, 0, IT_NONE, 0, 2, _("No flag fired."));
	for (size_t i = 0; i < v->flag_count; i++) {
		const mi_visit_flag *f = &v->flags[i];
		const mi_rule *r = mi_ruleset_find(desk->config.rules, f->rule_id);
		addf(p, mi_ui_level_attr(f->level), 2, "%s %s", mi_level_tag(f->level),
		     f->rule_id);
		if (!r) {
			add_wrapped(p, 0, IT_NONE, 0, 6, width, "", "",
				    _("This rule is not in the rules loaded now; the visit was screened "
				      "with another version of them."));
			continue;
		}
		/* The message for the client is in the language in use; the note
		 * and the source stay as the rules file has them. */
		if (p->notes_withheld) {
			const char *message = r->message ? mi_translation_rule_message(r) : NULL;
			/* TRANSLATORS: the labels of a flag's lines on the visit page,
			 * each followed by its text; keep the space at the end. */
			add_labelled(p, IT_NONE, 0, 6, width, _("Message: "), message ? message : "");
		} else {
			add_labelled(p, IT_NONE, 0, 6, width, _("Note: "), r->note ? r->note : "");
		}
		char *read = mi_screening_flag_medicines(desk->config.rules, &p->meds, r->id);
		if (read)
			add_labelled(p, IT_NONE, 0, 6, width, _("Read from: "), read);
		free(read);
		if (!p->notes_withheld)
			add_labelled(p, IT_NONE, 0, 6, width, _("Source: "), r->source ? r->source : "");
	}
}

/* Each medication with how it was read. */
static void add_medications(visit_page *p, mi_desk *desk, int width)
{
	const mi_answers *a = p->visit->answers;
	size_t n = a ? mi_answers_list_count(a, "medications") : 0;
	if (n == 0)
		add(p, 0, IT_NONE, 0, 2, _("Medications: none"));
	else
		add(p, 0, IT_NONE, 0, 2, _("Medications:"));
	for (size_t i = 0; i < n; i++) {
		const char *item = mi_answers_list_item(a, "medications", i);
		char *read = mi_ruleset_describe_medication(desk->config.rules, item ? item : "");
		char line[1024];
		snprintf(line, sizeof line, "%s -> %s", item ? item : "", read ? read : "?");
		free(read);
		add_wrapped(p, 0, IT_NONE, 0, 4, width, "- ", "  ", line);
	}
}

static void add_intake(visit_page *p, mi_desk *desk, int width)
{
	const mi_answers *a = p->visit->answers;
	heading(p, _("Intake"));
	long pain;
	if (a && mi_answers_get_int(a, "pain_intensity", &pain))
		addf(p, 0, 2, _("Pain now: %ld/10"), pain);
	else
		add(p, 0, IT_NONE, 0, 2, _("Pain now: not answered"));
	char buf[1024];
	const char *keys[] = {"pain_locations", "focus_areas", "avoid_areas"};
	/* TRANSLATORS: where the client has pain, wants work and wants none,
	 * each followed by body regions; keep the space at the end. */
	const char *labels[] = {_("Where: "), _("Focus on: "), _("Avoid: ")};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		size_t n = a ? mi_answers_list_count(a, keys[k]) : 0, used = 0;
		buf[0] = '\0';
		for (size_t i = 0; i < n && used < sizeof buf; i++) {
			const char *item = mi_vocab_label(MI_VOCAB_REGION,
							  mi_answers_list_item(a, keys[k], i));
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "",
						 item);
		}
		add_wrapped(p, 0, IT_NONE, 0, 2, width, labels[k], "  ", n ? buf : _("none"));
	}
	add_medications(p, desk, width);
	const char *pressure = a ? mi_answers_get_text(a, "pressure_preference") : NULL;
	/* TRANSLATORS: %s is the pressure the client asked for, as its keyword
	 * (light, medium, firm), or "not answered". */
	addf(p, 0, 2, _("Pressure wanted: %s"), pressure ? pressure : _("not answered"));
}

/* The consent: who signed and when, or in the warning colour why it
 * cannot be relied on. */
static void add_consent(visit_page *p, int width)
{
	const mi_answers *a = p->visit->answers;
	const char *problem = mi_consent_problem(mi_consent_check(a));
	heading(p, _("Consent"));
	if (problem) {
		add_wrapped(p, MI_UI_COLOR(MI_UI_BOLD, MI_UI_COLOR_REFER), IT_NONE, 0, 2, width, "! ",
			    "  ", problem);
		const char *name = a ? mi_answers_get_text(a, "consent.name") : NULL;
		if (name && *name)
			addf(p, 0, 2, _("Signed as: %s"), name);
		return;
	}
	const char *date = mi_answers_get_text(a, "consent.date");
	/* TRANSLATORS: %1$s is the name the client signed with, %2$s the date. */
	addf(p, 0, 2, _("Signed by %s on %s."), mi_answers_get_text(a, "consent.name"),
	     date ? date : _("(no date)"));
}

/* Every question of the intake with its answer (the consent has its own
 * section), as the client's review page lists them. */
static void add_all_answers(visit_page *p, int width)
{
	heading(p, _("All answers"));
	if (!p->visit->answers) {
		add(p, 0, IT_NONE, 0, 2, _("No answers are stored."));
		return;
	}
	size_t count = 0;
	const mi_ui_question *qs = mi_ui_questions(&count);
	for (size_t i = 0; i < count; i++) {
		const mi_ui_question *q = &qs[i];
		if (q->kind == MI_Q_CONSENT ||
		    (q->follow_up && !mi_answers_has(p->visit->answers, q->key)))
			continue;
		char answer[1024], first[128];
		mi_ui_answer_summary(q, p->visit->answers, answer, sizeof answer);
		/* TRANSLATORS: a question's short label before its answer. */
		snprintf(first, sizeof first, _("%s: "), q->label);
		add_wrapped(p, 0, IT_NONE, 0, 2, width, first, "    ", answer);
	}
}

static void add_unanswered(visit_page *p, int width)
{
	heading(p, p->unanswered && *p->unanswered
			   ? _("Safety questions not answered (a asks them now)")
			   : _("Safety questions not answered"));
	if (!p->unanswered || !*p->unanswered) {
		add(p, 0, IT_NONE, 0, 2, _("None: every safety question was answered."));
		return;
	}
	/* One bullet per question (p->unanswered has one per line). */
	add_each_wrapped(p, width, "- ", "  ", p->unanswered);
}

static void add_changes(visit_page *p, int width)
{
	if (!p->has_prev) {
		heading(p, _("Changes since the last visit"));
		add(p, 0, IT_NONE, 0, 2, _("This is the client's first visit: nothing to compare."));
		return;
	}
	char date[11], title[64];
	mi_date_format(p->prev_date, date);
	/* TRANSLATORS: %s is the date of the visit before (2026-10-01). */
	snprintf(title, sizeof title, _("Changes since the last visit (%s)"), date);
	heading(p, title);
	add_wrapped(p, 0, IT_NONE, 0, 2, width, "- ", "  ",
		    p->changes ? p->changes : _("(the comparison could not be made)"));
}

/* A text note: its label and value, wrapped; the editor replaces the first
 * line while editing. */
static void add_field(visit_page *p, field_id f, int indent, int width)
{
	const char *value = p->text[f] && *p->text[f] ? p->text[f] : _("(empty: Enter to write)");
	add_wrapped(p, 0, IT_FIELD, f, indent, width, _(field_labels[f]), "    ", value);
}

/* The goals as boxes to tick (the words of the intake's goals question),
 * and the client's own words when the intake asks for them. */
static void add_goals(visit_page *p, int width)
{
	heading(p, p->dirty ? _("Goals (NOT SAVED YET: s saves)") : _("Goals"));
	char buf[256];
	for (size_t i = 0; i < p->goal_count; i++) {
		snprintf(buf, sizeof buf, "[%c] %s", p->goal_on[i] ? 'x' : ' ',
			 mi_vocab_label(MI_VOCAB_GOAL, mi_vocab_id(MI_VOCAB_GOAL, i)));
		add(p, 0, IT_GOAL, (int)i, 2, buf);
	}
	if (has_goals_other() || p->text[F_GOALS_OTHER])
		add_field(p, F_GOALS_OTHER, 2, width);
	char plan[32];
	mi_plan_format(&p->plan, plan);
	const char *id = mi_plan_id(&p->plan);
	/* TRANSLATORS: %s is the follow-up plan's words; f is the key. */
	addf(p, 0, 2, _("Follow-up plan: %s  (f changes it)"),
	     id && p->plan.kind != MI_PLAN_NONE ? mi_vocab_label(MI_VOCAB_PLAN, id) : plan);
}

static void add_notes(visit_page *p, int width)
{
	heading(p, p->dirty ? _("Session notes (NOT SAVED YET: s saves)") : _("Session notes"));
	add(p, 0, IT_NONE, 0, 2, _("Areas worked:"));
	char buf[256];
	for (size_t i = 0; i < p->area_count; i++) {
		snprintf(buf, sizeof buf, "[%c] %s", p->area_on[i] ? 'x' : ' ',
			 mi_vocab_label(MI_VOCAB_AREA, mi_vocab_id(MI_VOCAB_AREA, i)));
		add(p, 0, IT_AREA, (int)i, 4, buf);
	}
	add_field(p, F_AREAS_OTHER, 4, width);
	add(p, 0, IT_NONE, 0, 2, _("Techniques:"));
	for (size_t i = 0; i < p->tech_count; i++) {
		snprintf(buf, sizeof buf, "[%c] %s", p->tech_on[i] ? 'x' : ' ',
			 mi_vocab_label(MI_VOCAB_TECHNIQUE, mi_vocab_id(MI_VOCAB_TECHNIQUE, i)));
		add(p, 0, IT_TECH, (int)i, 4, buf);
	}
	/* TRANSLATORS: %c is the mark of the choice (* or a space); the
	 * pressures' keywords (light, medium, firm) follow on the same line. */
	size_t used = (size_t)snprintf(buf, sizeof buf, _("Pressure used: (%c) not recorded"),
				       p->pressure < 0 ? '*' : ' ');
	const char *pressure;
	for (int i = 0; (pressure = mi_vocab_id(MI_VOCAB_PRESSURE, (size_t)i)) && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "  (%c) %s",
					 p->pressure == i ? '*' : ' ', pressure);
	add(p, 0, IT_PRESSURE, 0, 2, buf);
	if (p->notes_withheld) {
		add_wrapped(p, 0, IT_NONE, 0, 2, width, _("Response, therapist's notes: "), "    ",
			    p->why);
	} else {
		add_field(p, F_RESPONSE, 2, width);
		add_field(p, F_THERAPIST, 2, width);
	}
	heading(p, _("Aftercare"));
	add_field(p, F_AFTERCARE, 2, width);
}

static void add_preview(visit_page *p, mi_desk *desk, int width)
{
	if (p->preview_stale)
		build_preview(p, desk);
	heading(p, _("Aftercare summary preview (p prints it)"));
	if (!p->preview) {
		add(p, 0, IT_NONE, 0, 2, p->preview_note);
		return;
	}
	add_each_wrapped(p, width, "", "", p->preview);
}

/* Rebuilds the document for a window cols wide, keeping the cursor on the
 * same line number. */
static void build(visit_page *p, mi_desk *desk)
{
	int width = desk->cols - 2;
	free_lines(p);
	p->doc_failed = false;
	add_flags(p, desk, width);
	add_consent(p, width);
	add_unanswered(p, width);
	add_changes(p, width);
	add_intake(p, desk, width);
	add_all_answers(p, width);
	add_goals(p, width);
	add_notes(p, width);
	add_preview(p, desk, width);
	if (p->visit->rules_version) {
		add(p, 0, IT_NONE, 0, 0, "");
		/* TRANSLATORS: %s is the rules' version (a date and a number). */
		addf(p, 0, 0, _("Screened with rules %s."), p->visit->rules_version);
	}
	if (p->cur >= p->line_count)
		p->cur = p->line_count ? p->line_count - 1 : 0;
}

/* ---- keys ---- */

static int doc_rows(const mi_desk *desk)
{
	/* The row above the status line is kept for "-- more --": it never
	 * covers a line of the page. */
	return desk->rows - 3 - ROW_DOC - mi_desk_status_extra_rows(desk);
}

/* The first line of the item the cursor is on. */
static size_t item_start(const visit_page *p, size_t i)
{
	while (i > 0 && p->lines[i].kind != IT_NONE && p->lines[i - 1].kind == p->lines[i].kind &&
	       p->lines[i - 1].index == p->lines[i].index)
		i--;
	return i;
}

/* Moves the cursor to the next (dir 1) or previous (dir -1) item that can
 * be changed; stays when there is none. */
static void next_item(visit_page *p, int dir)
{
	size_t here = item_start(p, p->cur), i = here;
	for (;;) {
		if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= p->line_count))
			return;
		i = dir > 0 ? i + 1 : i - 1;
		const doc_line *l = &p->lines[i];
		if (l->kind == IT_NONE)
			continue;
		size_t start = item_start(p, i);
		if (start != here) {
			p->cur = start;
			return;
		}
	}
}

static void start_editing(visit_page *p, field_id f)
{
	char *before = dup_or_null(p->text[f] ? p->text[f] : "");
	if (!before)
		return;
	free(p->before_edit);
	p->before_edit = before;
	/* A one-line editor: notes written on several lines are joined. */
	for (char *s = before; *s; s++)
		if (*s == '\n')
			*s = ' ';
	mi_ui_field_set(&p->field, before);
	p->editing = (int)f;
}

/* Ends editing: keeps the typed text (keep) or restores the one before. */
static void stop_editing(visit_page *p, mi_desk *desk, bool keep)
{
	field_id f = (field_id)p->editing;
	p->editing = -1;
	if (!keep)
		return;
	char *typed = mi_ui_field_text(&p->field);
	if (!typed) {
		mi_desk_say(desk, true, _("Out of memory: that edit was not kept."));
		return;
	}
	bool changed = strcmp(typed, p->before_edit ? p->before_edit : "") != 0;
	if (!changed) {
		free(typed);
		return;
	}
	free(p->text[f]);
	p->text[f] = typed;
	p->dirty = true;
	p->preview_stale = true;
}

static mi_ui_action edit_key(visit_page *p, mi_desk *desk, mi_ui_key key)
{
	switch (key.kind) {
	case MI_KEY_ENTER:
	case MI_KEY_TAB:
		stop_editing(p, desk, true);
		return MI_UI_HANDLED;
	case MI_KEY_ESC:
		stop_editing(p, desk, false);
		mi_desk_say(desk, false, _("The edit was undone."));
		return MI_UI_HANDLED;
	case MI_KEY_F1:
		return MI_UI_IGNORED;
	default:
		break;
	}
	if (mi_ui_field_key(&p->field, key) == MI_UI_IGNORED && key.kind == MI_KEY_CHAR)
		mi_desk_say(desk, true, mi_ui_field_accepts(key.ch)
						? _("The note cannot be any longer.")
						: _("That character cannot be typed here."));
	return MI_UI_HANDLED;
}

/* Space or Enter on the cursor's item. */
static void toggle(visit_page *p, bool enter)
{
	const doc_line *l = &p->lines[p->cur];
	switch (l->kind) {
	case IT_GOAL:
		p->goal_on[l->index] = !p->goal_on[l->index];
		break;
	case IT_AREA:
		p->area_on[l->index] = !p->area_on[l->index];
		break;
	case IT_TECH:
		p->tech_on[l->index] = !p->tech_on[l->index];
		break;
	case IT_PRESSURE:
		p->pressure = mi_vocab_id(MI_VOCAB_PRESSURE, (size_t)(p->pressure + 1)) ? p->pressure + 1 : -1;
		break;
	case IT_FIELD:
		if (enter)
			start_editing(p, (field_id)l->index);
		return;
	default:
		return;
	}
	p->dirty = true;
	p->preview_stale = true;
}

static void mark_reviewed(visit_page *p, mi_desk *desk)
{
	/* Only a kiosk intake, or an urgent or refer one, was ever unreviewed. */
	if (p->source != MI_SOURCE_KIOSK && p->reviewed) {
		mi_desk_say(desk, false,
			    _("Only intakes from the kiosk and urgent or refer intakes need a review."));
		return;
	}
	if (p->reviewed) {
		mi_desk_say(desk, false, _("This intake was already reviewed."));
		return;
	}
	mi_error err;
	if (mi_app_visit_mark_reviewed(desk->config.store, p->visit_id, NULL, &err) != MI_OK) {
		mi_desk_say_error(desk, _("It could not be marked as reviewed"), &err);
		return;
	}
	p->reviewed = true;
	mi_desk_say(desk, false, _("Marked as reviewed."));
}

/* a: the safety questions the visit left unanswered, asked on a page of
 * their own; the visit is screened again when it closes. */
static void answer_missing(visit_page *p, mi_desk *desk)
{
	if (!p->visit->complete) {
		mi_desk_say(desk, false, _("This intake is not finished: resume it from the review queue."));
		return;
	}
	if (p->meds.unanswered_count == 0) {
		mi_desk_say(desk, false, _("Every safety question is answered: nothing is missing."));
		return;
	}
	mi_error err;
	mi_desk_page *next = mi_desk_safety_new(desk, p->visit, &err);
	if (!next)
		mi_desk_say_error(desk, _("The questions could not be shown"), &err);
	mi_desk_push(desk, next);
}

/* f: the next plan the clinic offers (intake.conf's [followup_plan]
 * sections, after "none"), saved at once (a therapist only); a plan set
 * with `note VISIT --plan` that is not offered goes on to the first. */
static void next_plan(visit_page *p, mi_desk *desk)
{
	if (!mi_desk_may(desk, MI_PERMIT_SESSION_NOTES))
		return;
	const char *now = mi_plan_id(&p->plan);
	int at = now ? mi_vocab_find(MI_VOCAB_PLAN, now) : -2; /* "none" is -1 */
	const char *next = at == -2 ? mi_vocab_id(MI_VOCAB_PLAN, 0)
				    : mi_vocab_id(MI_VOCAB_PLAN, (size_t)(at + 1));
	mi_plan plan;
	mi_error err;
	if (mi_plan_choose(next ? next : "none", &plan, &err) != MI_OK ||
	    mi_app_visit_set_plan(desk->config.store, p->visit_id, &plan, &err) != MI_OK) {
		mi_desk_say_error(desk, _("The plan was not saved"), &err);
		return;
	}
	p->plan = plan;
	mi_desk_say(desk, false, _("Follow-up plan saved: %s."),
		    next ? mi_vocab_label(MI_VOCAB_PLAN, next) : _("none"));
}

/* c: closes the visit, signing its saved notes by the person signed in. */
static void close_visit(visit_page *p, mi_desk *desk)
{
	if (p->dirty) {
		mi_desk_say(desk, true, _("Save the notes first (s): closing signs what is saved."));
		return;
	}
	if (!mi_desk_may(desk, MI_PERMIT_SESSION_NOTES))
		return;
	mi_error err;
	if (mi_app_visit_close(desk->config.store, p->visit_id, &err) != MI_OK) {
		mi_desk_say_error(desk, _("The visit was not closed"), &err);
		return;
	}
	mi_desk_say(desk, false, _("Closed: the notes are signed by you."));
}

static void print(visit_page *p, mi_desk *desk)
{
	if (p->dirty) {
		mi_desk_say(desk, true, _("Save the notes first (s): the printout uses what is saved."));
		return;
	}
	mi_error err;
	mi_status st;
	if (desk->config.print) {
		st = desk->config.print(desk->config.print_ctx, p->visit_id, &err);
	} else if (!desk->config.aftercare) {
		st = mi_error_set(&err, MI_EDATA, _("no aftercare template is loaded."));
	} else {
		/* The same path as `aftercare --print`: audit first, one paper default. */
		mi_aftercare_request req = {.visit_id = p->visit_id, .target = MI_AFTERCARE_PRINT,
					    .quiet = true,
					    .translations = desk->config.translations,
					    .translation_count = desk->config.translation_count};
		st = mi_app_aftercare(desk->config.store, desk->config.aftercare, &req, NULL, &err);
	}
	if (st != MI_OK) {
		mi_desk_say_error(desk, _("The summary was not printed"), &err);
		return;
	}
	mi_desk_say(desk, false, _("The aftercare summary was sent to the printer."));
}

/* True for a key that would change the session notes: Enter, Space, Left
 * or Right on an item of them, and s. */
static bool changes_notes(const visit_page *p, mi_ui_key key)
{
	bool on_item = p->lines[p->cur].kind != IT_NONE;
	if (key.kind == MI_KEY_CHAR)
		return key.ch == L's' || (key.ch == L' ' && on_item);
	return on_item && (key.kind == MI_KEY_ENTER || key.kind == MI_KEY_LEFT ||
			   key.kind == MI_KEY_RIGHT);
}

static mi_ui_action visit_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	visit_page *p = (visit_page *)page;
	if (p->editing >= 0)
		return edit_key(p, desk, key);
	build(p, desk);
	if (p->line_count == 0)
		return key.kind == MI_KEY_ESC ? MI_UI_CANCEL : MI_UI_IGNORED;
	if (changes_notes(p, key) && !mi_desk_may(desk, MI_PERMIT_SESSION_NOTES))
		return MI_UI_HANDLED;
	size_t rows = (size_t)doc_rows(desk);
	if (mi_desk_move(key, p->line_count, rows, &p->cur)) {
		mi_desk_scroll_to(p->cur, rows, &p->top);
		return MI_UI_HANDLED;
	}
	switch (key.kind) {
	case MI_KEY_TAB:
	case MI_KEY_BTAB:
		next_item(p, key.kind == MI_KEY_TAB ? 1 : -1);
		mi_desk_scroll_to(p->cur, rows, &p->top);
		return MI_UI_HANDLED;
	case MI_KEY_ENTER:
		toggle(p, true);
		return MI_UI_HANDLED;
	case MI_KEY_LEFT:
	case MI_KEY_RIGHT:
		if (p->lines[p->cur].kind != IT_PRESSURE)
			return MI_UI_IGNORED;
		if (key.kind == MI_KEY_RIGHT)
			toggle(p, false);
		else if (p->pressure >= 0)
			p->pressure--, p->dirty = true, p->preview_stale = true;
		return MI_UI_HANDLED;
	case MI_KEY_ESC:
		return MI_UI_CANCEL;
	case MI_KEY_CHAR:
		break;
	default:
		return MI_UI_IGNORED;
	}
	switch (key.ch) {
	case L' ':
		toggle(p, false);
		return MI_UI_HANDLED;
	case L's':
		if (!p->dirty)
			mi_desk_say(desk, false, _("Nothing to save: the notes are as stored."));
		else
			visit_save(page, desk);
		return MI_UI_HANDLED;
	case L'p':
		print(p, desk);
		return MI_UI_HANDLED;
	case L'm':
		mark_reviewed(p, desk);
		return MI_UI_HANDLED;
	case L'a':
		answer_missing(p, desk);
		return MI_UI_HANDLED;
	case L'c':
		close_visit(p, desk);
		return MI_UI_HANDLED;
	case L'f':
		next_plan(p, desk);
		return MI_UI_HANDLED;
	case L'q':
		return MI_UI_CANCEL;
	default:
		return MI_UI_IGNORED;
	}
}

/* ---- drawing ---- */

static void draw_banner(const visit_page *p, mi_ui_canvas *c)
{
	const mi_visit *v = p->visit;
	size_t unanswered = p->meds.unanswered_count;
	unsigned attr = mi_ui_outcome_attr(v->outcome, unanswered) | MI_UI_BOLD;
	char line[256];
	/* TRANSLATORS: the visit page's banner: %1$s is the outcome's mark
	 * ([!!]), %2$s its words (in English: URGENT - refer out today), %3$zu
	 * how many rules fired. */
	int used = snprintf(line, sizeof line, ngettext("%s %s - %zu flag", "%s %s - %zu flags",
							v->flag_count),
			    mi_level_outcome_tag(v->outcome, unanswered),
			    mi_level_outcome_words(v->outcome, unanswered, false), v->flag_count);
	size_t unknown = p->meds.unrecognised_count;
	if (unknown && used > 0 && (size_t)used < sizeof line)
		snprintf(line + used, sizeof line - (size_t)used,
			 /* TRANSLATORS: follows the banner's count of flags. */
			 ngettext(", %zu medicine not recognised", ", %zu medicines not recognised",
				  unknown),
			 unknown);
	mi_ui_put(c, ROW_BANNER, 1, attr, c->cols - 2, line);
	if (v->complete && unanswered)
		mi_ui_put(c, ROW_BANNER + 1, 1, MI_UI_BOLD, -1, _("a: ask the missing safety questions"));
	const char *where = NULL;
	if (p->source == MI_SOURCE_KIOSK)
		where = p->reviewed ? _("kiosk intake, reviewed") : _("kiosk intake: m marks reviewed");
	else if (v->complete && !p->reviewed)
		where = _("waiting for review: m marks reviewed");
	else if (!v->complete)
		where = _("draft, not finished");
	if (where) {
		int w = mi_ui_text_width(where);
		mi_ui_put(c, ROW_BANNER + 1, c->cols - 1 - w, MI_UI_BOLD, -1, where);
	}
}

static void visit_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	visit_page *p = (visit_page *)page;
	const mi_visit *v = p->visit;
	char title[256], date[11];
	mi_date_format(v->date, date);
	/* TRANSLATORS: the visit page's title: the visit's number, the client's
	 * name and (the first) their birth date. */
	if (v->client_birth_date)
		snprintf(title, sizeof title, _("Visit %lld - %s, born %s"), v->id, v->client_name,
			 v->client_birth_date);
	else
		snprintf(title, sizeof title, _("Visit %lld - %s"), v->id, v->client_name);
	mi_ui_draw_title(c, title, date);
	draw_banner(p, c);

	build(p, desk);
	int rows = doc_rows(desk);
	mi_desk_scroll_to(p->cur, (size_t)rows, &p->top);
	if (p->doc_failed)
		mi_desk_say(desk, true, _("Out of memory: part of the page is missing."));
	for (int i = 0; i < rows && p->top + (size_t)i < p->line_count; i++) {
		size_t k = p->top + (size_t)i;
		const doc_line *l = &p->lines[k];
		int y = ROW_DOC + i;
		bool cur = k == p->cur || (l->kind != IT_NONE && item_start(p, k) == item_start(p, p->cur));
		unsigned attr = l->attr | (cur ? MI_UI_REVERSE : 0);
		if (cur)
			mi_ui_fill(c, y, 0, c->cols, L' ', MI_UI_REVERSE);
		if (p->editing >= 0 && l->kind == IT_FIELD && l->index == p->editing &&
		    k == item_start(p, k)) {
			const char *label = _(field_labels[p->editing]);
			int w = mi_ui_put(c, y, 1 + l->indent, MI_UI_BOLD, -1, label);
			int x = 1 + l->indent + w;
			mi_ui_fill(c, y, x, c->cols - x, L' ', 0);
			mi_ui_field_draw(&p->field, c, y, x, c->cols - 1 - x, true);
			continue;
		}
		mi_ui_put(c, y, 1 + l->indent, attr, c->cols - 2 - l->indent, l->text);
	}
	/* TRANSLATORS: at the foot of a page that goes on below; at most 10
	 * columns. */
	if (p->top + (size_t)rows < p->line_count)
		mi_ui_put(c, c->rows - 3, c->cols - 12, MI_UI_BOLD, 10, _("-- more --"));
	/* TRANSLATORS: the key hints of the visit page, each at most 78
	 * columns; the keys (s, p, m, ?) are the same in every language. */
	if (p->editing >= 0)
		mi_ui_draw_keys(c, _("Type  Enter/Tab done  Esc undo this edit  F1 help"));
	else if (!p->reviewed)
		mi_ui_draw_keys(c, _("Tab next  Space/Enter change  s save  p print  m reviewed  "
				     "Esc back  ? help"));
	else
		mi_ui_draw_keys(c, _("Up/Down move  Tab next  Space/Enter change  s save  p print  "
				     "Esc back  ? help"));
	/* Editing: the field keeps the cursor at its insertion point. */
	if (p->editing < 0 && p->cur < p->line_count)
		mi_ui_focus(c, ROW_DOC + (int)(p->cur - p->top), 1 + p->lines[p->cur].indent);
}

/* ---- life cycle ---- */

static long long visit_client_id(const mi_desk_page *page)
{
	return ((const visit_page *)page)->visit->client_id;
}

static long long visit_visit_id(const mi_desk_page *page)
{
	return ((const visit_page *)page)->visit_id;
}

static void visit_free(mi_desk_page *page)
{
	visit_page *p = (visit_page *)page;
	mi_visit_free(p->visit);
	free(p->changes);
	free(p->unanswered);
	mi_screening_clear(&p->meds);
	edits_clear(p);
	free(p->before_edit);
	free(p->preview);
	free_lines(p);
	free(p->lines);
	free(p);
}

static void visit_reload(mi_desk_page *page, mi_desk *desk);

static const mi_desk_page_ops visit_ops = {
	.kind = MI_DESK_VISIT,
	.help = N_("The screening outcome is on the banner, then each flag with the note for you "
		"and where the rule comes from, the safety questions the client did not answer "
		"(press a to ask them now: the answers are stored with the visit, which is "
		"screened again, and the log names you), what changed since the last visit, and "
		"the goals (Space ticks one; the client's own words are edited with Enter).\n\n"
		"Session notes: move with Up/Down (Tab jumps to the next thing to fill in), Space "
		"ticks a box or picks the pressure, Enter edits a text (Enter again keeps it, Esc "
		"undoes it). s saves every note at once; leaving with unsaved notes asks first.\n\n"
		"f sets the follow-up plan: none, then each plan the clinic offers in intake.conf "
		"in turn (reassess at 48-72 h, a series, maintenance); saved at once; the due list "
		"shows who is due. "
		"c closes the visit: its notes are signed by you (a therapist); a later change is "
		"kept as an amendment with the text before it. "
		"p prints the aftercare summary shown at the end, m marks an intake from the kiosk, "
		"or an urgent or refer one, as reviewed, Esc goes back."),
	.draw = visit_draw,
	.key = visit_key,
	.reload = visit_reload,
	.unsaved = visit_unsaved,
	.save = visit_save,
	.client_id = visit_client_id,
	.visit_id = visit_visit_id,
	.free = visit_free,
};

/* The safety questions not answered, in plain words, one per line. */
static bool load_unanswered(visit_page *p, mi_desk *desk, mi_error *err)
{
	mi_screening s = {0};
	if (mi_screen(desk->config.rules, p->visit->answers, p->visit->date, &s, err) != MI_OK)
		return false;
	size_t size = 1;
	const mi_intake *intake = mi_ruleset_intake(desk->config.rules);
	const char **texts = calloc(s.unanswered_count + 1, sizeof *texts);
	bool ok = texts != NULL;
	for (size_t i = 0; ok && i < s.unanswered_count; i++) {
		/* The question's words (the birth date's for the age); the key
		 * only when no question of the loaded intake asks it. */
		const mi_ui_question *q = mi_intake_question_asking(intake, s.unanswered[i]);
		texts[i] = q ? q->text : s.unanswered[i];
		size += strlen(texts[i]) + 1;
	}
	p->unanswered = ok ? malloc(size) : NULL;
	if (p->unanswered) {
		p->unanswered[0] = '\0';
		for (size_t i = 0; i < s.unanswered_count; i++) {
			strcat(p->unanswered, texts[i]);
			strcat(p->unanswered, "\n");
		}
	}
	free(texts);
	p->meds = s; /* kept: the page shows how the medicines were read */
	if (!p->unanswered)
		return mi_error_set(err, MI_EINTERNAL, "out of memory."), false;
	return true;
}

/* Takes the visit and what changed since the previous one from the view. */
static void take_view(visit_page *p, mi_app_visit_view *view)
{
	p->visit = view->visit;
	view->visit = NULL;
	p->source = view->source;
	p->reviewed = view->reviewed;
	p->notes_withheld = view->notes_withheld;
	/* TRANSLATORS: %s says why the notes are withheld from the person signed in. */
	snprintf(p->why, sizeof p->why, _("not shown: %s"), view->withheld.message);
	if (view->previous) {
		p->has_prev = true;
		p->prev_date = view->previous->date;
		p->changes = mi_diff_to_text(&view->changes);
	}
	mi_app_visit_view_clear(view);
}

/* Reads the visit again when it is shown again (its missing safety
 * questions were answered on the page above) or the window changed: the
 * answers, outcome and flags as stored now. Edits not saved yet stay. */
static void visit_reload(mi_desk_page *page, mi_desk *desk)
{
	visit_page *p = (visit_page *)page;
	mi_app_visit_view view;
	mi_error err;
	if (mi_app_visit_view_load(desk->config.store, p->visit_id, &view, NULL, &err) != MI_OK) {
		mi_desk_say_error(desk, _("The visit could not be read again"), &err);
		return;
	}
	mi_visit_free(p->visit);
	free(p->changes);
	p->changes = NULL;
	p->has_prev = false;
	take_view(p, &view);
	free(p->unanswered);
	p->unanswered = NULL;
	mi_screening_clear(&p->meds);
	if (!load_unanswered(p, desk, &err))
		mi_desk_say_error(desk, _("The safety questions could not be screened"), &err);
	if (!p->dirty && p->editing < 0) {
		edits_clear(p);
		if (!edits_from_visit(p))
			mi_desk_say(desk, true, _("Out of memory: part of the page is missing."));
	}
	p->preview_stale = true;
}

mi_desk_page *mi_desk_visit_new(mi_desk *desk, long long visit_id, mi_error *err)
{
	visit_page *p = calloc(1, sizeof *p);
	if (!p) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	p->base.ops = &visit_ops;
	p->visit_id = visit_id;
	p->editing = -1;
	p->preview_stale = true;
	mi_app_visit_view view;
	mi_app_seen seen;
	bool ok = mi_app_visit_view_load(desk->config.store, visit_id, &view, &seen, err) == MI_OK;
	if (ok)
		take_view(p, &view);
	ok = ok && mi_app_visit_plan(desk->config.store, visit_id, &p->plan, err) == MI_OK;
	ok = ok && load_unanswered(p, desk, err);
	if (ok && !edits_from_visit(p)) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		ok = false;
	}
	if (!ok) {
		visit_free(&p->base);
		return NULL;
	}
	mi_desk_seen(desk, &seen);
	return &p->base;
}
