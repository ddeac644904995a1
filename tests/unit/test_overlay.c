/* test_overlay.c - per-language overlays of the data files: reading them,
 * looking words up by id and fingerprint, checking them against the
 * English, and putting them in the intake and on the aftercare sheet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/aftercare.h"
#include "mi/intake.h"
#include "mi/overlay.h"
#include "mi/pot.h"

static mi_overlay *parse_ok(const char *text)
{
	mi_overlay *o = NULL;
	mi_error err = {0};
	if (mi_overlay_parse(text, strlen(text), "es/rules.conf", &o, &err) != MI_OK)
		fail_msg("%s", err.message);
	return o;
}

/* The fingerprint of a one-field entry, as the English side makes it. */
static void fingerprint_of(const char *kind, const char *id, const char *field, const char *text,
			   char out[MI_OVERLAY_FINGERPRINT_SIZE])
{
	mi_overlay_source *s = mi_overlay_source_new();
	assert_true(mi_overlay_source_add(s, kind, id, field, text));
	mi_overlay_source_fingerprint(s, kind, id, out);
	mi_overlay_source_free(s);
}

/* An overlay translating [rule fever] message = english into words. */
static mi_overlay *fever_overlay(const char *english, const char *words)
{
	char fp[MI_OVERLAY_FINGERPRINT_SIZE], text[512];
	fingerprint_of("rule", "fever", "message", english, fp);
	snprintf(text, sizeof text, "language = es\n\n[rule fever]\nsource = %s\nmessage = %s\n", fp,
		 words);
	return parse_ok(text);
}

static void overlay_lookup_with_current_source_succeeds(void **state)
{
	(void)state;
	mi_overlay *o = fever_overlay("You have a fever.", "Tiene fiebre.");
	assert_string_equal(mi_overlay_text(o, "rule", "fever", "message", "You have a fever."),
			    "Tiene fiebre.");
	/* Another id, another field, no overlay: the English. */
	assert_string_equal(mi_overlay_text(o, "rule", "chills", "message", "Chills."), "Chills.");
	assert_string_equal(mi_overlay_text(o, "rule", "fever", "note", "A note."), "A note.");
	assert_string_equal(mi_overlay_text(NULL, "rule", "fever", "message", "You have a fever."),
			    "You have a fever.");
	mi_overlay_free(o);
}

static void overlay_lookup_with_changed_english_fails(void **state)
{
	(void)state;
	mi_overlay *o = fever_overlay("You have a fever.", "Tiene fiebre.");
	/* The clinic reworded the English: the old Spanish is not shown. */
	assert_string_equal(mi_overlay_text(o, "rule", "fever", "message", "You feel feverish."),
			    "You feel feverish.");
	char fp[MI_OVERLAY_FINGERPRINT_SIZE];
	fingerprint_of("rule", "fever", "message", "You feel feverish.", fp);
	assert_null(mi_overlay_find(o, "rule", "fever", "message", fp));
	mi_overlay_free(o);
}

/* A broken file is refused with FILE:LINE and the reason. */
static void expect_refused(const char *text, const char *message)
{
	mi_overlay *o = NULL;
	mi_error err = {0};
	assert_int_equal(mi_overlay_parse(text, strlen(text), "es/rules.conf", &o, &err), MI_EDATA);
	assert_null(o);
	if (!strstr(err.message, message))
		fail_msg("\"%s\" lacks \"%s\"", err.message, message);
}

static void overlay_parse_with_broken_lines_fails(void **state)
{
	(void)state;
	expect_refused("message = Hola\n", "es/rules.conf:1: \"message\" comes before any");
	expect_refused("[rule fever]\nmessage = Hola\n", "es/rules.conf:1: [rule fever] needs its source");
	expect_refused("[rule fever]\nsource = 1\n[rule chills]\nmessage = Frío\n",
		       "es/rules.conf:3: [rule chills] needs its source");
	expect_refused("[rule fever]\nsource = 1\n\n[rule fever]\nsource = 1\n",
		       "es/rules.conf:4: [rule fever] is given twice");
	expect_refused("[rule fever]\nsource = 1\nmessage = a\nmessage = b\n",
		       "es/rules.conf:4: message is given twice");
	expect_refused("[question onset]\nsource = 1\nnot a setting\n",
		       "es/rules.conf:3: expected \"name = words\"");
	expect_refused("[rule fever]\nsource = 1\nmessage = \x01\n", "es/rules.conf:3");
}

