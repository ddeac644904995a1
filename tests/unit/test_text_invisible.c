/* test_text_invisible.c - invisible and look-alike characters: refused in
 * every text, stricter in names, names normalised (NFC, plain spaces), and
 * through the answers every way in refuses them naming the field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/answers.h"
#include "mi/text.h"

/* Invisible characters a name can hide, each as "Maya<it>Ortiz" would hold it. */
static const struct {
	const char *what, *utf8;
	mi_text_problem in_text; /* in free text */
} invisible[] = {
	{"zero-width space U+200B", "\xE2\x80\x8B", MI_TEXT_INVISIBLE},
	{"left-to-right mark U+200E", "\xE2\x80\x8E", MI_TEXT_BIDI_CONTROL},
	{"right-to-left mark U+200F", "\xE2\x80\x8F", MI_TEXT_BIDI_CONTROL},
	{"Arabic letter mark U+061C", "\xD8\x9C", MI_TEXT_BIDI_CONTROL},
	{"right-to-left override U+202E", "\xE2\x80\xAE", MI_TEXT_BIDI_CONTROL},
	{"first strong isolate U+2068", "\xE2\x81\xA8", MI_TEXT_BIDI_CONTROL},
	{"byte order mark U+FEFF", "\xEF\xBB\xBF", MI_TEXT_INVISIBLE},
	{"soft hyphen U+00AD", "\xC2\xAD", MI_TEXT_INVISIBLE},
	{"word joiner U+2060", "\xE2\x81\xA0", MI_TEXT_INVISIBLE},
	{"invisible times U+2062", "\xE2\x81\xA2", MI_TEXT_INVISIBLE},
	{"tag latin capital a U+E0041", "\xF3\xA0\x81\x81", MI_TEXT_INVISIBLE},
	{"cancel tag U+E007F", "\xF3\xA0\x81\xBF", MI_TEXT_INVISIBLE},
	{"line separator U+2028", "\xE2\x80\xA8", MI_TEXT_INVISIBLE},
	{"paragraph separator U+2029", "\xE2\x80\xA9", MI_TEXT_INVISIBLE},
	{"Mongolian vowel separator U+180E", "\xE1\xA0\x8E", MI_TEXT_INVISIBLE},
	{"interlinear annotation U+FFF9", "\xEF\xBF\xB9", MI_TEXT_INVISIBLE},
	/* Needed in ordinary text (Persian, Indic scripts, emoji), never in a name. */
	{"zero-width joiner U+200D", "\xE2\x80\x8D", MI_TEXT_OK},
	{"zero-width non-joiner U+200C", "\xE2\x80\x8C", MI_TEXT_OK},
	{"Hangul filler U+3164", "\xE3\x85\xA4", MI_TEXT_OK},
	{"combining grapheme joiner U+034F", "\xCD\x8F", MI_TEXT_OK},
	{"variation selector U+FE0F", "\xEF\xB8\x8F", MI_TEXT_OK},
	{"private use U+E000", "\xEE\x80\x80", MI_TEXT_OK},
	{"unassigned U+0378", "\xCD\xB8", MI_TEXT_OK},
};

static char *between(const char *a, const char *mid, const char *b)
{
	size_t la = strlen(a), lm = strlen(mid), lb = strlen(b);
	char *s = malloc(la + lm + lb + 1);
	assert_non_null(s);
	memcpy(s, a, la);
	memcpy(s + la, mid, lm);
	memcpy(s + la + lm, b, lb + 1);
	return s;
}

