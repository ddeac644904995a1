/* store_visits.c - intakes, drafts, completing and loading visits. */
#include <stdlib.h>
#include <string.h>

#include "mi/text.h"
#include "store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char SQL_VISIT_INSERT[] =
	"INSERT INTO visits (client_id, date, state, created, updated, who, source, reviewed)"
	" VALUES (?1, ?2, 'draft', " NOW ", " NOW ", ?3, ?4, ?5)";
static const char SQL_VISIT_STATE[] = "SELECT client_id, state FROM visits WHERE id = ?1";
static const char SQL_VISIT_COMPLETE[] =
	"UPDATE visits SET state = 'complete', client_id = ?2, answers = ?3, outcome = ?4,"
	" rules_version = ?5, pain = ?6, goals_other = ?7, intake_version = ?8,"
	" reviewed = CASE WHEN ?9 THEN 0 ELSE reviewed END, updated = " NOW " WHERE id = ?1";
static const char SQL_FLAGS_DELETE[] = "DELETE FROM visit_flags WHERE visit_id = ?1";
static const char SQL_FLAG_INSERT[] =
	"INSERT INTO visit_flags (visit_id, position, rule_id, level) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_GOALS_DELETE[] = "DELETE FROM visit_goals WHERE visit_id = ?1";
static const char SQL_GOAL_INSERT[] =
	"INSERT INTO visit_goals (visit_id, position, goal) VALUES (?1, ?2, ?3)";
static const char SQL_DRAFT_CLEAR[] = "DELETE FROM draft_answers WHERE visit_id = ?1";
static const char SQL_RESUME_DELETE[] = "DELETE FROM resume_codes WHERE visit_id = ?1";
static const char SQL_DRAFT_DELETE_KEY[] =
	"DELETE FROM draft_answers WHERE visit_id = ?1"
	" AND (key = ?2 OR substr(key, 1, length(?2) + 1) = ?2 || '.')";
static const char SQL_DRAFT_INSERT[] =
	"INSERT INTO draft_answers (visit_id, key, value, saved_at) VALUES (?1, ?2, ?3, " NOW ")";
static const char SQL_VISIT_TOUCH[] = "UPDATE visits SET updated = " NOW " WHERE id = ?1";
static const char SQL_DRAFT_ROWS[] =
	"SELECT key, value FROM draft_answers WHERE visit_id = ?1 ORDER BY key";
static const char SQL_DRAFT_OPEN[] =
	"SELECT id FROM visits WHERE client_id = ?1 AND state = 'draft'"
	" ORDER BY updated DESC, id DESC LIMIT 1";
static const char SQL_CLIENT_EXISTS[] = "SELECT 1 FROM clients WHERE id = ?1";
static const char SQL_MARK_REVIEWED[] =
	"UPDATE visits SET reviewed = 1, updated = " NOW " WHERE id = ?1";
static const char SQL_SOURCE[] = "SELECT source, reviewed FROM visits WHERE id = ?1";
static const char SQL_VISIT_ROW[] =
	"SELECT v.id, v.client_id, c.name, c.birth_date, v.date, v.state, v.answers, v.outcome,"
	" v.rules_version, v.goals_other, v.intake_version"
	" FROM visits v LEFT JOIN clients c ON c.id = v.client_id WHERE v.id = ?1";
static const char SQL_VISIT_FLAGS[] =
	"SELECT rule_id, level FROM visit_flags WHERE visit_id = ?1 ORDER BY position";
static const char SQL_VISIT_GOALS[] =
	"SELECT goal FROM visit_goals WHERE visit_id = ?1 ORDER BY position";
static const char SQL_TREND[] =
	"SELECT id, date, pain FROM visits WHERE client_id = ?1 AND state = 'complete'"
	" AND (date < ?2 OR (date = ?2 AND id <= ?3)) ORDER BY date, id";
