/* test_fold.c - the comparison key of names: case, accents, width,
 * spacing and invisible characters, in every script (mi_fold). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/fold.h"

static const struct {
	const char *text;
	const char *key;
} cases[] = {
	/* Spacing and ASCII case, as before. */
	{"  Maya   ORTIZ ", "maya ortiz"},
	{"Maya\tOrtiz\n", "maya ortiz"},
	{"", ""},
	{"   ", ""},
	/* Accents, precomposed or typed as a letter and a combining mark. */
	{"Élodie", "elodie"},
	{"élodie", "elodie"},
	{"E\xCC\x81LODIE", "elodie"},
	{"Renée Lefèvre", "renee lefevre"},
	{"Zoë Müller-Schröder", "zoe muller-schroder"},
	{"Nguyễn Thị Hương", "nguyen thi huong"},
	{"Dvořák Černý", "dvorak cerny"},
	/* Greek: accents off, and capital, medial and final sigma alike. */
	{"Σοφία", "σοφια"},
	{"ΣΟΦΙΑ", "σοφια"},
	{"σοφία", "σοφια"},
	{"Ὀδυσσεύς", "οδυσσευσ"},
	{"ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
	/* Cyrillic. */
	{"Ёлкина Наталья", "елкина наталья"},
	{"ЮЛИЯ", "юлия"},
	/* Full-width forms, the ideographic space, ligatures, sharp s. */
	{"ＭＡＹＡ\xE3\x80\x80ＯＲＴＩＺ", "maya ortiz"},
	{"\xEF\xAC\x81ona", "fiona"},
	{"Straße", "strasse"},
	{"İrem", "irem"},
	/* Look-alike punctuation. */
	{"O\xE2\x80\x99" "Brien", "o'brien"},
	{"Smith\xE2\x80\x90Jones", "smith-jones"},
	/* Invisible characters: zero-width space, soft hyphen, no-break
	 * space, left-to-right mark, word joiner, byte order mark. */
	{"Maya\xE2\x80\x8B Ortiz", "maya ortiz"},
	{"Ma\xC2\xADya", "maya"},
	{"Maya\xC2\xA0Ortiz", "maya ortiz"},
	{"\xE2\x80\x8EMaya\xE2\x81\xA0 \xEF\xBB\xBFOrtiz", "maya ortiz"},
	/* Format characters that are not default-ignorable (Arabic number
	 * sign U+0600, Syriac abbreviation mark U+070F). */
	{"Maya\xD8\x80 Or\xDC\x8Ftiz", "maya ortiz"},
	/* A mark on its own, or on a space, is nothing. */
	{"\xCC\x81", ""},
	/* Scripts without case are kept as they are. */
	{"王小明", "王小明"},
	{"김민수", "김민수"},
	{"فاطمة الزهراء", "فاطمة الزهراء"},
	/* Hebrew and Arabic vowel points are dropped like accents. */
	{"שָׁלוֹם", "שלום"},
	{"مُحَمَّد", "محمد"},
	/* Marks that make another letter stay: kana voicing, Indic vowels. */
	{"ガトウ", "ガトウ"},
	{"ｶﾞﾄｳ", "ガトウ"},
	{"कुमार", "कुमार"},
	/* Bytes that are not UTF-8, control characters (never stored:
	 * refused at input). */
	{"a\xC3", "a\xEF\xBF\xBD"},
	{"Ma\x01ya\x1b[0m", "maya[0m"},
};

static void fold_with_table_gives_keys(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *key = mi_fold(cases[i].text);
		assert_non_null(key);
		if (strcmp(key, cases[i].key) != 0)
			fail_msg("mi_fold(\"%s\") = \"%s\", expected \"%s\"", cases[i].text, key,
				 cases[i].key);
		/* A key folds to itself. */
		char *again = mi_fold(key);
		assert_non_null(again);
		assert_string_equal(again, key);
		free(again);
		free(key);
	}
}

static void fold_with_different_letters_differs(void **state)
{
	(void)state;
	static const char *const pairs[][2] = {
		{"カトウ", "ガトウ"}, /* Katō and Gatō */
		{"कुमार", "कमार"},
		{"maya ortiz", "mayaortiz"},
		{"Ana", "Anna"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		char *a = mi_fold(pairs[i][0]), *b = mi_fold(pairs[i][1]);
		assert_non_null(a);
		assert_non_null(b);
		if (strcmp(a, b) == 0)
			fail_msg("\"%s\" and \"%s\" both fold to \"%s\"", pairs[i][0], pairs[i][1], a);
		free(a);
		free(b);
	}
}

static void fold_with_part_of_a_name_finds_it_in_the_key(void **state)
{
	(void)state;
	static const char *const pairs[][2] = {
		{"Maya ORTÍZ", "ortiz"},
		{"Élodie Durand", "LODIE D"},
		{"Παπαδόπουλος", "δοπου"},
		{"Ελένη Σοφία", "ΝΗ ΣΟ"},
		{"Юлия Ёлкина", "ёлк"},
		{"王小明", "小明"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		char *name = mi_fold(pairs[i][0]), *part = mi_fold(pairs[i][1]);
		assert_non_null(name);
		assert_non_null(part);
		if (!strstr(name, part))
			fail_msg("\"%s\" is not in \"%s\"", part, name);
		free(name);
		free(part);
	}
}

static void fold_with_long_text_folds_it_all(void **state)
{
	(void)state;
	/* Longer than the stack buffer: 1000 capital E with acute. */
	char *text = malloc(2 * 1000 + 1);
	assert_non_null(text);
	for (size_t i = 0; i < 1000; i++)
		memcpy(text + 2 * i, "\xC3\x89", 2);
	text[2000] = '\0';
	char *key = mi_fold(text);
	assert_non_null(key);
	assert_int_equal(strlen(key), 1000);
	assert_int_equal(strspn(key, "e"), 1000);
	free(key);
	free(text);
}

static void fold_version_names_revision_and_unicode(void **state)
{
	(void)state;
	char version[64];
	mi_fold_version(version, sizeof version);
	assert_true(strncmp(version, "2 unicode ", 10) == 0);
	assert_true(strlen(version) > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_with_table_gives_keys),
		cmocka_unit_test(fold_with_different_letters_differs),
		cmocka_unit_test(fold_with_part_of_a_name_finds_it_in_the_key),
		cmocka_unit_test(fold_with_long_text_folds_it_all),
		cmocka_unit_test(fold_version_names_revision_and_unicode),
	};
	return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
