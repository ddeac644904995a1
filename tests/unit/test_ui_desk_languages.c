/* test_ui_desk_languages.c - the front desk's frame and its own pages in
 * the desk's language (LANGUAGE=es, then fr_CA), drawn at 80x24 and at
 * 132x43: the PIN setup, the sign-in, the client list (browsing and
 * searching), its help box, the new-client form, the due list, the idle
 * lock, the desk's intake and the "please enlarge" page. Each page holds
 * its translated title, key hints and words whole, no row below the title
 * runs to the last column, and the desk's intake asks the questions in the
 * desk's language (the overlays, as at the kiosk). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_records.h"
#include "mi/questions.h"
#include "mi/store.h"
#include "mi/i18n.h"
#include "mi/pin.h"
#include "mi/store_therapists.h"
#include "mi/translation.h"
#include "mi/ui_desk.h"
#include "example_visits.h"
#include "temp_store.h"
#include "test_intake_util.h"
#include "ui_page_text.h"
#include "ui_test_pin.h"

static const mi_date today = {2026, 11, 23};
static const int sizes[][2] = {{24, 80}, {43, 132}};

typedef struct fixture {
	temp_store t;
	mi_ruleset *rules;
	mi_translation language; /* the desk's language's overlays */
	mi_desk *desk;
} fixture;

/* What the catalogue says for msgid; it must be translated (not the
 * English), or the test proves nothing. */
__attribute__((format_arg(1))) static const char *translated(const char *msgid)
{
	const char *t = dgettext(MI_TEXT_DOMAIN, msgid);
	if (strcmp(t, msgid) == 0)
		fail_msg("\"%s\" is not translated in %s", msgid, mi_i18n_language());
	return t;
}

/* The page drawn at both sizes holds each of words whole (NULL ends). */
static void expect_page_but(mi_desk *desk, const char *page, int table_first,
			    const char *const *words)
{
	for (size_t s = 0; s < 2; s++) {
		int rows = sizes[s][0], cols = sizes[s][1];
		mi_ui_canvas *c = mi_ui_canvas_new(rows, cols);
		assert_non_null(c);
		mi_desk_resize(desk, rows, cols);
		mi_desk_draw(desk, c);
		/* A list's columns span the window down to its info line. */
		char *text = ui_page_joined_but(c, table_first, table_first ? rows - 4 : 0);
		for (const char *const *w = words; *w; w++)
			if (!strstr(text, *w))
				fail_msg("%s, %s at %dx%d: \"%s\" is not whole on the page:\n%s",
					 mi_i18n_language(), page, cols, rows, *w, text);
		free(text);
		mi_ui_canvas_free(c);
	}
	mi_desk_resize(desk, 24, 80);
}

/* The help box drawn at both sizes holds each of words whole inside its
 * frame (from row 3 to the row above its bottom border, from column 4 to
 * the blank column before its right border, which no word may reach). */
static void expect_help(mi_desk *desk, const char *const *words)
{
	for (size_t s = 0; s < 2; s++) {
		int rows = sizes[s][0], cols = sizes[s][1];
		mi_ui_canvas *c = mi_ui_canvas_new(rows, cols);
		mi_ui_canvas *inside = mi_ui_canvas_new(rows - 6, cols - 7);
		assert_non_null(c);
		assert_non_null(inside);
		mi_desk_resize(desk, rows, cols);
		mi_desk_draw(desk, c);
		for (int y = 0; y < inside->rows; y++)
			for (int x = 0; x < inside->cols; x++)
				inside->cells[y * inside->cols + x] = c->cells[(y + 3) * cols + x + 4];
		char *text = ui_page_joined(inside);
		for (const char *const *w = words; *w; w++)
			if (!strstr(text, *w))
				fail_msg("%s, a help box at %dx%d: \"%s\" is not whole in it:\n%s",
					 mi_i18n_language(), cols, rows, *w, text);
		free(text);
		mi_ui_canvas_free(inside);
		mi_ui_canvas_free(c);
	}
	mi_desk_resize(desk, 24, 80);
}

static void expect_page(mi_desk *desk, const char *page, const char *const *words)
{
	expect_page_but(desk, page, 0, words);
}

static void type(mi_desk *desk, const wchar_t *keys)
{
	for (const wchar_t *p = keys; *p; p++)
		mi_desk_key(desk, mi_ui_key_char(*p));
}

/* The words of the question key as now shown (caller frees). */
static char *question_text(const char *key)
{
	size_t count = 0;
	const mi_ui_question *q = mi_ui_questions(&count);
	for (size_t i = 0; i < count; i++)
		if (strcmp(q[i].key, key) == 0)
			return strdup(q[i].text);
	fail_msg("no question %s", key);
	return NULL;
}

