/* questions.h - the intake questions: their words, their order, how each
 * is typed in.
 *
 * The questions come from data/intake.conf (intake.h loads it; the format
 * is in docs/intake-format.md). The terminal UI walks through them, the
 * FHIR Questionnaire (fhir.h) and the client's copy (client_copy.h) take
 * their texts and labels from them through form.h. When a follow-up is
 * asked is the intake file's asked_when (mi_intake_asks).
 */
#ifndef MI_QUESTIONS_H
#define MI_QUESTIONS_H

#include <stdbool.h>
#include <stddef.h>

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

typedef struct mi_ui_question {
	const char *key;        /* answer key, e.g. "fever", "client.name" */
	const char *label;      /* a few words for the review page, e.g. "Fever" */
	const char *group;      /* "About you", "Your pain", ... */
	mi_ui_question_kind kind;
	const char *text;       /* the question in plain words */
	const char *help;       /* F1 / ? help */
	const char *const *labels; /* for choices: words for each schema value, in order */
	const char *low_label;  /* MI_Q_SCALE: words at 0 */
	const char *high_label; /* MI_Q_SCALE: words at 10 */
	bool optional;          /* may be left empty (text kinds) */
	bool follow_up;         /* has an asked_when: its answer is removed when it becomes hidden */
	bool prefill;           /* stable from visit to visit: the desk offers the last answer */
} mi_ui_question;

/* The questions of the installed intake (mi_intake_install) in order, and
 * how many there are; none before one is installed. */
const mi_ui_question *mi_ui_questions(size_t *count);

#endif