static const char SQL_PREVIOUS[] =
	"SELECT p.id FROM visits v JOIN visits p ON p.client_id = v.client_id"
	" WHERE v.id = ?1 AND p.state = 'complete'"
	" AND (p.date < v.date OR (p.date = v.date AND p.id < v.id))"
	" ORDER BY p.date DESC, p.id DESC LIMIT 1";
static const char SQL_VISIT_EXISTS[] = "SELECT 1 FROM visits WHERE id = ?1";
static const char SQL_READ_BEGIN[] = "BEGIN";
static const char SQL_READ_END[] = "COMMIT";

#define SUMMARY_COLUMNS \
	"SELECT v.id, v.client_id," \
	" coalesce(c.name," \
	"  (SELECT json_extract(d.value, '$') FROM draft_answers d" \
	"   WHERE d.visit_id = v.id AND d.key = 'client.name')," \
	"  (SELECT json_extract(d.value, '$.name') FROM draft_answers d" \
	"   WHERE d.visit_id = v.id AND d.key = 'client'))," \
	" v.date, v.state, v.reviewed, v.source, v.pain, v.outcome, v.updated" \
	" FROM visits v LEFT JOIN clients c ON c.id = v.client_id "

static const char SQL_HISTORY[] = SUMMARY_COLUMNS "WHERE v.client_id = ?1 ORDER BY v.date, v.id";
static const char SQL_WAITING[] =
	SUMMARY_COLUMNS "WHERE v.state = 'draft' OR (v.state = 'complete' AND v.reviewed = 0)"
	" ORDER BY v.created, v.id";

/* ---- small helpers ---- */

/* Prepares a cached statement or returns its error from the caller. */
#define STMT(var, sql)                                  \
	sqlite3_stmt *var = mi_st_stmt(store, sql, err); \
	if (!var)                                        \
		return err->status

/* Ends a statement-level failure inside a write transaction. */
static mi_status fail_tx(mi_store *store, mi_status status)
{
	mi_st_rollback(store);
	return status;
}

static mi_visit_source source_from_name(const char *name)
{
	if (name && strcmp(name, "desk") == 0)
		return MI_SOURCE_DESK;
	if (name && strcmp(name, "kiosk") == 0)
		return MI_SOURCE_KIOSK;
	return MI_SOURCE_CLI;
}

/* Reads the state of a visit: *found, its client (0 if none) and whether
 * it is complete. */
mi_status mi_st_require_complete(mi_store *store, long long visit_id, mi_error *err)
{
	long long client = 0;
	bool complete = false;
	mi_status status = mi_st_visit_state(store, visit_id, &client, &complete, err);
	if (status == MI_OK && !complete)
		status = mi_error_set(err, MI_EDATA, _("visit %lld is an unfinished intake; finish it first."),
				      visit_id);
	return status;
}

mi_status mi_st_visit_state(mi_store *store, long long visit_id, long long *client_id,
			    bool *complete, mi_error *err)
{
	STMT(stmt, SQL_VISIT_STATE);
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	mi_status status = MI_OK;
	if (rc == SQLITE_ROW) {
		*client_id = sqlite3_column_int64(stmt, 0);
		const unsigned char *state = sqlite3_column_text(stmt, 1);
		*complete = state && strcmp((const char *)state, "complete") == 0;
	} else if (rc == SQLITE_DONE) {
		status = mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	} else {
		status = mi_st_error(store, rc, err, N_("reading the visit"));
	}
	sqlite3_reset(stmt);
	return status;
}

bool mi_level_needs_review(mi_level outcome)
{
	return outcome == MI_LEVEL_URGENT || outcome == MI_LEVEL_REFER;
}

