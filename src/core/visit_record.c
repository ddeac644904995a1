/* visit_record.c - freeing what a visit keeps beside its intake. */
#include "mi/visit_record.h"

#include <stdlib.h>
#include <string.h>

void mi_note_record_clear(mi_note_record *r)
{
	free(r->signed_by);
	free(r->signed_at);
	for (size_t i = 0; i < r->amendment_count; i++) {
		mi_note_amendment *a = &r->amendments[i];
		free(a->at);
		free(a->who);
		free(a->field);
		free(a->before);
		free(a->after);
	}
	free(r->amendments);
	memset(r, 0, sizeof *r);
}

void mi_visit_record_clear(mi_visit_record *r)
{
	mi_note_record_clear(&r->notes);
	free(r->consent_version);
	free(r->consent_hash);
	memset(r, 0, sizeof *r);
}
