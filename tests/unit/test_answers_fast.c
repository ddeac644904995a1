/* test_answers_fast.c - the fast answers reader builds jansson's tree or
 * steps aside (see src/core/answers_fast.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "../../src/core/answers_fast.h"
#include "mi/answers.h"

/* Expects the fast reader to take text and give jansson's tree, keys in
 * the same order. */
static void expect_same_tree(const char *text)
{
	json_t *fast = mi_answers_fast_load(text, strlen(text), MI_ANSWERS_MAX_DEPTH);
	if (!fast)
		fail_msg("the fast reader stepped aside for %s", text);
	json_error_t jerr;
	json_t *slow = json_loads(text, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	assert_non_null(slow);
	char *a = json_dumps(fast, JSON_COMPACT | JSON_ENCODE_ANY);
	char *b = json_dumps(slow, JSON_COMPACT | JSON_ENCODE_ANY);
	assert_string_equal(a, b);
	free(a);
	free(b);
	json_decref(fast);
	json_decref(slow);
}

/* Expects the fast reader to leave text to the full path. */
static void expect_declined(const char *text, size_t len)
{
	json_t *fast = mi_answers_fast_load(text, len, MI_ANSWERS_MAX_DEPTH);
	if (fast)
		fail_msg("the fast reader took %.*s", (int)len, text);
}

static void decline(const char *text)
{
	expect_declined(text, strlen(text));
}

static void fast_load_with_plain_answers_succeeds(void **state)
{
	(void)state;
	expect_same_tree("{}");
	expect_same_tree(" {\"fever\": true, \"cancer_history\": false, \"recent_surgery_weeks\": null}\r\n");
	expect_same_tree("{\"client\": {\"name\": \"Zoë O'Brien \\\"Zed\\\" Αλέξης مريم 李\","
			 " \"birth_date\": \"1979-11-30\"}, \"pain_intensity\": 0, \"age\": -4,"
			 " \"pain_duration_weeks\": 999999999999999999}");
	expect_same_tree("{\"worse_with\": \"a\\\\b\\/c\\n\\t\\r\\b\\f\", \"x\": [[], {}, [1, [2]]]}");
	expect_same_tree("{\"z\": 1, \"a\": 2, \"m\": {\"b\": 3, \"a\": 4}}");
	expect_same_tree("{\"n\": -0, \"del\": \"\x7f\"}");
	expect_same_tree("{\"a\":[{\"b\":[{\"c\":[{\"d\":[1]}]}]}]}"); /* 8 levels */
}

static void fast_load_with_unusual_json_fails(void **state)
{
	(void)state;
	decline("");
	decline("[]");
	decline("\"text\"");
	decline("\xef\xbb\xbf{}");                         /* byte order mark */
	decline("{\"worse_with\": \"caf\\u00e9\"}");         /* \u escape */
	decline("{\"fever\": true, \"fever\": false}");      /* duplicate key */
	decline("{\"a\\u0062\": 1}");                        /* escaped key */
	decline("{\"a\\\"b\": 1}");
	decline("{\"age\": 12.5}");
	decline("{\"age\": 1e3}");
	decline("{\"age\": 01}");
	decline("{\"age\": -}");
	decline("{\"age\": +1}");
	decline("{\"age\": 9999999999999999999}");           /* 19 digits */
	decline("{\"fever\": tru}");
	decline("{\"fever\": truex}");
	decline("{\"fever\": true,}");
	decline("{\"fever\": true} x");
	decline("{\"fever\": true");
	decline("{\"fever\" true}");
	decline("{fever: true}");
	decline("{\"x\": \"tab\there\"}");                    /* raw control character */
	decline("{\"x\": \"bad \\q escape\"}");
	decline("{\"x\": \"caf\xe9\"}");                      /* Latin-1 */
	decline("{\"x\": \"\xed\xa0\x80\"}");                 /* encoded surrogate */
	decline("{\"x\": \"\xc0\xaf\"}");                     /* overlong */
	decline("{\"a\":[{\"b\":[{\"c\":[{\"d\":[[1]]}]}]}]}"); /* 9 levels */
	expect_declined("{\"x\": \"a\0b\"}", 12);               /* NUL byte */
	expect_declined("{} \0", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fast_load_with_plain_answers_succeeds),
		cmocka_unit_test(fast_load_with_unusual_json_fails),
	};
	return cmocka_run_group_tests_name("answers_fast", tests, NULL, NULL);
}
