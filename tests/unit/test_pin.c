/* test_pin.c - PIN rules and hashing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "mi/pin.h"

static void mi_pin_valid_with_four_to_twelve_digits_succeeds(void **state)
{
	(void)state;
	assert_true(mi_pin_valid("1234"));
	assert_true(mi_pin_valid("123456789012"));
}

static void mi_pin_valid_with_bad_pins_fails(void **state)
{
	(void)state;
	assert_false(mi_pin_valid(NULL));
	assert_false(mi_pin_valid(""));
	assert_false(mi_pin_valid("123"));
	assert_false(mi_pin_valid("1234567890123"));
	assert_false(mi_pin_valid("12a4"));
	assert_false(mi_pin_valid("12 34"));
	assert_false(mi_pin_valid("１２３４")); /* full-width digits */
}

static void mi_pin_hash_with_valid_pin_verifies_succeeds(void **state)
{
	(void)state;
	char *hash = NULL;
	mi_error err;
	assert_int_equal(mi_pin_hash("4711", &hash, &err), MI_OK);
	assert_non_null(strstr(hash, "$argon2id$"));
	assert_null(strstr(hash, "4711"));
	assert_true(mi_pin_verify(hash, "4711"));
	assert_false(mi_pin_verify(hash, "4712"));
	assert_false(mi_pin_verify(hash, ""));
	assert_false(mi_pin_needs_rehash(hash));
	free(hash);
}

/* The program's hashes carry libsodium's interactive limits (64 MiB, two
 * passes); the least cost, which only tests set, makes hashes the
 * interactive cost would replace, and back. */
static void mi_pin_hash_cost_is_interactive_unless_tests_set_least_succeeds(void **state)
{
	(void)state;
	char *strong = NULL, *cheap = NULL;
	mi_error err;
	assert_int_equal(mi_pin_hash("4711", &strong, &err), MI_OK);
	assert_non_null(strstr(strong, "$m=65536,t=2,p=1$"));
	mi_pin_use_cost(MI_PIN_COST_LEAST);
	assert_int_equal(mi_pin_hash("4711", &cheap, &err), MI_OK);
	assert_non_null(strstr(cheap, "$m=8,t=1,p=1$"));
	assert_true(mi_pin_verify(cheap, "4711"));
	assert_false(mi_pin_needs_rehash(cheap));
	assert_true(mi_pin_needs_rehash(strong));
	mi_pin_use_cost(MI_PIN_COST_INTERACTIVE);
	assert_true(mi_pin_needs_rehash(cheap));
	assert_false(mi_pin_needs_rehash(strong));
	free(strong);
	free(cheap);
}

static void mi_pin_hash_with_invalid_pin_fails(void **state)
{
	(void)state;
	char *hash = NULL;
	mi_error err;
	assert_int_equal(mi_pin_hash("12", &hash, &err), MI_EDATA);
	assert_null(hash);
	assert_non_null(strstr(err.message, "4 to 12 digits"));
}

static void mi_pin_verify_with_malformed_hash_fails(void **state)
{
	(void)state;
	assert_false(mi_pin_verify("not a hash", "1234"));
	assert_false(mi_pin_verify(NULL, "1234"));
	assert_true(mi_pin_needs_rehash("not a hash"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mi_pin_valid_with_four_to_twelve_digits_succeeds),
		cmocka_unit_test(mi_pin_valid_with_bad_pins_fails),
		cmocka_unit_test(mi_pin_hash_with_valid_pin_verifies_succeeds),
		cmocka_unit_test(mi_pin_hash_cost_is_interactive_unless_tests_set_least_succeeds),
		cmocka_unit_test(mi_pin_hash_with_invalid_pin_fails),
		cmocka_unit_test(mi_pin_verify_with_malformed_hash_fails),
	};
	return cmocka_run_group_tests_name("pin", tests, NULL, NULL);
}
