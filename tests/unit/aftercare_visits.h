/* aftercare_visits.h - visits built in memory for the aftercare and PDF
 * tests (no database). Included by tests/unit/test_aftercare.c and
 * test_pdf.c only. Every helper asserts instead of returning errors. */
#ifndef MI_TEST_AFTERCARE_VISITS_H
#define MI_TEST_AFTERCARE_VISITS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/aftercare.h"
#include "mi/answers.h"
#include "mi/visit.h"

/* Text no client copy may ever show. */
#define THERAPIST_ONLY "THERAPIST-ONLY: guarded left QL, query SIJ"

/* A copy of s (NULL stays NULL). */
static inline char *tv_dup(const char *s)
{
	if (!s)
		return NULL;
	char *copy = strdup(s);
	assert_non_null(copy);
	return copy;
}

/* Copies a NULL-terminated list of strings; sets *count. */
static inline char **tv_list(const char *const *items, size_t *count)
{
	size_t n = 0;
	while (items && items[n])
		n++;
	*count = n;
	if (n == 0)
		return NULL;
	char **out = calloc(n, sizeof *out);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++)
		out[i] = tv_dup(items[i]);
	return out;
}

/* A complete visit of client name on date with the answers JSON given. */
static inline mi_visit *tv_visit(long long id, const char *name, const char *date, const char *answers_json)
{
	mi_visit *v = calloc(1, sizeof *v);
	assert_non_null(v);
	v->id = id;
	v->client_id = 1;
	v->client_name = tv_dup(name);
	assert_true(mi_date_parse(date, &v->date));
	v->complete = true;
	mi_error err;
	assert_int_equal(mi_answers_parse(answers_json, strlen(answers_json), &v->answers, &err),
			 MI_OK);
	v->notes.therapist_notes = tv_dup(THERAPIST_ONLY);
	return v;
}

/* Adds a stored flag and raises the outcome to its level. */
static inline void tv_flag(mi_visit *v, const char *rule_id, mi_level level)
{
	mi_visit_flag *grown = realloc(v->flags, (v->flag_count + 1) * sizeof *grown);
	assert_non_null(grown);
	v->flags = grown;
	v->flags[v->flag_count].rule_id = tv_dup(rule_id);
	v->flags[v->flag_count++].level = level;
	if (level > v->outcome)
		v->outcome = level;
}

/* Records the session: areas and techniques are NULL-terminated id lists. */
static inline void tv_session(mi_visit *v, const char *const *areas, const char *pressure,
		       const char *const *techniques)
{
	v->notes.areas = tv_list(areas, &v->notes.area_count);
	v->notes.pressure = tv_dup(pressure);
	v->notes.techniques = tv_list(techniques, &v->notes.technique_count);
}

/* Appends one point to the visit's pain trend (oldest first). */
static inline void tv_trend(mi_visit *v, long long visit_id, const char *date, int pain)
{
	mi_pain_point *grown = realloc(v->trend, (v->trend_count + 1) * sizeof *grown);
	assert_non_null(grown);
	v->trend = grown;
	mi_pain_point *p = &v->trend[v->trend_count++];
	p->visit_id = visit_id;
	assert_true(mi_date_parse(date, &p->date));
	p->pain = pain;
}

/* A first visit that screened proceed. */
static inline mi_visit *tv_first_visit(void)
{
	mi_visit *v = tv_visit(1, "Anna Smith", "2026-11-23",
			       "{\"client\": {\"name\": \"Anna Smith\"}, \"pain_intensity\": 5,"
			       " \"medications\": [], \"pressure_preference\": \"firm\"}");
	tv_session(v, (const char *const[]){"low_back", "glutes_piriformis", "hips_hip_flexors", NULL},
		   "firm",
		   (const char *const[]){"slow_forearm_pressure", "trigger_point_compression", NULL});
	v->goals = tv_list((const char *const[]){"loosen_low_back_hips", NULL}, &v->goal_count);
	v->aftercare_notes = tv_dup("Try the knee-to-chest stretch each morning, gently.");
	tv_trend(v, 1, "2026-11-23", 5);
	return v;
}

/* A first visit of a client on a blood thinner (the shipped example 02). */
static inline mi_visit *tv_blood_thinner(void)
{
	mi_visit *v = tv_visit(2, "Walter Brandt", "2026-11-23",
			       "{\"client\": {\"name\": \"Walter Brandt\", \"birth_date\": "
			       "\"1951-07-02\"}, \"pain_intensity\": 4,"
			       " \"medications\": [\"Xarelto 20mg once a day\", \"atorvastatin\"],"
			       " \"pressure_preference\": \"firm\"}");
	tv_flag(v, "anticoagulant", MI_LEVEL_MODIFY);
	tv_session(v, (const char *const[]){"upper_back_shoulders", "neck", NULL}, "medium",
		   (const char *const[]){"slow_forearm_pressure", NULL});
	v->goals = tv_list((const char *const[]){"upper_back_shoulder_mobility", NULL},
			   &v->goal_count);
	tv_trend(v, 2, "2026-11-23", 4);
	return v;
}

/* A returning client with three pain scores, going down, and two flags. */
static inline mi_visit *tv_returning(void)
{
	mi_visit *v = tv_visit(7, "Ελένη Παπαδοπούλου", "2026-11-23",
			       "{\"client\": {\"name\": \"Ελένη Παπαδοπούλου\"}, \"pain_intensity\": 3,"
			       " \"medications\": [\"ibuprofen as needed\"]}");
	tv_flag(v, "nerve_root_signs", MI_LEVEL_MODIFY);
	tv_flag(v, "dvt_history", MI_LEVEL_MODIFY);
	tv_session(v, (const char *const[]){"low_back", "lats_ribs", "glutes_piriformis", NULL},
		   "medium", (const char *const[]){"stretching_movement", NULL});
	v->goals = tv_list((const char *const[]){"reduce_spasm", NULL}, &v->goal_count);
	v->goals_other = tv_dup("walk the dog without stopping");
	v->aftercare_notes = tv_dup("Heat on the low back tonight.\n"
				    "Gentle hamstring stretch, three times 30 seconds.");
	tv_trend(v, 3, "2026-10-05", 7);
	tv_trend(v, 5, "2026-10-26", 5);
	tv_trend(v, 6, "2026-11-09", -1);
	tv_trend(v, 7, "2026-11-23", 3);
	return v;
}

/* Loads the shipped template from $MI_DATA_DIR. */
static inline mi_aftercare_template *tv_template(void)
{
	const char *dir = getenv("MI_DATA_DIR");
	assert_non_null(dir);
	mi_aftercare_template *tpl = NULL;
	mi_error err;
	mi_status st = mi_aftercare_template_load_dir(dir, &tpl, &err);
	if (st != MI_OK)
		fail_msg("%s", err.message);
	return tpl;
}

/* Builds the document of v with the shipped template. */
static inline mi_aftercare_doc *tv_build(const mi_aftercare_template *tpl, const mi_visit *v)
{
	mi_aftercare_doc *doc = NULL;
	mi_error err;
	if (mi_aftercare_build(tpl, v, &doc, &err) != MI_OK)
		fail_msg("%s", err.message);
	return doc;
}

#endif
