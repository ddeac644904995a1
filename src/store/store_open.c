/* store_open.c - opening, checking and migrating the database file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mi/strbuf.h"
#include "mi/text.h"
#include "store_internal.h"

/* Schema migrations: MIGRATIONS[i] takes user_version i to i + 1. They are
 * append-only: a released step is never edited. docs/storage.md explains
 * each one. */
static const char *const MIGRATIONS[MI_STORE_SCHEMA_VERSION] = {
	/* 0 -> 1: the first schema. */
	"CREATE TABLE clients ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" name_key TEXT NOT NULL,"
	" birth_date TEXT,"
	" phone TEXT,"
	" email TEXT,"
	" created TEXT NOT NULL);"
	"CREATE INDEX clients_by_name_key ON clients(name_key, birth_date);"
	"CREATE TABLE therapists ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" pin_hash TEXT,"
	" created TEXT NOT NULL);"
	"CREATE TABLE visits ("
	" id INTEGER PRIMARY KEY,"
	" client_id INTEGER REFERENCES clients(id),"
	" date TEXT NOT NULL,"
	" state TEXT NOT NULL CHECK (state IN ('draft', 'complete')),"
	" answers TEXT,"
	" outcome TEXT CHECK (outcome IN ('proceed', 'modify', 'refer', 'urgent')),"
	" rules_version TEXT,"
	" goals_other TEXT,"
	" created TEXT NOT NULL,"
	" updated TEXT NOT NULL,"
	" who TEXT NOT NULL);"
	"CREATE INDEX visits_by_client_date ON visits(client_id, date, id);"
	"CREATE TABLE visit_flags ("
	" visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" rule_id TEXT NOT NULL,"
	" level TEXT NOT NULL CHECK (level IN ('proceed', 'modify', 'refer', 'urgent')),"
	" PRIMARY KEY (visit_id, position));"
	"CREATE TABLE visit_goals ("
	" visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" goal TEXT NOT NULL,"
	" PRIMARY KEY (visit_id, position));"
	"CREATE TABLE session_notes ("
	" visit_id INTEGER PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,"
	" areas_other TEXT,"
	" pressure TEXT CHECK (pressure IN ('light', 'medium', 'firm')),"
	" response TEXT,"
	" therapist_notes TEXT,"
	" updated TEXT NOT NULL,"
	" who TEXT NOT NULL);"
	"CREATE TABLE session_areas ("
	" visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" area TEXT NOT NULL,"
	" PRIMARY KEY (visit_id, position));"
	"CREATE TABLE session_techniques ("
	" visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" technique TEXT NOT NULL,"
	" PRIMARY KEY (visit_id, position));"
	"CREATE TABLE aftercare_notes ("
	" visit_id INTEGER PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,"
	" text TEXT NOT NULL,"
	" updated TEXT NOT NULL,"
	" who TEXT NOT NULL);"
	"CREATE TABLE draft_answers ("
	" visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" saved_at TEXT NOT NULL,"
	" PRIMARY KEY (visit_id, key)) WITHOUT ROWID;"
	"CREATE TABLE audit_log ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" who TEXT NOT NULL,"
	" action TEXT NOT NULL,"
	" table_name TEXT NOT NULL,"
	" record_id INTEGER);",

	/* 1 -> 2: where a visit came from and whether it was reviewed (the
	 * kiosk), the pain rating as a column for history and trends, and
	 * settings. */
	"ALTER TABLE visits ADD COLUMN source TEXT NOT NULL DEFAULT 'cli'"
	" CHECK (source IN ('cli', 'desk', 'kiosk'));"
	"ALTER TABLE visits ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 1"
	" CHECK (reviewed IN (0, 1));"
	"ALTER TABLE visits ADD COLUMN pain INTEGER CHECK (pain BETWEEN 0 AND 10);"
	"UPDATE visits SET pain = json_extract(answers, '$.pain_intensity')"
	" WHERE answers IS NOT NULL AND json_valid(answers)"
	" AND json_type(answers, '$.pain_intensity') = 'integer'"
	" AND json_extract(answers, '$.pain_intensity') BETWEEN 0 AND 10;"
	"CREATE INDEX visits_waiting ON visits(state, reviewed);"
	"CREATE TABLE settings ("
	" key TEXT PRIMARY KEY,"
	" value TEXT NOT NULL,"
	" updated TEXT NOT NULL) WITHOUT ROWID;",

	/* 2 -> 3: which screen writes a draft (one at a time), the kiosk's
	 * resume codes, and the wrong-PIN count kept across restarts. */
	"CREATE TABLE draft_claims ("
	" visit_id INTEGER PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,"
	" session TEXT NOT NULL,"
	" pid INTEGER NOT NULL,"
	" since TEXT NOT NULL);"
	"CREATE TABLE resume_codes ("
	" visit_id INTEGER PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,"
	" code_hash TEXT NOT NULL,"
	" failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0));"
	"CREATE TABLE pin_attempts ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" failures INTEGER NOT NULL CHECK (failures >= 0),"
	" wait_until INTEGER NOT NULL);",

	/* 3 -> 4: client search at a million clients. Name keys made again
	 * with the Unicode fold (mi_fold; versions 2 and 3 lower-cased ASCII only)
	 * and the fold's version kept beside them; a trigram index of the
	 * keys kept by triggers (each key indexed with two characters 0x03
	 * after it, so that every character of it starts a trigram), and
	 * the list of its trigrams. */
	"UPDATE clients SET name_key = mi_fold(name) WHERE name_key IS NOT mi_fold(name);"
	"CREATE TABLE name_fold (version TEXT NOT NULL);"
	"INSERT INTO name_fold (version) VALUES (mi_fold_version());"
	"CREATE VIRTUAL TABLE clients_fts USING fts5(name_key, content='',"
	" tokenize='trigram case_sensitive 1');"
	"CREATE VIRTUAL TABLE clients_fts_terms USING fts5vocab(clients_fts, 'row');"
	"CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN"
	" INSERT INTO clients_fts (rowid, name_key) VALUES (new.id, new.name_key || char(3, 3));"
	" END;"
	"CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN"
	" INSERT INTO clients_fts (clients_fts, rowid, name_key)"
	" VALUES ('delete', old.id, old.name_key || char(3, 3));"
	" END;"
	"CREATE TRIGGER clients_fts_update AFTER UPDATE OF id, name_key ON clients BEGIN"
	" INSERT INTO clients_fts (clients_fts, rowid, name_key)"
	" VALUES ('delete', old.id, old.name_key || char(3, 3));"
	" INSERT INTO clients_fts (rowid, name_key) VALUES (new.id, new.name_key || char(3, 3));"
	" END;"
	"INSERT INTO clients_fts (rowid, name_key) SELECT id, name_key || char(3, 3) FROM clients;"
	"INSERT INTO clients_fts (clients_fts) VALUES ('optimize');",

	/* 4 -> 5: the fingerprint of the intake questions (intake.conf) a
	 * visit was asked with, beside its rules version; unknown (NULL) for
	 * the visits before. */
	"ALTER TABLE visits ADD COLUMN intake_version TEXT;",

	/* 5 -> 6: accounts. The unused therapists table becomes the clinic's
	 * accounts (a role, the owner, active or disabled); the one clinic PIN
	 * of before becomes the owner's account, named "owner". */
	"ALTER TABLE therapists ADD COLUMN role TEXT NOT NULL DEFAULT 'therapist'"
	" CHECK (role IN ('therapist', 'front-desk'));"
	"ALTER TABLE therapists ADD COLUMN owner INTEGER NOT NULL DEFAULT 0 CHECK (owner IN (0, 1));"
	"ALTER TABLE therapists ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));"
	"CREATE UNIQUE INDEX therapists_one_owner ON therapists(owner) WHERE owner = 1;"
	"INSERT INTO therapists (name, pin_hash, created, role, owner)"
	" SELECT 'owner', value, updated, 'therapist', 1 FROM settings"
	" WHERE key = 'kiosk_pin_hash' AND NOT EXISTS (SELECT 1 FROM therapists);"
	"DELETE FROM settings WHERE key = 'kiosk_pin_hash';"
	/* Signed session notes: who signed a visit's notes when it was
	 * closed, and every later change with the text before it. */
	"CREATE TABLE note_signatures ("
	" visit_id INTEGER PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,"
	" who TEXT NOT NULL,"
	" at TEXT NOT NULL);"
	"CREATE TABLE note_amendments ("
	" id INTEGER PRIMARY KEY,"
	" visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL,"
	" who TEXT NOT NULL,"
	" field TEXT NOT NULL,"
	" before TEXT,"
	" after TEXT);"
	"CREATE INDEX note_amendments_by_visit ON note_amendments(visit_id, id);"
	/* The follow-up plan a therapist sets on a visit (followup.h). */
	"ALTER TABLE visits ADD COLUMN plan TEXT;"
	"CREATE INDEX visits_with_plan ON visits(client_id) WHERE plan IS NOT NULL;"
	/* Which consent text was agreed (consent.h); NULL before. */
	"ALTER TABLE visits ADD COLUMN consent_version TEXT;"
	"ALTER TABLE visits ADD COLUMN consent_hash TEXT;",
	/* 6 -> 7: the language the client answered in (store_language.h),
	 * so the aftercare sheet is reprinted in it; NULL before. */
	"ALTER TABLE visits ADD COLUMN language TEXT;",

	/* 7 -> 8: the pressure used is a value of pressure_preference in
	 * intake.conf, checked when notes are saved (store_notes.c); the
	 * schema no longer keeps its own copy of the words. SQLite cannot
	 * drop a CHECK, so session_notes is made again with every row (no
	 * table references it, and it has no index or trigger of its own). */
	"CREATE TABLE session_notes_8 ("
	" visit_id INTEGER PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,"
	" areas_other TEXT,"
	" pressure TEXT,"
	" response TEXT,"
	" therapist_notes TEXT,"
	" updated TEXT NOT NULL,"
	" who TEXT NOT NULL);"
	"INSERT INTO session_notes_8 (visit_id, areas_other, pressure, response, therapist_notes,"
	" updated, who)"
	" SELECT visit_id, areas_other, pressure, response, therapist_notes, updated, who"
	" FROM session_notes;"
	"DROP TABLE session_notes;"
	"ALTER TABLE session_notes_8 RENAME TO session_notes;",

	/* 8 -> 9: account names are compared folded (fold.h), as client
	 * names are: "Ana" and "ana" are one account. Of accounts whose names
	 * fold alike the oldest keeps the key; a later one gets its id after
	 * it and can be reached only by the owner's list (docs/storage.md). */
	"ALTER TABLE therapists ADD COLUMN name_key TEXT;"
	"UPDATE therapists SET name_key = mi_fold(name);"
	"UPDATE therapists SET name_key = name_key || ' #' || id WHERE id NOT IN"
	" (SELECT min(id) FROM therapists GROUP BY name_key);"
	"CREATE UNIQUE INDEX therapists_by_name_key ON therapists(name_key);",
};

