/* store_restore.c - putting a backup back in place of the database.
 *
 * The order matters: the backup is checked and copied into a new file
 * beside the database first (brought up to this version's schema, with the
 * restore in its audit log); only then is the database locked exclusively,
 * which succeeds only when no other program has it open. Under that lock
 * the old file (and its -wal, whose changes belong to it) is kept under a
 * dated name and the new file is renamed into place. A program that was
 * waiting to open the database sees the file change under it and opens the
 * new one (mi_store_open).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mi/strbuf.h"
#include "store_internal.h"

static const char SQLITE_MAGIC[16] = "SQLite format 3";

/* One integer from a query on a raw connection; false on failure. */
static bool raw_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *stmt = NULL;
	bool ok = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
		  sqlite3_step(stmt) == SQLITE_ROW;
	if (ok)
		*out = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return ok;
}

/* True when path starts with an SQLite header. */
static bool has_sqlite_header(const char *path)
{
	char magic[sizeof SQLITE_MAGIC];
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	bool ok = fread(magic, 1, sizeof magic, f) == sizeof magic &&
		  memcmp(magic, SQLITE_MAGIC, sizeof magic) == 0;
	fclose(f);
	return ok;
}

/* Checks the backup through its read-only connection: a massage-intake
 * database, not newer than this program, whole, every reference intact. */
static mi_status check_backup(sqlite3 *db, const char *shown, mi_error *err)
{
	long long version = 0, app_id = 0, problems = 0;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	bool read = raw_int(db, "PRAGMA user_version", &version) &&
		    raw_int(db, "PRAGMA application_id", &app_id);
	bool whole = read && raw_int(db,
				     "SELECT count(*) FROM pragma_integrity_check WHERE "
				     "integrity_check <> 'ok'",
				     &problems) &&
		     problems == 0;
	long long broken = 0;
	bool linked = whole && raw_int(db, "SELECT count(*) FROM pragma_foreign_key_check", &broken) &&
		      broken == 0;
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (read && (app_id != MI_STORE_APPLICATION_ID || version < 1))
		return mi_error_set(err, MI_EDATA,
				    "%s is not a massage-intake backup (an SQLite file of another "
				    "program); nothing was changed.",
				    shown);
	if (read && version > MI_STORE_SCHEMA_VERSION)
		return mi_error_set(err, MI_EDATA,
				    _("the backup %s was written by a newer massage-intake (schema %lld; "
				      "this one knows up to %d); restore it with the newer program. "
				      "Nothing was changed."),
				    shown, version, MI_STORE_SCHEMA_VERSION);
	if (!whole)
		return mi_error_set(err, MI_EDATA,
				    "the backup %s is damaged (it fails SQLite's integrity check); use "
				    "another backup. Nothing was changed.",
				    shown);
	if (!linked)
		return mi_error_set(err, MI_EDATA,
				    "the backup %s has %lld broken references between its records; use "
				    "another backup. Nothing was changed.",
				    shown, broken);
	return MI_OK;
}

/* Opens and checks the backup file source; *db is its read-only connection. */
static mi_status open_backup(const char *db_path, const char *source, sqlite3 **db,
			     mi_error *err)
{
	*db = NULL;
	char *real = realpath(source, NULL);
	if (!real)
		return mi_error_set(err, errno == ENOENT ? MI_ENOINPUT : MI_EIO,
				    "cannot read the backup %s: %s.", source, strerror(errno));
	struct stat st;
	mi_status status = MI_OK;
	if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
		status = mi_error_set(err, MI_EDATA, "the backup %s is not a file.", source);
	else if (mi_st_is_database_file(db_path, real))
		status = mi_error_set(err, MI_EUSAGE,
				      "%s is the database itself, not a backup of it; give a file written "
				      "by massage-intake backup.",
				      source);
	else if (!has_sqlite_header(real))
		status = mi_error_set(err, access(real, R_OK) == 0 ? MI_EDATA : MI_EIO,
				      access(real, R_OK) == 0
					      ? "%s is not a massage-intake backup (not an SQLite "
						"database); nothing was changed."
					      : "no permission to read the backup %s.",
				      source);
	if (status == MI_OK) {
		int rc = mi_st_open_read_only(real, db);
		if (rc == SQLITE_OK)
			sqlite3_busy_timeout(*db, 5000);
		status = rc == SQLITE_OK ? check_backup(*db, source, err)
					 : mi_error_set(err, MI_EIO, "cannot open the backup %s: %s.",
							source, sqlite3_errstr(rc));
	}
	free(real);
	if (status != MI_OK) {
		sqlite3_close(*db);
		*db = NULL;
	}
	return status;
}

