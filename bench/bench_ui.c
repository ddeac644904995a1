/* bench_ui.c - the front desk's first frame, as a user sees it, under tmux.
 *
 * Usage: mi-bench-ui NAME RUNS PROGRAM DB NEEDLE
 * Starts a private tmux server (80x24), then RUNS times (after one warm-up)
 * respawns its pane with `PROGRAM --db DB` and polls `tmux capture-pane`
 * as fast as it can until NEEDLE (text of the finished main screen) shows.
 * The time is from the respawn to the capture that showed it, so it
 * includes tmux's own work and is exact to about one capture (a few ms).
 * The peak RSS is the program's VmHWM once the frame is shown. Prints one
 * table row (synth_report). The tmux server is killed at the end, whatever
 * happens.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "synth.h"

extern char **environ;

enum { MAX_RUNS = 200, OUTPUT_MAX = 16384 };
static const double DEADLINE_MS = 10000;

static char socket_name[64];

/* Runs tmux with args, its output into out (NUL-terminated, may be NULL).
 * Returns its exit status, -1 when it could not run. */
static int tmux(char *const args[], char *out, size_t size)
{
	char *argv[16] = {"tmux", "-f", "/dev/null", "-L", socket_name};
	size_t n = 5;
	for (size_t i = 0; args[i] && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	/* Output goes through a pipe only when wanted: a tmux client that
	 * starts the server would hand the server the pipe, which then never
	 * ends. */
	int fds[2] = {-1, -1};
	if (out && pipe(fds) != 0)
		return -1;
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	if (out) {
		posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
		posix_spawn_file_actions_addclose(&actions, fds[0]);
	} else {
		posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
	}
	posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int rc = posix_spawnp(&pid, "tmux", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	if (out)
		close(fds[1]);
	if (rc != 0) {
		if (out)
			close(fds[0]);
		return -1;
	}
	if (out) {
		size_t used = 0;
		char discard[4096];
		ssize_t got;
		while ((got = read(fds[0], used + 1 < size ? out + used : discard,
				   used + 1 < size ? size - used - 1 : sizeof discard)) > 0)
			if (used + 1 < size)
				used += (size_t)got;
		close(fds[0]);
		out[used] = '\0';
	}
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The peak RSS (VmHWM) of process pid in kB, or -1. */
static long peak_rss_of(long pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%ld/status", pid);
	FILE *f = fopen(path, "r");
	long kb = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

static void kill_server(void)
{
	tmux((char *[]){"kill-server", NULL}, NULL, 0);
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: mi-bench-ui NAME RUNS PROGRAM DB NEEDLE\n");
		return 64;
	}
	const char *name = argv[1], *program = argv[3], *db = argv[4], *needle = argv[5];
	int runs = atoi(argv[2]);
	if (runs < 1 || runs > MAX_RUNS)
		return 64;
	snprintf(socket_name, sizeof socket_name, "mi-bench-%ld", (long)getpid());
	char command[4096];
	snprintf(command, sizeof command,
		 "exec env TERM=tmux-256color LANG=C.UTF-8 ESCDELAY=25 '%s' --db '%s'", program, db);
	if (tmux((char *[]){"new-session", "-d", "-s", "b", "-x", "80", "-y", "24", "sleep 3600", NULL},
		 NULL, 0) != 0) {
		fprintf(stderr, "mi-bench-ui: cannot start tmux.\n");
		return 1;
	}
	static double samples[MAX_RUNS];
	static char screen[OUTPUT_MAX];
	long peak = 0;
	int rc = 0;
	for (int r = -1; r < runs && rc == 0; r++) {
		double t0 = synth_now_ms(), t1 = 0;
		if (tmux((char *[]){"respawn-pane", "-k", "-t", "b", command, NULL}, NULL, 0) != 0) {
			rc = 1;
			break;
		}
		for (;;) {
			tmux((char *[]){"capture-pane", "-p", "-t", "b", NULL}, screen, sizeof screen);
			t1 = synth_now_ms();
			if (strstr(screen, needle))
				break;
			if (t1 - t0 > DEADLINE_MS) {
				fprintf(stderr, "mi-bench-ui: \"%s\" did not show within %.0f s; the screen:\n%s\n",
					needle, DEADLINE_MS / 1000, screen);
				rc = 1;
				break;
			}
		}
		char pid_text[32];
		tmux((char *[]){"display-message", "-p", "-t", "b", "#{pane_pid}", NULL}, pid_text,
		     sizeof pid_text);
		long rss = peak_rss_of(atol(pid_text));
		peak = rss > peak ? rss : peak;
		if (r >= 0)
			samples[r] = t1 - t0;
	}
	kill_server();
	if (rc)
		return rc;
	synth_report(name, (size_t)runs, synth_stats(samples, (size_t)runs), peak,
		     "spawn to main screen shown (tmux)");
	return 0;
}
