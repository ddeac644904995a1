/* test_meds.c - the medication dictionary: the shipped file read with real
 * spellings (one table per kind of writing), the ATC groups it must cover,
 * the false-match measurement over common harmless medicines, and the
 * loader's errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/meds.h"
#include "mi/rules.h"

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

/* How a medication was read, in short: each medicine as NAME=CLASS ("known"
 * for a known harmless one; classes joined by '+'), then '~' when read from
 * a misspelling and '!' when it may have been stopped; each part not
 * recognised as ?{TEXT}; NONE when it says "none". Space-separated. */
static const char *reading_of(const mi_meds *m, const char *text)
{
	static char buf[2048];
	mi_med_text t;
	mi_error err;
	if (mi_meds_read(m, text, &t, &err) != MI_OK)
		fail_msg("reading \"%s\" failed: %s", text, err.message);
	buf[0] = '\0';
	size_t used = 0;
	if (t.none)
		used += (size_t)snprintf(buf + used, sizeof buf - used, " NONE");
	for (size_t i = 0; i < t.reading_count; i++) {
		const mi_med_reading *r = &t.readings[i];
		used += (size_t)snprintf(buf + used, sizeof buf - used, " %s=", r->name);
		if (!r->classes)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "known");
		for (size_t c = 0, n = 0; c < mi_meds_class_count(m); c++)
			if ((r->classes >> c) & 1)
				used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", n++ ? "+" : "",
							 mi_meds_class_name(m, c));
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", r->fuzzy ? "~" : "",
					 r->stopped ? "!" : "");
	}
	for (size_t i = 0; i < t.unrecognised_count; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, " ?{%.*s}",
					 (int)(t.unrecognised[i].end - t.unrecognised[i].start),
					 text + t.unrecognised[i].start);
	mi_med_text_clear(&t);
	return buf[0] ? buf + 1 : buf;
}

typedef struct reading_case {
	const char *written;
	const char *expected; /* as reading_of gives it */
} reading_case;

/* Checks every row of a table; reports all the rows that differ. */
static void expect_readings(const mi_meds *m, const reading_case *cases, size_t n)
{
	int failures = 0;
	for (size_t i = 0; i < n; i++) {
		const char *got = reading_of(m, cases[i].written);
		if (strcmp(got, cases[i].expected) != 0) {
			fprintf(stderr, "\"%s\" read as \"%s\", expected \"%s\"\n", cases[i].written, got,
				cases[i].expected);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

#define EXPECT_READINGS(m, table) expect_readings((m), (table), sizeof(table) / sizeof((table)[0]))

/* ---- what was there before: case, brands, doses ----------------------- */

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
	expect_classes(m, "asprin 325", "antiplatelet");
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
	expect_classes(m, "5 mg", "");
	expect_classes(m, "my heart pill", "");
}

static void classify_methotrexate_is_not_cancer_treatment_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "methotrexate 15 mg weekly", "");
	expect_classes(m, "Methotrexate", "");
	expect_classes(m, "metotrexate", "");
}

static void classify_with_several_drugs_in_one_line_succeeds(void **state)
{
	const mi_meds *m = *state;
	expect_classes(m, "warfarin and tamoxifen", "anticoagulant,cancer_treatment");
}

/* ---- 0. Unicode words, and a dose belongs to its own medicine ---------- */

