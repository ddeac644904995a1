/* test_store_open.c - creating, opening and refusing database files. */
#include "test_store_util.h"

#include <sqlite3.h>

/* Runs SQL on a raw connection to path (outside the store). */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_close(db);
}

/* Asserts that opening path is refused with MI_EIO, a message containing
 * words, and that the file is byte for byte what it was. */
static void expect_refused_unchanged(const char *path, const char *words)
{
	size_t before_len = 0, after_len = 0;
	char *before = tsu_read(path, &before_len);
	mi_store *store = NULL;
	mi_error err;
	assert_int_equal(mi_store_open(path, MI_STORE_CREATE, &store, &err), MI_EIO);
	assert_null(store);
	if (!strstr(err.message, words))
		fail_msg("message lacks \"%s\": %s", words, err.message);
	char *after = tsu_read(path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

static void store_open_with_new_path_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "a/b/intake.db");
	mi_store *store = tsu_open(path);
	mi_error err;
	assert_int_equal(mi_store_setting_set(store, "clinic_name", "Back Room", &err), MI_OK);

	char *folder = tsu_path(dir, "a/b"), *wal = tsu_path(dir, "a/b/intake.db-wal"),
	     *shm = tsu_path(dir, "a/b/intake.db-shm"), *top = tsu_path(dir, "a");
	assert_int_equal(tsu_mode(path), 0600);
	assert_int_equal(tsu_mode(folder), 0700);
	assert_int_equal(tsu_mode(top), 0700);
	assert_int_equal(tsu_mode(wal), 0600);
	assert_int_equal(tsu_mode(shm), 0600);
	mi_store_close(store);

	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), MI_STORE_SCHEMA_VERSION);
	assert_int_equal(tsu_raw_int(path, "PRAGMA application_id"), MI_STORE_APPLICATION_ID);
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0), "wal");
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	free(folder);
	free(wal);
	free(shm);
	free(top);
	free(path);
	tsu_rmdir(dir);
}

static void store_open_twice_keeps_data_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "intake.db");
	mi_store *store = tsu_open(path);
	mi_error err;
	assert_int_equal(mi_store_setting_set(store, "idle_timeout_seconds", "120", &err), MI_OK);
	mi_store_close(store);
	store = tsu_open(path);
	char *value = NULL;
	assert_int_equal(mi_store_setting_get(store, "idle_timeout_seconds", &value, &err), MI_OK);
	assert_string_equal(value, "120");
	free(value);
	assert_int_equal(mi_store_setting_get(store, "clinic_name", &value, &err), MI_OK);
	assert_null(value);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

static void store_open_missing_without_create_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "none.db");
	mi_store *store = NULL;
	mi_error err;
	assert_int_equal(mi_store_open(path, 0, &store, &err), MI_ENOINPUT);
	assert_null(store);
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	tsu_rmdir(dir);
}

static void store_open_with_newer_user_version_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "intake.db");
	mi_store_close(tsu_open(path));
	raw_exec(path, "PRAGMA user_version = 99");
	expect_refused_unchanged(path, "newer");
	free(path);
	tsu_rmdir(dir);
}

static void store_open_with_text_file_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "intake.db");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 50; i++)
		fputs("this is a shopping list, not a database\n", f);
	fclose(f);
	expect_refused_unchanged(path, "not a massage-intake database");
	free(path);
	tsu_rmdir(dir);
}

static void store_open_with_other_programs_database_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "other.db");
	raw_exec(path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')");
	expect_refused_unchanged(path, "another program");
	free(path);
	tsu_rmdir(dir);
}

static void store_open_with_damaged_file_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "intake.db");
	mi_store *store = tsu_open(path);
	mi_error err;
	char value[1500];
	memset(value, 'x', sizeof value - 1);
	value[sizeof value - 1] = '\0';
	for (int i = 0; i < 200; i++) {
		char key[32];
		snprintf(key, sizeof key, "k%03d", i);
		assert_int_equal(mi_store_setting_set(store, key, value, &err), MI_OK);
	}
	mi_store_close(store);
	size_t len = 0;
	free(tsu_read(path, &len));
	assert_true(len > 16 * 4096);
	/* Overwrite two pages in the middle with garbage. */
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)(len / 2 / 4096 * 4096), SEEK_SET), 0);
	for (int i = 0; i < 8192; i++)
		fputc((i * 37) & 0xff, f);
	fclose(f);
	expect_refused_unchanged(path, "damaged");
	free(path);
	tsu_rmdir(dir);
}

static void store_open_with_symlink_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "real.db"), *link = tsu_path(dir, "link.db");
	mi_store_close(tsu_open(path));
	assert_int_equal(symlink(path, link), 0);
	mi_store *store = NULL;
	mi_error err;
	assert_int_equal(mi_store_open(link, MI_STORE_CREATE, &store, &err), MI_EIO);
	assert_non_null(strstr(err.message, "symbolic link"));
	free(path);
	free(link);
	tsu_rmdir(dir);
}

static void store_write_while_locked_fails(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "intake.db");
	mi_store *store = tsu_open(path);
	sqlite3 *other = NULL;
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	mi_error err;
	/* Waits the whole busy timeout (5 s), then gives up with a sentence. */
	assert_int_equal(mi_store_setting_set(store, "clinic_name", "x", &err), MI_ETEMPFAIL);
	assert_non_null(strstr(err.message, "busy"));
	assert_non_null(strstr(err.message, "try again"));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_int_equal(mi_store_setting_set(store, "clinic_name", "x", &err), MI_OK);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store_open_with_new_path_succeeds),
		cmocka_unit_test(store_open_twice_keeps_data_succeeds),
		cmocka_unit_test(store_open_missing_without_create_fails),
		cmocka_unit_test(store_open_with_newer_user_version_fails),
		cmocka_unit_test(store_open_with_text_file_fails),
		cmocka_unit_test(store_open_with_other_programs_database_fails),
		cmocka_unit_test(store_open_with_damaged_file_fails),
		cmocka_unit_test(store_open_with_symlink_fails),
		cmocka_unit_test(store_write_while_locked_fails),
	};
	return cmocka_run_group_tests_name("store_open", tests, NULL, NULL);
}
