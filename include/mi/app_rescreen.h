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

/* Adds the answers in added to the complete visit visit_id, screens the
 * whole with rules on the visit's date and stores answers and outcome
 * (mi_store_visit_rescreen: one transaction, logged as "rescreen" by the
 * person acting). Only questions the stored answers leave unanswered may
 * be answered here: an answer the client gave is never changed. *after
 * (may be NULL) gets the new screening (caller clears). Errors: MI_EDATA
 * nothing added, a question already answered (named), answers the rules
 * cannot read, a draft; MI_ENOTFOUND no such visit; MI_EINTERNAL no rules.
 * Nothing is stored on failure. */
mi_status mi_app_visit_answer_missing(mi_store *store, const mi_ruleset *rules, long long visit_id,
				      const mi_answers *added, mi_screening *after, mi_error *err);

/* For the first count clients of list: out[i] is true when client i's last
 * completed visit reads proceed while safety questions the rules read are
 * unanswered (mi_level_unscreened's case, screen.h). A visit that cannot be
 * read or screened is false (the list still shows its stored outcome). */
mi_status mi_app_clients_not_fully_screened(mi_store *store, const mi_ruleset *rules,
					    const mi_client_list *list, size_t count, bool *out,
					    mi_error *err);

#endif