static mi_desk *new_desk(fixture *f)
{
	mi_desk_config config = {
		.store = f->t.store,
		.rules = f->rules,
		.clock = mi_clock_fixed(&today),
		.lock_seconds = 300,
		.translations = &f->language,
		.translation_count = 1,
	};
	mi_error err;
	mi_desk *desk = mi_desk_new(&config, &err);
	assert_non_null(desk);
	return desk;
}

/* The desk's language is lang (as from LANGUAGE at start), a store with
 * one client and no account yet. */
static void open_in(fixture *f, const char *lang)
{
	setenv("LANGUAGE", lang, 1);
	char dir[4096], path[4096];
	snprintf(dir, sizeof dir, "%s/../locale", getenv("MI_DATA_DIR"));
	mi_i18n_init(dir);
	temp_store_open(&f->t, "desk-lang");
	mi_error err;
	assert_int_equal(mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &f->rules, &err), MI_OK);
	snprintf(f->language.lang, sizeof f->language.lang, "%s", lang);
	snprintf(path, sizeof path, "%s/lang/%s/intake.conf", getenv("MI_DATA_DIR"), lang);
	assert_int_equal(mi_overlay_load(path, &f->language.overlays[MI_TRANSLATED_INTAKE], &err),
			 MI_OK);
	long long client = 0;
	example_store(f->t.store, f->rules, example_answers("01-proceed-chronic-tightness.json"),
		      MI_SOURCE_CLI, today, &client);
}

static void close_all(fixture *f)
{
	mi_desk_free(f->desk);
	assert_null(mi_translation_in_use()); /* the desk lets go of the translation */
	mi_translation_clear(&f->language);
	mi_ruleset_free(f->rules);
	temp_store_remove(&f->t);
	unsetenv("LANGUAGE");
	mi_i18n_init(NULL);
}