typedef struct seen {
	char lines[8][160];
	size_t count;
} seen;

static void remember(void *context, mi_overlay_problem problem, const char *kind, const char *id,
		     const char *field, size_t line)
{
	seen *s = context;
	static const char *const names[] = {"missing", "stale", "no longer"};
	if (s->count < 8)
		snprintf(s->lines[s->count++], sizeof s->lines[0], "%s %s %s %s %zu", names[problem],
			 kind, id, field ? field : "-", line);
}

static void overlay_check_lists_every_problem_succeeds(void **state)
{
	(void)state;
	mi_overlay_source *src = mi_overlay_source_new();
	assert_true(mi_overlay_source_add(src, "rule", "fever", "message", "Fever."));
	assert_true(mi_overlay_source_add(src, "rule", "chills", "message", "Chills."));
	assert_true(mi_overlay_source_add(src, "question", "onset", "text", "How did it start?"));
	assert_true(mi_overlay_source_add(src, "question", "onset", "option sudden", "Suddenly"));
	assert_true(mi_overlay_source_add(src, "question", "pain", "text", "Pain?"));
	char fever[MI_OVERLAY_FINGERPRINT_SIZE], onset[MI_OVERLAY_FINGERPRINT_SIZE];
	mi_overlay_source_fingerprint(src, "rule", "fever", fever);
	mi_overlay_source_fingerprint(src, "question", "onset", onset);
	char text[1024];
	snprintf(text, sizeof text,
		 "[rule fever]\nsource = %s\nmessage = Fiebre.\n"              /* 1: complete */
		 "[question onset]\nsource = %s\ntext = ¿Cómo empezó?\n"      /* 4: lacks its option */
		 "option gradual = Poco a poco\n"                              /* 7: no such field */
		 "[question pain]\nsource = 0000000000000000\ntext = ¿Dolor?\n" /* 8: stale */
		 "[rule gone]\nsource = 1\nmessage = Ya no.\n",                /* 11: no such entry */
		 fever, onset);
	mi_overlay *o = parse_ok(text);
	seen s = {0};
	assert_int_equal(mi_overlay_check(o, src, remember, &s), 5);
	assert_string_equal(s.lines[0], "missing rule chills - 0");
	assert_string_equal(s.lines[1], "missing question onset option sudden 4");
	assert_string_equal(s.lines[2], "no longer question onset option gradual 7");
	assert_string_equal(s.lines[3], "stale question pain - 8");
	assert_string_equal(s.lines[4], "no longer rule gone - 11");
	/* No overlay at all: every entry is missing. */
	s.count = 0;
	assert_int_equal(mi_overlay_check(NULL, src, remember, &s), 4);
	/* The template gives back what is translated and marks the rest. */
	char *tpl = mi_overlay_template(o, src, "es", "rules.conf");
	assert_non_null(strstr(tpl, "[rule fever]\nsource = "));
	assert_non_null(strstr(tpl, "message = Fiebre.\n"));
	assert_non_null(strstr(tpl, "# TRANSLATE\nmessage = Chills.\n"));
	assert_non_null(strstr(tpl, "# TRANSLATE\ntext = Pain?\n"));
	mi_overlay *back = parse_ok(tpl);
	s.count = 0;
	/* Read back, only what was left in English remains to do. */
	assert_int_equal(mi_overlay_check(back, src, remember, &s), 0);
	mi_overlay_free(back);
	free(tpl);
	mi_overlay_free(o);
	mi_overlay_source_free(src);
}

