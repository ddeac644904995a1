/* store.h - the SQLite database: clients, visits, drafts, notes, audit log.
 *
 * One file holds everything. mi_store_open creates it (folder 0700, file,
 * -wal and -shm 0600), refuses a file it must not touch (a newer schema, a
 * damaged file, a file that is not a massage-intake database) and leaves
 * such a file byte for byte as it was. Every write is one BEGIN IMMEDIATE
 * transaction: it either happens completely or not at all, and a second
 * process waits up to 5 seconds for another's write to finish.
 *
 * Errors: MI_ETEMPFAIL when the database stayed busy beyond the wait;
 * MI_EIO for a full disk, a read-only or unopenable file, a damaged file or
 * one that is not a database; MI_ENOTFOUND for a client or visit that does
 * not exist; MI_EDATA for a value that is refused (nothing is stored then).
 * Every failure fills the mi_error (which must not be NULL) with one plain
 * sentence. Nothing here prints.
 *
 * A store handle is used by one thread at a time. Strings passed in are
 * copied; results the caller owns say "caller frees" and have a _clear or
 * _free function. The storage layout is described in docs/storage.md.
 */
#ifndef MI_STORE_H
#define MI_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/answers.h"
#include "mi/date.h"
#include "mi/error.h"
#include "mi/screen.h"
#include "mi/visit.h"

/* The schema version this program writes (PRAGMA user_version). */
#define MI_STORE_SCHEMA_VERSION 9
/* PRAGMA application_id of a massage-intake database: "MINT". */
#define MI_STORE_APPLICATION_ID 0x4D494E54

typedef struct mi_store mi_store;

/* Flags for mi_store_open. */
enum {
	MI_STORE_CREATE = 1 << 0, /* create the file (and its folders) when missing */
};

/* Opens (and with MI_STORE_CREATE creates) the database at path, brings its
 * schema up to date in one transaction and checks it (quick_check, for files
 * up to 16 MB; larger ones are checked page by page as read and whole by
 * mi_store_check). Without
 * MI_STORE_CREATE a missing file is MI_ENOINPUT. A symbolic link at path is
 * refused. On failure *out is untouched. */
mi_status mi_store_open(const char *path, unsigned flags, mi_store **out, mi_error *err);

/* Closes the database; NULL is fine. */
void mi_store_close(mi_store *store);

/* The path the store was opened with (owned by the store). */
const char *mi_store_path(const mi_store *store);

/* Who is recorded in the audit log and as the author of visits and notes
 * from now on (a therapist's name, "kiosk", "cli"). The default is "cli".
 * Copied. */
mi_status mi_store_set_actor(mi_store *store, const char *who, mi_error *err);

/* The same for a person who signed in with their account (app_accounts.h):
 * mi_store_actor_account gives the name back, for the role checks of
 * app_access.h. */
mi_status mi_store_set_actor_account(mi_store *store, const char *name, mi_error *err);

/* The name of the account acting, or NULL when a program acts ("cli",
 * "kiosk", "desk", ...: mi_store_set_actor). Owned by the store. */
const char *mi_store_actor_account(const mi_store *store);

/* Where a visit was entered. */
typedef enum mi_visit_source {
	MI_SOURCE_CLI = 0, /* intake --answers */
	MI_SOURCE_DESK,    /* the front-desk UI */
	MI_SOURCE_KIOSK,   /* the client self-fill kiosk: needs review */
} mi_visit_source;

/* "cli", "desk", "kiosk". */
const char *mi_visit_source_name(mi_visit_source source);

/* True for an outcome the front desk must review whoever entered the
 * intake (urgent, refer): such a visit waits in the review queue until it
 * is marked reviewed, as every kiosk intake does. */
bool mi_level_needs_review(mi_level outcome);

/* ---- clients ---- */

typedef struct mi_client {
	long long id;
	char *name;
	char *birth_date;   /* "YYYY-MM-DD" or NULL */
	char *phone;        /* or NULL */
	char *email;        /* or NULL */
	char *created;      /* "YYYY-MM-DDTHH:MM:SSZ" */
	char *last_visit;   /* date of the latest completed visit, or NULL */
	bool has_last_outcome;
	mi_level last_outcome; /* outcome of that visit */
	long long visit_count; /* completed visits */
} mi_client;

typedef struct mi_client_list {
	mi_client *items;
	size_t count;
} mi_client_list;