/* Inserts a new draft visit row. */
static mi_status insert_visit(mi_store *store, long long client_id, mi_visit_source source,
			      mi_date today, long long *visit_id, mi_error *err)
{
	char date[11];
	mi_date_format(today, date);
	STMT(stmt, SQL_VISIT_INSERT);
	if (client_id)
		sqlite3_bind_int64(stmt, 1, client_id);
	mi_st_bind_text(stmt, 2, date);
	mi_st_bind_text(stmt, 3, store->actor);
	mi_st_bind_text(stmt, 4, mi_visit_source_name(source));
	sqlite3_bind_int(stmt, 5, source == MI_SOURCE_KIOSK ? 0 : 1);
	mi_status status = mi_st_exec(store, stmt, err, N_("creating the visit"));
	if (status != MI_OK)
		return status;
	*visit_id = sqlite3_last_insert_rowid(store->db);
	return mi_st_audit(store, "create", "visits", *visit_id, err);
}

/* Inside a transaction: stores the answers, outcome, flags and goals of a
 * visit and marks it complete. */
static mi_status write_completion(mi_store *store, long long visit_id, long long client_id,
				  const mi_answers *answers, const mi_screening *screening,
				  const char *rules_version, mi_error *err)
{
	if (!screening || !rules_version || !*rules_version)
		return mi_error_set(err, MI_EINTERNAL,
				    "a visit is completed with its screening and rules version.");
	long pain = -1;
	STMT(stmt, SQL_VISIT_COMPLETE);
	char *json = mi_answers_to_json(answers, false);
	if (!json)
		return mi_st_nomem(err);
	sqlite3_bind_int64(stmt, 1, visit_id);
	sqlite3_bind_int64(stmt, 2, client_id);
	sqlite3_bind_text(stmt, 3, json, -1, free);
	mi_st_bind_text(stmt, 4, mi_level_name(screening->outcome));
	mi_st_bind_text(stmt, 5, rules_version);
	if (mi_answers_get_int(answers, "pain_intensity", &pain) && pain >= 0 && pain <= 10)
		sqlite3_bind_int(stmt, 6, (int)pain);
	mi_st_bind_text(stmt, 7, mi_answers_get_text(answers, "goals_other"));
	mi_st_bind_text(stmt, 8, screening->intake_version);
	sqlite3_bind_int(stmt, 9, mi_level_needs_review(screening->outcome));
	mi_status status = mi_st_exec(store, stmt, err, N_("saving the visit"));

	const char *clear[] = {SQL_FLAGS_DELETE, SQL_GOALS_DELETE, SQL_DRAFT_CLEAR,
			       SQL_RESUME_DELETE};
	for (size_t i = 0; status == MI_OK && i < sizeof clear / sizeof clear[0]; i++) {
		STMT(del, clear[i]);
		sqlite3_bind_int64(del, 1, visit_id);
		status = mi_st_exec(store, del, err, N_("saving the visit"));
	}
	for (size_t i = 0; status == MI_OK && i < screening->flag_count; i++) {
		STMT(ins, SQL_FLAG_INSERT);
		sqlite3_bind_int64(ins, 1, visit_id);
		sqlite3_bind_int64(ins, 2, (long long)i);
		mi_st_bind_text(ins, 3, screening->flags[i]->id);
		mi_st_bind_text(ins, 4, mi_level_name(screening->flags[i]->level));
		status = mi_st_exec(store, ins, err, N_("saving the flags"));
	}
	size_t goals = mi_answers_list_count(answers, "goals");
	for (size_t i = 0; status == MI_OK && i < goals; i++) {
		STMT(ins, SQL_GOAL_INSERT);
		sqlite3_bind_int64(ins, 1, visit_id);
		sqlite3_bind_int64(ins, 2, (long long)i);
		mi_st_bind_text(ins, 3, mi_answers_list_item(answers, "goals", i));
		status = mi_st_exec(store, ins, err, N_("saving the goals"));
	}
	if (status == MI_OK)
		status = mi_st_record_consent(store, visit_id, answers, err);
	if (status == MI_OK)
		status = mi_st_audit(store, "complete", "visits", visit_id, err);
	return status;
}

/* ---- intake and completion ---- */

