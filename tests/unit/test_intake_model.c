/* test_intake_model.c - the intake questions file (data/intake.conf): the
 * shipped file, a clinic's own question, and every refusal with FILE:LINE. */
#define _GNU_SOURCE /* asprintf */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/answers.h"
#include "mi/followup.h"
#include "mi/intake.h"
#include "mi/rules.h"
#include "mi/vocab.h"

/* A small good file: its lines are numbered for the refusals below. */
static const char good[] =
	"version = test-1\n"                          /* 1 */
	"[question client.name]\n"                    /* 2 */
	"group = About you\nkind = text\nlabel = Name\ntext = Your name?\nhelp = Type it.\n"
	"[question client.birth_date]\n"              /* 8 */
	"group = About you\nkind = date\nlabel = Born\ntext = Born on?\nhelp = YYYY-MM-DD.\n"
	"[question leg_symptoms]\n"                   /* 14 */
	"group = Legs\nkind = multi\nlabel = Legs\ntext = Any of these?\nhelp = Tick.\n"
	"option pain_above_knee = Above the knee\n"   /* 20 */
	"option pain_below_knee = Below the knee\n"
	"option numbness_tingling = Numbness\n"
	"option weakness = Weakness\n"
	"[question leg_symptoms_both_sides]\n"        /* 24 */
	"group = Legs\nkind = yesno\nlabel = Both\ntext = Both legs?\nhelp = Yes or no.\n"
	"asked_when = leg_symptoms has any (pain_above_knee, weakness)\n" /* 30 */
	"[question pacemaker]\n"                      /* 31 */
	"group = Health\nkind = yesno\nlabel = Pacemaker\ntext = Do you have a pacemaker?\n"
	"help = A device that keeps your heart beating regularly.\n"
	"[question fever]\n"                          /* 37 */
	"group = Health\nkind = yesno\nlabel = Fever\ntext = Fever today?\nhelp = Yes or no.\n"
	"[question consent]\n"                        /* 43 */
	"group = Consent\nkind = consent\nlabel = Consent\ntext = Sign here.\nhelp = Your name.\n";

static mi_intake *parse_ok(const char *text)
{
	mi_intake *intake = NULL;
	mi_error err = {0};
	if (mi_intake_parse(text, strlen(text), "intake.conf", &intake, &err) != MI_OK)
		fail_msg("%s", err.message);
	return intake;
}

/* base with the first occurrence of from replaced by to (caller frees). */
static char *edited_from(const char *base, const char *from, const char *to)
{
	const char *at = strstr(base, from);
	if (!at)
		fail_msg("the file has no \"%s\"", from);
	char *out = NULL;
	assert_true(asprintf(&out, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from)) > 0);
	return out;
}

/* good with the first occurrence of from replaced by to. */
static char *edited(const char *from, const char *to)
{
	return edited_from(good, from, to);
}

/* An edit of a good file and the refusal it must get. */
typedef struct refusal {
	const char *from, *to, *expected;
} refusal;

/* Parses base with each case's edit: refused with the expected words. */
static void expect_refusals(const char *base, const refusal *cases, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		char *text = edited_from(base, cases[i].from, cases[i].to);
		mi_intake *intake = NULL;
		mi_error err = {0};
		mi_status st = mi_intake_parse(text, strlen(text), "intake.conf", &intake, &err);
		if (st != MI_EDATA || !strstr(err.message, cases[i].expected))
			fail_msg("case %zu: got %d \"%s\", expected \"%s\"", i, st, err.message,
				 cases[i].expected);
		assert_null(intake);
		free(text);
	}
}

