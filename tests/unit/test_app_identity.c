/* test_app_identity.c - the name and birth date the desk and the kiosk start
 * an intake with: a name hiding an invisible character is refused before any
 * draft exists, and a name typed another way (a decomposed accent, a
 * no-break space) finds the same client and the same draft. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_drafts.h"
#include "temp_store.h"

static const mi_date today = {2026, 11, 23};

typedef struct fixture {
	temp_store t;
	mi_store *store; /* t.store */
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	temp_store_open(&f->t, "identity-test");
	f->store = f->t.store;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	temp_store_remove(&f->t);
	free(f);
	return 0;
}

/* The number of drafts and unreviewed intakes. */
static size_t waiting(mi_store *store)
{
	mi_visit_list list = {0};
	mi_error err;
	assert_int_equal(mi_store_waiting_list(store, &list, &err), MI_OK);
	size_t n = list.count;
	mi_visit_list_clear(&list);
	return n;
}

static void open_draft_with_invisible_name_fails(void **state)
{
	fixture *f = *state;
	long long visit = 0;
	mi_answers *answers = NULL;
	mi_error err;
	bool resumed = false;
	assert_int_equal(mi_app_draft_open(f->store, NULL, "Maya\xE2\x80\x8B Ortiz", "1988-03-14",
					   MI_SOURCE_DESK, today, &visit, &answers, &resumed, &err),
			 MI_EDATA);
	assert_non_null(strstr(err.message, "\"client.name\""));
	assert_null(answers);
	assert_int_equal(waiting(f->store), 0);
	assert_int_equal(mi_app_draft_open(f->store, NULL, "Maya Ortiz", "1988-13-14", MI_SOURCE_DESK,
					   today, &visit, &answers, &resumed, &err),
			 MI_EDATA);
	assert_int_equal(waiting(f->store), 0);
	char code[MI_RESUME_CODE_DIGITS + 1];
	assert_int_equal(mi_app_kiosk_start(f->store, "Maya\xE2\x80\x8B Ortiz", "1988-03-14", today,
					    &visit, &answers, code, &err),
			 MI_EDATA);
	assert_null(answers);
	assert_int_equal(waiting(f->store), 0);
}

static void open_draft_with_name_typed_another_way_resumes(void **state)
{
	fixture *f = *state;
	long long first = 0, second = 0;
	mi_answers *answers = NULL;
	mi_error err;
	bool resumed = true;
	assert_int_equal(mi_app_draft_open(f->store, NULL, "Zoe\xCC\x88 Lind", "1990-01-02",
					   MI_SOURCE_DESK, today, &first, &answers, &resumed, &err),
			 MI_OK);
	assert_string_equal(mi_answers_get_text(answers, "client.name"), "Zo\xC3\xAB Lind");
	mi_answers_free(answers);
	assert_false(resumed);
	assert_int_equal(mi_app_draft_open(f->store, NULL, "Zo\xC3\xAB\xC2\xA0Lind", "1990-01-02",
					   MI_SOURCE_DESK, today, &second, &answers, &resumed, &err),
			 MI_OK);
	assert_true(resumed);
	mi_answers_free(answers);
	assert_int_equal(first, second);
	assert_int_equal(waiting(f->store), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(open_draft_with_invisible_name_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(open_draft_with_name_typed_another_way_resumes, setup,
						teardown),
	};
	return cmocka_run_group_tests_name("app_identity", tests, NULL, NULL);
}