static const char SQLITE_MAGIC[16] = "SQLite format 3";

mi_status mi_st_make_parents(const char *path, mi_error *err)
{
	char *copy = strdup(path);
	if (!copy)
		return mi_st_nomem(err);
	mi_status status = MI_OK;
	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
			status = mi_error_set(err, MI_EIO, "cannot create the folder %s for the database: %s.",
					      copy, errno == EROFS ? "the disk is read-only" : strerror(errno));
			break;
		}
		*p = '/';
	}
	free(copy);
	return status;
}

mi_status mi_st_refuse_links(const char *path, mi_error *err)
{
	char *copy = strdup(path);
	if (!copy)
		return mi_st_nomem(err);
	size_t len = strlen(copy);
	mi_status status = MI_OK;
	for (size_t i = 1; i <= len && status == MI_OK; i++) {
		if (copy[i] != '/' && copy[i] != '\0')
			continue;
		char saved = copy[i];
		copy[i] = '\0';
		struct stat st;
		bool exists = lstat(copy, &st) == 0;
		if (exists && S_ISLNK(st.st_mode)) {
			char *real = realpath(copy, NULL);
			if (saved == '\0')
				status = mi_error_set(err, MI_EIO,
						      "the database %s is a symbolic link; give the real path "
						      "instead%s%s.",
						      path, real ? ": " : "", real ? real : "");
			else
				status = mi_error_set(err, MI_EIO,
						      "the database path %s goes through the symbolic link %s; "
						      "give the real path instead%s%s%s.",
						      path, copy, real ? ": " : "", real ? real : "",
						      real ? path + i : "");
			free(real);
		}
		copy[i] = saved;
		if (!exists)
			break;
	}
	free(copy);
	return status;
}