/* Brings the copy at tmp up to this version's schema, records the restore
 * in its audit log and leaves it one self-contained file. */
static mi_status finish_copy(const char *tmp, const char *who, mi_error *err)
{
	mi_store *copy = NULL;
	mi_status status = mi_store_open(tmp, 0, &copy, err);
	if (status == MI_OK)
		status = mi_store_set_actor(copy, who, err);
	if (status == MI_OK)
		status = mi_store_audit_append(copy, "restore", "database", 0, err);
	if (status == MI_OK) {
		sqlite3_stmt *stmt = NULL;
		bool single = sqlite3_prepare_v2(copy->db, "PRAGMA journal_mode=DELETE", -1, &stmt, NULL) ==
				      SQLITE_OK &&
			      sqlite3_step(stmt) == SQLITE_ROW &&
			      strcmp((const char *)sqlite3_column_text(stmt, 0), "delete") == 0;
		sqlite3_finalize(stmt);
		if (!single)
			status = mi_error_set(err, MI_ECANTCREAT,
					      "cannot finish the restored copy of the database.");
	}
	mi_store_close(copy);
	if (status == MI_OK && !mi_st_sync_path(tmp, false))
		status = mi_error_set(err, MI_ECANTCREAT, "cannot flush the restored copy to disk.");
	return status;
}

/* Takes the database at db_path for this process alone (*lock, to be
 * closed after the swap), or finds there is none (*lock NULL). Refuses a
 * file that is not a massage-intake database or is newer than this
 * program. */
