/* test_notes_doc.c - session notes as one text document: what the editor
 * is given, and how what comes back is read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/notes_doc.h"

static mi_notes_doc parse_ok(const char *text)
{
	mi_notes_doc doc;
	mi_error err = {0};
	if (mi_notes_doc_parse(text, strlen(text), &doc, &err) != MI_OK)
		fail_msg("refused: %s", err.message);
	return doc;
}

static void format_then_parse_gives_the_notes_back(void **state)
{
	(void)state;
	const char *texts[MI_NOTES_FIELD_COUNT] = {"eased after 20 min", "L5 tender\n\nwatch the left hip",
						   NULL, "sleep better", NULL};
	char *text = mi_notes_doc_format("Instructions.\n[not a heading: ignored above]", texts);
	assert_non_null(strstr(text, "[therapist-notes]\nL5 tender\n\nwatch the left hip\n"));
	mi_notes_doc doc = parse_ok(text);
	for (int f = 0; f < MI_NOTES_FIELD_COUNT; f++) {
		assert_true(doc.given[f]);
		if (texts[f])
			assert_string_equal(doc.text[f], texts[f]);
		else
			assert_null(doc.text[f]);
	}
	mi_notes_doc_clear(&doc);
	free(text);
}

static void parse_with_some_sections_leaves_the_rest(void **state)
{
	(void)state;
	mi_notes_doc doc = parse_ok("anything here\n[aftercare]\n\n  drink water\t \r\n\nwalk daily  \n\n"
				    "[goals-other]\nsleep\n  through\n\n[response]\n");
	assert_false(doc.given[MI_NOTES_THERAPIST]);
	assert_null(doc.text[MI_NOTES_THERAPIST]);
	assert_true(doc.given[MI_NOTES_AFTERCARE]);
	assert_string_equal(doc.text[MI_NOTES_AFTERCARE], "  drink water\n\nwalk daily");
	assert_string_equal(doc.text[MI_NOTES_GOALS_OTHER], "sleep   through");
	assert_true(doc.given[MI_NOTES_RESPONSE]);
	assert_null(doc.text[MI_NOTES_RESPONSE]);
	mi_notes_doc_clear(&doc);

	doc = parse_ok("no headings at all\n");
	for (int f = 0; f < MI_NOTES_FIELD_COUNT; f++)
		assert_false(doc.given[f]);
	mi_notes_doc_clear(&doc);
	doc = parse_ok("[therapist-notes]\n[see chart] is not a heading: it has a space\n");
	assert_string_equal(doc.text[MI_NOTES_THERAPIST], "[see chart] is not a heading: it has a space");
	mi_notes_doc_clear(&doc);
	assert_int_equal(mi_notes_doc_body_start("intro\n[response]\nx", 18), 6);
	assert_int_equal(mi_notes_doc_body_start("intro\n", 6), 6);
}

static void parse_with_bad_document_fails(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *words;
	} bad[] = {
		{"[response]\nok\n[respnse]\nsecret text", "line 3 looks like a heading"},
		{"[response]\na\n[aftercare]\nb\n[response]\nc", "line 5: the section [response] is given twice"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		mi_notes_doc doc;
		mi_error err = {0};
		assert_int_equal(mi_notes_doc_parse(bad[i].text, strlen(bad[i].text), &doc, &err), MI_EDATA);
		if (!strstr(err.message, bad[i].words))
			fail_msg("\"%s\" lacks \"%s\"", err.message, bad[i].words);
		assert_null(strstr(err.message, "secret"));
	}
	mi_notes_doc doc;
	mi_error err = {0};
	assert_int_equal(mi_notes_doc_parse("[response]\nab\0cd", 16, &doc, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "line 2 contains a NUL byte"));
	char *big = malloc(MI_NOTES_DOC_MAX + 2);
	assert_non_null(big);
	memset(big, 'x', MI_NOTES_DOC_MAX + 1);
	assert_int_equal(mi_notes_doc_parse(big, MI_NOTES_DOC_MAX + 1, &doc, &err), MI_EDATA);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_then_parse_gives_the_notes_back),
		cmocka_unit_test(parse_with_some_sections_leaves_the_rest),
		cmocka_unit_test(parse_with_bad_document_fails),
	};
	return cmocka_run_group_tests_name("notes_doc", tests, NULL, NULL);
}
