/* test_meds.c - the medication dictionary: the shipped file and the loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/meds.h"

/* The shipped dictionary from the build's data folder. */
static int load_shipped(void **state)
{
	const char *dir = getenv("MI_DATA_DIR");
	if (!dir)
		fail_msg("MI_DATA_DIR is not set");
	char path[4096];
	snprintf(path, sizeof path, "%s/medications.conf", dir);
	mi_meds *meds = NULL;
	mi_error err = {0};
	if (mi_meds_load(path, &meds, &err) != MI_OK)
		fail_msg("the shipped dictionary does not load: %s", err.message);
	*state = meds;
	return 0;
}

static int free_shipped(void **state)
{
	mi_meds_free(*state);
	return 0;
}

/* The classes of one medication, as "a,b" in dictionary order ("" for none). */
static const char *classes_of(const mi_meds *meds, const char *medication)
{
	static char buf[512];
	uint64_t set = mi_meds_classify(meds, medication);
	buf[0] = '\0';
	for (size_t i = 0; i < mi_meds_class_count(meds); i++)
		if (set & ((uint64_t)1 << i)) {
			if (buf[0])
				strcat(buf, ",");
			strcat(buf, mi_meds_class_name(meds, i));
		}
	return buf;
}

static void expect_classes(const mi_meds *meds, const char *medication, const char *expected)
{
	const char *got = classes_of(meds, medication);
	if (strcmp(got, expected) != 0)
		fail_msg("\"%s\" gave classes \"%s\", expected \"%s\"", medication, got, expected);
}

static void classify_with_any_case_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "warfarin", "anticoagulant");
	expect_classes(m, "WARFARIN", "anticoagulant");
	expect_classes(m, "Warfarin", "anticoagulant");
	expect_classes(m, "eLiQuIs", "anticoagulant");
}

static void classify_with_brand_and_generic_names_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "Eliquis", "anticoagulant");
	expect_classes(m, "apixaban", "anticoagulant");
	expect_classes(m, "Xarelto", "anticoagulant");
	expect_classes(m, "Coumadin", "anticoagulant");
	expect_classes(m, "Clexane", "anticoagulant");
	expect_classes(m, "Plavix", "antiplatelet");
	expect_classes(m, "clopidogrel 75 mg", "antiplatelet");
	expect_classes(m, "Brilinta", "antiplatelet");
	expect_classes(m, "Xeloda", "cancer_treatment");
	expect_classes(m, "capecitabine", "cancer_treatment");
	expect_classes(m, "prednisone 5 mg", "corticosteroid");
	expect_classes(m, "Advil", "nsaid");
}

static void classify_with_doses_and_extra_words_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "ELIQUIS 5MG twice a day", "anticoagulant");
	expect_classes(m, "Eliquis 5 mg", "anticoagulant");
	expect_classes(m, "Lovenox injections", "anticoagulant");
	expect_classes(m, "Xarelto 20mg once a day", "anticoagulant");
	expect_classes(m, "xarelto20mg", "anticoagulant");
	expect_classes(m, "(warfarin)", "anticoagulant");
	expect_classes(m, "ibuprofen as needed", "nsaid");
	expect_classes(m, "stopped warfarin last month", "anticoagulant");
}

static void classify_with_several_words_in_a_name_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "radiation therapy", "cancer_treatment");
	expect_classes(m, "Chemotherapy every 3 weeks", "cancer_treatment");
	expect_classes(m, "chemo", "cancer_treatment");
	expect_classes(m, "a blood thinner", "anticoagulant");
	expect_classes(m, "Acetylsalicylic  Acid 500 mg", "antiplatelet");
}

static void classify_aspirin_by_dose_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "baby aspirin", "low_dose_aspirin");
	expect_classes(m, "aspirin 81mg", "low_dose_aspirin");
	expect_classes(m, "Aspirin 81 MG daily", "low_dose_aspirin");
	expect_classes(m, "aspirin 100 mg", "low_dose_aspirin");
	expect_classes(m, "low-dose aspirin", "low_dose_aspirin");
	expect_classes(m, "aspirin low dose", "low_dose_aspirin");
	expect_classes(m, "aspirin 75000 mcg", "low_dose_aspirin");
	expect_classes(m, "Aspirin 325 mg", "antiplatelet");
	expect_classes(m, "aspirin 101 mg", "antiplatelet");
	expect_classes(m, "aspirin 0.5 g", "antiplatelet");
	expect_classes(m, "ASA 325MG", "antiplatelet");
	expect_classes(m, "Ecotrin", "antiplatelet");
}

static void classify_aspirin_without_a_dose_fails_safe(void **state)
{
	const mi_meds *m = *state;
	/* No dose, or a number without a unit: read as an antiplatelet. */
	expect_classes(m, "aspirin", "antiplatelet");
	expect_classes(m, "aspirin 2 tablets", "antiplatelet");
	/* A low-dose word does not hide a dose above the ceiling. */
	expect_classes(m, "baby aspirin 325 mg", "antiplatelet");
}

static void classify_with_none_or_unknown_drugs_fails(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "none", "");
	expect_classes(m, "", "");
	expect_classes(m, "atorvastatin 20 mg", "");
	expect_classes(m, "vitamin D", "");
	expect_classes(m, "metformin", "");
	expect_classes(m, "warfarinx", "");   /* whole words only */
	expect_classes(m, "coumadine", "");
	expect_classes(m, "5 mg", "");
}

