/* test_ui_desk_visit_languages.c - the front desk's visit page, client
 * page and review queue in the desk's language (es, fr_CA) at 80x24 and
 * 132x43: the program's words and the data words of the translation in use
 * (question labels and answers, session areas and techniques, a rule's
 * message for the client, the aftercare preview) are on the page whole,
 * the therapist-only note and source of a rule stay as the rules file has
 * them, and no row but the title bar runs to the last column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/aftercare.h"
#include "mi/app_records.h"
#include "mi/app_settings.h"
#include "mi/i18n.h"
#include "mi/intake.h"
#include "mi/pin.h"
#include "mi/store.h"
#include "mi/store_therapists.h"
#include "mi/translation.h"
#include "mi/ui_desk.h"
#include "mi/vocab.h"
#include "example_visits.h"
#include "temp_store.h"
#include "ui_test_pin.h"

static const mi_date today = {2026, 11, 23};
static const int sizes[][2] = {{24, 80}, {43, 132}};

typedef struct fixture {
	temp_store t;
	mi_ruleset *rules;
	mi_aftercare_template *aftercare;
	long long tom, tom_old, tom_urgent, tom_draft; /* a client with several visits */
	long long kim, kim_urgent;                     /* an urgent kiosk intake, not reviewed */
	long long lena, lena_visit;                    /* safety questions unanswered */
	mi_translation tr;                             /* the desk's language's overlays */
	mi_desk *desk;
} fixture;

#define example example_answers

static long long store(fixture *f, mi_answers *a, mi_visit_source source, mi_date date,
		       long long *client_id)
{
	return example_store(f->t.store, f->rules, a, source, date, client_id);
}

static char **ids(const char *first)
{
	char **list = calloc(1, sizeof *list);
	assert_non_null(list);
	assert_non_null(list[0] = strdup(first));
	return list;
}

/* Session notes on Tom's urgent visit: an area, a technique, the
 * pressure, the response, the therapist's notes and aftercare notes. */
static void write_notes(fixture *f)
{
	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->tom_urgent, &v, &err), MI_OK);
	v->notes.areas = ids(mi_vocab_id(MI_VOCAB_AREA, 0));
	v->notes.area_count = 1;
	v->notes.techniques = ids(mi_vocab_id(MI_VOCAB_TECHNIQUE, 0));
	v->notes.technique_count = 1;
	assert_non_null(v->notes.pressure = strdup("light"));
	assert_non_null(v->notes.response = strdup("relaxed"));
	assert_non_null(v->notes.therapist_notes = strdup("guarding low back"));
	assert_non_null(v->aftercare_notes = strdup("Walk every day."));
	assert_int_equal(mi_store_visit_save_notes(f->t.store, v, &err), MI_OK);
	mi_visit_free(v);
}

