/* test_aftercare.c - the aftercare template, the summary built for a visit
 * and its text form (golden files under tests/fixtures/aftercare/).
 * Set MI_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
 * change to the template, then read the difference before keeping it. */
#include "test_intake_util.h"
#include "aftercare_visits.h"

#include <unistd.h>

#include "mi/screen.h"
#include "mi/text.h"

/* Reads a whole file; NULL when it cannot. Caller frees. */
static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *data = NULL;
	size_t len = 0, cap = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			data = realloc(data, cap);
			assert_non_null(data);
		}
		memcpy(data + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (!data)
		data = calloc(1, 1);
	else
		data[len] = '\0';
	return data;
}

/* Writes text to a new temporary file and returns its path (caller frees
 * and unlinks). */
static char *temp_file(const char *text)
{
	char *path = strdup("/tmp/mi-aftercare-test.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* Fails unless every line of text is at most 80 columns, ends with a
 * newline and holds no control character. */
static void assert_plain_lines(const char *text)
{
	size_t len = strlen(text);
	assert_true(len > 0);
	assert_int_equal(text[len - 1], '\n');
	assert_int_equal(mi_text_check(text, len, true, NULL), MI_TEXT_OK);
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		char *line = strndup(s, (size_t)(nl - s));
		if (mi_text_width(line) > MI_AFTERCARE_TEXT_WIDTH)
			fail_msg("line wider than 80 columns: %s", line);
		if (nl > s && nl[-1] == ' ')
			fail_msg("line ends with a space: %s", line);
		free(line);
		s = nl + 1;
	}
}

/* Compares the text of v with tests/fixtures/aftercare/NAME.txt. */
static void check_golden(mi_visit *v, const char *name)
{
	mi_aftercare_template *tpl = tv_template();
	mi_aftercare_doc *doc = tv_build(tpl, v);
	char *text = mi_aftercare_to_text(doc);
	assert_non_null(text);
	assert_plain_lines(text);
	assert_null(strstr(text, "THERAPIST-ONLY"));

	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/aftercare/%s.txt", getenv("MI_SOURCE_DIR"),
		 name);
	const char *update = getenv("MI_UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(text, f);
		fclose(f);
	}
	char *expected = read_all(path);
	if (!expected)
		fail_msg("missing golden file %s", path);
	if (strcmp(expected, text) != 0) {
		print_message("--- got for %s:\n%s", name, text);
		fail_msg("%s differs from the golden file", name);
	}
	free(expected);
	free(text);
	mi_aftercare_doc_free(doc);
	mi_aftercare_template_free(tpl);
	mi_visit_free(v);
}

static void to_text_with_first_visit_matches_golden_succeeds(void **state)
{
	(void)state;
	check_golden(tv_first_visit(), "first-visit");
}

static void to_text_with_blood_thinner_matches_golden_succeeds(void **state)
{
	(void)state;
	check_golden(tv_blood_thinner(), "blood-thinner");
}

static void to_text_with_returning_client_matches_golden_succeeds(void **state)
{
	(void)state;
	check_golden(tv_returning(), "returning-trend");
}

static void template_load_with_shipped_file_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	assert_non_null(tpl);
	mi_aftercare_template_free(tpl);
}

static void template_load_with_missing_file_fails(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = NULL;
	mi_error err;
	assert_int_equal(mi_aftercare_template_load("/nonexistent/aftercare.conf", &tpl, &err),
			 MI_ENOINPUT);
	assert_null(tpl);
	assert_non_null(strstr(err.message, "/nonexistent/aftercare.conf"));
}

/* The smallest valid template, to which each bad case adds a line. */
#define GOOD_HEAD                                                                          \
	"title: Aftercare for {name}\nmap-caption: Map\nchart-caption: Chart\n"               \
	"overflow: Shortened.\nsection: Today\n"