/* Looks at the file before SQLite does: refuses a link (also in a folder
 * of the path), a non-file and a file whose first bytes are not an SQLite
 * header. *exists tells whether there is a file with content. */
static mi_status inspect_file(const char *path, unsigned flags, bool *exists, mi_error *err)
{
	struct stat st;
	*exists = false;
	mi_status status = mi_st_refuse_links(path, err);
	if (status != MI_OK)
		return status;
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT)
			return mi_error_set(err, MI_EIO, "cannot look at the database %s: %s.", path,
					    strerror(errno));
		if (!(flags & MI_STORE_CREATE))
			return mi_error_set(err, MI_ENOINPUT, _("there is no database at %s yet."), path);
		return mi_st_make_parents(path, err);
	}
	if (!S_ISREG(st.st_mode))
		return mi_error_set(err, MI_EIO, _("the database %s is not a regular file."), path);
	if (st.st_size == 0)
		return MI_OK;
	*exists = true;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == EACCES || errno == EPERM)
			return mi_error_set(err, MI_EIO, _("no permission to read the database %s."), path);
		return mi_error_set(err, MI_EIO, _("cannot open the database %s: %s."), path,
				    strerror(errno));
	}
	char header[100];
	ssize_t n = read(fd, header, sizeof header);
	close(fd);
	if (n != (ssize_t)sizeof header || memcmp(header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
		return mi_error_set(err, MI_EIO,
				    _("%s is not a massage-intake database; it was left as it is."), path);
	return MI_OK;
}

/* Runs a query returning one integer (a PRAGMA). */
static mi_status query_int(mi_store *store, const char *sql, long long *value, mi_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			*value = sqlite3_column_int64(stmt, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, N_("reading the database"));
	return MI_OK;
}

/* Runs one statement without results outside the statement cache (the
 * transactions of opening, before the handle is ready). */
static mi_status run_plain(mi_store *store, const char *sql, mi_error *err, const char *doing)
{
	int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? MI_OK : mi_st_error(store, rc, err, doing);
}

/* Files up to this many pages (16 MB at 4 KB) get a full quick_check at
 * open, which takes at most about 30 ms here. */
enum { OPEN_CHECK_MAX_PAGES = 4096 };

/* Runs quick_check; a damaged file is refused. */
static mi_status quick_check(mi_store *store, mi_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
	bool ok = false;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			const unsigned char *text = sqlite3_column_text(stmt, 0);
			ok = text && strcmp((const char *)text, "ok") == 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, N_("checking the database"));
	if (!ok)
		return mi_st_error(store, SQLITE_CORRUPT, err, N_("checking the database"));
	return MI_OK;
}

