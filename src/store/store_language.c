/* store_language.c - the language of a visit (store_language.h). */
#include <stdlib.h>
#include <string.h>

#include "mi/store_language.h"
#include "store_internal.h"

static const char SQL_SET[] = "UPDATE visits SET language = ?2 WHERE id = ?1";
static const char SQL_GET[] = "SELECT language FROM visits WHERE id = ?1";

mi_status mi_store_visit_set_language(mi_store *store, long long visit_id, const char *lang,
				      mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_SET, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	if (lang && strcmp(lang, "en") != 0)
		mi_st_bind_text(stmt, 2, lang);
	else
		sqlite3_bind_null(stmt, 2);
	mi_status st = mi_st_exec(store, stmt, err, N_("saving the visit's language"));
	if (st == MI_OK && sqlite3_changes(store->db) == 0)
		st = mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	return st;
}

mi_status mi_store_visit_language(mi_store *store, long long visit_id, char **lang,
				  mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_GET, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	char *found = rc == SQLITE_ROW ? mi_st_column_dup(stmt, 0) : NULL;
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	if (rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("reading the visit's language"));
	*lang = found;
	return MI_OK;
}