static void template_load_with_broken_lines_fails(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *where;
		const char *reason;
	} cases[] = {
		{GOOD_HEAD "titel: x\n", ":6:", "unknown keyword \"titel\""},
		{GOOD_HEAD "para: Hello {nmae}\n", ":6:", "unknown placeholder {nmae}"},
		{GOOD_HEAD "para: Hello {name\n", ":6:", "without its \"}\""},
		{GOOD_HEAD "para: Hello name}\n", ":6:", "without its \"{\""},
		{GOOD_HEAD "para when flagg x: y\n", ":6:", "unknown condition \"flagg\""},
		{GOOD_HEAD "para when flag: y\n", ":6:", "needs at least one name"},
		{GOOD_HEAD "para when outcome maybe: y\n", ":6:", "unknown outcome \"maybe\""},
		{GOOD_HEAD "para when area feet: y\n", ":6:", "unknown area \"feet\""},
		{GOOD_HEAD "para when first-visit now: y\n", ":6:", "takes no names"},
		{GOOD_HEAD "para when trend and: y\n", ":6:", "missing after \"and\""},
		{GOOD_HEAD "para if trend: y\n", ":6:", "expected \"when\""},
		{GOOD_HEAD "para no colon here\n", ":6:", "a colon"},
		{GOOD_HEAD "para: bell \a here\n", ":6:", "control character"},
		{GOOD_HEAD "para: \n", ":6:", "nothing after the colon"},
		{"  continued first\n" GOOD_HEAD, ":1:", "before any keyword"},
		{"title: T\nbullet: too early\n", ":2:", "before any section"},
		{"title: T\nmap-caption: M\nchart-caption: C\nsection: S\n", ":4:",
		 "no \"overflow\" line"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *path = temp_file(cases[i].text);
		mi_aftercare_template *tpl = NULL;
		mi_error err;
		assert_int_equal(mi_aftercare_template_load(path, &tpl, &err), MI_EDATA);
		assert_null(tpl);
		char where[4200];
		snprintf(where, sizeof where, "%s%s", path, cases[i].where);
		if (strncmp(err.message, where, strlen(where)) != 0 ||
		    !strstr(err.message, cases[i].reason))
			fail_msg("case %zu: got \"%s\", expected %s ... %s", i, err.message, where,
				 cases[i].reason);
		unlink(path);
		free(path);
	}
}

static void template_load_with_tabs_and_continuations_succeeds(void **state)
{
	(void)state;
	char *path = temp_file("# a comment\n\ntitle: Aftercare\nmap-caption: M\n"
			       "chart-caption: C\r\noverflow: O\nsection: Today\n"
			       "para when not flag x and returning: one\n\tmore   \n"
			       "bullet: two\n  # an indented comment\n"
			       "section when first-visit: Not for a returning client\npara: hidden\n");
	mi_aftercare_template *tpl = NULL;
	mi_error err;
	assert_int_equal(mi_aftercare_template_load(path, &tpl, &err), MI_OK);
	mi_visit *v = tv_first_visit();
	tv_trend(v, 99, "2026-12-01", 2); /* another visit: returning */
	mi_aftercare_doc *doc = tv_build(tpl, v);
	assert_int_equal(doc->section_count, 1);
	assert_int_equal(doc->sections[0].block_count, 2);
	assert_string_equal(doc->sections[0].blocks[0].text, "one more");
	assert_string_equal(doc->sections[0].blocks[1].text, "two");
	assert_string_equal(doc->chart_caption, "C");
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
	unlink(path);
	free(path);
}

/* Rule id and a phrase only its item says. */
static const struct {
	const char *rule;
	const char *phrase;
} flag_items[] = {
	{"anticoagulant", "you may bruise more easily"},
	{"antiplatelet", "you may bruise more easily"},
	{"easy_bruising", "you may bruise more easily"},
	{"bleeding_disorder", "you may bruise more easily"},
	{"dvt_history", "You told us you have had a blood clot"},
	{"recent_surgery", "Follow your surgeon's advice"},
	{"pregnancy", "You told us you are pregnant"},
	{"nerve_root_signs", "pain or tingling down one leg"},
	{"osteoporosis", "can make bones more fragile"},
	{"severe_osteoporosis", "can make bones more fragile"},
	{"long_term_steroids", "can make bones more fragile"},
	{"steroid_medicine", "can make bones more fragile"},
	{"skin_condition", "we kept away from it"},
	{"high_blood_pressure", "blood pressure medicine"},
	{"cancer_history", "wakes you at night"},
	{"new_pain_over_50", "your back pain started recently"},
	/* Each refer flag names whom to see. */
	{"cancer_treatment", "ask your cancer care team"},
	{"leg_weakness", "so they can check the cause"},
	{"recent_trauma", "urgent care centre if the pain is severe"},
	{"possible_fracture", "X-ray"},
	{"unexplained_weight_loss", "lost weight without trying"},
	{"night_pain", "pain at night that nothing eases"},
	{"possible_malignancy", "your doctor or your cancer care team"},
	{"uncontrolled_blood_pressure", "your doctor or practice nurse"},
	{"active_infection", "Wait until it has cleared"},
};

