/* store_erase.h - erasing a client for good, and what is left to remove
 * outside the database file.
 *
 * Part of the storage layer (store.h): the same handle, errors and rules.
 * An erasure is one transaction with SQLite's secure_delete on (deleted
 * content is overwritten with zeros); mi_store_compact then checkpoints and
 * truncates the write-ahead log, rebuilds the file (VACUUM) and truncates
 * the log again, so that no byte of what was erased stays in the database
 * file, its -wal or its -shm. The audit log records that an erasure
 * happened (who, when, the client's number), never what was erased.
 */
#ifndef MI_STORE_ERASE_H
#define MI_STORE_ERASE_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/date.h"
#include "mi/error.h"
#include "mi/store.h"

/* What an erasure did. */
typedef struct mi_erase_report {
	size_t deleted;    /* visits deleted, drafts included */
	size_t anonymised; /* visits kept without anything that identifies the client */
} mi_erase_report;

/* Erases a client in one transaction. A completed visit dated on or after
 * *keep_from (the start of the retention period; NULL: none) is kept
 * anonymously: unlinked from the client, the client's details, the typed
 * signature and every free text removed (answers, other goals, the
 * therapist's notes and response, other areas, aftercare notes), the age
 * at the visit kept; coded answers, outcome, flags, goals and techniques
 * stay for the clinic's counts. Every other visit of the client is
 * deleted with everything attached, and so is any kiosk draft not yet
 * matched to a client whose typed name and birth date match this one.
 * The client row goes last. MI_ENOTFOUND for an unknown client; nothing
 * changes on failure. */
mi_status mi_store_erase_client(mi_store *store, long long client_id, const mi_date *keep_from,
				mi_erase_report *out, mi_error *err);

/* Leaves nothing deleted in the files: WAL checkpoint (TRUNCATE), VACUUM,
 * checkpoint (TRUNCATE) again. MI_ETEMPFAIL when another program kept the
 * database in use so that the log could not be emptied (then run it again
 * once that program is closed). */
mi_status mi_store_compact(mi_store *store, mi_error *err);

/* One erasure from the audit log. */
typedef struct mi_erasure {
	char *at; /* "YYYY-MM-DDTHH:MM:SSZ" */
	long long client_id;
} mi_erasure;

typedef struct mi_erasure_list {
	mi_erasure *items;
	size_t count;
} mi_erasure_list;

/* Frees the list's entries and zeroes it. */
void mi_erasure_list_clear(mi_erasure_list *list);

/* Every erasure recorded in the audit log, oldest first. Fills *out. */
mi_status mi_store_erasures(mi_store *store, mi_erasure_list *out, mi_error *err);

/* True when the file at path is a massage-intake database (a backup, say):
 * an SQLite header with the "MINT" application id. Reads 100 bytes; never
 * follows a symbolic link. */
bool mi_store_file_is_database(const char *path);

#endif