static void parse_with_good_file_succeeds(void **state)
{
	(void)state;
	mi_intake *intake = parse_ok(good);
	size_t n = 0;
	const mi_ui_question *q = mi_intake_questions(intake, &n);
	assert_int_equal(n, 7);
	assert_string_equal(q[2].key, "leg_symptoms");
	assert_int_equal(q[2].kind, MI_Q_MULTI);
	assert_string_equal(q[2].labels[3], "Weakness");
	assert_true(q[3].follow_up);
	assert_false(q[4].prefill); /* asked fresh unless the file says prefill = yes */
	assert_false(q[4].follow_up);
	assert_string_equal(mi_intake_version(intake), "test-1");
	assert_int_equal(strlen(mi_intake_fingerprint(intake)), strlen("blake2b:") + 64);
	assert_int_equal(strncmp(mi_intake_fingerprint(intake), "blake2b:", 8), 0);

	/* The fingerprint follows the bytes: one changed word changes it. */
	char *reworded = edited("Fever today?", "A fever today?");
	mi_intake *other = parse_ok(reworded);
	assert_string_not_equal(mi_intake_fingerprint(intake), mi_intake_fingerprint(other));
	mi_intake_free(other);
	free(reworded);
	char *stable = edited("help = A device that keeps your heart beating regularly.\n",
			      "help = A device that keeps your heart beating regularly.\nprefill = yes\n");
	other = parse_ok(stable);
	assert_true(mi_intake_questions(other, &n)[4].prefill);
	mi_intake_free(other);
	free(stable);

	/* The follow-up is the file's asked_when, in the rules' language. */
	mi_answers *a = mi_answers_new();
	mi_error err;
	mi_date today = {2026, 12, 3};
	assert_false(mi_intake_asks(intake, "leg_symptoms_both_sides", a, today));
	const char *numb[] = {"numbness_tingling"}, *weak[] = {"weakness"};
	assert_int_equal(mi_answers_set_list(a, "leg_symptoms", numb, 1, &err), MI_OK);
	assert_false(mi_intake_asks(intake, "leg_symptoms_both_sides", a, today));
	assert_int_equal(mi_answers_set_list(a, "leg_symptoms", weak, 1, &err), MI_OK);
	assert_true(mi_intake_asks(intake, "leg_symptoms_both_sides", a, today));
	assert_true(mi_intake_asks(intake, "fever", a, today));
	mi_answers_free(a);
	mi_intake_free(intake);
}

static void install_with_own_question_adds_an_answer_key_succeeds(void **state)
{
	(void)state;
	static const char doc[] = "{\"pacemaker\": true, \"fever\": false}";
	mi_answers *a = NULL;
	mi_error err;
	assert_int_equal(mi_answers_parse(doc, strlen(doc), &a, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "unknown key \"pacemaker\""));

	mi_intake *intake = parse_ok(good);
	mi_intake_install(intake);
	assert_ptr_equal(mi_intake_installed(), intake);
	size_t n = 0;
	assert_non_null(mi_ui_questions(&n));
	assert_int_equal(n, 7);
	assert_int_equal(mi_answers_parse(doc, strlen(doc), &a, &err), MI_OK);
	bool yes = false;
	assert_true(mi_answers_get_bool(a, "pacemaker", &yes) && yes);
	/* A clinic's keys come after the SPEC keys, so SPEC output keeps its order. */
	char *json = mi_answers_to_json(a, false);
	assert_string_equal(json, "{\"fever\":false,\"pacemaker\":true}");
	free(json);
	mi_answers_free(a);

	/* Rules may read it. */
	static const char rules_text[] =
		"version = r\n[rule pacemaker]\nlevel = modify\nwhen = pacemaker\nmessage = m\n"
		"note = n\nsource = s\n";
	mi_rulefile *rules = NULL;
	assert_int_equal(mi_rulefile_parse(rules_text, strlen(rules_text), "rules.conf", NULL, &rules,
					   &err),
			 MI_OK);
	assert_int_equal(mi_intake_check_rules(intake, rules, &err), MI_OK);
	mi_rulefile_free(rules);

	mi_intake_free(intake);
	assert_null(mi_intake_installed());
	assert_int_equal(mi_answers_parse(doc, strlen(doc), &a, &err), MI_EDATA);
}