static void build_with_each_flag_shows_its_item_exactly_then_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	size_t n = sizeof flag_items / sizeof *flag_items;
	for (size_t i = 0; i <= n; i++) {
		/* i == n: no flag at all. */
		mi_visit *v = tv_first_visit();
		if (i < n)
			tv_flag(v, flag_items[i].rule, MI_LEVEL_MODIFY);
		mi_aftercare_doc *doc = tv_build(tpl, v);
		char *text = mi_aftercare_to_text(doc);
		for (size_t j = 0; j < n; j++) {
			bool expected = i < n && strcmp(flag_items[i].phrase, flag_items[j].phrase) == 0;
			if (mi_aftercare_doc_contains(doc, flag_items[j].phrase) != expected)
				fail_msg("with flag %s, \"%s\" is %s", i < n ? flag_items[i].rule : "none",
					 flag_items[j].phrase, expected ? "missing" : "shown");
		}
		assert_plain_lines(text);
		free(text);
		mi_aftercare_doc_free(doc);
		mi_visit_free(v);
	}
	mi_aftercare_template_free(tpl);
}

/* Checks one rule id named by the template against the shipped rules. */
static void check_rule_exists(const char *rule_id, void *data)
{
	if (!mi_ruleset_find(data, rule_id))
		fail_msg("aftercare.conf names flag \"%s\", which rules.conf does not have", rule_id);
}

static void template_with_flag_conditions_names_known_rules_succeeds(void **state)
{
	(void)state;
	mi_ruleset *rules = NULL;
	mi_error err;
	if (mi_ruleset_load_dir(getenv("MI_DATA_DIR"), &rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	mi_aftercare_template *tpl = tv_template();
	mi_aftercare_template_each_flag(tpl, check_rule_exists, rules);
	/* And every modify rule a client can be told about has its item. */
	for (size_t i = 0; i < sizeof flag_items / sizeof *flag_items; i++)
		assert_non_null(mi_ruleset_find(rules, flag_items[i].rule));
	mi_aftercare_template_free(tpl);
	mi_ruleset_free(rules);
}

static void build_never_shows_therapist_notes_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *visits[] = {tv_first_visit(), tv_blood_thinner(), tv_returning()};
	for (size_t i = 0; i < 3; i++) {
		assert_non_null(strstr(visits[i]->notes.therapist_notes, "THERAPIST-ONLY"));
		mi_aftercare_doc *doc = tv_build(tpl, visits[i]);
		assert_false(mi_aftercare_doc_contains(doc, "THERAPIST-ONLY"));
		assert_false(mi_aftercare_doc_contains(doc, "guarded"));
		mi_aftercare_doc_free(doc);
		mi_visit_free(visits[i]);
	}
	mi_aftercare_template_free(tpl);
}

static void build_with_neck_work_mentions_headache_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *low = tv_first_visit();
	mi_visit *neck = tv_blood_thinner();
	mi_aftercare_doc *low_doc = tv_build(tpl, low), *neck_doc = tv_build(tpl, neck);
	assert_false(mi_aftercare_doc_contains(low_doc, "headache"));
	assert_true(mi_aftercare_doc_contains(neck_doc, "headache"));
	assert_true(neck_doc->worked[MI_BODY_NECK]);
	assert_true(neck_doc->worked[MI_BODY_SHOULDERS]);
	assert_true(neck_doc->worked[MI_BODY_UPPER_BACK]);
	assert_false(neck_doc->worked[MI_BODY_LOW_BACK]);
	assert_true(low_doc->worked[MI_BODY_LOW_BACK]);
	assert_true(low_doc->worked[MI_BODY_HIPS_GLUTES]);
	assert_false(low_doc->worked[MI_BODY_LEGS]);
	mi_aftercare_doc_free(low_doc);
	mi_aftercare_doc_free(neck_doc);
	mi_visit_free(low);
	mi_visit_free(neck);
	mi_aftercare_template_free(tpl);
}

