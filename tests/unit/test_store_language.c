/* test_store_language.c - the language a visit was answered in: kept,
 * read back, "en" kept as none, an unknown visit refused, and a schema 6
 * database given the column by migration 7. */
#include "test_store_util.h"

#include "mi/store_language.h"

static void visit_language_set_and_read_succeeds(void **state)
{
	tsu_fixture *f = *state;
	long long visit = tsu_intake(f->store, "{\"client\": {\"name\": \"Lucía Gómez\"}}", 0,
				     "2026-11-23", NULL);
	mi_error err;
	char *lang = NULL;
	assert_int_equal(mi_store_visit_language(f->store, visit, &lang, &err), MI_OK);
	assert_null(lang); /* none recorded: the desk's */
	assert_int_equal(mi_store_visit_set_language(f->store, visit, "es", &err), MI_OK);
	assert_int_equal(mi_store_visit_language(f->store, visit, &lang, &err), MI_OK);
	assert_string_equal(lang, "es");
	free(lang);
	lang = NULL;
	/* English is the desk's too: nothing is kept. */
	assert_int_equal(mi_store_visit_set_language(f->store, visit, "en", &err), MI_OK);
	assert_int_equal(mi_store_visit_language(f->store, visit, &lang, &err), MI_OK);
	assert_null(lang);
}

static void visit_language_of_unknown_visit_fails(void **state)
{
	tsu_fixture *f = *state;
	mi_error err;
	char *lang = NULL;
	assert_int_equal(mi_store_visit_set_language(f->store, 99, "fr_CA", &err), MI_ENOTFOUND);
	assert_int_equal(mi_store_visit_language(f->store, 99, &lang, &err), MI_ENOTFOUND);
	assert_null(lang);
}

static void store_open_with_version_6_adds_language_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "v6.db");
	mi_store *store = tsu_open(path);
	long long visit = tsu_intake(store, "{\"client\": {\"name\": \"Ann Lee\"}}", 0, "2026-11-23",
				     NULL);
	mi_store_close(store);
	tsu_raw_exec(path, "ALTER TABLE visits DROP COLUMN language; DROP INDEX therapists_by_name_key;"
			   "ALTER TABLE therapists DROP COLUMN name_key; PRAGMA user_version = 6;");
	store = tsu_open(path);
	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), MI_STORE_SCHEMA_VERSION);
	mi_error err;
	char *lang = NULL;
	assert_int_equal(mi_store_visit_language(store, visit, &lang, &err), MI_OK);
	assert_null(lang); /* a visit from before: the desk's language */
	assert_int_equal(mi_store_visit_set_language(store, visit, "fr_CA", &err), MI_OK);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(visit_language_set_and_read_succeeds, tsu_setup,
						tsu_teardown),
		cmocka_unit_test_setup_teardown(visit_language_of_unknown_visit_fails, tsu_setup,
						tsu_teardown),
		cmocka_unit_test(store_open_with_version_6_adds_language_succeeds),
	};
	return cmocka_run_group_tests_name("store_language", tests, NULL, NULL);
}
