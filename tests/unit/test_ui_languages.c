/* test_ui_languages.c - every question of the shipped intake, in every
 * shipped language, fits the walk-through at 80x24 and at 132x43: its
 * words, its help, its answers' words and its keys are on the page whole
 * (a sentence may wrap; none is cut short or runs off the screen). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_intake_util.h"
#include "mi/i18n.h"
#include "mi/translation.h"
#include "mi/ui_intake.h"
#include "ui_page_text.h"

static const mi_date today = {2026, 11, 23};

static mi_status ignore_save(void *ctx, long long draft_id, const mi_answers *answers,
			     const char *key, mi_error *err)
{
	(void)ctx, (void)draft_id, (void)answers, (void)key, (void)err;
	return MI_OK;
}

/* The walk-through's page as one line (ui_page_joined; caller frees). */
static char *joined_page(mi_ui_intake *in, int rows, int cols)
{
	mi_ui_canvas *c = mi_ui_canvas_new(rows, cols);
	assert_non_null(c);
	mi_ui_intake_draw(in, c);
	char *out = ui_page_joined(c);
	mi_ui_canvas_free(c);
	return out;
}

static void expect_whole(const char *page, const char *want, const char *lang, const char *key,
			 int cols)
{
	if (want && *want && !strstr(page, want))
		fail_msg("%s, %s at %d columns: \"%s\" is not whole on the page:\n%s", lang, key, cols,
			 want, page);
}

/* Every question's page, help shown, at both sizes, in lang; a yes-or-no
 * answer on the review page reads yes_word. */
static void check_language(const char *lang, const char *yes_word)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/lang/%s/intake.conf", getenv("MI_DATA_DIR"), lang);
	mi_translation t = {0};
	snprintf(t.lang, sizeof t.lang, "%s", lang);
	mi_error err;
	if (mi_overlay_load(path, &t.overlays[MI_TRANSLATED_INTAKE], &err) != MI_OK)
		fail_msg("%s", err.message);
	mi_translation_use(&t);
	mi_ui_intake_config config = {
		.mode = MI_UI_CLIENT,
		.clock = mi_clock_fixed(&today),
		.sink = {.save_answer = ignore_save},
		.draft_id = 1,
	};
	mi_ui_intake *in = mi_ui_intake_new(&config, NULL);
	assert_non_null(in);
	size_t count = 0;
	const mi_ui_question *q = mi_ui_questions(&count);
	assert_true(count > 30);
	/* The overlay is in use: the first question is not the English one. */
	assert_string_not_equal(q[0].text, "What is your full name?");
	static const int sizes[][2] = {{24, 80}, {43, 132}};
	for (size_t i = 0; i < count; i++) {
		assert_true(mi_ui_intake_goto(in, q[i].key));
		mi_ui_intake_key(in, mi_ui_key_of(MI_KEY_F1));
		for (size_t s = 0; s < 2; s++) {
			int rows = sizes[s][0], cols = sizes[s][1];
			char *page = joined_page(in, rows, cols);
			expect_whole(page, q[i].text, lang, q[i].key, cols);
			expect_whole(page, q[i].help, lang, q[i].key, cols);
			expect_whole(page, q[i].low_label, lang, q[i].key, cols);
			expect_whole(page, q[i].high_label, lang, q[i].key, cols);
			for (size_t k = 0; q[i].labels && q[i].labels[k]; k++)
				expect_whole(page, q[i].labels[k], lang, q[i].key, cols);
			free(page);
		}
	}
	mi_ui_intake_free(in);
	mi_answers *a = mi_answers_new();
	for (size_t i = 0; i < count; i++)
		if (q[i].kind == MI_Q_YESNO) {
			assert_int_equal(mi_answers_set_bool(a, q[i].key, true, &err), MI_OK);
			char summary[64];
			mi_ui_answer_summary(&q[i], a, summary, sizeof summary);
			assert_string_equal(summary, yes_word);
			break;
		}
	mi_answers_free(a);
	mi_translation_use(NULL);
	mi_translation_clear(&t);
}

static void intake_in_spanish_fits_succeeds(void **state)
{
	(void)state;
	check_language("es", "Sí");
}

static void intake_in_canadian_french_fits_succeeds(void **state)
{
	(void)state;
	check_language("fr_CA", "Oui");
}

static int setup(void **state)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/../locale", getenv("MI_DATA_DIR"));
	mi_i18n_init(dir);
	return tiu_install_shipped(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(intake_in_spanish_fits_succeeds),
		cmocka_unit_test(intake_in_canadian_french_fits_succeeds),
	};
	return cmocka_run_group_tests_name("ui_languages", tests, setup, tiu_free_shipped);
}
