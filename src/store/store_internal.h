/* store_internal.h - what the src/store files share; not for other modules.
 *
 * Statements are prepared once per handle and kept: mi_st_stmt looks a
 * statement up by the address of its SQL text (each file keeps its SQL in
 * static arrays), so the same text is never compiled twice.
 */
#ifndef MI_STORE_INTERNAL_H
#define MI_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "mi/i18n.h"
#include "mi/store.h"

enum { MI_ST_CACHE_MAX = 96 };

struct mi_store {
	sqlite3 *db;
	char *path;
	char *actor;
	bool actor_is_account; /* actor names a person's account, not a program */
	bool read_only; /* opened read-only: read-only media, or no write permission */
	char session[33];   /* random hex naming this handle's draft claims */
	long long pid;      /* the process that opened it */
	bool claimed;       /* it has claimed a draft since it opened */
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[MI_ST_CACHE_MAX];
	size_t cache_count;
	unsigned savepoints; /* mi_st_begin calls nested in a caller's transaction */
};

/* Turns an SQLite result code into an mi_status and a plain sentence
 * ("the disk is full ...") in the desk's language; doing says what was
 * being done, e.g. N_("saving the answer"), translated where the sentence
 * names it. Returns the status. */
mi_status mi_st_error(const mi_store *store, int rc, mi_error *err, const char *doing);

/* The prepared statement for sql (a static string), reset and with its
 * bindings cleared; NULL with err set when it cannot be prepared. */
sqlite3_stmt *mi_st_stmt(mi_store *store, const char *sql, mi_error *err);

/* Steps a statement expected to finish without rows; resets it. */
mi_status mi_st_exec(mi_store *store, sqlite3_stmt *stmt, mi_error *err, const char *doing);

/* BEGIN IMMEDIATE (waits for the busy timeout), COMMIT, ROLLBACK; inside
 * a write transaction already open on the handle, SAVEPOINT, RELEASE and
 * ROLLBACK TO instead. */
mi_status mi_st_begin(mi_store *store, mi_error *err);
mi_status mi_st_commit(mi_store *store, mi_error *err);
void mi_st_rollback(mi_store *store);

/* Binds text, or NULL when s is NULL. */
int mi_st_bind_text(sqlite3_stmt *stmt, int index, const char *s);

/* A malloc'd copy of a text column, or NULL for SQL NULL (also on OOM:
 * check with mi_st_column_ok when it matters). */
char *mi_st_column_dup(sqlite3_stmt *stmt, int column);

/* Room for one more item at the end of an array of count items of size
 * bytes with room for *cap: when it is full, *cap doubles (from 8) and the
 * array is moved. Returns the array, or NULL when out of memory (the array
 * as it was is then still valid, and still the caller's to free). */
void *mi_st_grow(void *items, size_t count, size_t *cap, size_t size);

/* Appends an audit entry inside the current transaction. */
mi_status mi_st_audit(mi_store *store, const char *action, const char *table, long long record_id,
		      mi_error *err);

/* The columns mi_st_read_clients reads, ending with "FROM clients c ":
 * the client, the date and outcome of its last completed visit, and how
 * many completed visits it has. */
#define MI_ST_CLIENT_COLUMNS \
	"SELECT c.id, c.name, c.birth_date, c.phone, c.email, c.created," \
	" (SELECT v.date FROM visits v WHERE v.client_id = c.id AND v.state = 'complete'" \
	"  ORDER BY v.date DESC, v.id DESC LIMIT 1)," \
	" (SELECT v.outcome FROM visits v WHERE v.client_id = c.id AND v.state = 'complete'" \
	"  ORDER BY v.date DESC, v.id DESC LIMIT 1)," \
	" (SELECT count(*) FROM visits v WHERE v.client_id = c.id AND +v.state = 'complete')" \
	" FROM clients c "

/* Steps stmt (a query of MI_ST_CLIENT_COLUMNS) to its end and fills *out
 * with its rows (caller clears); resets stmt. */
mi_status mi_st_read_clients(mi_store *store, sqlite3_stmt *stmt, mi_client_list *out,
			     mi_error *err);

/* Inside a transaction: the client named in answers (client.name and
 * client.birth_date), created when missing. MI_EDATA when there is no name. */
mi_status mi_st_client_for_answers(mi_store *store, const mi_answers *answers,
				   long long *client_id, mi_error *err);

/* Reads a one-column text query bound with ?1 = visit_id into a new
 * array of strings (*count of them). */
mi_status mi_st_read_list(mi_store *store, const char *sql, long long visit_id, char ***items,
			  size_t *count, mi_error *err);

/* Inside a transaction, before the notes of a signed visit change: keeps
 * an amendment (who, when, before, after) for each note that visit
 * changes (store_signing.c). Nothing for a visit not signed. */
