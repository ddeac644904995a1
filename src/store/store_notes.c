/* store_notes.c - goals, session notes and aftercare notes of a visit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/text.h"
#include "mi/vocab.h"
#include "store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char SQL_NOTES_ROW[] =
	"SELECT areas_other, pressure, response, therapist_notes FROM session_notes"
	" WHERE visit_id = ?1";
static const char SQL_AREAS[] =
	"SELECT area FROM session_areas WHERE visit_id = ?1 ORDER BY position";
static const char SQL_TECHNIQUES[] =
	"SELECT technique FROM session_techniques WHERE visit_id = ?1 ORDER BY position";
static const char SQL_AFTERCARE[] = "SELECT text FROM aftercare_notes WHERE visit_id = ?1";

static const char SQL_VISIT_GOALS_OTHER[] =
	"UPDATE visits SET goals_other = ?2, updated = " NOW " WHERE id = ?1";
static const char SQL_GOALS_DELETE[] = "DELETE FROM visit_goals WHERE visit_id = ?1";
static const char SQL_GOAL_INSERT[] =
	"INSERT INTO visit_goals (visit_id, position, goal) VALUES (?1, ?2, ?3)";
static const char SQL_NOTES_DELETE[] = "DELETE FROM session_notes WHERE visit_id = ?1";
static const char SQL_NOTES_UPSERT[] =
	"INSERT INTO session_notes (visit_id, areas_other, pressure, response, therapist_notes,"
	" updated, who) VALUES (?1, ?2, ?3, ?4, ?5, " NOW ", ?6)"
	" ON CONFLICT (visit_id) DO UPDATE SET areas_other = excluded.areas_other,"
	" pressure = excluded.pressure, response = excluded.response,"
	" therapist_notes = excluded.therapist_notes, updated = excluded.updated, who = excluded.who";
static const char SQL_AREAS_DELETE[] = "DELETE FROM session_areas WHERE visit_id = ?1";
static const char SQL_AREA_INSERT[] =
	"INSERT INTO session_areas (visit_id, position, area) VALUES (?1, ?2, ?3)";
static const char SQL_TECHNIQUES_DELETE[] = "DELETE FROM session_techniques WHERE visit_id = ?1";
static const char SQL_TECHNIQUE_INSERT[] =
	"INSERT INTO session_techniques (visit_id, position, technique) VALUES (?1, ?2, ?3)";
static const char SQL_AFTERCARE_DELETE[] = "DELETE FROM aftercare_notes WHERE visit_id = ?1";
static const char SQL_AFTERCARE_UPSERT[] =
	"INSERT INTO aftercare_notes (visit_id, text, updated, who) VALUES (?1, ?2, " NOW ", ?3)"
	" ON CONFLICT (visit_id) DO UPDATE SET text = excluded.text, updated = excluded.updated,"
	" who = excluded.who";
static const char SQL_VISIT_EXISTS[] = "SELECT 1 FROM visits WHERE id = ?1";

mi_status mi_st_notes_read(mi_store *store, mi_visit *visit, mi_error *err)
{
	mi_session_notes *notes = &visit->notes;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_NOTES_ROW, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit->id);
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		notes->areas_other = mi_st_column_dup(stmt, 0);
		notes->pressure = mi_st_column_dup(stmt, 1);
		notes->response = mi_st_column_dup(stmt, 2);
		notes->therapist_notes = mi_st_column_dup(stmt, 3);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the session notes"));
	mi_status status = mi_st_read_list(store, SQL_AREAS, visit->id, &notes->areas,
					   &notes->area_count, err);
	if (status == MI_OK)
		status = mi_st_read_list(store, SQL_TECHNIQUES, visit->id, &notes->techniques,
					 &notes->technique_count, err);
	if (status != MI_OK)
		return status;
	stmt = mi_st_stmt(store, SQL_AFTERCARE, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit->id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		visit->aftercare_notes = mi_st_column_dup(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the aftercare notes"));
	return MI_OK;
}

/* Checks one free text; NULL is fine. */
static mi_status check_text(const char *what, const char *text, bool multiline, mi_error *err)
{
	if (!text)
		return MI_OK;
	size_t len = strlen(text);
	if (len > MI_ANSWERS_MAX_TEXT)
		return mi_error_set(err, MI_EDATA, "%s is longer than %d bytes.", what,
				    MI_ANSWERS_MAX_TEXT);
	size_t offset = 0;
	mi_text_problem problem = mi_text_check(text, len, multiline, &offset);
	if (problem != MI_TEXT_OK)
		return mi_error_set(err, MI_EDATA, "%s has %s at byte %zu.", what,
				    mi_text_problem_name(problem), offset);
	return MI_OK;
}

/* Checks every id of a list against a vocabulary. */
static mi_status check_ids(const char *what, char *const *ids, size_t count, mi_vocab vocab,
			   mi_error *err)
{
	for (size_t i = 0; i < count; i++) {
		if (!ids[i] || !mi_vocab_has(vocab, ids[i])) {
			char expected[sizeof err->message];
			mi_vocab_ids(vocab, NULL, expected, sizeof expected);
			return mi_error_set(err, MI_EDATA,
					    "item %zu is not a known %s; expected one of: %s.", i + 1,
					    what, expected);
		}
	}
	return MI_OK;
}

