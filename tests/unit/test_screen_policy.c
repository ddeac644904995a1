/* test_screen_policy.c - the SHIPPED rules (data/rules.conf and
 * data/medications.conf) against clinical-policy.md, one table row per case.
 *
 * Every case starts from an "all clear" intake (every safety question
 * answered with the harmless answer), changes a few answers, and states the
 * exact set of rules that must fire and the outcome. Each rule and each
 * threshold of the policy has a case on each side of it. To add a case, add
 * a row to `cases` (see tests/README.md, "Adding a screening case").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/answers.h"
#include "mi/screen.h"

static const mi_date today = {2026, 11, 23};

/* Every safety question answered with the answer that raises nothing. */
static const char all_clear[] =
	"{\"client\": {\"name\": \"Test Client\"}, \"age\": 40, \"pain_duration_weeks\": 20,"
	" \"onset\": \"gradual\", \"leg_symptoms\": [], \"leg_symptoms_both_sides\": false,"
	" \"weakness_worsening\": false, \"bladder_bowel_change\": false, \"saddle_numbness\": false,"
	" \"fever\": false, \"active_infection\": false, \"unexplained_weight_loss\": false,"
	" \"cancer_history\": false, \"night_pain\": false, \"recent_trauma\": false,"
	" \"osteoporosis\": \"none\", \"long_term_steroids\": false, \"medications\": [],"
	" \"bleeding_disorder\": false, \"easy_bruising\": false, \"dvt_history\": false,"
	" \"recent_surgery_weeks\": null, \"skin_condition\": false, \"blood_pressure\": \"normal\","
	" \"pregnant\": \"no\"}";

/* The policy's rules and levels (clinical-policy.md), which the shipped
 * file must hold exactly. */
static const struct {
	const char *id;
	mi_level level;
} policy[] = {
	{"bladder_bowel_change", MI_LEVEL_URGENT},   {"saddle_numbness", MI_LEVEL_URGENT},
	{"bilateral_leg_symptoms", MI_LEVEL_URGENT}, {"progressive_weakness", MI_LEVEL_URGENT},
	{"fever", MI_LEVEL_URGENT},                  {"trauma_with_nerve_signs", MI_LEVEL_URGENT},
	{"leg_weakness", MI_LEVEL_REFER},            {"recent_trauma", MI_LEVEL_REFER},
	{"possible_fracture", MI_LEVEL_REFER},       {"unexplained_weight_loss", MI_LEVEL_REFER},
	{"night_pain", MI_LEVEL_REFER},              {"possible_malignancy", MI_LEVEL_REFER},
	{"cancer_treatment", MI_LEVEL_REFER},        {"uncontrolled_blood_pressure", MI_LEVEL_REFER},
	{"active_infection", MI_LEVEL_REFER},        {"nerve_root_signs", MI_LEVEL_MODIFY},
	{"cancer_history", MI_LEVEL_MODIFY},         {"new_pain_over_50", MI_LEVEL_MODIFY},
	{"osteoporosis", MI_LEVEL_MODIFY},           {"severe_osteoporosis", MI_LEVEL_MODIFY},
	{"long_term_steroids", MI_LEVEL_MODIFY},     {"steroid_medicine", MI_LEVEL_MODIFY},
	{"anticoagulant", MI_LEVEL_MODIFY},
	{"antiplatelet", MI_LEVEL_MODIFY},           {"bleeding_disorder", MI_LEVEL_MODIFY},
	{"easy_bruising", MI_LEVEL_MODIFY},          {"dvt_history", MI_LEVEL_MODIFY},
	{"recent_surgery", MI_LEVEL_MODIFY},         {"skin_condition", MI_LEVEL_MODIFY},
	{"high_blood_pressure", MI_LEVEL_MODIFY},    {"pregnancy", MI_LEVEL_MODIFY},
};

enum { MAX_CHANGES = 6 };

/* One case: answers changed from all_clear (value NULL removes the key),
 * the outcome, and the rules that fire (space-separated, any order). */
typedef struct policy_case {
	const char *name;
	const char *change[MAX_CHANGES][2];
	mi_level outcome;
	const char *fires;
} policy_case;

#define P MI_LEVEL_PROCEED
#define M MI_LEVEL_MODIFY
#define R MI_LEVEL_REFER
#define U MI_LEVEL_URGENT