static void build_with_first_or_returning_visit_plans_follow_up_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *first = tv_first_visit(), *again = tv_returning();
	mi_aftercare_doc *first_doc = tv_build(tpl, first), *again_doc = tv_build(tpl, again);
	assert_true(mi_aftercare_doc_contains(first_doc, "48–72 hours"));
	assert_false(mi_aftercare_doc_contains(again_doc, "48–72 hours"));
	assert_true(mi_aftercare_doc_contains(first_doc, "weekly or every two weeks"));
	assert_true(mi_aftercare_doc_contains(first_doc, "core and glutes"));
	assert_false(mi_aftercare_doc_contains(first_doc, "Your pain score at each visit:"));
	assert_int_equal(first_doc->trend_count, 1);
	/* The unanswered score of the third visit is left out. */
	assert_int_equal(again_doc->trend_count, 3);
	assert_true(mi_aftercare_doc_contains(
		again_doc, "Your pain score at each visit: 2026-10-05: 7, 2026-10-26: 5, 2026-11-23: 3."));
	assert_true(mi_aftercare_doc_contains(again_doc, "come down from 7 to 3"));
	mi_aftercare_doc_free(first_doc);
	mi_aftercare_doc_free(again_doc);
	mi_visit_free(first);
	mi_visit_free(again);
	mi_aftercare_template_free(tpl);
}

static void build_with_rising_pain_says_so_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *v = tv_first_visit();
	free(v->trend);
	v->trend = NULL;
	v->trend_count = 0;
	for (int i = 0; i < 14; i++) {
		char date[11];
		snprintf(date, sizeof date, "2026-%02d-01", i % 12 + 1);
		tv_trend(v, 100 + i, date, i % 2 ? 2 : 3);
	}
	tv_trend(v, v->id, "2026-11-23", 6);
	mi_aftercare_doc *doc = tv_build(tpl, v);
	assert_int_equal(doc->trend_count, MI_AFTERCARE_TREND_MAX);
	assert_int_equal(doc->trend[MI_AFTERCARE_TREND_MAX - 1].pain, 6);
	assert_true(mi_aftercare_doc_contains(doc, "Your pain is higher"));
	assert_true(mi_aftercare_doc_contains(doc, "from 3"));
	assert_false(mi_aftercare_doc_contains(doc, "come down"));
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
}

/* Point 8: every item shown because of a flag says what the client told
 * us ("You told us ..."), never what the client has. */
static void build_with_each_flag_says_what_the_client_told_us_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	for (size_t i = 0; i < sizeof flag_items / sizeof *flag_items; i++) {
		mi_visit *v = tv_first_visit();
		tv_flag(v, flag_items[i].rule, MI_LEVEL_MODIFY);
		mi_aftercare_doc *doc = tv_build(tpl, v);
		for (size_t s = 0; s < doc->section_count; s++) {
			if (strcmp(doc->sections[s].heading, "Because of what you told us") != 0)
				continue;
			for (size_t b = 0; b < doc->sections[s].block_count; b++)
				if (strncmp(doc->sections[s].blocks[b].text, "You told us ", 12) != 0)
					fail_msg("with flag %s: \"%s\"", flag_items[i].rule,
						 doc->sections[s].blocks[b].text);
		}
		assert_false(mi_aftercare_doc_contains(doc, "You have"));
		assert_false(mi_aftercare_doc_contains(doc, "You bruise"));
		mi_aftercare_doc_free(doc);
		mi_visit_free(v);
	}
	mi_aftercare_template_free(tpl);
}

/* An urgent visit: a short sheet that says where to go now, without the
 * body map, the pain chart, the areas worked or the follow-up plan. */
