/* test_ui_plain.c - the plain line mode without a terminal: lines read from
 * a pipe, answers given as lines to the walk-through, what is printed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_intake_util.h"
#include "mi/ui_plain.h"

static const mi_date today = {2026, 11, 23};

/* A plain io reading what (then the end of input) and printing into a
 * memory stream (*printed, *size: open_memstream's). */
static void io_over(mi_plain_io *io, const char *what, char **printed, size_t *size)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], what, strlen(what)), (ssize_t)strlen(what));
	close(fds[1]);
	FILE *out = open_memstream(printed, size);
	assert_non_null(out);
	mi_plain_io_init(io, fds[0], out);
}

static void io_done(mi_plain_io *io)
{
	close(io->in);
	fclose(io->out);
	mi_plain_io_clear(io);
}

static void read_line_splits_lines_and_drops_line_ends_succeeds(void **state)
{
	(void)state;
	char *printed = NULL, *line = NULL;
	size_t size = 0;
	mi_plain_io io;
	io_over(&io, "one\r\n\ntwo", &printed, &size);
	assert_int_equal(mi_plain_read_line(&io, 0, false, &line), MI_PLAIN_GOT_LINE);
	assert_string_equal(line, "one");
	free(line);
	assert_int_equal(mi_plain_read_line(&io, 0, false, &line), MI_PLAIN_GOT_LINE);
	assert_string_equal(line, "");
	free(line);
	assert_int_equal(mi_plain_read_line(&io, 0, false, &line), MI_PLAIN_GOT_LINE);
	assert_string_equal(line, "two"); /* the last line needs no line end */
	free(line);
	assert_int_equal(mi_plain_read_line(&io, 0, false, &line), MI_PLAIN_GOT_END);
	assert_null(line);
	io_done(&io);
	free(printed);
}

static void read_line_with_nothing_coming_is_idle_fails(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0); /* kept open: nothing comes, no end either */
	mi_plain_io io;
	mi_plain_io_init(&io, fds[0], stdout);
	char *line = NULL;
	double start = mi_ui_now();
	assert_int_equal(mi_plain_read_line(&io, 0.2, false, &line), MI_PLAIN_GOT_IDLE);
	assert_true(mi_ui_now() - start >= 0.19);
	assert_null(line);
	assert_int_equal(write(fds[1], "late\n", 5), 5);
	assert_int_equal(mi_plain_read_line(&io, 0.2, false, &line), MI_PLAIN_GOT_LINE);
	assert_string_equal(line, "late");
	free(line);
	close(fds[0]);
	close(fds[1]);
	mi_plain_io_clear(&io);
}

static void say_replaces_what_must_not_reach_a_terminal_succeeds(void **state)
{
	(void)state;
	char *printed = NULL;
	size_t size = 0;
	mi_plain_io io;
	io_over(&io, "", &printed, &size);
	mi_plain_say(&io, "name: %s", "Eve\x1b[2J\xe2\x80\xae" "evil");
	io_done(&io);
	assert_null(strchr(printed, '\x1b'));
	assert_null(strstr(printed, "\xe2\x80\xae"));
	assert_non_null(strstr(printed, "name: Eve"));
	free(printed);
}

static void staff_key_and_environment_succeeds(void **state)
{
	(void)state;
	assert_true(mi_plain_staff_key("\x14"));
	assert_true(mi_plain_staff_key("\x1b[24~"));
	assert_false(mi_plain_staff_key("Tom"));
	unsetenv("MASSAGE_INTAKE_PLAIN");
	assert_false(mi_plain_wanted(false));
	assert_true(mi_plain_wanted(true));
	setenv("MASSAGE_INTAKE_PLAIN", "1", 1);
	assert_true(mi_plain_wanted(false));
	setenv("MASSAGE_INTAKE_PLAIN", "0", 1);
	assert_false(mi_plain_wanted(false));
	unsetenv("MASSAGE_INTAKE_PLAIN");
}

/* The walk over lines, from question key: what it printed (caller frees)
 * and the answers it kept (caller frees). */
