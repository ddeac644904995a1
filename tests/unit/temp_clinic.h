/* temp_clinic.h - a new database (temp_store.h) and the shipped rules, the
 * fixture of the tests of the application layer: setup and teardown for
 * cmocka, the state being a temp_clinic. */
#ifndef MI_TEST_TEMP_CLINIC_H
#define MI_TEST_TEMP_CLINIC_H

#include <stdlib.h>

#include "mi/rules.h"
#include "temp_store.h"

typedef struct temp_clinic {
	temp_store t;
	mi_ruleset *rules; /* data/rules.conf as shipped ($MI_DATA_DIR) */
} temp_clinic;

/* *state becomes a temp_clinic whose folder is named after what. */
static inline int temp_clinic_setup(void **state, const char *what)
{
	temp_clinic *c = calloc(1, sizeof *c);
	assert_non_null(c);
	temp_store_open(&c->t, what);
	mi_error err;
	if (mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &c->rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	*state = c;
	return 0;
}

static inline int temp_clinic_teardown(void **state)
{
	temp_clinic *c = *state;
	temp_store_remove(&c->t);
	mi_ruleset_free(c->rules);
	free(c);
	return 0;
}

#endif
