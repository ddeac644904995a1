/* followup.c - the due list from every client's plan. */
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_access.h"
#include "mi/app_followup.h"
#include "mi/store_consent.h"
#include "mi/store_followup.h"
#include "mi/store_signing.h"

void mi_due_list_clear(mi_due_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->items[i].name);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

mi_status mi_app_visit_plan(mi_store *store, long long visit_id, mi_plan *plan, mi_error *err)
{
	return mi_store_visit_plan(store, visit_id, plan, err);
}

mi_status mi_app_visit_set_plan(mi_store *store, long long visit_id, const mi_plan *plan,
				mi_error *err)
{
	return mi_store_visit_set_plan(store, visit_id, plan, err);
}

mi_status mi_app_note_record(mi_store *store, long long visit_id, mi_note_record *out,
			     mi_error *err)
{
	mi_status st = mi_app_may_read_notes(store, "visits", visit_id, err);
	return st == MI_OK ? mi_store_note_record(store, visit_id, out, err) : st;
}

mi_status mi_app_visit_consent(mi_store *store, long long visit_id, char **version, char **hash,
			       mi_error *err)
{
	return mi_store_visit_consent(store, visit_id, version, hash, err);
}

mi_status mi_app_visit_record(mi_store *store, long long visit_id, mi_visit_record *out,
			      mi_error *err)
{
	*out = (mi_visit_record){0};
	mi_status st = mi_store_note_record(store, visit_id, &out->notes, err);
	if (st == MI_OK)
		st = mi_store_visit_plan(store, visit_id, &out->plan, err);
	if (st == MI_OK)
		st = mi_store_visit_consent(store, visit_id, &out->consent_version,
					    &out->consent_hash, err);
	if (st != MI_OK)
		mi_visit_record_clear(out);
	return st;
}

mi_status mi_app_visit_close(mi_store *store, long long visit_id, mi_error *err)
{
	return mi_store_visit_sign(store, visit_id, err);
}

/* By due date, then name, then client. */
static int by_date(const void *a, const void *b)
{
	const mi_due_item *x = a, *y = b;
	int c = mi_date_compare(x->due.due, y->due.due);
	if (c == 0)
		c = strcmp(x->name, y->name);
	if (c == 0)
		c = x->client_id < y->client_id ? -1 : x->client_id > y->client_id;
	return c;
}

mi_status mi_app_due(mi_store *store, mi_date today, long days, mi_due_list *out, mi_error *err)
{
	mi_followup_list clients = {0};
	mi_status st = mi_store_followup_clients(store, &clients, err);
	if (st != MI_OK)
		return st;
	mi_due_list list = {0};
	list.items = calloc(clients.count ? clients.count : 1, sizeof *list.items);
	if (!list.items)
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_date horizon = mi_date_add_days(today, days);
	for (size_t i = 0; st == MI_OK && i < clients.count; i++) {
		mi_followup_client *c = &clients.items[i];
		mi_due due;
		if (!mi_followup_due(c->visits, c->visit_count, &due) ||
		    mi_date_compare(due.due, horizon) > 0)
			continue;
		mi_due_item *item = &list.items[list.count++];
		item->client_id = c->client_id;
		item->name = c->name;
		c->name = NULL;
		item->due = due;
		item->overdue = mi_date_compare(due.until, today) < 0;
		mi_due_reason_words(&due, item->reason);
		mi_due_reason(&due, item->reason_english);
	}
	mi_followup_list_clear(&clients);
	if (st != MI_OK) {
		mi_due_list_clear(&list);
		return st;
	}
	if (list.count > 1)
		qsort(list.items, list.count, sizeof *list.items, by_date);
	*out = list;
	return MI_OK;
}
