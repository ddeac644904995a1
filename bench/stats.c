/* stats.c - one table row from numbers read on standard input.
 *
 * Usage: mi-bench-stats NAME [NOTE] < NUMBERS
 * Reads one number (milliseconds) per line, such as the per-key times
 * bench/run takes from the sqlite3 command's ".timer" output, and prints
 * their median, 95th percentile and largest as a row of the table every
 * benchmark prints (synth_report; no peak RSS).
 */
#include <stdio.h>
#include <stdlib.h>

#include "synth.h"

enum { MAX_NUMBERS = 1 << 20 };

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: mi-bench-stats NAME [NOTE] < NUMBERS\n");
		return 64;
	}
	double *numbers = malloc(MAX_NUMBERS * sizeof *numbers);
	if (!numbers)
		return 1;
	size_t count = 0;
	while (count < MAX_NUMBERS && scanf("%lf", &numbers[count]) == 1)
		count++;
	synth_report(argv[1], count, synth_stats(numbers, count), -1, argc == 3 ? argv[2] : "");
	free(numbers);
	return count ? 0 : 1;
}
