/* test_ui_plain_language.c - the plain line mode in the client's language: a
 * client's pick of language by its place in the shipped table
 * (client_language.h), and the yes, no and none a client types, read in
 * the language in use (ui_plain.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/client_language.h"
#include "mi/i18n.h"
#include "mi/ui_plain.h"

static void pick_is_english_or_a_loaded_translation_succeeds(void **state)
{
	(void)state;
	mi_translation loaded[1] = {{.lang = "fr_CA"}};
	const mi_translation *english = mi_client_language(NULL, 0, 0);
	assert_non_null(english);
	assert_string_equal(english->lang, "en"); /* whatever the desk's language */
	assert_ptr_equal(mi_client_language(loaded, 1, 2), &loaded[0]);
	assert_null(mi_client_language(loaded, 1, 1)); /* Spanish is not loaded */
	assert_null(mi_client_language(loaded, 1, 3)); /* no fourth language */
	assert_null(mi_client_language(NULL, 0, 2));
}

static void yes_no_in_spanish_succeeds(void **state)
{
	(void)state;
	mi_i18n_use("es");
	const char *yes[] = {"s", "S", "sí", "SÍ", "si", " Sí ", "y", "yes"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_int_equal(mi_plain_yes_no(yes[i]), 0);
	assert_int_equal(mi_plain_yes_no("No"), 1);
	assert_int_equal(mi_plain_yes_no("n"), 1);
	assert_int_equal(mi_plain_yes_no("oui"), -1);
	assert_int_equal(mi_plain_yes_no("sin"), -1);
	assert_true(mi_plain_none("Ninguno"));
	assert_true(mi_plain_none("none"));
	assert_false(mi_plain_none("aucun"));
	mi_ui_reading confirm = {.kind = MI_UI_READ_CONFIRM};
	assert_int_equal(mi_plain_reading_key(&confirm, "sí"), L'y');
	assert_string_equal(mi_plain_reading_hint(&confirm),
			    "Escriba s si es correcto, o n para cambiarlo.");
	mi_i18n_use(NULL);
}

static void yes_no_in_french_succeeds(void **state)
{
	(void)state;
	mi_i18n_use("fr_CA");
	assert_int_equal(mi_plain_yes_no("oui"), 0);
	assert_int_equal(mi_plain_yes_no("O"), 0);
	assert_int_equal(mi_plain_yes_no("y"), 0);
	assert_int_equal(mi_plain_yes_no("Non"), 1);
	assert_int_equal(mi_plain_yes_no("sí"), -1);
	assert_true(mi_plain_none("aucune"));
	mi_ui_reading choose = {.kind = MI_UI_READ_CHOOSE};
	assert_int_equal(mi_plain_reading_key(&choose, "2"), L'2');
	assert_int_equal(mi_plain_reading_key(&choose, "non"), L'n');
	assert_int_equal(mi_plain_reading_key(&choose, "oui"), 0); /* a pick, not a yes */
	mi_i18n_use(NULL);
}

static void yes_no_in_english_takes_no_other_words_succeeds(void **state)
{
	(void)state;
	assert_int_equal(mi_plain_yes_no("Yes"), 0);
	assert_int_equal(mi_plain_yes_no("s"), -1);
	assert_int_equal(mi_plain_yes_no("oui"), -1);
	assert_int_equal(mi_plain_yes_no(""), -1);
	assert_true(mi_plain_none("0"));
	assert_false(mi_plain_none("ninguno"));
	assert_string_equal(mi_plain_reading_refusal(&(mi_ui_reading){.kind = MI_UI_READ_CONFIRM}),
			    "Please type y or n.");
}

static int setup(void **state)
{
	(void)state;
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/../locale", getenv("MI_DATA_DIR"));
	mi_i18n_init(dir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pick_is_english_or_a_loaded_translation_succeeds),
		cmocka_unit_test(yes_no_in_spanish_succeeds),
		cmocka_unit_test(yes_no_in_french_succeeds),
		cmocka_unit_test(yes_no_in_english_takes_no_other_words_succeeds),
	};
	return cmocka_run_group_tests_name("ui_plain_language", tests, setup, NULL);
}
