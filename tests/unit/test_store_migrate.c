/* test_store_migrate.c - a version-1 database (tests/fixtures/db/v1.sql) is
 * brought up to the current schema without losing anything. */
#include "test_store_util.h"

#include <sqlite3.h>

static void store_open_with_version_1_migrates_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "v1.db");
	tsu_load_v1_fixture(path);
	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), 1);

	mi_store *store = tsu_open(path);
	mi_error err;
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(store, 1, &v, &err), MI_OK);
	assert_string_equal(v->client_name, "Ana O'Neil");
	assert_true(v->complete);
	assert_int_equal(v->outcome, MI_LEVEL_MODIFY);
	assert_int_equal(v->flag_count, 1);
	assert_string_equal(v->flags[0].rule_id, "anticoagulant");
	assert_int_equal(v->goal_count, 1);
	assert_string_equal(v->notes.pressure, "light");
	assert_string_equal(v->notes.therapist_notes, "bruises easily");
	assert_int_equal(v->notes.area_count, 1);
	assert_string_equal(v->aftercare_notes, "Drink water.");
	/* The new pain column was filled from the stored answers. */
	assert_int_equal(v->trend_count, 1);
	assert_int_equal(v->trend[0].pain, 6);
	mi_visit_free(v);

	/* The version-1 draft is still there to resume, with its answer. */
	long long draft = 0;
	assert_int_equal(mi_store_draft_find_open(store, 1, &draft, &err), MI_OK);
	assert_int_equal(draft, 2);
	mi_answers *answers = NULL;
	assert_int_equal(mi_store_draft_load(store, draft, &answers, &err), MI_OK);
	long pain = 0;
	assert_true(mi_answers_get_int(answers, "pain_intensity", &pain));
	assert_int_equal(pain, 5);
	mi_answers_free(answers);

	mi_visit_source source;
	bool reviewed = false;
	assert_int_equal(mi_store_visit_source(store, 1, &source, &reviewed, &err), MI_OK);
	assert_int_equal(source, MI_SOURCE_CLI);
	assert_true(reviewed);
	char *report = NULL;
	if (mi_store_check(store, &report, &err) != MI_OK)
		fail_msg("%s", err.message);
	free(report);
	mi_audit_list audit = {0};
	if (mi_store_audit_list(store, 1, &audit, &err) != MI_OK)
		fail_msg("%s", err.message);
	assert_int_equal(audit.count, 1);
	assert_string_equal(audit.items[0].action, "migrate");
	mi_audit_list_clear(&audit);
	mi_store_close(store);

	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), MI_STORE_SCHEMA_VERSION);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM settings"), 0);
	free(path);
	tsu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store_open_with_version_1_migrates_succeeds),
	};
	return cmocka_run_group_tests_name("store_migrate", tests, NULL, NULL);
}
