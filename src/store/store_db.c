/* store_db.c - statement cache, transactions and error sentences. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

mi_status mi_st_nomem(mi_error *err)
{
	return mi_error_set(err, MI_EINTERNAL, "out of memory.");
}

mi_status mi_st_error(const mi_store *store, int rc, mi_error *err, const char *doing)
{
	const char *path = store && store->path ? store->path : "the database";
	int sys = store && store->db ? sqlite3_system_errno(store->db) : 0;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return mi_error_set(err, MI_ETEMPFAIL,
				    /* TRANSLATORS: %s says what was being done, translated
				     * on its own ("reading the visit"). */
				    _("the database is busy (another program kept it locked for more "
				      "than 5 seconds) while %s; nothing was changed, try again."),
				    _(doing));
	case SQLITE_FULL:
		return mi_error_set(err, MI_EIO,
				    _("the disk is full while %s; nothing was changed. Free some "
				      "space and try again."),
				    _(doing));
	case SQLITE_READONLY:
		return mi_error_set(err, MI_EIO,
				    _("the database %s is read-only (read-only media, or no permission "
				      "to write it or its folder); nothing was changed."),
				    path);
	case SQLITE_CANTOPEN:
		return mi_error_set(err, MI_EIO,
				    _("cannot open the database %s (%s); check that the folder exists "
				      "and is writable."),
				    path, sys ? strerror(sys) : "unknown reason");
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return mi_error_set(err, MI_EIO, _("no permission to use the database %s."), path);
	case SQLITE_CORRUPT:
		return mi_error_set(err, MI_EIO,
				    _("the database %s is damaged; it was left as it is. Restore it "
				      "from a backup."),
				    path);
	case SQLITE_NOTADB:
		return mi_error_set(err, MI_EIO,
				    _("%s is not a massage-intake database; it was left as it is."), path);
	case SQLITE_NOMEM:
		return mi_st_nomem(err);
	case SQLITE_IOERR:
		if (sys == ENOSPC || sys == EDQUOT)
			return mi_st_error(store, SQLITE_FULL, err, doing);
		/* TRANSLATORS: the system's reason, what was being done
		 * (translated on its own), the database's path. */
		return mi_error_set(err, MI_EIO, _("a disk error (%s) while %s in %s; nothing was changed."),
				    sys ? strerror(sys) : _("input/output error"), _(doing), path);
	default:
		return mi_error_set(err, MI_EINTERNAL, "unexpected database error while %s: %s.", doing,
				    store && store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc));
	}
}

sqlite3_stmt *mi_st_stmt(mi_store *store, const char *sql, mi_error *err)
{
	for (size_t i = 0; i < store->cache_count; i++) {
		if (store->cache[i].sql == sql) {
			sqlite3_stmt *stmt = store->cache[i].stmt;
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			return stmt;
		}
	}
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK) {
		mi_st_error(store, rc, err, N_("preparing a query"));
		sqlite3_finalize(stmt);
		return NULL;
	}
	if (store->cache_count < MI_ST_CACHE_MAX) {
		store->cache[store->cache_count].sql = sql;
		store->cache[store->cache_count].stmt = stmt;
		store->cache_count++;
		return stmt;
	}
	sqlite3_finalize(stmt);
	mi_error_set(err, MI_EINTERNAL, "too many distinct queries for the statement cache.");
	return NULL;
}

mi_status mi_st_exec(mi_store *store, sqlite3_stmt *stmt, mi_error *err, const char *doing)
{
	int rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return MI_OK;
	return mi_st_error(store, rc, err, doing);
}

/* Runs one fixed statement from the cache. */
static mi_status run_fixed(mi_store *store, const char *sql, mi_error *err, const char *doing)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, sql, err);
	if (!stmt)
		return err ? err->status : MI_EINTERNAL;
	return mi_st_exec(store, stmt, err, doing);
}

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_SAVEPOINT[] = "SAVEPOINT mi_write";
static const char SQL_RELEASE[] = "RELEASE mi_write";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO mi_write";

mi_status mi_st_begin(mi_store *store, mi_error *err)
{
	/* Inside a write transaction the caller holds (the benchmark
	 * generator stores a million intakes in one), each write is a
	 * savepoint: still all or nothing. */
	if (sqlite3_txn_state(store->db, "main") == SQLITE_TXN_WRITE) {
		mi_status status = run_fixed(store, SQL_SAVEPOINT, err, N_("starting to write"));
		if (status == MI_OK)
			store->savepoints++;
		return status;
	}
	return run_fixed(store, SQL_BEGIN, err, N_("starting to write"));
}

mi_status mi_st_commit(mi_store *store, mi_error *err)
{
	const char *sql = store->savepoints ? SQL_RELEASE : SQL_COMMIT;
	mi_status status = run_fixed(store, sql, err, N_("saving"));
	if (status != MI_OK)
		mi_st_rollback(store);
	else if (store->savepoints)
		store->savepoints--;
	return status;
}

void mi_st_rollback(mi_store *store)
{
	if (sqlite3_get_autocommit(store->db)) {
		store->savepoints = 0;
	} else if (store->savepoints) {
		run_fixed(store, SQL_ROLLBACK_TO, NULL, N_("undoing a change"));
		run_fixed(store, SQL_RELEASE, NULL, N_("undoing a change"));
		store->savepoints--;
	} else {
		run_fixed(store, SQL_ROLLBACK, NULL, N_("undoing a change"));
	}
}

int mi_st_bind_text(sqlite3_stmt *stmt, int index, const char *s)
{
	if (!s)
		return sqlite3_bind_null(stmt, index);
	return sqlite3_bind_text(stmt, index, s, -1, SQLITE_TRANSIENT);
}

void *mi_st_grow(void *items, size_t count, size_t *cap, size_t size)
{
	if (count < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 8;
	if (ncap > SIZE_MAX / size)
		return NULL;
	void *grown = realloc(items, ncap * size);
	if (grown)
		*cap = ncap;
	return grown;
}

char *mi_st_column_dup(sqlite3_stmt *stmt, int column)
{
	const unsigned char *text = sqlite3_column_text(stmt, column);
	if (!text)
		return NULL;
	return strdup((const char *)text);
}
