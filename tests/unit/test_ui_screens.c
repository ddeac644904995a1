/* test_ui_screens.c - golden 80x24 screens, drawn without a terminal.
 *
 * Each screen is drawn into a canvas and compared with
 * tests/fixtures/screens/NAME.txt. After a deliberate change to a screen,
 * run the test with MI_UPDATE_GOLDEN=1 to rewrite the files, and review
 * the difference before committing it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_intake_util.h"
#include "mi/ui_app.h"
#include "mi/ui_intake.h"

static const mi_date today = {2026, 11, 23};

/* Reads a whole file; NULL when missing. Caller frees. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 16);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Compares the canvas with the golden file NAME.txt (or rewrites it). */
static void expect_golden(const mi_ui_canvas *canvas, const char *name)
{
	char path[4096];
	const char *src = getenv("MI_SOURCE_DIR");
	assert_non_null(src);
	snprintf(path, sizeof path, "%s/tests/fixtures/screens/%s.txt", src, name);
	char *text = mi_ui_canvas_text(canvas);
	assert_non_null(text);
	const char *update = getenv("MI_UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fputs(text, f);
		fclose(f);
	}
	char *golden = slurp(path);
	if (!golden || strcmp(golden, text) != 0) {
		print_error("screen %s differs from %s; it is:\n%s", name, path, text);
		free(golden);
		free(text);
		fail();
	}
	free(golden);
	free(text);
}

static mi_ui_intake *intake_at(const char *key, const mi_answers *answers)
{
	mi_ui_intake_config config = {.mode = MI_UI_CLIENT, .clock = mi_clock_fixed(&today), .lock_identity = true};
	mi_ui_intake *in = mi_ui_intake_new(&config, answers);
	assert_non_null(in);
	assert_true(mi_ui_intake_goto(in, key));
	return in;
}

static void draw_welcome_screen_matches_golden_succeeds(void **state)
{
	(void)state;
	mi_ui_kiosk_config config = {.clock = mi_clock_fixed(&today), .pin_hash = "x", .idle_seconds = 180};
	mi_ui_kiosk *k = mi_ui_kiosk_new(&config);
	assert_non_null(k);
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_screen s = mi_ui_kiosk_screen(k);
	s.ops->draw(s.self, c);
	expect_golden(c, "kiosk-welcome");
	mi_ui_canvas_free(c);
	mi_ui_kiosk_free(k);
}

static void draw_yes_no_question_matches_golden_succeeds(void **state)
{
	(void)state;
	mi_ui_intake *in = intake_at("fever", NULL);
	mi_ui_intake_key(in, mi_ui_key_of(MI_KEY_DOWN));
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_intake_draw(in, c);
	expect_golden(c, "question-yes-no");
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);
}

static void draw_body_map_matches_golden_succeeds(void **state)
{
	(void)state;
	mi_answers *a = mi_answers_new();
	mi_error err;
	assert_int_equal(mi_answers_set_json(a, "pain_locations", "[\"low_back\", \"hips_glutes\"]", &err),
			 MI_OK);
	mi_ui_intake *in = intake_at("pain_locations", a);
	mi_answers_free(a);
	mi_ui_intake_key(in, mi_ui_key_of(MI_KEY_DOWN));
	mi_ui_intake_key(in, mi_ui_key_of(MI_KEY_DOWN));
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_intake_draw(in, c);
	expect_golden(c, "question-body-map");
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);
}

static void draw_review_page_matches_golden_succeeds(void **state)
{
	(void)state;
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/examples/01-proceed-chronic-tightness.json",
		 getenv("MI_SOURCE_DIR"));
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_answers_read_file(path, &a, &err), MI_OK);
	mi_ui_intake *in = intake_at("review", a);
	mi_answers_free(a);
	mi_ui_canvas *c = mi_ui_canvas_new(24, 80);
	mi_ui_intake_draw(in, c);
	expect_golden(c, "review-page");
	mi_ui_canvas_free(c);
	mi_ui_intake_free(in);
}

static void draw_too_small_window_asks_to_enlarge_succeeds(void **state)
{
	(void)state;
	mi_ui_canvas *c = mi_ui_canvas_new(20, 60);
	mi_ui_draw_too_small(c);
	char *text = mi_ui_canvas_text(c);
	assert_non_null(strstr(text, "please enlarge the window"));
	assert_non_null(strstr(text, "now 60x20"));
	free(text);
	mi_ui_canvas_free(c);
}

static void canvas_put_with_wide_and_control_characters_succeeds(void **state)
{
	(void)state;
	mi_ui_canvas *c = mi_ui_canvas_new(2, 10);
	assert_int_equal(mi_ui_put(c, 0, 0, 0, -1, "a\x1b" "b"), 3);
	assert_int_equal(mi_ui_put(c, 1, 0, 0, -1, "日本語です"), 10);
	char *text = mi_ui_canvas_text(c);
	assert_string_equal(text, "a\xef\xbf\xbd" "b\n日本語です\n");
	free(text);
	/* A wide character that would straddle the edge is not drawn. */
	mi_ui_canvas_clear(c);
	assert_int_equal(mi_ui_put(c, 0, 9, 0, -1, "日"), 0);
	mi_ui_canvas_free(c);
}

/* Drawing over half of a wide character blanks its other half: no half
 * character is left for the terminal to show as a stray one (a help box's
 * frame over a line of Chinese, say). */
static void canvas_over_half_a_wide_character_blanks_the_other_half_succeeds(void **state)
{
	(void)state;
	mi_ui_canvas *c = mi_ui_canvas_new(3, 10);
	mi_ui_put(c, 0, 0, 0, -1, "日本語");
	mi_ui_put(c, 0, 3, 0, -1, "|"); /* over the second half of 本 */
	mi_ui_put(c, 1, 0, 0, -1, "日本語");
	mi_ui_fill(c, 1, 0, 3, L'-', 0); /* ends on the first half of 本 */
	mi_ui_put(c, 2, 0, 0, -1, "ab日本");
	mi_ui_put(c, 2, 1, 0, -1, "語"); /* over b and the first half of 日 */
	for (int y = 0; y < 3; y++)
		for (int x = 0; x < 10; x++) {
			const mi_ui_cell *cell = &c->cells[y * 10 + x];
			if (cell->ch == 0) /* a second half follows its own first half */
				assert_int_equal(mi_ui_char_width(c->cells[y * 10 + x - 1].ch), 2);
			else if (mi_ui_char_width(cell->ch) == 2)
				assert_int_equal(c->cells[y * 10 + x + 1].ch, 0);
		}
	char *text = mi_ui_canvas_text(c);
	assert_string_equal(text, "日 |語\n--- 語\na語 本\n");
	free(text);
	mi_ui_canvas_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(draw_welcome_screen_matches_golden_succeeds),
		cmocka_unit_test(draw_yes_no_question_matches_golden_succeeds),
		cmocka_unit_test(draw_body_map_matches_golden_succeeds),
		cmocka_unit_test(draw_review_page_matches_golden_succeeds),
		cmocka_unit_test(draw_too_small_window_asks_to_enlarge_succeeds),
		cmocka_unit_test(canvas_put_with_wide_and_control_characters_succeeds),
		cmocka_unit_test(canvas_over_half_a_wide_character_blanks_the_other_half_succeeds),
	};
	return cmocka_run_group_tests_name("ui_screens", tests, tiu_install_shipped, tiu_free_shipped);
}