static int setup(void **state)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/../locale", getenv("MI_DATA_DIR"));
	mi_i18n_init(dir);
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	temp_store_open(&f->t, "deskvisit-lang");
	mi_error err;
	assert_int_equal(mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &f->rules, &err), MI_OK);
	assert_int_equal(mi_aftercare_template_load_dir(getenv("MI_DATA_DIR"), &f->aftercare, &err),
			 MI_OK);
	assert_int_equal(mi_store_account_add(f->t.store, "Anna", MI_ROLE_THERAPIST,
					      ui_test_pin_hash, NULL, &err),
			 MI_OK);
	assert_int_equal(mi_store_account_add(f->t.store, "Ben", MI_ROLE_FRONT_DESK,
					      ui_test_pin_hash, NULL, &err),
			 MI_OK);

	/* Tom: a visit in October with less pain, today's urgent one (reviewed)
	 * and a draft begun at the desk. */
	mi_answers *old = example("04-urgent-bladder-change.json");
	assert_int_equal(mi_answers_set_int(old, "pain_intensity", 6, &err), MI_OK);
	f->tom_old = store(f, old, MI_SOURCE_CLI, (mi_date){2026, 10, 1}, &f->tom);
	f->tom_urgent = store(f, example("04-urgent-bladder-change.json"), MI_SOURCE_CLI, today,
			      &f->tom);
	assert_int_equal(mi_app_visit_mark_reviewed(f->t.store, f->tom_urgent, NULL, &err), MI_OK);
	assert_int_equal(mi_store_draft_start(f->t.store, f->tom, MI_SOURCE_DESK, today,
					      &f->tom_draft, &err),
			 MI_OK);
	write_notes(f);

	mi_answers *kim = example("04-urgent-bladder-change.json");
	assert_int_equal(mi_answers_set_text(kim, "client.name", "Kim Lee", &err), MI_OK);
	assert_int_equal(mi_answers_set_text(kim, "consent.name", "Kim Lee", &err), MI_OK);
	f->kim_urgent = store(f, kim, MI_SOURCE_KIOSK, today, &f->kim);
	f->lena_visit = store(f, example("05-incomplete-safety-questions.json"), MI_SOURCE_CLI,
			      today, &f->lena);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	mi_aftercare_template_free(f->aftercare);
	mi_ruleset_free(f->rules);
	temp_store_remove(&f->t);
	free(f);
	return 0;
}

static void press(fixture *f, mi_ui_key_kind kind)
{
	mi_desk_key(f->desk, mi_ui_key_of(kind));
}

static void key(fixture *f, wchar_t ch)
{
	mi_desk_key(f->desk, mi_ui_key_char(ch));
}

/* Puts lang's overlays of the three data files in use, as the desk's
 * language, and opens a desk signed in as name (Anna, a therapist, is
 * first on the sign-in list; Ben, at the front desk, second). */
static void open_desk(fixture *f, const char *lang, const char *name)
{
	snprintf(f->tr.lang, sizeof f->tr.lang, "%s", lang);
	for (int i = 0; i < MI_TRANSLATED_COUNT; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/lang/%s/%s", getenv("MI_DATA_DIR"), lang,
			 mi_translated_file_names[i]);
		mi_error err;
		if (mi_overlay_load(path, &f->tr.overlays[i], &err) != MI_OK)
			fail_msg("%s", err.message);
	}
	mi_translation_use(&f->tr);
	mi_desk_config config = {
		.store = f->t.store,
		.rules = f->rules,
		.aftercare = f->aftercare,
		.clock = mi_clock_fixed(&today),
	};
	mi_error err;
	f->desk = mi_desk_new(&config, &err);
	assert_non_null(f->desk);
	if (strcmp(name, "Ben") == 0)
		press(f, MI_KEY_DOWN);
	for (const wchar_t *p = L"2468"; *p; p++)
		key(f, *p);
	press(f, MI_KEY_ENTER);
	assert_false(mi_desk_locked(f->desk));
	assert_string_equal(mi_desk_who(f->desk)->name, name);
}

static void close_desk(fixture *f)
{
	mi_desk_free(f->desk);
	f->desk = NULL;
	mi_translation_use(NULL);
	mi_translation_clear(&f->tr);
}

/* True for a list row ending with the widest outcome tag: the lists give
 * it room up to the right edge at 80 columns, in English as in every
 * language (desk_client.c, desk_review.c), and it is a keyword, never
 * translated. */
static bool ends_with_widest_tag(const char *row)
{
	const char *tag = mi_level_outcome_tag(MI_LEVEL_PROCEED, 1);
	size_t n = strlen(row), t = strlen(tag);
	return n >= t && strcmp(row + n - t, tag) == 0;
}

/* The screen at rows x cols as one line: each row trimmed, joined by one
 * space, appended to out. Fails when a row but the title bar reaches the
 * last column (cut short, or run off the screen). */
