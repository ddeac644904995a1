/* test_ui_desk.c - the front desk's pages, fed keys over a temporary
 * database, and their golden screens at 80x24. Set MI_UPDATE_GOLDEN=1 to
 * rewrite the golden files after a deliberate change (then read the diff). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mi/aftercare.h"
#include "mi/app_aftercare.h"
#include "mi/app_records.h"
#include "mi/intake.h"
#include "mi/pin.h"
#include "mi/store.h"
#include "mi/store_therapists.h"
#include "mi/ui_desk.h"
#include "example_visits.h"
#include "ui_test_pin.h"
#include "temp_store.h"

static const mi_date today = {2026, 11, 23};

typedef struct fixture {
	temp_store t; /* the database and its folder */
	mi_ruleset *rules;
	mi_aftercare_template *aftercare;
	long long tom, maya, walter;       /* client ids */
	long long tom_old, tom_urgent;     /* Tom's visits */
	long long maya_visit, walter_visit;
	mi_desk *desk;
	int printed;
} fixture;

#define example example_answers

/* Screens and stores answers as a visit on date. */
static long long store(fixture *f, mi_answers *a, mi_visit_source source, mi_date date,
		       long long *client_id)
{
	return example_store(f->t.store, f->rules, a, source, date, client_id);
}

static mi_status fake_print(void *ctx, long long visit_id, mi_error *err)
{
	fixture *f = ctx;
	(void)err;
	assert_int_equal(visit_id, f->tom_urgent);
	f->printed++;
	return MI_OK;
}

/* A desk over the fixture's store printing with print (NULL: the real
 * print path). */
static mi_desk *new_desk(fixture *f, mi_desk_print_fn print)
{
	mi_desk_config config = {
		.store = f->t.store,
		.rules = f->rules,
		.aftercare = f->aftercare,
		.clock = mi_clock_fixed(&today),
		.print = print,
		.print_ctx = f,
	};
	mi_error err;
	mi_account anna = {0};
	if (mi_store_account_get(f->t.store, "Anna", &anna, &err) == MI_ENOTFOUND)
		assert_int_equal(mi_store_account_add(f->t.store, "Anna", MI_ROLE_THERAPIST,
						      ui_test_pin_hash, NULL, &err),
				 MI_OK);
	mi_account_clear(&anna);
	mi_desk *desk = mi_desk_new(&config, &err);
	assert_non_null(desk);
	/* Anna signs in. */
	for (const wchar_t *p = L"2468"; *p; p++)
		mi_desk_key(desk, mi_ui_key_char(*p));
	mi_desk_key(desk, mi_ui_key_of(MI_KEY_ENTER));
	assert_false(mi_desk_locked(desk));
	return desk;
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	temp_store_open(&f->t, "desk");
	mi_error err;
	assert_int_equal(mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &f->rules, &err), MI_OK);
	assert_int_equal(mi_aftercare_template_load_dir(getenv("MI_DATA_DIR"), &f->aftercare, &err),
			 MI_OK);

	mi_answers *old = example("04-urgent-bladder-change.json");
	assert_int_equal(mi_answers_set_int(old, "pain_intensity", 6, &err), MI_OK);
	assert_int_equal(mi_answers_set_bool(old, "bladder_bowel_change", false, &err), MI_OK);
	assert_int_equal(mi_answers_set_json(old, "leg_symptoms", "[]", &err), MI_OK);
	assert_int_equal(mi_answers_set_bool(old, "leg_symptoms_both_sides", false, &err), MI_OK);
	f->tom_old = store(f, old, MI_SOURCE_CLI, (mi_date){2026, 10, 1}, &f->tom);
	f->tom_urgent = store(f, example("04-urgent-bladder-change.json"), MI_SOURCE_CLI, today,
			      &f->tom);
	/* Reviewed already: an urgent intake waits for review from any source. */
	assert_int_equal(mi_app_visit_mark_reviewed(f->t.store, f->tom_urgent, NULL, &err), MI_OK);
	f->maya_visit = store(f, example("01-proceed-chronic-tightness.json"), MI_SOURCE_CLI,
			      (mi_date){2026, 11, 20}, &f->maya);
	f->walter_visit = store(f, example("02-modify-blood-thinner.json"), MI_SOURCE_KIOSK, today,
				&f->walter);

	f->desk = new_desk(f, fake_print);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	mi_desk_free(f->desk);
	mi_aftercare_template_free(f->aftercare);
	mi_ruleset_free(f->rules);
	temp_store_remove(&f->t);
	free(f);
	return 0;
}

static mi_ui_action press(fixture *f, mi_ui_key_kind kind)
{
	return mi_desk_key(f->desk, mi_ui_key_of(kind));
}

static mi_ui_action key(fixture *f, wchar_t ch)
{
	return mi_desk_key(f->desk, mi_ui_key_char(ch));
}

static void type(fixture *f, const wchar_t *text)
{
	for (; *text; text++)
		key(f, *text);
}

/* The screen as text at rows x cols (caller frees). */
static char *screen(fixture *f, int rows, int cols)
{
	mi_ui_canvas *c = mi_ui_canvas_new(rows, cols);
	assert_non_null(c);
	mi_desk_draw(f->desk, c);
	char *text = mi_ui_canvas_text(c);
	mi_ui_canvas_free(c);
	assert_non_null(text);
	return text;
}

static void assert_screen_has(fixture *f, const char *want)
{
	char *text = screen(f, 24, 80);
	if (!strstr(text, want))
		fail_msg("the screen lacks \"%s\":\n%s", want, text);
	free(text);
}

static void assert_screen_lacks(fixture *f, const char *unwanted)
{
	char *text = screen(f, 24, 80);
	if (strstr(text, unwanted))
		fail_msg("the screen shows \"%s\":\n%s", unwanted, text);
	free(text);
}

