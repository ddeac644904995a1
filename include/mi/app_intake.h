/* app_intake.h - finishing an intake: the one path by which a draft is
 * completed (front desk, kiosk) and a whole intake is submitted (the
 * intake command). Both screen the answers with the rules in force on the
 * day they are stored, store answers, outcome, flags and the rules'
 * version in one transaction, and log themselves there (app_audit.h). */
#ifndef MI_APP_INTAKE_H
#define MI_APP_INTAKE_H

#include "mi/answers.h"
#include "mi/date.h"
#include "mi/screen.h"
#include "mi/store.h"

/* Screens answers with rules on today and completes the draft visit_id
 * with them (mi_store_visit_complete). When outcome is not NULL it gets
 * the screening's outcome. Errors: MI_EINTERNAL no rules (NULL): an intake
 * is never stored unscreened; MI_EDATA answers the rules
 * cannot read or a visit already complete; MI_ETEMPFAIL the draft is open
 * on another screen or the database stayed busy; MI_EIO the database
 * failed. On failure nothing is stored and the draft keeps its answers. */
mi_status mi_app_intake_complete(mi_store *store, const mi_ruleset *rules, long long visit_id,
				 const mi_answers *answers, mi_date today, mi_level *outcome,
				 mi_error *err);

/* Screens answers with rules on today (mi_screen; NULL rules is
 * MI_EINTERNAL). Fills *out (caller clears with mi_screening_clear). For
 * mi_app_intake_submit: an intake from a file is screened, and refused,
 * before the database is opened. */
mi_status mi_app_intake_screen(const mi_ruleset *rules, const mi_answers *answers, mi_date today,
			       mi_screening *out, mi_error *err);

/* What a submitted intake became. */
typedef struct mi_app_submitted {
	long long visit_id;
	long long client_id;
} mi_app_submitted;

/* Stores one whole intake, screened by mi_app_intake_screen with the same
 * rules on the same day, as a completed visit from source: the client is
 * found by client.name and client.birth_date, or created
 * (mi_store_intake). A missing or blank client.name is MI_EDATA. Nothing
 * is stored on failure. */
mi_status mi_app_intake_submit(mi_store *store, const mi_ruleset *rules, const mi_answers *answers,
			       const mi_screening *screening, mi_visit_source source, mi_date today,
			       mi_app_submitted *out, mi_error *err);

/* The blank-name check of mi_app_intake_submit, for a caller that wants
 * to refuse the answers before it opens the database: true when
 * client.name holds more than spaces. */
bool mi_app_intake_has_name(const mi_answers *answers);

#endif