static void parse_with_broken_file_fails_with_file_and_line(void **state)
{
	(void)state;
	static const refusal cases[] = {
		{"version = test-1\n", "", "intake.conf:1: the file has no \"version = ...\" line"},
		{"version = test-1\n", "version = test-1\ncolour = red\n",
		 "intake.conf:2: expected version = ... before the first [question]"},
		{"[question fever]", "[section fever]", "intake.conf:37: unknown section kind \"section\""},
		{"[question fever]", "[question client.name]", "intake.conf:37: a second [question client.name]"},
		{"kind = yesno\nlabel = Fever", "kind = maybe\nlabel = Fever", "intake.conf:39: unknown kind \"maybe\""},
		{"kind = yesno\nlabel = Fever", "kind = choice\nlabel = Fever",
		 "intake.conf:39: fever cannot be asked as a choice question"},
		{"label = Fever\n", "", "intake.conf:37: [question fever] has no label"},
		{"text = Fever today?\n", "text = Fever today?\ncolour = red\n",
		 "intake.conf:42: unknown setting \"colour\""},
		{"option weakness = Weakness\n", "",
		 "intake.conf:14: [question leg_symptoms] has no option line for weakness"},
		{"option numbness_tingling", "option tingling",
		 "intake.conf:22: option tingling: the options of leg_symptoms are its values"},
		{"option weakness = Weakness", "option weakness =", "intake.conf:23: the option weakness has no words"},
		{"option weakness = Weakness", "weakness: Weakness",
		 "intake.conf:23: expected KEY = VALUE or \"option VALUE = words\""},
		{"leg_symptoms has any (pain_above_knee, weakness)", "leg_symptoms has numbness",
		 "intake.conf:30: in the asked_when of leg_symptoms_both_sides: \"numbness\" is not a value of leg_symptoms"},
		{"leg_symptoms has any (pain_above_knee, weakness)", "fever",
		 "intake.conf:30: the asked_when of leg_symptoms_both_sides reads fever, which is not asked before it"},
		{"leg_symptoms has any (pain_above_knee, weakness)", "medication_class has nsaid",
		 "intake.conf:30: in the asked_when of leg_symptoms_both_sides: medication_class cannot be used here"},
		{"kind = yesno\nlabel = Pacemaker", "kind = date\nlabel = Pacemaker",
		 "intake.conf:33: a question of the clinic's own can be yesno, number, scale, choice, multi or text"},
		{"[question pacemaker]", "[question and]", "intake.conf:31: \"and\" cannot be a question of the clinic's own"},
		{"kind = yesno\nlabel = Pacemaker", "kind = number\nlabel = Pacemaker",
		 "intake.conf:31: [question pacemaker] needs min and max"},
		{"[question consent]\ngroup = Consent\nkind = consent\nlabel = Consent\ntext = Sign here.\nhelp = Your name.\n",
		 "", "intake.conf:42: there is no [question consent]; every intake asks it"},
		{"help = Type it.\n", "help = Type it.\nprefill = yes\n",
		 "intake.conf:2: [question client.name]: prefill is not for the name, the birth date or "
		 "the consent"},
		{"help = Your name.\n", "help = Your name.\nprefill = yes\n",
		 "intake.conf:43: [question consent]: prefill is not for"},
		{"help = Yes or no.\n", "help = Yes or no.\nprefill = maybe\n",
		 "intake.conf:30: prefill must be yes or no"},
		{"help = Yes or no.\n", "help = Yes or no.\nprefill = yes\nprefill = no\n",
		 "intake.conf:31: a second \"prefill\" in [question leg_symptoms_both_sides]"},
	};
	expect_refusals(good, cases, sizeof cases / sizeof cases[0]);
}

/* The session sections, appended to good (its last line is 48). */
static const char session[] =
	"[session_area upper_back_shoulders]\n"       /* 49 */
	"label = upper back / shoulders\n"
	"regions = upper_back, shoulders\n"
	"[session_area neck]\n"                       /* 52 */
	"label = neck\n"
	"regions = neck\n"                            /* 54 */
	"[session_technique friction]\n"              /* 55 */
	"label = friction\n"
	"[followup_plan reassess]\n"                  /* 57 */
	"label = reassess at 48-72 h\n"
	"plan = reassess\n"                           /* 59 */
	"[followup_plan weekly]\n"                    /* 60 */
	"label = a series of 3, weekly\n"
	"plan = series:3:7\n";                        /* 62 */

/* good followed by session (caller frees). */
static char *with_session(void)
{
	char *out = NULL;
	assert_true(asprintf(&out, "%s%s", good, session) > 0);
	return out;
}

