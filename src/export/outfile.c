/* outfile.c - export files written beside their destination, synced, then
 * renamed into place. */
#include "mi/outfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mi/export.h"
#include "mi/pdf.h"

struct mi_outfile {
	FILE *stream;
	char *path; /* NULL for standard output */
	char *tmp;
};

/* What is at path, in words, when it is not a regular file. */
static const char *not_regular(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISLNK(mode))
		return "a symbolic link";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "not a regular file";
}

mi_status mi_outfile_open(const char *path, mi_outfile **out, mi_error *err)
{
	mi_outfile *f = calloc(1, sizeof *f);
	if (!f)
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	if (!path || strcmp(path, "-") == 0) {
		f->stream = stdout;
		*out = f;
		return MI_OK;
	}
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	int dir_len = slash ? (int)(slash - path + 1) : 0;
	if (*base == '\0') {
		free(f);
		return mi_error_set(err, MI_ECANTCREAT, "cannot create %s: it names a folder.", path);
	}
	/* rename() would replace whatever is there: a device node or a FIFO
	 * (even /dev/null for root) must stay as it is. */
	struct stat there;
	if (lstat(path, &there) == 0 && !S_ISREG(there.st_mode)) {
		free(f);
		return mi_error_set(err, MI_ECANTCREAT,
				    "cannot write %s: it is %s, not a regular file; give a new file "
				    "name.",
				    path, not_regular(there.st_mode));
	}
	size_t n = strlen(path) + sizeof "..XXXXXX";
	f->path = strdup(path);
	f->tmp = malloc(n);
	if (!f->path || !f->tmp) {
		mi_outfile_abort(f);
		return mi_error_set(err, MI_EINTERNAL, "out of memory writing %s.", path);
	}
	snprintf(f->tmp, n, "%.*s.%s.XXXXXX", dir_len, path, base);
	int fd = mkstemp(f->tmp); /* O_CREAT | O_EXCL, mode 0600 */
	if (fd < 0) {
		mi_status st = mi_error_set(err, MI_ECANTCREAT, "cannot create %s: %s.", path,
					    strerror(errno));
		free(f->tmp);
		f->tmp = NULL;
		mi_outfile_abort(f);
		return st;
	}
	if (fchmod(fd, 0600) != 0 || !(f->stream = fdopen(fd, "w"))) {
		mi_status st = mi_error_set(err, MI_ECANTCREAT, "cannot create %s: %s.", path,
					    strerror(errno));
		if (!f->stream)
			close(fd);
		mi_outfile_abort(f);
		return st;
	}
	*out = f;
	return MI_OK;
}

FILE *mi_outfile_stream(mi_outfile *file)
{
	return file->stream;
}

mi_status mi_outfile_commit(mi_outfile *f, mi_error *err)
{
	mi_status st = MI_OK;
	if (!f->path) {
		if (fflush(stdout) != 0 || ferror(stdout))
			st = mi_error_set(err, MI_EIO, "cannot write to standard output: %s.",
					  strerror(errno));
		free(f);
		return st;
	}
	if (fflush(f->stream) != 0 || ferror(f->stream))
		st = mi_error_set(err, MI_EIO, "cannot write %s: %s.", f->path,
				  errno ? strerror(errno) : "a write failed");
	if (st == MI_OK && fsync(fileno(f->stream)) != 0)
		st = mi_error_set(err, MI_EIO, "cannot write %s: %s.", f->path, strerror(errno));
	if (fclose(f->stream) != 0 && st == MI_OK)
		st = mi_error_set(err, MI_EIO, "cannot write %s: %s.", f->path, strerror(errno));
	f->stream = NULL;
	if (st == MI_OK && rename(f->tmp, f->path) != 0)
		st = mi_error_set(err, MI_ECANTCREAT, "cannot create %s: %s.", f->path, strerror(errno));
	if (st == MI_OK) {
		free(f->tmp);
		f->tmp = NULL;
	}
	mi_outfile_abort(f);
	return st;
}

void mi_outfile_abort(mi_outfile *f)
{
	if (!f)
		return;
	if (f->stream && f->stream != stdout)
		fclose(f->stream);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	free(f);
}

mi_status mi_export_write_private(const char *path, const void *data, size_t len, mi_error *err)
{
	mi_outfile *f = NULL;
	mi_status st = mi_outfile_open(path, &f, err);
	if (st != MI_OK)
		return st;
	/* A short write sets the stream's error, which commit reports. */
	fwrite(data, 1, len, mi_outfile_stream(f));
	return mi_outfile_commit(f, err);
}