mi_status mi_store_intake(mi_store *store, const mi_answers *answers,
			  const mi_screening *screening, const char *rules_version,
			  mi_visit_source source, mi_date today, long long *visit_id,
			  long long *client_id, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	long long client = 0, visit = 0;
	status = mi_st_client_for_answers(store, answers, &client, err);
	if (status == MI_OK)
		status = insert_visit(store, client, source, today, &visit, err);
	if (status == MI_OK)
		status = write_completion(store, visit, client, answers, screening, rules_version, err);
	if (status != MI_OK)
		return fail_tx(store, status);
	status = mi_st_commit(store, err);
	if (status != MI_OK)
		return status;
	*visit_id = visit;
	if (client_id)
		*client_id = client;
	return MI_OK;
}

mi_status mi_store_visit_complete(mi_store *store, long long visit_id, const mi_answers *answers,
				  const mi_screening *screening, const char *rules_version,
				  mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	long long client = 0;
	bool complete = false;
	status = mi_st_visit_state(store, visit_id, &client, &complete, err);
	if (status == MI_OK && complete)
		status = mi_error_set(err, MI_EDATA, _("visit %lld is already complete."), visit_id);
	if (status == MI_OK)
		status = mi_st_claim_for_write(store, visit_id, false, err);
	if (status == MI_OK && !client)
		status = mi_st_client_for_answers(store, answers, &client, err);
	if (status == MI_OK)
		status = write_completion(store, visit_id, client, answers, screening, rules_version,
					  err);
	if (status != MI_OK)
		return fail_tx(store, status);
	return mi_st_commit(store, err);
}

/* ---- drafts ---- */

mi_status mi_store_draft_start(mi_store *store, long long client_id, mi_visit_source source,
			       mi_date today, long long *visit_id, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	if (client_id) {
		sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLIENT_EXISTS, err);
		if (!stmt)
			return fail_tx(store, err->status);
		sqlite3_bind_int64(stmt, 1, client_id);
		int rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			status = mi_error_set(err, MI_ENOTFOUND, _("there is no client %lld."), client_id);
		else if (rc != SQLITE_ROW)
			status = mi_st_error(store, rc, err, N_("looking for the client"));
	}
	long long visit = 0;
	if (status == MI_OK)
		status = insert_visit(store, client_id, source, today, &visit, err);
	if (status != MI_OK)
		return fail_tx(store, status);
	status = mi_st_commit(store, err);
	if (status == MI_OK)
		*visit_id = visit;
	return status;
}

/* The stored form of the answer to key (JSON text, caller frees), or NULL
 * when it is not answered. */
static mi_status stored_value(const mi_answers *answers, const char *key, char **value,
			      mi_error *err)
{
	*value = NULL;
	if (!key || !mi_answers_find_key(key))
		return mi_error_set(err, MI_EDATA, "there is no question called \"%s\".",
				    key ? key : "");
	if (!mi_answers_has(answers, key))
		return MI_OK;
	*value = mi_answers_get_json(answers, key);
	return *value ? MI_OK : mi_st_nomem(err);
}

mi_status mi_store_draft_save_answer(mi_store *store, long long visit_id,
				     const mi_answers *answers, const char *key, mi_error *err)
{
	char *value = NULL;
	mi_status status = stored_value(answers, key, &value, err);
	if (status != MI_OK)
		return status;
	status = mi_st_begin(store, err);
	if (status != MI_OK) {
		free(value);
		return status;
	}
	long long client = 0;
	bool complete = false;
	status = mi_st_visit_state(store, visit_id, &client, &complete, err);
	if (status == MI_OK && complete)
		status = mi_error_set(err, MI_EDATA,
				      "visit %lld is already complete; its answers are no longer a draft.",
				      visit_id);
	if (status == MI_OK)
		status = mi_st_claim_for_write(store, visit_id, true, err);
	const char *steps[] = {SQL_DRAFT_DELETE_KEY, value ? SQL_DRAFT_INSERT : NULL, SQL_VISIT_TOUCH};
	for (size_t i = 0; status == MI_OK && i < sizeof steps / sizeof steps[0]; i++) {
		if (!steps[i])
			continue;
		sqlite3_stmt *stmt = mi_st_stmt(store, steps[i], err);
		if (!stmt) {
			status = err->status;
			break;
		}
		sqlite3_bind_int64(stmt, 1, visit_id);
		if (steps[i] != SQL_VISIT_TOUCH)
			mi_st_bind_text(stmt, 2, key);
		if (steps[i] == SQL_DRAFT_INSERT)
			mi_st_bind_text(stmt, 3, value);
		status = mi_st_exec(store, stmt, err, N_("saving the answer"));
	}
	free(value);
	if (status != MI_OK)
		return fail_tx(store, status);
	return mi_st_commit(store, err);
}