static const policy_case cases[] = {
	{"all clear", {{0}}, P, ""},

	/* urgent */
	{"bladder or bowel change", {{"bladder_bowel_change", "true"}}, U, "bladder_bowel_change"},
	{"saddle numbness", {{"saddle_numbness", "true"}}, U, "saddle_numbness"},
	{"both legs, pain below the knee",
	 {{"leg_symptoms", "[\"pain_below_knee\"]"}, {"leg_symptoms_both_sides", "true"}}, U,
	 "bilateral_leg_symptoms"},
	{"both legs, numbness",
	 {{"leg_symptoms", "[\"numbness_tingling\"]"}, {"leg_symptoms_both_sides", "true"}}, U,
	 "bilateral_leg_symptoms"},
	{"both legs, weakness", {{"leg_symptoms", "[\"weakness\"]"}, {"leg_symptoms_both_sides", "true"}},
	 U, "bilateral_leg_symptoms leg_weakness"},
	{"both legs, pain above the knee only",
	 {{"leg_symptoms", "[\"pain_above_knee\"]"}, {"leg_symptoms_both_sides", "true"}}, P, ""},
	{"both legs said yes but no leg symptom", {{"leg_symptoms_both_sides", "true"}}, P, ""},
	{"weakness getting worse", {{"weakness_worsening", "true"}}, U, "progressive_weakness"},
	{"fever", {{"fever", "true"}}, U, "fever"},
	{"trauma with numbness",
	 {{"recent_trauma", "true"}, {"leg_symptoms", "[\"numbness_tingling\"]"}}, U,
	 "trauma_with_nerve_signs recent_trauma nerve_root_signs"},
	{"trauma with weakness", {{"recent_trauma", "true"}, {"leg_symptoms", "[\"weakness\"]"}}, U,
	 "trauma_with_nerve_signs recent_trauma leg_weakness"},
	{"trauma with symptoms in both legs",
	 {{"recent_trauma", "true"}, {"leg_symptoms", "[\"pain_above_knee\"]"},
	  {"leg_symptoms_both_sides", "true"}},
	 U, "trauma_with_nerve_signs recent_trauma"},
	{"trauma with pain below one knee",
	 {{"recent_trauma", "true"}, {"leg_symptoms", "[\"pain_below_knee\"]"}}, R,
	 "recent_trauma nerve_root_signs"},

	/* refer */
	{"weakness in one leg", {{"leg_symptoms", "[\"weakness\"]"}}, R, "leg_weakness"},
	{"recent trauma", {{"recent_trauma", "true"}}, R, "recent_trauma"},
	{"mild osteoporosis, sudden onset", {{"osteoporosis", "\"mild\""}, {"onset", "\"sudden\""}}, R,
	 "possible_fracture osteoporosis"},
	{"severe osteoporosis, sudden onset", {{"osteoporosis", "\"severe\""}, {"onset", "\"sudden\""}},
	 R, "possible_fracture severe_osteoporosis"},
	{"steroids, sudden onset", {{"long_term_steroids", "true"}, {"onset", "\"sudden\""}}, R,
	 "possible_fracture long_term_steroids"},
	{"mild osteoporosis, recent trauma", {{"osteoporosis", "\"mild\""}, {"recent_trauma", "true"}},
	 R, "possible_fracture osteoporosis recent_trauma"},
	{"mild osteoporosis, gradual onset", {{"osteoporosis", "\"mild\""}}, M, "osteoporosis"},
	{"steroids, old injury", {{"long_term_steroids", "true"}, {"onset", "\"injury\""}}, M,
	 "long_term_steroids"},
	{"unexplained weight loss", {{"unexplained_weight_loss", "true"}}, R, "unexplained_weight_loss"},
	{"night pain", {{"night_pain", "true"}}, R, "night_pain"},
	{"cancer history and weight loss",
	 {{"cancer_history", "true"}, {"unexplained_weight_loss", "true"}}, R,
	 "possible_malignancy unexplained_weight_loss cancer_history"},
	{"cancer history and night pain", {{"cancer_history", "true"}, {"night_pain", "true"}}, R,
	 "possible_malignancy night_pain cancer_history"},
	{"cancer history, new pain, 51",
	 {{"cancer_history", "true"}, {"age", "51"}, {"pain_duration_weeks", "5"}}, R,
	 "possible_malignancy cancer_history new_pain_over_50"},
	{"cancer history, new pain, 50",
	 {{"cancer_history", "true"}, {"age", "50"}, {"pain_duration_weeks", "5"}}, M, "cancer_history"},
	{"cancer history, 6 weeks of pain, 51",
	 {{"cancer_history", "true"}, {"age", "51"}, {"pain_duration_weeks", "6"}}, M, "cancer_history"},
	{"capecitabine", {{"medications", "[\"capecitabine 500 mg\"]"}}, R, "cancer_treatment"},
	{"chemotherapy", {{"medications", "[\"Chemotherapy every 3 weeks\"]"}}, R, "cancer_treatment"},
	{"radiotherapy", {{"medications", "[\"radiotherapy\"]"}}, R, "cancer_treatment"},
	{"methotrexate", {{"medications", "[\"methotrexate 15 mg weekly\"]"}}, P, ""},
	{"uncontrolled blood pressure", {{"blood_pressure", "\"uncontrolled_high\""}}, R,
	 "uncontrolled_blood_pressure"},
	{"blood pressure unknown", {{"blood_pressure", "\"unknown\""}}, P, ""},
	{"active infection", {{"active_infection", "true"}}, R, "active_infection"},

	/* modify */
	{"pain below one knee", {{"leg_symptoms", "[\"pain_below_knee\"]"}}, M, "nerve_root_signs"},
	{"numbness in one leg", {{"leg_symptoms", "[\"numbness_tingling\"]"}}, M, "nerve_root_signs"},
	{"pain below the knee, sides not answered",
	 {{"leg_symptoms", "[\"pain_below_knee\"]"}, {"leg_symptoms_both_sides", NULL}}, M,
	 "nerve_root_signs"},
	{"pain above the knee only", {{"leg_symptoms", "[\"pain_above_knee\"]"}}, P, ""},
	{"cancer history", {{"cancer_history", "true"}}, M, "cancer_history"},
	{"new pain at 51", {{"age", "51"}, {"pain_duration_weeks", "5"}}, M, "new_pain_over_50"},
	{"new pain at 50", {{"age", "50"}, {"pain_duration_weeks", "5"}}, P, ""},
	{"6 weeks of pain at 51", {{"age", "51"}, {"pain_duration_weeks", "6"}}, P, ""},
	{"pain under a week at 80", {{"age", "80"}, {"pain_duration_weeks", "0"}}, M, "new_pain_over_50"},
	{"new pain, 51 from the birth date",
	 {{"age", NULL}, {"client", "{\"birth_date\": \"1975-11-22\"}"}, {"pain_duration_weeks", "5"}},
	 M, "new_pain_over_50"},
	{"new pain, 50 from the birth date",
	 {{"age", NULL}, {"client", "{\"birth_date\": \"1975-11-24\"}"}, {"pain_duration_weeks", "5"}},
	 P, ""},
	{"new pain, age unknown", {{"age", NULL}, {"pain_duration_weeks", "1"}}, P, ""},
	{"new pain, duration unknown", {{"age", "70"}, {"pain_duration_weeks", NULL}}, P, ""},
	{"mild osteoporosis", {{"osteoporosis", "\"mild\""}}, M, "osteoporosis"},
	{"severe osteoporosis", {{"osteoporosis", "\"severe\""}}, M, "severe_osteoporosis"},
	{"long-term steroids", {{"long_term_steroids", "true"}}, M, "long_term_steroids"},
	{"Eliquis", {{"medications", "[\"ELIQUIS 5MG twice a day\"]"}}, M, "anticoagulant"},
	{"Lovenox", {{"medications", "[\"Lovenox injections\"]"}}, M, "anticoagulant"},
	{"warfarin among others", {{"medications", "[\"none\", \"metformin\", \"Warfarin 5 mg\"]"}}, M,
	 "anticoagulant"},
	{"clopidogrel", {{"medications", "[\"Plavix 75mg\"]"}}, M, "antiplatelet"},
	{"aspirin 325 mg", {{"medications", "[\"Aspirin 325 mg\"]"}}, M, "antiplatelet"},
	{"aspirin 101 mg", {{"medications", "[\"aspirin 101 mg\"]"}}, M, "antiplatelet"},
	{"aspirin, no dose", {{"medications", "[\"aspirin\"]"}}, M, "antiplatelet"},
	{"aspirin 100 mg", {{"medications", "[\"aspirin 100 mg\"]"}}, P, ""},
	{"aspirin 81 mg", {{"medications", "[\"aspirin 81mg\"]"}}, P, ""},
	{"baby aspirin", {{"medications", "[\"baby aspirin\"]"}}, P, ""},
	{"low-dose aspirin", {{"medications", "[\"Low-dose aspirin\"]"}}, P, ""},

	/* Medications as clients write them: every spelling of the report that
	 * came out too low, and others of the same kinds. */
	{"eloquis", {{"medications", "[\"eloquis 5mg twice a day\"]"}}, M, "anticoagulant"},
	{"Warferin", {{"medications", "[\"Warferin 3mg\"]"}}, M, "anticoagulant"},
	{"Xeralto", {{"medications", "[\"Xeralto 20 mg\"]"}}, M, "anticoagulant"},
	{"clopidigrel", {{"medications", "[\"clopidigrel 75mg\"]"}}, M, "antiplatelet"},
	{"asprin 325", {{"medications", "[\"asprin 325\"]"}}, M, "antiplatelet"},
	{"blood thinning tablets",
	 {{"medications", "[\"blood thinning tablets, can't remember the name\"]"}}, M, "anticoagulant"},
	{"Adriamycin/Cytoxan", {{"medications", "[\"Adriamycin/Cytoxan every 2 weeks\"]"}}, R,
	 "cancer_treatment"},
	{"Temodar", {{"medications", "[\"Temodar 140mg\"]"}}, R, "cancer_treatment"},
	{"Excedrin Migraine", {{"medications", "[\"Excedrin Migraine as needed\"]"}}, M, "antiplatelet"},
	{"no blood thinners", {{"medications", "[\"no blood thinners\"]"}}, P, ""},
	{"Eliquis (R)", {{"medications", "[\"Eliquis\u00ae 5 mg\"]"}}, M, "anticoagulant"},
	{"Xarelto no-break space", {{"medications", "[\"Xarelto\u00a020 mg\"]"}}, M, "anticoagulant"},
	{"Plavix (R)", {{"medications", "[\"Plavix\u00ae 75mg\"]"}}, M, "antiplatelet"},
	{"smart quotes", {{"medications", "[\"\u201cwarfarin\u201d\"]"}}, M, "anticoagulant"},
	{"warfarin's", {{"medications", "[\"warfarin\u2019s\"]"}}, M, "anticoagulant"},
	{"Coumadin dash", {{"medications", "[\"Coumadin\u20135mg\"]"}}, M, "anticoagulant"},
	{"bullet", {{"medications", "[\"\u2022warfarin\"]"}}, M, "anticoagulant"},
	{"Xarelto (TM)", {{"medications", "[\"Xarelto\u2122\"]"}}, M, "anticoagulant"},
	{"apixaban with an accent", {{"medications", "[\"apixab\u00e1n\"]"}}, M, "anticoagulant"},
	{"aspirin among doses of others",
	 {{"medications", "[\"amlodipine 5mg, aspirin, atorvastatin 40mg\"]"}}, M, "antiplatelet"},
	{"aspirin and low-dose naltrexone", {{"medications", "[\"aspirin, low-dose naltrexone\"]"}}, M,
	 "antiplatelet"},
	{"baby aspirin after metformin", {{"medications", "[\"metformin 1000mg, baby aspirin\"]"}}, P,
	 ""},
	{"none", {{"medications", "[\"none\"]"}}, P, ""},
	{"n/a", {{"medications", "[\"n/a\"]"}}, P, ""},
	{"no meds", {{"medications", "[\"no meds\"]"}}, P, ""},
	{"stopped warfarin", {{"medications", "[\"stopped warfarin\"]"}}, M, "anticoagulant"},
	{"blood thinner in plain words", {{"medications", "[\"blood thinner\"]"}}, M, "anticoagulant"},
	{"thinning tablets", {{"medications", "[\"thinning tablets\"]"}}, M, "anticoagulant"},
	{"anticoagulant in plain words", {{"medications", "[\"anticoagulant\"]"}}, M, "anticoagulant"},
	{"chemo", {{"medications", "[\"chemo\"]"}}, R, "cancer_treatment"},
	{"radiation", {{"medications", "[\"radiation\"]"}}, R, "cancer_treatment"},
	{"unknown medicine", {{"medications", "[\"my heart pill\"]"}}, P, ""},

	/* A steroid medicine with the steroid question answered no, or not at
	 * all: the therapist asks how long (the policy's intent). */
	{"prednisone daily, steroids no", {{"medications", "[\"prednisone daily\"]"}}, M,
	 "steroid_medicine"},
	{"prednisone daily, steroids not answered",
	 {{"medications", "[\"prednisone daily\"]"}, {"long_term_steroids", NULL}}, M, "steroid_medicine"},
	{"prednisone daily, long-term steroids",
	 {{"medications", "[\"prednisone daily\"]"}, {"long_term_steroids", "true"}}, M,
	 "long_term_steroids"},
	{"steroid tablets", {{"medications", "[\"steroid tablets\"]"}}, M, "steroid_medicine"},
	{"steroid inhaler", {{"medications", "[\"steroid inhaler\"]"}}, P, ""},
	{"bleeding disorder", {{"bleeding_disorder", "true"}}, M, "bleeding_disorder"},
	{"easy bruising", {{"easy_bruising", "true"}}, M, "easy_bruising"},
	{"blood clot history", {{"dvt_history", "true"}}, M, "dvt_history"},
	{"surgery 12 weeks ago", {{"recent_surgery_weeks", "12"}}, M, "recent_surgery"},
	{"surgery this week", {{"recent_surgery_weeks", "0"}}, M, "recent_surgery"},
	{"surgery 13 weeks ago", {{"recent_surgery_weeks", "13"}}, P, ""},
	{"skin condition", {{"skin_condition", "true"}}, M, "skin_condition"},
	{"controlled high blood pressure", {{"blood_pressure", "\"controlled_high\""}}, M,
	 "high_blood_pressure"},
	{"pregnant", {{"pregnant", "\"yes\""}}, M, "pregnancy"},
	{"pregnancy not applicable", {{"pregnant", "\"not_applicable\""}}, P, ""},

	/* Not flags, on purpose */
	{"pain killers", {{"medications", "[\"ibuprofen 400 mg\", \"Naproxen\", \"celecoxib\"]"}}, P, ""},
	{"over 50 with long-standing pain", {{"age", "75"}, {"pain_duration_weeks", "52"}}, P, ""},
	{"old injury", {{"onset", "\"injury\""}}, P, ""},
	{"sudden onset without bone risk", {{"onset", "\"sudden\""}}, P, ""},
	{"unknown drug", {{"medications", "[\"atorvastatin 20 mg\"]"}}, P, ""},

	/* The most severe level wins */
	{"fever and a blood thinner", {{"fever", "true"}, {"medications", "[\"warfarin\"]"}}, U,
	 "fever anticoagulant"},
	{"night pain and pregnancy", {{"night_pain", "true"}, {"pregnant", "\"yes\""}}, R,
	 "night_pain pregnancy"},
	{"every level at once",
	 {{"saddle_numbness", "true"}, {"active_infection", "true"}, {"skin_condition", "true"}}, U,
	 "saddle_numbness active_infection skin_condition"},
	{"two modify flags", {{"easy_bruising", "true"}, {"dvt_history", "true"}}, M,
	 "easy_bruising dvt_history"},
};

