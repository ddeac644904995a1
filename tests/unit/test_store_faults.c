/* test_store_faults.c - SQLite failures forced at exact statements: the
 * test is linked with -Wl,--wrap=sqlite3_step (tests/CMakeLists.txt), so
 * every statement the store steps passes through __wrap_sqlite3_step, which
 * fails the chosen one. An interrupted migration leaves a version-1
 * database whole and the next open migrates it; a save failing at BEGIN or
 * COMMIT stores nothing, keeps what was saved before, and the retry works. */
#include "test_store_util.h"

#include <sqlite3.h>

int __real_sqlite3_step(sqlite3_stmt *stmt);
int __wrap_sqlite3_step(sqlite3_stmt *stmt);

/* The statement to fail (its SQL starts with this text; NULL: none), the
 * result code to fail it with, and how many times it was failed. */
static const char *fail_sql;
static int fail_rc;
static int fail_count;

/* Fails the chosen statement; runs every other one. */
int __wrap_sqlite3_step(sqlite3_stmt *stmt)
{
	const char *sql = sqlite3_sql(stmt);
	if (fail_sql && sql && strncmp(sql, fail_sql, strlen(fail_sql)) == 0) {
		fail_count++;
		return fail_rc;
	}
	return __real_sqlite3_step(stmt);
}

/* Makes the next steps of statements starting with sql fail with rc. */
static void fail_next(const char *sql, int rc)
{
	fail_sql = sql;
	fail_rc = rc;
	fail_count = 0;
}

static int reset_failure(void **state)
{
	(void)state;
	fail_sql = NULL;
	return 0;
}

/* Every row of the version-1 fixture, as one number per table. */
static const char SQL_V1_ROWS[] =
	"SELECT (SELECT count(*) FROM clients) * 100000000 + (SELECT count(*) FROM visits) * 10000000"
	" + (SELECT count(*) FROM visit_flags) * 1000000 + (SELECT count(*) FROM visit_goals) * 100000"
	" + (SELECT count(*) FROM session_notes) * 10000 + (SELECT count(*) FROM session_areas) * 1000"
	" + (SELECT count(*) FROM aftercare_notes) * 100 + (SELECT count(*) FROM draft_answers) * 10"
	" + (SELECT count(*) FROM audit_log)";
static const long long V1_ROWS = 121111111;

/* Opens the version-1 fixture with the statement starting with sql failing
 * with rc, and checks the open failed and left version 1 with every row;
 * then opens it again without the failure and checks it migrated. */
static void migration_interrupted_at(const char *sql, int rc, mi_status expected)
{
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "v1.db");
	tsu_load_v1_fixture(path);
	assert_int_equal(tsu_raw_int(path, SQL_V1_ROWS), V1_ROWS);

	fail_next(sql, rc);
	mi_store *store = NULL;
	mi_error err;
	assert_int_equal(mi_store_open(path, 0, &store, &err), expected);
	assert_null(store);
	assert_int_equal(fail_count, 1);
	fail_next(NULL, 0);

	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), 1);
	assert_int_equal(tsu_raw_int(path, SQL_V1_ROWS), V1_ROWS);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM pragma_table_info('visits')"
				       " WHERE name IN ('source', 'reviewed', 'pain')"),
			 0);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'settings'"),
			 0);

	/* The next open migrates, losing nothing. */
	store = tsu_open(path);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(store, 1, &v, &err), MI_OK);
	assert_string_equal(v->client_name, "Ana O'Neil");
	assert_int_equal(v->flag_count, 1);
	assert_string_equal(v->aftercare_notes, "Drink water.");
	assert_int_equal(v->trend_count, 1);
	assert_int_equal(v->trend[0].pain, 6);
	mi_visit_free(v);
	mi_audit_list audit = {0};
	assert_int_equal(mi_store_audit_list(store, 0, &audit, &err), MI_OK);
	assert_int_equal(audit.count, 2);
	assert_string_equal(audit.items[0].action, "migrate");
	mi_audit_list_clear(&audit);
	mi_store_close(store);
	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), MI_STORE_SCHEMA_VERSION);
	assert_int_equal(tsu_raw_int(path, SQL_V1_ROWS), V1_ROWS + 1); /* the "migrate" entry */
	free(path);
	tsu_rmdir(dir);
}