/* Reads the schema version, the application id and whether the file holds
 * any table, inside the caller's transaction so the three agree: another
 * process may be creating the file at this very moment. Refuses a file of
 * another program or of a newer version. *version is 0 for a new file. */
static mi_status read_header(mi_store *store, long long *version, bool *fresh, mi_error *err)
{
	long long app_id = 0, tables = 0;
	mi_status status = query_int(store, "PRAGMA user_version", version, err);
	if (status == MI_OK)
		status = query_int(store, "PRAGMA application_id", &app_id, err);
	if (status == MI_OK)
		status = query_int(store, "SELECT count(*) FROM sqlite_schema", &tables, err);
	if (status != MI_OK)
		return status;
	*fresh = *version == 0 && app_id == 0 && tables == 0;
	if (!*fresh && app_id != MI_STORE_APPLICATION_ID)
		return mi_error_set(err, MI_EIO,
				    _("%s is an SQLite file of another program, not a massage-intake "
				      "database; it was left as it is."),
				    store->path);
	if (*version > MI_STORE_SCHEMA_VERSION)
		return mi_error_set(err, MI_EIO,
				    _("the database %s was written by a newer massage-intake (schema %lld; "
				      "this one knows up to %d); it was left as it is. Use the newer program."),
				    store->path, *version, MI_STORE_SCHEMA_VERSION);
	return MI_OK;
}

/* Decides whether this file may be used, before anything is written to it,
 * from one read transaction. Fills *version with its schema version (0 for
 * a new, empty database). */
