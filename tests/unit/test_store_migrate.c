/* test_store_migrate.c - version-1, version-2 and version-6 databases
 * (tests/fixtures/db/v1.sql, v2.sql, v6.sql) are brought up to the current
 * schema without losing anything; version 2's ASCII-only name keys are made
 * again with the Unicode fold and indexed for search; version 6's session
 * notes lose the schema's copy of the pressure words. */
#include "test_store_util.h"

#include <sqlite3.h>

#include "mi/store_therapists.h"

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

/* The ids of the clients a search finds, as "1 2 3". */
static void search_ids(mi_store *store, const char *text, char *buf, size_t size)
{
	mi_client_list list = {0};
	mi_error err;
	if (mi_store_clients_search(store, text, 0, &list, &err) != MI_OK)
		fail_msg("%s", err.message);
	buf[0] = '\0';
	for (size_t i = 0; i < list.count; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%lld", i ? " " : "", list.items[i].id);
	mi_client_list_clear(&list);
}

static void store_open_with_version_2_migrates_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "v2.db");
	tsu_load_v1_fixture(path);
	tsu_load_db_fixture(path, "v2.sql");
	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), 2);

	mi_store *store = tsu_open(path);
	mi_error err;
	/* Found whatever the case and accents, in every script. */
	static const char *const searches[][2] = {
		{"élodie", "2"},       {"ELODIE DURAND", "2"}, {"Elodie", "2"},
		{"σοφία", "3"},        {"ΣΟΦΊΑ Π", "3"},       {"παπαδοπουλου", "3"},
		{"юлия", "4"},         {"ИВАНОВА", "4"},       {"小明", "5"},
		{"ana o\u2019neil", "1"}, {"o'neil", "1"},     {"", "1 2 3 4 5"},
	};
	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		char ids[64];
		search_ids(store, searches[i][0], ids, sizeof ids);
		if (strcmp(ids, searches[i][1]) != 0)
			fail_msg("search \"%s\" found \"%s\", expected \"%s\"", searches[i][0], ids,
				 searches[i][1]);
	}
	/* A returning client is found by name and birth date, not doubled. */
	long long client = 0;
	assert_int_equal(mi_store_client_find(store, "elodie  DURAND", "1990-05-01", &client, &err),
			 MI_OK);
	assert_int_equal(client, 2);
	tsu_intake(store, "{\"client\": {\"name\": \"ÉLODIE DURAND\", \"birth_date\": \"1990-05-01\"}}",
		   0, "2026-11-20", &client);
	assert_int_equal(client, 2);
	tsu_intake(store, "{\"client\": {\"name\": \"σοφια παπαδοπουλου\", \"birth_date\": \"1982-07-19\"}}",
		   0, "2026-11-20", &client);
	assert_int_equal(client, 3);
	/* The draft and the kiosk visit still wait for review; the visits and
	 * settings are all there. */
	mi_visit_list waiting = {0};
	assert_int_equal(mi_store_waiting_list(store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 2);
	assert_int_equal(waiting.items[0].id, 3); /* oldest first */
	assert_int_equal(waiting.items[1].id, 2);
	mi_visit_list_clear(&waiting);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(store, 1, &v, &err), MI_OK);
	assert_string_equal(v->client_name, "Ana O'Neil");
	assert_int_equal(v->flag_count, 1);
	mi_visit_free(v);
	char *report = NULL;
	if (mi_store_check(store, &report, &err) != MI_OK)
		fail_msg("%s", err.message);
	free(report);
	mi_store_close(store);

	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), MI_STORE_SCHEMA_VERSION);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM clients"), 5);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visits"), 5);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM settings"), 1);
	assert_int_equal(tsu_raw_int(path, "SELECT name_key = 'elodie durand' FROM clients WHERE id = 2"),
			 1);
	char *migrated = NULL;
	assert_true(asprintf(&migrated, "SELECT count(*) FROM audit_log WHERE action = 'migrate'"
				      " AND table_name = 'schema' AND record_id = %d",
			     MI_STORE_SCHEMA_VERSION) > 0);
	assert_int_equal(tsu_raw_int(path, migrated), 1);
	free(migrated);
	/* Visits stored before the intake's fingerprint was kept have none. */
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM visits WHERE intake_version IS NULL"),
			 5);
	free(path);
	tsu_rmdir(dir);
}

/* Schema 5 kept one clinic PIN in the settings: at 6 it is the owner's
 * account, "owner", a therapist, and the setting is gone. */