static void build_with_urgent_outcome_gives_the_short_sheet_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	static const char *const emergency[] = {"bladder_bowel_change", "saddle_numbness",
						"bilateral_leg_symptoms", "progressive_weakness",
						"trauma_with_nerve_signs"};
	for (size_t i = 0; i <= 5; i++) {
		mi_visit *v = tv_returning(); /* a trend, session notes, areas worked */
		tv_flag(v, i < 5 ? emergency[i] : "fever", MI_LEVEL_URGENT);
		mi_aftercare_doc *doc = tv_build(tpl, v);
		assert_non_null(strstr(doc->title, "please get medical help now"));
		if (i < 5) {
			assert_true(mi_aftercare_doc_contains(doc, "Go to an emergency department (A&E) now"));
			assert_false(mi_aftercare_doc_contains(doc, "See a doctor today"));
		} else {
			assert_true(mi_aftercare_doc_contains(doc, "See a doctor today"));
			assert_false(mi_aftercare_doc_contains(doc, "Go to an emergency department"));
		}
		assert_true(mi_aftercare_doc_contains(doc, "What you told us"));
		assert_true(mi_aftercare_doc_contains(doc, "We did not start the massage"));
		assert_false(mi_aftercare_doc_contains(doc, "Today we worked on"));
		assert_false(mi_aftercare_doc_contains(doc, "48–72 hours"));
		assert_false(mi_aftercare_doc_contains(doc, "What is normal afterwards"));
		assert_false(mi_aftercare_doc_contains(doc, "weekly or every two weeks"));
		assert_false(mi_aftercare_doc_contains(doc, "Your pain score"));
		for (int r = 0; r < MI_BODY_REGION_COUNT; r++)
			assert_false(doc->worked[r]);
		assert_int_equal(doc->trend_count, 0);
		mi_aftercare_doc_free(doc);
		mi_visit_free(v);
	}
	mi_aftercare_template_free(tpl);
}

static void to_text_with_urgent_outcome_matches_golden_succeeds(void **state)
{
	(void)state;
	mi_visit *v = tv_first_visit();
	tv_flag(v, "bladder_bowel_change", MI_LEVEL_URGENT);
	tv_flag(v, "bilateral_leg_symptoms", MI_LEVEL_URGENT);
	check_golden(v, "urgent");
}

static void build_with_refer_outcome_skips_series_advice_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *v = tv_first_visit();
	tv_flag(v, "night_pain", MI_LEVEL_REFER);
	mi_aftercare_doc *doc = tv_build(tpl, v);
	assert_true(mi_aftercare_doc_contains(doc, "We did not do deep tissue work today"));
	assert_false(mi_aftercare_doc_contains(doc, "weekly or every two weeks"));
	assert_true(mi_aftercare_doc_contains(doc, "36 hours"));
	assert_true(mi_aftercare_doc_contains(doc, "Call your doctor"));
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
}

static void build_with_control_characters_sanitizes_them_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *v = tv_first_visit();
	free(v->client_name);
	v->client_name = tv_dup("Eve\x1b]2;owned\x07 \xe2\x80\xae" "Evil");
	free(v->aftercare_notes);
	v->aftercare_notes = tv_dup("line one\r\nline\ttwo\x7f\n");
	mi_aftercare_doc *doc = tv_build(tpl, v);
	char *text = mi_aftercare_to_text(doc);
	assert_plain_lines(text);
	assert_null(strchr(text, '\x1b'));
	assert_null(strstr(text, "\xe2\x80\xae"));
	assert_non_null(strstr(text, "Aftercare for Eve\xef\xbf\xbd]2;owned"));
	free(text);
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
}

static void build_with_typed_full_stop_keeps_one_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *v = tv_returning();
	free(v->goals_other);
	v->goals_other = tv_dup("walk the dog daily.");
	mi_aftercare_doc *doc = tv_build(tpl, v);
	assert_true(mi_aftercare_doc_contains(doc, "reduce muscle spasm, walk the dog daily.\0"));
	assert_false(mi_aftercare_doc_contains(doc, "daily.."));
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
}

