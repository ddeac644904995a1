/* ui_intake.h - the intake walk-through: one question per screen.
 *
 * The questions are a table (questions.h): plain words, help text, the
 * answer key of SPEC section 2, the kind of input, and when a follow-up is
 * shown. Answer types and allowed values come from
 * mi_answers_find_key(); every answer is validated by the mi_answers
 * setters, saved through a draft sink as soon as it is given, and screened
 * with mi_screen.
 *
 * Flow: questions in table order (hidden follow-ups skipped) -> review page
 * (any answer can be changed) -> consent -> MI_UI_DONE from the key
 * handler. Back (Esc or PgUp) and forward never lose an answer.
 *
 * Client mode (kiosk): when the outcome becomes refer or urgent, a notice
 * page gives the rule's own plain-words message (Enter closes it) and a
 * one-line reminder stays on top; no level, rule id or clinical term is
 * shown. Once the outcome is urgent, only the safety questions still to
 * ask are shown (mi_screening_lists_unanswered: the loaded rules decide),
 * then MI_UI_DONE without the review page or the consent to a massage. Therapist mode (desk): a banner with the outcome as a symbol and
 * words, F2 lists each flag with its note and source, and the medication
 * page shows the class each medicine was recognised as.
 *
 * A parent screen (kiosk, desk) feeds keys to mi_ui_intake_key and draws
 * with mi_ui_intake_draw; tests do the same without a terminal.
 */
#ifndef MI_UI_INTAKE_H
#define MI_UI_INTAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/answers.h"
#include "mi/clock.h"
#include "mi/date.h"
#include "mi/error.h"
#include "mi/questions.h"
#include "mi/screen.h"
#include "mi/ui.h"
#include "mi/ui_reading.h"
#include "mi/visit.h"

/* Where answers are saved as they are given. Storage provides one
 * (mi_ui_store_sink in ui_app.h); tests provide their own. Every function
 * returns MI_OK or fills err. */
typedef struct mi_ui_draft_sink {
	void *ctx;
	/* Saves the answer answers hold for key (not answered there: the
	 * answer was removed). */
	mi_status (*save_answer)(void *ctx, long long draft_id, const mi_answers *answers,
				 const char *key, mi_error *err);
} mi_ui_draft_sink;

/* Who is looking at the walk-through. */
typedef enum mi_ui_mode {
	MI_UI_CLIENT,    /* kiosk: plain words, no clinical terms or levels */
	MI_UI_THERAPIST, /* front desk: outcome banner, flags on F2, medication classes */
} mi_ui_mode;

typedef struct mi_ui_intake mi_ui_intake;

typedef struct mi_ui_intake_config {
	mi_ui_mode mode;
	const mi_ruleset *rules; /* for live screening; NULL: none */
	mi_clock clock;          /* asked for today at each use (zeroed: the system clock) */
	mi_ui_draft_sink sink;  /* save_answer NULL: answers stay in memory only */
	long long draft_id;     /* passed to the sink */
	bool lock_identity;     /* name and birth date were given before: not asked */
	/* Only the safety questions the screening lists as unanswered (rules
	 * required), then MI_UI_DONE: no review page, no consent; Esc on the
	 * first one asked is MI_UI_CANCEL. For a stored visit's missing
	 * answers at the desk (app_rescreen.h). */
	bool missing_safety_only;
	/* Therapist mode only (the kiosk shows no one's data): a returning
	 * client's last answers to the stable questions (app_prefill.h), copied.
	 * A question not answered yet that last_time answers shows that answer
	 * pre-selected, marked "last time (DATE)"; it is saved only once it is
	 * confirmed (Enter, or Y/N) or changed, never by passing over it. */
	const mi_answers *last_time; /* NULL: none */
	mi_date last_date;           /* the day of those answers */
} mi_ui_intake_config;

/* A walk-through over a copy of answers (NULL: none yet; the questions
 * already answered are kept), starting at the first shown question not yet
 * answered, or at the review page when all are. Every answer given is
 * validated, stored in the copy, passed to the sink and screened; when the
 * sink fails, the answer is not taken and the status line says why. NULL
 * when out of memory. Free with mi_ui_intake_free. */
mi_ui_intake *mi_ui_intake_new(const mi_ui_intake_config *config, const mi_answers *answers);

/* Frees the walk-through; NULL is fine. */
void mi_ui_intake_free(mi_ui_intake *intake);

