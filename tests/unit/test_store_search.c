/* test_store_search.c - client search (mi_store_clients_search) checked
 * against a plain model: every name folded, strstr, sorted by key, birth
 * date and id. The database holds about 11,000 clients, enough for each
 * way the search works: texts of one or two characters and longer ones,
 * accents, Greek, Cyrillic, CJK; a text inside more than 2,000 names that
 * share a start ("rene" in "Irene ..."), one inside thousands of names
 * that do not ("zzyz"), limits of 1, 21 and none. Also: the trigram index
 * follows names changed and removed behind the program's back, and keys
 * are made again when the fold's version changes. */
#include "test_store_util.h"

#include "mi/fold.h"

enum { SPREAD = 6000, IRENES = 2500, ZZYZX = 2500, MAYAS = 40, MAX_CLIENTS = 12000 };

/* First names in several scripts, some with accents, some sharing
 * letters with others ("Ana" in "Diana", "rene" in "Irene" and "Renée"). */
static const char *const FIRST[] = {
	"Ana", "Diana", "Joana", "Renée", "René", "Irène", "Ida", "Ivo", "Zoë", "Øyvind",
	"Ægir", "Åke", "Ébène", "Ünal", "Çağla", "Şule", "Ğülten", "Dóra", "Ilona", "Jiří",
	"Ștefan", "Łucja", "Niamh", "Siobhán", "Tadhg", "Eoin", "Aoife", "Bríd", "Máire", "Pádraig",
	"Σοφία", "Ελένη", "Νίκος", "Γιώργος", "Ἀθηνᾶ", "Юлия", "Наталья", "Алексей", "Иван",
	"Ольга", "Єва", "Ґанна", "Ђорђе", "小明", "美玲", "健", "美咲", "翔太", "민수", "지영",
	"ユキ", "カトウ", "ガク", "ｱｷﾗ", "Ａｙａ", "ﬁona", "Straße", "Nguyễn", "Thảo", "Hương",
	"Mohammed", "Aïsha", "Zaïd", "Noor", "Yaw", "Kofi", "Ama", "Chidi", "Ngozi", "Tunde",
	"Priya", "Arjun", "Lakshmi", "Vikram", "Deepa", "Rahul", "Anjali", "Sanjay", "Kiran",
	"Maya", "Walter", "Lena", "Jonas", "Amira", "Hannah", "Clara", "Paul", "Felix", "Grace",
	"Oscar", "Ruth", "Nora", "Adam", "Leila", "Omar", "Victor", "Hugo", "Camille", "Théo",
};
static const char *const LAST[] = {
	"Ortiz", "Brandt", "Fischer", "Nakamura", "Haddad", "Smith", "Müller", "Schröder",
	"Dubois", "Lefèvre", "Kowalski", "Wiśniewski", "Dvořák", "Černý", "Nielsen", "O'Brien",
	"Παπαδοπούλου", "Κωνσταντίνου", "Иванова", "Смирнов", "王", "李", "김", "박", "Nguyễn",
	"García", "Martínez", "Rossi", "Silva", "Cohen", "Sato", "Suzuki", "Patel", "Okafor",
	"Mensah", "Abebe", "Khalil", "Katz", "Young", "Wright", "Hill", "Baker", "Carter",
	"Walsh", "Byrne", "Kelly", "Ryan", "Lopez", "Perez", "Moreau", "Laurent", "Roux",
	"Weber", "Wagner", "Krause", "Meier", "Lehmann", "Hansen", "Larsen", "Olsen",
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A name longer than any text the trigram query asks for in full. */
#define LONG_NAME                                                                         \
	"Maria de los Ángeles Guadalupe Fernández-Villaverde y Rodríguez de la Concepción " \
	"Ortiz"

/* The model: what was stored, by id (ids are 1..count). */
typedef struct model {
	size_t count;
	char *name[MAX_CLIENTS + 1];
	char *key[MAX_CLIENTS + 1];
	char *birth[MAX_CLIENTS + 1]; /* or NULL */
	bool gone[MAX_CLIENTS + 1];   /* removed */
} model;

typedef struct fixture {
	char *dir;
	char *path;
	mi_store *store;
	model m;
} fixture;

static unsigned long long rng_state = 42;
static size_t pick(size_t n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (size_t)((rng_state >> 33) % n);
}

/* Adds a client straight to the table, as the store would (the key is
 * mi_fold of the name; the triggers index it). */
static void add_raw(fixture *f, sqlite3_stmt *insert, const char *name, const char *birth)
{
	model *m = &f->m;
	assert_true(m->count < MAX_CLIENTS);
	size_t id = ++m->count;
	m->name[id] = strdup(name);
	m->key[id] = mi_fold(name);
	m->birth[id] = birth ? strdup(birth) : NULL;
	assert_non_null(m->name[id]);
	assert_non_null(m->key[id]);
	sqlite3_reset(insert);
	sqlite3_bind_int64(insert, 1, (long long)id);
	sqlite3_bind_text(insert, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(insert, 3, m->key[id], -1, SQLITE_STATIC);
	if (birth)
		sqlite3_bind_text(insert, 4, birth, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(insert, 4);
	assert_int_equal(sqlite3_step(insert), SQLITE_DONE);
}

static void add_named(fixture *f, sqlite3_stmt *insert, const char *first, const char *middle,
		      const char *last)
{
	char name[256], birth[16];
	snprintf(name, sizeof name, "%s %s%s", first, middle, last);
	snprintf(birth, sizeof birth, "19%02zu-%02zu-%02zu", 30 + pick(70), 1 + pick(12),
		 1 + pick(28));
	add_raw(f, insert, name, pick(10) ? birth : NULL);
}

static int group_setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->dir = tsu_tmpdir();
	f->path = tsu_path(f->dir, "intake.db");
	mi_store_close(tsu_open(f->path)); /* creates the schema */

	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *insert = NULL;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "INSERT INTO clients (id, name, name_key, birth_date, created)"
					    " VALUES (?1, ?2, ?3, ?4, '2026-11-01T09:00:00Z')",
					    -1, &insert, NULL),
			 SQLITE_OK);
	/* Interleaved, so that ids and name order disagree. */
	for (size_t i = 0; i < SPREAD + IRENES + ZZYZX; i++) {
		size_t kind = pick(SPREAD + IRENES + ZZYZX);
		const char *first = FIRST[pick(COUNT(FIRST))], *last = LAST[pick(COUNT(LAST))];
		if (kind < SPREAD)
			add_named(f, insert, first, "", last);
		else if (kind < SPREAD + IRENES)
			add_named(f, insert, "Irene", "", last);
		else
			add_named(f, insert, first, "Zzyzx-", last);
	}
	for (size_t i = 0; i < MAYAS; i++)
		add_raw(f, insert, i % 3 ? "Maya Ortiz" : "  MAYA   ortiz ",
			i % 4 ? (i % 2 ? "1988-03-14" : "1990-01-01") : NULL);
	static const char *const special[] = {
		"Élodie Durand", "ELODIE DURAND", "ΣΟΦΙΑ Παπαδοπούλου", "Σοφία Κ",
		"王小明",        "Seán \"Bob\" O'Brien", "ＭＡＹＡ Ｏｒｔｉｚ", "Straße Weg",
		LONG_NAME,
	};
	for (size_t i = 0; i < COUNT(special); i++)
		add_raw(f, insert, special[i], "1990-05-01");
	sqlite3_finalize(insert);
	assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	f->store = tsu_open(f->path);
	*state = f;
	return 0;
}