/* The answers saved in the draft rows of a visit. */
static mi_status load_draft_rows(mi_store *store, long long visit_id, mi_answers **out,
				 mi_error *err)
{
	mi_answers *answers = mi_answers_new();
	if (!answers)
		return mi_st_nomem(err);
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_DRAFT_ROWS, err);
	if (!stmt) {
		mi_answers_free(answers);
		return err->status;
	}
	sqlite3_bind_int64(stmt, 1, visit_id);
	mi_status status = MI_OK;
	int rc = SQLITE_DONE;
	while (status == MI_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(stmt, 0);
		const char *value = (const char *)sqlite3_column_text(stmt, 1);
		status = mi_answers_set_json(answers, key, value ? value : "null", err);
		if (status != MI_OK)
			mi_error_prefix(err, "the saved answer to %s of visit %lld", key, visit_id);
	}
	if (status == MI_OK && rc != SQLITE_DONE)
		status = mi_st_error(store, rc, err, N_("reading the draft"));
	sqlite3_reset(stmt);
	if (status != MI_OK) {
		mi_answers_free(answers);
		return status;
	}
	*out = answers;
	return MI_OK;
}

/* Runs a read-only body in one snapshot. */
static mi_status read_begin(mi_store *store, mi_error *err)
{
	STMT(stmt, SQL_READ_BEGIN);
	return mi_st_exec(store, stmt, err, N_("reading the database"));
}

static void read_end(mi_store *store)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_READ_END, NULL);
	if (stmt)
		mi_st_exec(store, stmt, NULL, N_("reading the database"));
}

mi_status mi_store_draft_load(mi_store *store, long long visit_id, mi_answers **out,
			      mi_error *err)
{
	mi_visit *visit = NULL;
	mi_status status = mi_store_visit_load(store, visit_id, &visit, err);
	if (status != MI_OK)
		return status;
	*out = visit->answers;
	visit->answers = NULL;
	mi_visit_free(visit);
	return MI_OK;
}

mi_status mi_store_draft_find_open(mi_store *store, long long client_id, long long *visit_id,
				   mi_error *err)
{
	STMT(stmt, SQL_DRAFT_OPEN);
	sqlite3_bind_int64(stmt, 1, client_id);
	int rc = sqlite3_step(stmt);
	*visit_id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("looking for a draft"));
	return MI_OK;
}

mi_status mi_store_visit_mark_reviewed(mi_store *store, long long visit_id, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_MARK_REVIEWED, err);
	if (!stmt)
		return fail_tx(store, err->status);
	sqlite3_bind_int64(stmt, 1, visit_id);
	status = mi_st_exec(store, stmt, err, N_("marking the visit reviewed"));
	if (status == MI_OK && sqlite3_changes(store->db) == 0)
		status = mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	if (status == MI_OK)
		status = mi_st_audit(store, "review", "visits", visit_id, err);
	if (status != MI_OK)
		return fail_tx(store, status);
	return mi_st_commit(store, err);
}

