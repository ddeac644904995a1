/* fuzz_medmatch.c - libFuzzer harness for the medication matcher: any text
 * is read as a medication the client wrote, against the shipped rules and
 * dictionary ($MI_DATA_DIR). Checks that:
 *  - upper-casing ASCII letters does not change the classes found;
 *  - every medicine read and every unrecognised part is a piece of the
 *    text (start < end <= its length), in order, and the classes of the
 *    text are those of its readings;
 *  - reading the same text twice gives the same result, and the screen's
 *    description of it can be made. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/meds.h"
#include "mi/screen.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_FOUND = 64 };

static mi_ruleset *rules;
static mi_meds *meds;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("MI_DATA_DIR");
	mi_error err;
	if (mi_ruleset_load_dir(dir ? dir : "data", &rules, &err) != MI_OK) {
		fprintf(stderr, "fuzz_medmatch: %s\n", err.message);
		abort();
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/medications.conf", dir ? dir : "data");
	if (mi_meds_load(path, &meds, &err) != MI_OK) {
		fprintf(stderr, "fuzz_medmatch: %s\n", err.message);
		abort();
	}
	return 0;
}

/* True when both lists hold the same names in the same order. */
static bool same(const char **a, size_t na, const char **b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

/* Aborts unless the reading of text holds together. */
static void check_reading(const char *text)
{
	size_t len = strlen(text);
	mi_med_text t, again;
	mi_error err;
	if (mi_meds_read(meds, text, &t, &err) != MI_OK || mi_meds_read(meds, text, &again, &err) != MI_OK)
		abort();
	uint64_t classes = 0;
	size_t last_end = 0;
	for (size_t i = 0; i < t.reading_count; i++) {
		const mi_med_reading *r = &t.readings[i];
		if (r->start >= r->end || r->end > len || r->start < last_end || !r->name)
			abort();
		last_end = r->end;
		classes |= r->classes;
	}
	if (classes != t.classes)
		abort();
	last_end = 0;
	for (size_t i = 0; i < t.unrecognised_count; i++) {
		const mi_med_span *s = &t.unrecognised[i];
		if (s->start >= s->end || s->end > len || s->start < last_end)
			abort();
		last_end = s->end;
	}
	if (t.none && (t.reading_count || t.unrecognised_count))
		abort();
	if (again.classes != t.classes || again.reading_count != t.reading_count ||
	    again.unrecognised_count != t.unrecognised_count || again.none != t.none)
		abort();
	mi_med_text_clear(&t);
	mi_med_text_clear(&again);
	char *described = mi_ruleset_describe_medication(rules, text);
	if (!described)
		abort();
	free(described);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	char *upper = malloc(size + 1);
	if (!text || !upper)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	for (size_t i = 0; i <= size; i++)
		upper[i] = (text[i] >= 'a' && text[i] <= 'z') ? (char)(text[i] - 'a' + 'A') : text[i];
	const char *found[MAX_FOUND], *found_upper[MAX_FOUND];
	size_t n = mi_ruleset_medication_classes(rules, text, found, MAX_FOUND);
	size_t n_upper = mi_ruleset_medication_classes(rules, upper, found_upper, MAX_FOUND);
	if (n > MAX_FOUND || !same(found, n, found_upper, n_upper))
		abort();
	check_reading(text);
	free(text);
	free(upper);
	return 0;
}
