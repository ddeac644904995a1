/* test_followup.c - follow-up plans, who is due, the calendar text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "mi/followup.h"

static void mi_plan_parse_with_each_form_succeeds(void **state)
{
	(void)state;
	mi_plan p;
	mi_error err;
	char text[32];
	const char *forms[] = {"reassess", "series:5:14", "maintenance:30", "none"};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		assert_int_equal(mi_plan_parse(forms[i], &p, &err), MI_OK);
		mi_plan_format(&p, text);
		assert_string_equal(text, forms[i]);
	}
}

static void mi_plan_parse_with_bad_forms_fails(void **state)
{
	(void)state;
	mi_plan p;
	mi_error err;
	const char *bad[] = {"", "series:5", "series:1:14", "series:21:14", "series:5:0",
			     "series:5:14x", "maintenance:", "maintenance:-3", "maintenance:366",
			     "Reassess", "series: 5:14", NULL};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(mi_plan_parse(bad[i], &p, &err), MI_EDATA);
}

static mi_followup_visit visit(long long id, int month, int day, const char *plan)
{
	mi_followup_visit v = {.visit_id = id, .date = {2026, month, day}};
	mi_error err;
	if (plan)
		assert_int_equal(mi_plan_parse(plan, &v.plan, &err), MI_OK);
	return v;
}

static void mi_followup_due_with_a_series_succeeds(void **state)
{
	(void)state;
	mi_followup_visit v[] = {visit(1, 1, 5, NULL), visit(2, 3, 2, "series:3:14"),
				 visit(3, 3, 17, NULL), visit(4, 4, 1, NULL)};
	mi_due d;
	assert_true(mi_followup_due(v, 2, &d));
	assert_int_equal(d.visit_id, 2);
	assert_int_equal(d.due.month, 3);
	assert_int_equal(d.due.day, 16);
	assert_int_equal(d.session, 2);
	assert_int_equal(d.sessions, 3);
	char reason[64];
	mi_due_reason(&d, reason);
	assert_string_equal(reason, "session 2 of 3 of a series");
	/* Counted from the last visit, a day late: 17 March + 14. */
	assert_true(mi_followup_due(v, 3, &d));
	assert_int_equal(d.session, 3);
	assert_int_equal(d.due.month, 3);
	assert_int_equal(d.due.day, 31);
	/* The third session done: nothing more. */
	assert_false(mi_followup_due(v, 4, &d));
	/* No plan at all: nothing. */
	assert_false(mi_followup_due(v, 1, &d));
}

static void mi_followup_due_with_reassess_and_maintenance_succeeds(void **state)
{
	(void)state;
	mi_followup_visit v[] = {visit(1, 12, 30, "reassess"), visit(2, 12, 31, NULL)};
	mi_due d;
	assert_true(mi_followup_due(v, 1, &d));
	assert_int_equal(d.due.year, 2027); /* 48 hours after 30 December */
	assert_int_equal(d.due.month, 1);
	assert_int_equal(d.due.day, 1);
	assert_int_equal(d.until.day, 2);
	assert_false(mi_followup_due(v, 2, &d)); /* they came back */
	mi_followup_visit m[] = {visit(1, 2, 1, "maintenance:28"), visit(2, 3, 1, NULL)};
	assert_true(mi_followup_due(m, 2, &d));
	assert_int_equal(d.due.month, 3);
	assert_int_equal(d.due.day, 29);
	/* "none" is no plan: the plan before it stands. */
	mi_followup_visit n[] = {visit(1, 2, 1, "maintenance:28"), visit(2, 3, 1, "none")};
	assert_true(mi_followup_due(n, 2, &d));
	assert_int_equal(d.visit_id, 1);
}

static void mi_ics_calendar_with_long_and_special_text_succeeds(void **state)
{
	(void)state;
	mi_ics_event e = {.uid = "visit-1-1-0@massage-intake",
			  .name = "Zoë Ångström-Łukasiewicz, Jr.; the Third \\ of her name, Dr.",
			  .reason = "reassess (48-72 h after the session)",
			  .start = {2026, 12, 31},
			  .end = {2027, 1, 1}};
	char *text = mi_ics_calendar(&e, 1, "20261203T120000Z");
	assert_non_null(text);
	assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(text, "DTSTART;VALUE=DATE:20261231\r\n"));
	assert_non_null(strstr(text, "DTEND;VALUE=DATE:20270102\r\n"));
	assert_non_null(strstr(text, "Jr.\\; the Third \\\\ of"));
	assert_non_null(strstr(text, "Łukasiewicz\\, Jr."));
	/* Every line at most 75 octets, folded lines start with a space, no
	 * UTF-8 character cut. */
	for (char *line = text, *end; (end = strstr(line, "\r\n")); line = end + 2) {
		assert_true(end - line <= 75);
		assert_true(((unsigned char)line[0] & 0xC0) != 0x80);
		assert_true(((unsigned char)line[line[0] == ' ' ? 1 : 0] & 0xC0) != 0x80);
	}
	assert_non_null(strstr(text, "\r\n "));
	assert_non_null(strstr(text, "END:VCALENDAR\r\n"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mi_plan_parse_with_each_form_succeeds),
		cmocka_unit_test(mi_plan_parse_with_bad_forms_fails),
		cmocka_unit_test(mi_followup_due_with_a_series_succeeds),
		cmocka_unit_test(mi_followup_due_with_reassess_and_maintenance_succeeds),
		cmocka_unit_test(mi_ics_calendar_with_long_and_special_text_succeeds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