/* Compares the 80x24 screen with tests/fixtures/screens/NAME. */
static void assert_golden(fixture *f, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/screens/%s", getenv("MI_SOURCE_DIR"), name);
	char *text = screen(f, 24, 80);
	const char *update = getenv("MI_UPDATE_GOLDEN");
	if (update && *update == '1') {
		FILE *out = fopen(path, "w");
		assert_non_null(out);
		fputs(text, out);
		fclose(out);
	}
	FILE *in = fopen(path, "r");
	if (!in)
		fail_msg("missing golden screen %s; the screen is:\n%s", path, text);
	char want[16384];
	size_t n = fread(want, 1, sizeof want - 1, in);
	fclose(in);
	want[n] = '\0';
	if (strcmp(want, text) != 0)
		fail_msg("the screen differs from %s:\n%s", path, text);
	free(text);
}

/* Opens Tom's page from the main screen by searching his name. */
static void open_tom(fixture *f)
{
	key(f, L'/');
	type(f, L"beck");
	assert_int_equal(mi_desk_client_id(f->desk), f->tom);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_CLIENT);
}

/* Opens Tom's urgent visit (the newest, selected first). */
static void open_urgent_visit(fixture *f)
{
	open_tom(f);
	assert_int_equal(mi_desk_visit_id(f->desk), f->tom_urgent);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_int_equal(mi_desk_visit_id(f->desk), f->tom_urgent);
}

/* Moves the visit page's cursor with Tab until the screen shows marker on
 * the cursor's item; fails after 60 tabs. */
static void tab_to(fixture *f, const char *marker)
{
	for (int i = 0; i < 60; i++) {
		press(f, MI_KEY_TAB);
		mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
		mi_desk_draw(f->desk, c);
		for (int y = 3; y < c->rows - 2; y++) { /* between banner and status */
			if (!(c->cells[(size_t)y * 80 + 1].attr & MI_UI_REVERSE))
				continue;
			char *text = mi_ui_canvas_text(c);
			char *line = text;
			for (int k = 0; k < y; k++)
				line = strchr(line, '\n') + 1;
			*strchr(line, '\n') = '\0';
			bool found = strstr(line, marker) != NULL;
			free(text);
			if (found) {
				mi_ui_canvas_free(c);
				return;
			}
			break;
		}
		mi_ui_canvas_free(c);
	}
	fail_msg("Tab never reached \"%s\"", marker);
}

static void desk_main_lists_every_client_succeeds(void **state)
{
	fixture *f = *state;
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_MAIN);
	assert_screen_has(f, "Tom Becker");
	assert_screen_has(f, "Maya Ortiz");
	assert_screen_has(f, "[!! URGENT]");
	assert_screen_has(f, "1 intake waiting for review");
	assert_golden(f, "desk_main.txt");
}

static void desk_search_with_part_of_name_succeeds(void **state)
{
	fixture *f = *state;
	key(f, L'/');
	type(f, L"BECK");
	assert_screen_has(f, "Tom Becker");
	assert_screen_lacks(f, "Maya Ortiz");
	assert_int_equal(mi_desk_client_id(f->desk), f->tom);
	press(f, MI_KEY_ESC); /* clears the search */
	assert_screen_has(f, "Maya Ortiz");
}

static void desk_search_with_no_match_fails(void **state)
{
	fixture *f = *state;
	key(f, L'/');
	type(f, L"zzz");
	assert_screen_has(f, "No client matches that search.");
	assert_int_equal(mi_desk_client_id(f->desk), 0);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_MAIN);
	assert_non_null(strstr(mi_desk_status(f->desk), "No client is selected"));
}

static void desk_q_on_main_quits_succeeds(void **state)
{
	fixture *f = *state;
	assert_int_equal(key(f, L'q'), MI_UI_QUIT);
}

static void desk_q_while_searching_types_succeeds(void **state)
{
	fixture *f = *state;
	key(f, L'/');
	assert_int_equal(key(f, L'q'), MI_UI_HANDLED);
	assert_screen_has(f, "Search: q");
}

static void desk_help_on_main_succeeds(void **state)
{
	fixture *f = *state;
	key(f, L'?');
	assert_screen_has(f, "Help - any key closes");
	/* The marks with the words of the banners (screen.h), every one. */
	assert_screen_has(f, "Outcomes: [ok PROCEED] deep tissue is fine, [~ MODIFY] go ahead but");
	assert_screen_has(f, "[! REFER] no deep tissue today; refer to a clinician, [!! URGENT]");
	assert_screen_has(f, "seek urgent or emergency care now, and [? NOT FULLY SCREENED] deep");
	assert_screen_has(f, "tissue not cleared: ask the missing safety questions.");
	key(f, L'x');
	assert_screen_lacks(f, "Help - any key closes");
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_MAIN);
}

static void desk_client_page_shows_visits_and_trend_succeeds(void **state)
{
	fixture *f = *state;
	open_tom(f);
	assert_screen_has(f, "2026-11-23  [!! URGENT]");
	assert_screen_has(f, "2026-10-01  [~ MODIFY]");
	assert_screen_has(f, "Pain trend, 0-10, oldest to newest:");
	assert_screen_lacks(f, "Maya");
	assert_golden(f, "desk_client.txt");
	press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_MAIN);
	assert_screen_has(f, "Search: beck"); /* the search is kept */
}

/* A visit with no flag but safety questions unanswered is not shown as a
 * green "deep tissue is fine"; a fully answered one is. */
static void desk_visit_with_unanswered_is_not_fully_screened_succeeds(void **state)
{
	fixture *f = *state;
	long long lena = 0;
	store(f, example("05-incomplete-safety-questions.json"), MI_SOURCE_CLI, today, &lena);
	key(f, L'/');
	type(f, L"fisch");
	assert_int_equal(mi_desk_client_id(f->desk), lena);
	press(f, MI_KEY_ENTER);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_screen_has(f, "[? NOT FULLY SCREENED] deep tissue not cleared");
	assert_screen_lacks(f, "[ok PROCEED]");
	assert_screen_lacks(f, "deep tissue is fine");
	press(f, MI_KEY_ESC);
	press(f, MI_KEY_ESC);
	press(f, MI_KEY_ESC); /* leaves the search box */
	press(f, MI_KEY_ESC);

	key(f, L'/');
	type(f, L"ortiz");
	press(f, MI_KEY_ENTER);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_visit_id(f->desk), f->maya_visit);
	assert_screen_has(f, "[ok PROCEED] deep tissue is fine");
}