static int load_shipped(void **state)
{
	const char *dir = getenv("MI_DATA_DIR");
	if (!dir)
		fail_msg("MI_DATA_DIR is not set");
	mi_ruleset *rules = NULL;
	mi_error err = {0};
	if (mi_ruleset_load_dir(dir, &rules, &err) != MI_OK)
		fail_msg("the shipped rules do not load: %s", err.message);
	*state = rules;
	return 0;
}

static int free_shipped(void **state)
{
	mi_ruleset_free(*state);
	return 0;
}

/* all_clear with a case's changes applied. */
static mi_answers *answers_for(const char *name, const char *const change[][2])
{
	mi_answers *a = NULL;
	mi_error err = {0};
	if (mi_answers_parse(all_clear, strlen(all_clear), &a, &err) != MI_OK)
		fail_msg("all_clear does not parse: %s", err.message);
	for (int i = 0; i < MAX_CHANGES && change[i][0]; i++) {
		if (!change[i][1])
			mi_answers_unset(a, change[i][0]);
		else if (mi_answers_set_json(a, change[i][0], change[i][1], &err) != MI_OK)
			fail_msg("case \"%s\": cannot set %s: %s", name, change[i][0], err.message);
	}
	return a;
}

/* True when the space-separated list holds word. */
static bool listed(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static size_t count_words(const char *list)
{
	size_t n = 0;
	for (const char *p = list; *p; p++)
		if (*p != ' ' && (p == list || p[-1] == ' '))
			n++;
	return n;
}

static void screen_with_each_policy_case_succeeds(void **state)
{
	const mi_ruleset *rules = *state;
	int failures = 0;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const policy_case *pc = &cases[c];
		mi_answers *a = answers_for(pc->name, pc->change);
		mi_screening s;
		mi_error err = {0};
		assert_int_equal(mi_screen(rules, a, today, &s, &err), MI_OK);
		char got[1024] = "";
		bool ok = s.outcome == pc->outcome && s.flag_count == count_words(pc->fires);
		for (size_t i = 0; i < s.flag_count; i++) {
			strcat(got, i ? " " : "");
			strncat(got, s.flags[i]->id, sizeof got - strlen(got) - 1);
			if (!listed(pc->fires, s.flags[i]->id))
				ok = false;
			if (i > 0 && s.flags[i]->level > s.flags[i - 1]->level)
				ok = false; /* most severe first */
		}
		if (!ok) {
			fprintf(stderr, "case \"%s\": got %s [%s], expected %s [%s]\n", pc->name,
				mi_level_name(s.outcome), got, mi_level_name(pc->outcome), pc->fires);
			failures++;
		}
		/* Every case here answers all safety questions. */
		if (s.unanswered_count != 0 && !strstr(pc->name, "not answered") &&
		    !strstr(pc->name, "unknown")) {
			fprintf(stderr, "case \"%s\": unexpected unanswered %s\n", pc->name, s.unanswered[0]);
			failures++;
		}
		mi_screening_clear(&s);
		mi_answers_free(a);
	}
	assert_int_equal(failures, 0);
}