static void classify_methotrexate_is_not_cancer_treatment_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "methotrexate 15 mg weekly", "");
	expect_classes(m, "Methotrexate", "");
}

static void classify_with_several_drugs_in_one_line_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "warfarin and tamoxifen", "anticoagulant,cancer_treatment");
}

/* Parses a dictionary text, expecting MI_EDATA with needle in the message. */
static void expect_refused(const char *text, const char *needle)
{
	mi_meds *meds = NULL;
	mi_error err = {0};
	assert_int_equal(mi_meds_parse(text, strlen(text), "meds.conf", &meds, &err), MI_EDATA);
	assert_null(meds);
	if (!strstr(err.message, needle))
		fail_msg("message \"%s\" lacks \"%s\"", err.message, needle);
}

static void parse_with_broken_dictionary_fails(void **state)
{
	(void)state;
	expect_refused("warfarin\n", "meds.conf:1: expected a section");
	expect_refused("[class anticoagulant]\nwarfarin\n[group x]\n", "meds.conf:3: unknown section kind");
	expect_refused("[class anticoagulant]\nwarfarin\nwarfarin\n", "meds.conf:3: \"warfarin\" is listed twice");
	expect_refused("[class anticoagulant]\n---\n", "meds.conf:2: \"---\" has no letters");
	expect_refused("[class anticoagulant]\ndose = 5\n", "meds.conf:2: a [class] section lists");
	expect_refused("[class Anticoagulant]\nwarfarin\n", "meds.conf:1: a section kind and name");
	expect_refused("[class anticoagulant\n", "meds.conf:1: a section header must end");
	expect_refused("# nothing\n", "meds.conf:1: the dictionary lists no medication");
	expect_refused("[class a]\nx\n[dose aspirin]\nnames = aspirin\nclass = a\nlow_dose_class = b\n",
		       "meds.conf:3: the [dose aspirin] section has no low_dose_max_mg");
	expect_refused("[dose aspirin]\nnames = aspirin\nlow_dose_max_mg = lots\n",
		       "meds.conf:3: low_dose_max_mg must be a number");
	expect_refused("[dose aspirin]\nnames = aspirin\ncolour = red\n", "meds.conf:3: unknown setting");
	expect_refused("[class a]\nwar\x01" "farin\n", "meds.conf:2: ");
}

static void load_with_missing_file_fails(void **state)
{
	(void)state;
	mi_meds *meds = NULL;
	mi_error err = {0};
	assert_int_equal(mi_meds_load("/nonexistent/medications.conf", &meds, &err), MI_ENOINPUT);
	assert_null(meds);
	assert_non_null(strstr(err.message, "/nonexistent/medications.conf"));
}

static void parse_with_crlf_and_indented_names_succeeds(void **state)
{
	(void)state;
	const char *text = "[class anticoagulant]\r\n  warfarin\r\n\tmy blood thinner \r\n";
	mi_meds *meds = NULL;
	mi_error err = {0};
	if (mi_meds_parse(text, strlen(text), "x.conf", &meds, &err) != MI_OK)
		fail_msg("%s", err.message);
	expect_classes(meds, "Warfarin", "anticoagulant");
	expect_classes(meds, "MY BLOOD-THINNER", "anticoagulant");
	expect_classes(meds, "blood thinner", "");
	mi_meds_free(meds);
}

static void parse_with_letters_and_digits_joined_succeeds(void **state)
{
	(void)state;
	/* "x5mg" normalises to "x 5 mg": longer than the name as written. */
	const char *text = "[class test]\nx5mg\na1b2c3\n";
	mi_meds *meds = NULL;
	mi_error err = {0};
	if (mi_meds_parse(text, strlen(text), "x.conf", &meds, &err) != MI_OK)
		fail_msg("%s", err.message);
	expect_classes(meds, "X 5 MG", "test");
	expect_classes(meds, "take a1b2c3 daily", "test");
	expect_classes(meds, "x", "");
	mi_meds_free(meds);
}

int main(void)
{
	const struct CMUnitTest shipped[] = {
		cmocka_unit_test(classify_with_any_case_succeeds),
		cmocka_unit_test(classify_with_brand_and_generic_names_succeeds),
		cmocka_unit_test(classify_with_doses_and_extra_words_succeeds),
		cmocka_unit_test(classify_with_several_words_in_a_name_succeeds),
		cmocka_unit_test(classify_aspirin_by_dose_succeeds),
		cmocka_unit_test(classify_aspirin_without_a_dose_fails_safe),
		cmocka_unit_test(classify_with_none_or_unknown_drugs_fails),
		cmocka_unit_test(classify_methotrexate_is_not_cancer_treatment_succeeds),
		cmocka_unit_test(classify_with_several_drugs_in_one_line_succeeds),
	};
	const struct CMUnitTest loader[] = {
		cmocka_unit_test(parse_with_broken_dictionary_fails),
		cmocka_unit_test(load_with_missing_file_fails),
		cmocka_unit_test(parse_with_crlf_and_indented_names_succeeds),
		cmocka_unit_test(parse_with_letters_and_digits_joined_succeeds),
	};
	int failed = cmocka_run_group_tests_name("meds_shipped", shipped, load_shipped, free_shipped);
	failed += cmocka_run_group_tests_name("meds_loader", loader, NULL, NULL);
	return failed;
}