/* Reacts to one key: MI_UI_DONE once consent is given, or in client mode
 * once an urgent intake has no safety question left (the caller then
 * completes the visit), MI_UI_CANCEL when Esc is pressed on the first
 * question, MI_UI_IGNORED for a key that means nothing here, MI_UI_HANDLED
 * otherwise. Keys: Enter confirms, Esc/PgUp back, PgDn forward (past an
 * answered question), F1 (or ? where nothing is typed) help, F2 the flags
 * (therapist). */
mi_ui_action mi_ui_intake_key(mi_ui_intake *intake, mi_ui_key key);

/* Draws the current page (at least 80x24). */
void mi_ui_intake_draw(mi_ui_intake *intake, mi_ui_canvas *canvas);

/* The answers so far (owned by the walk-through). */
const mi_answers *mi_ui_intake_answers(const mi_ui_intake *intake);

/* The latest screening (owned by the walk-through). */
const mi_screening *mi_ui_intake_screening(const mi_ui_intake *intake);

/* How many questions are asked with the answers so far (shown ones, the
 * consent not counted): the "of N" of "question 3 of N". */
size_t mi_ui_intake_question_count(const mi_ui_intake *intake);

/* The key of the current question, "review" on the review page. */
const char *mi_ui_intake_current_key(const mi_ui_intake *intake);

/* The text being typed on the current page (UTF-8). Caller frees. */
char *mi_ui_intake_typed(const mi_ui_intake *intake);

/* The status-line message (an error or a notice), "" when none. */
const char *mi_ui_intake_status(const mi_ui_intake *intake);

/* Keeps what was changed on the current page and not confirmed yet, as
 * going back or forward would: true when there was nothing to keep or it
 * was valid and saved, false (the status line says why) otherwise. */
bool mi_ui_intake_keep(mi_ui_intake *intake);

/* Jumps to the question with this key (shown or not); false if unknown. */
bool mi_ui_intake_goto(mi_ui_intake *intake, const char *key);

/* The answer to question q in short words, as the review page lists it:
 * "Yes", "12", the choice's label, "none", "(not answered)". Written into buf. */
void mi_ui_answer_summary(const mi_ui_question *q, const mi_answers *answers, char *buf,
			  size_t size);

/* The words a client sees about the screening outcome, or NULL when there
 * is nothing to say (proceed, modify). Never names a level or a rule. */
const char *mi_ui_client_notice(const mi_screening *screening);

/* The therapist banner text, e.g. "[!! URGENT] seek urgent care now - 1 flag,
 * 0 safety questions unanswered (F2 for details)", in the desk's language,
 * written into buf. details_key adds the F2 hint. When it does not wrap
 * into rows rows of width columns (width 0: no limit), the level's words
 * and then the hint are left out; the mark and the counts always stay. */
void mi_ui_therapist_banner(const mi_screening *screening, bool details_key, int width,
			    int rows, char *buf, size_t size);

/* ---- line mode (ui_plain.h) ----
 * The plain line mode answers a page with what a line says, then sends
 * Enter through mi_ui_intake_key: the same validation, saving, screening
 * and flow as the keys of the full-screen UI. */

/* The current question, NULL on the review page. */
const mi_ui_question *mi_ui_intake_question(const mi_ui_intake *intake);

/* Sets the chosen option (yes/no: 0 yes, 1 no; the scale's value; a
 * choice's value index), as the arrow keys would. */
void mi_ui_intake_set_choice(mi_ui_intake *intake, int choice);

/* Sets the ticked values of a multi-choice or body map (bit i: value i). */
void mi_ui_intake_set_marks(mi_ui_intake *intake, unsigned marks);

/* Replaces the typed text of the page (a text list: the line being
 * typed), as typing it would (control characters skipped). */
void mi_ui_intake_set_typed(mi_ui_intake *intake, const char *text);

/* Empties the lines of a text-list page, to type the list anew. */
void mi_ui_intake_clear_items(mi_ui_intake *intake);

/* The typed words read back and waiting for Y, N (or 1, 2), else NULL. */
const mi_ui_reading *mi_ui_intake_reading(const mi_ui_intake *intake);

/* True while the client is told about the screening (Enter closes it). */
bool mi_ui_intake_notice_open(const mi_ui_intake *intake);

/* The questions the review page lists, in order (at most max); their
 * count. */
size_t mi_ui_intake_review_list(const mi_ui_intake *intake, const mi_ui_question **out,
				size_t max);

/* On the review page, moves to row (mi_ui_intake_review_list's index; the
 * count: continue to sign), for Enter to open it. */
void mi_ui_intake_review_select(mi_ui_intake *intake, size_t row);

#endif
