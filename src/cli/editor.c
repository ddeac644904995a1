/* editor.c - editing text in the user's text editor, in a private file
 * that is gone when the editing is over. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/strbuf.h"

extern char **environ;

/* A new private folder (0700) for the file; NULL with err set. Caller
 * frees. $XDG_RUNTIME_DIR is tried first: it is the user's own, in memory,
 * and emptied when they log out. */
static char *private_folder(mi_error *err)
{
	const char *bases[] = {getenv("XDG_RUNTIME_DIR"), getenv("TMPDIR"), "/tmp"};
	int saved = 0;
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		if (!bases[i] || bases[i][0] != '/')
			continue;
		mi_strbuf b = {0};
		mi_strbuf_addf(&b, "%s/massage-intake-edit.XXXXXX", bases[i]);
		char *dir = mi_strbuf_take(&b);
		if (!dir) {
			mi_error_set(err, MI_EINTERNAL, _("out of memory."));
			return NULL;
		}
		if (mkdtemp(dir))
			return dir;
		saved = errno;
		free(dir);
	}
	mi_error_set(err, MI_ECANTCREAT, _("cannot create a private folder for the text to edit: %s."),
		     strerror(saved));
	return NULL;
}

/* Removes the folder with everything the editor left in it (swap and
 * backup files hold the text too). */
static void remove_folder(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if (unlinkat(dirfd(d), e->d_name, 0) != 0)
				unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Writes text into a new 0600 file at path. */
static mi_status write_new(const char *path, const char *text, size_t len, mi_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return mi_error_set(err, MI_ECANTCREAT, _("cannot create the file to edit: %s."),
				    strerror(errno));
	mi_status st = MI_OK;
	for (size_t done = 0; done < len && st == MI_OK;) {
		ssize_t n = write(fd, text + done, len - done);
		if (n < 0 && errno != EINTR)
			st = mi_error_set(err, MI_ECANTCREAT, _("cannot write the file to edit: %s."),
					  strerror(errno));
		else if (n > 0)
			done += (size_t)n;
	}
	if (close(fd) != 0 && st == MI_OK)
		st = mi_error_set(err, MI_ECANTCREAT, _("cannot write the file to edit: %s."), strerror(errno));
	return st;
}

/* The editor the user chose: $VISUAL, else $EDITOR, else vi. */
static const char *chosen_editor(void)
{
	const char *names[] = {"VISUAL", "EDITOR"};
	for (size_t i = 0; i < 2; i++) {
		const char *e = getenv(names[i]);
		if (e && *e)
			return e;
	}
	return "vi";
}

/* Runs the editor on path and waits for it. Like system(), the editor
 * (which may hold arguments: "emacs -nw") is run by sh with the file as
 * "$1"; Ctrl-C and Ctrl-\ are the editor's while it runs. */
static mi_status run_editor(const char *editor, const char *path, mi_error *err)
{
	mi_strbuf b = {0};
	mi_strbuf_addf(&b, "%s \"$1\"", editor);
	char *command = mi_strbuf_take(&b);
	if (!command)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	char *argv[] = {"sh", "-c", command, "sh", (char *)path, NULL};
	posix_spawnattr_t attr;
	posix_spawnattr_init(&attr);
	sigset_t defaults, none;
	sigemptyset(&none);
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGINT);
	sigaddset(&defaults, SIGQUIT);
	sigaddset(&defaults, SIGHUP);
	sigaddset(&defaults, SIGTERM);
	posix_spawnattr_setsigdefault(&attr, &defaults);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid_t pid;
	int rc = posix_spawn(&pid, "/bin/sh", NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	mi_status st = MI_OK;
	int status = 0;
	if (rc != 0)
		st = mi_error_set(err, MI_EIO, _("cannot start the editor %s: %s."), editor, strerror(rc));
	while (st == MI_OK && waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			st = mi_error_set(err, MI_EIO, _("lost track of the editor %s: %s."), editor,
					  strerror(errno));
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(command);
	if (st != MI_OK || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
		return st;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return mi_error_set(err, MI_EIO,
				    _("cannot start the editor %s; set VISUAL or EDITOR to the editor "
				      "to use. Nothing was saved."),
				    editor);
	if (WIFEXITED(status))
		return mi_error_set(err, MI_EIO,
				    _("the editor %s failed (exit status %d); nothing was saved."), editor,
				    WEXITSTATUS(status));
	return mi_error_set(err, MI_EIO,
			    _("the editor %s was stopped by signal %d; nothing was saved."),
			    editor, WTERMSIG(status));
}

mi_status mi_cli_read_text(const char *path, size_t max, char **text, size_t *len, mi_error *err)
{
	bool use_stdin = strcmp(path, "-") == 0;
	const char *shown = use_stdin ? _("standard input") : path;
	FILE *f = use_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return mi_error_set(err, errno == ENOENT ? MI_ENOINPUT : MI_EIO, _("cannot read %s: %s."),
				    shown, strerror(errno));
	char *buf = malloc(max + 1);
	size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
	bool failed = buf && ferror(f);
	if (!use_stdin)
		fclose(f);
	mi_status st = MI_OK;
	if (!buf)
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory reading %s."), shown);
	else if (failed)
		st = mi_error_set(err, MI_EIO, _("cannot read %s."), shown);
	else if (n > max)
		st = mi_error_set(err, MI_EDATA, _("%s is longer than %zu bytes."), shown, max);
	if (st != MI_OK) {
		free(buf);
		return st;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return MI_OK;
}

mi_status mi_cli_edit_text(const char *text, size_t max, char **edited, size_t *len,
			   mi_error *err)
{
	/* A hang-up or kill while the editor runs waits until the private
	 * file is gone; the program then ends as it would have. */
	sigset_t deferred, old_mask;
	sigemptyset(&deferred);
	sigaddset(&deferred, SIGHUP);
	sigaddset(&deferred, SIGTERM);
	sigprocmask(SIG_BLOCK, &deferred, &old_mask);
	char *dir = private_folder(err);
	char *file = NULL;
	mi_status st = dir ? MI_OK : err->status;
	if (st == MI_OK) {
		mi_strbuf b = {0};
		mi_strbuf_addf(&b, "%s/notes.txt", dir);
		file = mi_strbuf_take(&b);
		st = file ? write_new(file, text, strlen(text), err)
			  : mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	if (st == MI_OK)
		st = run_editor(chosen_editor(), file, err);
	if (st == MI_OK)
		st = mi_cli_read_text(file, max, edited, len, err);
	if (dir)
		remove_folder(dir);
	free(file);
	free(dir);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return st;
}