mi_status mi_store_visit_source(mi_store *store, long long visit_id, mi_visit_source *source,
				bool *reviewed, mi_error *err)
{
	STMT(stmt, SQL_SOURCE);
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	mi_status status = MI_OK;
	if (rc == SQLITE_ROW) {
		*source = source_from_name((const char *)sqlite3_column_text(stmt, 0));
		*reviewed = sqlite3_column_int(stmt, 1) != 0;
	} else if (rc == SQLITE_DONE) {
		status = mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	} else {
		status = mi_st_error(store, rc, err, N_("reading the visit"));
	}
	sqlite3_reset(stmt);
	return status;
}

/* ---- lists of visits ---- */

void mi_visit_list_clear(mi_visit_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].client_name);
		free(list->items[i].updated);
	}
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

/* Runs a SUMMARY_COLUMNS statement (already bound) into *out. */
static mi_status read_summaries(mi_store *store, sqlite3_stmt *stmt, mi_visit_list *out,
				mi_error *err)
{
	mi_visit_list list = {0};
	size_t cap = 0;
	int rc = SQLITE_DONE;
	bool nomem = false;
	while (!nomem && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_visit_summary *items = mi_st_grow(list.items, list.count, &cap, sizeof *items);
		if (!items) {
			nomem = true;
			break;
		}
		list.items = items;
		mi_visit_summary *s = &list.items[list.count++];
		memset(s, 0, sizeof *s);
		s->id = sqlite3_column_int64(stmt, 0);
		s->client_id = sqlite3_column_int64(stmt, 1);
		s->client_name = mi_st_column_dup(stmt, 2);
		const char *date = (const char *)sqlite3_column_text(stmt, 3);
		if (date)
			mi_date_parse(date, &s->date);
		const char *state = (const char *)sqlite3_column_text(stmt, 4);
		s->complete = state && strcmp(state, "complete") == 0;
		s->reviewed = sqlite3_column_int(stmt, 5) != 0;
		s->source = source_from_name((const char *)sqlite3_column_text(stmt, 6));
		s->pain = sqlite3_column_type(stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(stmt, 7);
		const char *outcome = (const char *)sqlite3_column_text(stmt, 8);
		s->has_outcome = outcome && mi_level_parse(outcome, &s->outcome);
		s->updated = mi_st_column_dup(stmt, 9);
		if (!s->updated)
			nomem = true;
	}
	sqlite3_reset(stmt);
	if (nomem) {
		mi_visit_list_clear(&list);
		return mi_st_nomem(err);
	}
	if (rc != SQLITE_DONE) {
		mi_visit_list_clear(&list);
		return mi_st_error(store, rc, err, N_("listing visits"));
	}
	*out = list;
	return MI_OK;
}

mi_status mi_store_client_history(mi_store *store, long long client_id, mi_visit_list *out,
				  mi_error *err)
{
	mi_status status = read_begin(store, err);
	if (status != MI_OK)
		return status;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLIENT_EXISTS, err);
	if (!stmt)
		status = err->status;
	if (status == MI_OK) {
		sqlite3_bind_int64(stmt, 1, client_id);
		int rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			status = mi_error_set(err, MI_ENOTFOUND, _("there is no client %lld."), client_id);
		else if (rc != SQLITE_ROW)
			status = mi_st_error(store, rc, err, N_("looking for the client"));
	}
	if (status == MI_OK) {
		stmt = mi_st_stmt(store, SQL_HISTORY, err);
		status = stmt ? MI_OK : err->status;
	}
	if (status == MI_OK) {
		sqlite3_bind_int64(stmt, 1, client_id);
		status = read_summaries(store, stmt, out, err);
	}
	read_end(store);
	return status;
}

mi_status mi_store_waiting_list(mi_store *store, mi_visit_list *out, mi_error *err)
{
	STMT(stmt, SQL_WAITING);
	return read_summaries(store, stmt, out, err);
}

/* ---- loading one visit ---- */