static int group_teardown(void **state)
{
	fixture *f = *state;
	mi_store_close(f->store);
	for (size_t i = 1; i <= f->m.count; i++) {
		free(f->m.name[i]);
		free(f->m.key[i]);
		free(f->m.birth[i]);
	}
	free(f->path);
	tsu_rmdir(f->dir);
	free(f);
	return 0;
}

static const model *sort_model;

/* Name order: key, then birth date (none first, as SQLite sorts NULL),
 * then id. */
static int by_name(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_model->key[x], sort_model->key[y]);
	if (c)
		return c;
	const char *bx = sort_model->birth[x], *by = sort_model->birth[y];
	if (!bx || !by)
		c = (bx != NULL) - (by != NULL);
	else
		c = strcmp(bx, by);
	return c ? c : (x > y) - (x < y);
}

/* The ids the model says the search must give; caller frees. */
static size_t *expected(const model *m, const char *text, size_t limit, size_t *count)
{
	char *key = mi_fold(text);
	assert_non_null(key);
	size_t *ids = calloc(m->count + 1, sizeof *ids);
	assert_non_null(ids);
	size_t n = 0;
	for (size_t id = 1; id <= m->count; id++)
		if (!m->gone[id] && strstr(m->key[id], key))
			ids[n++] = id;
	sort_model = m;
	qsort(ids, n, sizeof *ids, by_name);
	free(key);
	*count = limit && n > limit ? limit : n;
	return ids;
}

