/* test_store_db.c - the store's transactions: a write made while the
 * handle is already inside a write transaction (the benchmark generator
 * stores a million intakes in one) is a savepoint, all or nothing on its
 * own, and the caller's transaction decides the rest. */
#include "test_store_util.h"

#include "../../src/store/store_internal.h"

static void intake_inside_a_transaction_is_a_savepoint(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "nested.db");
	mi_store *store = tsu_open(path);
	assert_int_equal(sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	long long client = 0;
	tsu_intake(store, "{\"client\": {\"name\": \"Maya Ortiz\"}, \"pain_intensity\": 4}", 0,
		   "2026-11-20", &client);
	/* A refused intake undoes only itself. */
	mi_answers *answers = tsu_answers("{\"pain_intensity\": 4}");
	mi_screening s = tsu_screening(0);
	mi_date today = {2026, 11, 20};
	long long visit = 0;
	mi_error err;
	assert_int_equal(mi_store_intake(store, answers, &s, "v", MI_SOURCE_CLI, today, &visit, NULL,
					 &err),
			 MI_EDATA);
	tsu_screening_clear(&s);
	mi_answers_free(answers);
	tsu_intake(store, "{\"client\": {\"name\": \"Walter Brandt\"}, \"pain_intensity\": 2}", 0,
		   "2026-11-20", &client);
	/* Still inside the caller's transaction: nothing is in the file yet. */
	assert_int_equal(sqlite3_txn_state(store->db, "main"), SQLITE_TXN_WRITE);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visits"), 0);
	assert_int_equal(sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visits"), 2);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM clients"), 2);
	/* Outside a transaction, writes are their own transactions again. */
	tsu_intake(store, "{\"client\": {\"name\": \"Lena Fischer\"}}", 0, "2026-11-21", &client);
	assert_int_equal(sqlite3_get_autocommit(store->db), 1);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visits"), 3);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(intake_inside_a_transaction_is_a_savepoint),
	};
	return cmocka_run_group_tests_name("store_db", tests, NULL, NULL);
}