/* A consent not agreed, or signed with another name, is shown as such. */
static void desk_visit_with_bad_consent_says_so_succeeds(void **state)
{
	fixture *f = *state;
	mi_error err;
	mi_answers *a = example("01-proceed-chronic-tightness.json");
	assert_int_equal(mi_answers_set_json(a, "consent",
					     "{\"agreed\":false,\"name\":\"Maya Ortiz\","
					     "\"date\":\"2026-11-23\"}",
					     &err),
			 MI_OK);
	long long refused = store(f, a, MI_SOURCE_KIOSK, today, NULL);
	a = example("01-proceed-chronic-tightness.json");
	assert_int_equal(mi_answers_set_json(a, "consent",
					     "{\"agreed\":true,\"name\":\"xx\",\"date\":\"2026-11-23\"}",
					     &err),
			 MI_OK);
	long long other = store(f, a, MI_SOURCE_KIOSK, today, NULL);
	assert_true(refused > 0 && other > refused);

	key(f, L'r');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	for (int i = 0; i < 10 && mi_desk_visit_id(f->desk) != refused; i++)
		press(f, MI_KEY_DOWN);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_visit_id(f->desk), refused);
	for (int i = 0; i < 12; i++)
		press(f, MI_KEY_DOWN);
	assert_screen_has(f, "! The client did not agree to the treatment.");
	press(f, MI_KEY_ESC);
	for (int i = 0; i < 10 && mi_desk_visit_id(f->desk) != other; i++)
		press(f, MI_KEY_DOWN);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_visit_id(f->desk), other);
	for (int i = 0; i < 12; i++)
		press(f, MI_KEY_DOWN);
	assert_screen_has(f, "! The consent is not signed with the client's name.");
	assert_screen_has(f, "Signed as: xx");
}

/* Every answer of the visit is on its page, scrolled through with Down. */
static void desk_visit_page_shows_all_answers_succeeds(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	static const char *const wanted[] = {
		"All answers", "Blood pressure: ", "Other conditions: ", "In both legs: Yes",
		"Leg symptoms: ", "Draping and comfort: ", "Pregnant: ", "Medicines: ",
		"Weeks with this pain: 0", "Past injuries or operations: ",
	};
	bool seen[sizeof wanted / sizeof wanted[0]] = {false};
	for (int step = 0; step < 300; step++) {
		mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
		mi_desk_draw(f->desk, c);
		char *text = mi_ui_canvas_text(c);
		for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
			seen[i] = seen[i] || strstr(text, wanted[i]);
		free(text);
		mi_ui_canvas_free(c);
		press(f, MI_KEY_DOWN);
	}
	for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
		if (!seen[i])
			fail_msg("the visit page never shows '%s'", wanted[i]);
}

static void desk_visit_page_shows_urgent_flag_succeeds(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	assert_screen_has(f, "[!! URGENT] seek urgent or emergency care now - 3 flags");
	assert_screen_has(f, "[!! URGENT] bladder_bowel_change");
	assert_screen_has(f, "Note: Cauda equina syndrome warning sign.");
	assert_screen_has(f, "Source: GIRFT");
	assert_golden(f, "desk_visit.txt");
	/* "-- more --" has its row to itself: it covers no line of the page. */
	char *shown = screen(f, 24, 80);
	char *more = strstr(shown, "-- more --");
	assert_non_null(more);
	for (char *c = more; c > shown && c[-1] != '\n'; c--)
		assert_int_equal(c[-1], ' ');
	free(shown);
	/* further down: the changes since October and the session notes */
	char *text = screen(f, 200, 80);
	assert_non_null(strstr(text, "Changes since the last visit (2026-10-01)"));
	assert_non_null(strstr(text, "bladder_bowel_change"));
	assert_non_null(strstr(text, "Session notes"));
	free(text);
}

static void desk_visit_notes_save_succeeds(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	tab_to(f, "glutes / piriformis");
	key(f, L' ');
	tab_to(f, "Pressure used:");
	key(f, L' '); /* light */
	tab_to(f, "Response:");
	press(f, MI_KEY_ENTER);
	type(f, L"relaxed, less guarding");
	press(f, MI_KEY_ENTER);
	assert_true(mi_desk_unsaved(f->desk));
	key(f, L's');
	assert_string_equal(mi_desk_status(f->desk), "The session notes were saved.");
	assert_false(mi_desk_unsaved(f->desk));

	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->tom_urgent, &v, &err), MI_OK);
	assert_int_equal(v->notes.area_count, 1);
	assert_string_equal(v->notes.areas[0], "glutes_piriformis");
	assert_string_equal(v->notes.response, "relaxed, less guarding");
	assert_string_equal(v->notes.pressure, "light");
	mi_visit_free(v);
}

static void desk_visit_notes_save_with_store_failure_fails(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	tab_to(f, "Therapist notes");
	press(f, MI_KEY_ENTER);
	type(f, L"check reflexes next time");
	press(f, MI_KEY_ENTER);

	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->t.db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TRIGGER refuse BEFORE INSERT ON session_notes "
				      "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	key(f, L's');
	assert_non_null(strstr(mi_desk_status(f->desk), "NOT saved"));
	assert_true(mi_desk_unsaved(f->desk));
	assert_screen_has(f, "check reflexes next time");

	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER refuse", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	key(f, L's');
	assert_string_equal(mi_desk_status(f->desk), "The session notes were saved.");
	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->tom_urgent, &v, &err), MI_OK);
	assert_string_equal(v->notes.therapist_notes, "check reflexes next time");
	mi_visit_free(v);
}