static mi_status check_before_writing(mi_store *store, long long *version, mi_error *err)
{
	mi_status status = run_plain(store, "BEGIN", err, N_("reading the database"));
	if (status != MI_OK)
		return status;
	bool fresh = false;
	status = read_header(store, version, &fresh, err);
	/* quick_check reads every page: about 2 ms per MB here, 0.35 s at
	 * 100,000 clients, seconds beyond, on every command and before the
	 * front desk's first frame. A larger file is checked page by page as it
	 * is read (SQLite refuses a damaged page it meets: SQLITE_CORRUPT, the
	 * same "damaged" sentence) and whole by `check` and `backup`. */
	long long pages = 0;
	if (status == MI_OK && !fresh)
		status = query_int(store, "PRAGMA page_count", &pages, err);
	if (status == MI_OK && !fresh && pages <= OPEN_CHECK_MAX_PAGES)
		status = quick_check(store, err);
	sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
	return status;
}

/* Sets the per-connection settings; WAL persists in the file (a read-only
 * handle keeps the file's mode: it cannot change it). */
static mi_status configure(mi_store *store, mi_error *err)
{
	bool wal = store->read_only;
	sqlite3_stmt *stmt = NULL;
	int rc = store->read_only ? SQLITE_OK
				  : sqlite3_prepare_v2(store->db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL);
	/* Switching a new file to WAL reads it, then writes: when two
	 * processes do it at once, SQLite refuses one at once with BUSY
	 * instead of waiting (it would deadlock). The first one wins; the
	 * other tries again and finds the file in WAL already. */
	for (int tries = 0; rc == SQLITE_OK && stmt; tries++) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			const unsigned char *mode = sqlite3_column_text(stmt, 0);
			wal = mode && strcmp((const char *)mode, "wal") == 0;
			rc = SQLITE_OK;
			break;
		}
		if ((rc & 0xff) != SQLITE_BUSY || tries >= 500)
			break;
		sqlite3_reset(stmt);
		rc = SQLITE_OK;
		struct timespec pause = {0, 10 * 1000 * 1000};
		nanosleep(&pause, NULL);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, N_("opening the database"));
	if (!wal)
		return mi_error_set(err, MI_EIO,
				    "the database %s cannot use write-ahead logging (is it on a network "
				    "folder?).",
				    store->path);
	mi_status status = run_plain(store, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", err,
				     N_("opening the database"));
	long long fk = 0;
	if (status == MI_OK)
		status = query_int(store, "PRAGMA foreign_keys", &fk, err);
	if (status != MI_OK)
		return status;
	if (fk != 1)
		return mi_error_set(err, MI_EINTERNAL, "this SQLite cannot enforce foreign keys.");
	return MI_OK;
}

/* Brings the schema from its version to MI_STORE_SCHEMA_VERSION, and the
 * name keys to this program's fold, in one BEGIN IMMEDIATE transaction
 * that first reads the header again: another process may have created or
 * migrated the file since it was checked. */
static mi_status migrate(mi_store *store, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	long long version = 0;
	bool fresh = false;
	status = read_header(store, &version, &fresh, err);
	for (long long v = version; status == MI_OK && v < MI_STORE_SCHEMA_VERSION; v++) {
		int rc = sqlite3_exec(store->db, MIGRATIONS[v], NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			char doing[64];
			snprintf(doing, sizeof doing, "updating the schema to version %lld", v + 1);
			status = mi_st_error(store, rc, err, doing);
		}
	}
	if (status == MI_OK)
		status = mi_st_refold_keys(store, err);
	if (status == MI_OK && version < MI_STORE_SCHEMA_VERSION) {
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d; PRAGMA application_id=%d",
			 MI_STORE_SCHEMA_VERSION, MI_STORE_APPLICATION_ID);
		status = run_plain(store, sql, err, N_("updating the schema"));
	}
	if (status == MI_OK && version < MI_STORE_SCHEMA_VERSION) {
		const char *action = version == 0 ? "create" : "migrate";
		status = mi_st_audit(store, action, "schema", MI_STORE_SCHEMA_VERSION, err);
	}
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}

