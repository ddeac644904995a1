/* app_prefill.h - a returning client's last answers, offered at the front
 * desk to confirm one by one.
 *
 * Only the questions the intake model marks prefill = yes (intake.conf:
 * stable histories and preferences) are offered; every other question,
 * the red flags first of all, is asked fresh at each visit. As a second
 * guard a question that an urgent rule reads is never offered, whatever
 * the intake file says. The answers are typed (mi_answers); nothing is
 * saved here: the walk-through saves an offered answer only once it is
 * confirmed (ui_intake.h).
 */
#ifndef MI_APP_PREFILL_H
#define MI_APP_PREFILL_H

#include "mi/answers.h"
#include "mi/date.h"
#include "mi/screen.h"
#include "mi/store.h"

/* The answers of the client's last visit that may be offered again. */
typedef struct mi_app_last_time {
	long long visit_id;  /* the last completed visit before the draft; 0: none */
	mi_date date;        /* its date */
	mi_answers *answers; /* its answers to the prefill questions; NULL when none */
} mi_app_last_time;

/* The last answers for the draft draft_id: those of the client's latest
 * completed visit before it, kept to the questions that may be offered
 * (rules: the screening rules in force, for the guard; NULL: none). A
 * draft of a client not known yet, or a first visit, gives visit_id 0 and
 * no answers. Fills *out (mi_app_last_time_clear). Errors: MI_ENOTFOUND no
 * such visit; MI_EIO the database failed. */
mi_status mi_app_last_answers(mi_store *store, const mi_ruleset *rules, long long draft_id,
			      mi_app_last_time *out, mi_error *err);

/* Frees what t holds and zeroes it. */
void mi_app_last_time_clear(mi_app_last_time *t);

#endif
