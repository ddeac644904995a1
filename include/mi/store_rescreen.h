/* store_rescreen.h - a stored visit screened again once the safety
 * questions it left unanswered are answered at the desk (app_rescreen.h
 * decides what may change; this only writes it). */
#ifndef MI_STORE_RESCREEN_H
#define MI_STORE_RESCREEN_H

#include "mi/answers.h"
#include "mi/screen.h"
#include "mi/store.h"

/* Replaces the answers of the complete visit visit_id with answers and its
 * outcome, flags, rules version and intake version with those of
 * screening, in one transaction logged as "rescreen" by the current actor.
 * The goals, notes, plan and consent record stay as they are; an outcome
 * that needs a review (urgent, refer) puts the visit back in the review
 * queue. When client_birth_date is not NULL, the visit's client gets it as
 * the birth date of their record in the same transaction, logged as
 * "birth date" on the client, only when the record has none (a birth date
 * on record is never replaced here); *recorded (may be NULL) tells whether
 * it was. A draft is MI_EDATA, an unknown visit MI_ENOTFOUND. */
mi_status mi_store_visit_rescreen(mi_store *store, long long visit_id, const mi_answers *answers,
				  const mi_screening *screening, const char *rules_version,
				  const char *client_birth_date, bool *recorded, mi_error *err);

#endif