static void desk_visit_leave_unsaved_asks_succeeds(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	tab_to(f, "neck");
	key(f, L' ');
	press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_screen_has(f, "The session notes are not saved.");
	press(f, MI_KEY_ESC); /* stay */
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	press(f, MI_KEY_ESC);
	key(f, L'd'); /* discard */
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_CLIENT);
	assert_false(mi_desk_unsaved(f->desk));
}

static void desk_visit_edit_with_esc_undoes_succeeds(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	tab_to(f, "Response:");
	press(f, MI_KEY_ENTER);
	type(f, L"gone");
	press(f, MI_KEY_ESC);
	assert_false(mi_desk_unsaved(f->desk));
	assert_screen_lacks(f, "gone");
}

static void desk_visit_print_succeeds(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	key(f, L'p');
	assert_int_equal(f->printed, 1);
	tab_to(f, "hamstrings");
	key(f, L' ');
	key(f, L'p'); /* unsaved notes are not printed */
	assert_int_equal(f->printed, 1);
	assert_non_null(strstr(mi_desk_status(f->desk), "Save the notes first"));
}

/* Writes a stub print command into the fixture's folder that records that
 * it ran; sets MASSAGE_INTAKE_LP to it. Fills ran with the record's path. */
static void stub_lp(fixture *f, char *ran, size_t size)
{
	char stub[256];
	snprintf(stub, sizeof stub, "%s/lp", f->t.dir);
	snprintf(ran, size, "%s/lp-ran", f->t.dir);
	FILE *out = fopen(stub, "w");
	assert_non_null(out);
	fprintf(out, "#!/bin/sh\ncat >/dev/null\ntouch '%s'\n", ran);
	fclose(out);
	assert_int_equal(chmod(stub, 0700), 0);
	setenv("MASSAGE_INTAKE_LP", stub, 1);
}

/* A printer that fails with a long reason. */
static mi_status failing_print(void *ctx, long long visit_id, mi_error *err)
{
	(void)ctx;
	(void)visit_id;
	return mi_error_set(err, MI_EIO,
			    "the print command lp failed: lp: The printer or class does not exist, "
			    "check the printer named in the clinic's print settings and that the "
			    "print service is running, then press p again.");
}

static void desk_visit_print_failure_says_why_in_full_fails(void **state)
{
	fixture *f = *state;
	mi_desk_free(f->desk);
	f->desk = new_desk(f, failing_print);
	open_urgent_visit(f);
	key(f, L'p');
	char *text = screen(f, 24, 80);
	/* Every word of the reason is on the screen, wrapped, none cut. */
	const char *words[] = {"The summary was not printed:", "does not exist,", "print service",
			       "then press p again."};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (!strstr(text, words[i]))
			fail_msg("the screen lacks \"%s\":\n%s", words[i], text);
	free(text);
}