static void store_open_with_version_5_pin_makes_owner_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "v4.db");
	mi_store *store = tsu_open(path);
	mi_store_close(store);
	/* Back to schema 5: what 6, 7 and 9 added goes, a clinic PIN comes. */
	tsu_raw_exec(path, "ALTER TABLE visits DROP COLUMN language;"
			   "DROP INDEX therapists_by_name_key;"
			   "ALTER TABLE therapists DROP COLUMN name_key;"
			   "DROP INDEX therapists_one_owner;"
			   "DROP TABLE note_amendments;"
			   "DROP TABLE note_signatures;"
			   "DROP INDEX visits_with_plan;"
			   "ALTER TABLE visits DROP COLUMN plan;"
			   "ALTER TABLE visits DROP COLUMN consent_version;"
			   "ALTER TABLE visits DROP COLUMN consent_hash;"
			   "ALTER TABLE therapists DROP COLUMN role;"
			   "ALTER TABLE therapists DROP COLUMN owner;"
			   "ALTER TABLE therapists DROP COLUMN active;"
			   "INSERT INTO settings (key, value, updated) VALUES"
			   " ('kiosk_pin_hash', '$argon2id$old', '2026-01-01T00:00:00Z');"
			   "PRAGMA user_version = 5;");
	store = tsu_open(path);
	mi_account owner = {0};
	mi_error err;
	assert_int_equal(mi_store_account_get(store, "owner", &owner, &err), MI_OK);
	assert_true(owner.owner);
	assert_true(owner.active);
	assert_int_equal(owner.role, MI_ROLE_THERAPIST);
	assert_string_equal(owner.pin_hash, "$argon2id$old");
	mi_account_clear(&owner);
	char *pin = NULL;
	assert_int_equal(mi_store_setting_get(store, "kiosk_pin_hash", &pin, &err), MI_OK);
	assert_null(pin);
	/* The owner stays the owner: the next account is not, and the owner
	 * cannot be disabled. */
	bool is_owner = true;
	assert_int_equal(mi_store_account_add(store, "Bea", MI_ROLE_FRONT_DESK, "$argon2id$b",
					      &is_owner, &err),
			 MI_OK);
	assert_false(is_owner);
	assert_int_equal(mi_store_account_add(store, "Cleo", MI_ROLE_THERAPIST, "$argon2id$c", NULL,
					      &err),
			 MI_OK);
	assert_int_equal(mi_store_account_disable(store, "owner", &err), MI_EDATA);
	assert_int_equal(mi_store_account_disable(store, "Bea", &err), MI_OK);
	mi_account_list active = {0};
	assert_int_equal(mi_store_accounts(store, true, &active, &err), MI_OK);
	assert_int_equal(active.count, 2);
	mi_account_list_clear(&active);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

/* Account names are one whatever their case or accents: "Bea", "bea" and
 * "BÉA" are one account, for adding, finding and disabling; the name
 * stays as typed. */
static void account_names_fold_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "fold.db");
	mi_store *store = tsu_open(path);
	mi_error err;
	assert_int_equal(mi_store_account_add(store, "Ana", MI_ROLE_THERAPIST, "$argon2id$a", NULL,
					      &err),
			 MI_OK);
	assert_int_equal(mi_store_account_add(store, "Bea", MI_ROLE_FRONT_DESK, "$argon2id$b", NULL,
					      &err),
			 MI_OK);
	const char *taken[] = {"bea", "BEA", "B\u00c9A", "  bea ", "\uff22\uff45\uff41"};
	for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++) {
		assert_int_equal(mi_store_account_add(store, taken[i], MI_ROLE_THERAPIST,
						      "$argon2id$c", NULL, &err),
				 MI_EDATA);
		assert_non_null(strstr(err.message, "\"Bea\""));
	}
	const char *programs[] = {"cli", "Desk", "KIOSK", "set-pin"};
	for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++)
		assert_int_equal(mi_store_account_add(store, programs[i], MI_ROLE_THERAPIST,
						      "$argon2id$c", NULL, &err),
				 MI_EDATA);
	mi_account a = {0};
	assert_int_equal(mi_store_account_get(store, "b\u00e9a", &a, &err), MI_OK);
	assert_string_equal(a.name, "Bea");
	assert_int_equal(a.role, MI_ROLE_FRONT_DESK);
	mi_account_clear(&a);
	assert_int_equal(mi_store_account_disable(store, "BEA", &err), MI_OK);
	assert_int_equal(mi_store_account_get(store, "bea", &a, &err), MI_OK);
	assert_false(a.active);
	mi_account_clear(&a);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

/* A schema 8 database may hold "Ana" and "ana" as two accounts: at 9 the
 * older keeps the name for signing in, and the file opens. */
static void store_open_with_version_8_folds_names_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "v8.db");
	mi_store *store = tsu_open(path);
	mi_store_close(store);
	tsu_raw_exec(path, "DROP INDEX therapists_by_name_key;"
			   "ALTER TABLE therapists DROP COLUMN name_key;"
			   "INSERT INTO therapists (name, pin_hash, created, role, owner) VALUES"
			   " ('Ana', '$argon2id$a', '2026-01-01T00:00:00Z', 'therapist', 1),"
			   " ('ana', '$argon2id$b', '2026-01-02T00:00:00Z', 'front-desk', 0);"
			   "PRAGMA user_version = 8;");
	store = tsu_open(path);
	mi_account a = {0};
	mi_error err;
	assert_int_equal(mi_store_account_get(store, "ANA", &a, &err), MI_OK);
	assert_string_equal(a.name, "Ana");
	assert_true(a.owner);
	mi_account_clear(&a);
	mi_account_list all = {0};
	assert_int_equal(mi_store_accounts(store, false, &all, &err), MI_OK);
	assert_int_equal(all.count, 2);
	mi_account_list_clear(&all);
	assert_int_equal(tsu_raw_int(path, "SELECT count(DISTINCT name_key) FROM therapists"), 2);
	mi_store_close(store);
	free(path);
	tsu_rmdir(dir);
}

