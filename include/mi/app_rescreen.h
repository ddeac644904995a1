/* app_rescreen.h - a visit that is "not fully screened" (ui_screened.h):
 * the safety questions it left unanswered answered at the desk, and the
 * visit screened again; and which clients' last visit is in that state.
 *
 * A visit is screened on its own date (its answers describe the client on
 * that day) with the rules loaded now, as the visit page shows it.
 */
#ifndef MI_APP_RESCREEN_H
#define MI_APP_RESCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/answers.h"
#include "mi/screen.h"
#include "mi/store.h"

/* What a birth date answered at the desk did to the client's record: the
 * answer goes into the visit's answers (for the age the rules read); the
 * record gets it only when it has none, and one on record that differs is
 * never replaced here but shown beside it for the desk to settle. */
typedef struct mi_rescreen_birth_date {
	bool recorded;       /* the record had none: it now has given */
	bool differs;        /* the record has on_record, another date: left as it is */
	char given[11];      /* the birth date answered here, "YYYY-MM-DD"; "" when none */
	char on_record[11];  /* the record's birth date when it differs, else "" */
} mi_rescreen_birth_date;

/* Adds the answers in added to the complete visit visit_id, screens the
 * whole with rules on the visit's date and stores answers and outcome
 * (mi_store_visit_rescreen: one transaction, logged as "rescreen" by the
 * person acting). Only questions the stored answers leave unanswered may
 * be answered here: an answer the client gave is never changed. *after
 * (may be NULL) gets the new screening (caller clears). Errors: MI_EDATA
 * nothing added, a question already answered (named), answers the rules
 * cannot read, a draft; MI_ENOTFOUND no such visit; MI_EINTERNAL no rules.
 * A client.birth_date among added also completes the client's record when
 * it has no birth date, in the same transaction (mi_store_visit_rescreen);
 * *birth (may be NULL) says what happened to it.
 * Nothing is stored on failure. */
mi_status mi_app_visit_answer_missing(mi_store *store, const mi_ruleset *rules, long long visit_id,
				      const mi_answers *added, mi_screening *after,
				      mi_rescreen_birth_date *birth, mi_error *err);

/* For each visit of list (a client's history, the review queue): out[i]
 * is true when the visit is not fully screened (mi_level_unscreened):
 * its outcome reads proceed while its answers, screened with rules on the
 * visit's date, leave safety questions unanswered. A visit without an
 * outcome, or that cannot be read or screened, is false (its stored
 * outcome is shown as it is). out has list->count entries. */
mi_status mi_app_visits_not_fully_screened(mi_store *store, const mi_ruleset *rules,
					   const mi_visit_list *list, bool *out, mi_error *err);

/* For the first count clients of list: out[i] is true when client i's last
 * completed visit reads proceed while safety questions the rules read are
 * unanswered (mi_level_unscreened, screen.h). A visit that cannot be
 * read or screened is false (the list still shows its stored outcome). */
mi_status mi_app_clients_not_fully_screened(mi_store *store, const mi_ruleset *rules,
					    const mi_client_list *list, size_t count, bool *out,
					    mi_error *err);

#endif