/* Frees what the client owns and zeroes it. */
void mi_client_clear(mi_client *client);

/* Frees the list's clients and zeroes it. */
void mi_client_list_clear(mi_client_list *list);

/* Clients whose name contains text, compared by their mi_fold keys
 * (ignoring case, accents, width and spacing; NULL or "" lists everyone),
 * ordered by name (key, birth date, id), at most limit of them (0: no
 * limit). Fills *out (caller clears). Fast at a million clients: see
 * src/store/store_search.c. */
mi_status mi_store_clients_search(mi_store *store, const char *text, size_t limit,
				  mi_client_list *out, mi_error *err);

/* One client; MI_ENOTFOUND when there is none with that id. Fills *out
 * (caller clears). */
mi_status mi_store_client_get(mi_store *store, long long client_id, mi_client *out,
			      mi_error *err);

/* The client with this name and birth date (names matched by mi_fold key,
 * ignoring case, accents, width and spacing; a NULL birth date matches only
 * a client without one), or *client_id = 0 when there is none. */
mi_status mi_store_client_find(mi_store *store, const char *name, const char *birth_date,
			       long long *client_id, mi_error *err);

/* ---- visits ---- */

/* One line of a client's history or of the review queue. */
typedef struct mi_visit_summary {
	long long id;
	long long client_id;   /* 0 for a draft whose client is not known yet */
	char *client_name;     /* or, for such a draft, the name typed so far, or NULL */
	mi_date date;
	bool complete;
	bool reviewed;
	mi_visit_source source;
	int pain;              /* 0-10, or -1 when not answered */
	bool has_outcome;      /* false for a draft */
	mi_level outcome;
	char *updated;         /* "YYYY-MM-DDTHH:MM:SSZ" */
} mi_visit_summary;

typedef struct mi_visit_list {
	mi_visit_summary *items;
	size_t count;
} mi_visit_list;

/* Frees the list's entries and zeroes it. */
void mi_visit_list_clear(mi_visit_list *list);

/* Every visit of a client, oldest first (by date, then id). MI_ENOTFOUND
 * when the client does not exist. Fills *out (caller clears). */
mi_status mi_store_client_history(mi_store *store, long long client_id, mi_visit_list *out,
				  mi_error *err);

/* Finds the client by the answers' client.name and client.birth_date (or
 * creates it) and stores a complete visit dated today with the answers,
 * the screening outcome and flags, the goals from answers.goals and
 * goals_other, and rules_version: all in one transaction, so a refused
 * intake stores nothing. Missing client.name is MI_EDATA naming it.
 * Fills *visit_id and, when not NULL, *client_id. */
mi_status mi_store_intake(mi_store *store, const mi_answers *answers,
			  const mi_screening *screening, const char *rules_version,
			  mi_visit_source source, mi_date today, long long *visit_id,
			  long long *client_id, mi_error *err);

/* Loads everything stored about one visit: client, answers (a draft's
 * answers saved so far), flags, goals, session and aftercare notes, and the
 * pain trend of the client's completed visits up to this one. MI_ENOTFOUND
 * when there is no such visit. *out is newly allocated: mi_visit_free. */
mi_status mi_store_visit_load(mi_store *store, long long visit_id, mi_visit **out,
			      mi_error *err);

/* The client's latest completed visit before this one (by date, then id),
 * or *prev_id = 0 when there is none. MI_ENOTFOUND for an unknown visit. */
mi_status mi_store_visit_previous(mi_store *store, long long visit_id, long long *prev_id,
				  mi_error *err);

/* Where a visit was entered and whether someone reviewed it. */
mi_status mi_store_visit_source(mi_store *store, long long visit_id, mi_visit_source *source,
				bool *reviewed, mi_error *err);

/* Marks a kiosk intake as reviewed by the current actor. */
mi_status mi_store_visit_mark_reviewed(mi_store *store, long long visit_id, mi_error *err);

/* Saves the goals (visit->goals, goals_other), the session notes
 * (visit->notes) and the aftercare notes of visit->id in one transaction,
 * replacing what was stored. Ids and the pressure are checked against
 * the vocabularies of the installed intake (vocab.h), the texts against text.h (newlines allowed): a
 * refused value is MI_EDATA and nothing changes. */
mi_status mi_store_visit_save_notes(mi_store *store, const mi_visit *visit, mi_error *err);

/* ---- drafts: an intake saved one answer at a time ---- */