static void to_text_with_long_and_wide_text_fits_80_columns_succeeds(void **state)
{
	(void)state;
	mi_aftercare_template *tpl = tv_template();
	mi_visit *v = tv_returning();
	free(v->client_name);
	/* Chinese text has no spaces: it must still be broken to fit. */
	v->client_name = tv_dup("王小明王小明王小明王小明王小明王小明王小明王小明王小明王小明"
				"王小明王小明王小明王小明");
	free(v->aftercare_notes);
	char notes[1200] = "";
	for (int i = 0; i < 30; i++)
		strcat(notes, "stretch ");
	strcat(notes, "\n\nhttps://example.org/a-very-long-address-that-cannot-be-broken-at-"
		      "a-space-because-it-has-none-at-all-and-goes-on-and-on");
	v->aftercare_notes = tv_dup(notes);
	mi_aftercare_doc *doc = tv_build(tpl, v);
	char *text = mi_aftercare_to_text(doc);
	assert_plain_lines(text);
	assert_non_null(strstr(text, "\n\nhttps://example.org/"));
	free(text);
	mi_aftercare_doc_free(doc);
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
}

static void wrap_with_prefixes_breaks_at_spaces_succeeds(void **state)
{
	(void)state;
	char *w = mi_aftercare_wrap("one two three  four", 9, "- ", "  ");
	assert_string_equal(w, "- one two\n  three\n  four\n");
	free(w);
	w = mi_aftercare_wrap("ελληνικά και 中文字符", 8, "", "");
	assert_string_equal(w, "ελληνικά\nκαι\n中文字符\n");
	free(w);
	w = mi_aftercare_wrap("abcdefghij", 4, "", "");
	assert_string_equal(w, "abcd\nefgh\nij\n");
	free(w);
}

static void build_without_a_title_that_fills_fails(void **state)
{
	(void)state;
	char *path = temp_file("title: For {name}\nmap-caption: M\nchart-caption: C\n"
			       "overflow: O\nsection: S\npara: p\n");
	mi_aftercare_template *tpl = NULL;
	mi_error err;
	assert_int_equal(mi_aftercare_template_load(path, &tpl, &err), MI_OK);
	mi_visit *v = tv_visit(3, NULL, "2026-11-23", "{}");
	mi_aftercare_doc *doc = NULL;
	assert_int_equal(mi_aftercare_build(tpl, v, &doc, &err), MI_EDATA);
	assert_null(doc);
	assert_non_null(strstr(err.message, "title"));
	mi_visit_free(v);
	mi_aftercare_template_free(tpl);
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(template_load_with_shipped_file_succeeds),
		cmocka_unit_test(template_load_with_missing_file_fails),
		cmocka_unit_test(template_load_with_broken_lines_fails),
		cmocka_unit_test(template_load_with_tabs_and_continuations_succeeds),
		cmocka_unit_test(template_with_flag_conditions_names_known_rules_succeeds),
		cmocka_unit_test(to_text_with_first_visit_matches_golden_succeeds),
		cmocka_unit_test(to_text_with_blood_thinner_matches_golden_succeeds),
		cmocka_unit_test(to_text_with_returning_client_matches_golden_succeeds),
		cmocka_unit_test(build_with_each_flag_shows_its_item_exactly_then_succeeds),
		cmocka_unit_test(build_never_shows_therapist_notes_succeeds),
		cmocka_unit_test(build_with_neck_work_mentions_headache_succeeds),
		cmocka_unit_test(build_with_first_or_returning_visit_plans_follow_up_succeeds),
		cmocka_unit_test(build_with_rising_pain_says_so_succeeds),
		cmocka_unit_test(build_with_refer_outcome_skips_series_advice_succeeds),
		cmocka_unit_test(build_with_each_flag_says_what_the_client_told_us_succeeds),
		cmocka_unit_test(build_with_urgent_outcome_gives_the_short_sheet_succeeds),
		cmocka_unit_test(to_text_with_urgent_outcome_matches_golden_succeeds),
		cmocka_unit_test(build_with_control_characters_sanitizes_them_succeeds),
		cmocka_unit_test(build_with_typed_full_stop_keeps_one_succeeds),
		cmocka_unit_test(to_text_with_long_and_wide_text_fits_80_columns_succeeds),
		cmocka_unit_test(wrap_with_prefixes_breaks_at_spaces_succeeds),
		cmocka_unit_test(build_without_a_title_that_fills_fails),
	};
	return cmocka_run_group_tests_name("aftercare", tests, tiu_install_shipped, tiu_free_shipped);
}