static void store_open_with_migration_failing_at_commit_fails(void **state)
{
	(void)state;
	migration_interrupted_at("COMMIT", SQLITE_FULL, MI_EIO);
}

static void store_open_with_migration_failing_at_last_step_fails(void **state)
{
	(void)state;
	/* The audit entry is the last write inside the migration transaction,
	 * after every ALTER TABLE and UPDATE. */
	migration_interrupted_at("INSERT INTO audit_log", SQLITE_IOERR_WRITE, MI_EIO);
}

static void store_open_with_migration_busy_fails(void **state)
{
	(void)state;
	migration_interrupted_at("BEGIN IMMEDIATE", SQLITE_BUSY, MI_ETEMPFAIL);
}

static const char ANSWERS[] =
	"{\"client\": {\"name\": \"Mia Berg\", \"birth_date\": \"1980-05-01\"}, \"fever\": false}";

static void store_intake_with_commit_failing_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "t.db");
	mi_store *store = tsu_open(path);
	tsu_intake(store, ANSWERS, 1, "2026-11-20", NULL);

	mi_answers *answers = tsu_answers(ANSWERS);
	mi_screening s = tsu_screening(2);
	mi_date today;
	assert_true(mi_date_parse("2026-11-23", &today));
	long long visit = 0;
	mi_error err;
	fail_next("COMMIT", SQLITE_FULL);
	assert_int_equal(mi_store_intake(store, answers, &s, "test-1", MI_SOURCE_CLI, today, &visit,
					 NULL, &err),
			 MI_EIO);
	assert_int_equal(fail_count, 1);
	assert_non_null(strstr(err.message, "full"));
	fail_next(NULL, 0);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visits"), 1);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visit_flags"), 1);

	/* The same handle saves the retry: no transaction was left open. */
	assert_int_equal(mi_store_intake(store, answers, &s, "test-1", MI_SOURCE_CLI, today, &visit,
					 NULL, &err),
			 MI_OK);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visits WHERE state = 'complete'"), 2);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visit_flags"), 3);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM clients"), 1);
	tsu_screening_clear(&s);
	mi_answers_free(answers);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

static void store_draft_save_answer_while_busy_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "t.db");
	mi_store *store = tsu_open(path);
	mi_date today;
	assert_true(mi_date_parse("2026-11-23", &today));
	long long visit = 0;
	mi_error err;
	assert_int_equal(mi_store_draft_start(store, 0, MI_SOURCE_KIOSK, today, &visit, &err), MI_OK);
	assert_int_equal(tsu_save_answer(store, visit, "pain_intensity", "7", &err), MI_OK);

	fail_next("BEGIN IMMEDIATE", SQLITE_BUSY);
	assert_int_equal(tsu_save_answer(store, visit, "fever", "true", &err),
			 MI_ETEMPFAIL);
	assert_non_null(strstr(err.message, "busy"));
	fail_next("COMMIT", SQLITE_FULL);
	assert_int_equal(tsu_save_answer(store, visit, "fever", "true", &err), MI_EIO);
	fail_next(NULL, 0);

	/* What was saved before is there, the refused answer is not. */
	mi_answers *answers = NULL;
	assert_int_equal(mi_store_draft_load(store, visit, &answers, &err), MI_OK);
	long pain = 0;
	assert_true(mi_answers_get_int(answers, "pain_intensity", &pain));
	assert_int_equal(pain, 7);
	assert_false(mi_answers_has(answers, "fever"));
	mi_answers_free(answers);

	/* The retry is saved. */
	assert_int_equal(tsu_save_answer(store, visit, "fever", "true", &err), MI_OK);
	assert_int_equal(mi_store_draft_load(store, visit, &answers, &err), MI_OK);
	bool fever = false;
	assert_true(mi_answers_get_bool(answers, "fever", &fever));
	assert_true(fever);
	mi_answers_free(answers);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(store_open_with_migration_failing_at_commit_fails,
					  reset_failure),
		cmocka_unit_test_teardown(store_open_with_migration_failing_at_last_step_fails,
					  reset_failure),
		cmocka_unit_test_teardown(store_open_with_migration_busy_fails, reset_failure),
		cmocka_unit_test_teardown(store_intake_with_commit_failing_fails, reset_failure),
		cmocka_unit_test_teardown(store_draft_save_answer_while_busy_fails, reset_failure),
	};
	return cmocka_run_group_tests_name("store_faults", tests, NULL, NULL);
}
