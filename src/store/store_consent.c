/* store_consent.c - which consent text each visit's consent was given to. */
#include <stdlib.h>

#include "mi/consent.h"
#include "mi/store_consent.h"
#include "store_internal.h"

static const char SQL_SET[] =
	"UPDATE visits SET consent_version = ?2, consent_hash = ?3 WHERE id = ?1";
static const char SQL_GET[] = "SELECT consent_version, consent_hash FROM visits WHERE id = ?1";

mi_status mi_st_record_consent(mi_store *store, long long visit_id, const mi_answers *answers,
			       mi_error *err)
{
	bool agreed = false;
	if (!mi_answers_get_bool(answers, "consent.agreed", &agreed) || !agreed)
		return MI_OK;
	char hash[65];
	mi_consent_hash(hash);
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_SET, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	mi_st_bind_text(stmt, 2, MI_CONSENT_VERSION);
	mi_st_bind_text(stmt, 3, hash);
	return mi_st_exec(store, stmt, err, N_("saving the consent"));
}

mi_status mi_store_visit_consent(mi_store *store, long long visit_id, char **version,
				 char **hash, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_GET, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	char *v = NULL, *h = NULL;
	if (rc == SQLITE_ROW) {
		v = mi_st_column_dup(stmt, 0);
		h = mi_st_column_dup(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	if (rc != SQLITE_ROW) {
		free(v);
		free(h);
		return mi_st_error(store, rc, err, N_("reading the consent"));
	}
	*version = v;
	*hash = h;
	return MI_OK;
}
