/* fuzz_fold.c - libFuzzer harness for mi_fold, the key names are matched
 * and searched by: any bytes give a key that is valid UTF-8 without control
 * characters, without space at either end or two spaces in a row, and that
 * folds to itself (so a folded search text and a stored key agree). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mi/fold.h"
#include "mi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	char *key = mi_fold(text);
	if (!key)
		abort();
	size_t len = strlen(key);
	if (mi_text_check(key, len, false, NULL) != MI_TEXT_OK)
		abort();
	if (len && (key[0] == ' ' || key[len - 1] == ' ' || strstr(key, "  ")))
		abort();
	char *again = mi_fold(key);
	if (!again || strcmp(again, key) != 0)
		abort();
	free(again);
	free(key);
	free(text);
	return 0;
}
