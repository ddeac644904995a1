/* store_audit.c - the audit log and the settings table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/text.h"
#include "store_internal.h"

static const char SQL_AUDIT_INSERT[] =
	"INSERT INTO audit_log (at, who, action, table_name, record_id)"
	" VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4)";
static const char SQL_AUDIT_LIST[] =
	"SELECT id, at, who, action, table_name, record_id FROM audit_log"
	" ORDER BY id DESC LIMIT ?1";
static const char SQL_SETTING_GET[] = "SELECT value FROM settings WHERE key = ?1";
static const char SQL_SETTING_SET[] =
	"INSERT INTO settings (key, value, updated)"
	" VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	" ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated = excluded.updated";
static const char SQL_SETTING_DELETE[] = "DELETE FROM settings WHERE key = ?1";

mi_status mi_st_audit(mi_store *store, const char *action, const char *table, long long record_id,
		      mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_AUDIT_INSERT, err);
	if (!stmt)
		return err->status;
	mi_st_bind_text(stmt, 1, store->actor);
	mi_st_bind_text(stmt, 2, action);
	mi_st_bind_text(stmt, 3, table);
	if (record_id > 0)
		sqlite3_bind_int64(stmt, 4, record_id);
	return mi_st_exec(store, stmt, err, N_("writing the audit log"));
}

/* True when s is a short plain word list fit for the audit log. */
static bool audit_word_ok(const char *s)
{
	return s && *s && strlen(s) <= 64 && mi_text_check(s, strlen(s), false, NULL) == MI_TEXT_OK;
}

mi_status mi_store_audit_append(mi_store *store, const char *action, const char *table,
				long long record_id, mi_error *err)
{
	if (!audit_word_ok(action) || !audit_word_ok(table))
		return mi_error_set(err, MI_EDATA,
				    "an audit entry needs a short action and table name.");
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	status = mi_st_audit(store, action, table, record_id, err);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}

void mi_audit_list_clear(mi_audit_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].at);
		free(list->items[i].who);
		free(list->items[i].action);
		free(list->items[i].table);
	}
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

mi_status mi_store_audit_list(mi_store *store, size_t limit, mi_audit_list *out, mi_error *err)
{
	mi_audit_list list = {0};
	size_t cap = 0;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_AUDIT_LIST, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, limit ? (long long)limit : -1);
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_audit_entry *items = mi_st_grow(list.items, list.count, &cap, sizeof *items);
		if (!items) {
			sqlite3_reset(stmt);
			mi_audit_list_clear(&list);
			return mi_st_nomem(err);
		}
		list.items = items;
		mi_audit_entry *e = &list.items[list.count++];
		e->id = sqlite3_column_int64(stmt, 0);
		e->at = mi_st_column_dup(stmt, 1);
		e->who = mi_st_column_dup(stmt, 2);
		e->action = mi_st_column_dup(stmt, 3);
		e->table = mi_st_column_dup(stmt, 4);
		e->record_id = sqlite3_column_int64(stmt, 5);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		mi_audit_list_clear(&list);
		return mi_st_error(store, rc, err, N_("reading the audit log"));
	}
	*out = list;
	return MI_OK;
}

/* True when key is a setting name: lower-case letters, digits, '_'. */
static bool setting_key_ok(const char *key)
{
	if (!key || !*key || strlen(key) > 64)
		return false;
	for (const char *p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	return true;
}

mi_status mi_store_setting_get(mi_store *store, const char *key, char **value, mi_error *err)
{
	if (!setting_key_ok(key))
		return mi_error_set(err, MI_EDATA, "a setting name is lower-case letters, digits and _.");
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_SETTING_GET, err);
	if (!stmt)
		return err->status;
	mi_st_bind_text(stmt, 1, key);
	int rc = sqlite3_step(stmt);
	char *copy = NULL;
	if (rc == SQLITE_ROW) {
		copy = mi_st_column_dup(stmt, 0);
		if (!copy) {
			sqlite3_reset(stmt);
			return mi_st_nomem(err);
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading a setting"));
	*value = copy;
	return MI_OK;
}

mi_status mi_store_setting_set(mi_store *store, const char *key, const char *value,
			       mi_error *err)
{
	if (!setting_key_ok(key))
		return mi_error_set(err, MI_EDATA, "a setting name is lower-case letters, digits and _.");
	if (value && (strlen(value) > MI_ANSWERS_MAX_TEXT ||
		      mi_text_check(value, strlen(value), false, NULL) != MI_TEXT_OK))
		return mi_error_set(err, MI_EDATA,
				    "the value of setting %s must be one line of text, at most %d bytes.",
				    key, MI_ANSWERS_MAX_TEXT);
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	sqlite3_stmt *stmt = mi_st_stmt(store, value ? SQL_SETTING_SET : SQL_SETTING_DELETE, err);
	if (!stmt)
		status = err->status;
	if (status == MI_OK) {
		mi_st_bind_text(stmt, 1, key);
		if (value)
			mi_st_bind_text(stmt, 2, value);
		status = mi_st_exec(store, stmt, err, N_("saving a setting"));
	}
	/* The key names the setting; its value (a PIN hash, say) is never logged. */
	if (status == MI_OK) {
		char action[80];
		snprintf(action, sizeof action, "%s %s", value ? "set" : "unset", key);
		status = mi_st_audit(store, action, "settings", 0, err);
	}
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}