/* Starts a draft visit dated today. client_id may be 0 when the client is
 * not known yet (the kiosk): it is found or created from the answers at
 * completion. Fills *visit_id. */
mi_status mi_store_draft_start(mi_store *store, long long client_id, mi_visit_source source,
			       mi_date today, long long *visit_id, mi_error *err);

/* Saves one answer ("fever", "client.name") of a draft in its own small
 * transaction: the value answers hold for key (already checked by the
 * answers module), or, when key is not answered there, the removal of the
 * saved answer. A key that is no question is MI_EDATA. A completed visit is
 * MI_EDATA; a draft claimed by another screen is MI_ETEMPFAIL
 * (mi_store_draft_claim); otherwise this handle claims it. */
mi_status mi_store_draft_save_answer(mi_store *store, long long visit_id,
				     const mi_answers *answers, const char *key, mi_error *err);

/* The answers saved so far in a draft. *out is new: mi_answers_free. */
mi_status mi_store_draft_load(mi_store *store, long long visit_id, mi_answers **out,
			      mi_error *err);

/* The client's most recent unfinished draft to resume, or *visit_id = 0. */
mi_status mi_store_draft_find_open(mi_store *store, long long client_id, long long *visit_id,
				   mi_error *err);

/* Drafts and kiosk intakes not reviewed yet, oldest first. Fills *out
 * (caller clears). */
mi_status mi_store_waiting_list(mi_store *store, mi_visit_list *out, mi_error *err);

/* Completes a draft in one transaction: stores answers (which replace the
 * draft's saved answers), the screening outcome and flags, goals from
 * answers.goals/goals_other and rules_version, finds or creates the client
 * when the draft has none, and marks it complete; its claim and resume
 * code go. A draft claimed by another screen is MI_ETEMPFAIL. A kiosk
 * visit stays waiting for review; an urgent or refer one from any source
 * waits too (mi_level_needs_review), as with mi_store_intake. */
mi_status mi_store_visit_complete(mi_store *store, long long visit_id, const mi_answers *answers,
				  const mi_screening *screening, const char *rules_version,
				  mi_error *err);

/* ---- who writes a draft: one screen at a time ---- */

/* Claims the draft for this store handle (one screen), so that no other
 * screen writes into it meanwhile. Another open handle of a program that
 * still runs keeps its claim: MI_ETEMPFAIL, "visit N is open on another
 * screen right now". The claim of a program that has ended (killed, say)
 * is taken over. Claiming again is fine. mi_store_draft_save_answer claims
 * the draft it writes the same way, and refuses one claimed elsewhere;
 * completing a visit and closing the handle give the claims up.
 * MI_ENOTFOUND for an unknown visit, MI_EDATA for a completed one. */
mi_status mi_store_draft_claim(mi_store *store, long long visit_id, mi_error *err);

/* Deletes a draft with the answers saved in it, logged as "discard" in the
 * same transaction. MI_ENOTFOUND for an unknown visit, MI_EDATA for a
 * completed one, MI_ETEMPFAIL while another screen holds its claim. */
mi_status mi_store_draft_discard(mi_store *store, long long visit_id, mi_error *err);

/* Gives up this handle's claim on the draft (nothing when it holds none). */
mi_status mi_store_draft_release(mi_store *store, long long visit_id, mi_error *err);

/* ---- the kiosk's resume codes (resume.h makes and checks them) ---- */

/* Stores the hash of a kiosk draft's resume code, replacing any earlier one
 * and its count of wrong tries. */
mi_status mi_store_resume_code_set(mi_store *store, long long visit_id, const char *code_hash,
				   mi_error *err);

typedef struct mi_resume_candidate {
	long long visit_id;
	char *code_hash;
} mi_resume_candidate;

typedef struct mi_resume_list {
	mi_resume_candidate *items;
	size_t count;
} mi_resume_list;

/* Frees the list's entries and zeroes it. */
void mi_resume_list_clear(mi_resume_list *list);

/* The drafts the kiosk may still resume, newest first: kiosk drafts not
 * completed, with a resume code, fewer than max_failures wrong tries, begun
 * at most max_age_hours ago. The front desk sees every draft regardless.
 * Fills *out (caller clears). */
mi_status mi_store_resumable_drafts(mi_store *store, long max_age_hours, unsigned max_failures,
				    mi_resume_list *out, mi_error *err);

/* Counts one wrong resume code against the draft (0: none matched) and
 * records "resume failed" in the audit log, in one transaction. */