/* Searches and compares with the model; returns how many matched. */
static size_t check_search(fixture *f, const char *text, size_t limit)
{
	size_t want_count = 0;
	size_t *want = expected(&f->m, text, limit, &want_count);
	mi_client_list list = {0};
	mi_error err;
	if (mi_store_clients_search(f->store, text, limit, &list, &err) != MI_OK)
		fail_msg("search \"%s\": %s", text, err.message);
	if (list.count != want_count)
		fail_msg("search \"%s\" limit %zu: %zu clients, expected %zu", text, limit, list.count,
			 want_count);
	for (size_t i = 0; i < want_count; i++) {
		if ((size_t)list.items[i].id != want[i])
			fail_msg("search \"%s\" limit %zu: #%zu is client %lld (%s), expected %zu (%s)",
				 text, limit, i, list.items[i].id, list.items[i].name, want[i],
				 f->m.name[want[i]]);
		assert_string_equal(list.items[i].name, f->m.name[want[i]]);
	}
	mi_client_list_clear(&list);
	free(want);
	return want_count;
}

static const char *const SHORT_TEXTS[] = {
	"a", "E", "z", "zz", "ju", "IR", "ir", "ne", "ö", "o", "王", "小明", "σο", "Σ", "я", "Ол",
	"민", "q", "qx", "'", "\"", "-", " ", "ss",
};
static const char *const LONG_TEXTS[] = {
	"rene", "RENÉ", "irene", "Irene Ha", "ene o", "zzyz", "ZZYZX-", "yzx-o", "maya", "Maya O",
	"  maya   ORTÍZ ", "ＭＡＹＡ", "élodie", "ELODIE DURAND", "lodie d", "σοφία", "ΣΟΦΙΑ",
	"σοφια π", "παπαδοπουλου", "наталья", "НАТАЛЬЯ И", "юлия", "王小明", "小明 王", "o'brien",
	"O’BRIEN", "\"bob\"", "straße", "strasse", "qqqq", "ortiz", "ller", "ski", "ana ",
	LONG_NAME, "los angeles guadalupe fernandez-villaverde y rodriguez de la",
	"los angeles guadalupe fernandez-villaverde y rodriguez de la x",
};

static void search_with_short_texts_matches_model(void **state)
{
	fixture *f = *state;
	size_t found = 0;
	for (size_t i = 0; i < COUNT(SHORT_TEXTS); i++) {
		found += check_search(f, SHORT_TEXTS[i], 21);
		check_search(f, SHORT_TEXTS[i], 1);
	}
	assert_true(found > 0);
	/* Without a limit: every match. */
	assert_true(check_search(f, "ir", 0) > IRENES);
	check_search(f, "王", 0);
	check_search(f, "qx", 0);
}

static void search_with_long_texts_matches_model(void **state)
{
	fixture *f = *state;
	for (size_t i = 0; i < COUNT(LONG_TEXTS); i++) {
		check_search(f, LONG_TEXTS[i], 21);
		check_search(f, LONG_TEXTS[i], 1);
	}
	/* More than 2,000 names contain these further in. */
	assert_true(check_search(f, "rene", 0) > IRENES);
	assert_true(check_search(f, "zzyz", 0) >= ZZYZX);
	assert_int_equal(check_search(f, "maya ortiz", 0), MAYAS + 1);
	check_search(f, "σοφία", 0);
}

static void search_with_accents_and_scripts_finds_them(void **state)
{
	fixture *f = *state;
	mi_client_list list = {0};
	mi_error err;
	static const struct {
		const char *text;
		const char *name;
	} cases[] = {
		{"élodie", "Élodie Durand"},    {"ELODIE", "ELODIE DURAND"},
		{"σοφία", "ΣΟΦΙΑ Παπαδοπούλου"}, {"ΣΟΦΊΑ", "Σοφία Κ"},
		{"小明", "王小明"},              {"maya ortiz", "ＭＡＹＡ Ｏｒｔｉｚ"},
		{"STRASSE", "Straße Weg"},      {"o’brien", "Seán \"Bob\" O'Brien"},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		assert_int_equal(mi_store_clients_search(f->store, cases[i].text, 0, &list, &err), MI_OK);
		bool seen = false;
		for (size_t j = 0; j < list.count; j++)
			seen = seen || strcmp(list.items[j].name, cases[i].name) == 0;
		if (!seen)
			fail_msg("\"%s\" does not find \"%s\"", cases[i].text, cases[i].name);
		mi_client_list_clear(&list);
	}
}

