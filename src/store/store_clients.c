/* store_clients.c - finding, listing and creating clients. */
#include <stdlib.h>
#include <string.h>

#include "mi/fold.h"
#include "store_internal.h"

static const char SQL_GET[] = MI_ST_CLIENT_COLUMNS "WHERE c.id = ?1";
static const char SQL_FIND[] =
	"SELECT id FROM clients WHERE name_key = ?1 AND birth_date IS ?2 ORDER BY id LIMIT 1";
static const char SQL_INSERT[] =
	"INSERT INTO clients (name, name_key, birth_date, phone, email, created)"
	" VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
static const char SQL_UPDATE_CONTACT[] =
	"UPDATE clients SET phone = coalesce(?2, phone), email = coalesce(?3, email)"
	" WHERE id = ?1 AND (phone IS NOT coalesce(?2, phone) OR email IS NOT coalesce(?3, email))";

void mi_client_clear(mi_client *client)
{
	free(client->name);
	free(client->birth_date);
	free(client->phone);
	free(client->email);
	free(client->created);
	free(client->last_visit);
	memset(client, 0, sizeof *client);
}

void mi_client_list_clear(mi_client_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		mi_client_clear(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

/* Fills client from a row of MI_ST_CLIENT_COLUMNS; false when out of
 * memory. */
static bool read_client(sqlite3_stmt *stmt, mi_client *client)
{
	memset(client, 0, sizeof *client);
	client->id = sqlite3_column_int64(stmt, 0);
	client->name = mi_st_column_dup(stmt, 1);
	client->birth_date = mi_st_column_dup(stmt, 2);
	client->phone = mi_st_column_dup(stmt, 3);
	client->email = mi_st_column_dup(stmt, 4);
	client->created = mi_st_column_dup(stmt, 5);
	client->last_visit = mi_st_column_dup(stmt, 6);
	const unsigned char *outcome = sqlite3_column_text(stmt, 7);
	client->has_last_outcome =
		outcome && mi_level_parse((const char *)outcome, &client->last_outcome);
	client->visit_count = sqlite3_column_int64(stmt, 8);
	return client->name && client->created;
}

mi_status mi_st_read_clients(mi_store *store, sqlite3_stmt *stmt, mi_client_list *out,
			     mi_error *err)
{
	mi_client_list list = {0};
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_client *items = mi_st_grow(list.items, list.count, &cap, sizeof *items);
		if (!items)
			break;
		list.items = items;
		if (!read_client(stmt, &list.items[list.count++]))
			break;
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW) {
		mi_client_list_clear(&list);
		return mi_st_nomem(err);
	}
	if (rc != SQLITE_DONE) {
		mi_client_list_clear(&list);
		return mi_st_error(store, rc, err, N_("searching clients"));
	}
	*out = list;
	return MI_OK;
}

mi_status mi_store_client_get(mi_store *store, long long client_id, mi_client *out,
			      mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_GET, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, client_id);
	int rc = sqlite3_step(stmt);
	mi_status status = MI_OK;
	if (rc == SQLITE_ROW) {
		if (!read_client(stmt, out)) {
			mi_client_clear(out);
			status = mi_st_nomem(err);
		}
	} else if (rc == SQLITE_DONE) {
		status = mi_error_set(err, MI_ENOTFOUND, _("there is no client %lld."), client_id);
	} else {
		status = mi_st_error(store, rc, err, N_("reading a client"));
	}
	sqlite3_reset(stmt);
	return status;
}

mi_status mi_store_client_find(mi_store *store, const char *name, const char *birth_date,
			       long long *client_id, mi_error *err)
{
	char *key = mi_fold(name ? name : "");
	if (!key)
		return mi_st_nomem(err);
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_FIND, err);
	if (!stmt) {
		free(key);
		return err->status;
	}
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_TRANSIENT);
	mi_st_bind_text(stmt, 2, birth_date);
	free(key);
	int rc = sqlite3_step(stmt);
	*client_id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("looking for the client"));
	return MI_OK;
}

mi_status mi_st_client_for_answers(mi_store *store, const mi_answers *answers,
				   long long *client_id, mi_error *err)
{
	const char *name = mi_answers_get_text(answers, "client.name");
	const char *birth = mi_answers_get_text(answers, "client.birth_date");
	const char *phone = mi_answers_get_text(answers, "client.phone");
	const char *email = mi_answers_get_text(answers, "client.email");
	char *key = name ? mi_fold(name) : NULL;
	if (name && !key)
		return mi_st_nomem(err);
	if (!key || !*key) {
		free(key);
		return mi_error_set(err, MI_EDATA,
				    "client.name is needed to store an intake: the client's name.");
	}
	mi_status status = mi_store_client_find(store, name, birth, client_id, err);
	if (status == MI_OK && *client_id) {
		sqlite3_stmt *stmt = mi_st_stmt(store, SQL_UPDATE_CONTACT, err);
		status = stmt ? MI_OK : err->status;
		if (status == MI_OK) {
			sqlite3_bind_int64(stmt, 1, *client_id);
			mi_st_bind_text(stmt, 2, phone);
			mi_st_bind_text(stmt, 3, email);
			status = mi_st_exec(store, stmt, err, N_("updating the client"));
		}
		if (status == MI_OK && sqlite3_changes(store->db) > 0)
			status = mi_st_audit(store, "update", "clients", *client_id, err);
	} else if (status == MI_OK) {
		sqlite3_stmt *stmt = mi_st_stmt(store, SQL_INSERT, err);
		status = stmt ? MI_OK : err->status;
		if (status == MI_OK) {
			mi_st_bind_text(stmt, 1, name);
			mi_st_bind_text(stmt, 2, key);
			mi_st_bind_text(stmt, 3, birth);
			mi_st_bind_text(stmt, 4, phone);
			mi_st_bind_text(stmt, 5, email);
			status = mi_st_exec(store, stmt, err, N_("creating the client"));
		}
		if (status == MI_OK) {
			*client_id = sqlite3_last_insert_rowid(store->db);
			status = mi_st_audit(store, "create", "clients", *client_id, err);
		}
	}
	free(key);
	return status;
}
