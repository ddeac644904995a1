/* store_open.c - opening, checking and migrating the database file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

	/* 2 -> 3: client search at a million clients. Name keys made again
	 * with the Unicode fold (mi_fold; version 2 lower-cased ASCII only)
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
};

static const char SQLITE_MAGIC[16] = "SQLite format 3";

/* Creates the folders above path that are missing, each 0700. */
static mi_status make_parents(const char *path, mi_error *err)
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
					      copy, strerror(errno));
			break;
		}
		*p = '/';
	}
	free(copy);
	return status;
}

/* Looks at the file before SQLite does: refuses a link, a non-file and a
 * file whose first bytes are not an SQLite header. *exists tells whether
 * there is a file with content. */
static mi_status inspect_file(const char *path, unsigned flags, bool *exists, mi_error *err)
{
	struct stat st;
	*exists = false;
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT)
			return mi_error_set(err, MI_EIO, "cannot look at the database %s: %s.", path,
					    strerror(errno));
		if (!(flags & MI_STORE_CREATE))
			return mi_error_set(err, MI_ENOINPUT, "there is no database at %s yet.", path);
		return make_parents(path, err);
	}
	if (S_ISLNK(st.st_mode))
		return mi_error_set(err, MI_EIO,
				    "the database %s is a symbolic link; give the real path instead.", path);
	if (!S_ISREG(st.st_mode))
		return mi_error_set(err, MI_EIO, "the database %s is not a regular file.", path);
	if (st.st_size == 0)
		return MI_OK;
	*exists = true;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == EACCES || errno == EPERM)
			return mi_error_set(err, MI_EIO, "no permission to read the database %s.", path);
		return mi_error_set(err, MI_EIO, "cannot open the database %s: %s.", path,
				    strerror(errno));
	}
	char header[100];
	ssize_t n = read(fd, header, sizeof header);
	close(fd);
	if (n != (ssize_t)sizeof header || memcmp(header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
		return mi_error_set(err, MI_EIO,
				    "%s is not a massage-intake database; it was left as it is.", path);
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
		return mi_st_error(store, rc, err, "reading the database");
	return MI_OK;
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
		return mi_st_error(store, rc, err, "checking the database");
	if (!ok)
		return mi_st_error(store, SQLITE_CORRUPT, err, "checking the database");
	return MI_OK;
}

/* Decides whether this file may be used, before anything is written to it.
 * Fills *version with its schema version (0 for a new, empty database). */
static mi_status check_before_writing(mi_store *store, long long *version, mi_error *err)
{
	long long app_id = 0, tables = 0;
	mi_status status = query_int(store, "PRAGMA user_version", version, err);
	if (status == MI_OK)
		status = query_int(store, "PRAGMA application_id", &app_id, err);
	if (status == MI_OK)
		status = query_int(store, "SELECT count(*) FROM sqlite_schema", &tables, err);
	if (status != MI_OK)
		return status;
	bool fresh = *version == 0 && app_id == 0 && tables == 0;
	if (!fresh && app_id != MI_STORE_APPLICATION_ID)
		return mi_error_set(err, MI_EIO,
				    "%s is an SQLite file of another program, not a massage-intake "
				    "database; it was left as it is.",
				    store->path);
	if (*version > MI_STORE_SCHEMA_VERSION)
		return mi_error_set(err, MI_EIO,
				    "the database %s was written by a newer massage-intake (schema %lld; "
				    "this one knows up to %d); it was left as it is. Use the newer program.",
				    store->path, *version, MI_STORE_SCHEMA_VERSION);
	if (fresh)
		return MI_OK;
	/* quick_check reads every page: about 2 ms per MB here, 0.35 s at
	 * 100,000 clients, seconds beyond, on every command and before the
	 * front desk's first frame. A larger file is checked page by page as it
	 * is read (SQLite refuses a damaged page it meets: SQLITE_CORRUPT, the
	 * same "damaged" sentence) and whole by `check` and `backup`. */
	long long pages = 0;
	status = query_int(store, "PRAGMA page_count", &pages, err);
	if (status != MI_OK || pages > OPEN_CHECK_MAX_PAGES)
		return status;
	return quick_check(store, err);
}

/* Sets the per-connection settings; WAL persists in the file. */
static mi_status configure(mi_store *store, mi_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL);
	bool wal = false;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			const unsigned char *mode = sqlite3_column_text(stmt, 0);
			wal = mode && strcmp((const char *)mode, "wal") == 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, "opening the database");
	if (!wal)
		return mi_error_set(err, MI_EIO,
				    "the database %s cannot use write-ahead logging (is it on a network "
				    "folder?).",
				    store->path);
	rc = sqlite3_exec(store->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", NULL, NULL,
			  NULL);
	if (rc != SQLITE_OK)
		return mi_st_error(store, rc, err, "opening the database");
	long long fk = 0;
	mi_status status = query_int(store, "PRAGMA foreign_keys", &fk, err);
	if (status != MI_OK)
		return status;
	if (fk != 1)
		return mi_error_set(err, MI_EINTERNAL, "this SQLite cannot enforce foreign keys.");
	return MI_OK;
}

