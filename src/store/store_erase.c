/* store_erase.c - erasing a client, compacting the file, and the erasures
 * the audit log remembers. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/store_erase.h"
#include "store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char SQL_CLIENT_BIRTH[] = "SELECT birth_date FROM clients WHERE id = ?1";
static const char SQL_CLIENT_VISITS[] =
	"SELECT id, date, state FROM visits WHERE client_id = ?1 ORDER BY id";
static const char SQL_UNLINKED_DRAFTS[] =
	"SELECT id, date, state FROM visits WHERE client_id IS NULL AND state = 'draft' ORDER BY id";
static const char SQL_DRAFT_IDENTITY[] =
	"SELECT key, value FROM draft_answers WHERE visit_id = ?1"
	" AND (key = 'client' OR substr(key, 1, 7) = 'client.') ORDER BY key";
static const char SQL_VISIT_ANSWERS[] = "SELECT answers FROM visits WHERE id = ?1";
static const char SQL_VISIT_DELETE[] = "DELETE FROM visits WHERE id = ?1";
static const char SQL_VISIT_ANONYMISE[] =
	"UPDATE visits SET client_id = NULL, answers = ?2, goals_other = NULL, reviewed = 1,"
	" updated = " NOW " WHERE id = ?1";
static const char SQL_NOTES_ANONYMISE[] =
	"UPDATE session_notes SET areas_other = NULL, response = NULL, therapist_notes = NULL"
	" WHERE visit_id = ?1";
static const char SQL_AFTERCARE_DELETE[] = "DELETE FROM aftercare_notes WHERE visit_id = ?1";
static const char SQL_CLIENT_DELETE[] = "DELETE FROM clients WHERE id = ?1";
static const char SQL_ERASURES[] =
	"SELECT at, record_id FROM audit_log WHERE action = 'erase' AND table_name = 'clients'"
	" ORDER BY id";

/* A visit row as the erasure sees it. */
typedef struct visit_row {
	long long id;
	mi_date date;
	bool complete;
} visit_row;

typedef struct visit_rows {
	visit_row *items;
	size_t count;
} visit_rows;

/* Reads the rows of an (id, date, state) query bound with ?1 = id (0: not
 * bound). */
static mi_status read_rows(mi_store *store, const char *sql, long long id, visit_rows *out,
			   mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, sql, err);
	if (!stmt)
		return err->status;
	if (id)
		sqlite3_bind_int64(stmt, 1, id);
	int rc = SQLITE_DONE;
	mi_status st = MI_OK;
	while (st == MI_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		visit_row *grown = realloc(out->items, (out->count + 1) * sizeof *grown);
		if (!grown) {
			st = mi_st_nomem(err);
			break;
		}
		out->items = grown;
		visit_row *v = &out->items[out->count++];
		v->id = sqlite3_column_int64(stmt, 0);
		const char *date = (const char *)sqlite3_column_text(stmt, 1);
		if (!date || !mi_date_parse(date, &v->date))
			v->date = (mi_date){1900, 1, 1};
		const char *state = (const char *)sqlite3_column_text(stmt, 2);
		v->complete = state && strcmp(state, "complete") == 0;
	}
	if (st == MI_OK && rc != SQLITE_DONE)
		st = mi_st_error(store, rc, err, N_("reading the client's visits"));
	sqlite3_reset(stmt);
	return st;
}

/* Runs a statement bound with ?1 = id. */
static mi_status exec_id(mi_store *store, const char *sql, long long id, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, sql, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, id);
	return mi_st_exec(store, stmt, err, N_("erasing the client"));
}

/* The answers with nothing left that identifies the client: the client's
 * details, the typed signature, every free text and every answer to a
 * question no longer in the intake file (what it holds is not known) go;
 * the age at the visit is kept (from the birth date when it was not
 * given). Caller frees the JSON text. */
