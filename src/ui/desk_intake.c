/* desk_intake.c - the intake walk-through (ui_intake.h, therapist mode) on
 * the front desk: over a draft saved answer by answer, completed into a
 * visit when the consent is given. */
#include <stdlib.h>

#include "desk_internal.h"
#include "mi/app_drafts.h"
#include "mi/app_intake.h"
#include "mi/app_prefill.h"
#include "mi/i18n.h"
#include "mi/ui_app.h"

typedef struct intake_page {
	mi_desk_walk_page walk; /* over the draft walk.visit_id */
	mi_store *store;        /* where the draft is claimed, released on free */
} intake_page;
/* Screens the answers and stores the draft as a finished visit, then shows
 * the visit. On failure the walk-through stays, with every answer. */
static void complete(intake_page *p, mi_desk *desk)
{
	const mi_answers *answers = mi_ui_intake_answers(p->walk.intake);
	mi_error err;
	if (mi_app_intake_complete(desk->config.store, desk->config.rules, p->walk.visit_id, answers,
				   mi_clock_today(desk->config.clock), NULL, &err) != MI_OK) {
		mi_desk_say_error(desk, _("The intake could not be saved (every answer is kept; "
					  "press Enter to try again)"), &err);
		return;
	}
	long long id = p->walk.visit_id;
	mi_desk_page *visit = mi_desk_visit_new(desk, id, &err);
	if (!visit) {
		mi_desk_say_error(desk, _("The intake was saved but cannot be shown"), &err);
		mi_desk_pop(desk);
		return;
	}
	mi_desk_replace(desk, visit);
	mi_desk_say(desk, false, _("The intake was saved as visit %lld."), id);
}

static const char *const kept_message =
	N_("The intake is kept as a draft: i on the client's page resumes it.");

static mi_ui_action intake_key(mi_desk_page *page, mi_desk *desk, mi_ui_key key)
{
	intake_page *p = (intake_page *)page;
	if (key.kind == MI_KEY_CTRL && key.ch == L's') { /* save and leave, from any question */
		if (!mi_ui_intake_keep(p->walk.intake))
			return MI_UI_HANDLED; /* the status line says what to fix */
		mi_desk_pop(desk);
		mi_desk_say(desk, false, "%s", _(kept_message));
		return MI_UI_HANDLED;
	}
	mi_ui_action a = mi_ui_intake_key(p->walk.intake, key);
	if (a == MI_UI_DONE) {
		complete(p, desk);
		return MI_UI_HANDLED;
	}
	if (a == MI_UI_CANCEL) {
		mi_desk_pop(desk);
		mi_desk_say(desk, false, "%s", _(kept_message));
		return MI_UI_HANDLED;
	}
	return MI_UI_HANDLED; /* every key belongs to the walk-through */
}

void mi_desk_walk_draw(mi_desk_page *page, mi_ui_canvas *c, const char *hint)
{
	mi_ui_intake *in = ((mi_desk_walk_page *)page)->intake;
	mi_ui_intake_draw(in, c);
	if (!*mi_ui_intake_status(in)) /* the desk's own status line covers it when it speaks */
		mi_ui_put(c, c->rows - 2, 1, 0, c->cols - 2, hint);
}

long long mi_desk_walk_visit_id(const mi_desk_page *page)
{
	return ((const mi_desk_walk_page *)page)->visit_id;
}

mi_ui_intake *mi_desk_walk_intake(mi_desk_page *page)
{
	return ((mi_desk_walk_page *)page)->intake;
}

static void intake_draw(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *c)
{
	(void)desk;
	mi_desk_walk_draw(page, c, _("Ctrl-S save and leave: the intake stays a draft to finish later."));
}

static void intake_free(mi_desk_page *page)
{
	intake_page *p = (intake_page *)page;
	mi_app_draft_release(p->store, p->walk.visit_id);
	mi_ui_intake_free(p->walk.intake);
	free(p);
}

static const mi_desk_page_ops intake_ops = {
	.kind = MI_DESK_INTAKE,
	.help = NULL, /* the walk-through has its own help on every question */
	.draw = intake_draw,
	.key = intake_key,
	.visit_id = mi_desk_walk_visit_id,
	.intake = mi_desk_walk_intake,
	.free = intake_free,
};