static void desk_visit_print_when_audit_cannot_be_written_is_not_done_fails(void **state)
{
	fixture *f = *state;
	mi_desk_free(f->desk);
	f->desk = new_desk(f, NULL); /* the real print path, as `aftercare --print` */
	char ran[256];
	stub_lp(f, ran, sizeof ran);
	open_urgent_visit(f);

	/* Another program holds the write lock: the print cannot be audited. */
	sqlite3 *other = NULL;
	assert_int_equal(sqlite3_open(f->t.db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	key(f, L'p');
	assert_int_not_equal(access(ran, F_OK), 0); /* lp never ran */
	assert_non_null(strstr(mi_desk_status(f->desk), "The summary was not printed"));
	assert_non_null(strstr(mi_desk_status(f->desk), "audit log cannot record"));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);

	key(f, L'p');
	assert_int_equal(access(ran, F_OK), 0);
	assert_non_null(strstr(mi_desk_status(f->desk), "sent to the printer"));
	mi_audit_list audit = {0};
	mi_error err;
	assert_int_equal(mi_store_audit_list(f->t.store, 1, &audit, &err), MI_OK);
	assert_string_equal(audit.items[0].action, "print");
	assert_int_equal(audit.items[0].record_id, f->tom_urgent);
	mi_audit_list_clear(&audit);
	unsetenv("MASSAGE_INTAKE_LP");
}

/* True when the audit log holds action on table and record. */
static bool audited(fixture *f, const char *action, const char *table, long long record)
{
	mi_audit_list audit = {0};
	mi_error err;
	assert_int_equal(mi_store_audit_list(f->t.store, 0, &audit, &err), MI_OK);
	bool found = false;
	for (size_t i = 0; i < audit.count; i++)
		found |= strcmp(audit.items[i].action, action) == 0 &&
			 strcmp(audit.items[i].table, table) == 0 && audit.items[i].record_id == record;
	mi_audit_list_clear(&audit);
	return found;
}

static void desk_pages_shown_are_audited_succeeds(void **state)
{
	fixture *f = *state;
	assert_true(audited(f, "list", "clients", 0));
	open_urgent_visit(f);
	assert_true(audited(f, "history", "clients", f->tom));
	assert_true(audited(f, "view", "visits", f->tom_urgent));
	assert_false(audited(f, "view", "visits", f->tom_old));
	press(f, MI_KEY_ESC);
	press(f, MI_KEY_ESC);
	key(f, L'r');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	assert_true(audited(f, "list", "visits", 0));
}

static void desk_view_when_audit_cannot_be_written_warns_fails(void **state)
{
	fixture *f = *state;
	open_tom(f);
	sqlite3 *other = NULL;
	assert_int_equal(sqlite3_open(f->t.db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	press(f, MI_KEY_ENTER);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	/* The visit is shown (the clinic must be able to read it), with a warning. */
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_non_null(strstr(mi_desk_status(f->desk), "this view was not recorded in the audit log"));
	assert_false(audited(f, "view", "visits", f->tom_urgent));
}

static void desk_visit_print_refuses_a_draft_fails(void **state)
{
	fixture *f = *state;
	long long draft = 0;
	mi_error err;
	assert_int_equal(mi_store_draft_start(f->t.store, f->tom, MI_SOURCE_DESK, today, &draft, &err),
			 MI_OK);
	mi_aftercare_request req = {.visit_id = draft, .target = MI_AFTERCARE_PRINT, .quiet = true};
	assert_int_equal(mi_app_aftercare(f->t.store, f->aftercare, &req, NULL, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "still a draft"));
}

static void desk_visit_preview_follows_edits_succeeds(void **state)
{
	fixture *f = *state;
	open_urgent_visit(f);
	tab_to(f, "Aftercare notes for the client:");
	press(f, MI_KEY_ENTER);
	type(f, L"Drink water and walk gently");
	press(f, MI_KEY_ENTER);
	char *text = screen(f, 200, 80);
	char *first = strstr(text, "Drink water and walk gently");
	assert_non_null(first);
	assert_non_null(strstr(first + 1, "Drink water and walk gently")); /* in the preview too */
	free(text);
}

/* m on the visit page of visit: said and stored. */
static void mark_and_check_reviewed(fixture *f, long long visit)
{
	key(f, L'm');
	assert_string_equal(mi_desk_status(f->desk), "Marked as reviewed.");
	mi_visit_source source;
	bool reviewed = false;
	mi_error err;
	assert_int_equal(mi_store_visit_source(f->t.store, visit, &source, &reviewed, &err), MI_OK);
	assert_true(reviewed);
}

static void desk_review_mark_reviewed_succeeds(void **state)
{
	fixture *f = *state;
	key(f, L'r');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	assert_screen_has(f, "Walter Brandt");
	assert_int_equal(mi_desk_visit_id(f->desk), f->walter_visit);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_screen_has(f, "kiosk intake: m marks reviewed");
	mark_and_check_reviewed(f, f->walter_visit);
	press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	assert_screen_has(f, "Nothing is waiting for review.");
}

static void desk_review_lists_urgent_command_line_intake_succeeds(void **state)
{
	fixture *f = *state;
	long long urgent = store(f, example("04-urgent-bladder-change.json"), MI_SOURCE_CLI, today,
				 &f->tom);
	key(f, L'r');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	assert_int_equal(mi_desk_visit_id(f->desk), urgent); /* urgent first */
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_screen_has(f, "waiting for review: m marks reviewed");
	mark_and_check_reviewed(f, urgent);
}

/* n on the main screen, Anna Smith's name and birth date: her intake. */
static void start_new_client_intake(fixture *f)
{
	key(f, L'n');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_NEW_CLIENT);
	type(f, L"Anna Smith");
	press(f, MI_KEY_ENTER);
	type(f, L"28/2/85");
	press(f, MI_KEY_ENTER);
	/* Shown back in words; kept only after Y. */
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_NEW_CLIENT);
	assert_screen_has(f, "28 February 1985: is that right?");
	key(f, L'y');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_INTAKE);
	assert_string_equal(mi_answers_get_text(mi_ui_intake_answers(mi_desk_intake(f->desk)),
						"client.birth_date"),
			    "1985-02-28");
}

static void desk_new_client_starts_intake_succeeds(void **state)
{
	fixture *f = *state;
	start_new_client_intake(f);
	mi_ui_intake *in = mi_desk_intake(f->desk);
	assert_non_null(in);
	assert_string_equal(mi_answers_get_text(mi_ui_intake_answers(in), "client.name"),
			    "Anna Smith");
	long long draft = mi_desk_visit_id(f->desk);
	assert_true(draft > 0);

	/* Esc on the first question leaves; the draft waits for review. */
	for (int i = 0; i < 5 && mi_desk_current_page(f->desk) == MI_DESK_INTAKE; i++)
		press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_MAIN);
	assert_non_null(strstr(mi_desk_status(f->desk), "kept as a draft"));
	key(f, L'r');
	assert_screen_has(f, "Anna Smith");
}

static void desk_new_client_with_bad_date_fails(void **state)
{
	fixture *f = *state;
	key(f, L'n');
	type(f, L"Anna Smith");
	press(f, MI_KEY_ENTER);
	type(f, L"30.02.1985");
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_NEW_CLIENT);
	assert_screen_has(f, "That date does not exist");
	assert_screen_has(f, "Anna Smith"); /* nothing typed is lost */
	assert_screen_has(f, "30.02.1985");
	/* Day and month either way: the desk asks too, never guesses. */
	for (int i = 0; i < 10; i++)
		press(f, MI_KEY_BACKSPACE);
	type(f, L"02.03.1985");
	press(f, MI_KEY_ENTER);
	assert_screen_has(f, "Did you mean 1: 2 March 1985, or 2: 3 February 1985?");
	key(f, L'n');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_NEW_CLIENT);
	assert_screen_has(f, "02.03.1985");
}

/* Ctrl-S leaves the intake from any question, keeping what was typed. */
static void desk_intake_ctrl_s_saves_and_leaves_succeeds(void **state)
{
	fixture *f = *state;
	start_new_client_intake(f);
	assert_screen_has(f, "Ctrl-S save and leave");
	long long draft = mi_desk_visit_id(f->desk);
	mi_ui_intake *in = mi_desk_intake(f->desk);
	assert_true(mi_ui_intake_goto(in, "pain_duration_weeks"));
	/* Not a number: nothing is lost and the intake stays. */
	type(f, L"soon");
	mi_desk_key(f->desk, (mi_ui_key){.kind = MI_KEY_CTRL, .ch = L's'});
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_INTAKE);
	assert_screen_has(f, "Please type how long, for example 10 days");
	for (int i = 0; i < 4; i++)
		press(f, MI_KEY_BACKSPACE);
	type(f, L"12");
	mi_desk_key(f->desk, (mi_ui_key){.kind = MI_KEY_CTRL, .ch = L's'});
	assert_int_not_equal(mi_desk_current_page(f->desk), MI_DESK_INTAKE);
	assert_screen_has(f, "kept as a draft");

	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_store_draft_load(f->t.store, draft, &a, &err), MI_OK);
	long weeks = 0;
	assert_true(mi_answers_get_int(a, "pain_duration_weeks", &weeks));
	assert_int_equal(weeks, 12);
	mi_answers_free(a);
}