static void add_screen(fixture *f, int rows, int cols, char **out)
{
	mi_ui_canvas *c = mi_ui_canvas_new(rows, cols);
	assert_non_null(c);
	mi_desk_draw(f->desk, c);
	char *text = mi_ui_canvas_text(c);
	mi_ui_canvas_free(c);
	assert_non_null(text);
	size_t used = *out ? strlen(*out) : 0;
	*out = realloc(*out, used + strlen(text) + 3);
	assert_non_null(*out);
	char *end = *out + used;
	strcpy(end, used ? "\n\n" : ""); /* screens apart: nothing is whole across two */
	char *save = NULL;
	bool first = true;
	for (char *row = strtok_r(text, "\n", &save); row; row = strtok_r(NULL, "\n", &save)) {
		size_t n = strlen(row);
		while (n > 0 && row[n - 1] == ' ')
			row[--n] = '\0';
		if (row != text && mi_ui_text_width(row) >= cols && !ends_with_widest_tag(row))
			fail_msg("a row runs to the edge at %dx%d: \"%s\"", cols, rows, row);
		while (*row == ' ')
			row++;
		if (!*row)
			continue;
		if (!first)
			strcat(end, " ");
		strcat(end, row);
		first = false;
	}
	free(text);
}

/* The page on top at rows x cols from its first line, drawn again after
 * each of steps Down keys (caller frees). */
static char *scrolled_page(fixture *f, int rows, int cols, int steps)
{
	mi_desk_resize(f->desk, rows, cols);
	press(f, MI_KEY_HOME);
	char *out = NULL;
	for (int i = 0; i <= steps; i++) {
		add_screen(f, rows, cols, &out);
		press(f, MI_KEY_DOWN);
	}
	press(f, MI_KEY_HOME);
	return out;
}

static void expect_whole(const char *page, const char *want, int cols)
{
	if (!strstr(page, want))
		fail_msg("%s at %d columns: \"%s\" is not whole on the page:\n%s",
			 mi_i18n_language(), cols, want, page);
}

/* english's translation in the desk's language is on the page whole; it
 * must be translated (a word left in English fails). */
static void expect_translated(const char *page, const char *english, int cols)
{
	const char *words = _(english);
	if (strcmp(words, english) == 0)
		fail_msg("%s: \"%s\" is not translated", mi_i18n_language(), english);
	expect_whole(page, words, cols);
}

/* The same for a message with a number or a word in it: words is the
 * translation of english filled in. */
static void expect_translated_f(const char *page, const char *english, const char *words,
				int cols)
{
	if (strcmp(_(english), english) == 0)
		fail_msg("%s: \"%s\" is not translated", mi_i18n_language(), english);
	expect_whole(page, words, cols);
}

/* The label of a text note or a flag's line, without its trailing space
 * (the end of a row when the text goes on below). */
static void expect_label(const char *page, const char *english, int cols)
{
	char label[128];
	snprintf(label, sizeof label, "%s", _(english));
	size_t n = strlen(label);
	if (n > 0 && label[n - 1] == ' ')
		label[n - 1] = '\0';
	if (strcmp(_(english), english) == 0)
		fail_msg("%s: \"%s\" is not translated", mi_i18n_language(), english);
	expect_whole(page, label, cols);
}

/* The English words of the first session area, and true when the
 * translation in use shows other words for it. */
static bool session_area_translated(fixture *f)
{
	const char *id = mi_vocab_id(MI_VOCAB_AREA, 0);
	char shown[256];
	snprintf(shown, sizeof shown, "%s", mi_vocab_label(MI_VOCAB_AREA, id));
	mi_translation_use(NULL);
	bool differs = strcmp(shown, mi_vocab_label(MI_VOCAB_AREA, id)) != 0;
	mi_translation_use(&f->tr);
	return differs;
}

/* Moves down the list on top to visit. */
static void select_visit(fixture *f, long long visit)
{
	for (int i = 0; i < 5 && mi_desk_visit_id(f->desk) != visit; i++)
		press(f, MI_KEY_DOWN);
	assert_int_equal(mi_desk_visit_id(f->desk), visit);
}

