/* store_followup.c - visits' follow-up plans and the clients who have one. */
#include <stdlib.h>
#include <string.h>

#include "mi/store_followup.h"
#include "store_internal.h"

static const char SQL_STATE[] = "SELECT state, plan FROM visits WHERE id = ?1";
static const char SQL_SET[] = "UPDATE visits SET plan = ?2 WHERE id = ?1";
static const char SQL_CLIENTS[] =
	"SELECT c.id, c.name, v.id, v.date, v.plan FROM visits v JOIN clients c ON c.id = v.client_id"
	" WHERE v.state = 'complete'"
	" AND v.client_id IN (SELECT client_id FROM visits WHERE plan IS NOT NULL"
	" AND state = 'complete')"
	" ORDER BY c.id, v.date, v.id";

mi_status mi_store_visit_plan(mi_store *store, long long visit_id, mi_plan *plan, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_STATE, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	mi_plan p = {0};
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 1) != SQLITE_NULL) {
		mi_error ignored; /* a plan written by hand that does not read is none */
		mi_plan_parse((const char *)sqlite3_column_text(stmt, 1), &p, &ignored);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	if (rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("reading the visit"));
	*plan = p;
	return MI_OK;
}

mi_status mi_store_visit_set_plan(mi_store *store, long long visit_id, const mi_plan *plan,
				  mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	status = mi_st_require_complete(store, visit_id, err);
	sqlite3_stmt *stmt = status == MI_OK ? mi_st_stmt(store, SQL_SET, err) : NULL;
	if (status == MI_OK && !stmt)
		status = err->status;
	if (status == MI_OK) {
		char text[32];
		mi_plan_format(plan, text);
		sqlite3_bind_int64(stmt, 1, visit_id);
		mi_st_bind_text(stmt, 2, plan->kind == MI_PLAN_NONE ? NULL : text);
		status = mi_st_exec(store, stmt, err, N_("saving the plan"));
	}
	if (status == MI_OK)
		status = mi_st_audit(store, "plan", "visits", visit_id, err);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}

void mi_followup_list_clear(mi_followup_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].name);
		free(list->items[i].visits);
	}
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

/* Appends an empty client; NULL when out of memory. */
static mi_followup_client *add_client(mi_followup_list *list, size_t *cap)
{
	mi_followup_client *items = mi_st_grow(list->items, list->count, cap, sizeof *items);
	if (!items)
		return NULL;
	list->items = items;
	mi_followup_client *c = &list->items[list->count++];
	memset(c, 0, sizeof *c);
	return c;
}

/* Appends a visit to the client; false when out of memory. */
static bool add_visit(mi_followup_client *c, const mi_followup_visit *v)
{
	mi_followup_visit *items = realloc(c->visits, (c->visit_count + 1) * sizeof *items);
	if (!items)
		return false;
	c->visits = items;
	c->visits[c->visit_count++] = *v;
	return true;
}

mi_status mi_store_followup_clients(mi_store *store, mi_followup_list *out, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLIENTS, err);
	if (!stmt)
		return err->status;
	mi_followup_list list = {0};
	size_t cap = 0;
	mi_status status = MI_OK;
	int rc;
	mi_followup_client *cur = NULL;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		long long client_id = sqlite3_column_int64(stmt, 0);
		if (!cur || cur->client_id != client_id) {
			cur = add_client(&list, &cap);
			if (cur) {
				cur->client_id = client_id;
				cur->name = mi_st_column_dup(stmt, 1);
			}
			if (!cur || !cur->name) {
				status = mi_st_nomem(err);
				break;
			}
		}
		mi_followup_visit v = {.visit_id = sqlite3_column_int64(stmt, 2)};
		const unsigned char *date = sqlite3_column_text(stmt, 3);
		if (!date || !mi_date_parse((const char *)date, &v.date))
			continue; /* a date written by hand that does not read counts for nothing */
		if (sqlite3_column_type(stmt, 4) != SQLITE_NULL) {
			mi_error ignored;
			mi_plan_parse((const char *)sqlite3_column_text(stmt, 4), &v.plan, &ignored);
		}
		if (!add_visit(cur, &v)) {
			status = mi_st_nomem(err);
			break;
		}
	}
	sqlite3_reset(stmt);
	if (status == MI_OK && rc != SQLITE_DONE)
		status = mi_st_error(store, rc, err, N_("reading the follow-up plans"));
	if (status != MI_OK) {
		mi_followup_list_clear(&list);
		return status;
	}
	*out = list;
	return MI_OK;
}
