/* gen_answers.c - writes N synthetic intake answers, one JSON object per line.
 *
 * Usage: mi-bench-gen-answers N [SEED] > answers.jsonl
 * The same N and SEED always give the same file (see synth.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "synth.h"

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: mi-bench-gen-answers N [SEED] > answers.jsonl\n");
		return 64;
	}
	char *end;
	errno = 0;
	unsigned long long n = strtoull(argv[1], &end, 10);
	unsigned long long seed = argc == 3 ? strtoull(argv[2], NULL, 10) : 1;
	if (errno || *end) {
		fprintf(stderr, "mi-bench-gen-answers: N must be a whole number.\n");
		return 64;
	}
	char line[SYNTH_MAX_LINE];
	for (unsigned long long i = 0; i < n; i++) {
		size_t len = synth_answers(seed, i, 0, line);
		line[len++] = '\n';
		fwrite(line, 1, len, stdout);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "mi-bench-gen-answers: cannot write: %s.\n", strerror(errno));
		return 74;
	}
	return 0;
}