static void shipped_rules_with_policy_ids_and_levels_succeeds(void **state)
{
	const mi_ruleset *rules = *state;
	size_t n = sizeof policy / sizeof policy[0];
	assert_int_equal(mi_ruleset_count(rules), n);
	for (size_t i = 0; i < n; i++) {
		const mi_rule *r = mi_ruleset_find(rules, policy[i].id);
		if (!r)
			fail_msg("the shipped rules lack %s", policy[i].id);
		if (r->level != policy[i].level)
			fail_msg("%s is %s, the policy says %s", r->id, mi_level_name(r->level),
				 mi_level_name(policy[i].level));
		if (!r->message[0] || !r->note[0] || !r->source[0])
			fail_msg("%s lacks a message, note or source", r->id);
	}
}

static void policy_cases_with_every_rule_firing_succeeds(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof policy / sizeof policy[0]; i++) {
		bool seen = false;
		for (size_t c = 0; c < sizeof cases / sizeof cases[0] && !seen; c++)
			seen = listed(cases[c].fires, policy[i].id);
		if (!seen)
			fail_msg("no case makes %s fire", policy[i].id);
	}
}

/* Screens answers JSON and returns the unanswered list joined by ", ". */
static void expect_unanswered(const mi_ruleset *rules, const char *json, const char *expected)
{
	mi_answers *a = NULL;
	mi_error err = {0};
	if (mi_answers_parse(json, strlen(json), &a, &err) != MI_OK)
		fail_msg("%s", err.message);
	mi_screening s;
	assert_int_equal(mi_screen(rules, a, today, &s, &err), MI_OK);
	char got[2048] = "";
	for (size_t i = 0; i < s.unanswered_count; i++) {
		strcat(got, i ? ", " : "");
		strcat(got, s.unanswered[i]);
	}
	mi_screening_clear(&s);
	mi_answers_free(a);
	if (strcmp(got, expected) != 0)
		fail_msg("unanswered \"%s\", expected \"%s\"", got, expected);
}