static void parse_with_session_sections_gives_the_vocabularies_succeeds(void **state)
{
	(void)state;
	assert_int_equal(mi_vocab_count(MI_VOCAB_AREA), 0); /* nothing installed */
	assert_string_equal(mi_vocab_label(MI_VOCAB_REGION, "upper_back"), "upper_back");
	char *text = with_session();
	mi_intake *intake = parse_ok(text);
	free(text);
	size_t count;
	const mi_intake_word *areas = mi_intake_session_areas(intake, &count);
	assert_int_equal(count, 2);
	assert_string_equal(areas[0].id, "upper_back_shoulders");
	assert_string_equal(areas[0].label, "upper back / shoulders");
	assert_int_equal(areas[0].regions, 1u << 1 | 1u << 2); /* shoulders, upper_back */
	assert_int_equal(areas[1].regions, 1u << 0);
	const mi_intake_word *techniques = mi_intake_session_techniques(intake, &count);
	assert_int_equal(count, 1);
	assert_string_equal(techniques[0].label, "friction");

	mi_intake_install(intake);
	assert_int_equal(mi_vocab_count(MI_VOCAB_AREA), 2);
	assert_true(mi_vocab_has(MI_VOCAB_TECHNIQUE, "friction"));
	assert_false(mi_vocab_has(MI_VOCAB_TECHNIQUE, "neck"));
	assert_string_equal(mi_vocab_label(MI_VOCAB_AREA, "upper_back_shoulders"),
			    "upper back / shoulders");
	assert_true(mi_vocab_area_covers("upper_back_shoulders", 1));
	assert_false(mi_vocab_area_covers("upper_back_shoulders", 0));
	assert_true(mi_vocab_area_covers("neck", 0));
	assert_string_equal(mi_vocab_label(MI_VOCAB_PRESSURE, "firm"), "firm");
	char ids[100];
	mi_vocab_ids(MI_VOCAB_PRESSURE, "or", ids, sizeof ids);
	assert_string_equal(ids, "light, medium or firm");
	mi_vocab_ids(MI_VOCAB_AREA, NULL, ids, sizeof ids);
	assert_string_equal(ids, "upper_back_shoulders, neck");
	/* The follow-up plans the desk offers, by id. */
	mi_vocab_ids(MI_VOCAB_PLAN, "or", ids, sizeof ids);
	assert_string_equal(ids, "reassess or weekly");
	assert_string_equal(mi_vocab_label(MI_VOCAB_PLAN, "weekly"), "a series of 3, weekly");
	assert_string_equal(mi_vocab_plan("weekly"), "series:3:7");
	assert_null(mi_vocab_plan("series:3:7"));
	mi_plan plan;
	mi_error err;
	assert_int_equal(mi_plan_choose("weekly", &plan, &err), MI_OK);
	assert_int_equal(plan.kind, MI_PLAN_SERIES);
	assert_int_equal(plan.sessions, 3);
	assert_int_equal(plan.days, 7);
	assert_string_equal(mi_plan_id(&plan), "weekly");
	assert_int_equal(mi_plan_choose("series:6:7", &plan, &err), MI_OK); /* any form too */
	assert_null(mi_plan_id(&plan));
	assert_int_equal(mi_plan_choose("none", &plan, &err), MI_OK);
	assert_string_equal(mi_plan_id(&plan), "none");
	assert_int_equal(mi_plan_choose("fortnightly", &plan, &err), MI_EDATA);
	assert_non_null(strstr(err.message, "(reassess or weekly)"));
	mi_intake_free(intake);
	assert_int_equal(mi_vocab_count(MI_VOCAB_TECHNIQUE), 0);
	assert_int_equal(mi_vocab_count(MI_VOCAB_PLAN), 0);
}

static void parse_with_broken_session_section_fails_with_file_and_line(void **state)
{
	(void)state;
	static const refusal cases[] = {
		{"regions = neck", "regions = neck, nape",
		 "intake.conf:54: unknown region \"nape\" for the area neck"},
		{"[session_area neck]", "[session_area upper_back_shoulders]",
		 "intake.conf:52: a second [session_area upper_back_shoulders]"},
		{"[session_technique friction]\nlabel = friction\n",
		 "[session_technique friction]\nlabel = friction\n[session_technique friction]\n",
		 "intake.conf:57: a second [session_technique friction]"},
		{"label = neck\n", "", "intake.conf:52: [session_area neck] has no label"},
		{"label = friction\n", "", "intake.conf:55: [session_technique friction] has no label"},
		{"label = neck\n", "label = neck\nlabel = nape\n", "intake.conf:54: a second \"label\""},
		{"regions = neck\n", "regions = neck\nregions = neck\n", "intake.conf:55: a second \"regions\""},
		{"label = friction\n", "label = friction\nregions = neck\n",
		 "intake.conf:57: unknown setting \"regions\" in a [session_technique] section"},
		{"[session_area neck]", "[session_area Neck]",
		 "intake.conf:52: a section kind and name use lower-case letters"},
		{"label = neck\n", "label = neck\nneck\n", "intake.conf:54: expected KEY = VALUE"},
		{"plan = series:3:7\n", "", "intake.conf:60: [followup_plan weekly] has no plan"},
		{"plan = series:3:7\n", "plan = series:1:7\n",
		 "intake.conf:62: [followup_plan weekly]: \"series:1:7\" is not a plan"},
		{"plan = reassess\n", "plan = none\n",
		 "intake.conf:59: [followup_plan reassess]: \"none\" is not a plan"},
		{"[followup_plan weekly]", "[followup_plan none]",
		 "intake.conf:60: [followup_plan none]: \"none\" is always offered"},
		{"plan = series:3:7\n", "plan = series:3:7\nplan = reassess\n",
		 "intake.conf:63: a second \"plan\""},
		{"plan = reassess\n", "plan = reassess\nregions = neck\n",
		 "intake.conf:60: unknown setting \"regions\" in a [followup_plan] section (expected "
		 "label or plan)"},
	};
	char *base = with_session();
	expect_refusals(base, cases, sizeof cases / sizeof cases[0]);
	free(base);
}

