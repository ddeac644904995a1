/* bench_exec.c - times a whole command, run after run, with its peak memory.
 *
 * Usage: mi-bench-exec NAME RUNS [-i INPUT] [-o OUTPUT] [-n NOTE] -- COMMAND [ARGS...]
 * Runs COMMAND once to warm the caches, then RUNS times, standard input
 * from INPUT (else /dev/null), standard output to OUTPUT (else /dev/null).
 * Prints one table row (synth_report): median, 95th percentile and largest
 * of the wall-clock times from spawn to exit, and the largest peak RSS of
 * the runs (from wait4, so no /usr/bin/time is needed); the note gets the
 * median CPU time (user + system). A run that exits with a failure stops it.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "synth.h"

extern char **environ;

enum { MAX_RUNS = 1000 };

/* Runs argv once; fills the wall time and CPU time in ms and the peak RSS
 * in kB. False when it could not run or failed. */
static bool run_once(char **argv, const char *input, const char *output, double *wall,
		     double *cpu, long *rss)
{
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, 0, input ? input : "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&actions, 1, output ? output : "/dev/null",
					 O_WRONLY | O_CREAT | O_TRUNC, 0600);
	pid_t pid;
	double t0 = synth_now_ms();
	int rc = posix_spawnp(&pid, argv[0], &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	if (rc != 0) {
		fprintf(stderr, "mi-bench-exec: cannot run %s: %s\n", argv[0], strerror(rc));
		return false;
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid)
		return false;
	*wall = synth_now_ms() - t0;
	*cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	*rss = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "mi-bench-exec: %s failed (status %d)\n", argv[0],
			WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: mi-bench-exec NAME RUNS [-i INPUT] [-o OUTPUT] [-n NOTE] -- COMMAND...\n");
		return 64;
	}
	const char *name = argv[1], *input = NULL, *output = NULL, *note = "";
	int runs = atoi(argv[2]), i = 3;
	for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
		if (i + 1 >= argc)
			return 64;
		if (strcmp(argv[i], "-i") == 0)
			input = argv[i + 1];
		else if (strcmp(argv[i], "-o") == 0)
			output = argv[i + 1];
		else if (strcmp(argv[i], "-n") == 0)
			note = argv[i + 1];
		else
			return 64;
	}
	if (i + 1 >= argc || runs < 1 || runs > MAX_RUNS)
		return 64;
	char **command = argv + i + 1;
	static double wall[MAX_RUNS], cpu[MAX_RUNS];
	long rss = 0, peak = 0;
	double w, c;
	if (!run_once(command, input, output, &w, &c, &rss))
		return 1;
	for (int r = 0; r < runs; r++) {
		if (!run_once(command, input, output, &wall[r], &cpu[r], &rss))
			return 1;
		peak = rss > peak ? rss : peak;
	}
	synth_summary s = synth_stats(wall, (size_t)runs);
	synth_summary cpu_s = synth_stats(cpu, (size_t)runs);
	char full_note[256];
	snprintf(full_note, sizeof full_note, "cpu %.1f ms%s%s", cpu_s.median, *note ? "; " : "", note);
	synth_report(name, (size_t)runs, s, peak, full_note);
	return 0;
}
