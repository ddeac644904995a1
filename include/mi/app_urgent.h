/* app_urgent.h - what the front desk must not miss: the review queue with
 * urgent and refer intakes first, and the count of urgent intakes no one
 * has reviewed yet.
 *
 * A finished intake carries its stored outcome. A draft has none stored,
 * so its answers so far are screened here: a client still answering the
 * remaining safety questions at the kiosk after an urgent answer already
 * counts as urgent.
 */
#ifndef MI_APP_URGENT_H
#define MI_APP_URGENT_H

#include <stddef.h>

#include "mi/app_records.h"
#include "mi/date.h"
#include "mi/screen.h"
#include "mi/store.h"

/* The review queue of mi_app_review_queue (recorded as a view through
 * seen in the same way; NULL for a refresh), urgent first, then refer,
 * then the others, oldest first within each. A draft whose answers could
 * be screened has has_outcome set to that screening; an expired draft
 * (draft_expiry.h, app_draft_expiry.h) is left out. Fills *out (caller
 * clears with mi_visit_list_clear). */
mi_status mi_app_review_queue_urgent_first(mi_store *store, const mi_ruleset *rules, mi_date today,
					   mi_visit_list *out, mi_app_seen *seen, mi_error *err);

/* How many intakes of a queue are urgent, and the client of the first. */
typedef struct mi_app_urgent_alert {
	size_t waiting;     /* intakes in the queue */
	size_t urgent;      /* of them urgent */
	char first_name[128]; /* the first urgent intake's client, "" when unknown */
} mi_app_urgent_alert;

/* The alert of a queue made by mi_app_review_queue. */
void mi_app_urgent_alert_of(const mi_visit_list *queue, mi_app_urgent_alert *out);

#endif