/* Reads a one-column text query into a new array of strings. */
static mi_status read_strings(mi_store *store, sqlite3_stmt *stmt, char ***items, size_t *count,
			      mi_error *err)
{
	char **list = NULL;
	size_t n = 0, cap = 0;
	int rc;
	bool nomem = false;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char **grown = mi_st_grow(list, n, &cap, sizeof *grown);
		if (!grown) {
			nomem = true;
			break;
		}
		list = grown;
		list[n] = mi_st_column_dup(stmt, 0);
		if (!list[n]) {
			nomem = true;
			break;
		}
		n++;
	}
	sqlite3_reset(stmt);
	if (nomem || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
		for (size_t i = 0; i < n; i++)
			free(list[i]);
		free(list);
		return nomem ? mi_st_nomem(err) : mi_st_error(store, rc, err, N_("reading the visit"));
	}
	*items = list;
	*count = n;
	return MI_OK;
}

mi_status mi_st_read_list(mi_store *store, const char *sql, long long visit_id, char ***items,
			  size_t *count, mi_error *err)
{
	STMT(stmt, sql);
	sqlite3_bind_int64(stmt, 1, visit_id);
	return read_strings(store, stmt, items, count, err);
}

/* Fills the main row of a visit. */
static mi_status read_visit_row(mi_store *store, long long visit_id, mi_visit *visit,
				char **answers_json, mi_error *err)
{
	STMT(stmt, SQL_VISIT_ROW);
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	mi_status status = MI_OK;
	if (rc == SQLITE_ROW) {
		visit->id = sqlite3_column_int64(stmt, 0);
		visit->client_id = sqlite3_column_int64(stmt, 1);
		visit->client_name = mi_st_column_dup(stmt, 2);
		visit->client_birth_date = mi_st_column_dup(stmt, 3);
		const char *date = (const char *)sqlite3_column_text(stmt, 4);
		if (date)
			mi_date_parse(date, &visit->date);
		const char *state = (const char *)sqlite3_column_text(stmt, 5);
		visit->complete = state && strcmp(state, "complete") == 0;
		*answers_json = mi_st_column_dup(stmt, 6);
		const char *outcome = (const char *)sqlite3_column_text(stmt, 7);
		if (!outcome || !mi_level_parse(outcome, &visit->outcome))
			visit->outcome = MI_LEVEL_PROCEED;
		visit->rules_version = mi_st_column_dup(stmt, 8);
		visit->goals_other = mi_st_column_dup(stmt, 9);
		visit->intake_version = mi_st_column_dup(stmt, 10);
		if (visit->complete && !*answers_json)
			status = mi_error_set(err, MI_EIO, "visit %lld has no stored answers.", visit_id);
	} else if (rc == SQLITE_DONE) {
		status = mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	} else {
		status = mi_st_error(store, rc, err, N_("reading the visit"));
	}
	sqlite3_reset(stmt);
	return status;
}

/* Fills the flags of a visit. */
static mi_status read_flags(mi_store *store, mi_visit *visit, mi_error *err)
{
	STMT(stmt, SQL_VISIT_FLAGS);
	sqlite3_bind_int64(stmt, 1, visit->id);
	int rc = SQLITE_DONE;
	size_t cap = 0;
	mi_status status = MI_OK;
	while (status == MI_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_visit_flag *grown = mi_st_grow(visit->flags, visit->flag_count, &cap, sizeof *grown);
		if (!grown) {
			status = mi_st_nomem(err);
			break;
		}
		visit->flags = grown;
		mi_visit_flag *flag = &visit->flags[visit->flag_count];
		flag->rule_id = mi_st_column_dup(stmt, 0);
		if (!flag->rule_id) {
			status = mi_st_nomem(err);
			break;
		}
		const char *level = (const char *)sqlite3_column_text(stmt, 1);
		if (!level || !mi_level_parse(level, &flag->level))
			flag->level = MI_LEVEL_PROCEED;
		visit->flag_count++;
	}
	if (status == MI_OK && rc != SQLITE_DONE)
		status = mi_st_error(store, rc, err, N_("reading the flags"));
	sqlite3_reset(stmt);
	return status;
}

