/* test_resume.c - the kiosk's resume codes: made, typed, hashed, checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "mi/resume.h"

static void resume_code_new_is_six_random_digits_succeeds(void **state)
{
	(void)state;
	char a[MI_RESUME_CODE_DIGITS + 1], b[MI_RESUME_CODE_DIGITS + 1];
	int same = 0;
	for (int i = 0; i < 20; i++) {
		mi_resume_code_new(a);
		mi_resume_code_new(b);
		assert_int_equal(strlen(a), MI_RESUME_CODE_DIGITS);
		assert_int_equal(strspn(a, "0123456789"), MI_RESUME_CODE_DIGITS);
		same += strcmp(a, b) == 0;
	}
	assert_true(same < 2); /* one in a million each time */
}

static void resume_code_normalize_with_spaces_and_dashes_succeeds(void **state)
{
	(void)state;
	char code[MI_RESUME_CODE_DIGITS + 1];
	assert_true(mi_resume_code_normalize("482 913", code));
	assert_string_equal(code, "482913");
	assert_true(mi_resume_code_normalize("48-29-13", code));
	assert_string_equal(code, "482913");
	const char *bad[] = {"", "48291", "4829134", "48291a", "482\t913", "٤٨٢٩١٣"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(mi_resume_code_normalize(bad[i], code));
	char shown[MI_RESUME_CODE_DIGITS + 2];
	mi_resume_code_format("482913", shown);
	assert_string_equal(shown, "482 913");
}

static void resume_code_hash_verifies_only_its_code_succeeds(void **state)
{
	(void)state;
	char *stored = mi_resume_code_hash("482913");
	assert_non_null(stored);
	assert_null(strstr(stored, "482913")); /* never kept as typed */
	char *again = mi_resume_code_hash("482913");
	assert_string_not_equal(stored, again); /* salted */
	assert_true(mi_resume_code_verify(stored, "482913"));
	assert_true(mi_resume_code_verify(stored, "482 913"));
	assert_true(mi_resume_code_verify(again, "482-913"));
	assert_false(mi_resume_code_verify(stored, "482914"));
	assert_false(mi_resume_code_verify(stored, ""));
	assert_false(mi_resume_code_verify("not a hash", "482913"));
	assert_false(mi_resume_code_verify(NULL, "482913"));
	stored[3] = stored[3] == 'a' ? 'b' : 'a'; /* another salt */
	assert_false(mi_resume_code_verify(stored, "482913"));
	assert_null(mi_resume_code_hash("48291"));
	free(stored);
	free(again);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resume_code_new_is_six_random_digits_succeeds),
		cmocka_unit_test(resume_code_normalize_with_spaces_and_dashes_succeeds),
		cmocka_unit_test(resume_code_hash_verifies_only_its_code_succeeds),
	};
	return cmocka_run_group_tests_name("resume", tests, NULL, NULL);
}
