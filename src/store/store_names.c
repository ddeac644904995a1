/* store_names.c - the name keys: the fold as SQL functions, and keys made
 * again when the fold changes.
 *
 * clients.name_key and therapists.name_key are mi_fold(name). The fold depends on the Unicode
 * tables of the utf8proc in use, so the database keeps the version of the
 * fold its keys were made with (table name_fold, one row); a program whose
 * fold differs makes every key again when it opens the file, in one
 * transaction, the trigram index following through its triggers.
 */
#include <stdlib.h>

#include "mi/fold.h"
#include "store_internal.h"

static const char SQL_STALE[] = "SELECT version IS NOT mi_fold_version() FROM name_fold";
static const char SQL_REFOLD[] =
	"UPDATE clients SET name_key = mi_fold(name) WHERE name_key IS NOT mi_fold(name)";
/* An account whose name would fold like another's under new tables keeps
 * its old key (OR IGNORE), so both can still sign in. */
static const char SQL_REFOLD_ACCOUNTS[] =
	"UPDATE OR IGNORE therapists SET name_key = mi_fold(name) WHERE name_key IS NOT mi_fold(name)";
static const char SQL_FOLD_VERSION[] = "UPDATE name_fold SET version = mi_fold_version()";

/* mi_fold(text): the key of text. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *text = sqlite3_value_text(argv[0]);
	if (!text) {
		sqlite3_result_null(ctx);
		return;
	}
	char *key = mi_fold((const char *)text);
	if (!key) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, key, -1, free);
}

/* mi_fold_version(): what names the fold of this program. */
static void sql_fold_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	char version[64];
	mi_fold_version(version, sizeof version);
	sqlite3_result_text(ctx, version, -1, SQLITE_TRANSIENT);
}

mi_status mi_st_name_functions(mi_store *store, mi_error *err)
{
	/* Direct only: a database's own triggers and views cannot call them. */
	int rc = sqlite3_create_function_v2(store->db, "mi_fold", 1,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
					    NULL, sql_fold, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(store->db, "mi_fold_version", 0,
						SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
						sql_fold_version, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, N_("opening the database"));
	return MI_OK;
}

mi_status mi_st_keys_stale(mi_store *store, bool *stale, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_STALE, err);
	if (!stmt)
		return err->status;
	int rc = sqlite3_step(stmt);
	*stale = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the database"));
	return MI_OK;
}

mi_status mi_st_refold_keys(mi_store *store, mi_error *err)
{
	bool stale = false;
	mi_status status = mi_st_keys_stale(store, &stale, err);
	if (status != MI_OK || !stale)
		return status;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_REFOLD, err);
	status = stmt ? mi_st_exec(store, stmt, err, N_("making the name keys again")) : err->status;
	if (status == MI_OK) {
		stmt = mi_st_stmt(store, SQL_REFOLD_ACCOUNTS, err);
		status = stmt ? mi_st_exec(store, stmt, err, N_("making the name keys again"))
			      : err->status;
	}
	if (status == MI_OK) {
		stmt = mi_st_stmt(store, SQL_FOLD_VERSION, err);
		status = stmt ? mi_st_exec(store, stmt, err, N_("making the name keys again"))
			      : err->status;
	}
	if (status == MI_OK)
		status = mi_st_audit(store, "refold", "clients", 0, err);
	return status;
}
