/* test_intake_util.h - the shipped intake questions (data/intake.conf)
 * installed for a test group, as the program does when it loads its data. */
#ifndef MI_TEST_INTAKE_UTIL_H
#define MI_TEST_INTAKE_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "mi/intake.h"

static mi_intake *tiu_shipped;

/* Group setup: loads and installs the shipped intake.conf. */
static inline int tiu_install_shipped(void **state)
{
	(void)state;
	char path[4096];
	snprintf(path, sizeof path, "%s/intake.conf", getenv("MI_DATA_DIR"));
	mi_error err;
	if (mi_intake_load(path, &tiu_shipped, &err) != MI_OK) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	mi_intake_install(tiu_shipped);
	return 0;
}

/* Group teardown. */
static inline int tiu_free_shipped(void **state)
{
	(void)state;
	mi_intake_free(tiu_shipped);
	tiu_shipped = NULL;
	return 0;
}

#endif
