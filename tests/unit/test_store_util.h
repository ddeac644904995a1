/* test_store_util.h - helpers for the storage unit tests (test_store*.c):
 * temporary folders (never the user's database), files read back whole,
 * answers from JSON text, and screenings built in memory. Every helper
 * asserts instead of returning errors. */
#ifndef MI_TEST_STORE_UTIL_H
#define MI_TEST_STORE_UTIL_H

#define _GNU_SOURCE /* asprintf */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "mi/answers.h"
#include "mi/screen.h"
#include "mi/store.h"

/* A new temporary folder; caller frees and removes with tsu_rmdir. */
static inline char *tsu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = NULL;
	assert_true(asprintf(&path, "%s/mi-store-test.XXXXXX", base && *base ? base : "/tmp") > 0);
	assert_non_null(mkdtemp(path));
	return path;
}

static inline int tsu_remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes the folder and everything in it, and frees path. */
static inline void tsu_rmdir(char *path)
{
	nftw(path, tsu_remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(path);
}

/* dir/name, newly allocated. */
static inline char *tsu_path(const char *dir, const char *name)
{
	char *path = NULL;
	assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
	return path;
}

/* The whole content of a file (size in *len); caller frees. */
static inline char *tsu_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	char *data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	data[size] = '\0';
	*len = (size_t)size;
	return data;
}

/* One integer from a raw read-only connection (outside the store). */
static inline long long tsu_raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	long long v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

/* The rows of a query from a raw read-only connection, as text: columns
 * separated by '|', rows by '\n' (NULL as "NULL"); caller frees. */
static inline char *tsu_raw_rows(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		for (int i = 0; i < sqlite3_column_count(stmt); i++) {
			const unsigned char *v = sqlite3_column_text(stmt, i);
			fprintf(out, "%s%c", v ? (const char *)v : "NULL",
				i + 1 < sqlite3_column_count(stmt) ? '|' : '\n');
		}
	fclose(out);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return text;
}

/* Runs SQL on the file at path through a connection of its own (as
 * another program, or a hand edit, would). */
static inline void tsu_raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Builds a fixture database at path from its SQL script (name, e.g.
 * "v1.sql", under tests/fixtures/db/ in $MI_SOURCE_DIR). */
static inline void tsu_load_db_fixture(const char *path, const char *name)
{
	const char *src = getenv("MI_SOURCE_DIR");
	assert_non_null(src);
	char *script = NULL;
	assert_true(asprintf(&script, "%s/tests/fixtures/db/%s", src, name) > 0);
	size_t len = 0;
	char *sql = tsu_read(script, &len);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("fixture: %s", msg ? msg : "?");
	sqlite3_close(db);
	free(sql);
	free(script);
}

/* The version-1 fixture database (tests/fixtures/db/v1.sql) at path. */
static inline void tsu_load_v1_fixture(const char *path)
{
	tsu_load_db_fixture(path, "v1.sql");
}

/* The permission bits of path. */
static inline unsigned tsu_mode(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return (unsigned)(st.st_mode & 07777);
}

/* Answers parsed from JSON text; caller frees. */
static inline mi_answers *tsu_answers(const char *json)
{
	mi_answers *answers = NULL;
	mi_error err;
	mi_status st = mi_answers_parse(json, strlen(json), &answers, &err);
	if (st != MI_OK)
		fail_msg("answers refused: %s", err.message);
	return answers;
}

/* Rules for screenings built in memory (the store only reads id and level). */
static const mi_rule tsu_rules[] = {
	{"anticoagulant", MI_LEVEL_MODIFY, "", "", "note", "source"},
	{"nerve_root_signs", MI_LEVEL_MODIFY, "", "", "note", "source"},
	{"leg_weakness", MI_LEVEL_REFER, "", "", "note", "source"},
};

/* A screening whose flags are the first count of tsu_rules (outcome the
 * most severe); release with tsu_screening_clear. */
static inline mi_screening tsu_screening(size_t count)
{
	mi_screening s = {0};
	s.flags = calloc(count ? count : 1, sizeof *s.flags);
	assert_non_null(s.flags);
	for (size_t i = 0; i < count; i++) {
		s.flags[i] = &tsu_rules[i];
		if (tsu_rules[i].level > s.outcome)
			s.outcome = tsu_rules[i].level;
	}
	s.flag_count = count;
	return s;
}

static inline void tsu_screening_clear(mi_screening *s)
{
	free((void *)s->flags);
	s->flags = NULL;
}

/* Opens (creating) a store at path, asserting success. */
static inline mi_store *tsu_open(const char *path)
{
	mi_store *store = NULL;
	mi_error err;
	mi_status st = mi_store_open(path, MI_STORE_CREATE, &store, &err);
	if (st != MI_OK)
		fail_msg("open failed: %s", err.message);
	return store;
}

/* A test's own store: a temporary folder with a database in it. */
typedef struct tsu_fixture {
	char *dir;
	char *path;
	mi_store *store;
} tsu_fixture;

/* cmocka setup: a new tsu_fixture with its store open in *state. */
static inline int tsu_setup(void **state)
{
	tsu_fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->dir = tsu_tmpdir();
	f->path = tsu_path(f->dir, "intake.db");
	f->store = tsu_open(f->path);
	*state = f;
	return 0;
}

/* cmocka teardown: closes the store and removes the folder. */
static inline int tsu_teardown(void **state)
{
	tsu_fixture *f = *state;
	mi_store_close(f->store);
	free(f->path);
	tsu_rmdir(f->dir);
	free(f);
	return 0;
}

/* Stores an intake from JSON text with count flags; returns the visit id. */
static inline long long tsu_intake(mi_store *store, const char *json, size_t flags,
				   const char *date, long long *client_id)
{
	mi_answers *answers = tsu_answers(json);
	mi_screening s = tsu_screening(flags);
	mi_date today;
	assert_true(mi_date_parse(date, &today));
	long long visit = 0;
	mi_error err;
	mi_status st = mi_store_intake(store, answers, &s, "test-1 (00000000)", MI_SOURCE_CLI, today,
				       &visit, client_id, &err);
	if (st != MI_OK)
		fail_msg("intake failed: %s", err.message);
	tsu_screening_clear(&s);
	mi_answers_free(answers);
	return visit;
}

/* Saves the answer value_json (NULL: its removal) to key of a draft, the
 * way the UI does: set on an answers object first, then handed to the
 * store. A value the answers refuse returns that refusal. */
static inline mi_status tsu_save_answer(mi_store *store, long long visit, const char *key,
					const char *value_json, mi_error *err)
{
	mi_answers *one = mi_answers_new();
	assert_non_null(one);
	mi_status st = value_json ? mi_answers_set_json(one, key, value_json, err) : MI_OK;
	if (st == MI_OK)
		st = mi_store_draft_save_answer(store, visit, one, key, err);
	mi_answers_free(one);
	return st;
}

#endif