/* A random name for this handle's claims on drafts (store_claims.c). */
static mi_status new_session(mi_store *store, mi_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db, "SELECT lower(hex(randomblob(16)))", -1, &stmt, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *hex = sqlite3_column_text(stmt, 0);
		snprintf(store->session, sizeof store->session, "%s", hex ? (const char *)hex : "");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_OK ? MI_OK : mi_st_error(store, rc, err, N_("opening the database"));
}

/* Size of path-suffix, or -1 when there is no such file. */
static off_t sibling_size(const char *path, const char *suffix)
{
	char *name = mi_st_sibling(path, suffix);
	struct stat st;
	off_t size = name && lstat(name, &st) == 0 ? st.st_size : -1;
	free(name);
	return size;
}

/* False when the database cannot be written where it is: read-only media,
 * or no permission to write the file or its folder (SQLite keeps its -wal
 * and -shm files in the folder). */
static bool can_write(const char *path)
{
	if (access(path, W_OK) != 0)
		return false;
	char *folder = mi_st_folder_of(path);
	bool ok = folder && access(folder, W_OK | X_OK) == 0;
	free(folder);
	return ok;
}

/* A "file:" URI for path with the query given, every byte outside a few
 * safe ones percent-encoded. Caller frees. */
static char *file_uri(const char *path, const char *query)
{
	mi_strbuf b = {0};
	mi_strbuf_addf(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/._-~", *p))
			mi_strbuf_addf(&b, "%c", *p);
		else
			mi_strbuf_addf(&b, "%%%02X", *p);
	}
	mi_strbuf_addf(&b, "?%s", query);
	return mi_strbuf_take(&b);
}

int mi_st_open_read_only(const char *path, sqlite3 **db)
{
	const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
	/* Changes still in the -wal can only be read through its -shm index:
	 * an ordinary read-only open, which works when both files are there.
	 * Without a -wal nobody has the file open and everything is in the
	 * file itself: "immutable" reads it without the -shm that read-only
	 * media cannot hold. */
	if (sibling_size(path, "-wal") > 0)
		return sqlite3_open_v2(path, db, flags, NULL);
	char *uri = file_uri(path, "immutable=1");
	if (!uri) {
		*db = NULL;
		return SQLITE_NOMEM;
	}
	int rc = sqlite3_open_v2(uri, db, flags | SQLITE_OPEN_URI, NULL);
	free(uri);
	return rc;
}

/* Device and inode of path, or {0, 0} when it cannot be looked at. */
static struct stat file_identity(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		memset(&st, 0, sizeof st);
	return st;
}

/* Opens the connection and does everything up to a ready handle. Runs with
 * the umask at 077 so every file SQLite creates is 0600. *replaced is set
 * when the file at path was swapped for another (a restore) while it was
 * being opened: the caller opens again. */