static void desk_intake_urgent_answer_changes_banner_succeeds(void **state)
{
	fixture *f = *state;
	key(f, L'/');
	type(f, L"maya");
	press(f, MI_KEY_ENTER);
	key(f, L'i');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_INTAKE);
	mi_ui_intake *in = mi_desk_intake(f->desk);
	assert_string_equal(mi_answers_get_text(mi_ui_intake_answers(in), "client.birth_date"),
			    "1988-03-14");
	assert_screen_lacks(f, "[!! URGENT]");
	assert_true(mi_ui_intake_goto(in, "bladder_bowel_change"));
	key(f, L'y');
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_ui_intake_screening(in)->outcome, MI_LEVEL_URGENT);
	assert_screen_has(f, "[!! URGENT]");

	/* Leaving and coming back resumes the same draft with the answer. */
	long long draft = mi_desk_visit_id(f->desk);
	for (int i = 0; i < 60 && mi_desk_current_page(f->desk) == MI_DESK_INTAKE; i++)
		press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_CLIENT);
	key(f, L'i');
	assert_int_equal(mi_desk_visit_id(f->desk), draft);
	bool yes = false;
	assert_true(mi_answers_get_bool(mi_ui_intake_answers(mi_desk_intake(f->desk)),
					"bladder_bowel_change", &yes));
	assert_true(yes);
}

static void desk_resize_keeps_state_succeeds(void **state)
{
	fixture *f = *state;
	key(f, L'/');
	type(f, L"ortiz");
	mi_desk_resize(f->desk, 40, 120);
	char *text = screen(f, 40, 120);
	assert_non_null(strstr(text, "Search: ortiz"));
	assert_non_null(strstr(text, "Maya Ortiz"));
	free(text);
	mi_desk_resize(f->desk, 24, 80);
	assert_int_equal(mi_desk_client_id(f->desk), f->maya);
	assert_screen_has(f, "Search: ortiz");
}


/* Opens Lena Fischer's visit (05: no flag, safety questions and her birth
 * date unanswered) from the main screen, which first lists its outcome as
 * not fully screened. */
static long long open_lena_visit(fixture *f)
{
	long long lena = 0;
	long long visit = store(f, example("05-incomplete-safety-questions.json"), MI_SOURCE_CLI,
				today, &lena);
	mi_desk_resize(f->desk, 24, 80); /* the main list is read again */
	assert_screen_has(f, "Lena Fischer");
	assert_screen_has(f, "[? NOT FULLY SCREENED]");
	key(f, L'/');
	type(f, L"fisch");
	press(f, MI_KEY_ENTER);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_visit_id(f->desk), visit);
	assert_screen_has(f, "[? NOT FULLY SCREENED]");
	return visit;
}

/* a on the visit page asks only the safety questions the screen needs,
 * with the intake's own pages; the answers are stored with the visit,
 * which is screened again, logged with who did it, and the visit page and
 * the client list show the new outcome at once. */
static void desk_visit_answer_missing_rescreens_succeeds(void **state)
{
	fixture *f = *state;
	long long visit = open_lena_visit(f);
	key(f, L'a');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_SAFETY);
	mi_ui_intake *in = mi_desk_intake(f->desk);
	const char *asked[16];
	size_t n = 0;
	while (mi_desk_current_page(f->desk) == MI_DESK_SAFETY && n < 16) {
		const char *now = mi_ui_intake_current_key(in);
		asked[n++] = now;
		if (strcmp(now, "client.birth_date") == 0) { /* for the age the rules read */
			type(f, L"3 February 1980");
			press(f, MI_KEY_ENTER);
			key(f, L'y');
		} else {
			key(f, L'n');
		}
	}
	const char *const want[] = {"client.birth_date", "bladder_bowel_change", "saddle_numbness",
				    "fever", "unexplained_weight_loss", "cancer_history",
				    "night_pain"};
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(asked[i], want[i]);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_screen_has(f, "[ok PROCEED] deep tissue is fine");
	assert_screen_lacks(f, "NOT FULLY SCREENED");
	assert_screen_has(f, "every safety question is answered");

	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, visit, &v, &err), MI_OK);
	bool fever = true;
	assert_true(mi_answers_get_bool(v->answers, "fever", &fever));
	assert_false(fever);
	assert_string_equal(mi_answers_get_text(v->answers, "client.birth_date"), "1980-02-03");
	mi_visit_free(v);
	mi_audit_list log = {0};
	assert_int_equal(mi_store_audit_list(f->t.store, 0, &log, &err), MI_OK);
	bool logged = false;
	for (size_t i = 0; i < log.count; i++)
		logged = logged || (strcmp(log.items[i].action, "rescreen") == 0 &&
				    strcmp(log.items[i].who, "Anna") == 0 &&
				    log.items[i].record_id == visit);
	mi_audit_list_clear(&log);
	assert_true(logged);

	/* Lena's record had no birth date: it has the one given now. */
	mi_client lena = {0};
	assert_int_equal(mi_store_client_get(f->t.store, mi_desk_client_id(f->desk), &lena, &err),
			 MI_OK);
	assert_non_null(lena.birth_date);
	assert_string_equal(lena.birth_date, "1980-02-03");
	mi_client_clear(&lena);

	press(f, MI_KEY_ESC);
	press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_MAIN);
	assert_screen_lacks(f, "NOT FULLY SCREENED");
	assert_screen_has(f, "1980-02-03");
}

