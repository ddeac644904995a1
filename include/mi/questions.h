/* questions.h - the intake questions: their words, their order, how each
 * is typed in and when a follow-up is shown.
 *
 * One table (src/core/questions.c) describes the questions for everything
 * that shows or exports them: the terminal UI walks through it, the FHIR
 * Questionnaire (fhir.h) and the client's copy (client_copy.h) take their
 * texts and labels from it through form.h. Only wording, order and input
 * kind live here: answer types and allowed values come from the answers
 * schema (answers.h), the screening rules from data/rules.conf.
 *
 * The names keep the mi_ui_ prefix they had when the table lived in the
 * UI; the table itself is meant to move to a data file the clinic can
 * edit, behind the same mi_ui_questions().
 */
#ifndef MI_QUESTIONS_H
#define MI_QUESTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/visit.h"

/* How an answer is typed in. */
typedef enum mi_ui_question_kind {
	MI_Q_YESNO,     /* bool: Yes / No */
	MI_Q_NUMBER,    /* integer in the key's range */
	MI_Q_WEEKS_OR_NONE, /* integer, or empty for null */
	MI_Q_SCALE,     /* 0-10 with words at the ends */
	MI_Q_CHOICE,    /* one of the key's values */
	MI_Q_MULTI,     /* any of the key's values */
	MI_Q_BODYMAP,   /* any of the regions, on a drawing of the back */
	MI_Q_TEXT,      /* one line of free text */
	MI_Q_TEXT_LIST, /* free-text lines, one item each */
	MI_Q_DATE,      /* YYYY-MM-DD */
	MI_Q_CONSENT,   /* typed name; sets consent {agreed, name, date} */
} mi_ui_question_kind;

/* When a question is shown. */
typedef enum mi_ui_show_when {
	MI_SHOW_ALWAYS,
	MI_SHOW_IF_LIST_NOT_EMPTY, /* show_key is a list with at least one item */
} mi_ui_show_when;

typedef struct mi_ui_question {
	const char *key;        /* answer key, e.g. "fever", "client.name" */
	const char *label;      /* a few words for the review page, e.g. "Fever" */
	const char *group;      /* "About you", "Your pain", ... */
	mi_ui_question_kind kind;
	const char *text;       /* the question in plain words */
	const char *help;       /* F1 / ? help */
	const char *const *labels; /* for choices: words for each schema value, in order */
	const mi_vocab *vocab;  /* for choices without labels: words by value */
	const char *low_label;  /* MI_Q_SCALE: words at 0 */
	const char *high_label; /* MI_Q_SCALE: words at 10 */
	bool optional;          /* may be left empty (text kinds) */
	mi_ui_show_when show_when;
	const char *show_key;   /* a follow-up's answer is removed when it becomes hidden */
} mi_ui_question;

/* The questions in order, and how many there are. */
const mi_ui_question *mi_ui_questions(size_t *count);

#endif