static char *walk_lines(const char *key, const char *lines, mi_plain_end *end, mi_answers **kept)
{
	mi_ui_intake_config config = {.mode = MI_UI_CLIENT, .clock = mi_clock_fixed(&today)};
	mi_ui_intake *in = mi_ui_intake_new(&config, NULL);
	assert_non_null(in);
	assert_true(mi_ui_intake_goto(in, key));
	char *printed = NULL;
	size_t size = 0;
	mi_plain_io io;
	io_over(&io, lines, &printed, &size);
	*end = mi_plain_walk(&io, in, MI_UI_CLIENT, NULL, 0);
	io_done(&io);
	*kept = mi_answers_copy(mi_ui_intake_answers(in));
	mi_ui_intake_free(in);
	return printed;
}

static void walk_body_map_by_numbers_succeeds(void **state)
{
	(void)state;
	mi_plain_end end;
	mi_answers *a = NULL;
	char *printed = walk_lines("pain_locations", "9\n1, 4\n", &end, &a);
	assert_int_equal(end, MI_PLAIN_ENDED);
	/* The regions are the intake file's, numbered. */
	assert_non_null(strstr(printed, "  4. mid-back\n"));
	assert_non_null(strstr(printed, "Please type numbers from 1 to 7"));
	assert_int_equal(mi_answers_list_count(a, "pain_locations"), 2);
	assert_true(mi_answers_list_contains(a, "pain_locations", "neck"));
	assert_true(mi_answers_list_contains(a, "pain_locations", "mid_back"));
	/* On to the scale. */
	assert_non_null(strstr(printed, "How strong is your pain right now?"));
	mi_answers_free(a);
	free(printed);
}

static void walk_scale_choice_and_yes_no_succeeds(void **state)
{
	(void)state;
	mi_plain_end end;
	mi_answers *a = NULL;
	char *printed = walk_lines("pain_intensity", "eleven\n7\n", &end, &a);
	long n = -1;
	assert_true(mi_answers_get_int(a, "pain_intensity", &n));
	assert_int_equal(n, 7);
	assert_non_null(strstr(printed, "Please type a number from 0 to 10."));
	mi_answers_free(a);
	free(printed);
	printed = walk_lines("onset", "3\n", &end, &a);
	assert_string_equal(mi_answers_get_text(a, "onset"), "injury");
	mi_answers_free(a);
	free(printed);
	printed = walk_lines("fever", "maybe\nYes\n", &end, &a);
	bool b = false;
	assert_true(mi_answers_get_bool(a, "fever", &b));
	assert_true(b);
	assert_non_null(strstr(printed, "Please type y for yes or n for no."));
	mi_answers_free(a);
	free(printed);
}

static void walk_help_back_and_list_succeeds(void **state)
{
	(void)state;
	mi_plain_end end;
	mi_answers *a = NULL;
	char *printed = walk_lines("medications", "?\nwarfarin 5 mg\nibuprofen\n\n<\n\n", &end, &a);
	assert_non_null(strstr(printed, "Help: "));
	assert_int_equal(mi_answers_list_count(a, "medications"), 2);
	assert_string_equal(mi_answers_list_item(a, "medications", 1), "ibuprofen");
	/* "<" came back to the list; Enter alone kept it. */
	assert_non_null(strstr(printed, "Your answer now: warfarin 5 mg; ibuprofen. Press Enter to keep it."));
	assert_int_equal(mi_answers_list_count(a, "medications"), 2);
	mi_answers_free(a);
	free(printed);
}

static void walk_duration_read_back_succeeds(void **state)
{
	(void)state;
	mi_plain_end end;
	mi_answers *a = NULL;
	char *printed = walk_lines("pain_duration_weeks", "2 years\nn\n3 weeks\ny\n", &end, &a);
	assert_non_null(strstr(printed, "About 104 weeks: is that right?"));
	long n = 0;
	assert_true(mi_answers_get_int(a, "pain_duration_weeks", &n));
	assert_int_equal(n, 3);
	mi_answers_free(a);
	free(printed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(read_line_splits_lines_and_drops_line_ends_succeeds),
		cmocka_unit_test(read_line_with_nothing_coming_is_idle_fails),
		cmocka_unit_test(say_replaces_what_must_not_reach_a_terminal_succeeds),
		cmocka_unit_test(staff_key_and_environment_succeeds),
		cmocka_unit_test(walk_body_map_by_numbers_succeeds),
		cmocka_unit_test(walk_scale_choice_and_yes_no_succeeds),
		cmocka_unit_test(walk_help_back_and_list_succeeds),
		cmocka_unit_test(walk_duration_read_back_succeeds),
	};
	return cmocka_run_group_tests_name("ui_plain", tests, tiu_install_shipped, tiu_free_shipped);
}