static void check_language(const char *lang)
{
	fixture f = {0};
	open_in(&f, lang);
	f.desk = new_desk(&f);

	/* No account yet: the owner's PIN is set first. */
	expect_page(f.desk, "the PIN setup",
		    (const char *const[]){translated("Set the therapist PIN"),
					  translated("No therapist PIN is set yet. The front desk "
						     "locks itself when it is left alone, and only "
						     "this PIN unlocks it; the same PIN leaves the "
						     "kiosk."),
					  translated("New PIN:"), translated("The same again:"),
					  translated("Digits PIN  Enter next / set  Esc quit without a PIN"),
					  NULL});
	mi_desk_free(f.desk);
	mi_error err;
	assert_int_equal(mi_store_account_add(f.t.store, "Anna", MI_ROLE_THERAPIST, ui_test_pin_hash,
					      NULL, &err),
			 MI_OK);
	f.desk = new_desk(&f);

	char heading[512];
	snprintf(heading, sizeof heading, "%s — %s", translated("Sign in"),
		 translated("pick your name, then type your PIN."));
	expect_page(f.desk, "the sign-in",
		    (const char *const[]){heading, translated("Your PIN:"), translated("therapist"),
					  translated("Up/Down your name  Digits PIN  Enter sign in"),
					  NULL});
	type(f.desk, L"2468");
	mi_desk_key(f.desk, mi_ui_key_of(MI_KEY_ENTER));
	assert_false(mi_desk_locked(f.desk));

	expect_page_but(f.desk, "the client list", 4,
		    (const char *const[]){translated("massage-intake - front desk: clients"),
					  translated("Search:"), translated("Name"),
					  translated("Last outcome"),
					  translated("/ search  Up/Down move  Enter open  n new client  "
						     "r review  ? help  q quit"),
					  NULL});
	mi_desk_key(f.desk, mi_ui_key_char(L'/'));
	expect_page_but(f.desk, "the client list, searching", 4,
		    (const char *const[]){translated("Type a name  Up/Down move  Enter open  Tab list  "
						     "Esc clear  F1 help"),
					  NULL});
	mi_desk_key(f.desk, mi_ui_key_of(MI_KEY_TAB));

	/* The help box holds the page's help whole, its last words too. */
	const char *help = translated("The clients, by name. Press / (or Tab) and type part of a "
				      "name: the list narrows with every key, ignoring case and "
				      "spaces. Up and Down move, Enter opens the client's visits. "
				      "Esc clears the search.\n\nn adds a new client and starts "
				      "their intake. r shows the intakes finished at the kiosk that "
				      "wait for your review. d shows who is due for a follow-up this "
				      "week. q quits.\n\nAfter lock_timeout_seconds without a key (a "
				      "setting, 300 by default) the desk locks until the person "
				      "signed in types their PIN; anyone else may pick their own name "
				      "and sign in instead.");
	const char *last = strrchr(help, '\n') + 1;
	char first[512];
	snprintf(first, sizeof first, "%.*s", (int)strcspn(help, "\n"), help);
	mi_desk_key(f.desk, mi_ui_key_char(L'?'));
	expect_page(f.desk, "the client list's help",
		    (const char *const[]){translated(" Help - any key closes "), NULL});
	/* The outcomes' legend follows it, whole too. */
	char *legend = mi_level_legend();
	expect_help(f.desk, (const char *const[]){first, last, legend, NULL});
	free(legend);
	mi_desk_key(f.desk, mi_ui_key_char(L'x'));

	mi_desk_key(f.desk, mi_ui_key_char(L'n'));
	assert_int_equal(mi_desk_current_page(f.desk), MI_DESK_NEW_CLIENT);
	expect_page(f.desk, "the new-client form",
		    (const char *const[]){translated("New client"), translated("Full name:"),
					  translated("Date of birth:"),
					  translated("Type the client's full name and date of birth. "
						     "If they are already known, their open intake is "
						     "resumed."),
					  translated("Type  Tab next field  Enter continue  Esc cancel  "
						     "F1 help"),
					  NULL});
	mi_desk_key(f.desk, mi_ui_key_of(MI_KEY_ESC));

	mi_desk_key(f.desk, mi_ui_key_char(L'd'));
	assert_int_equal(mi_desk_current_page(f.desk), MI_DESK_DUE);
	expect_page_but(f.desk, "the due list", 2,
		    (const char *const[]){translated("Due for a follow-up - this week and overdue"),
					  translated("Due"), _("Client"), translated("For"),
					  translated("Nobody is due this week."),
					  translated("Up/Down move  Enter open the client  Esc back  "
						     "? help"),
					  NULL});
	mi_desk_key(f.desk, mi_ui_key_of(MI_KEY_ESC));

	/* The desk's intake asks its questions in the desk's language, and
	 * keeps it when something (a summary printed in a client's language)
	 * put another in use. */
	mi_desk_key(f.desk, mi_ui_key_of(MI_KEY_ENTER));
	mi_desk_key(f.desk, mi_ui_key_char(L'i'));
	assert_int_equal(mi_desk_current_page(f.desk), MI_DESK_INTAKE);
	assert_ptr_equal(mi_translation_in_use(), &f.language);
	const char *key = mi_ui_intake_current_key(mi_desk_intake(f.desk));
	mi_translation_use(NULL);
	char *english = question_text(key);
	expect_page(f.desk, "the desk's intake", (const char *const[]){NULL});
	char *asked = question_text(key);
	assert_string_not_equal(asked, english);
	expect_page(f.desk, "the desk's intake", (const char *const[]){asked, NULL});
	free(english);
	free(asked);
	mi_desk_key(f.desk, (mi_ui_key){.kind = MI_KEY_CTRL, .ch = L's'});

	/* A window too small for the desk asks to be enlarged. */
	mi_ui_canvas *small = mi_ui_canvas_new(20, 60);
	assert_non_null(small);
	mi_ui_draw_too_small(small);
	char *asks = ui_page_joined(small);
	assert_non_null(strstr(asks, translated("The window is too small: please enlarge the "
						"window.")));
	free(asks);
	mi_ui_canvas_free(small);

	/* Idle: the lock, in the desk's language. */
	mi_desk_tick(f.desk, 1000);
	mi_desk_tick(f.desk, 1000 + 301);
	assert_true(mi_desk_locked(f.desk));
	char what[256];
	snprintf(what, sizeof what,
		 translated("%.80s, type your PIN to go on; anyone else, pick your name to sign in "
			    "instead."),
		 "Anna");
	snprintf(heading, sizeof heading, "%s — %s", translated("Locked"), what);
	expect_page(f.desk, "the idle lock", (const char *const[]){heading, NULL});
	close_all(&f);
}

static void desk_in_spanish_fits_succeeds(void **state)
{
	(void)state;
	check_language("es");
}

static void desk_in_canadian_french_fits_succeeds(void **state)
{
	(void)state;
	check_language("fr_CA");
}

int main(void)
{
	mi_pin_use_cost(MI_PIN_COST_LEAST); /* ui_test_pin.h */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(desk_in_spanish_fits_succeeds),
		cmocka_unit_test(desk_in_canadian_french_fits_succeeds),
	};
	return cmocka_run_group_tests_name("ui_desk_languages", tests, tiu_install_shipped,
					   tiu_free_shipped);
}
