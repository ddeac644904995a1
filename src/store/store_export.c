/* store_export.c - the installation id and visits one at a time, for exports. */
#include <string.h>

#include "mi/store_export.h"
#include "store_internal.h"

static const char SQL_SETTING[] = "SELECT value FROM settings WHERE key = 'installation_id'";
static const char SQL_SETTING_ADD[] =
	"INSERT INTO settings (key, value, updated)"
	" VALUES ('installation_id', ?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
static const char SQL_NEXT_ANY[] = "SELECT id FROM visits WHERE id > ?1 ORDER BY id LIMIT 1";
static const char SQL_NEXT_OF_CLIENT[] =
	"SELECT id FROM visits WHERE client_id = ?2 AND id > ?1 ORDER BY id LIMIT 1";

/* Reads the stored installation id into out; *found tells whether there is
 * a valid one. */
static mi_status read_installation_id(mi_store *store, char out[MI_UUID_SIZE], bool *found,
				      mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_SETTING, err);
	if (!stmt)
		return err->status;
	int rc = sqlite3_step(stmt);
	const char *value = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) : NULL;
	*found = value && mi_uuid_valid(value);
	if (*found)
		memcpy(out, value, MI_UUID_SIZE);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the installation id"));
	return MI_OK;
}

mi_status mi_store_installation_id(mi_store *store, char out[MI_UUID_SIZE], mi_error *err)
{
	bool found = false;
	mi_status st = read_installation_id(store, out, &found, err);
	if (st != MI_OK || found)
		return st;
	/* Made once: re-read inside the write transaction, another process
	 * may have made it meanwhile. */
	st = mi_st_begin(store, err);
	if (st == MI_OK)
		st = read_installation_id(store, out, &found, err);
	if (st == MI_OK && !found) {
		char made[MI_UUID_SIZE];
		sqlite3_stmt *stmt = NULL;
		if (!mi_uuid_v4(made))
			st = mi_error_set(err, MI_EINTERNAL, "cannot make a random identifier (libsodium).");
		else if (!(stmt = mi_st_stmt(store, SQL_SETTING_ADD, err)))
			st = err->status;
		if (st == MI_OK) {
			mi_st_bind_text(stmt, 1, made);
			st = mi_st_exec(store, stmt, err, N_("saving the installation id"));
		}
		if (st == MI_OK)
			st = mi_st_audit(store, "set installation_id", "settings", 0, err);
		if (st == MI_OK)
			memcpy(out, made, MI_UUID_SIZE);
	}
	if (st != MI_OK) {
		mi_st_rollback(store);
		return st;
	}
	return mi_st_commit(store, err);
}

mi_status mi_store_next_visit(mi_store *store, long long client_id, long long after_id,
			      long long *next_id, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, client_id ? SQL_NEXT_OF_CLIENT : SQL_NEXT_ANY, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, after_id);
	if (client_id)
		sqlite3_bind_int64(stmt, 2, client_id);
	int rc = sqlite3_step(stmt);
	*next_id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("listing visits"));
	return MI_OK;
}