static const char intake_text[] =
	"version = test-1\n"
	"[question client.name]\n"
	"group = About you\nkind = text\nlabel = Name\ntext = Your name?\nhelp = Type it.\n"
	"[question client.birth_date]\n"
	"group = About you\nkind = date\nlabel = Born\ntext = Born on?\nhelp = YYYY-MM-DD.\n"
	"[question onset]\n"
	"group = Pain\nkind = choice\nlabel = Onset\ntext = How did it start?\nhelp = Pick one.\n"
	"option gradual = Slowly\noption sudden = Suddenly\noption injury = After an injury\n"
	"[question consent]\n"
	"group = Consent\nkind = consent\nlabel = Consent\ntext = Sign here.\nhelp = Your name.\n"
	"[session_technique friction]\nlabel = friction\n";

static void intake_use_words_then_english_again_succeeds(void **state)
{
	(void)state;
	mi_intake *intake = NULL;
	mi_error err = {0};
	assert_int_equal(mi_intake_parse(intake_text, strlen(intake_text), "intake.conf", &intake, &err),
			 MI_OK);
	mi_overlay_source *src = mi_overlay_source_new();
	assert_true(mi_intake_source(intake, src));
	char onset[MI_OVERLAY_FINGERPRINT_SIZE], friction[MI_OVERLAY_FINGERPRINT_SIZE];
	mi_overlay_source_fingerprint(src, "question", "onset", onset);
	mi_overlay_source_fingerprint(src, "session_technique", "friction", friction);
	char text[1024];
	/* onset lacks its help and one option: those stay English. */
	snprintf(text, sizeof text,
		 "[question onset]\nsource = %s\ngroup = Dolor\nlabel = Inicio\n"
		 "text = ¿Cómo empezó?\noption gradual = Poco a poco\noption sudden = De repente\n"
		 "[session_technique friction]\nsource = %s\nlabel = fricción\n",
		 onset, friction);
	mi_overlay *o = parse_ok(text);
	size_t n = 0;
	const mi_ui_question *q = mi_intake_questions(intake, &n);
	assert_int_equal(n, 4);
	mi_intake_use_words(intake, o);
	assert_string_equal(q[2].text, "¿Cómo empezó?");
	assert_string_equal(q[2].group, "Dolor");
	assert_string_equal(q[2].help, "Pick one.");
	assert_string_equal(q[2].labels[0], "Poco a poco");
	assert_string_equal(q[2].labels[2], "After an injury");
	assert_string_equal(q[0].text, "Your name?");
	size_t t = 0;
	assert_string_equal(mi_intake_session_techniques(intake, &t)[0].label, "fricción");
	/* The source is still the English, whatever is shown. */
	mi_overlay_source *again = mi_overlay_source_new();
	assert_true(mi_intake_source(intake, again));
	char still[MI_OVERLAY_FINGERPRINT_SIZE];
	mi_overlay_source_fingerprint(again, "question", "onset", still);
	assert_string_equal(still, onset);
	mi_intake_use_words(intake, NULL);
	assert_string_equal(q[2].text, "How did it start?");
	assert_string_equal(q[2].labels[0], "Slowly");
	assert_string_equal(mi_intake_session_techniques(intake, &t)[0].label, "friction");
	mi_overlay_source_free(again);
	mi_overlay_source_free(src);
	mi_intake_free(intake); /* before the overlay whose words it may show */
	mi_overlay_free(o);
}