static void read_with_unicode_around_names_succeeds(void **state)
{
	static const reading_case cases[] = {
		/* The strings of the report that came out "proceed". */
		{"Eliquis\xc2\xae 5 mg", "Eliquis=anticoagulant"},
		{"Xarelto\xc2\xa0" "20 mg", "Xarelto=anticoagulant"},             /* no-break space */
		{"Plavix\xc2\xae 75mg", "Plavix=antiplatelet"},
		{"\xe2\x80\x9cwarfarin\xe2\x80\x9d", "warfarin=anticoagulant"},   /* smart quotes */
		{"warfarin\xe2\x80\x99s", "warfarin=anticoagulant"},
		{"Coumadin\xe2\x80\x93" "5mg", "Coumadin=anticoagulant"},         /* en dash */
		{"\xe2\x80\xa2warfarin", "warfarin=anticoagulant"},               /* bullet */
		{"Xarelto\xe2\x84\xa2", "Xarelto=anticoagulant"},                 /* trade mark */
		/* Other spaces, dashes and marks. */
		{"Xarelto\xe2\x80\x89" "20\xe2\x80\xaf" "mg", "Xarelto=anticoagulant"}, /* thin spaces */
		{"Eliquis\xe3\x80\x80" "5mg", "Eliquis=anticoagulant"},           /* ideographic space */
		{"Plavix\xe2\x80\x94" "75 mg\xe2\x80\xa6", "Plavix=antiplatelet"},  /* em dash, ellipsis */
		{"\xc2\xabwarfarin\xc2\xbb", "warfarin=anticoagulant"},           /* guillemets */
		{"\xe2\x97\x8f Xarelto", "Xarelto=anticoagulant"},                 /* black circle */
		{"war\xc2\xad" "farin", "warfarin=anticoagulant"},                /* soft hyphen */
		{"Xa\xe2\x80\x8brelto", "Xarelto=anticoagulant"},                 /* zero-width space */
		/* Accents, case and full-width letters fold. */
		{"apixab\xc3\xa1n", "apixaban=anticoagulant"},
		{"\xc3\x89LIQUIS 5 mg", "Eliquis=anticoagulant"},
		{"\xef\xbc\xa5\xef\xbc\xac\xef\xbc\xa9\xef\xbc\xb1\xef\xbc\xb5\xef\xbc\xa9\xef\xbc\xb3",
		 "Eliquis=anticoagulant"},                                          /* full-width */
		{"Pr\xc3\xa9" "dnisolone", "prednisolone=corticosteroid"},
		{"ta\xcc\x81moxifen", "tamoxifen=cancer_treatment"},              /* combining accent */
		{"aspirin 75 \xc2\xb5g", "aspirin=low_dose_aspirin"},              /* micro sign */
		{"aspirin 75000 \xce\xbcg", "aspirin=low_dose_aspirin"},           /* Greek mu */
		{"aspirin \xef\xbc\x93\xef\xbc\x92\xef\xbc\x95 mg", "aspirin=antiplatelet"}, /* full-width 325 */
	};
	EXPECT_READINGS(*state, cases);
}

static void read_dose_with_the_medicine_it_stands_next_to_succeeds(void **state)
{
	static const reading_case cases[] = {
		/* The report: the dose came from another drug on the line. */
		{"amlodipine 5mg, aspirin, atorvastatin 40mg",
		 "amlodipine=known aspirin=antiplatelet atorvastatin=known"},
		{"aspirin, low-dose naltrexone", "aspirin=antiplatelet naltrexone=known"},
		{"metformin 1000mg, baby aspirin", "metformin=known aspirin=low_dose_aspirin"},
		/* Without commas the dose still goes with its neighbour. */
		{"amlodipine 5mg aspirin atorvastatin 40mg",
		 "amlodipine=known aspirin=antiplatelet atorvastatin=known"},
		{"aspirin low dose naltrexone", "aspirin=antiplatelet naltrexone=known"},
		{"aspirin 81 mg and clopidogrel 75 mg", "aspirin=low_dose_aspirin clopidogrel=antiplatelet"},
		{"clopidogrel 75mg; aspirin", "clopidogrel=antiplatelet aspirin=antiplatelet"},
		{"81mg aspirin", "aspirin=low_dose_aspirin"},
		{"aspirin 81mg daily, metformin 500 mg", "aspirin=low_dose_aspirin metformin=known"},
		{"lisinopril 10 mg + aspirin", "lisinopril=known aspirin=antiplatelet"},
		{"aspirin (81 mg)", "aspirin=low_dose_aspirin"},
		/* An unknown word between the dose and aspirin: not its dose. */
		{"aspirin zyxtra 40mg", "aspirin=antiplatelet"},
		/* Numbers as written in Europe and the US. */
		{"aspirin 1,000 mg", "aspirin=antiplatelet"},
		{"aspirin 1.000 mg", "aspirin=antiplatelet"},
		{"aspirin 0,5 g", "aspirin=antiplatelet"},
		{"aspirin 0.075 g", "aspirin=low_dose_aspirin"},
	};
	EXPECT_READINGS(*state, cases);
}

/* ---- 1. the dictionary: ATC groups, brands, combinations --------------- */