static void unanswered_with_nothing_answered_lists_all_in_spec_order_succeeds(void **state)
{
	expect_unanswered(*state, "{}",
			  "age, pain_duration_weeks, onset, leg_symptoms, weakness_worsening, "
			  "bladder_bowel_change, saddle_numbness, fever, active_infection, "
			  "unexplained_weight_loss, cancer_history, night_pain, recent_trauma, osteoporosis, "
			  "long_term_steroids, medications, bleeding_disorder, easy_bruising, dvt_history, "
			  "recent_surgery_weeks, skin_condition, blood_pressure, pregnant");
}

static void unanswered_with_all_clear_is_empty_succeeds(void **state)
{
	expect_unanswered(*state, all_clear, "");
}

static void unanswered_with_age_from_birth_date_succeeds(void **state)
{
	mi_answers *a = answers_for("birth date", (const char *const[][2]){
		{"age", NULL}, {"client", "{\"birth_date\": \"1960-01-01\"}"}, {NULL, NULL}});
	mi_screening s;
	mi_error err = {0};
	assert_int_equal(mi_screen(*state, a, today, &s, &err), MI_OK);
	assert_int_equal(s.unanswered_count, 0);
	mi_screening_clear(&s);
	mi_answers_unset(a, "client");
	assert_int_equal(mi_screen(*state, a, today, &s, &err), MI_OK);
	assert_int_equal(s.unanswered_count, 1);
	assert_string_equal(s.unanswered[0], "age");
	mi_screening_clear(&s);
	mi_answers_free(a);
}

