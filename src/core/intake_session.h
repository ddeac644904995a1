/* intake_session.h - the [session_area ID], [session_technique ID] and
 * [followup_plan ID] sections of intake.conf, read by intake_model.c: what
 * a therapist can record as worked and used, which body regions each area
 * covers, and the follow-up plans the desk offers. */
#ifndef MI_INTAKE_SESSION_H
#define MI_INTAKE_SESSION_H

#include <stdbool.h>

#include "mi/intake.h"
#include "mi/overlay.h"
#include "mi/rules.h"

typedef struct mi_session_words mi_session_words;

/* A new, empty set; NULL when out of memory. Caller frees. */
mi_session_words *mi_session_words_new(void);
void mi_session_words_free(mi_session_words *words);

/* True when kind_word names a session section. */
bool mi_session_section(const char *kind_word);

/* Starts the section l, ends the one before it (see _end), and handles
 * one of its settings: label = WORDS, regions = REGION, REGION... (an
 * area), plan = PLAN (a follow-up plan, followup.h). */
mi_status mi_session_words_start(mi_session_words *words, const mi_conf_reader *r,
				 const mi_conf_line *l, mi_error *err);
mi_status mi_session_words_setting(mi_session_words *words, const mi_conf_reader *r,
				   const mi_conf_line *l, mi_error *err);

/* Ends the section being read, if any: it must have a label (and a plan
 * its plan). */
mi_status mi_session_words_end(mi_session_words *words, const mi_conf_reader *r, mi_error *err);

typedef enum mi_session_kind {
	MI_SESSION_AREAS,
	MI_SESSION_TECHNIQUES,
	MI_SESSION_PLANS,
} mi_session_kind;

/* The areas, the techniques or the plans, in file order. */
const mi_intake_word *mi_session_words_list(const mi_session_words *words, mi_session_kind kind,
					    size_t *count);

/* Shows the overlay's words for the areas and techniques (NULL: the
 * file's own); the overlay must outlive their use. */
void mi_session_words_use(mi_session_words *words, const mi_overlay *overlay);

/* Adds each area's and technique's English label to source; false when
 * out of memory. */
bool mi_session_words_source(const mi_session_words *words, mi_overlay_source *source);

#endif
