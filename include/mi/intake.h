/* intake.h - the intake model, loaded from data/intake.conf: the questions,
 * their order, groups, kinds, allowed values with their words, help, and
 * when a follow-up is asked, in the rules' expression language.
 *
 * The file is read with the rules' line format (rules.h) and refused with
 * "FILE:LINE: reason" like rules.conf; its format is docs/intake-format.md.
 * A question on a SPEC key (answers.h) keeps that key's type and values; a
 * clinic may add questions of its own (yes/no, choice, several choices,
 * number, text), which become answer keys like the others once the model
 * is installed.
 */
#ifndef MI_INTAKE_H
#define MI_INTAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/error.h"
#include "mi/overlay.h"
#include "mi/questions.h"
#include "mi/rules.h"

typedef struct mi_intake mi_intake;

/* Parses an intake file from text[0..len) (file_name for messages).
 * MI_EDATA with "FILE:LINE: reason" for a broken file; *out untouched. */
mi_status mi_intake_parse(const char *text, size_t len, const char *file_name, mi_intake **out,
			  mi_error *err);

/* Reads and parses a file; a missing file is MI_ENOINPUT. */
mi_status mi_intake_load(const char *path, mi_intake **out, mi_error *err);

/* Frees the model (uninstalling it first when installed); NULL is fine. */
void mi_intake_free(mi_intake *intake);

/* The version the file declares, and its fingerprint: "blake2b:" and the
 * hex BLAKE2b-256 of the file's bytes, stored with each visit. */
const char *mi_intake_version(const mi_intake *intake);
const char *mi_intake_fingerprint(const mi_intake *intake);

/* The questions in order (owned by intake). */
const mi_ui_question *mi_intake_questions(const mi_intake *intake, size_t *count);

/* A session area or technique ([session_area ID] / [session_technique ID])
 * or a follow-up plan ([followup_plan ID]): its id, its words, for an area
 * the body regions it covers (bit i for the i-th value of pain_locations),
 * for a plan the plan (followup.h, as mi_plan_format writes it). */
typedef struct mi_intake_word {
	const char *id;
	const char *label;
	unsigned regions;
	const char *plan;
} mi_intake_word;

/* The question that asks schema key key (the birth date asks `age`), or
 * NULL when no question of intake does (owned by intake). */
const mi_ui_question *mi_intake_question_asking(const mi_intake *intake, const char *key);

/* The session areas and the techniques, in file order (owned by intake). */
const mi_intake_word *mi_intake_session_areas(const mi_intake *intake, size_t *count);
const mi_intake_word *mi_intake_session_techniques(const mi_intake *intake, size_t *count);

/* The follow-up plans the desk offers, in file order (owned by intake). */
const mi_intake_word *mi_intake_followup_plans(const mi_intake *intake, size_t *count);

/* The follow-up conditions, as a rulefile holding only follow-ups (for
 * mi_rulefile_asks and mi_rulefile_follow_up_tests). */
const mi_rulefile *mi_intake_conditions(const mi_intake *intake);

/* True when the question key is asked for answers (at today): it has no
 * asked_when, or its asked_when holds. */
bool mi_intake_asks(const mi_intake *intake, const char *key, const mi_answers *answers,
		    mi_date today);

/* Refuses rules that read a key no question of intake asks, and an
 * asked_when that can never hold (naming a rule that reads its question,
 * if any): MI_EDATA with the intake file's FILE:LINE. `age` counts as
 * asked by client.birth_date. */
mi_status mi_intake_check_rules(const mi_intake *intake, const mi_rulefile *rules, mi_error *err);

/* Makes intake the process's intake: its keys join the answers schema
 * (mi_answers_use_schema) and mi_ui_questions gives its questions. It must
 * stay alive while installed; mi_intake_free puts back the intake that was
 * installed before it (the last installed is freed first). */
void mi_intake_install(mi_intake *intake);

/* Adds the English words of every question ([question KEY]: group, label,
 * text, help, low, high, "option VALUE") and every session area and
 * technique (label) to source, as an overlay translates them (overlay.h).
 * False when out of memory. */
bool mi_intake_source(const mi_intake *intake, mi_overlay_source *source);

/* Shows the overlay's words (NULL: the file's own) in the questions, their
 * options and the session words; an entry the overlay lacks or has stale
 * keeps the file's words. The overlay must outlive their use (switch back
 * with NULL before freeing it). */
void mi_intake_use_words(mi_intake *intake, const mi_overlay *overlay);

/* mi_intake_use_words on the installed intake, if any. */
void mi_intake_installed_use_words(const mi_overlay *overlay);

/* The installed intake, or NULL. */
const mi_intake *mi_intake_installed(void);

#endif
