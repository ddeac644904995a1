/* fuzz_answers_fast.c - differential fuzzer: the fast answers reader against
 * jansson. Whatever the fast reader accepts, jansson (with the flags
 * answers.c uses) and the precheck must accept too, giving the same tree
 * with keys in the same order; otherwise bulk screening would not behave
 * exactly as the full path does. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/answers_fast.h"
#include "mi/answers.h"
#include "mi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Deepest nesting of objects and lists in value (1 for a flat object). */
static int depth_of(json_t *value)
{
	int deepest = 0;
	if (json_is_object(value)) {
		const char *key;
		json_t *item;
		json_object_foreach(value, key, item) {
			int d = depth_of(item);
			deepest = d > deepest ? d : deepest;
		}
		return deepest + 1;
	}
	if (json_is_array(value)) {
		size_t i;
		json_t *item;
		json_array_foreach(value, i, item) {
			int d = depth_of(item);
			deepest = d > deepest ? d : deepest;
		}
		return deepest + 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	json_t *fast = mi_answers_fast_load(text, size, MI_ANSWERS_MAX_DEPTH);
	if (!fast)
		return 0;
	/* The precheck's conditions: valid UTF-8 throughout, shallow enough. */
	for (size_t i = 0; i < size;) {
		unsigned c;
		size_t n = mi_utf8_decode(text + i, size - i, &c);
		if (n == 0)
			abort();
		i += n;
	}
	if (depth_of(fast) > MI_ANSWERS_MAX_DEPTH)
		abort();
	json_error_t jerr;
	json_t *slow = json_loadb(text, size, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	if (!slow || !json_equal(fast, slow))
		abort();
	/* Same keys in the same order (dumps keep insertion order). */
	char *a = json_dumps(fast, JSON_COMPACT), *b = json_dumps(slow, JSON_COMPACT);
	if (!a || !b || strcmp(a, b) != 0)
		abort();
	free(a);
	free(b);
	json_decref(fast);
	json_decref(slow);
	return 0;
}
