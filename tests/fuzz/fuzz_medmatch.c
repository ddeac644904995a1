/* fuzz_medmatch.c - libFuzzer harness for the medication matcher: any text
 * is classified as a medication the client wrote, against the shipped rules
 * and dictionary ($MI_DATA_DIR). Upper-casing ASCII letters must not change
 * the classes found. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/screen.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_FOUND = 64 };

static mi_ruleset *rules;

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
	free(text);
	free(upper);
	return 0;
}