/* Opens the client found by name on the main page. */
static void open_client(fixture *f, const wchar_t *name)
{
	key(f, L'/');
	for (const wchar_t *p = name; *p; p++)
		key(f, *p);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_CLIENT);
}

/* Opens a visit: the client found by name, then the visit on their page. */
static void open_visit(fixture *f, const wchar_t *name, long long visit)
{
	open_client(f, name);
	select_visit(f, visit);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
}

/* The aftercare preview's first line, as the visit page makes it in the
 * words of the translation in use (caller frees). */
static char *preview_title(fixture *f)
{
	mi_visit *v = NULL;
	mi_aftercare_doc *doc = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->tom_urgent, &v, &err), MI_OK);
	assert_int_equal(mi_aftercare_build_in(f->aftercare, f->tr.overlays[MI_TRANSLATED_AFTERCARE],
					       v, &doc, &err),
			 MI_OK);
	char *text = mi_aftercare_to_text(doc);
	assert_non_null(text);
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	text[strcspn(text, "\n")] = '\0';
	return text;
}

/* Tom's urgent visit as a therapist sees it: flags with their notes and
 * sources, changes, answers, goals, session notes and the preview. */
static void check_visit_page(fixture *f, const char *lang)
{
	open_desk(f, lang, "Anna");
	open_visit(f, L"beck", f->tom_urgent);
	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->tom_urgent, &v, &err), MI_OK);
	assert_true(v->flag_count > 0);
	char *title = preview_title(f);
	assert_true(session_area_translated(f));
	for (size_t s = 0; s < 2; s++) {
		int rows = sizes[s][0], cols = sizes[s][1];
		char *page = scrolled_page(f, rows, cols, 260);
		char words[256];
		snprintf(words, sizeof words, _("Flags (%zu)"), v->flag_count);
		expect_translated_f(page, "Flags (%zu)", words, cols);
		expect_label(page, "Note: ", cols);
		expect_label(page, "Source: ", cols);
		for (size_t i = 0; i < v->flag_count; i++) {
			/* The therapist's note and source as the rules file has them. */
			const mi_rule *r = mi_ruleset_find(f->rules, v->flags[i].rule_id);
			assert_non_null(r);
			expect_whole(page, r->note, cols);
			expect_whole(page, r->source, cols);
		}
		expect_translated(page, "Consent", cols);
		snprintf(words, sizeof words, _("Changes since the last visit (%s)"), "2026-10-01");
		expect_translated_f(page, "Changes since the last visit (%s)", words, cols);
		expect_translated(page, "Intake", cols);
		expect_translated(page, "All answers", cols);
		/* Each answered question by its label in the desk's language,
		 * with its answer's words. */
		size_t count_q = 0;
		const mi_ui_question *qs = mi_ui_questions(&count_q);
		assert_string_not_equal(qs[0].text, "What is your full name?"); /* the overlay is in use */
		for (size_t i = 0; i < count_q; i++) {
			if (qs[i].kind == MI_Q_CONSENT || !mi_answers_has(v->answers, qs[i].key))
				continue;
			char answer[1024], line[1200];
			mi_ui_answer_summary(&qs[i], v->answers, answer, sizeof answer);
			snprintf(line, sizeof line, _("%s: "), qs[i].label);
			expect_whole(page, line, cols);
			expect_whole(page, answer, cols);
		}
		expect_translated(page, "Goals", cols);
		expect_translated(page, "Session notes", cols);
		expect_translated(page, "Areas worked:", cols);
		expect_translated(page, "Techniques:", cols);
		/* The session's areas and techniques by their overlay's words. */
		for (size_t i = 0; i < mi_vocab_count(MI_VOCAB_AREA); i++)
			expect_whole(page, mi_vocab_label(MI_VOCAB_AREA, mi_vocab_id(MI_VOCAB_AREA, i)),
				     cols);
		for (size_t i = 0; i < mi_vocab_count(MI_VOCAB_TECHNIQUE); i++)
			expect_whole(page, mi_vocab_label(MI_VOCAB_TECHNIQUE,
							  mi_vocab_id(MI_VOCAB_TECHNIQUE, i)),
				     cols);
		expect_label(page, "Response: ", cols);
		expect_label(page, "Therapist notes (never printed): ", cols);
		expect_label(page, "Aftercare notes for the client: ", cols);
		expect_translated(page, "Aftercare summary preview (p prints it)", cols);
		expect_whole(page, title, cols);
		snprintf(words, sizeof words, _("Screened with rules %s."), mi_ruleset_version(f->rules));
		expect_translated_f(page, "Screened with rules %s.", words, cols);
		expect_translated(page,
				  "Up/Down move  Tab next  Space/Enter change  s save  p print  Esc back  ? help",
				  cols);
		free(page);
	}
	free(title);
	mi_visit_free(v);
	close_desk(f);
}

