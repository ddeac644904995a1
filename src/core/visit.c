/* visit.c - the shared vocabularies and freeing a visit. */
#include "mi/visit.h"

#include <stdlib.h>
#include <string.h>

const mi_vocab mi_session_areas[] = {
	{"glutes_piriformis", "glutes / piriformis"},
	{"hips_hip_flexors", "hips / hip flexors"},
	{"hamstrings", "hamstrings"},
	{"mid_back", "mid-back"},
	{"lats_ribs", "lats / ribs"},
	{"low_back", "low back"},
	{"upper_back_shoulders", "upper back / shoulders"},
	{"neck", "neck"},
	{NULL, NULL},
};

const mi_vocab mi_session_techniques[] = {
	{"slow_forearm_pressure", "slow forearm pressure"},
	{"trigger_point_compression", "sustained trigger-point compression"},
	{"friction", "friction"},
	{"stretching_movement", "stretching / movement"},
	{NULL, NULL},
};

const mi_vocab mi_goal_labels[] = {
	{"loosen_low_back_hips", "loosen the low back and hips"},
	{"upper_back_shoulder_mobility", "more mobility in the upper back and shoulders"},
	{"reduce_spasm", "reduce muscle spasm"},
	{"looser_for_activity", "feel looser for work, sport or daily activity"},
	{NULL, NULL},
};

const mi_vocab mi_region_labels[] = {
	{"neck", "neck"},
	{"shoulders", "shoulders"},
	{"upper_back", "upper back"},
	{"mid_back", "mid-back"},
	{"low_back", "low back"},
	{"hips_glutes", "hips and glutes"},
	{"legs", "legs"},
	{NULL, NULL},
};

const char *mi_vocab_label(const mi_vocab *vocab, const char *id)
{
	for (; vocab->id; vocab++)
		if (strcmp(vocab->id, id) == 0)
			return vocab->label;
	return id;
}

bool mi_vocab_has(const mi_vocab *vocab, const char *id)
{
	for (; vocab->id; vocab++)
		if (strcmp(vocab->id, id) == 0)
			return true;
	return false;
}

static void free_strings(char **items, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(items[i]);
	free(items);
}

void mi_session_notes_clear(mi_session_notes *notes)
{
	free_strings(notes->areas, notes->area_count);
	free(notes->areas_other);
	free_strings(notes->techniques, notes->technique_count);
	free(notes->pressure);
	free(notes->response);
	free(notes->therapist_notes);
	memset(notes, 0, sizeof *notes);
}

void mi_visit_free(mi_visit *visit)
{
	if (!visit)
		return;
	free(visit->client_name);
	free(visit->client_birth_date);
	mi_answers_free(visit->answers);
	for (size_t i = 0; i < visit->flag_count; i++)
		free(visit->flags[i].rule_id);
	free(visit->flags);
	free(visit->rules_version);
	free(visit->intake_version);
	free_strings(visit->goals, visit->goal_count);
	free(visit->goals_other);
	mi_session_notes_clear(&visit->notes);
	free(visit->aftercare_notes);
	free(visit->trend);
	free(visit);
}