/* Every row of every table, and the schema but session_notes, as text.
 * The accounts are read by the columns they had at 8 and their schema is
 * left out: 9 adds their folded name key (tested on its own above). */
static char *everything(const char *path)
{
	char *tables = tsu_raw_rows(path, "SELECT name FROM sqlite_schema WHERE type = 'table'"
					  " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
	char *all = tsu_raw_rows(path, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
				       " WHERE name NOT IN ('session_notes', 'therapists',"
				       " 'therapists_by_name_key') ORDER BY name");
	for (char *name = strtok(tables, "\n"); name; name = strtok(NULL, "\n")) {
		char *sql = NULL, *rows = NULL;
		const char *columns = strcmp(name, "therapists") == 0
					      ? "id, name, pin_hash, created, role, owner, active"
					      : "*";
		assert_true(asprintf(&sql, "SELECT %s FROM \"%s\" ORDER BY 1", columns, name) > 0);
		rows = tsu_raw_rows(path, sql);
		char *joined = NULL;
		assert_true(asprintf(&joined, "%s== %s\n%s", all, name, rows) > 0);
		free(all);
		all = joined;
		free(rows);
		free(sql);
	}
	free(tables);
	return all;
}

/* Schemas 6 and 7 checked the pressure used against their own copy of the
 * words (light, medium, firm). At 8 that check is gone from the schema, every
 * row of every table and every other table, index and trigger is as it
 * was, search still finds the clients, and the store still refuses a
 * pressure the intake's vocabulary does not have. */
static void store_open_with_version_6_drops_pressure_check_succeeds(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "v6.db");
	tsu_load_db_fixture(path, "v6.sql");
	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), 6);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE"
					   " name = 'session_notes' AND sql LIKE '%CHECK (pressure%'"),
			 1);
	/* What 7 adds (the visit's language) is added here first, so the
	 * comparison below sees only what 8 does. */
	tsu_raw_exec(path, "ALTER TABLE visits ADD COLUMN language TEXT; PRAGMA user_version = 7;");
	char *before = everything(path);

	mi_store *store = tsu_open(path);
	mi_client_list found = {0};
	mi_error err;
	assert_int_equal(mi_store_clients_search(store, "ortiz", 0, &found, &err), MI_OK);
	assert_int_equal(found.count, 1);
	assert_string_equal(found.items[0].name, "Maya Ortiz");
	mi_client_list_clear(&found);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(store, 1, &v, &err), MI_OK);
	assert_string_equal(v->notes.pressure, "medium");
	free(v->notes.pressure);
	v->notes.pressure = strdup("deep");
	assert_int_equal(mi_store_visit_save_notes(store, v, &err), MI_EDATA);
	mi_visit_free(v);
	mi_store_close(store);

	assert_int_equal(tsu_raw_int(path, "PRAGMA user_version"), MI_STORE_SCHEMA_VERSION);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE"
					   " sql LIKE '%pressure IN%'"),
			 0);
	assert_int_equal(tsu_raw_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	char *after = everything(path);
	/* The store's own visit added audit rows: compare what was there. */
	char *audit_before = strstr(before, "== audit_log\n");
	char *audit_after = strstr(after, "== audit_log\n");
	assert_non_null(audit_before);
	assert_non_null(audit_after);
	assert_memory_equal(before, after, (size_t)(audit_before - before));
	char *rest_before = strstr(audit_before + 1, "\n== ");
	char *rest_after = strstr(audit_after + 1, "\n== ");
	assert_non_null(rest_before);
	assert_non_null(rest_after);
	assert_string_equal(rest_before, rest_after);
	assert_non_null(strstr(after, "== session_notes\n1|NULL|medium|relaxed|tight QL|"));
	free(before);
	free(after);

	/* The schema no longer holds a copy of the words: the store's check
	 * against the intake's vocabulary (above) is the one place. */
	tsu_raw_exec(path, "UPDATE session_notes SET pressure = 'deep' WHERE visit_id = 2");
	free(path);
	tsu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store_open_with_version_1_migrates_succeeds),
		cmocka_unit_test(store_open_with_version_2_migrates_succeeds),
		cmocka_unit_test(store_open_with_version_5_pin_makes_owner_succeeds),
		cmocka_unit_test(store_open_with_version_8_folds_names_succeeds),
		cmocka_unit_test(account_names_fold_succeeds),
		cmocka_unit_test(store_open_with_version_6_drops_pressure_check_succeeds),
	};
	return cmocka_run_group_tests_name("store_migrate", tests, NULL, NULL);
}
