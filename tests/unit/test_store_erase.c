/* test_store_erase.c - erasing a client: deleted or kept anonymously per
 * the retention start, unfinished kiosk intakes found by name, the audit
 * entry, and no erased byte left in the database, -wal or -shm files. */
#include "test_store_util.h"
#include "test_intake_util.h"

#include "mi/store_erase.h"
#include "mi/visit.h"

typedef tsu_fixture fixture;

static const char MAYA[] =
	"{\"client\": {\"name\": \"Maya Ortiz\", \"birth_date\": \"1988-03-14\", \"phone\": \"555-0142\","
	" \"email\": \"maya.ortiz@example.org\"}, \"pain_intensity\": 6,"
	" \"medications\": [\"Warfarin 5 mg\"], \"fever\": false, \"worse_with\": \"lifting crates\","
	" \"goals\": [\"reduce_spasm\"], \"goals_other\": \"sleep through the night\","
	" \"consent\": {\"agreed\": true, \"name\": \"Maya Ortiz\", \"date\": \"2026-11-20\"}}";
static const char WALTER[] =
	"{\"client\": {\"name\": \"Walter Brandt\", \"birth_date\": \"1951-07-02\"}, \"pain_intensity\": 4}";

/* What must not be found anywhere once Maya is erased. */
static const char *const maya_traces[] = {
	"Maya Ortiz", "maya ortiz", "555-0142", "maya.ortiz@example.org", "lifting crates",
	"sleep through the night", "Warfarin 5 mg", "tight at T7 thoracic", "drink water, Maya",
	"sore after lifting at the depot",
};

/* Adds session and aftercare notes with free text to a visit. */
static void add_notes(mi_store *store, long long visit_id)
{
	mi_error err;
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(store, visit_id, &v, &err), MI_OK);
	static char *areas[] = {"mid_back"};
	v->notes.areas = areas;
	v->notes.area_count = 1;
	v->notes.areas_other = "tight at T7 thoracic";
	v->notes.pressure = "medium";
	v->notes.response = "sore after lifting at the depot";
	v->notes.therapist_notes = "tight at T7 thoracic";
	v->aftercare_notes = "drink water, Maya";
	if (mi_store_visit_save_notes(store, v, &err) != MI_OK)
		fail_msg("%s", err.message);
	memset(&v->notes, 0, sizeof v->notes);
	v->aftercare_notes = NULL;
	mi_visit_free(v);
}

/* True when text occurs in the database file, its -wal or its -shm. */
static bool in_files(const char *path, const char *text)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char *file = NULL;
		assert_true(asprintf(&file, "%s%s", path, suffixes[i]) > 0);
		struct stat st;
		bool found = false;
		if (stat(file, &st) == 0) {
			size_t len = 0;
			char *data = tsu_read(file, &len);
			found = memmem(data, len, text, strlen(text)) != NULL;
			free(data);
		}
		free(file);
		if (found)
			return true;
	}
	return false;
}

/* Maya's two visits (one old, one recent) with notes, a desk draft and an
 * unfinished kiosk intake under her name; Walter's visit. */
static long long add_maya(fixture *f, long long *old_visit, long long *recent_visit,
			  long long *walter_visit)
{
	long long maya = 0;
	*old_visit = tsu_intake(f->store, MAYA, 1, "2018-01-10", &maya);
	*recent_visit = tsu_intake(f->store, MAYA, 1, "2026-11-20", NULL);
	*walter_visit = tsu_intake(f->store, WALTER, 0, "2026-11-21", NULL);
	add_notes(f->store, *old_visit);
	add_notes(f->store, *recent_visit);
	mi_error err;
	long long draft = 0, kiosk = 0;
	mi_date today = {2026, 11, 23};
	assert_int_equal(mi_store_draft_start(f->store, maya, MI_SOURCE_DESK, today, &draft, &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, draft, "worse_with", "\"lifting crates\"", &err),
			 MI_OK);
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, today, &kiosk, &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, kiosk, "client",
						    "{\"name\": \"MAYA  ortiz\", \"birth_date\": \"1988-03-14\"}",
						    &err),
			 MI_OK);
	assert_int_equal(tsu_save_answer(f->store, kiosk, "other_conditions",
						    "\"sore after lifting at the depot\"", &err),
			 MI_OK);
	/* Someone else's kiosk intake stays. */
	long long other = 0;
	assert_int_equal(mi_store_draft_start(f->store, 0, MI_SOURCE_KIOSK, today, &other, &err), MI_OK);
	assert_int_equal(tsu_save_answer(f->store, other, "client.name", "\"Lena Fischer\"", &err),
			 MI_OK);
	return maya;
}