static mi_status anonymous_answers(const char *json, const char *birth_date, mi_date visit_date,
				   char **out, mi_error *err)
{
	mi_answers *a = NULL;
	mi_status st = mi_answers_parse_stored(json, strlen(json), &a, err);
	if (st != MI_OK)
		return st;
	if (!mi_answers_has(a, "age")) {
		mi_date birth;
		const char *typed = mi_answers_get_text(a, "client.birth_date");
		if ((typed && mi_date_parse(typed, &birth)) ||
		    (birth_date && mi_date_parse(birth_date, &birth))) {
			int years = mi_date_age(birth, visit_date);
			if (years >= 0)
				mi_answers_set_int(a, "age", years, NULL);
		}
	}
	mi_answers_unset(a, "client");
	mi_answers_unset(a, "consent.name");
	for (const mi_answer_key *k = mi_answers_schema(); k->name; k++)
		if (k->type == MI_ANSWER_TEXT || k->type == MI_ANSWER_TEXT_LIST)
			mi_answers_unset(a, k->name);
	*out = mi_answers_to_json(a, false);
	mi_answers_free(a);
	return *out ? MI_OK : mi_st_nomem(err);
}

/* Keeps one completed visit without the client. */
static mi_status anonymise_visit(mi_store *store, const visit_row *v, const char *birth_date,
				 mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_VISIT_ANSWERS, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, v->id);
	int rc = sqlite3_step(stmt);
	char *json = rc == SQLITE_ROW ? mi_st_column_dup(stmt, 0) : NULL;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return mi_st_error(store, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, err,
				   N_("reading the visit"));
	char *kept = NULL;
	mi_status st = json ? anonymous_answers(json, birth_date, v->date, &kept, err)
			    : mi_error_set(err, MI_EIO, "visit %lld has no stored answers.", v->id);
	free(json);
	if (st == MI_OK && !(stmt = mi_st_stmt(store, SQL_VISIT_ANONYMISE, err)))
		st = err->status;
	if (st == MI_OK) {
		sqlite3_bind_int64(stmt, 1, v->id);
		sqlite3_bind_text(stmt, 2, kept, -1, SQLITE_TRANSIENT);
		st = mi_st_exec(store, stmt, err, N_("erasing the client"));
	}
	free(kept);
	if (st == MI_OK)
		st = exec_id(store, SQL_NOTES_ANONYMISE, v->id, err);
	if (st == MI_OK)
		st = exec_id(store, SQL_AFTERCARE_DELETE, v->id, err);
	return st;
}

/* True when the unlinked draft's typed name and birth date find this
 * client (the match an intake uses to attach to a client). */
static mi_status draft_is_client(mi_store *store, long long draft_id, long long client_id,
				 bool *is_client, mi_error *err)
{
	*is_client = false;
	mi_answers *a = mi_answers_new();
	sqlite3_stmt *stmt = a ? mi_st_stmt(store, SQL_DRAFT_IDENTITY, err) : NULL;
	if (!stmt) {
		mi_answers_free(a);
		return a ? err->status : mi_st_nomem(err);
	}
	sqlite3_bind_int64(stmt, 1, draft_id);
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(stmt, 0);
		const char *value = (const char *)sqlite3_column_text(stmt, 1);
		/* A saved value that no longer validates says nothing about who. */
		if (key && value)
			mi_answers_set_json(a, key, value, NULL);
	}
	sqlite3_reset(stmt);
	mi_status st = rc == SQLITE_DONE ? MI_OK : mi_st_error(store, rc, err, N_("reading a draft"));
	const char *name = mi_answers_get_text(a, "client.name");
	long long found = 0;
	if (st == MI_OK && name)
		st = mi_store_client_find(store, name, mi_answers_get_text(a, "client.birth_date"),
					  &found, err);
	*is_client = found == client_id;
	mi_answers_free(a);
	return st;
}

