/* deliver.c - writing a summary to a private file, and printing it with lp
 * through a pipe, within a time limit. */
#define _GNU_SOURCE /* pipe2 */
#include "mi/export.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Seconds on the monotonic clock. */
static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Milliseconds left until deadline (0 when it has passed). */
static int ms_left(double deadline)
{
	double left = deadline - now_seconds();
	return left <= 0 ? 0 : left > 60 ? 60000 : (int)(left * 1000) + 1;
}

/* Starts the print command with its standard input on in_fd, in its own
 * process group, with the default handling of every signal the calling
 * program may have changed (the kiosk ignores some). */
static mi_status spawn_lp(const char *lp, int in_fd, bool quiet, pid_t *pid, mi_error *err)
{
	char *argv[] = {(char *)lp, "-t", MI_PRINT_TITLE, NULL};
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, in_fd, STDIN_FILENO);
	if (quiet) {
		posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	}
	posix_spawnattr_t attr;
	posix_spawnattr_init(&attr);
	sigset_t defaults, none;
	sigfillset(&defaults);
	sigdelset(&defaults, SIGKILL);
	sigdelset(&defaults, SIGSTOP);
	sigemptyset(&none);
	posix_spawnattr_setsigdefault(&attr, &defaults);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
						POSIX_SPAWN_SETSIGMASK);
	int rc = posix_spawnp(pid, lp, &actions, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&actions);
	if (rc != 0)
		return mi_error_set(err, MI_EIO, "cannot start the print command %s: %s.", lp,
				    strerror(rc));
	return MI_OK;
}

/* Writes data to the non-blocking fd until done, the reader goes away
 * (*stopped_reading) or the deadline passes (*late). */
static void feed(int fd, const unsigned char *data, size_t len, double deadline,
		 bool *stopped_reading, bool *late)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w > 0) {
			data += w;
			len -= (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EAGAIN) {
			struct pollfd p = {.fd = fd, .events = POLLOUT};
			int left = ms_left(deadline);
			if (left == 0) {
				*late = true;
				return;
			}
			poll(&p, 1, left);
			continue;
		}
		*stopped_reading = true; /* EPIPE: the program closed its input */
		return;
	}
}

/* Stops the print command's process group: SIGTERM, a second's grace,
 * then SIGKILL; reaps the command. */
static void stop_group(pid_t pid, int *status)
{
	kill(-pid, SIGTERM);
	double give_up = now_seconds() + 1.0;
	while (now_seconds() < give_up) {
		if (waitpid(pid, status, WNOHANG) == pid)
			return;
		nanosleep(&(struct timespec){.tv_nsec = 20000000}, NULL);
	}
	kill(-pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
}

/* Waits for pid until deadline; false when it had to be stopped. */
static bool wait_until(pid_t pid, double deadline, int *status)
{
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR) {
			*status = 0;
			return true;
		}
		if (now_seconds() >= deadline) {
			stop_group(pid, status);
			return false;
		}
		nanosleep(&(struct timespec){.tv_nsec = 20000000}, NULL);
	}
}

mi_status mi_export_print_pdf(const void *data, size_t len, bool quiet, double timeout_seconds,
			      mi_error *err)
{
	const char *lp = getenv("MASSAGE_INTAKE_LP");
	if (!lp || !*lp)
		lp = "lp";
	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC) != 0)
		return mi_error_set(err, MI_EIO, "cannot start the print command %s: %s.", lp,
				    strerror(errno));
	double deadline = now_seconds() + timeout_seconds;
	pid_t pid;
	mi_status st = spawn_lp(lp, pipefd[0], quiet, &pid, err);
	close(pipefd[0]);
	if (st != MI_OK) {
		close(pipefd[1]);
		return st;
	}
	/* A program that stops reading must not kill this one with SIGPIPE. */
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_pipe;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old_pipe);
	fcntl(pipefd[1], F_SETFL, O_NONBLOCK);
	bool stopped_reading = false, late = false;
	feed(pipefd[1], data, len, deadline, &stopped_reading, &late);
	close(pipefd[1]);
	sigaction(SIGPIPE, &old_pipe, NULL);

	int status = 0;
	bool finished = !late && wait_until(pid, deadline, &status);
	if (late)
		stop_group(pid, &status);
	if (!finished)
		return mi_error_set(err, MI_EIO,
				    "the printer did not answer within %.0f s (the print command %s was "
				    "stopped); the summary was not printed.",
				    timeout_seconds, lp);
	/* 127 is what a child that could not run the program exits with where
	 * posix_spawnp cannot report the exec failure itself (some libcs, and
	 * under valgrind). */
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return mi_error_set(err, MI_EIO,
				    "cannot start the print command %s: it was not found or cannot run.",
				    lp);
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		return mi_error_set(err, MI_EIO,
				    "the print command %s failed (exit status %d); the summary was not "
				    "printed.",
				    lp, WEXITSTATUS(status));
	if (WIFSIGNALED(status))
		return mi_error_set(err, MI_EIO,
				    "the print command %s was stopped by signal %d; the summary was not "
				    "printed.",
				    lp, WTERMSIG(status));
	if (stopped_reading)
		return mi_error_set(err, MI_EIO,
				    "the print command %s stopped reading the summary before its end; "
				    "it was not printed.",
				    lp);
	return MI_OK;
}