static void erase_client_deleting_everything_succeeds(void **state)
{
	fixture *f = *state;
	long long old_visit, recent_visit, walter_visit;
	long long maya = add_maya(f, &old_visit, &recent_visit, &walter_visit);
	assert_true(in_files(f->path, "Maya Ortiz"));
	assert_true(in_files(f->path, "tight at T7 thoracic"));

	mi_error err;
	mi_erase_report report = {0};
	assert_int_equal(mi_store_erase_client(f->store, maya, NULL, &report, &err), MI_OK);
	assert_int_equal(report.deleted, 4);
	assert_int_equal(report.anonymised, 0);
	assert_int_equal(mi_store_compact(f->store, &err), MI_OK);

	mi_client c = {0};
	assert_int_equal(mi_store_client_get(f->store, maya, &c, &err), MI_ENOTFOUND);
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->store, recent_visit, &v, &err), MI_ENOTFOUND);
	assert_int_equal(mi_store_visit_load(f->store, walter_visit, &v, &err), MI_OK);
	assert_string_equal(v->client_name, "Walter Brandt");
	mi_visit_free(v);
	mi_visit_list waiting = {0};
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 1);
	assert_string_equal(waiting.items[0].client_name, "Lena Fischer");
	mi_visit_list_clear(&waiting);

	mi_audit_list audit = {0};
	assert_int_equal(mi_store_audit_list(f->store, 1, &audit, &err), MI_OK);
	assert_string_equal(audit.items[0].action, "erase");
	assert_string_equal(audit.items[0].table, "clients");
	assert_int_equal(audit.items[0].record_id, maya);
	mi_audit_list_clear(&audit);
	mi_erasure_list erasures = {0};
	assert_int_equal(mi_store_erasures(f->store, &erasures, &err), MI_OK);
	assert_int_equal(erasures.count, 1);
	assert_int_equal(erasures.items[0].client_id, maya);
	mi_erasure_list_clear(&erasures);

	/* With the connection still open (the -wal and -shm exist) and after. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < sizeof maya_traces / sizeof maya_traces[0]; i++)
			if (in_files(f->path, maya_traces[i]))
				fail_msg("\"%s\" is still in the files", maya_traces[i]);
		assert_true(in_files(f->path, "Walter Brandt"));
		mi_store_close(f->store);
		f->store = tsu_open(f->path);
	}
}

static void erase_client_keeping_recent_visits_anonymously_succeeds(void **state)
{
	fixture *f = *state;
	long long old_visit, recent_visit, walter_visit;
	long long maya = add_maya(f, &old_visit, &recent_visit, &walter_visit);
	mi_date keep_from = {2019, 11, 23};
	mi_error err;
	mi_erase_report report = {0};
	assert_int_equal(mi_store_erase_client(f->store, maya, &keep_from, &report, &err), MI_OK);
	assert_int_equal(report.deleted, 3); /* the old visit and both drafts */
	assert_int_equal(report.anonymised, 1);
	assert_int_equal(mi_store_compact(f->store, &err), MI_OK);

	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->store, old_visit, &v, &err), MI_ENOTFOUND);
	assert_int_equal(mi_store_visit_load(f->store, recent_visit, &v, &err), MI_OK);
	assert_int_equal(v->client_id, 0);
	assert_null(v->client_name);
	assert_true(v->complete);
	long n = 0;
	assert_true(mi_answers_get_int(v->answers, "age", &n));
	assert_int_equal(n, 38);
	assert_true(mi_answers_get_int(v->answers, "pain_intensity", &n));
	assert_int_equal(n, 6);
	assert_false(mi_answers_has(v->answers, "client"));
	assert_false(mi_answers_has(v->answers, "consent.name"));
	assert_true(mi_answers_has(v->answers, "consent.agreed"));
	assert_false(mi_answers_has(v->answers, "medications"));
	assert_false(mi_answers_has(v->answers, "worse_with"));
	assert_int_equal(v->flag_count, 1);
	assert_int_equal(v->goal_count, 1);
	assert_null(v->goals_other);
	assert_string_equal(v->notes.pressure, "medium");
	assert_int_equal(v->notes.area_count, 1);
	assert_null(v->notes.therapist_notes);
	assert_null(v->notes.response);
	assert_null(v->notes.areas_other);
	assert_null(v->aftercare_notes);
	mi_visit_free(v);
	/* Not waiting for anyone's review. */
	mi_visit_list waiting = {0};
	assert_int_equal(mi_store_waiting_list(f->store, &waiting, &err), MI_OK);
	assert_int_equal(waiting.count, 1);
	mi_visit_list_clear(&waiting);
	for (size_t i = 0; i < sizeof maya_traces / sizeof maya_traces[0]; i++)
		if (in_files(f->path, maya_traces[i]))
			fail_msg("\"%s\" is still in the files", maya_traces[i]);
}