static mi_status open_once(const char *path, unsigned flags, mi_store **out, bool *replaced,
			   mi_error *err)
{
	*replaced = false;
	bool exists = false;
	mi_status status = inspect_file(path, flags, &exists, err);
	if (status != MI_OK)
		return status;
	if (!exists) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0)
			close(fd);
		else if (errno == EROFS || errno == EACCES)
			return mi_error_set(err, MI_EIO,
					    "cannot create the database %s: its folder is read-only.", path);
		else if (errno != EEXIST)
			return mi_error_set(err, MI_EIO, "cannot create the database %s: %s.", path, strerror(errno));
	}
	bool had_wal = sibling_size(path, "-wal") >= 0;
	struct stat before = file_identity(path);

	mi_store *store = calloc(1, sizeof *store);
	if (!store)
		return mi_st_nomem(err);
	store->path = strdup(path);
	store->actor = strdup("cli");
	store->pid = (long long)getpid();
	if (!store->path || !store->actor) {
		mi_store_close(store);
		return mi_st_nomem(err);
	}
	store->read_only = !can_write(path);
	int rc = store->read_only
			 ? mi_st_open_read_only(path, &store->db)
			 : sqlite3_open_v2(path, &store->db,
					   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
					   NULL);
	if (rc != SQLITE_OK) {
		status = mi_st_error(store, rc, err, N_("opening the database"));
		mi_store_close(store);
		return status;
	}
	sqlite3_busy_timeout(store->db, 5000);

	long long version = 0;
	status = check_before_writing(store, &version, err);
	if (status != MI_OK && store->read_only && err->status == MI_EIO &&
	    sibling_size(path, "-wal") > 0 && sibling_size(path, "-shm") < 0)
		status = mi_error_set(err, MI_EIO,
				      _("the database %s is read-only and its last changes are still in "
				        "%s-wal, which cannot be read here without the -shm file that only a "
				        "writable folder can hold; copy %s and %s-wal to a writable folder "
				        "and open the copy."),
				      path, path, path, path);
	struct stat after = file_identity(path);
	if (before.st_dev != after.st_dev || before.st_ino != after.st_ino) {
		/* What was checked is no longer the file at path. */
		sqlite3_db_config(store->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		mi_store_close(store);
		*replaced = true;
		return MI_OK;
	}
	if (status != MI_OK) {
		/* Leave a refused file as it was: no checkpoint of a WAL that
		 * was already there. */
		if (had_wal)
			sqlite3_db_config(store->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		mi_store_close(store);
		return status;
	}
	if (store->read_only && version < MI_STORE_SCHEMA_VERSION)
		status = mi_error_set(err, MI_EIO,
				      _("the database %s is read-only (read-only media, or no permission to "
				        "write it or its folder) and must first be brought up to this "
				        "version's format, which needs writing; nothing was changed."),
				      path);
	if (status == MI_OK)
		status = configure(store, err);
	if (status == MI_OK)
		status = mi_st_name_functions(store, err);
	/* Keys made by another Unicode version are made again, which needs
	 * writing: a read-only database keeps its keys until it can be. */
	bool stale_keys = false;
	if (status == MI_OK && !store->read_only && version >= MI_ST_NAME_FOLD_SCHEMA)
		status = mi_st_keys_stale(store, &stale_keys, err);
	if (status == MI_OK && (version < MI_STORE_SCHEMA_VERSION || stale_keys))
		status = migrate(store, err);
	if (status == MI_OK)
		status = new_session(store, err);
	if (status != MI_OK) {
		mi_store_close(store);
		return status;
	}
	*out = store;
	return MI_OK;
}

mi_status mi_store_open(const char *path, unsigned flags, mi_store **out, mi_error *err)
{
	if (!path || !*path)
		return mi_error_set(err, MI_EUSAGE, "no database path given.");
	mode_t old = umask(077);
	/* A restore swaps the file for another; opening again finds the new
	 * one. Three swaps in a row would be a fault, not a race. */
	bool replaced = true;
	mi_status status = MI_OK;
	for (int tries = 0; replaced && tries < 3; tries++)
		status = open_once(path, flags, out, &replaced, err);
	umask(old);
	if (replaced)
		return mi_error_set(err, MI_ETEMPFAIL,
				    "the database %s was replaced while it was being opened; try again.",
				    path);
	return status;
}

void mi_store_close(mi_store *store)
{
	if (!store)
		return;
	mi_st_release_claims(store);
	for (size_t i = 0; i < store->cache_count; i++)
		sqlite3_finalize(store->cache[i].stmt);
	sqlite3_close(store->db);
	free(store->path);
	free(store->actor);
	free(store);
}

const char *mi_store_path(const mi_store *store)
{
	return store->path;
}

mi_status mi_store_set_actor(mi_store *store, const char *who, mi_error *err)
{
	if (!who || !*who || mi_text_check(who, strlen(who), false, NULL) != MI_TEXT_OK)
		return mi_error_set(err, MI_EDATA, "the name recorded in the audit log must be plain text.");
	char *copy = strdup(who);
	if (!copy)
		return mi_st_nomem(err);
	free(store->actor);
	store->actor = copy;
	store->actor_is_account = false;
	return MI_OK;
}

mi_status mi_store_set_actor_account(mi_store *store, const char *name, mi_error *err)
{
	mi_status status = mi_store_set_actor(store, name, err);
	if (status == MI_OK)
		store->actor_is_account = true;
	return status;
}

const char *mi_store_actor_account(const mi_store *store)
{
	return store->actor_is_account ? store->actor : NULL;
}

const char *mi_visit_source_name(mi_visit_source source)
{
	switch (source) {
	case MI_SOURCE_DESK:
		return "desk";
	case MI_SOURCE_KIOSK:
		return "kiosk";
	case MI_SOURCE_CLI:
		break;
	}
	return "cli";
}
