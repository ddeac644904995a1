/* bench_meds.c - what reading medications costs, in process.
 *
 * Usage: mi-bench-meds DATA_DIR [ANSWERS]
 * Prints table rows (see synth_report):
 *   - loading rules.conf and medications.conf (what every command pays once);
 *   - reading the medications of ANSWERS synthetic answers (default 20000,
 *     the mix of bench/synth.c), per 1000 answers: the median in ms is the
 *     cost per answer in microseconds;
 *   - the same for medications written the hard way: misspelt, with
 *     symbols and other spaces, words the dictionary does not know (each
 *     unknown word of 5 letters or more is looked up as a misspelling).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/answers.h"
#include "mi/meds.h"
#include "mi/screen.h"
#include "synth.h"

enum { SEED = 1, BATCH = 1000, LOADS = 20, MAX_SAMPLES = 4096 };

/* Medications as clients write them when it is hard: one per answer. */
static const char *const hard[] = {
	"eloquis 5mg twice a day", "Warferin 3mg", "Xeralto 20 mg", "clopidigrel 75mg",
	"asprin 325", "blood thinning tablets, can't remember the name",
	"Adriamycin/Cytoxan every 2 weeks", "Eliquis\xc2\xae 5 mg", "Xarelto\xc2\xa0" "20 mg",
	"\xe2\x80\x9cwarfarin\xe2\x80\x9d", "amlodipine 5mg, aspirin, atorvastatin 40mg",
	"aspirin, low-dose naltrexone", "my heart pill", "the little white one for my nerves",
	"metformine 500 mg twice daily", "atorvastaton 20mg at night", "no blood thinners",
	"stopped warfarin last year", "levothyroxin 50 mcg", "Zyxtraline 10 mg",
};

static void die(const char *what, const mi_error *err)
{
	fprintf(stderr, "mi-bench-meds: %s: %s\n", what, err->message);
	exit(1);
}

/* Reads every medication of answers[0..n) once; returns the medicines found. */
static size_t read_answers(const mi_meds *meds, mi_answers *const *answers, size_t n)
{
	size_t read = 0;
	mi_error err;
	for (size_t i = 0; i < n; i++) {
		size_t count = mi_answers_list_count(answers[i], "medications");
		for (size_t k = 0; k < count; k++) {
			mi_med_text t;
			if (mi_meds_read(meds, mi_answers_list_item(answers[i], "medications", k), &t,
					 &err) != MI_OK)
				die("reading", &err);
			read += t.reading_count;
			mi_med_text_clear(&t);
		}
	}
	return read;
}

/* Times read_answers over all answers in batches of BATCH. */
static void time_batches(const char *name, const mi_meds *meds, mi_answers *const *answers,
			 size_t n, const char *note)
{
	static double samples[MAX_SAMPLES];
	size_t count = 0;
	for (size_t first = 0; first + BATCH <= n && count < MAX_SAMPLES; first += BATCH) {
		double t0 = synth_now_ms();
		read_answers(meds, answers + first, BATCH);
		samples[count++] = synth_now_ms() - t0;
	}
	synth_report(name, count, synth_stats(samples, count), -1, note); /* RSS: the answers held */
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: mi-bench-meds DATA_DIR [ANSWERS]\n");
		return 64;
	}
	const char *dir = argv[1];
	size_t n = argc == 3 ? strtoul(argv[2], NULL, 10) : 20000;
	if (n < BATCH)
		n = BATCH;
	mi_error err;

	double loads[LOADS];
	for (size_t i = 0; i < LOADS; i++) {
		mi_ruleset *rules = NULL;
		double t0 = synth_now_ms();
		if (mi_ruleset_load_dir(dir, &rules, &err) != MI_OK)
			die("loading the rules", &err);
		loads[i] = synth_now_ms() - t0;
		mi_ruleset_free(rules);
	}
	synth_report("load rules.conf + medications.conf", LOADS, synth_stats(loads, LOADS),
		     synth_peak_rss_kb(),
		     "once per command");

	char path[4096];
	snprintf(path, sizeof path, "%s/medications.conf", dir);
	mi_meds *meds = NULL;
	if (mi_meds_load(path, &meds, &err) != MI_OK)
		die("loading the dictionary", &err);
	mi_answers **answers = calloc(n, sizeof *answers);
	mi_answers **hard_answers = calloc(n, sizeof *hard_answers);
	if (!answers || !hard_answers) {
		fprintf(stderr, "mi-bench-meds: out of memory\n");
		return 70;
	}
	char line[SYNTH_MAX_LINE];
	size_t meds_count = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = synth_answers(SEED, i, 0, line);
		if (mi_answers_parse(line, len, &answers[i], &err) != MI_OK)
			die("parsing synthetic answers", &err);
		meds_count += mi_answers_list_count(answers[i], "medications");
		/* The hard strings hold no '"' or '\\' that JSON would escape. */
		char list[512];
		snprintf(list, sizeof list, "{\"medications\": [\"%s\"]}",
			 hard[i % (sizeof hard / sizeof *hard)]);
		if (mi_answers_parse(list, strlen(list), &hard_answers[i], &err) != MI_OK)
			die("parsing hard answers", &err);
	}
	char note[128];
	snprintf(note, sizeof note, "ms per 1000 = us per answer; %.1f medications each",
		 (double)meds_count / (double)n);
	time_batches("medication reading, synthetic mix, 1000 answers", meds, answers, n, note);
	time_batches("medication reading, misspelt/unknown, 1000 answers", meds, hard_answers, n,
		     "ms per 1000 = us per answer; 1 hard medication each");
	for (size_t i = 0; i < n; i++) {
		mi_answers_free(answers[i]);
		mi_answers_free(hard_answers[i]);
	}
	free(answers);
	free(hard_answers);
	mi_meds_free(meds);
	return 0;
}