static void search_with_empty_text_lists_everyone(void **state)
{
	fixture *f = *state;
	check_search(f, "", 21);
	assert_int_equal(check_search(f, "   ", 0), f->m.count);
	mi_client_list list = {0};
	mi_error err;
	assert_int_equal(mi_store_clients_search(f->store, NULL, 5, &list, &err), MI_OK);
	assert_int_equal(list.count, 5);
	mi_client_list_clear(&list);
}

/* Runs SQL on the database behind the store's back. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_close(db);
}

static void search_after_rename_and_removal_follows_them(void **state)
{
	fixture *f = *state;
	/* Rename client 7 and remove client 8 (nothing in the program does
	 * either yet; the triggers must keep the trigram index right). */
	char *key7 = f->m.key[7];
	f->m.key[7] = mi_fold("Quetzalcoatl Renamed");
	free(f->m.name[7]);
	f->m.name[7] = strdup("Quetzalcoatl Renamed");
	char sql[512];
	snprintf(sql, sizeof sql,
		 "UPDATE clients SET name = 'Quetzalcoatl Renamed', name_key = '%s' WHERE id = 7;"
		 "DELETE FROM clients WHERE id = 8;",
		 f->m.key[7]);
	raw_exec(f->path, sql);
	f->m.gone[8] = true;
	check_search(f, "quetzalcoatl", 21);
	check_search(f, "renamed", 0);
	check_search(f, key7, 0);
	check_search(f, f->m.key[8], 0);
	check_search(f, "", 0);
	free(key7);
	raw_exec(f->path, "INSERT INTO clients_fts (clients_fts) VALUES ('integrity-check')");
}

static void store_open_with_other_fold_version_refolds_keys(void **state)
{
	(void)state;
	char *dir = tsu_tmpdir();
	char *path = tsu_path(dir, "refold.db");
	mi_store *store = tsu_open(path);
	long long client = 0;
	tsu_intake(store, "{\"client\": {\"name\": \"Élodie Durand\", \"birth_date\": \"1990-05-01\"}}", 0,
		   "2026-11-20", &client);
	mi_store_close(store);
	/* As an older fold would have left it. */
	raw_exec(path, "UPDATE clients SET name_key = 'Élodie durand';"
		       "UPDATE name_fold SET version = '0 unicode 1.0';");
	store = tsu_open(path);
	mi_error err;
	mi_client_list list = {0};
	assert_int_equal(mi_store_clients_search(store, "ELODIE", 0, &list, &err), MI_OK);
	assert_int_equal(list.count, 1);
	assert_int_equal(list.items[0].id, client);
	mi_client_list_clear(&list);
	long long found = 0;
	assert_int_equal(mi_store_client_find(store, "elodie  DURAND", "1990-05-01", &found, &err),
			 MI_OK);
	assert_int_equal(found, client);
	mi_audit_list audit = {0};
	assert_int_equal(mi_store_audit_list(store, 1, &audit, &err), MI_OK);
	assert_int_equal(audit.count, 1);
	assert_string_equal(audit.items[0].action, "refold");
	mi_audit_list_clear(&audit);
	mi_store_close(store);
	char version[64];
	mi_fold_version(version, sizeof version);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT version = '%s' FROM name_fold", version);
	assert_int_equal(tsu_raw_int(path, sql), 1);
	raw_exec(path, "INSERT INTO clients_fts (clients_fts) VALUES ('integrity-check')");
	free(path);
	tsu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(search_with_short_texts_matches_model),
		cmocka_unit_test(search_with_long_texts_matches_model),
		cmocka_unit_test(search_with_accents_and_scripts_finds_them),
		cmocka_unit_test(search_with_empty_text_lists_everyone),
		cmocka_unit_test(search_after_rename_and_removal_follows_them),
		cmocka_unit_test(store_open_with_other_fold_version_refolds_keys),
	};
	return cmocka_run_group_tests_name("store_search", tests, group_setup, group_teardown);
}