static void read_every_substance_of_the_atc_groups_succeeds(void **state)
{
	const mi_meds *m = *state;
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/meds/atc-groups.tsv", getenv("MI_SOURCE_DIR"));
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	char line[512];
	int rows = 0, failures = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char *save = NULL;
		char *code = strtok_r(line, "\t\n", &save);
		char *name = strtok_r(NULL, "\t\n", &save);
		char *want = strtok_r(NULL, "\t\n", &save);
		assert_non_null(want);
		rows++;
		mi_med_text t;
		mi_error err;
		assert_int_equal(mi_meds_read(m, name, &t, &err), MI_OK);
		size_t index;
		bool has_class = mi_meds_class_index(m, want, &index);
		bool ok;
		if (strcmp(want, "-") == 0) {
			/* Left out on purpose: nothing a rule flags. */
			const char *flagged[] = {"anticoagulant", "antiplatelet", "cancer_treatment",
						 "corticosteroid"};
			ok = true;
			for (size_t k = 0; k < 4; k++)
				if (mi_meds_class_index(m, flagged[k], &index) && ((t.classes >> index) & 1))
					ok = false;
		} else {
			ok = has_class && t.reading_count == 1 && !t.readings[0].fuzzy &&
			     ((t.readings[0].classes >> index) & 1) && t.readings[0].atc &&
			     strcmp(t.readings[0].atc, code) == 0;
		}
		if (!ok) {
			fprintf(stderr, "%s %s: read as %s (atc %s), expected %s\n", code, name,
				classes_of(m, name), t.reading_count ? t.readings[0].atc : "-", want);
			failures++;
		}
		mi_med_text_clear(&t);
	}
	fclose(f);
	assert_true(rows > 350);
	assert_int_equal(failures, 0);
}

static void read_brands_of_each_country_succeeds(void **state)
{
	static const reading_case cases[] = {
		/* US, UK, EU and Canadian names of the same substances. */
		{"Jantoven", "Jantoven=anticoagulant"},    {"Marevan", "Marevan=anticoagulant"},
		{"Sintrom", "Sintrom=anticoagulant"},      {"Marcumar", "Marcumar=anticoagulant"},
		{"Pradax", "Pradax=anticoagulant"},        {"Lixiana", "Lixiana=anticoagulant"},
		{"Savaysa", "Savaysa=anticoagulant"},      {"Fragmin", "Fragmin=anticoagulant"},
		{"Innohep", "Innohep=anticoagulant"},      {"Fraxiparine", "Fraxiparine=anticoagulant"},
		{"Efient", "Efient=antiplatelet"},         {"Effient", "Effient=antiplatelet"},
		{"Brilique", "Brilique=antiplatelet"},     {"Iscover", "Iscover=antiplatelet"},
		{"Asaphen 80 mg", "Asaphen=low_dose_aspirin"}, {"Entrophen", "Entrophen=antiplatelet"},
		{"Nu-Seals 75", "Nu-Seals=antiplatelet"},  {"Kardegic 75 mg", "Kardegic=low_dose_aspirin"},
		{"Glivec", "Glivec=cancer_treatment"},     {"Gleevec", "Gleevec=cancer_treatment"},
		{"Procytox", "Procytox=cancer_treatment"}, {"Endoxan", "Endoxan=cancer_treatment"},
		{"Temodal", "Temodal=cancer_treatment"},   {"Prostap", "Prostap=cancer_treatment"},
		{"Cosudex", "Cosudex=cancer_treatment"},   {"Zoladex implant", "Zoladex=cancer_treatment"},
		{"Deltacortril", "Deltacortril=corticosteroid"}, {"Winpred", "Winpred=corticosteroid"},
		{"Solu-Medrone", "Solu-Medrone=corticosteroid"}, {"Decadron", "Decadron=corticosteroid"},
	};
	EXPECT_READINGS(*state, cases);
}

static void read_combinations_with_aspirin_succeeds(void **state)
{
	static const reading_case cases[] = {
		{"Excedrin Migraine as needed", "Excedrin Migraine=antiplatelet"},
		{"Excedrin", "Excedrin=antiplatelet"},
		{"Anadin Extra", "Anadin Extra=antiplatelet"},
		{"Alka-Seltzer", "Alka-Seltzer=antiplatelet"},
		{"Goody's powder", "Goody's=antiplatelet"},
		{"BC Powder", "BC Powder=antiplatelet"},
		{"Aggrenox twice a day", "Aggrenox=antiplatelet"},
		{"Yosprala", "Yosprala=antiplatelet"},
		{"Percodan", "Percodan=antiplatelet"},
		/* The same brands without aspirin. */
		{"Excedrin Tension Headache", "Excedrin Tension Headache=known"},
		{"Anadin Paracetamol", "Anadin Paracetamol=known"},
		{"Anadin Ibuprofen", "Anadin Ibuprofen=nsaid"},
	};
	EXPECT_READINGS(*state, cases);
}