/* Checks everything mi_store_visit_save_notes would store. */
static mi_status check_notes(const mi_visit *visit, mi_error *err)
{
	const mi_session_notes *n = &visit->notes;
	mi_status status = check_ids("goal", visit->goals, visit->goal_count, MI_VOCAB_GOAL, err);
	if (status == MI_OK)
		status = check_ids("area", n->areas, n->area_count, MI_VOCAB_AREA, err);
	if (status == MI_OK)
		status = check_ids("technique", n->techniques, n->technique_count,
				   MI_VOCAB_TECHNIQUE, err);
	if (status == MI_OK && n->pressure && !mi_vocab_has(MI_VOCAB_PRESSURE, n->pressure)) {
		char expected[200];
		mi_vocab_ids(MI_VOCAB_PRESSURE, "or", expected, sizeof expected);
		status = mi_error_set(err, MI_EDATA, "the pressure used is %s.", expected);
	}
	if (status == MI_OK)
		status = check_text("the other goals", visit->goals_other, false, err);
	if (status == MI_OK)
		status = check_text("the other areas", n->areas_other, false, err);
	if (status == MI_OK)
		status = check_text("the client's response", n->response, true, err);
	if (status == MI_OK)
		status = check_text("the therapist notes", n->therapist_notes, true, err);
	if (status == MI_OK)
		status = check_text("the aftercare notes", visit->aftercare_notes, true, err);
	return status;
}

/* Replaces a visit's rows of one list table. */
static mi_status replace_list(mi_store *store, long long visit_id, const char *delete_sql,
			      const char *insert_sql, char *const *items, size_t count,
			      mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, delete_sql, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	mi_status status = mi_st_exec(store, stmt, err, N_("saving the notes"));
	for (size_t i = 0; status == MI_OK && i < count; i++) {
		stmt = mi_st_stmt(store, insert_sql, err);
		if (!stmt)
			return err->status;
		sqlite3_bind_int64(stmt, 1, visit_id);
		sqlite3_bind_int64(stmt, 2, (long long)i);
		mi_st_bind_text(stmt, 3, items[i]);
		status = mi_st_exec(store, stmt, err, N_("saving the notes"));
	}
	return status;
}

/* True when nothing is recorded in the session notes. */
static bool notes_empty(const mi_session_notes *n)
{
	return !n->areas_other && !n->pressure && !n->response && !n->therapist_notes;
}

/* Inside a transaction: writes every note of the visit. */
static mi_status write_notes(mi_store *store, const mi_visit *visit, mi_error *err)
{
	const mi_session_notes *n = &visit->notes;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_VISIT_EXISTS, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit->id);
	int rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit->id);
	if (rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("reading the visit"));

	stmt = mi_st_stmt(store, SQL_VISIT_GOALS_OTHER, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit->id);
	mi_st_bind_text(stmt, 2, visit->goals_other);
	mi_status status = mi_st_exec(store, stmt, err, N_("saving the goals"));
	if (status == MI_OK)
		status = replace_list(store, visit->id, SQL_GOALS_DELETE, SQL_GOAL_INSERT, visit->goals,
				      visit->goal_count, err);
	if (status == MI_OK)
		status = replace_list(store, visit->id, SQL_AREAS_DELETE, SQL_AREA_INSERT, n->areas,
				      n->area_count, err);
	if (status == MI_OK)
		status = replace_list(store, visit->id, SQL_TECHNIQUES_DELETE, SQL_TECHNIQUE_INSERT,
				      n->techniques, n->technique_count, err);
	if (status != MI_OK)
		return status;

	stmt = mi_st_stmt(store, notes_empty(n) ? SQL_NOTES_DELETE : SQL_NOTES_UPSERT, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit->id);
	if (!notes_empty(n)) {
		mi_st_bind_text(stmt, 2, n->areas_other);
		mi_st_bind_text(stmt, 3, n->pressure);
		mi_st_bind_text(stmt, 4, n->response);
		mi_st_bind_text(stmt, 5, n->therapist_notes);
		mi_st_bind_text(stmt, 6, store->actor);
	}
	status = mi_st_exec(store, stmt, err, N_("saving the session notes"));
	if (status != MI_OK)
		return status;

	stmt = mi_st_stmt(store, visit->aftercare_notes ? SQL_AFTERCARE_UPSERT : SQL_AFTERCARE_DELETE,
			  err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit->id);
	if (visit->aftercare_notes) {
		mi_st_bind_text(stmt, 2, visit->aftercare_notes);
		mi_st_bind_text(stmt, 3, store->actor);
	}
	status = mi_st_exec(store, stmt, err, N_("saving the aftercare notes"));
	if (status == MI_OK)
		status = mi_st_audit(store, "notes", "visits", visit->id, err);
	return status;
}

mi_status mi_store_visit_save_notes(mi_store *store, const mi_visit *visit, mi_error *err)
{
	mi_status status = check_notes(visit, err);
	if (status != MI_OK)
		return status;
	status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	status = mi_st_amend_signed(store, visit, err);
	if (status == MI_OK)
		status = write_notes(store, visit, err);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}