static mi_status lock_database(const char *db_path, sqlite3 **lock, bool *has_content,
			       mi_error *err)
{
	*lock = NULL;
	*has_content = false;
	struct stat st;
	if (lstat(db_path, &st) != 0)
		return errno == ENOENT ? MI_OK
				       : mi_error_set(err, MI_EIO, "cannot look at the database %s: %s.",
						      db_path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return mi_error_set(err, MI_EIO, "the database %s is not a regular file; nothing was changed.",
				    db_path);
	*has_content = st.st_size > 0;
	if (*has_content && !has_sqlite_header(db_path))
		return mi_error_set(err, MI_EIO,
				    "%s is not a massage-intake database (or is damaged beyond "
				    "recognition), so restore does not replace it: move it away, then "
				    "run restore again. Nothing was changed.",
				    db_path);
	int rc = sqlite3_open_v2(db_path, lock,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(*lock, 5000);
		/* An exclusive lock that is kept until the handle closes; in WAL
		 * mode it cannot be had while any other connection is open. */
		rc = sqlite3_exec(*lock, "PRAGMA locking_mode=EXCLUSIVE", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(*lock, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
	}
	mi_status status = MI_OK;
	switch (rc & 0xff) {
	case SQLITE_OK:
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		status = mi_error_set(err, MI_ETEMPFAIL,
				      _("the database %s is in use by another program (the front desk, a "
				        "kiosk or a command still running); close them, then run restore "
				        "again. Nothing was changed."),
				      db_path);
		break;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		status = mi_error_set(err, MI_EIO,
				      _("the database %s is read-only (read-only media, or no permission "
				        "to write it or its folder); nothing was changed."),
				      db_path);
		break;
	default:
		status = mi_error_set(err, MI_EIO,
				      "the database %s cannot be locked (%s), so restore does not "
				      "replace it: move it away, then run restore again. Nothing was "
				      "changed.",
				      db_path, sqlite3_errstr(rc));
		break;
	}
	long long app_id = 0, version = 0, tables = 1;
	if (status == MI_OK && *has_content && raw_int(*lock, "PRAGMA application_id", &app_id) &&
	    raw_int(*lock, "PRAGMA user_version", &version)) {
		raw_int(*lock, "SELECT count(*) FROM sqlite_schema", &tables);
		bool fresh = app_id == 0 && version == 0 && tables == 0;
		if (!fresh && app_id != MI_STORE_APPLICATION_ID)
			status = mi_error_set(err, MI_EIO,
					      _("%s is an SQLite file of another program, not a massage-intake "
					        "database, so restore does not replace it. Nothing was changed."),
					      db_path);
		else if (version > MI_STORE_SCHEMA_VERSION)
			status = mi_error_set(err, MI_EIO,
					      _("the database %s was written by a newer massage-intake; restore "
					        "with the newer program. Nothing was changed."),
					      db_path);
	}
	if (status != MI_OK && *lock) {
		sqlite3_db_config(*lock, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		sqlite3_close(*lock);
		*lock = NULL;
	}
	return status;
}

/* db_path.before-restore-YYYYMMDD-HHMMSS, with -N added when that name is
 * taken (by the file or its -wal). Caller frees. */
static char *kept_name(const char *db_path)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n < 100; n++) {
		mi_strbuf b = {0};
		if (n == 1)
			mi_strbuf_addf(&b, "%s.before-restore-%s", db_path, stamp);
		else
			mi_strbuf_addf(&b, "%s.before-restore-%s-%d", db_path, stamp, n);
		char *name = mi_strbuf_take(&b);
		char *wal = name ? mi_st_sibling(name, "-wal") : NULL;
		struct stat st;
		bool free_name = wal && lstat(name, &st) != 0 && lstat(wal, &st) != 0;
		free(wal);
		if (free_name || !name)
			return name;
		free(name);
	}
	return NULL;
}

/* Under the lock: keeps the old database (and its -wal) as *kept, drops
 * the old -shm, and puts tmp in place. With no database (locked false) a
 * leftover -wal is kept, since it must not be read with the new file, and
 * tmp is linked in only if nobody created a database meanwhile. On failure
 * the old files are put back. */
static mi_status swap_in(const char *db_path, const char *tmp, bool has_content, bool locked,
			 char **kept, mi_error *err)
{
	char *wal = mi_st_sibling(db_path, "-wal"), *shm = mi_st_sibling(db_path, "-shm");
	char *keep = kept_name(db_path);
	char *keep_wal = keep ? mi_st_sibling(keep, "-wal") : NULL;
	if (!wal || !shm || !keep_wal) {
		free(wal);
		free(shm);
		free(keep);
		free(keep_wal);
		return mi_st_nomem(err);
	}
	mi_status status = MI_OK;
	bool keep_db = locked && has_content, linked = false, moved = false;
	/* A hard link keeps the old file under its new name while the
	 * database's name never disappears; a file system without hard links
	 * gets a rename. */
	if (keep_db) {
		linked = link(db_path, keep) == 0;
		moved = !linked && rename(db_path, keep) == 0;
		if (!linked && !moved)
			status = mi_error_set(err, MI_ECANTCREAT,
					      "cannot keep the old database as %s: %s; nothing was changed.",
					      keep, strerror(errno));
	}
	struct stat st;
	bool wal_moved = false;
	/* An empty -wal holds nothing (the lock above may have made it). */
	if (status == MI_OK && lstat(wal, &st) == 0 && st.st_size == 0)
		unlink(wal);
	else if (status == MI_OK && lstat(wal, &st) == 0) {
		wal_moved = rename(wal, keep_wal) == 0;
		if (!wal_moved)
			status = mi_error_set(err, MI_ECANTCREAT, "cannot move %s aside: %s; nothing was "
								  "changed.",
					      wal, strerror(errno));
	}
	if (status == MI_OK) {
		unlink(shm);
		if (locked || moved) {
			if (rename(tmp, db_path) != 0)
				status = mi_error_set(err, MI_ECANTCREAT,
						      "cannot put the restored database in place at %s: %s; "
						      "nothing was changed.",
						      db_path, strerror(errno));
		} else if (link(tmp, db_path) == 0) {
			unlink(tmp);
		} else if (errno == EEXIST) {
			status = mi_error_set(err, MI_ETEMPFAIL,
					      "a database appeared at %s during the restore (is the front "
					      "desk or a kiosk starting?); it was not replaced: close them, "
					      "then run restore again.",
					      db_path);
		} else if (rename(tmp, db_path) != 0) {
			status = mi_error_set(err, MI_ECANTCREAT,
					      "cannot put the restored database in place at %s: %s; "
					      "nothing was changed.",
					      db_path, strerror(errno));
		}
	}
	if (status != MI_OK) {
		if (wal_moved)
			rename(keep_wal, wal);
		if (linked)
			unlink(keep);
		if (moved)
			rename(keep, db_path);
	} else if (keep_db || wal_moved) {
		*kept = keep_db ? keep : keep_wal;
		if (keep_db)
			keep = NULL;
		else
			keep_wal = NULL;
	}
	free(wal);
	free(shm);
	free(keep);
	free(keep_wal);
	return status;
}

/* The restore with the umask at 077. */
static mi_status restore(const char *db_path, const char *source, const char *who, char **kept,
			 mi_error *err)
{
	sqlite3 *backup = NULL;
	mi_status status = mi_st_refuse_links(db_path, err);
	if (status == MI_OK)
		status = open_backup(db_path, source, &backup, err);
	if (status == MI_OK)
		status = mi_st_make_parents(db_path, err);
	char *folder = status == MI_OK ? mi_st_folder_of(db_path) : NULL;
	if (status == MI_OK && !folder)
		status = mi_st_nomem(err);
	char *tmp = NULL;
	int fd = -1;
	if (status == MI_OK) {
		/* Copies left by a restore that was killed go first. */
		mi_st_temp_clean(folder, "restore");
		fd = mi_st_temp_create(folder, "restore", &tmp);
		if (fd < 0)
			status = errno == EROFS || errno == EACCES
					 ? mi_error_set(err, MI_EIO,
							"the folder of the database %s is read-only; "
							"nothing was changed.",
							db_path)
					 : mi_error_set(err, MI_ECANTCREAT,
							"cannot make the restored copy beside %s: %s.",
							db_path, strerror(errno));
	}
	if (status == MI_OK)
		status = mi_st_copy_into(backup, NULL, tmp, "the restored copy of the database", err);
	sqlite3_close(backup);
	if (status == MI_OK)
		status = finish_copy(tmp, who, err);
	sqlite3 *lock = NULL;
	bool has_content = false;
	if (status == MI_OK)
		status = lock_database(db_path, &lock, &has_content, err);
	if (status == MI_OK)
		status = swap_in(db_path, tmp, has_content, lock != NULL, kept, err);
	if (status == MI_OK)
		mi_st_sync_path(folder, true);
	if (lock) {
		/* Its files are the kept ones now: nothing may be checkpointed or
		 * removed by their old names on close. */
		sqlite3_db_config(lock, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		sqlite3_close(lock);
	}
	if (tmp && status != MI_OK)
		mi_st_remove_with_journals(tmp);
	if (fd >= 0)
		close(fd);
	free(tmp);
	free(folder);
	return status;
}

mi_status mi_store_restore(const char *db_path, const char *source, const char *who, char **kept,
			   mi_error *err)
{
	*kept = NULL;
	if (!db_path || !*db_path || !source || !*source)
		return mi_error_set(err, MI_EUSAGE, "restore needs a database and a backup file.");
	mode_t old = umask(077);
	mi_status status = restore(db_path, source, who, kept, err);
	umask(old);
	return status;
}