/* Fills the pain trend of the client's completed visits up to this one. */
static mi_status read_trend(mi_store *store, mi_visit *visit, mi_error *err)
{
	if (!visit->client_id)
		return MI_OK;
	char date[11];
	mi_date_format(visit->date, date);
	STMT(stmt, SQL_TREND);
	sqlite3_bind_int64(stmt, 1, visit->client_id);
	mi_st_bind_text(stmt, 2, date);
	sqlite3_bind_int64(stmt, 3, visit->id);
	int rc;
	size_t cap = 0;
	mi_status status = MI_OK;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_pain_point *grown = mi_st_grow(visit->trend, visit->trend_count, &cap, sizeof *grown);
		if (!grown) {
			status = mi_st_nomem(err);
			break;
		}
		visit->trend = grown;
		mi_pain_point *p = &visit->trend[visit->trend_count++];
		memset(p, 0, sizeof *p);
		p->visit_id = sqlite3_column_int64(stmt, 0);
		const char *d = (const char *)sqlite3_column_text(stmt, 1);
		if (d)
			mi_date_parse(d, &p->date);
		p->pain = sqlite3_column_type(stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(stmt, 2);
	}
	if (status == MI_OK && rc != SQLITE_DONE)
		status = mi_st_error(store, rc, err, N_("reading the pain trend"));
	sqlite3_reset(stmt);
	return status;
}

/* Everything of mi_store_visit_load, inside one read snapshot. */
static mi_status load_visit(mi_store *store, long long visit_id, mi_visit *visit, mi_error *err)
{
	char *json = NULL;
	mi_status status = read_visit_row(store, visit_id, visit, &json, err);
	if (status == MI_OK && json) {
		status = mi_answers_parse_stored(json, strlen(json), &visit->answers, err);
		if (status != MI_OK) {
			mi_error_prefix(err, "the stored answers of visit %lld", visit_id);
			status = MI_EIO;
			err->status = MI_EIO;
		}
	} else if (status == MI_OK) {
		status = load_draft_rows(store, visit_id, &visit->answers, err);
	}
	free(json);
	if (status == MI_OK && !visit->client_name) {
		const char *typed = mi_answers_get_text(visit->answers, "client.name");
		if (typed && !(visit->client_name = strdup(typed)))
			status = mi_st_nomem(err);
	}
	if (status == MI_OK)
		status = read_flags(store, visit, err);
	if (status == MI_OK)
		status = mi_st_read_list(store, SQL_VISIT_GOALS, visit_id, &visit->goals,
					 &visit->goal_count, err);
	if (status == MI_OK)
		status = mi_st_notes_read(store, visit, err);
	if (status == MI_OK)
		status = read_trend(store, visit, err);
	return status;
}

mi_status mi_store_visit_load(mi_store *store, long long visit_id, mi_visit **out,
			      mi_error *err)
{
	mi_visit *visit = calloc(1, sizeof *visit);
	if (!visit)
		return mi_st_nomem(err);
	mi_status status = read_begin(store, err);
	if (status == MI_OK) {
		status = load_visit(store, visit_id, visit, err);
		read_end(store);
	}
	if (status != MI_OK) {
		mi_visit_free(visit);
		return status;
	}
	*out = visit;
	return MI_OK;
}

mi_status mi_store_visit_previous(mi_store *store, long long visit_id, long long *prev_id,
				  mi_error *err)
{
	STMT(exists, SQL_VISIT_EXISTS);
	sqlite3_bind_int64(exists, 1, visit_id);
	int rc = sqlite3_step(exists);
	sqlite3_reset(exists);
	if (rc == SQLITE_DONE)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	if (rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("reading the visit"));
	STMT(stmt, SQL_PREVIOUS);
	sqlite3_bind_int64(stmt, 1, visit_id);
	rc = sqlite3_step(stmt);
	*prev_id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("looking for the previous visit"));
	return MI_OK;
}