static void aftercare_source_ids_and_placeholders_succeeds(void **state)
{
	(void)state;
	static const char tpl_text[] = "title: Aftercare for {name}\n"
				       "title: Your aftercare\n"
				       "map-caption: Areas worked\n"
				       "chart-caption: Pain\n"
				       "overflow: Shortened.\n"
				       "section: Looking after yourself\n"
				       "bullet: Drink water.\n";
	char path[] = "/tmp/mi-overlay-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(tpl_text, f);
	fclose(f);
	mi_aftercare_template *tpl = NULL;
	mi_error err = {0};
	if (mi_aftercare_template_load(path, &tpl, &err) != MI_OK)
		fail_msg("%s", err.message);
	remove(path);
	mi_overlay_source *src = mi_overlay_source_new();
	assert_true(mi_aftercare_template_source(tpl, src));
	char title1[MI_OVERLAY_FINGERPRINT_SIZE], map[MI_OVERLAY_FINGERPRINT_SIZE],
		bullet[MI_OVERLAY_FINGERPRINT_SIZE];
	mi_overlay_source_fingerprint(src, "line", "title_1", title1);
	mi_overlay_source_fingerprint(src, "line", "map_caption_1", map);
	mi_overlay_source_fingerprint(src, "line", "bullet_1", bullet);
	assert_int_not_equal(title1[0], '\0');
	assert_int_not_equal(map[0], '\0');
	char text[1024];
	/* A misspelt placeholder in the translation: the English line is used. */
	snprintf(text, sizeof text,
		 "[line title_1]\nsource = %s\ntext = Cuidados para {nombre}\n"
		 "[line bullet_1]\nsource = %s\ntext = Beba agua.\n",
		 title1, bullet);
	mi_overlay *o = parse_ok(text);
	mi_visit visit = {.id = 1, .client_name = "Ana", .date = {2026, 11, 23}, .complete = true};
	mi_aftercare_doc *doc = NULL;
	assert_int_equal(mi_aftercare_build_in(tpl, o, &visit, &doc, &err), MI_OK);
	assert_string_equal(doc->title, "Aftercare for Ana");
	assert_true(mi_aftercare_doc_contains(doc, "Beba agua."));
	assert_false(mi_aftercare_doc_contains(doc, "Drink water."));
	mi_aftercare_doc_free(doc);
	mi_overlay_free(o);
	mi_overlay_source_free(src);
	mi_aftercare_template_free(tpl);
}

typedef struct messages {
	char text[512];
} messages;

static void collect(void *context, const char *msgctxt, const char *msgid)
{
	messages *m = context;
	size_t used = strlen(m->text);
	snprintf(m->text + used, sizeof m->text - used, "[%s|%s]", msgctxt ? msgctxt : "", msgid);
}

static void pot_parse_reads_contexts_and_continued_lines_succeeds(void **state)
{
	(void)state;
	static const char pot[] = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain\\n\"\n\n"
				  "#, c-format\nmsgid \"Call us on %s.\"\nmsgstr \"\"\n\n"
				  "msgctxt \"answer\"\nmsgid \"Yes\"\nmsgstr \"\"\n\n"
				  "msgid \"\"\n\"A long \\\"quoted\\\" \"\n\"line\"\nmsgstr \"\"\n\n"
				  "msgid \"%d minute\"\nmsgid_plural \"%d minutes\"\n"
				  "msgstr[0] \"\"\nmsgstr[1] \"\"\n";
	messages m = {0};
	mi_error err = {0};
	assert_int_equal(mi_pot_parse(pot, strlen(pot), "t.pot", collect, &m, &err), MI_OK);
	assert_string_equal(m.text,
			    "[|Call us on %s.][answer|Yes][|A long \"quoted\" line][|%d minute]");
	static const char bad[] = "msgid \"ok\"\nmsgstr \"\"\nnonsense\n";
	assert_int_equal(mi_pot_parse(bad, strlen(bad), "t.pot", collect, &m, &err), MI_EDATA);
	assert_string_equal(err.message, "t.pot:3: not a line of a gettext template.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(overlay_lookup_with_current_source_succeeds),
		cmocka_unit_test(overlay_lookup_with_changed_english_fails),
		cmocka_unit_test(overlay_parse_with_broken_lines_fails),
		cmocka_unit_test(overlay_check_lists_every_problem_succeeds),
		cmocka_unit_test(intake_use_words_then_english_again_succeeds),
		cmocka_unit_test(aftercare_source_ids_and_placeholders_succeeds),
		cmocka_unit_test(pot_parse_reads_contexts_and_continued_lines_succeeds),
	};
	return cmocka_run_group_tests_name("overlay", tests, NULL, NULL);
}