/* The line of the 80x24 screen holding want, or fails (caller frees). */
static char *screen_line_with(fixture *f, const char *want)
{
	char *text = screen(f, 24, 80);
	char *at = strstr(text, want);
	if (!at)
		fail_msg("the screen lacks \"%s\":\n%s", want, text);
	char *start = at;
	while (start > text && start[-1] != '\n')
		start--;
	char *end = strchr(at, '\n');
	char *line = strndup(start, end ? (size_t)(end - start) : strlen(start));
	free(text);
	assert_non_null(line);
	return line;
}

/* The review queue and the client's visits say "not fully screened" for
 * a visit that is, as the client list and the visit page do. */
static void desk_review_and_client_pages_say_not_fully_screened_succeeds(void **state)
{
	fixture *f = *state;
	long long lena = 0;
	store(f, example("05-incomplete-safety-questions.json"), MI_SOURCE_KIOSK, today, &lena);
	key(f, L'r');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	char *line = screen_line_with(f, "Lena Fischer");
	if (!strstr(line, "[? NOT FULLY SCREENED]") || strstr(line, "[ok PROCEED]"))
		fail_msg("the review queue shows Lena's visit as: %s", line);
	free(line);
	press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_MAIN);

	key(f, L'/');
	type(f, L"fisch");
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_CLIENT);
	line = screen_line_with(f, "kiosk, waiting for review");
	if (!strstr(line, "[? NOT FULLY SCREENED]") || strstr(line, "[ok PROCEED]"))
		fail_msg("Lena's visits show her visit as: %s", line);
	free(line);
	/* A fully answered visit keeps its plain outcome. */
	press(f, MI_KEY_ESC);
	press(f, MI_KEY_ESC);
	press(f, MI_KEY_ESC);
	key(f, L'/');
	type(f, L"ortiz");
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_client_id(f->desk), f->maya);
	assert_screen_has(f, "[ok PROCEED]");
	assert_screen_lacks(f, "NOT FULLY SCREENED");
}

/* The visit page names each missing safety question in the words of the
 * loaded intake, the age by the birth date's question, never by its key. */
static void desk_visit_lists_missing_questions_in_words_succeeds(void **state)
{
	fixture *f = *state;
	open_lena_visit(f);
	size_t size = 1;
	char *all = calloc(1, size);
	for (int step = 0; step < 200; step++) {
		char *text = screen(f, 24, 80);
		size += strlen(text);
		all = realloc(all, size);
		assert_non_null(all);
		strcat(all, text);
		free(text);
		press(f, MI_KEY_DOWN);
	}
	if (!strstr(all, "- What is your date of birth?"))
		fail_msg("the missing age is not asked by the birth date's words");
	mi_screening s;
	mi_error err;
	mi_visit *v = NULL;
	assert_int_equal(mi_store_visit_load(f->t.store, mi_desk_visit_id(f->desk), &v, &err), MI_OK);
	assert_int_equal(mi_screen(f->rules, v->answers, v->date, &s, &err), MI_OK);
	assert_true(mi_screening_lists_unanswered(&s, "age"));
	for (size_t i = 0; i < s.unanswered_count; i++) {
		char raw[64];
		snprintf(raw, sizeof raw, "- %s ", s.unanswered[i]);
		if (strstr(all, raw))
			fail_msg("the missing \"%s\" is listed by its key", s.unanswered[i]);
		const mi_ui_question *q =
			mi_intake_question_asking(mi_ruleset_intake(f->rules), s.unanswered[i]);
		assert_non_null(q);
		char words[256];
		snprintf(words, sizeof words, "- %.40s", q->text);
		if (!strstr(all, words))
			fail_msg("the missing \"%s\" is not listed as \"%s\"", s.unanswered[i], q->text);
	}
	mi_screening_clear(&s);
	mi_visit_free(v);
	free(all);
}

/* Esc on the first question leaves with what was answered kept: nothing,
 * so the visit is as it was; an urgent answer is stored and shown. */
static void desk_visit_answer_missing_urgent_answer_succeeds(void **state)
{
	fixture *f = *state;
	long long visit = open_lena_visit(f);
	key(f, L'a');
	press(f, MI_KEY_ESC);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_screen_has(f, "No answer was given");
	assert_screen_has(f, "[? NOT FULLY SCREENED]");

	key(f, L'a');
	mi_ui_intake *in = mi_desk_intake(f->desk);
	assert_true(mi_ui_intake_goto(in, "bladder_bowel_change"));
	key(f, L'y');
	mi_desk_key(f->desk, (mi_ui_key){.kind = MI_KEY_CTRL, .ch = L's'});
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	assert_screen_has(f, "[!! URGENT]");
	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, visit, &v, &err), MI_OK);
	assert_int_equal(v->outcome, MI_LEVEL_URGENT);
	mi_visit_free(v);
}

/* The goals are boxes to tick on the visit page, with the client's own
 * words, saved with s through the app layer and logged. */
static void desk_visit_goals_edit_succeeds(void **state)
{
	fixture *f = *state;
	key(f, L'/');
	type(f, L"ortiz");
	press(f, MI_KEY_ENTER);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_visit_id(f->desk), f->maya_visit);
	tab_to(f, "reduce muscle spasm");
	key(f, L' ');
	tab_to(f, "In their words:");
	press(f, MI_KEY_ENTER);
	type(f, L"sleep better");
	press(f, MI_KEY_ENTER);
	assert_true(mi_desk_unsaved(f->desk));
	key(f, L's');
	assert_false(mi_desk_unsaved(f->desk));
	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->maya_visit, &v, &err), MI_OK);
	bool spasm = false;
	for (size_t i = 0; i < v->goal_count; i++)
		spasm = spasm || strcmp(v->goals[i], "reduce_spasm") == 0;
	assert_true(spasm);
	assert_string_equal(v->goals_other, "sleep better");
	mi_visit_free(v);
	mi_audit_list log = {0};
	assert_int_equal(mi_store_audit_list(f->t.store, 1, &log, &err), MI_OK);
	assert_string_equal(log.items[0].action, "notes");
	assert_string_equal(log.items[0].who, "Anna");
	mi_audit_list_clear(&log);
}

