/* store_backup.c - safety copies and integrity checks. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mi/strbuf.h"
#include "store_internal.h"

/* The first line of integrity_check on db: true when it says "ok". */
static bool integrity_ok(sqlite3 *db)
{
	sqlite3_stmt *stmt = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(stmt, 0);
		ok = text && strcmp((const char *)text, "ok") == 0;
	}
	sqlite3_finalize(stmt);
	return ok;
}

mi_status mi_st_copy_into(sqlite3 *source, const mi_store *store, const char *tmp,
			  const char *what, mi_error *err)
{
	sqlite3 *copy = NULL;
	int rc = sqlite3_open_v2(tmp, &copy,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
				 NULL);
	mi_status status = MI_OK;
	if (rc != SQLITE_OK) {
		status = mi_error_set(err, MI_ECANTCREAT, "cannot write %s: %s.", what,
				      sqlite3_errstr(rc));
		sqlite3_close(copy);
		return status;
	}
	sqlite3_backup *backup = sqlite3_backup_init(copy, "main", source, "main");
	if (!backup) {
		status = mi_error_set(err, MI_ECANTCREAT, "cannot start writing %s: %s.", what,
				      sqlite3_errmsg(copy));
		sqlite3_close(copy);
		return status;
	}
	/* Another process writing may keep the source busy for a moment. */
	for (int tries = 0; tries < 200; tries++) {
		rc = sqlite3_backup_step(backup, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		struct timespec pause = {0, 25 * 1000 * 1000};
		nanosleep(&pause, NULL);
	}
	sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
			status = mi_st_error(store, rc, err, N_("copying the database"));
		else if ((rc & 0xff) == SQLITE_FULL)
			status = mi_error_set(err, MI_ECANTCREAT, "the disk is full while writing %s.",
					      what);
		else
			status = mi_error_set(err, MI_ECANTCREAT, "cannot write %s: %s.", what,
					      sqlite3_errstr(rc));
		sqlite3_close(copy);
		return status;
	}
	/* A self-contained single file: no -wal beside the copy. */
	bool ok = sqlite3_exec(copy, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) == SQLITE_OK &&
		  integrity_ok(copy);
	if (sqlite3_close(copy) != SQLITE_OK)
		ok = false;
	if (!ok)
		return mi_error_set(err, MI_ECANTCREAT,
				    "%s did not pass its integrity check; it was not kept.", what);
	return MI_OK;
}

/* Refuses a backup target that must not be replaced: anything but a
 * regular file or a new name, and the database itself or its -wal/-shm. */
static mi_status check_target(const mi_store *store, const char *dest, mi_error *err)
{
	struct stat st;
	if (lstat(dest, &st) == 0 && !S_ISREG(st.st_mode))
		return mi_error_set(err, MI_ECANTCREAT,
				    "the backup %s is %s, not a file; give a new file name or an "
				    "existing backup file.",
				    dest,
				    S_ISDIR(st.st_mode)   ? "a folder"
				    : S_ISLNK(st.st_mode) ? "a symbolic link"
				    : S_ISFIFO(st.st_mode) ? "a pipe"
				    : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
										  : "a special file");
	if (mi_st_is_database_file(store->path, dest))
		return mi_error_set(err, MI_ECANTCREAT,
				    "the backup %s is the database itself (or its -wal or -shm file); "
				    "give another file name. Nothing was written.",
				    dest);
	return MI_OK;
}

mi_status mi_store_backup(mi_store *store, const char *dest_path, mi_error *err)
{
	if (!dest_path || !*dest_path)
		return mi_error_set(err, MI_EUSAGE, "no backup file given.");
	mi_status status = check_target(store, dest_path, err);
	if (status != MI_OK)
		return status;
	/* Logged before it is made: a backup that cannot be logged (a
	 * read-only database, say) is not made. */
	status = mi_store_audit_append(store, "backup", "database", 0, err);
	if (status != MI_OK)
		return status;
	char *folder = mi_st_folder_of(dest_path);
	if (!folder)
		return mi_st_nomem(err);
	/* Copies left by a backup that was killed are removed first. */
	mi_st_temp_clean(folder, "backup");
	char *tmp = NULL;
	int fd = mi_st_temp_create(folder, "backup", &tmp);
	char what[64 + 4096];
	snprintf(what, sizeof what, "the backup %s", dest_path);
	if (fd < 0) {
		status = mi_error_set(err, MI_ECANTCREAT, "cannot create the backup %s: %s.", dest_path,
				      errno == EROFS ? "the disk is read-only" : strerror(errno));
	} else {
		status = mi_st_copy_into(store->db, store, tmp, what, err);
		if (status == MI_OK && !mi_st_sync_path(tmp, false))
			status = mi_error_set(err, MI_ECANTCREAT, "cannot flush the backup %s to disk.",
					      dest_path);
		/* Checked again just before it is replaced. */
		if (status == MI_OK)
			status = check_target(store, dest_path, err);
		if (status == MI_OK && rename(tmp, dest_path) != 0)
			status = mi_error_set(err, MI_ECANTCREAT, "cannot put the backup in place at %s: %s.",
					      dest_path, strerror(errno));
		if (status == MI_OK)
			mi_st_sync_path(folder, true);
		else
			mi_st_remove_with_journals(tmp);
		close(fd);
	}
	free(tmp);
	free(folder);
	return status;
}

mi_status mi_store_check(mi_store *store, char **report, mi_error *err)
{
	mi_strbuf b = {0};
	size_t integrity_problems = 0, fk_problems = 0;
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db, "PRAGMA integrity_check", -1, &stmt, NULL);
	while (stmt && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(stmt, 0);
		if (line && strcmp(line, "ok") == 0)
			continue;
		integrity_problems++;
		mi_strbuf_addf(&b, "integrity: %s\n", line ? line : "(no detail)");
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (rc != SQLITE_DONE) {
		mi_strbuf_clear(&b);
		return mi_st_error(store, rc, err, N_("checking the database"));
	}
	if (integrity_problems == 0)
		mi_strbuf_addf(&b, "integrity: ok\n");
	rc = sqlite3_prepare_v2(store->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
	while (stmt && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		fk_problems++;
		const char *table = (const char *)sqlite3_column_text(stmt, 0);
		const char *parent = (const char *)sqlite3_column_text(stmt, 2);
		mi_strbuf_addf(&b, "foreign key: %s row %lld refers to a missing %s row\n",
			table ? table : "?", sqlite3_column_int64(stmt, 1), parent ? parent : "?");
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		mi_strbuf_clear(&b);
		return mi_st_error(store, rc, err, N_("checking the foreign keys"));
	}
	if (fk_problems == 0)
		mi_strbuf_addf(&b, "foreign keys: ok\n");
	*report = mi_strbuf_take(&b);
	if (!*report)
		return mi_st_nomem(err);
	if (integrity_problems || fk_problems)
		return mi_error_set(err, MI_EIO,
				    "the database %s has %zu integrity and %zu foreign-key problems; "
				    "restore it from a backup.",
				    store->path, integrity_problems, fk_problems);
	return MI_OK;
}
