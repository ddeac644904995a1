/* synth.h - realistic synthetic intake answers for the benchmarks.
 *
 * Every answers object is a pure function of (seed, index): the same index
 * always gives the same client and answers, whatever was generated before,
 * so the benchmark data is the same on every machine and every run. The
 * answers vary the way a clinic's do: names (some with accents), birth
 * dates, pain sites and ratings, mostly-negative safety answers with the
 * occasional red flag, zero to four medications written as clients write
 * them ("Eliquis 5 mg", "baby aspirin", "prednisone 5mg daily"), and now and
 * then an intake with safety questions left unanswered.
 */
#ifndef MI_BENCH_SYNTH_H
#define MI_BENCH_SYNTH_H

#include <stddef.h>
#include <stdint.h>

/* Largest line synth_answers writes (with its terminating NUL). */
enum { SYNTH_MAX_LINE = 4096 };

/* Writes the answers of client number client at its visit number visit as
 * one line of compact JSON (no newline) into buf, which holds
 * SYNTH_MAX_LINE bytes. Returns its length. The client fields (name, birth
 * date, phone, e-mail) depend on client only; the rest on both. */
size_t synth_answers(uint64_t seed, uint64_t client, uint64_t visit, char *buf);

/* The name of client number client (what synth_answers writes as
 * client.name) into buf of size bytes. */
void synth_client_name(uint64_t seed, uint64_t client, char *buf, size_t size);

/* Milliseconds since an arbitrary start (CLOCK_MONOTONIC). */
double synth_now_ms(void);

/* The median, 95th percentile (nearest rank) and largest of samples. */
typedef struct synth_summary {
	double median, p95, max;
} synth_summary;

/* Sorts samples in place and summarises them (all 0 when count is 0). */
synth_summary synth_stats(double *samples, size_t count);

/* CPU time (user + system) this process has used, in milliseconds. */
double synth_cpu_ms(void);

/* Peak resident memory of this process so far, in kilobytes. */
long synth_peak_rss_kb(void);

/* Prints one result row in the table every benchmark prints:
 * name, runs, median, p95 and max ms, peak RSS (kB, or -1 when not
 * measured), and a free-form note. */
void synth_report(const char *name, size_t runs, synth_summary s, long rss_kb, const char *note);

#endif