static void read_names_with_their_code_and_substance_succeeds(void **state)
{
	const mi_meds *m = *state;
	mi_med_text t;
	mi_error err;
	const char *text = "eloquis 5mg twice a day";
	assert_int_equal(mi_meds_read(m, text, &t, &err), MI_OK);
	assert_int_equal(t.reading_count, 1);
	assert_string_equal(t.readings[0].name, "Eliquis");
	assert_string_equal(t.readings[0].substance, "apixaban");
	assert_string_equal(t.readings[0].atc, "B01AF02");
	assert_true(t.readings[0].fuzzy);
	assert_int_equal(t.readings[0].start, 0);
	assert_int_equal(t.readings[0].end, 7); /* "eloquis" */
	mi_med_text_clear(&t);
	/* Plain words have neither a substance nor a code. */
	assert_int_equal(mi_meds_read(m, "on blood thinners", &t, &err), MI_OK);
	assert_int_equal(t.reading_count, 1);
	assert_null(t.readings[0].substance);
	assert_null(t.readings[0].atc);
	mi_med_text_clear(&t);
	/* The words read are the client's bytes, whatever the folding. */
	text = "\xe2\x80\x9c\xc3\x89liquis\xe2\x80\x9d";
	assert_int_equal(mi_meds_read(m, text, &t, &err), MI_OK);
	assert_int_equal(t.reading_count, 1);
	assert_int_equal(t.readings[0].start, 3);
	assert_int_equal(t.readings[0].end, 11);
	mi_med_text_clear(&t);
}

/* ---- 2. misspellings ---------------------------------------------------- */

static void read_misspellings_succeeds(void **state)
{
	static const reading_case cases[] = {
		/* The report's spellings. */
		{"eloquis 5mg twice a day", "Eliquis=anticoagulant~"},
		{"Warferin 3mg", "warfarin=anticoagulant~"},
		{"Xeralto 20 mg", "Xarelto=anticoagulant~"},
		{"clopidigrel 75mg", "clopidogrel=antiplatelet~"},
		{"asprin 325", "aspirin=antiplatelet~"},
		/* Others of the same kinds. */
		{"Zarelto", "Xarelto=anticoagulant~"},
		{"warfrin", "warfarin=anticoagulant~"},
		{"cumadin", "Coumadin=anticoagulant~"},
		{"pradexa", "Pradaxa=anticoagulant~"},
		{"lovenex shots", "Lovenox=anticoagulant~"},
		{"Plavics", "Plavix=antiplatelet~"},
		{"brillinta", "Brilinta=antiplatelet~"},
		{"tamoxifin", "tamoxifen=cancer_treatment~"},
		{"letrazole", "letrozole=cancer_treatment~"},
		{"anastrazole", "anastrozole=cancer_treatment~"},
		{"Keytruder", "Keytruda=cancer_treatment~"},
		{"prednizone", "prednisone=corticosteroid~"},
		{"prednisolon", "prednisolone=corticosteroid~"},
		{"blood thiners", "blood thinners=anticoagulant~"},
		{"chemotheraphy", "chemotherapy=cancer_treatment~"},
		{"stoped warfarin", "warfarin=anticoagulant!"},
		/* One edit at 5 or 6 letters, two from 7 on. */
		{"Plavx", "Plavix=antiplatelet~"},
		{"Xarlto", "Xarelto=anticoagulant~"},
		{"Xrlto", "?{Xrlto}"},
		{"warfrn", "?{warfrn}"},
		{"Xerolta", "?{Xerolta}"},
		/* Never under 5 letters. */
		{"Plvx", "?{Plvx}"},
		{"ASAA", "?{ASAA}"},
		/* Nearest wins; a tie between a flagged and a harmless name is not
		 * guessed: the therapist asks. */
		{"pravastin", "pravastatin=known~"},
		{"lovastin", "lovastatin=known~"},
		{"lantis", "?{lantis}"},
		/* An exact harmless name wins over a misspelling of a flagged one. */
		{"Lantus", "Lantus=known"},
		{"Lasix", "Lasix=known"},
		{"Zocor", "Zocor=known"},
	};
	EXPECT_READINGS(*state, cases);
}

