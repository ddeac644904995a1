/* urgent.c - the review queue in the order the desk needs it, and the
 * urgent intakes in it. */
#include <stdio.h>
#include <stdlib.h>

#include "mi/i18n.h"
#include "mi/app_draft_expiry.h"
#include "mi/app_urgent.h"

/* Where an intake goes in the queue: urgent, refer, the rest. */
static int rank(const mi_visit_summary *v)
{
	if (!v->has_outcome)
		return 2;
	return v->outcome == MI_LEVEL_URGENT ? 0 : v->outcome == MI_LEVEL_REFER ? 1 : 2;
}

mi_status mi_app_review_queue_urgent_first(mi_store *store, const mi_ruleset *rules, mi_date today,
					   mi_visit_list *out, mi_app_seen *seen, mi_error *err)
{
	mi_visit_list list = {0};
	mi_status st = mi_app_review_queue(store, &list, seen, err);
	if (st != MI_OK)
		return st;
	mi_app_drafts_screen(store, rules, today, &list);
	st = mi_app_drafts_expire(store, today, &list, NULL, err);
	if (st != MI_OK) {
		mi_visit_list_clear(&list);
		return st;
	}
	mi_visit_summary *sorted = malloc((list.count ? list.count : 1) * sizeof *sorted);
	if (!sorted) {
		mi_visit_list_clear(&list);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	/* A stable pass per rank keeps the store's oldest-first order within each. */
	size_t n = 0;
	for (int r = 0; r <= 2; r++)
		for (size_t i = 0; i < list.count; i++)
			if (rank(&list.items[i]) == r)
				sorted[n++] = list.items[i];
	free(list.items);
	*out = (mi_visit_list){.items = sorted, .count = n};
	return MI_OK;
}

void mi_app_urgent_alert_of(const mi_visit_list *queue, mi_app_urgent_alert *out)
{
	*out = (mi_app_urgent_alert){.waiting = queue->count};
	for (size_t i = 0; i < queue->count; i++) {
		const mi_visit_summary *v = &queue->items[i];
		if (!v->has_outcome || v->outcome != MI_LEVEL_URGENT)
			continue;
		if (out->urgent++ == 0 && v->client_name)
			snprintf(out->first_name, sizeof out->first_name, "%s", v->client_name);
	}
}
