/* form.h - the intake as a form: one item per answer, addressed by key.
 *
 * The one place that maps an answer key of SPEC section 2 ("pain_intensity",
 * "client.name", "consent.agreed") to its item: the kind of value, the
 * question's words and short label (questions.h), the allowed values with
 * their words, the range, whether a list or null is allowed, and when the
 * question is asked. Objects (client, consent) are spread into one item per
 * field. Exports read the form: the FHIR Questionnaire and
 * QuestionnaireResponse (fhir.h; an item's key is its linkId) and the
 * client's copy (client_copy.h). Nothing here knows FHIR, SQLite or curses.
 *
 * When a question is asked: the asked_when of the installed intake
 * questions (intake.h) when it has one, else a [follow_up KEY] section of
 * the rules file (rules.h), else always.
 */
#ifndef MI_FORM_H
#define MI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/answers.h"
#include "mi/error.h"
#include "mi/rules.h"
#include "mi/screen.h"

typedef enum mi_form_type {
	MI_FORM_BOOLEAN,
	MI_FORM_INTEGER,
	MI_FORM_DATE,   /* YYYY-MM-DD */
	MI_FORM_STRING, /* free text */
	MI_FORM_CHOICE, /* one of options (repeats: any of them) */
} mi_form_type;

typedef struct mi_form_option {
	const char *code;    /* the schema value, e.g. "sudden" */
	const char *display; /* its words, e.g. "Suddenly, without an injury" */
} mi_form_option;

typedef struct mi_form_item {
	const char *key;      /* the answer key; also the FHIR linkId */
	const char *text;     /* the question in plain words */
	const char *label;    /* a few words, e.g. "Fever" */
	mi_form_type type;
	bool repeats;         /* a list: any number of values, [] meaning none */
	bool nullable;        /* null is an answer (recent_surgery_weeks: none) */
	bool required;        /* needed to store an intake */
	bool has_range;       /* integers: min and max */
	long min, max;
	const mi_form_option *options; /* MI_FORM_CHOICE */
	size_t option_count;
	const mi_follow_up_test *asked_when; /* none: always asked */
	size_t asked_when_count;
	bool asked_when_all;  /* all the tests must hold, else any of them */
} mi_form_item;

typedef struct mi_form mi_form;

/* Builds the form from the answers schema, the installed intake questions
 * and, when rules is not NULL, the rules file's follow-ups. A follow-up that cannot
 * be stated as a flat list of tests is MI_EDATA (see
 * mi_rulefile_follow_up_tests). Free with mi_form_free. */
mi_status mi_form_new(const mi_ruleset *rules, mi_form **out, mi_error *err);

/* Frees the form; NULL is fine. */
void mi_form_free(mi_form *form);

/* The items in the order they are asked (owned by the form). */
size_t mi_form_count(const mi_form *form);
const mi_form_item *mi_form_item_at(const mi_form *form, size_t index);

/* The item for an answer key, or NULL when there is none. */
const mi_form_item *mi_form_find(const mi_form *form, const char *key);

/* The words for one of item's values, or code itself when it has none. */
const char *mi_form_option_display(const mi_form_item *item, const char *code);

/* True when item is asked, given answers: its asked_when tests hold (all
 * or any of them). A test on a question that is itself not asked counts as
 * false, as in a FHIR Questionnaire's enableWhen. */
bool mi_form_item_enabled(const mi_form *form, const mi_form_item *item, const mi_answers *answers);

/* The answer to item in a few words for people: "Yes", "4", a choice's
 * words, a list joined with ", ", "none" for null or an empty list. NULL
 * when the question is not answered (or out of memory: *failed). Caller
 * frees. Not made safe for a terminal: the caller sanitizes. */
char *mi_form_answer_text(const mi_form_item *item, const mi_answers *answers, bool *failed);

#endif
