/* fuzz_answers.c - libFuzzer harness for the answers parser and editor. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mi/answers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mi_answers *answers = NULL;
	mi_error err;
	if (mi_answers_parse((const char *)data, size, &answers, &err) != MI_OK)
		return 0;
	/* Whatever parses must print and parse back to the same text. */
	char *json = mi_answers_to_json(answers, false);
	if (!json)
		abort();
	mi_answers *again = NULL;
	if (mi_answers_parse(json, strlen(json), &again, &err) != MI_OK)
		abort();
	char *json_again = mi_answers_to_json(again, true);
	mi_answers *third = NULL;
	if (!json_again || mi_answers_parse(json_again, strlen(json_again), &third, &err) != MI_OK)
		abort();
	char *json_third = mi_answers_to_json(third, false);
	if (!json_third || strcmp(json, json_third) != 0)
		abort();
	free(json);
	free(json_again);
	free(json_third);
	mi_answers_free(again);
	mi_answers_free(third);
	mi_answers_free(answers);
	return 0;
}