/* An urgent kiosk intake not reviewed yet, opened from the review queue
 * by someone at the front desk: the rule's message for the client in the
 * desk's language instead of the therapist's note and source. */
static void check_visit_page_front_desk(fixture *f, const char *lang)
{
	open_desk(f, lang, "Ben");
	key(f, L'r');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	select_visit(f, f->kim_urgent);
	press(f, MI_KEY_ENTER);
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_VISIT);
	mi_visit *v = NULL;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->kim_urgent, &v, &err), MI_OK);
	for (size_t s = 0; s < 2; s++) {
		int rows = sizes[s][0], cols = sizes[s][1];
		char *page = scrolled_page(f, rows, cols, 260);
		expect_translated(page, "kiosk intake: m marks reviewed", cols);
		expect_label(page, "Message: ", cols);
		for (size_t i = 0; i < v->flag_count; i++) {
			const mi_rule *r = mi_ruleset_find(f->rules, v->flags[i].rule_id);
			const char *message = mi_translation_rule_message(r);
			assert_string_not_equal(message, r->message);
			expect_whole(page, message, cols);
			if (strstr(page, r->note))
				fail_msg("the therapist's note shows to the front desk");
		}
		expect_translated(page, "Tab next  Space/Enter change  s save  p print  m reviewed  "
					"Esc back  ? help",
				  cols);
		free(page);
	}
	mi_visit_free(v);
	close_desk(f);
}

/* Lena's visit: the safety questions she did not answer, by their words
 * in the desk's language. */
static void check_missing_questions(fixture *f, const char *lang)
{
	open_desk(f, lang, "Anna");
	open_visit(f, L"fisch", f->lena_visit);
	mi_visit *v = NULL;
	mi_screening s;
	mi_error err;
	assert_int_equal(mi_store_visit_load(f->t.store, f->lena_visit, &v, &err), MI_OK);
	assert_int_equal(mi_screen(f->rules, v->answers, v->date, &s, &err), MI_OK);
	assert_true(s.unanswered_count > 0);
	for (size_t k = 0; k < 2; k++) {
		int rows = sizes[k][0], cols = sizes[k][1];
		char *page = scrolled_page(f, rows, cols, 120);
		expect_translated(page, "a: ask the missing safety questions", cols);
		expect_translated(page, "Safety questions not answered (a asks them now)", cols);
		for (size_t i = 0; i < s.unanswered_count; i++) {
			const mi_ui_question *q =
				mi_intake_question_asking(mi_ruleset_intake(f->rules), s.unanswered[i]);
			assert_non_null(q);
			expect_whole(page, q->text, cols);
		}
		expect_translated(page, "This is the client's first visit: nothing to compare.", cols);
		free(page);
	}
	mi_screening_clear(&s);
	mi_visit_free(v);
	close_desk(f);
}

