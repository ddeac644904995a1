/* desk_safety.c - the safety questions a stored visit left unanswered,
 * asked at the desk with the intake's own pages (ui_intake.h, therapist
 * mode, missing_safety_only: the same fields and readers as a desk intake,
 * the questions of the loaded intake), then the visit screened again
 * through app_rescreen.h. The visit page under it shows the new outcome
 * once this page closes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk_internal.h"
#include "mi/app_rescreen.h"
#include "mi/i18n.h"

typedef struct safety_page {
	mi_desk_walk_page walk; /* over a copy of the answers of walk.visit_id */
	mi_date visit_date;     /* the walk-through screens on the visit's date */
	mi_answers *stored;     /* the visit's answers as they were */
} safety_page;

/* The answers given on this page: those the stored ones lack (*out: caller
 * frees; NULL when there are none). False when out of memory. */
static bool answers_added(const safety_page *p, mi_answers **out)
{
	*out = NULL;
	const mi_answers *now = mi_ui_intake_answers(p->walk.intake);
	mi_answers *added = mi_answers_new();
	if (!added)
		return false;
	size_t count = 0;
	bool ok = true;
	mi_answers_iter it;
	mi_answers_iter_init(&it, now);
	while (ok && mi_answers_next(&it)) {
		if (p->stored && mi_answers_has(p->stored, it.path))
			continue;
		char *json = mi_answers_get_json(now, it.path);
		mi_error ignored;
		ok = json && mi_answers_set_json(added, it.path, json, &ignored) == MI_OK;
		free(json);
		count++;
	}
	if (ok && count)
		*out = added;
	else
		mi_answers_free(added);
	return ok;
}

/* Stores the answers given and screens the visit again, then goes back to
 * the visit page (which shows the new outcome). On failure the page stays
 * with every answer. */
static void save_and_leave(safety_page *p, mi_desk *desk)
{
	mi_answers *added = NULL;
	if (!answers_added(p, &added)) {
		mi_desk_say(desk, true, "%s", _("Out of memory: nothing was saved; try again."));
		return;
	}
	if (!added) {
		mi_desk_pop(desk);
		mi_desk_say(desk, false, "%s", _("No answer was given: the visit is as it was."));
		return;
	}
	mi_screening after = {0};
	mi_rescreen_birth_date birth = {0};
	mi_error err;
	mi_status st = mi_app_visit_answer_missing(desk->config.store, desk->config.rules,
						   p->walk.visit_id, added, &after, &birth, &err);
	mi_answers_free(added);
	if (st != MI_OK) {
		mi_desk_say_error(desk, _("The answers were NOT saved (they are kept here; press "
					  "Enter to try again)"), &err);
		return;
	}
	size_t left = after.unanswered_count;
	mi_level outcome = after.outcome;
	mi_screening_clear(&after);
	mi_desk_pop(desk);
	char record[200] = "";
	if (birth.recorded)
		snprintf(record, sizeof record, _(" Birth date %s added to the client's record."),
			 birth.given);
	else if (birth.differs)
		/* TRANSLATORS: the first %s is the birth date given, the second
		   the one on record. */
		snprintf(record, sizeof record,
			 _(" Birth date given %s, on the client's record %s: the record is "
			   "unchanged; check which is right."),
			 birth.given, birth.on_record);
	if (left)
		/* TRANSLATORS: the first %s is an outcome keyword (proceed,
		   modify, refer, urgent), the last %s a sentence about the birth
		   date or nothing; a is the key that asks the questions. */
		mi_desk_say(desk, false,
			    dngettext(MI_TEXT_DOMAIN,
				      "Saved and screened again: %s; %zu safety question still "
				      "unanswered (a asks them).%s",
				      "Saved and screened again: %s; %zu safety questions still "
				      "unanswered (a asks them).%s",
				      left),
			    mi_level_name(outcome), left, record);
	else
		mi_desk_say(desk, false,
			    _("Saved and screened again: %s; every safety question is answered.%s"),
			    mi_level_name(outcome), record);
}

static mi_ui_action safety_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	safety_page *p = (safety_page *)page;
	if (key.kind == MI_KEY_CTRL && key.ch == L's') { /* save what is answered and leave */
		if (mi_ui_intake_keep(p->walk.intake))
			save_and_leave(p, desk);
		return MI_UI_HANDLED;
	}
	mi_ui_action a = mi_ui_intake_key(p->walk.intake, key);
	if (a == MI_UI_DONE || a == MI_UI_CANCEL) /* Esc at the first: what was answered is kept */
		save_and_leave(p, desk);
	return MI_UI_HANDLED; /* every key belongs to the walk-through */
}

static void safety_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	(void)desk;
	mi_desk_walk_draw(page, c,
			  _("Missing safety questions: Ctrl-S saves the answers given and screens again."));
}

static void safety_free(mi_desk_page *page)
{
	safety_page *p = (safety_page *)page;
	mi_ui_intake_free(p->walk.intake);
	mi_answers_free(p->stored);
	free(p);
}

static const mi_desk_page_ops safety_ops = {
	.kind = MI_DESK_SAFETY,
	.help = NULL, /* the walk-through has its own help on every question */
	.draw = safety_draw,
	.key = safety_key,
	.visit_id = mi_desk_walk_visit_id,
	.intake = mi_desk_walk_intake,
	.free = safety_free,
};

mi_desk_page *mi_desk_safety_new(mi_desk *desk, const mi_visit *visit, mi_error *err)
{
	safety_page *p = calloc(1, sizeof *p);
	if (!p) {
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	p->walk.base.ops = &safety_ops;
	p->walk.visit_id = visit->id;
	p->visit_date = visit->date;
	p->stored = visit->answers ? mi_answers_copy(visit->answers) : mi_answers_new();
	mi_ui_intake_config ic = {
		.mode = MI_UI_THERAPIST,
		.rules = desk->config.rules,
		.clock = mi_clock_fixed(&p->visit_date),
		.missing_safety_only = true,
	};
	if (p->stored)
		p->walk.intake = mi_ui_intake_new(&ic, p->stored);
	if (!p->walk.intake) {
		safety_free(&p->walk.base);
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	if (strcmp(mi_ui_intake_current_key(p->walk.intake), "review") == 0) {
		/* A rule reads an answer no question of the loaded intake asks. */
		safety_free(&p->walk.base);
		mi_error_set(err, MI_EDATA, "%s",
			     _("the loaded intake has no question for what is missing; see the "
			       "list under \"Safety questions not answered\"."));
		return NULL;
	}
	return &p->walk.base;
}
