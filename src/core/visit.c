/* visit.c - freeing a visit. */
#include "mi/visit.h"

#include <stdlib.h>
#include <string.h>

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