static void check_rules_with_dropped_or_hidden_question_fails(void **state)
{
	(void)state;
	static const char rules_text[] =
		"version = r\n[rule fever]\nlevel = refer\nwhen = fever\nmessage = m\nnote = n\nsource = s\n"
		"[rule both_legs]\nlevel = refer\nwhen = leg_symptoms_both_sides\nmessage = m\nnote = n\n"
		"source = s\n";
	mi_rulefile *rules = NULL;
	mi_error err;
	assert_int_equal(mi_rulefile_parse(rules_text, strlen(rules_text), "rules.conf", NULL, &rules,
					   &err),
			 MI_OK);
	mi_intake *intake = parse_ok(good);
	assert_int_equal(mi_intake_check_rules(intake, rules, &err), MI_OK);
	mi_intake_free(intake);

	/* Dropped: the file's last line, and the rule that reads it. */
	char *dropped = edited("[question fever]\ngroup = Health\nkind = yesno\nlabel = Fever\n"
			       "text = Fever today?\nhelp = Yes or no.\n",
			       "");
	intake = parse_ok(dropped);
	assert_int_equal(mi_intake_check_rules(intake, rules, &err), MI_EDATA);
	assert_string_equal(err.message,
			    "intake.conf:42: there is no question for fever, which the rule fever reads.");
	mi_intake_free(intake);
	free(dropped);

	/* Always hidden: its asked_when can never hold. */
	char *hidden = edited("leg_symptoms has any (pain_above_knee, weakness)",
			      "leg_symptoms has weakness and not leg_symptoms has weakness");
	intake = parse_ok(hidden);
	assert_int_equal(mi_intake_check_rules(intake, rules, &err), MI_EDATA);
	assert_string_equal(err.message,
			    "intake.conf:30: the asked_when of leg_symptoms_both_sides can never hold, so "
			    "leg_symptoms_both_sides is never asked, but the rule both_legs reads it.");
	mi_intake_free(intake);
	free(hidden);
	mi_rulefile_free(rules);
}

static void load_with_shipped_file_asks_every_spec_question_succeeds(void **state)
{
	(void)state;
	char path[4096];
	snprintf(path, sizeof path, "%s/intake.conf", getenv("MI_DATA_DIR"));
	mi_intake *intake = NULL;
	mi_error err;
	if (mi_intake_load(path, &intake, &err) != MI_OK)
		fail_msg("%s", err.message);
	size_t n = 0;
	const mi_ui_question *q = mi_intake_questions(intake, &n);
	assert_int_equal(n, 40);
	assert_string_equal(q[0].key, "client.name");
	assert_string_equal(q[n - 1].key, "consent");
	/* Every SPEC key but age (derived from the birth date) is asked. */
	for (const mi_answer_key *k = mi_answers_spec_schema(); k->name; k++) {
		if (strcmp(k->name, "age") == 0)
			continue;
		bool asked = false;
		size_t len = strlen(k->name);
		for (size_t i = 0; i < n; i++)
			asked |= strncmp(q[i].key, k->name, len) == 0 &&
				 (q[i].key[len] == '\0' || q[i].key[len] == '.');
		if (!asked)
			fail_msg("the shipped intake.conf does not ask %s", k->name);
	}
	mi_intake_free(intake);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_with_good_file_succeeds),
		cmocka_unit_test(install_with_own_question_adds_an_answer_key_succeeds),
		cmocka_unit_test(parse_with_broken_file_fails_with_file_and_line),
		cmocka_unit_test(parse_with_session_sections_gives_the_vocabularies_succeeds),
		cmocka_unit_test(parse_with_broken_session_section_fails_with_file_and_line),
		cmocka_unit_test(check_rules_with_dropped_or_hidden_question_fails),
		cmocka_unit_test(load_with_shipped_file_asks_every_spec_question_succeeds),
	};
	return cmocka_run_group_tests_name("intake_model", tests, NULL, NULL);
}
