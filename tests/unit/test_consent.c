/* test_consent.c - when an intake's consent cannot be relied on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "mi/consent.h"

/* The consent state of answers given as JSON text. */
static mi_consent_state state_of(const char *json)
{
	mi_answers *a = NULL;
	mi_error err;
	if (mi_answers_parse(json, strlen(json), &a, &err) != MI_OK)
		fail_msg("%s", err.message);
	mi_consent_state s = mi_consent_check(a);
	mi_answers_free(a);
	return s;
}

static void consent_signed_with_the_client_name_succeeds(void **state)
{
	(void)state;
	assert_int_equal(state_of("{\"client\":{\"name\":\"Élodie Martin\"},\"consent\":{\"agreed\":true,"
				  "\"name\":\"Élodie Martin\",\"date\":\"2026-11-23\"}}"),
			 MI_CONSENT_SIGNED);
	/* Case, accents and spacing do not count. */
	assert_int_equal(state_of("{\"client\":{\"name\":\"Élodie Martin\"},\"consent\":{\"agreed\":true,"
				  "\"name\":\"  elodie   MARTIN \",\"date\":\"2026-11-23\"}}"),
			 MI_CONSENT_SIGNED);
	assert_null(mi_consent_problem(MI_CONSENT_SIGNED));
}

static void consent_missing_refused_or_other_name_fails(void **state)
{
	(void)state;
	assert_int_equal(state_of("{\"client\":{\"name\":\"Ann Lee\"}}"), MI_CONSENT_MISSING);
	assert_int_equal(state_of("{\"client\":{\"name\":\"Ann Lee\"},\"consent\":{\"agreed\":false,"
				  "\"name\":\"Ann Lee\",\"date\":\"2026-11-23\"}}"),
			 MI_CONSENT_NOT_AGREED);
	assert_int_equal(state_of("{\"client\":{\"name\":\"Ann Lee\"},\"consent\":{"
				  "\"name\":\"Ann Lee\",\"date\":\"2026-11-23\"}}"),
			 MI_CONSENT_NOT_AGREED);
	assert_int_equal(state_of("{\"client\":{\"name\":\"Ann Lee\"},\"consent\":{\"agreed\":true,"
				  "\"name\":\"asdf\",\"date\":\"2026-11-23\"}}"),
			 MI_CONSENT_OTHER_NAME);
	assert_int_equal(state_of("{\"client\":{\"name\":\"Ann Lee\"},\"consent\":{\"agreed\":true,"
				  "\"name\":\"Ann\",\"date\":\"2026-11-23\"}}"),
			 MI_CONSENT_OTHER_NAME);
	assert_non_null(mi_consent_problem(MI_CONSENT_MISSING));
	assert_non_null(mi_consent_problem(MI_CONSENT_NOT_AGREED));
	assert_non_null(mi_consent_problem(MI_CONSENT_OTHER_NAME));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(consent_signed_with_the_client_name_succeeds),
		cmocka_unit_test(consent_missing_refused_or_other_name_fails),
	};
	return cmocka_run_group_tests_name("consent", tests, NULL, NULL);
}