/* Brings the schema from its version to MI_STORE_SCHEMA_VERSION, and the
 * name keys to this program's fold, in one transaction (re-reading the
 * version inside it: another process may have migrated first). */
static mi_status migrate(mi_store *store, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	long long version = 0;
	status = query_int(store, "PRAGMA user_version", &version, err);
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
		int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			status = mi_st_error(store, rc, err, "updating the schema");
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

/* True when path-wal exists. */
static bool wal_exists(const char *path)
{
	size_t n = strlen(path);
	char *wal = malloc(n + 5);
	if (!wal)
		return false;
	memcpy(wal, path, n);
	memcpy(wal + n, "-wal", 5);
	struct stat st;
	bool exists = lstat(wal, &st) == 0;
	free(wal);
	return exists;
}

/* Opens the connection and does everything up to a ready handle. Runs with
 * the umask at 077 so every file SQLite creates is 0600. */
static mi_status open_locked_down(const char *path, unsigned flags, mi_store **out, mi_error *err)
{
	bool exists = false;
	mi_status status = inspect_file(path, flags, &exists, err);
	if (status != MI_OK)
		return status;
	if (!exists) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0)
			close(fd);
		else if (errno != EEXIST)
			return mi_error_set(err, MI_EIO, "cannot create the database %s: %s.", path, strerror(errno));
	}
	bool had_wal = wal_exists(path);

	mi_store *store = calloc(1, sizeof *store);
	if (!store)
		return mi_st_nomem(err);
	store->path = strdup(path);
	store->actor = strdup("cli");
	if (!store->path || !store->actor) {
		mi_store_close(store);
		return mi_st_nomem(err);
	}
	int rc = sqlite3_open_v2(path, &store->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
				 NULL);
	if (rc != SQLITE_OK) {
		status = mi_st_error(store, rc, err, "opening the database");
		mi_store_close(store);
		return status;
	}
	sqlite3_busy_timeout(store->db, 5000);

	long long version = 0;
	status = check_before_writing(store, &version, err);
	if (status != MI_OK) {
		/* Leave a refused file as it was: no checkpoint of a WAL that
		 * was already there. */
		if (had_wal)
			sqlite3_db_config(store->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		mi_store_close(store);
		return status;
	}
	status = configure(store, err);
	if (status == MI_OK)
		status = mi_st_name_functions(store, err);
	bool stale_keys = false;
	if (status == MI_OK && version >= MI_ST_NAME_FOLD_SCHEMA)
		status = mi_st_keys_stale(store, &stale_keys, err);
	if (status == MI_OK && (version < MI_STORE_SCHEMA_VERSION || stale_keys))
		status = migrate(store, err);
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
	mi_status status = open_locked_down(path, flags, out, err);
	umask(old);
	return status;
}

void mi_store_close(mi_store *store)
{
	if (!store)
		return;
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
	return MI_OK;
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