static void unanswered_with_follow_up_question_succeeds(void **state)
{
	/* "Both legs?" is a question only when there is a leg symptom. */
	expect_unanswered(*state, "{\"leg_symptoms\": [\"pain_below_knee\"], \"age\": 40}",
			  "pain_duration_weeks, onset, leg_symptoms_both_sides, weakness_worsening, "
			  "bladder_bowel_change, saddle_numbness, fever, active_infection, "
			  "unexplained_weight_loss, cancer_history, night_pain, recent_trauma, osteoporosis, "
			  "long_term_steroids, medications, bleeding_disorder, easy_bruising, dvt_history, "
			  "recent_surgery_weeks, skin_condition, blood_pressure, pregnant");
	mi_answers *a = answers_for("sides not answered", (const char *const[][2]){
		{"leg_symptoms_both_sides", NULL}, {NULL, NULL}});
	mi_screening s;
	mi_error err = {0};
	assert_int_equal(mi_screen(*state, a, today, &s, &err), MI_OK);
	assert_int_equal(s.unanswered_count, 0);
	mi_screening_clear(&s);
	mi_answers_free(a);
}

static void to_json_with_flags_succeeds(void **state)
{
	mi_answers *a = answers_for("json", (const char *const[][2]){
		{"fever", "true"}, {"medications", "[\"warfarin\"]"}, {"pregnant", NULL}, {NULL, NULL}});
	mi_screening s;
	mi_error err = {0};
	assert_int_equal(mi_screen(*state, a, today, &s, &err), MI_OK);
	char *json = mi_screening_to_json(&s);
	assert_non_null(json);
	assert_non_null(strstr(json, "{\"outcome\": \"urgent\", \"flags\": [{\"rule\": \"fever\", \"level\": \"urgent\", \"message\": \""));
	assert_non_null(strstr(json, "{\"rule\": \"anticoagulant\", \"level\": \"modify\", \"message\": \""));
	assert_non_null(strstr(json, "], \"unanswered\": [\"pregnant\"], \"medications_read\": [{\"item\": 0, "
				     "\"written\": \"warfarin\", \"name\": \"warfarin\", \"substance\": "
				     "\"warfarin\", \"atc\": \"B01AA03\", \"class\": \"anticoagulant\", "
				     "\"fuzzy\": false, \"stopped\": false}], \"unrecognised_medications\": []}"));
	assert_null(strchr(json, '\n'));
	char *text = mi_screening_to_text(&s);
	assert_non_null(text);
	assert_memory_equal(text, "outcome: urgent\nurgent  fever  ", 31);
	assert_non_null(strstr(text, "\nmodify  anticoagulant  "));
	assert_non_null(strstr(text, "\nmedicine: warfarin, anticoagulant\n"));
	assert_non_null(strstr(text, "\nunanswered: pregnant\n"));
	free(json);
	free(text);
	mi_screening_clear(&s);
	mi_answers_free(a);
}

