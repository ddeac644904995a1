/* example_visits.h - the example intakes of tests/fixtures/examples read
 * and stored as visits, for the tests over a store with visits in it.
 * Every helper asserts instead of returning errors. */
#ifndef MI_TEST_EXAMPLE_VISITS_H
#define MI_TEST_EXAMPLE_VISITS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "mi/answers.h"
#include "mi/rules.h"
#include "mi/store.h"

/* Reads tests/fixtures/examples/NAME (caller frees). */
static inline mi_answers *example_answers(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/examples/%s", getenv("MI_SOURCE_DIR"), name);
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_answers_read_file(path, &a, &err), MI_OK);
	return a;
}

/* Screens answers (taken) with rules and stores them as a visit on date;
 * the visit's id, and its client's in *client_id. */
static inline long long example_store(mi_store *store, const mi_ruleset *rules, mi_answers *a,
				      mi_visit_source source, mi_date date, long long *client_id)
{
	mi_screening s;
	mi_error err;
	long long visit = 0;
	assert_int_equal(mi_screen(rules, a, date, &s, &err), MI_OK);
	assert_int_equal(mi_store_intake(store, a, &s, mi_ruleset_version(rules), source, date, &visit,
					 client_id, &err),
			 MI_OK);
	mi_screening_clear(&s);
	mi_answers_free(a);
	return visit;
}

#endif