/* The classes some shipped rule reads. */
static uint64_t flagged_classes(const mi_meds *m)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/rules.conf", getenv("MI_DATA_DIR"));
	mi_rulefile *rules = NULL;
	mi_error err;
	if (mi_rulefile_load(path, m, &rules, &err) != MI_OK)
		fail_msg("%s", err.message);
	uint64_t flagged = 0;
	for (size_t i = 0; i < mi_rulefile_count(rules); i++)
		flagged |= mi_rule_medication_classes(mi_rulefile_rule(rules, i));
	mi_rulefile_free(rules);
	return flagged;
}

/* Counts text as read; fails the row when it reads as a flagged class. */
static int check_harmless(const mi_meds *m, uint64_t flagged, const char *text, int *read)
{
	(*read)++;
	if (!(mi_meds_classify(m, text) & flagged))
		return 0;
	fprintf(stderr, "harmless \"%s\" read as %s\n", text, reading_of(m, text));
	return 1;
}

/* The false-match measurement: the most prescribed medicines in no flagged
 * class, their usual misspellings, and every slip of one letter (dropped,
 * doubled, or swapped with the next) in each word of 5 letters or more. */
static void read_common_harmless_medicines_never_flags_succeeds(void **state)
{
	const mi_meds *m = *state;
	uint64_t flagged = flagged_classes(m);
	assert_true(flagged != 0);
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/meds/harmless.txt", getenv("MI_SOURCE_DIR"));
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	char line[1024];
	int medicines = 0, read = 0, false_matches = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *colon = strchr(line, ':');
		assert_non_null(colon);
		*colon = '\0';
		medicines++;
		false_matches += check_harmless(m, flagged, line, &read);
		char *save = NULL;
		for (char *s = strtok_r(colon + 1, ",", &save); s; s = strtok_r(NULL, ",", &save))
			false_matches += check_harmless(m, flagged, s + strspn(s, " "), &read);
		/* One-letter slips of each long word of the name. */
		size_t len = strlen(line);
		for (size_t i = 0; i < len; i++) {
			size_t word_start = i, word_end = i;
			while (word_start > 0 && line[word_start - 1] != ' ')
				word_start--;
			while (line[word_end] && line[word_end] != ' ')
				word_end++;
			if (line[i] == ' ' || word_end - word_start < 5)
				continue;
			char slip[1100];
			/* dropped */
			snprintf(slip, sizeof slip, "%.*s%s", (int)i, line, line + i + 1);
			false_matches += check_harmless(m, flagged, slip, &read);
			/* doubled */
			snprintf(slip, sizeof slip, "%.*s%c%s", (int)i + 1, line, line[i], line + i + 1);
			false_matches += check_harmless(m, flagged, slip, &read);
			/* swapped with the next letter of the word */
			if (i + 1 < word_end) {
				snprintf(slip, sizeof slip, "%s", line);
				slip[i] = line[i + 1];
				slip[i + 1] = line[i];
				false_matches += check_harmless(m, flagged, slip, &read);
			}
		}
	}
	fclose(f);
	print_message("false matches: %d of %d spellings of %d harmless medicines\n", false_matches,
		      read, medicines);
	assert_true(medicines >= 200);
	assert_int_equal(false_matches, 0);
}

/* ---- 3. plain words ------------------------------------------------------ */

static void read_plain_words_succeeds(void **state)
{
	static const reading_case cases[] = {
		{"blood thinner", "blood thinner=anticoagulant"},
		{"on blood thinners", "blood thinners=anticoagulant"},
		{"blood-thinning injections", "blood thinning injections=anticoagulant"},
		{"thinning tablets", "thinning tablets=anticoagulant"},
		{"blood thinning tablets, can't remember the name",
		 "blood thinning tablets=anticoagulant ?{can't remember the name}"},
		{"anticoagulant", "anticoagulant=anticoagulant"},
		{"anti-coagulants", "anti coagulants=anticoagulant"},
		{"antiplatelets", "antiplatelets=antiplatelet"},
		{"chemo", "chemo=cancer_treatment"},
		{"Chemo tablets", "chemo tablets=cancer_treatment"},
		{"radiation", "radiation=cancer_treatment"},
		{"radiotherapy last month", "radiotherapy=cancer_treatment!"},
		{"immunotherapy every 3 weeks", "immunotherapy=cancer_treatment"},
		{"hormone therapy for breast cancer", "hormone therapy for breast cancer=cancer_treatment"},
		{"steroid tablets", "steroid tablets=corticosteroid"},
		{"steroids", "steroids=corticosteroid"},
		/* Not taken by mouth: known, not a flag. */
		{"steroid inhaler", "steroid inhaler=known"},
		{"hydrocortisone cream", "hydrocortisone cream=known"},
		{"blood pressure tablets", "blood pressure tablets=known"},
	};
	EXPECT_READINGS(*state, cases);
}