/* Screens all_clear with these medications (a JSON list). */
static void screen_medications(const mi_ruleset *rules, const char *list, mi_screening *s)
{
	mi_answers *a = answers_for(list, (const char *const[][2]){{"medications", list}, {NULL, NULL}});
	mi_error err = {0};
	assert_int_equal(mi_screen(rules, a, today, s, &err), MI_OK);
	mi_answers_free(a);
}

static void screen_with_misspelt_and_unknown_medicines_tells_the_therapist_succeeds(void **state)
{
	const mi_ruleset *rules = *state;
	mi_screening s;
	screen_medications(rules,
			   "[\"eloquis 5mg twice a day\", \"my heart pill\", \"stopped warfarin\", "
			   "\"metformin\"]",
			   &s);
	char *json = mi_screening_to_json(&s);
	assert_non_null(json);
	/* What the misspelling was read as, and the unknown one to ask about. */
	assert_non_null(strstr(json, "{\"item\": 0, \"written\": \"eloquis\", \"name\": \"Eliquis\", "
				     "\"substance\": \"apixaban\", \"atc\": \"B01AF02\", \"class\": "
				     "\"anticoagulant\", \"fuzzy\": true, \"stopped\": false}"));
	assert_non_null(strstr(json, "\"written\": \"warfarin\", \"name\": \"warfarin\", \"substance\": "
				     "\"warfarin\", \"atc\": \"B01AA03\", \"class\": \"anticoagulant\", "
				     "\"fuzzy\": false, \"stopped\": true}"));
	assert_non_null(strstr(json, "\"name\": \"metformin\", \"substance\": \"metformin\", \"atc\": "
				     "\"A10BA02\", \"class\": null"));
	assert_non_null(strstr(json, "\"unrecognised_medications\": [\"my heart pill\"]}"));
	/* The flag's note for the therapist names what it was read from. */
	char *read = mi_screening_flag_medicines(rules, &s, "anticoagulant");
	assert_non_null(read);
	assert_string_equal(read, "\"eloquis\" read as Eliquis (apixaban), anticoagulant; warfarin, "
				  "anticoagulant, may have been stopped: ask");
	free(read);
	assert_null(mi_screening_flag_medicines(rules, &s, "fever"));
	char *text = mi_screening_to_text(&s);
	assert_non_null(strstr(text, "\nnot recognised: my heart pill (ask the client)\n"));
	/* Never shown to the client as an alarm: no flag for it. */
	assert_int_equal(s.outcome, MI_LEVEL_MODIFY);
	assert_int_equal(s.flag_count, 1);
	free(text);
	free(json);
	mi_screening_clear(&s);
}

static void describe_medication_in_a_few_words_succeeds(void **state)
{
	const mi_ruleset *rules = *state;
	static const char *const described[][2] = {
		{"Xeralto 20 mg", "anticoagulant (Xarelto, misspelt)"},
		{"vitamin D", "known (vitamin D)"},
		{"blood thinning tablets, can't remember the name",
		 "anticoagulant (no name: ask which); not recognised: can't remember the name"},
		{"stopped warfarin", "anticoagulant (warfarin, stopped?)"},
		{"none", "none"},
		{"tablets", "nothing to read"},
	};
	for (size_t i = 0; i < sizeof described / sizeof described[0]; i++) {
		char *got = mi_ruleset_describe_medication(rules, described[i][0]);
		assert_non_null(got);
		if (strcmp(got, described[i][1]) != 0)
			fail_msg("\"%s\" described as \"%s\", expected \"%s\"", described[i][0], got,
				 described[i][1]);
		free(got);
	}
}

/* Point 8: a message says what the client told us and what happens next;
 * it never tells the client what they have. */
