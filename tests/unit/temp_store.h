/* temp_store.h - a new database in a private temporary folder for one
 * test, and its removal. Every helper asserts instead of returning errors. */
#ifndef MI_TEST_TEMP_STORE_H
#define MI_TEST_TEMP_STORE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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

/* Closes the database and removes it, its -wal and -shm, and the folder. */
static inline void temp_store_remove(temp_store *t)
{
	mi_store_close(t->store);
	t->store = NULL;
	char path[160];
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(path, sizeof path, "%s%s", t->db, suffixes[i]);
		unlink(path);
	}
	rmdir(t->dir);
}

#endif