static void erase_unknown_client_fails(void **state)
{
	fixture *f = *state;
	long long walter = 0;
	tsu_intake(f->store, WALTER, 0, "2026-11-21", &walter);
	mi_error err;
	mi_erase_report report = {0};
	assert_int_equal(mi_store_erase_client(f->store, walter + 1, NULL, &report, &err), MI_ENOTFOUND);
	assert_non_null(strstr(err.message, "there is no client"));
	mi_audit_list audit = {0};
	assert_int_equal(mi_store_audit_list(f->store, 1, &audit, &err), MI_OK);
	assert_string_not_equal(audit.items[0].action, "erase");
	mi_audit_list_clear(&audit);
	mi_erasure_list erasures = {0};
	assert_int_equal(mi_store_erasures(f->store, &erasures, &err), MI_OK);
	assert_int_equal(erasures.count, 0);
}

static void file_is_database_succeeds(void **state)
{
	fixture *f = *state;
	/* A backup: the live file's header may still wait in its -wal. */
	char *backup = tsu_path(f->dir, "backup.db");
	mi_error err;
	assert_int_equal(mi_store_backup(f->store, backup, &err), MI_OK);
	assert_true(mi_store_file_is_database(backup));
	free(backup);
	char *other = tsu_path(f->dir, "other.db"), *text = tsu_path(f->dir, "notes.txt");
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	FILE *fp = fopen(text, "w");
	assert_non_null(fp);
	fputs("SQLite format 3 is not enough\n", fp);
	fclose(fp);
	assert_false(mi_store_file_is_database(other));
	assert_false(mi_store_file_is_database(text));
	assert_false(mi_store_file_is_database(f->dir));
	free(other);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(erase_client_deleting_everything_succeeds, tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(erase_client_keeping_recent_visits_anonymously_succeeds,
						tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(erase_unknown_client_fails, tsu_setup, tsu_teardown),
		cmocka_unit_test_setup_teardown(file_is_database_succeeds, tsu_setup, tsu_teardown),
	};
	return cmocka_run_group_tests_name("store_erase", tests, tiu_install_shipped, tiu_free_shipped);
}