/* ---- 4. negation and "stopped" ----------------------------------------- */

static void read_negation_and_stopped_succeeds(void **state)
{
	static const reading_case cases[] = {
		{"no blood thinners", ""},
		{"none", "NONE"},
		{"None.", "NONE"},
		{"n/a", "NONE"},
		{"N/A", "NONE"},
		{"n.a.", "NONE"},
		{"no meds", "NONE"},
		{"No medications", "NONE"},
		{"nil", "NONE"},
		{"nothing regular", "NONE"},
		{"I don't take any", "NONE"},
		{"not taking any blood thinners", ""},
		{"blood thinners: none", ""},
		{"no aspirin", ""},
		{"no blood thinners, metformin 500mg", "metformin=known"},
		/* Only the name right after "no": the rest still counts. */
		{"no blood thinners but on Plavix", "Plavix=antiplatelet"},
		{"not sure maybe warfarin", "warfarin=anticoagulant"},
		/* Stopped still counts; the therapist asks. */
		{"stopped warfarin", "warfarin=anticoagulant!"},
		{"used to take Xarelto", "Xarelto=anticoagulant!"},
		{"no longer on warfarin", "warfarin=anticoagulant!"},
		{"warfarin, stopped in March", "warfarin=anticoagulant!"},
		{"finished chemo last year", "chemo=cancer_treatment!"},
		{"Eliquis 5 mg twice a day", "Eliquis=anticoagulant"},
	};
	EXPECT_READINGS(*state, cases);
}

/* ---- 5. what is not recognised ----------------------------------------- */

static void read_unrecognised_medications_succeeds(void **state)
{
	static const reading_case cases[] = {
		{"my heart pill", "?{my heart pill}"},
		{"Eliquis 5mg, Zyxtra 10mg", "Eliquis=anticoagulant ?{Zyxtra 10mg}"},
		{"the little white one", "?{the little white one}"},
		{"metformin and something for my nerves",
		 "metformin=known ?{something for my nerves}"},
		/* Nothing to ask about. */
		{"tablets", ""},
		{"5 mg", ""},
		{"", ""},
		{"vitamin D and fish oil", "vitamin D=known fish oil=known"},
	};
	EXPECT_READINGS(*state, cases);
}

/* ---- the loader ---------------------------------------------------------- */

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
	expect_refused("[class anticoagulant]\nwarfarin, Coumadin, WARFARIN\n",
		       "meds.conf:2: \"WARFARIN\" is listed twice");
	expect_refused("[class anticoagulant]\n---\n", "meds.conf:2: \"---\" has no letters");
	expect_refused("[class anticoagulant]\ndose = 5\n", "meds.conf:2: a [class] section lists names");
	expect_refused("[class Anticoagulant]\nwarfarin\n", "meds.conf:1: a section kind and name");
	expect_refused("[class anticoagulant\n", "meds.conf:1: a section header must end");
	expect_refused("# nothing\n", "meds.conf:1: the dictionary lists no medication");
	expect_refused("[class a]\nx\n[dose aspirin]\nnames = aspirin\nclass = a\nlow_dose_class = b\n",
		       "meds.conf:3: the [dose aspirin] section has no low_dose_max_mg");
	expect_refused("[dose aspirin]\nnames = aspirin\nlow_dose_max_mg = lots\n",
		       "meds.conf:3: low_dose_max_mg must be a number");
	expect_refused("[dose aspirin]\nnames = aspirin\ncolour = red\n", "meds.conf:3: unknown setting");
	expect_refused("[class a]\nwar\x01" "farin\n", "meds.conf:2: ");
	/* The ATC code, the list and the kinds of section. */
	expect_refused("[class a]\nB1AA03: warfarin\n",
		       "meds.conf:2: \"B1AA03\" before ':' is not an ATC code");
	expect_refused("[class a]\nwarfarin: Coumadin\n",
		       "meds.conf:2: \"warfarin\" before ':' is not an ATC code");
	expect_refused("[class a]\nB01AA03: warfarin,\n[class b]\nx\n",
		       "meds.conf:2: the list ends with ','");
	expect_refused("[class a]\nB01AA03: warfarin, , Coumadin\n",
		       "meds.conf:2: an empty name in a comma-separated list");
	expect_refused("[words maybe]\nperhaps\n", "meds.conf:1: unknown [words maybe]");
	expect_refused("[known x]\ny = 1\n", "meds.conf:2: a [known] section lists names");
	expect_refused("[class a]\nwarfarin\n[known b]\nWarfarin\n",
		       "meds.conf:4: \"Warfarin\" is both a medicine of a class and a known harmless one (see line 2)");
	expect_refused("[class a]\noff\n[words stopped]\noff\n",
		       "meds.conf:4: \"off\" is both a medicine name and a word");
	expect_refused("[known a]\nx\n", "meds.conf:2: the dictionary lists no medication");
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
	/* "x5mg" folds to "x 5 mg": longer than the name as written. */
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

