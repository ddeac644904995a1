/* store_internal.h - what the src/store files share; not for other modules.
 *
 * Statements are prepared once per handle and kept: mi_st_stmt looks a
 * statement up by the address of its SQL text (each file keeps its SQL in
 * static arrays), so the same text is never compiled twice.
 */
#ifndef MI_STORE_INTERNAL_H
#define MI_STORE_INTERNAL_H

#include <sqlite3.h>

#include "mi/store.h"

enum { MI_ST_CACHE_MAX = 96 };

struct mi_store {
	sqlite3 *db;
	char *path;
	char *actor;
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[MI_ST_CACHE_MAX];
	size_t cache_count;
	unsigned savepoints; /* mi_st_begin calls nested in a caller's transaction */
};

/* Turns an SQLite result code into an mi_status and a plain sentence
 * ("the disk is full ..."); doing says what was being done, e.g.
 * "saving the answer". Returns the status. */
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

/* Fills visit->notes and visit->aftercare_notes of visit->id. */
mi_status mi_st_notes_read(mi_store *store, mi_visit *visit, mi_error *err);

/* Registers the SQL functions mi_fold(text) and mi_fold_version() on the
 * handle (for the migrations and mi_st_refold_keys only). */
mi_status mi_st_name_functions(mi_store *store, mi_error *err);

/* The schema version that keeps the fold's version (table name_fold). */
enum { MI_ST_NAME_FOLD_SCHEMA = 3 };

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