/* Tom's page: his finished visits and his draft, the pain chart. */
static void check_client_page(fixture *f, const char *lang)
{
	open_desk(f, lang, "Anna");
	open_client(f, L"beck");
	for (size_t s = 0; s < 2; s++) {
		int rows = sizes[s][0], cols = sizes[s][1];
		char *page = scrolled_page(f, rows, cols, 0);
		char title[128];
		/* The same words in French. */
		snprintf(title, sizeof title, _("Client %lld - %s"), f->tom, "Tom Becker");
		expect_whole(page, title, cols);
		char born[128];
		snprintf(born, sizeof born, _("Born %s   Phone %s   E-mail %s"), "1970-05-09", "-", "-");
		expect_translated_f(page, "Born %s   Phone %s   E-mail %s", born, cols);
		static const char *const words[] = {
			"Visit", "Outcome", "Pain", "State", "draft, not finished (Enter resumes)",
			"command line", "Pain trend, 0-10, oldest to newest:",
			"Up/Down move  Enter open visit  i new intake  Esc back  ? help",
		};
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			expect_translated(page, words[i], cols);
		free(page);
	}
	close_desk(f);
}

/* The review queue: Kim's urgent kiosk intake and Tom's draft; then d on
 * the draft asks before it discards. */
static void check_review_queue(fixture *f, const char *lang)
{
	open_desk(f, lang, "Anna");
	key(f, L'r');
	assert_int_equal(mi_desk_current_page(f->desk), MI_DESK_REVIEW);
	for (size_t s = 0; s < 2; s++) {
		int rows = sizes[s][0], cols = sizes[s][1];
		char *page = scrolled_page(f, rows, cols, 0);
		static const char *const words[] = {
			"Review queue - intakes waiting for review", "Visit", "State", "Outcome",
			"kiosk, finished", "desk, draft",
			"Up/Down move  Enter open  d discard a draft  Esc back  ? help",
		};
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			expect_translated(page, words[i], cols);
		expect_whole(page, _("Client"), cols); /* the same word in French */
		free(page);
	}
	select_visit(f, f->tom_draft);
	key(f, L'd');
	for (size_t s = 0; s < 2; s++) {
		char *page = NULL;
		mi_desk_resize(f->desk, sizes[s][0], sizes[s][1]);
		add_screen(f, sizes[s][0], sizes[s][1], &page);
		expect_translated(page, "y discard  n keep", sizes[s][1]);
		free(page);
	}
	key(f, L'n'); /* kept */
	close_desk(f);
}

#define BOTH(check)                                                                  \
	static void check##_in_spanish_succeeds(void **state) { check(*state, "es"); } \
	static void check##_in_canadian_french_succeeds(void **state) { check(*state, "fr_CA"); }

BOTH(check_visit_page)
BOTH(check_visit_page_front_desk)
BOTH(check_missing_questions)
BOTH(check_client_page)
BOTH(check_review_queue)

int main(void)
{
	mi_pin_use_cost(MI_PIN_COST_LEAST); /* ui_test_pin.h */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check_visit_page_in_spanish_succeeds),
		cmocka_unit_test(check_visit_page_in_canadian_french_succeeds),
		cmocka_unit_test(check_visit_page_front_desk_in_spanish_succeeds),
		cmocka_unit_test(check_visit_page_front_desk_in_canadian_french_succeeds),
		cmocka_unit_test(check_missing_questions_in_spanish_succeeds),
		cmocka_unit_test(check_missing_questions_in_canadian_french_succeeds),
		cmocka_unit_test(check_client_page_in_spanish_succeeds),
		cmocka_unit_test(check_client_page_in_canadian_french_succeeds),
		cmocka_unit_test(check_review_queue_in_spanish_succeeds),
		cmocka_unit_test(check_review_queue_in_canadian_french_succeeds),
	};
	return cmocka_run_group_tests_name("ui_desk_visit_languages", tests, setup, teardown);
}