static void messages_say_what_the_client_told_us_succeeds(void **state)
{
	const mi_ruleset *rules = *state;
	for (size_t i = 0; i < mi_ruleset_count(rules); i++) {
		const mi_rule *r = mi_ruleset_rule(rules, i);
		if (strncmp(r->message, "You told us ", 12) != 0)
			fail_msg("%s: the message does not start with \"You told us\": %s", r->id, r->message);
		if (strstr(r->message, ". You have") || strstr(r->message, ". You take") ||
		    strstr(r->message, ". You bruise"))
			fail_msg("%s: the message tells the client what they have: %s", r->id, r->message);
		if (!strstr(r->message, "Please") && !strstr(r->message, "Your therapist will") &&
		    !strstr(r->message, "your therapist will") && !strstr(r->message, "We will"))
			fail_msg("%s: the message does not say what happens next: %s", r->id, r->message);
		if (r->level == MI_LEVEL_URGENT && !strstr(r->message, "tell the front desk"))
			fail_msg("%s: an urgent message must say to tell the front desk", r->id);
	}
	/* The suspected cauda equina pathway: emergency department now. */
	const char *emergency[] = {"bladder_bowel_change", "saddle_numbness", "bilateral_leg_symptoms",
				   "progressive_weakness"};
	for (size_t i = 0; i < 4; i++)
		assert_non_null(strstr(mi_ruleset_find(rules, emergency[i])->message,
				       "go to an emergency department now"));
	assert_non_null(strstr(mi_ruleset_find(rules, "cancer_treatment")->message,
			       "cancer care team"));
	assert_non_null(strstr(mi_ruleset_find(rules, "anticoagulant")->message,
			       "You may bruise more easily"));
}

/* The short names of the documents in clinical-policy.md's source list:
 * each bullet there starts with "- **NAME**". Fills names, returns count. */
static size_t policy_sources(char names[][64], size_t max)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/docs/clinical-policy.md", getenv("MI_SOURCE_DIR"));
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	char line[1024];
	bool in_sources = false;
	size_t n = 0;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "## ", 3) == 0)
			in_sources = strncmp(line, "## Sources", 10) == 0;
		char *end;
		if (in_sources && strncmp(line, "- **", 4) == 0 && (end = strstr(line + 4, "**")) &&
		    n < max) {
			snprintf(names[n], sizeof names[n], "%.*s", (int)(end - line - 4), line + 4);
			n++;
		}
	}
	fclose(f);
	return n;
}

/* Point 7: every rule's source names documents of the policy's list. */
static void sources_name_documents_of_the_policy_succeeds(void **state)
{
	const mi_ruleset *rules = *state;
	char names[64][64];
	size_t n = policy_sources(names, 64);
	assert_true(n >= 10);
	for (size_t i = 0; i < mi_ruleset_count(rules); i++) {
		const mi_rule *r = mi_ruleset_rule(rules, i);
		char *copy = strdup(r->source), *save = NULL;
		for (char *part = strtok_r(copy, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
			part += strspn(part, " ");
			bool known = false;
			for (size_t k = 0; k < n && !known; k++) {
				size_t len = strlen(names[k]);
				known = strncmp(part, names[k], len) == 0 &&
					(part[len] == '\0' || part[len] == ':');
			}
			if (!known)
				fail_msg("%s: source \"%s\" is not a document of the policy's source list",
					 r->id, part);
		}
		free(copy);
	}
}

static void version_with_hash_of_both_files_succeeds(void **state)
{
	const char *v = mi_ruleset_version(*state);
	assert_non_null(v);
	const char *open = strstr(v, " (");
	assert_non_null(open);
	assert_int_equal(strlen(open), 11); /* " (" + 8 hex digits + ")" */
	assert_true(open > v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_rules_with_policy_ids_and_levels_succeeds),
		cmocka_unit_test(policy_cases_with_every_rule_firing_succeeds),
		cmocka_unit_test(screen_with_each_policy_case_succeeds),
		cmocka_unit_test(unanswered_with_nothing_answered_lists_all_in_spec_order_succeeds),
		cmocka_unit_test(unanswered_with_all_clear_is_empty_succeeds),
		cmocka_unit_test(unanswered_with_age_from_birth_date_succeeds),
		cmocka_unit_test(unanswered_with_follow_up_question_succeeds),
		cmocka_unit_test(to_json_with_flags_succeeds),
		cmocka_unit_test(screen_with_misspelt_and_unknown_medicines_tells_the_therapist_succeeds),
		cmocka_unit_test(describe_medication_in_a_few_words_succeeds),
		cmocka_unit_test(messages_say_what_the_client_told_us_succeeds),
		cmocka_unit_test(sources_name_documents_of_the_policy_succeeds),
		cmocka_unit_test(version_with_hash_of_both_files_succeeds),
	};
	return cmocka_run_group_tests_name("screen_policy", tests, load_shipped, free_shipped);
}