mi_status mi_store_resume_failed(mi_store *store, long long visit_id, mi_error *err);

/* ---- wrong PINs, kept across restarts ---- */

typedef struct mi_pin_throttle {
	unsigned failures;    /* wrong PINs in a row, at any screen */
	long long wait_until; /* Unix time before which no PIN is taken; 0: none */
} mi_pin_throttle;

/* The count and the wait now stored. */
mi_status mi_store_pin_throttle(mi_store *store, mi_pin_throttle *out, mi_error *err);

/* One more wrong PIN at Unix time now: the count goes up and the wait is
 * now + mi_pin_lockout_seconds(count), in one transaction. Fills *out. */
mi_status mi_store_pin_failed(mi_store *store, long long now, mi_pin_throttle *out,
			      mi_error *err);

/* A right PIN: the count and the wait go back to zero. */
mi_status mi_store_pin_succeeded(mi_store *store, mi_error *err);

/* ---- settings: small key/value pairs for the UI ---- */

/* Known keys: "clinic_name", "idle_timeout_seconds", ... (settings.h). */

/* The value of key, or *value = NULL when unset. Caller frees *value. */
mi_status mi_store_setting_get(mi_store *store, const char *key, char **value, mi_error *err);

/* Sets key to value (NULL removes it). The audit log records the key, never
 * the value. */
mi_status mi_store_setting_set(mi_store *store, const char *key, const char *value,
			       mi_error *err);

/* ---- audit log ---- */

typedef struct mi_audit_entry {
	long long id;
	char *at;        /* "YYYY-MM-DDTHH:MM:SSZ" */
	char *who;
	char *action;    /* e.g. "create", "complete", "notes" */
	char *table;     /* e.g. "visits" */
	long long record_id;
} mi_audit_entry;

typedef struct mi_audit_list {
	mi_audit_entry *items;
	size_t count;
} mi_audit_list;

/* Frees the list's entries and zeroes it. */
void mi_audit_list_clear(mi_audit_list *list);

/* Appends one entry (by the current actor) in its own transaction. The
 * writes above log themselves; this is for actions such as printing or
 * exporting. action and table must not hold health details. */
mi_status mi_store_audit_append(mi_store *store, const char *action, const char *table,
				long long record_id, mi_error *err);

/* The latest entries, newest first, at most limit (0: all). Fills *out. */
mi_status mi_store_audit_list(mi_store *store, size_t limit, mi_audit_list *out, mi_error *err);

/* ---- safety copies and checks ---- */

/* Copies the live database with SQLite's backup API to a 0600 temporary
 * file beside dest_path, checks the copy (integrity_check) and renames it to
 * dest_path (replacing a regular file there). Refused (MI_ECANTCREAT,
 * nothing written): a dest_path that is anything but a regular file or a
 * new name (a folder, link, device or pipe), and the database itself or its
 * -wal or -shm, by whatever path or link. A copy that cannot be made is
 * MI_ECANTCREAT; nothing is left behind on failure, and temporary copies
 * left by a backup that was killed are removed by the next one. */
mi_status mi_store_backup(mi_store *store, const char *dest_path, mi_error *err);

/* Puts the backup file source in place of the database at db_path (which
 * need not exist yet). The backup is checked first (a massage-intake
 * database of this schema version or an older one, integrity_check,
 * foreign_key_check: MI_EDATA when it fails, MI_ENOINPUT when it is
 * missing) and copied beside the database, brought up to this version's
 * schema and its audit log given a "restore" entry by who. Then the
 * database is locked for this process alone; while another program has it
 * open that is MI_ETEMPFAIL and nothing changes. The database being
 * replaced is kept beside it, with its -wal when it had one, as
 * db_path.before-restore-YYYYMMDD-HHMMSS: *kept (caller frees) gets that
 * name, or the name given to a leftover -wal when there was no database,
 * or NULL when nothing was kept. A file that is not a massage-intake
 * database, or one of a newer version, is not replaced (MI_EIO). */
mi_status mi_store_restore(const char *db_path, const char *source, const char *who, char **kept,
			   mi_error *err);

/* Runs integrity_check and foreign_key_check. *report (caller frees) gets
 * one line per problem, or "integrity: ok\nforeign keys: ok\n". Problems
 * found are MI_EIO with a sentence; the report is filled either way. */
mi_status mi_store_check(mi_store *store, char **report, mi_error *err);

#endif