static void parse_with_codes_lists_and_sections_succeeds(void **state)
{
	(void)state;
	const char *text = "[class anticoagulant]\n"
			   "B01AF02: apixaban, Eliquis,\n"
			   "\tApixabanum\n"
			   "blood thinner\n"
			   "[dose aspirin]\n"
			   "B01AC06: aspirin, ASA\n"
			   "low_dose_words = baby\n"
			   "low_dose_max_mg = 100\n"
			   "class = antiplatelet\n"
			   "low_dose_class = low_dose_aspirin\n"
			   "[known statins]\n"
			   "C10AA05: atorvastatin, Lipitor\n"
			   "[words negation]\n"
			   "no,\n"
			   "\tnot\n"
			   "[words none]\n"
			   "none\n";
	mi_meds *m = NULL;
	mi_error err = {0};
	if (mi_meds_parse(text, strlen(text), "x.conf", &m, &err) != MI_OK)
		fail_msg("%s", err.message);
	static const reading_case cases[] = {
		{"apixabanum 5 mg", "Apixabanum=anticoagulant"},
		{"Eliqis", "Eliquis=anticoagulant~"},
		{"baby ASA", "ASA=low_dose_aspirin"},
		{"Lipitor", "Lipitor=known"},
		{"not Eliquis", ""},
		{"none", "NONE"},
		/* "my" is unknown here, but its part has a name: nothing to ask. */
		{"my blood thinner", "blood thinner=anticoagulant"},
	};
	EXPECT_READINGS(m, cases);
	mi_med_text t;
	assert_int_equal(mi_meds_read(m, "Apixabanum", &t, &err), MI_OK);
	assert_string_equal(t.readings[0].substance, "apixaban");
	assert_string_equal(t.readings[0].atc, "B01AF02");
	mi_med_text_clear(&t);
	mi_meds_free(m);
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
		cmocka_unit_test(read_with_unicode_around_names_succeeds),
		cmocka_unit_test(read_dose_with_the_medicine_it_stands_next_to_succeeds),
		cmocka_unit_test(read_every_substance_of_the_atc_groups_succeeds),
		cmocka_unit_test(read_brands_of_each_country_succeeds),
		cmocka_unit_test(read_combinations_with_aspirin_succeeds),
		cmocka_unit_test(read_names_with_their_code_and_substance_succeeds),
		cmocka_unit_test(read_misspellings_succeeds),
		cmocka_unit_test(read_common_harmless_medicines_never_flags_succeeds),
		cmocka_unit_test(read_plain_words_succeeds),
		cmocka_unit_test(read_negation_and_stopped_succeeds),
		cmocka_unit_test(read_unrecognised_medications_succeeds),
	};
	const struct CMUnitTest loader[] = {
		cmocka_unit_test(parse_with_broken_dictionary_fails),
		cmocka_unit_test(load_with_missing_file_fails),
		cmocka_unit_test(parse_with_crlf_and_indented_names_succeeds),
		cmocka_unit_test(parse_with_letters_and_digits_joined_succeeds),
		cmocka_unit_test(parse_with_codes_lists_and_sections_succeeds),
	};
	int failed = cmocka_run_group_tests_name("meds_shipped", shipped, load_shipped, free_shipped);
	failed += cmocka_run_group_tests_name("meds_loader", loader, NULL, NULL);
	return failed;
}
