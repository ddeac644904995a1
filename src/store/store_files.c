/* store_files.c - paths and files beside the database: its -wal and -shm,
 * folders, flushing, and removing temporary copies. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mi/strbuf.h"
#include "store_internal.h"

char *mi_st_sibling(const char *path, const char *suffix)
{
	size_t n = strlen(path), m = strlen(suffix);
	char *name = malloc(n + m + 1);
	if (!name)
		return NULL;
	memcpy(name, path, n);
	memcpy(name + n, suffix, m + 1);
	return name;
}

char *mi_st_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

bool mi_st_sync_path(const char *path, bool folder)
{
	int fd = open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

void mi_st_remove_with_journals(const char *path)
{
	static const char *const suffixes[] = {"", "-journal", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *name = mi_st_sibling(path, suffixes[i]);
		if (name)
			unlink(name);
		free(name);
	}
}

/* Temporary copies are named FOLDER/.massage-intake-KIND.XXXXXX and held
 * with flock() by the process writing them (SQLite's own locks are fcntl
 * locks, which flock does not disturb). A copy whose lock can be taken was
 * left by a process that died, for example killed during a backup. */
static const char TEMP_PREFIX[] = ".massage-intake-";

/* ".massage-intake-KIND." into buf; false when it does not fit. */
static bool temp_stem(const char *kind, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s%s.", TEMP_PREFIX, kind);
	return n > 0 && (size_t)n < size;
}

int mi_st_temp_create(const char *folder, const char *kind, char **path)
{
	char stem[64];
	*path = NULL;
	if (!temp_stem(kind, stem, sizeof stem))
		return -1;
	mi_strbuf b = {0};
	mi_strbuf_addf(&b, "%s/%sXXXXXX", folder, stem);
	char *name = mi_strbuf_take(&b);
	if (!name)
		return -1;
	mode_t old = umask(077);
	int fd = mkstemp(name);
	umask(old);
	if (fd < 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(name);
		}
		free(name);
		errno = saved;
		return -1;
	}
	*path = name;
	return fd;
}

/* Removes FOLDER/name and its journals when nobody holds it. */
static void remove_if_abandoned(int dir, const char *folder, const char *name)
{
	int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	struct stat st, now;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
	    flock(fd, LOCK_EX | LOCK_NB) == 0 && fstatat(dir, name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
	    now.st_ino == st.st_ino && now.st_dev == st.st_dev) {
		mi_strbuf b = {0};
		mi_strbuf_addf(&b, "%s/%s", folder, name);
		char *path = mi_strbuf_take(&b);
		if (path)
			mi_st_remove_with_journals(path);
		free(path);
	}
	close(fd);
}

void mi_st_temp_clean(const char *folder, const char *kind)
{
	char stem[64];
	if (!temp_stem(kind, stem, sizeof stem))
		return;
	size_t stem_len = strlen(stem);
	DIR *d = opendir(folder);
	if (!d)
		return;
	/* Names first, then removal: removing while reading a folder may
	 * skip entries. */
	char **names = NULL;
	size_t count = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, stem, stem_len) != 0 || strlen(e->d_name) != stem_len + 6)
			continue;
		if (count == cap) {
			size_t grown = cap ? cap * 2 : 8;
			char **more = realloc(names, grown * sizeof *more);
			if (!more)
				break;
			names = more;
			cap = grown;
		}
		if ((names[count] = strdup(e->d_name)) != NULL)
			count++;
	}
	for (size_t i = 0; i < count; i++) {
		remove_if_abandoned(dirfd(d), folder, names[i]);
		free(names[i]);
	}
	free(names);
	closedir(d);
}

static const char *const DATABASE_SUFFIXES[] = {"", "-wal", "-shm", "-journal"};

/* path with its folder resolved (the file itself need not exist). Caller
 * frees; NULL when the folder does not exist. */
static char *resolved_name(const char *path)
{
	char *folder = mi_st_folder_of(path);
	char *real = folder ? realpath(folder, NULL) : NULL;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *name = NULL;
	if (real) {
		mi_strbuf b = {0};
		mi_strbuf_addf(&b, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
		name = mi_strbuf_take(&b);
	}
	free(folder);
	free(real);
	return name;
}

bool mi_st_is_database_file(const char *db_path, const char *candidate)
{
	struct stat cand;
	bool cand_exists = stat(candidate, &cand) == 0;
	char *cand_name = resolved_name(candidate);
	char *db_real = realpath(db_path, NULL);
	bool same = false;
	for (size_t i = 0; !same && i < sizeof DATABASE_SUFFIXES / sizeof DATABASE_SUFFIXES[0]; i++) {
		char *name = mi_st_sibling(db_path, DATABASE_SUFFIXES[i]);
		struct stat st;
		if (name && cand_exists && stat(name, &st) == 0)
			same = st.st_dev == cand.st_dev && st.st_ino == cand.st_ino;
		free(name);
		char *real = db_real ? mi_st_sibling(db_real, DATABASE_SUFFIXES[i]) : NULL;
		if (real && cand_name && strcmp(real, cand_name) == 0)
			same = true;
		free(real);
	}
	free(cand_name);
	free(db_real);
	return same;
}