static void check_with_invisible_characters_fails(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
		char *s = between("Maya", invisible[i].utf8, "Ortiz");
		size_t at = 99;
		mi_text_problem in_text = mi_text_check(s, strlen(s), false, &at);
		if (in_text != invisible[i].in_text)
			fail_msg("%s in text: problem %d, expected %d", invisible[i].what, in_text,
				 invisible[i].in_text);
		mi_text_problem in_name = mi_text_check_name(s, strlen(s), &at);
		if (in_name == MI_TEXT_OK)
			fail_msg("%s is accepted in a name", invisible[i].what);
		assert_int_equal(at, 4);
		free(s);
	}
	/* Visible text of every script, emoji and plain punctuation pass. */
	const char *fine = "Zo\xC3\xAB O'Brien-Smith \xCE\x91\xCE\xBB\xCE\xAD\xCE\xBE\xCE\xB7\xCF\x82 "
			   "\xD9\x85\xD8\xB1\xDB\x8C\xD9\x85 \xE6\x9D\x8E \xE0\xA4\xB8\xE0\xA5\x8B";
	assert_int_equal(mi_text_check(fine, strlen(fine), false, NULL), MI_TEXT_OK);
	assert_int_equal(mi_text_check_name(fine, strlen(fine), NULL), MI_TEXT_OK);
	const char *emoji = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F nurse";
	assert_int_equal(mi_text_check(emoji, strlen(emoji), false, NULL), MI_TEXT_OK);
}

static void sanitize_with_invisible_characters_shows_them(void **state)
{
	(void)state;
	char *s = mi_text_sanitize("Maya\xE2\x80\x8B" "Ortiz\xC2\xAD\xE2\x80\xA8", false);
	assert_string_equal(s, "Maya\xEF\xBF\xBD" "Ortiz\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
}

static void normalize_name_with_decomposed_and_odd_spaces_succeeds(void **state)
{
	(void)state;
	/* e + combining diaeresis becomes e-diaeresis; no-break, en and
	 * ideographic spaces become plain spaces. */
	char *s = mi_text_normalize_name("Zoe\xCC\x88\xC2\xA0Lind\xE2\x80\x82" "A\xE3\x80\x80" "B");
	assert_string_equal(s, "Zo\xC3\xAB Lind A B");
	free(s);
	s = mi_text_normalize_name("Maya Ortiz");
	assert_string_equal(s, "Maya Ortiz");
	free(s);
	assert_null(mi_text_normalize_name("\xC3"));
}

/* Through the answers (the way the command line, the desk and the kiosk
 * all store a name): refused with the field named, or stored normalised. */
static void answers_with_invisible_name_fails(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
		char *name = between("\"Maya", invisible[i].utf8, "Ortiz\"");
		mi_answers *a = mi_answers_new();
		mi_error err = {0};
		assert_int_equal(mi_answers_set_json(a, "client.name", name, &err), MI_EDATA);
		if (!strstr(err.message, "\"client.name\"") || !strstr(err.message, "U+"))
			fail_msg("%s: %s", invisible[i].what, err.message);
		assert_int_equal(mi_answers_set_json(a, "consent.name", name, &err), MI_EDATA);
		assert_non_null(strstr(err.message, "\"consent.name\""));
		assert_false(mi_answers_has(a, "client.name"));
		mi_answers_free(a);
		free(name);
	}
	const char *doc = "{\"client\": {\"name\": \"Zoe\xCC\x88\xC2\xA0Lind\"}, "
			  "\"worse_with\": \"sitting \xE2\x80\x8B\"}";
	mi_answers *a = NULL;
	mi_error err = {0};
	assert_int_equal(mi_answers_parse(doc, strlen(doc), &a, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "\"worse_with\" contains an invisible character (U+200B"));
	doc = "{\"client\": {\"name\": \"Zoe\xCC\x88\xC2\xA0Lind\"}}";
	assert_int_equal(mi_answers_parse(doc, strlen(doc), &a, &err), MI_OK);
	assert_string_equal(mi_answers_get_text(a, "client.name"), "Zo\xC3\xAB Lind");
	mi_answers_free(a);
	a = mi_answers_new();
	assert_int_equal(mi_answers_set_text(a, "consent.name", "Zoe\xCC\x88 Lind", &err), MI_OK);
	assert_string_equal(mi_answers_get_text(a, "consent.name"), "Zo\xC3\xAB Lind");
	assert_int_equal(mi_answers_set_json(a, "client", "{\"name\": \"A\xE2\x80\x8B\"}", &err), MI_EDATA);
	mi_answers_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check_with_invisible_characters_fails),
		cmocka_unit_test(sanitize_with_invisible_characters_shows_them),
		cmocka_unit_test(normalize_name_with_decomposed_and_odd_spaces_succeeds),
		cmocka_unit_test(answers_with_invisible_name_fails),
	};
	return cmocka_run_group_tests_name("text_invisible", tests, NULL, NULL);
}
