/* screen.h - screening intake answers against the loaded rules.
 *
 * The rules and the medication dictionary are data files (data/rules.conf,
 * data/medications.conf); see rules.h and meds.h for loading them. This
 * header is the contract every caller (CLI, storage, UI, aftercare) uses.
 *
 * Ownership: an mi_screening points into the mi_ruleset it was made with
 * (rule ids, messages, sources); free the screening before the ruleset.
 */
#ifndef MI_SCREEN_H
#define MI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/answers.h"
#include "mi/date.h"
#include "mi/error.h"

/* Levels from least to most severe; the order is relied upon. */
typedef enum mi_level {
	MI_LEVEL_PROCEED = 0, /* deep tissue is fine */
	MI_LEVEL_MODIFY,      /* go ahead but adapt */
	MI_LEVEL_REFER,       /* no deep tissue today; see a clinician */
	MI_LEVEL_URGENT,      /* seek urgent or emergency care now */
} mi_level;

/* "proceed", "modify", "refer", "urgent". */
const char *mi_level_name(mi_level level);

/* The level in a few plain words for the therapist: for a settled
 * outcome ("deep tissue is fine", "seek urgent or emergency care now"), or,
 * with so_far, for one still being answered ("deep tissue is fine so far"),
 * in the desk's language (for people only: never in JSON or the screen
 * text form, which say mi_level_name). */
const char *mi_level_words(mi_level level, bool so_far);

/* The level's mark on a screen: a symbol that reads without colour and
 * the name in capitals ("[ok PROCEED]", "[~ MODIFY]", "[! REFER]",
 * "[!! URGENT]"): a keyword, the same in every language. */
const char *mi_level_tag(mi_level level);

/* True when the outcome reads as proceed but safety questions are
 * unanswered: a missing answer never fires a rule, so the client is not
 * cleared, and the outcome is never shown as "deep tissue is fine". The
 * one rule every place that shows an outcome follows (app_rescreen.h). */
bool mi_level_unscreened(mi_level outcome, size_t unanswered);

/* The mark and the words of an outcome with unanswered safety questions:
 * those of its level, or "[? NOT FULLY SCREENED]" and "deep tissue not
 * cleared: ..." when mi_level_unscreened. */
const char *mi_level_outcome_tag(mi_level outcome, size_t unanswered);
const char *mi_level_outcome_words(mi_level outcome, size_t unanswered, bool so_far);

/* Every mark with its words, in one sentence for a help page ("Outcomes:
 * [ok PROCEED] deep tissue is fine, ...") in the desk's language; caller
 * frees (NULL: out of memory). */
char *mi_level_legend(void);

/* Parses one of the four names; false otherwise. */
bool mi_level_parse(const char *name, mi_level *out);

/* One rule as loaded from the rules file. Owned by its ruleset. */
typedef struct mi_rule {
	const char *id;        /* fixed id, e.g. "anticoagulant" */
	mi_level level;
	const char *when;      /* the condition as written in the file */
	const char *message;   /* plain words for the client */
	const char *note;      /* for the therapist */
	const char *source;    /* where the rule comes from */
} mi_rule;

typedef struct mi_ruleset mi_ruleset;

/* Loads rules.conf, medications.conf and intake.conf from data_dir. */
mi_status mi_ruleset_load_dir(const char *data_dir, mi_ruleset **out, mi_error *err);

/* Loads the intake questions (intake.h), then a rules file and a
 * medication dictionary file, and checks that every answer a rule reads is
 * asked. A broken file is refused with "FILE:LINE: reason" (MI_EDATA), a
 * missing one with MI_ENOINPUT. The intake is installed (mi_intake_install)
 * while the ruleset lives: its questions are the walk-through's, its own
 * keys part of the answers. */
mi_status mi_ruleset_load(const char *rules_path, const char *medications_path,
			  const char *intake_path, mi_ruleset **out, mi_error *err);

/* Frees the ruleset; NULL is fine. */
void mi_ruleset_free(mi_ruleset *rules);

/* The version stored with each visit: the file's declared version and a
 * short hash of both files' contents, e.g. "2026.11-1 (3fa2c81d)". */
const char *mi_ruleset_version(const mi_ruleset *rules);

size_t mi_ruleset_count(const mi_ruleset *rules);
const mi_rule *mi_ruleset_rule(const mi_ruleset *rules, size_t index);
const mi_rule *mi_ruleset_find(const mi_ruleset *rules, const char *id);

/* The compiled rules file of the ruleset (rules.h): its follow-ups, say.
 * Owned by the ruleset. */
struct mi_rulefile;
const struct mi_rulefile *mi_ruleset_rulefile(const mi_ruleset *rules);

