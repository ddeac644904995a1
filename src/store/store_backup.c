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

/* Removes a temporary copy and the journal files SQLite may have left. */
static void remove_copy(const char *tmp)
{
	static const char *const suffixes[] = {"", "-journal", "-wal", "-shm"};
	size_t n = strlen(tmp);
	char path[4096];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		if (n + strlen(suffixes[i]) + 1 > sizeof path)
			continue;
		snprintf(path, sizeof path, "%s%s", tmp, suffixes[i]);
		unlink(path);
	}
}

/* fsync of a file or folder by path; false on failure. */
static bool sync_path(const char *path, bool folder)
{
	int fd = open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* Copies the live database into the file tmp (already created, 0600) and
 * checks the copy. */
static mi_status copy_into(mi_store *store, const char *tmp, const char *dest, mi_error *err)
{
	sqlite3 *copy = NULL;
	int rc = sqlite3_open_v2(tmp, &copy,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
				 NULL);
	mi_status status = MI_OK;
	if (rc != SQLITE_OK) {
		status = mi_error_set(err, MI_ECANTCREAT, "cannot write the backup %s: %s.", dest,
				      sqlite3_errstr(rc));
		sqlite3_close(copy);
		return status;
	}
	sqlite3_backup *backup = sqlite3_backup_init(copy, "main", store->db, "main");
	if (!backup) {
		status = mi_error_set(err, MI_ECANTCREAT, "cannot start the backup %s: %s.", dest,
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
			status = mi_st_error(store, rc, err, "making the backup");
		else if ((rc & 0xff) == SQLITE_FULL)
			status = mi_error_set(err, MI_ECANTCREAT,
					      "the disk is full while writing the backup %s.", dest);
		else
			status = mi_error_set(err, MI_ECANTCREAT, "cannot write the backup %s: %s.",
					      dest, sqlite3_errstr(rc));
		sqlite3_close(copy);
		return status;
	}
	/* A self-contained single file: no -wal beside the copy. */
	rc = sqlite3_exec(copy, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	sqlite3_stmt *stmt = NULL;
	bool ok = false;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(copy, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
	if (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(stmt, 0);
		ok = text && strcmp((const char *)text, "ok") == 0;
	}
	sqlite3_finalize(stmt);
	if (sqlite3_close(copy) != SQLITE_OK)
		ok = false;
	if (!ok)
		return mi_error_set(err, MI_ECANTCREAT,
				    "the backup %s did not pass its integrity check; it was not kept.",
				    dest);
	return MI_OK;
}

/* The folder part of path ("." when there is none). Caller frees. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

mi_status mi_store_backup(mi_store *store, const char *dest_path, mi_error *err)
{
	if (!dest_path || !*dest_path)
		return mi_error_set(err, MI_EUSAGE, "no backup file given.");
	struct stat st;
	if (lstat(dest_path, &st) == 0 && (S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode)))
		return mi_error_set(err, MI_ECANTCREAT,
				    "the backup %s is a folder or a link; give a file name.", dest_path);
	size_t n = strlen(dest_path);
	char *tmp = malloc(n + 16);
	char *folder = folder_of(dest_path);
	if (!tmp || !folder) {
		free(tmp);
		free(folder);
		return mi_st_nomem(err);
	}
	snprintf(tmp, n + 16, "%s.tmp-XXXXXX", dest_path);
	mode_t old = umask(077);
	int fd = mkstemp(tmp);
	mi_status status = MI_OK;
	if (fd < 0) {
		status = mi_error_set(err, MI_ECANTCREAT, "cannot create the backup %s: %s.", dest_path,
				      strerror(errno));
	} else {
		close(fd);
		status = copy_into(store, tmp, dest_path, err);
		if (status == MI_OK && !sync_path(tmp, false))
			status = mi_error_set(err, MI_ECANTCREAT, "cannot flush the backup %s to disk.",
					      dest_path);
		if (status == MI_OK && rename(tmp, dest_path) != 0)
			status = mi_error_set(err, MI_ECANTCREAT, "cannot put the backup in place at %s: %s.",
					      dest_path, strerror(errno));
		if (status == MI_OK)
			sync_path(folder, true);
		else
			remove_copy(tmp);
	}
	umask(old);
	free(tmp);
	free(folder);
	if (status == MI_OK)
		status = mi_store_audit_append(store, "backup", "database", 0, err);
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
		return mi_st_error(store, rc, err, "checking the database");
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
		return mi_st_error(store, rc, err, "checking the foreign keys");
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
