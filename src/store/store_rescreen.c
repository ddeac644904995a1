/* store_rescreen.c - writes a visit screened again with answers added at
 * the desk. */
#include <stdlib.h>

#include "mi/store_rescreen.h"
#include "store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char SQL_VISIT_RESCREEN[] =
	"UPDATE visits SET answers = ?2, outcome = ?3, rules_version = ?4, intake_version = ?5,"
	" pain = ?6, reviewed = CASE WHEN ?7 THEN 0 ELSE reviewed END, updated = " NOW
	" WHERE id = ?1";
static const char SQL_FLAGS_DELETE[] = "DELETE FROM visit_flags WHERE visit_id = ?1";
static const char SQL_FLAG_INSERT[] =
	"INSERT INTO visit_flags (visit_id, position, rule_id, level) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_CLIENT_OF_VISIT[] = "SELECT client_id FROM visits WHERE id = ?1";
static const char SQL_CLIENT_BIRTH_DATE[] =
	"UPDATE clients SET birth_date = ?2 WHERE id = ?1 AND birth_date IS NULL";

/* Inside a transaction: the visit row and its flags. */
static mi_status write_rescreen(mi_store *store, long long visit_id, const mi_answers *answers,
				const mi_screening *screening, const char *rules_version,
				mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_VISIT_RESCREEN, err);
	if (!stmt)
		return err->status;
	char *json = mi_answers_to_json(answers, false);
	if (!json)
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	long pain = -1;
	sqlite3_bind_int64(stmt, 1, visit_id);
	sqlite3_bind_text(stmt, 2, json, -1, free);
	mi_st_bind_text(stmt, 3, mi_level_name(screening->outcome));
	mi_st_bind_text(stmt, 4, rules_version);
	mi_st_bind_text(stmt, 5, screening->intake_version);
	if (mi_answers_get_int(answers, "pain_intensity", &pain) && pain >= 0 && pain <= 10)
		sqlite3_bind_int(stmt, 6, (int)pain);
	sqlite3_bind_int(stmt, 7, mi_level_needs_review(screening->outcome));
	mi_status status = mi_st_exec(store, stmt, err, N_("saving the visit"));
	if (status == MI_OK && !(stmt = mi_st_stmt(store, SQL_FLAGS_DELETE, err)))
		status = err->status;
	if (status == MI_OK) {
		sqlite3_bind_int64(stmt, 1, visit_id);
		status = mi_st_exec(store, stmt, err, N_("saving the flags"));
	}
	for (size_t i = 0; status == MI_OK && i < screening->flag_count; i++) {
		if (!(stmt = mi_st_stmt(store, SQL_FLAG_INSERT, err)))
			return err->status;
		sqlite3_bind_int64(stmt, 1, visit_id);
		sqlite3_bind_int64(stmt, 2, (long long)i);
		mi_st_bind_text(stmt, 3, screening->flags[i]->id);
		mi_st_bind_text(stmt, 4, mi_level_name(screening->flags[i]->level));
		status = mi_st_exec(store, stmt, err, N_("saving the flags"));
	}
	return status;
}

/* Inside a transaction: the birth date of visit_id's client when their
 * record has none (*recorded), audited. */
static mi_status record_birth_date(mi_store *store, long long visit_id, const char *birth_date,
				   bool *recorded, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLIENT_OF_VISIT, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	long long client_id = 0;
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		client_id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the visit's client"));
	if (client_id <= 0) /* erased: no record to complete */
		return MI_OK;
	if (!(stmt = mi_st_stmt(store, SQL_CLIENT_BIRTH_DATE, err)))
		return err->status;
	sqlite3_bind_int64(stmt, 1, client_id);
	mi_st_bind_text(stmt, 2, birth_date);
	mi_status status = mi_st_exec(store, stmt, err, N_("saving the client's birth date"));
	if (status == MI_OK && sqlite3_changes(store->db) > 0) {
		*recorded = true;
		status = mi_st_audit(store, "birth date", "clients", client_id, err);
	}
	return status;
}

mi_status mi_store_visit_rescreen(mi_store *store, long long visit_id, const mi_answers *answers,
				  const mi_screening *screening, const char *rules_version,
				  const char *client_birth_date, bool *recorded, mi_error *err)
{
	bool birth_recorded = false;
	if (!answers || !screening || !rules_version || !*rules_version)
		return mi_error_set(err, MI_EINTERNAL,
				    "a visit is screened again with its answers, screening and rules version.");
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	status = mi_st_require_complete(store, visit_id, err);
	if (status == MI_OK)
		status = write_rescreen(store, visit_id, answers, screening, rules_version, err);
	if (status == MI_OK)
		status = mi_st_audit(store, "rescreen", "visits", visit_id, err);
	if (status == MI_OK && client_birth_date)
		status = record_birth_date(store, visit_id, client_birth_date, &birth_recorded, err);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	status = mi_st_commit(store, err);
	if (status == MI_OK && recorded)
		*recorded = birth_recorded;
	return status;
}