/* Everything of the erasure, inside the transaction. */
static mi_status erase(mi_store *store, long long client_id, const mi_date *keep_from,
		       mi_erase_report *report, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLIENT_BIRTH, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, client_id);
	int rc = sqlite3_step(stmt);
	char *birth = rc == SQLITE_ROW ? mi_st_column_dup(stmt, 0) : NULL;
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no client %lld."), client_id);
	if (rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("reading the client"));

	visit_rows own = {0}, unlinked = {0};
	mi_status st = read_rows(store, SQL_CLIENT_VISITS, client_id, &own, err);
	for (size_t i = 0; st == MI_OK && i < own.count; i++) {
		const visit_row *v = &own.items[i];
		if (v->complete && keep_from && mi_date_compare(v->date, *keep_from) >= 0) {
			st = anonymise_visit(store, v, birth, err);
			report->anonymised++;
		} else {
			st = exec_id(store, SQL_VISIT_DELETE, v->id, err);
			report->deleted++;
		}
	}
	if (st == MI_OK)
		st = read_rows(store, SQL_UNLINKED_DRAFTS, 0, &unlinked, err);
	for (size_t i = 0; st == MI_OK && i < unlinked.count; i++) {
		bool is_client = false;
		st = draft_is_client(store, unlinked.items[i].id, client_id, &is_client, err);
		if (st == MI_OK && is_client) {
			st = exec_id(store, SQL_VISIT_DELETE, unlinked.items[i].id, err);
			report->deleted++;
		}
	}
	if (st == MI_OK)
		st = exec_id(store, SQL_CLIENT_DELETE, client_id, err);
	/* That it happened, by whom, when and to which client number: never
	 * what was erased. */
	if (st == MI_OK)
		st = mi_st_audit(store, "erase", "clients", client_id, err);
	free(own.items);
	free(unlinked.items);
	free(birth);
	return st;
}

mi_status mi_store_erase_client(mi_store *store, long long client_id, const mi_date *keep_from,
				mi_erase_report *out, mi_error *err)
{
	/* Deleted content is overwritten, not just unlinked (Debian builds
	 * SQLite with this on already; the erasure does not rely on it). */
	int rc = sqlite3_exec(store->db, "PRAGMA secure_delete=ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, N_("preparing the erasure"));
	mi_erase_report report = {0};
	mi_status st = mi_st_begin(store, err);
	if (st != MI_OK)
		return st;
	st = erase(store, client_id, keep_from, &report, err);
	if (st != MI_OK) {
		mi_st_rollback(store);
		return st;
	}
	st = mi_st_commit(store, err);
	if (st == MI_OK)
		*out = report;
	return st;
}

/* Copies the write-ahead log into the file and empties it. */
static mi_status checkpoint(mi_store *store, mi_error *err)
{
	int log_frames = -1, done_frames = -1;
	int rc = sqlite3_wal_checkpoint_v2(store->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log_frames,
					   &done_frames);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return mi_error_set(err, MI_ETEMPFAIL,
				    "another program kept the database in use, so its write-ahead log "
				    "could not be emptied.");
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, N_("compacting the database"));
	return MI_OK;
}

mi_status mi_store_compact(mi_store *store, mi_error *err)
{
	mi_status st = checkpoint(store, err);
	if (st == MI_OK) {
		int rc = sqlite3_exec(store->db, "VACUUM", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			st = mi_st_error(store, rc, err, N_("compacting the database"));
	}
	if (st == MI_OK)
		st = checkpoint(store, err);
	return st;
}

void mi_erasure_list_clear(mi_erasure_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->items[i].at);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

mi_status mi_store_erasures(mi_store *store, mi_erasure_list *out, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_ERASURES, err);
	if (!stmt)
		return err->status;
	mi_erasure_list list = {0};
	int rc = SQLITE_DONE;
	mi_status st = MI_OK;
	while (st == MI_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_erasure *grown = realloc(list.items, (list.count + 1) * sizeof *grown);
		if (!grown) {
			st = mi_st_nomem(err);
			break;
		}
		list.items = grown;
		mi_erasure *e = &list.items[list.count++];
		e->at = mi_st_column_dup(stmt, 0);
		e->client_id = sqlite3_column_int64(stmt, 1);
		if (!e->at)
			st = mi_st_nomem(err);
	}
	if (st == MI_OK && rc != SQLITE_DONE)
		st = mi_st_error(store, rc, err, N_("reading the audit log"));
	sqlite3_reset(stmt);
	if (st != MI_OK) {
		mi_erasure_list_clear(&list);
		return st;
	}
	*out = list;
	return MI_OK;
}

bool mi_store_file_is_database(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	unsigned char header[100];
	ssize_t n = read(fd, header, sizeof header);
	close(fd);
	if (n != (ssize_t)sizeof header || memcmp(header, "SQLite format 3", 16) != 0)
		return false;
	/* The application id: big-endian at offset 68. */
	unsigned long id = (unsigned long)header[68] << 24 | (unsigned long)header[69] << 16 |
			   (unsigned long)header[70] << 8 | header[71];
	return id == MI_STORE_APPLICATION_ID;
}
