/* store_followup.h - the follow-up plan of a visit, and what the due list
 * reads (followup.h decides who is due). */
#ifndef MI_STORE_FOLLOWUP_H
#define MI_STORE_FOLLOWUP_H

#include <stddef.h>

#include "mi/followup.h"
#include "mi/store.h"

/* Sets the plan of a complete visit (MI_PLAN_NONE clears it), audited as
 * "plan". A draft is MI_EDATA, an unknown visit MI_ENOTFOUND. */
mi_status mi_store_visit_set_plan(mi_store *store, long long visit_id, const mi_plan *plan,
				  mi_error *err);

/* The plan of a visit (MI_PLAN_NONE when none). */
mi_status mi_store_visit_plan(mi_store *store, long long visit_id, mi_plan *plan, mi_error *err);

/* One client who has a plan, with their completed visits. */
typedef struct mi_followup_client {
	long long client_id;
	char *name;
	mi_followup_visit *visits; /* oldest first */
	size_t visit_count;
} mi_followup_client;

typedef struct mi_followup_list {
	mi_followup_client *items;
	size_t count;
} mi_followup_list;

/* Frees the list and zeroes it. */
void mi_followup_list_clear(mi_followup_list *list);

/* Every client with a plan on some completed visit, ordered by client id,
 * with all their completed visits. Fills *out (caller clears). */
mi_status mi_store_followup_clients(mi_store *store, mi_followup_list *out, mi_error *err);

#endif