/* The page over the draft visit_id holding answers, offering last's. */
static mi_desk_page *page_new(mi_desk *desk, long long visit_id, const mi_answers *answers,
			      const mi_app_last_time *last, mi_error *err)
{
	intake_page *p = calloc(1, sizeof *p);
	mi_ui_intake_config ic = {
		.mode = MI_UI_THERAPIST,
		.rules = desk->config.rules,
		.clock = desk->config.clock,
		.sink = mi_ui_store_sink(desk->config.store),
		.draft_id = visit_id,
		/* name and birth date were typed before the walk-through */
		.lock_identity = mi_answers_has(answers, "client.name") &&
				 mi_answers_has(answers, "client.birth_date"),
		.last_time = last->answers,
		.last_date = last->date,
	};
	if (p)
		p->walk.intake = mi_ui_intake_new(&ic, answers);
	if (!p || !p->walk.intake) {
		free(p);
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
		return NULL;
	}
	p->walk.base.ops = &intake_ops;
	p->store = desk->config.store;
	p->walk.visit_id = visit_id;
	return &p->walk.base;
}

/* Tells the desk that last visit's answers wait to be confirmed. */
static void say_offered(mi_desk *desk, mi_date last)
{
	char date[11];
	mi_date_format(last, date);
	mi_desk_say(desk, false,
		    /* TRANSLATORS: %s is the date of the last visit. */
		    _("Returning client: the answers of %s are offered to confirm or change, one "
		      "by one."),
		    date);
}

/* Opens the draft on this screen: claims it (refused while another screen,
 * a kiosk say, writes it), records a resumed draft as viewed, and loads it. */
static mi_desk_page *open_draft(mi_desk *desk, long long visit_id, bool resumed, mi_error *err)
{
	mi_store *store = desk->config.store;
	mi_answers *answers = NULL;
	if (mi_app_draft_take(store, visit_id, &answers, err) != MI_OK)
		return NULL;
	/* A returning client's stable answers, to confirm one by one; without
	 * them every question is simply asked. */
	mi_app_last_time last = {0};
	mi_error why;
	bool unread = mi_app_last_answers(store, desk->config.rules, visit_id, &last, &why) != MI_OK;
	mi_desk_page *page = page_new(desk, visit_id, answers, &last, err);
	mi_answers_free(answers);
	if (page && unread)
		mi_desk_say_error(desk, _("Last visit's answers cannot be offered"), &why);
	else if (page && last.answers)
		say_offered(desk, last.date);
	mi_app_last_time_clear(&last);
	if (!page) {
		mi_app_draft_release(store, visit_id);
		return NULL;
	}
	if (resumed)
		mi_desk_audit_view(desk, "resume", "visits", visit_id);
	return page;
}

mi_desk_page *mi_desk_intake_for_draft(mi_desk *desk, long long visit_id, mi_error *err)
{
	return open_draft(desk, visit_id, true, err);
}

mi_desk_page *mi_desk_intake_for_person(mi_desk *desk, const char *name, const char *birth_date,
					mi_error *err)
{
	long long visit_id = 0;
	mi_answers *answers = NULL;
	bool resumed = false;
	if (mi_app_draft_open(desk->config.store, desk->config.rules, name, birth_date, MI_SOURCE_DESK,
			      mi_clock_today(desk->config.clock), &visit_id, &answers, &resumed,
			      err) != MI_OK)
		return NULL;
	mi_answers_free(answers);
	return open_draft(desk, visit_id, resumed, err);
}

mi_desk_page *mi_desk_intake_for_client(mi_desk *desk, long long client_id, mi_error *err)
{
	long long visit_id = 0;
	bool resumed = false;
	if (mi_app_draft_open_client(desk->config.store, desk->config.rules, client_id,
				     mi_clock_today(desk->config.clock), &visit_id, &resumed,
				     err) != MI_OK)
		return NULL;
	return open_draft(desk, visit_id, resumed, err);
}