/* The line of the screen at rows x cols holding needle, or NULL (caller frees). */
static char *line_with(fixture *f, int rows, int cols, const char *needle)
{
	char *text = screen(f, rows, cols);
	char *hit = strstr(text, needle);
	char *line = NULL;
	if (hit) {
		char *start = hit;
		while (start > text && start[-1] != '\n')
			start--;
		line = strndup(start, (size_t)(strchr(hit, '\n') - start));
	}
	free(text);
	return line;
}

/* The lists and the urgent banner use the whole width: a long name is cut
 * at 80 columns and shown whole at 132. */
static void desk_lists_stretch_with_the_window_succeeds(void **state)
{
	fixture *f = *state;
	static const char long_name[] = "Maximiliane Augusta von Hohenzollern-Sigmaringen";
	mi_answers *a = example("04-urgent-bladder-change.json");
	mi_error err;
	assert_int_equal(mi_answers_set_text(a, "client.name", long_name, &err), MI_OK);
	long long client = 0;
	store(f, a, MI_SOURCE_KIOSK, today, &client);
	mi_desk_resize(f->desk, 24, 80);
	char *line = line_with(f, 24, 80, "4  Maximiliane"); /* its row in the list */
	assert_non_null(line);
	assert_null(strstr(line, "Sigmaringen"));
	free(line);
	mi_desk_tick(f->desk, 1000.0); /* the desk reads the queue again */
	mi_desk_resize(f->desk, 30, 132);
	line = line_with(f, 30, 132, "4  Maximiliane");
	assert_non_null(line);
	assert_non_null(strstr(line, long_name));
	assert_non_null(strstr(line, "[!! URGENT]"));
	free(line);
	line = line_with(f, 30, 132, "!! URGENT: Maximiliane");
	assert_non_null(line);
	assert_non_null(strstr(line, "Sigmaringen - not reviewed"));
	free(line);

	key(f, L'r'); /* the review queue */
	line = line_with(f, 30, 132, "kiosk, finished");
	assert_non_null(line);
	assert_non_null(strstr(line, long_name));
	free(line);
	press(f, MI_KEY_ESC);
	key(f, L'/');
	type(f, L"maximil");
	press(f, MI_KEY_ENTER); /* the client's visit history */
	char *text = screen(f, 30, 132);
	assert_non_null(strstr(text, long_name));
	free(text);
}

/* The help box covers its rows from edge to edge, and closing it gives
 * back the screen as it was, status line included. */
static void desk_help_box_leaves_the_screen_as_it_was_succeeds(void **state)
{
	fixture *f = *state;
	char *before = screen(f, 24, 80);
	assert_non_null(strstr(before, "Signed in as Anna"));
	key(f, L'?');
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_desk_draw(f->desk, c);
	for (int y = 2; y <= 21; y++)
		for (int x = 0; x < 80; x += 79) { /* the columns beside the frame */
			int beside = x == 0 ? 1 : 78;
			assert_int_equal(c->cells[(size_t)y * 80 + (size_t)x].ch, L' ');
			assert_int_equal(c->cells[(size_t)y * 80 + (size_t)beside].ch, L' ');
		}
	mi_ui_canvas_free(c);
	key(f, L'x');
	char *after = screen(f, 24, 80);
	assert_string_equal(after, before);
	free(before);
	free(after);
}

int main(void)
{
	mi_pin_use_cost(MI_PIN_COST_LEAST); /* ui_test_pin.h */
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(desk_main_lists_every_client_succeeds),
		T(desk_search_with_part_of_name_succeeds),
		T(desk_search_with_no_match_fails),
		T(desk_q_on_main_quits_succeeds),
		T(desk_q_while_searching_types_succeeds),
		T(desk_help_on_main_succeeds),
		T(desk_client_page_shows_visits_and_trend_succeeds),
		T(desk_visit_page_shows_urgent_flag_succeeds),
		T(desk_intake_ctrl_s_saves_and_leaves_succeeds),
		T(desk_visit_page_shows_all_answers_succeeds),
		T(desk_visit_with_bad_consent_says_so_succeeds),
		T(desk_visit_with_unanswered_is_not_fully_screened_succeeds),
		T(desk_review_and_client_pages_say_not_fully_screened_succeeds),
		T(desk_visit_lists_missing_questions_in_words_succeeds),
		T(desk_visit_notes_save_succeeds),
		T(desk_visit_notes_save_with_store_failure_fails),
		T(desk_visit_leave_unsaved_asks_succeeds),
		T(desk_visit_edit_with_esc_undoes_succeeds),
		T(desk_visit_print_succeeds),
		T(desk_visit_print_when_audit_cannot_be_written_is_not_done_fails),
		T(desk_visit_print_refuses_a_draft_fails),
		T(desk_pages_shown_are_audited_succeeds),
		T(desk_view_when_audit_cannot_be_written_warns_fails),
		T(desk_visit_preview_follows_edits_succeeds),
		T(desk_visit_print_failure_says_why_in_full_fails),
		T(desk_review_mark_reviewed_succeeds),
		T(desk_review_lists_urgent_command_line_intake_succeeds),
		T(desk_new_client_starts_intake_succeeds),
		T(desk_new_client_with_bad_date_fails),
		T(desk_intake_urgent_answer_changes_banner_succeeds),
		T(desk_resize_keeps_state_succeeds),
		T(desk_visit_answer_missing_rescreens_succeeds),
		T(desk_visit_answer_missing_urgent_answer_succeeds),
		T(desk_visit_goals_edit_succeeds),
		T(desk_lists_stretch_with_the_window_succeeds),
		T(desk_help_box_leaves_the_screen_as_it_was_succeeds),
#undef T
	};
	return cmocka_run_group_tests_name("ui_desk", tests, NULL, NULL);
}
