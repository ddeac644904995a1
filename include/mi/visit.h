/* visit.h - one stored visit as the rest of the program sees it.
 *
 * Storage fills an mi_visit (mi_store_visit_load); the aftercare sheet, the
 * UI and `show` read it. Everything in it is owned by the visit and freed
 * by mi_visit_free.
 */
#ifndef MI_VISIT_H
#define MI_VISIT_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/answers.h"
#include "mi/date.h"
#include "mi/screen.h"

/* What the therapist records about the session. */
typedef struct mi_session_notes {
	char **areas;          /* ids of MI_VOCAB_AREA (vocab.h) */
	size_t area_count;
	char *areas_other;     /* free text, or NULL */
	char **techniques;     /* ids of MI_VOCAB_TECHNIQUE */
	size_t technique_count;
	char *pressure;        /* an id of MI_VOCAB_PRESSURE ("light", ...), or NULL */
	char *response;        /* how the client responded, or NULL */
	char *therapist_notes; /* therapist-only; never printed for the client */
} mi_session_notes;

typedef struct mi_visit_flag {
	char *rule_id;
	mi_level level;
} mi_visit_flag;

/* One point of a client's pain trend. */
typedef struct mi_pain_point {
	long long visit_id;
	mi_date date;
	int pain; /* 0-10, or -1 when not answered */
} mi_pain_point;

typedef struct mi_visit {
	long long id;
	long long client_id;
	char *client_name;
	char *client_birth_date; /* "YYYY-MM-DD" or NULL */
	mi_date date;
	bool complete;           /* false: a draft */
	mi_answers *answers;
	mi_level outcome;
	mi_visit_flag *flags;    /* as stored at completion */
	size_t flag_count;
	char *rules_version;     /* NULL for a draft */
	char *intake_version;    /* the intake questions' fingerprint (intake.h);
				  * NULL for a draft or a visit stored before it was kept */
	char **goals;            /* goal ids agreed for the session */
	size_t goal_count;
	char *goals_other;       /* free text, or NULL */
	mi_session_notes notes;
	char *aftercare_notes;   /* the therapist's words for the client, or NULL */
	mi_pain_point *trend;    /* the client's completed visits up to this one, oldest first */
	size_t trend_count;
} mi_visit;

/* Frees everything the visit owns and the visit itself; NULL is fine. */
void mi_visit_free(mi_visit *visit);

/* Frees what notes own and zeroes them. */
void mi_session_notes_clear(mi_session_notes *notes);

#endif
