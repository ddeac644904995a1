/* app_draft_expiry.h - drafts in and out of the review queue: their
 * answers so far screened, the expired ones (draft_expiry.h) set aside by
 * the draft_expiry_days setting read at each call, so that a change takes
 * effect without a restart; and the list of unfinished intakes.
 */
#ifndef MI_APP_DRAFT_EXPIRY_H
#define MI_APP_DRAFT_EXPIRY_H

#include <stdbool.h>

#include "mi/app_records.h"
#include "mi/date.h"
#include "mi/screen.h"
#include "mi/store.h"

/* Gives each draft of list the outcome of its answers so far (has_outcome,
 * outcome); a draft that cannot be read or screened, or every draft when
 * rules is NULL, keeps none. */
void mi_app_drafts_screen(mi_store *store, const mi_ruleset *rules, mi_date today,
			  mi_visit_list *list);

/* Takes the drafts of list (screened by mi_app_drafts_screen) that have
 * expired by today out of it, in order, into *expired (NULL: they are
 * freed). The number of days is the draft_expiry_days setting in force. On
 * failure (the settings cannot be read) nothing moves. */
mi_status mi_app_drafts_expire(mi_store *store, mi_date today, mi_visit_list *list,
			       mi_visit_list *expired, mi_error *err);

/* Which drafts mi_app_drafts lists. */
typedef enum mi_app_drafts_which {
	MI_APP_DRAFTS_WAITING, /* those in the review queue */
	MI_APP_DRAFTS_EXPIRED, /* those expiry took out of it (kept, not deleted) */
} mi_app_drafts_which;

/* The unfinished intakes (drafts), oldest first, screened with rules: the
 * drafts of the review queue, or the expired ones. Recorded as "list" of
 * "drafts". */
mi_status mi_app_drafts(mi_store *store, const mi_ruleset *rules, mi_date today,
			mi_app_drafts_which which, mi_visit_list *out, mi_app_seen *seen,
			mi_error *err);

#endif
