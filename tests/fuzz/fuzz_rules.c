/* fuzz_rules.c - libFuzzer harness for the rules file loader: any text is
 * parsed as a rules.conf against the shipped medication dictionary; a file
 * that loads is then evaluated against a few answers objects. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/rules.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Answers to evaluate loaded rules against: nothing answered, a typical
 * intake, and one where almost every flag would fire. */
static const char *const ANSWERS[] = {
	"{}",
	"{\"client\": {\"name\": \"Test Client\", \"birth_date\": \"1960-02-29\"},"
	" \"pain_locations\": [\"low_back\"], \"pain_intensity\": 6, \"pain_duration_weeks\": 3,"
	" \"onset\": \"gradual\", \"leg_symptoms\": [], \"fever\": false,"
	" \"medications\": [\"Eliquis 5 mg\", \"baby aspirin\"], \"osteoporosis\": \"none\","
	" \"recent_surgery_weeks\": null, \"blood_pressure\": \"normal\", \"pregnant\": \"no\"}",
	"{\"age\": 80, \"pain_intensity\": 10, \"pain_duration_weeks\": 0, \"onset\": \"injury\","
	" \"leg_symptoms\": [\"pain_below_knee\", \"numbness_tingling\", \"weakness\"],"
	" \"leg_symptoms_both_sides\": true, \"weakness_worsening\": true,"
	" \"bladder_bowel_change\": true, \"saddle_numbness\": true, \"fever\": true,"
	" \"active_infection\": true, \"unexplained_weight_loss\": true, \"cancer_history\": true,"
	" \"night_pain\": true, \"recent_trauma\": true, \"osteoporosis\": \"severe\","
	" \"long_term_steroids\": true, \"medications\": [\"warfarin\", \"aspirin 325 mg\","
	" \"prednisone\", \"chemotherapy\", \"ibuprofen\"], \"bleeding_disorder\": true,"
	" \"easy_bruising\": true, \"dvt_history\": true, \"recent_surgery_weeks\": 2,"
	" \"skin_condition\": true, \"blood_pressure\": \"uncontrolled_high\","
	" \"pregnant\": \"yes\"}",
};
enum { ANSWER_COUNT = sizeof ANSWERS / sizeof ANSWERS[0] };

static mi_meds *meds;
static mi_answers *answers[ANSWER_COUNT];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("MI_DATA_DIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/medications.conf", dir ? dir : "data");
	mi_error err;
	if (mi_meds_load(path, &meds, &err) != MI_OK) {
		fprintf(stderr, "fuzz_rules: %s\n", err.message);
		abort();
	}
	for (size_t i = 0; i < ANSWER_COUNT; i++)
		if (mi_answers_parse(ANSWERS[i], strlen(ANSWERS[i]), &answers[i], &err) != MI_OK) {
			fprintf(stderr, "fuzz_rules: answers %zu: %s\n", i, err.message);
			abort();
		}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mi_rulefile *rules = NULL;
	mi_error err;
	if (mi_rulefile_parse((const char *)data, size, "fuzz.conf", meds, &rules, &err) != MI_OK) {
		/* A refusal must name the file and the line. */
		if (strncmp(err.message, "fuzz.conf:", 10) != 0 && err.status != MI_EINTERNAL)
			abort();
		return 0;
	}
	if (!mi_rulefile_version(rules))
		abort();
	const mi_answer_key *schema = mi_answers_schema();
	mi_date today = {.year = 2026, .month = 11, .day = 23};
	for (size_t a = 0; a < ANSWER_COUNT; a++) {
		mi_rule_context ctx;
		mi_rule_context_init(&ctx, answers[a], meds, today);
		for (size_t i = 0; i < mi_rulefile_count(rules); i++) {
			const mi_rule *rule = mi_rulefile_rule(rules, i);
			if (!rule->id || !mi_rule_flag_json(rule))
				abort();
			(void)mi_rulefile_fires(rules, i, &ctx);
		}
		for (size_t k = 0; schema[k].name; k++) {
			(void)mi_rulefile_asks(rules, schema[k].name, &ctx);
			(void)mi_rulefile_reads(rules, k);
		}
	}
	mi_rulefile_free(rules);
	return 0;
}
