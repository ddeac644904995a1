/* temp_store.h - a new database in a private temporary folder for one
 * test, and its removal. Every helper asserts instead of returning errors. */
#ifndef MI_TEST_TEMP_STORE_H
#define MI_TEST_TEMP_STORE_H

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mi/store.h"

typedef struct temp_store {
	char dir[64];
	char db[128];
	mi_store *store;
} temp_store;

/* Makes the folder (named after what) and opens a new database in it. */
static inline void temp_store_open(temp_store *t, const char *what)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/mi-%s.XXXXXX", what);
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->db, sizeof t->db, "%s/t.db", t->dir);
	mi_error err;
	assert_int_equal(mi_store_open(t->db, MI_STORE_CREATE, &t->store, &err), MI_OK);
}

/* Closes the database and removes the folder with all in it: the
 * database, its -wal and -shm, and the files the test put there. */
static inline void temp_store_remove(temp_store *t)
{
	mi_store_close(t->store);
	t->store = NULL;
	DIR *dir = opendir(t->dir);
	assert_non_null(dir);
	struct dirent *e;
	char path[384];
	while ((e = readdir(dir)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(path, sizeof path, "%s/%s", t->dir, e->d_name);
			assert_int_equal(unlink(path), 0);
		}
	closedir(dir);
	assert_int_equal(rmdir(t->dir), 0);
}

#endif
