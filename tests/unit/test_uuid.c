/* test_uuid.c - random version-4 UUIDs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "mi/uuid.h"

static void uuid_v4_with_version_and_variant_succeeds(void **state)
{
	(void)state;
	char seen[64][MI_UUID_SIZE];
	for (int i = 0; i < 64; i++) {
		assert_true(mi_uuid_v4(seen[i]));
		assert_int_equal(strlen(seen[i]), 36);
		assert_true(mi_uuid_valid(seen[i]));
		assert_int_equal(seen[i][14], '4');
		assert_non_null(strchr("89ab", seen[i][19]));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(seen[i], seen[j]);
	}
}

static void uuid_valid_with_bad_text_fails(void **state)
{
	(void)state;
	assert_true(mi_uuid_valid("5c0f0b8e-2f6a-4d3b-9a41-7e2d1c0b9a11"));
	static const char *const bad[] = {
		"", "5c0f0b8e-2f6a-4d3b-9a41-7e2d1c0b9a1", "5c0f0b8e-2f6a-4d3b-9a41-7e2d1c0b9a111",
		"5C0F0B8E-2F6A-4D3B-9A41-7E2D1C0B9A11", "5c0f0b8e2f6a-4d3b-9a41-7e2d1c0b9a11-",
		"5c0f0b8e-2f6a-4d3b-9a41-7e2d1c0b9g11",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(mi_uuid_valid(bad[i]));
	assert_false(mi_uuid_valid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(uuid_v4_with_version_and_variant_succeeds),
		cmocka_unit_test(uuid_valid_with_bad_text_fails),
	};
	return cmocka_run_group_tests_name("uuid", tests, NULL, NULL);
}