/* The intake questions loaded with the rules (intake.h). Owned by the ruleset. */
struct mi_intake;
const struct mi_intake *mi_ruleset_intake(const mi_ruleset *rules);

/* The medication classes recognised in one medication as the client wrote
 * it ("ELIQUIS 5MG twice a day" -> anticoagulant). Fills up to max class
 * names (owned by the ruleset), returns how many were found. */
size_t mi_ruleset_medication_classes(const mi_ruleset *rules, const char *medication,
				     const char **classes, size_t max);

/* How one medication as the client wrote it was read, in a few words for
 * a list that shows the medication next to it: each medicine found, its
 * class first ("anticoagulant (Eliquis, misspelt)", "known (vitamin D)",
 * "anticoagulant (no name: ask which)", "... stopped?"), each part not
 * recognised ("not recognised: heart pill"), or "none". Caller frees; NULL
 * when out of memory. */
char *mi_ruleset_describe_medication(const mi_ruleset *rules, const char *medication);

/* One medicine recognised in the client's medications (see meds.h). */
typedef struct mi_medication_reading {
	size_t item;            /* index in the answers' medications list */
	char *written;          /* the client's words that were read (owned) */
	const char *name;       /* as the dictionary spells it: "Eliquis" */
	const char *substance;  /* "apixaban"; NULL for plain words ("blood thinner") */
	const char *atc;        /* "B01AF02"; NULL when the dictionary gives none */
	const char *class_name; /* "anticoagulant"; NULL for a known harmless medicine */
	bool fuzzy;             /* read from a misspelling */
	bool stopped;           /* the words say it may have been stopped */
} mi_medication_reading;

/* The outcome of screening one answers object. */
typedef struct mi_screening {
	mi_level outcome;            /* most severe flag level; proceed if none */
	const char *intake_version;  /* the fingerprint of the intake questions screened
				      * with (mi_intake_fingerprint; owned by the ruleset),
				      * stored with the visit */
	const mi_rule **flags;       /* fired rules, most severe first, then file order */
	size_t flag_count;
	const char **unanswered;     /* safety questions not answered, in SPEC order */
	size_t unanswered_count;
	mi_medication_reading *medications; /* every medicine recognised, one per
					     * class, in the order of the list */
	size_t medication_count;
	char **unrecognised;         /* parts of the medications in which no medicine
				      * was recognised, as written (owned) */
	size_t unrecognised_count;
} mi_screening;

/* One reading in words for the therapist, e.g.
 *   "eloquis" read as Eliquis (apixaban), anticoagulant
 *   Xarelto (rivaroxaban), anticoagulant, may have been stopped: ask
 *   "blood thinning tablets": anticoagulant, no medicine named: ask which
 *   atorvastatin, known
 * Caller frees; NULL when out of memory. */
char *mi_medication_reading_text(const mi_medication_reading *reading);

/* The medicines behind a flag whose rule reads medication classes, for the
 * therapist note: the readings of those classes joined by "; ". NULL when
 * the rule reads no medication class, none was found, or memory ran out.
 * Caller frees. */
char *mi_screening_flag_medicines(const mi_ruleset *rules, const mi_screening *screening,
				  const char *rule_id);

/* Screens answers at the date today (used for the age from a birth date).
 * Answers that disagree with today are refused first (MI_EDATA, see
 * mi_answers_check_dates). Fills *out, which the caller releases with
 * mi_screening_clear. */
mi_status mi_screen(const mi_ruleset *rules, const mi_answers *answers, mi_date today,
		    mi_screening *out, mi_error *err);

/* Releases what mi_screen allocated; the struct can be reused. */
void mi_screening_clear(mi_screening *screening);

/* True when the rule with this id fired. */
bool mi_screening_has(const mi_screening *screening, const char *rule_id);

/* True when key (a schema key name) is a safety question still to ask:
 * some loaded rule reads it, it is asked for these answers, and it is not
 * answered. */
bool mi_screening_lists_unanswered(const mi_screening *screening, const char *key);

/* SPEC section 3 JSON on one line (no newline):
 * {"outcome": ..., "flags": [{"rule","level","message","source"}], "unanswered": [...],
 *  "medications_read": [{"item", "written", "name", "substance", "atc", "class",
 *  "fuzzy", "stopped"}], "unrecognised_medications": [...]}
 * Caller frees. */
char *mi_screening_to_json(const mi_screening *screening);

/* The text form: "outcome: LEVEL", then one line per flag, one per medicine
 * recognised ("medicine: ..."), one per part not recognised ("not
 * recognised: ..."), then the unanswered questions. Every line ends with a
 * newline. Caller frees. */
char *mi_screening_to_text(const mi_screening *screening);

#endif