mi_status mi_st_amend_signed(mi_store *store, const mi_visit *visit, mi_error *err);

/* Whether the visit exists (else MI_ENOTFOUND) and is complete; its
 * client (0 for none yet). store_visits.c. */
mi_status mi_st_visit_state(mi_store *store, long long visit_id, long long *client_id,
			    bool *complete, mi_error *err);

/* MI_OK for a complete visit; MI_ENOTFOUND, or MI_EDATA for a draft
 * ("an unfinished intake"), otherwise. */
mi_status mi_st_require_complete(mi_store *store, long long visit_id, mi_error *err);

/* Inside a transaction: when answers give consent, records which consent
 * text it was (consent.h) on the visit (store_consent.c). */
mi_status mi_st_record_consent(mi_store *store, long long visit_id, const mi_answers *answers,
			       mi_error *err);

/* Fills visit->notes and visit->aftercare_notes of visit->id. */
mi_status mi_st_notes_read(mi_store *store, mi_visit *visit, mi_error *err);

/* Creates the folders above path that are missing, each 0700. */
mi_status mi_st_make_parents(const char *path, mi_error *err);

/* Refuses a path with a symbolic link in it, the file or any folder above
 * it (SQLite refuses those too, but with a misleading sentence, and only
 * after creating an empty file), saying where the link really leads. Stops
 * at the first part of the path that does not exist yet. */
mi_status mi_st_refuse_links(const char *path, mi_error *err);

/* Opens path read-only in a way that also works on read-only media (see
 * docs/storage.md). An sqlite3_open_v2 result; *db is to be closed either way. */
int mi_st_open_read_only(const char *path, sqlite3 **db);

/* ---- files beside the database (store_files.c) ---- */

/* path followed by suffix ("-wal"), newly allocated; NULL when out of memory. */
char *mi_st_sibling(const char *path, const char *suffix);

/* The folder part of path ("." when there is none). Caller frees. */
char *mi_st_folder_of(const char *path);

/* fsync of a file or a folder by path; false on failure. */
bool mi_st_sync_path(const char *path, bool folder);

/* Removes path and the -journal, -wal and -shm files SQLite may have left
 * beside it. */
void mi_st_remove_with_journals(const char *path);

/* True when candidate is the database at db_path or its -wal, -shm or
 * -journal file: the same file (also through a hard link or another path)
 * or, when it does not exist yet, the same name once folders are resolved. */
bool mi_st_is_database_file(const char *db_path, const char *candidate);

/* Creates an empty 0600 temporary file FOLDER/.massage-intake-KIND.XXXXXX
 * (kind "backup", "restore") and locks it for as long as the returned
 * descriptor stays open: close it only once the file is renamed or
 * removed. *path (caller frees) is its name. -1 with errno on failure. */
int mi_st_temp_create(const char *folder, const char *kind, char **path);

/* Removes the temporary files of that kind in folder that no living
 * process holds (left by a process that was killed), with their journals. */
void mi_st_temp_clean(const char *folder, const char *kind);

/* Copies the database of the connection source with the backup API into
 * the empty file tmp, makes the copy a single self-contained file and
 * checks it (integrity_check). what ("the backup FILE") names the copy in
 * messages; store (may be NULL) names the source in a busy sentence. */
mi_status mi_st_copy_into(sqlite3 *source, const mi_store *store, const char *tmp,
			  const char *what, mi_error *err);
/* Inside a transaction: refuses (MI_ETEMPFAIL) when another open handle of
 * a running process holds the claim on the draft; otherwise takes it for
 * this handle (keep: true) or drops every claim on it (keep: false, when
 * the draft is completed). */
mi_status mi_st_claim_for_write(mi_store *store, long long visit_id, bool keep, mi_error *err);

/* Drops the claims this handle holds (when it closes); best effort. */
void mi_st_release_claims(mi_store *store);

/* Registers the SQL functions mi_fold(text) and mi_fold_version() on the
 * handle (for the migrations and mi_st_refold_keys only). */
mi_status mi_st_name_functions(mi_store *store, mi_error *err);

/* The schema version that keeps the fold's version (table name_fold). */
enum { MI_ST_NAME_FOLD_SCHEMA = 4 };

/* From schema version MI_ST_NAME_FOLD_SCHEMA: whether the name keys were
 * made with another fold than this program's. */
mi_status mi_st_keys_stale(mi_store *store, bool *stale, mi_error *err);

/* Inside a write transaction, from MI_ST_NAME_FOLD_SCHEMA: makes every name
 * key again when they are stale (the trigram index follows), and audits
 * it. */
mi_status mi_st_refold_keys(mi_store *store, mi_error *err);

/* Out of memory as an error. */
mi_status mi_st_nomem(mi_error *err);

#endif
