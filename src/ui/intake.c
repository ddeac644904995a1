/* intake.c - the intake walk-through: state, keys and drawing (no curses). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/intake.h"
#include "mi/translation.h"
#include "mi/ui_field.h"
#include "mi/ui_intake.h"
#include "mi/ui_reading.h"
#include "mi/ui_screened.h"

enum {
	MAX_CHOICES = 16,
	MAX_ITEMS = MI_ANSWERS_MAX_LIST,
	MAX_QUESTIONS = 64, /* the intake file is refused beyond it (intake_model.c) */
	ROW_QUESTION = 3,
	ROW_INPUT = 7,
	ROW_HELP = 20,
	ROW_STATUS = 22,
};

struct mi_ui_intake {
	mi_ui_intake_config config;
	mi_answers *answers;
	mi_answers *last;      /* last visit's answers offered to confirm (therapist); NULL: none */
	mi_screening screening;
	const mi_ui_question *questions;
	size_t count;
	size_t current;        /* question index; `count` is the review page */
	bool return_to_review; /* after answering, go back to the review page */
	bool asked[MAX_QUESTIONS]; /* missing_safety_only: the questions shown so far */
	size_t review_cursor;  /* row on the review page; the last is "continue" */

	/* What is being edited on the current page. */
	mi_ui_field field;
	int choice;            /* highlighted choice, scale value; -1 none */
	unsigned marks;        /* ticked values of a multi-choice */
	char **items;          /* text-list items */
	size_t item_count;
	bool dirty;            /* edited since the page was shown */
	bool offered;          /* the page shows last time's answer, not confirmed yet */
	mi_ui_reading reading; /* typed words read back, waiting for the client's yes */
	bool reading_open;

	bool show_help;
	bool show_flags;
	bool notice_open;      /* client mode: the screening notice page is shown */
	mi_level notified;     /* the most severe outcome the client was told about */
	char status[640];
};

/* The schema values of a question's key (NULL for non-enum keys). */
static const char *const *values_of(const mi_ui_question *q)
{
	const mi_answer_key *key = mi_answers_find_key(q->key);
	return key ? key->values : NULL;
}

/* How many schema values the question's key has. */
static size_t value_count(const mi_ui_question *q)
{
	const char *const *v = values_of(q);
	size_t n = 0;
	while (v && v[n] && n < MAX_CHOICES)
		n++;
	return n;
}

/* The words shown for value i of a choice question. */
static const char *label_of(const mi_ui_question *q, size_t i)
{
	return q->labels ? q->labels[i] : values_of(q)[i];
}

/* True for the consent question. */
static bool is_consent(const mi_ui_question *q)
{
	return q->kind == MI_Q_CONSENT;
}

/* True when question i is asked, given the answers so far. */
static bool shown(const mi_ui_intake *in, size_t i)
{
	const mi_ui_question *q = &in->questions[i];
	if (in->config.lock_identity &&
	    (strcmp(q->key, "client.name") == 0 || strcmp(q->key, "client.birth_date") == 0))
		return false;
	const mi_intake *intake = mi_intake_installed();
	return !q->follow_up || !intake ||
	       mi_intake_asks(intake, q->key, in->answers, mi_clock_today(in->config.clock));
}

/* The index of the consent question. */
static size_t consent_index(const mi_ui_intake *in)
{
	for (size_t i = 0; i < in->count; i++)
		if (is_consent(&in->questions[i]))
			return i;
	return in->count;
}

/* True while the review page is shown. */
static bool on_review(const mi_ui_intake *in)
{
	return in->current == in->count;
}

/* Frees the text-list items being edited. */
static void free_items(mi_ui_intake *in)
{
	for (size_t i = 0; i < in->item_count; i++)
		free(in->items[i]);
	in->item_count = 0;
}

/* Fills the editing state of the current page from the stored answer. */
static void load_page(mi_ui_intake *in)
{
	mi_ui_field_clear(&in->field);
	free_items(in);
	in->choice = -1;
	in->marks = 0;
	in->dirty = false;
	in->offered = false;
	in->reading_open = false;
	in->show_help = false;
	if (on_review(in))
		return;
	const mi_ui_question *q = &in->questions[in->current];
	const mi_answers *a = in->answers;
	if (!mi_answers_has(a, q->key) && in->last && mi_answers_has(in->last, q->key)) {
		a = in->last; /* shown to confirm; saved only by a commit */
		in->offered = true;
	}
	long n;
	bool b;
	switch (q->kind) {
	case MI_Q_YESNO:
		if (mi_answers_get_bool(a, q->key, &b))
			in->choice = b ? 0 : 1;
		break;
	case MI_Q_SCALE:
		if (mi_answers_get_int(a, q->key, &n))
			in->choice = (int)n;
		break;
	case MI_Q_NUMBER:
	case MI_Q_WEEKS_OR_NONE:
		if (mi_answers_get_int(a, q->key, &n)) {
			char buf[32];
			snprintf(buf, sizeof buf, "%ld", n);
			mi_ui_field_set(&in->field, buf);
		}
		break;
	case MI_Q_CHOICE: {
		const char *v = mi_answers_get_text(a, q->key);
		for (size_t i = 0; v && i < value_count(q); i++)
			if (strcmp(values_of(q)[i], v) == 0)
				in->choice = (int)i;
		break;
	}
	case MI_Q_MULTI:
	case MI_Q_BODYMAP:
		for (size_t i = 0; i < value_count(q); i++)
			if (mi_answers_list_contains(a, q->key, values_of(q)[i]))
				in->marks |= 1u << i;
		in->choice = 0;
		break;
	case MI_Q_TEXT:
	case MI_Q_DATE:
		mi_ui_field_set(&in->field, mi_answers_get_text(a, q->key));
		break;
	case MI_Q_TEXT_LIST:
		for (size_t i = 0; i < mi_answers_list_count(a, q->key) && i < MAX_ITEMS; i++) {
			char *copy = strdup(mi_answers_list_item(a, q->key, i));
			if (copy)
				in->items[in->item_count++] = copy;
		}
		break;
	case MI_Q_CONSENT:
		mi_ui_field_set(&in->field, mi_answers_get_text(a, "consent.name"));
		break;
	}
}

/* Runs the screening again on the answers so far. */
static void rescreen(mi_ui_intake *in)
{
	if (!in->config.rules)
		return;
	mi_screening_clear(&in->screening);
	mi_error err;
	if (mi_screen(in->config.rules, in->answers, mi_clock_today(in->config.clock), &in->screening, &err) != MI_OK)
		snprintf(in->status, sizeof in->status, _("Screening failed: %s"), err.message);
}

/* Client mode: opens the notice page when the outcome became refer or
 * urgent, or more severe than what the client was already told. */
static void notice_if_worse(mi_ui_intake *in)
{
	if (in->config.mode != MI_UI_CLIENT || !in->config.rules)
		return;
	mi_level now = in->screening.outcome;
	if (now >= MI_LEVEL_REFER && now > in->notified)
		in->notice_open = true;
	in->notified = now;
}

/* Sends the answer next holds for key (or its removal) to the draft sink. */
static bool save(mi_ui_intake *in, const mi_answers *next, const char *key)
{
	if (!in->config.sink.save_answer)
		return true;
	mi_error err;
	mi_status st = in->config.sink.save_answer(in->config.sink.ctx, in->config.draft_id, next,
						   key, &err);
	if (st != MI_OK) {
		snprintf(in->status, sizeof in->status, _("Could not save the answer: %s"), err.message);
		return false;
	}
	return true;
}

/* A follow-up that has just become hidden loses its answer, so nothing
 * the client no longer means stays stored. */
static void apply_visibility(mi_ui_intake *in, const bool *was_shown)
{
	for (size_t i = 0; i < in->count; i++) {
		const char *key = in->questions[i].key;
		if (was_shown[i] && !shown(in, i) && mi_answers_has(in->answers, key)) {
			mi_answers_unset(in->answers, key);
			save(in, in->answers, key);
		}
	}
}

/* A copy of the answers for a page to set its value on (NULL, with the
 * status line set, when out of memory). */
static mi_answers *draft_copy(mi_ui_intake *in)
{
	mi_answers *next = mi_answers_copy(in->answers);
	if (!next)
		snprintf(in->status, sizeof in->status, _("Out of memory; the answer was not taken."));
	return next;
}

/* Takes next (the answers with key newly set by a typed setter that
 * returned set): saves, screens. On failure the message (friendly, or the
 * setter's) goes to the status line and nothing changes. Frees next when
 * it is not taken. */
static bool take(mi_ui_intake *in, mi_answers *next, const char *key, mi_status set,
		 const mi_error *err, const char *friendly)
{
	if (!next)
		return false;
	if (set != MI_OK) {
		snprintf(in->status, sizeof in->status, "%s", friendly ? friendly : err->message);
		mi_answers_free(next);
		return false;
	}
	/* Not saved: not taken either, so memory and draft agree. */
	if (!save(in, next, key)) {
		mi_answers_free(next);
		return false;
	}
	bool was_shown[MAX_QUESTIONS] = {false};
	for (size_t i = 0; i < in->count; i++)
		was_shown[i] = shown(in, i);
	mi_answers_free(in->answers);
	in->answers = next;
	apply_visibility(in, was_shown);
	rescreen(in);
	notice_if_worse(in);
	return true;
}

/* Parses a whole non-negative number; false for anything else. */
static bool parse_number(const char *text, long *out)
{
	if (!*text || strlen(text) > 6 || strspn(text, "0123456789") != strlen(text))
		return false;
	*out = strtol(text, NULL, 10);
	return true;
}

/* Commits a typed number (or empty for null, when allowed). */
static bool commit_number(mi_ui_intake *in, const mi_ui_question *q, const char *text)
{
	const mi_answer_key *key = mi_answers_find_key(q->key);
	char msg[160];
	snprintf(msg, sizeof msg, _("Please type a number from %ld to %ld."), key ? key->min : 0,
		 key ? key->max : 0);
	long n = 0;
	bool none = *text == '\0' && q->kind == MI_Q_WEEKS_OR_NONE;
	if (!none && !parse_number(text, &n)) {
		snprintf(in->status, sizeof in->status, "%s", msg);
		return false;
	}
	mi_error err;
	mi_answers *next = draft_copy(in);
	mi_status st = !next ? MI_EINTERNAL
		       : none ? mi_answers_set_null(next, q->key, &err)
			      : mi_answers_set_int(next, q->key, n, &err);
	return take(in, next, q->key, st, &err, msg);
}

/* Signs the consent: agreed, the typed name, today. */
static bool commit_consent(mi_ui_intake *in, const char *name)
{
	char date[11];
	mi_date_format(mi_clock_today(in->config.clock), date);
	mi_error err;
	mi_answers *next = draft_copy(in);
	mi_status st = !next ? MI_EINTERNAL : mi_answers_set_bool(next, "consent.agreed", true, &err);
	if (st == MI_OK)
		st = mi_answers_set_text(next, "consent.name", name, &err);
	if (st == MI_OK)
		st = mi_answers_set_text(next, "consent.date", date, &err);
	return take(in, next, "consent", st, &err, NULL);
}

/* Commits a typed text (date, free text, consent). */
static bool commit_text(mi_ui_intake *in, const mi_ui_question *q, const char *text)
{
	if (*text == '\0' && !q->optional) {
		snprintf(in->status, sizeof in->status, "%s",
			 q->kind == MI_Q_CONSENT ? _("Please type your full name to sign.")
						 : _("Please type an answer first."));
		return false;
	}
	const char *friendly = NULL;
	if (q->kind == MI_Q_DATE) {
		mi_date d;
		friendly = _("Please type the date as year-month-day, for example 1980-04-30.");
		if (!mi_date_parse(text, &d)) {
			snprintf(in->status, sizeof in->status, "%s", friendly);
			return false;
		}
		if (mi_date_compare(d, mi_clock_today(in->config.clock)) > 0) {
			snprintf(in->status, sizeof in->status, _("That date is in the future; please check it."));
			return false;
		}
	} else if (strcmp(q->key, "client.phone") == 0) {
		friendly = _("Please type a phone number with digits, spaces and + - ( ) only, or leave it empty.");
	} else if (strcmp(q->key, "client.email") == 0) {
		friendly = _("Please type an e-mail address such as name@example.org, or leave it empty.");
	}
	if (q->kind == MI_Q_CONSENT)
		return commit_consent(in, text);
	mi_error err;
	mi_answers *next = draft_copy(in);
	mi_status st = next ? mi_answers_set_text(next, q->key, text, &err) : MI_EINTERNAL;
	return take(in, next, q->key, st, &err, friendly);
}

/* Commits items[0..count) as the list answer of q. */
static bool commit_list(mi_ui_intake *in, const mi_ui_question *q, const char *const *items,
			size_t count)
{
	mi_error err;
	mi_answers *next = draft_copy(in);
	mi_status st = next ? mi_answers_set_list(next, q->key, items, count, &err) : MI_EINTERNAL;
	return take(in, next, q->key, st, &err, NULL);
}

/* Commits the list of ticked values. */
static bool commit_marks(mi_ui_intake *in, const mi_ui_question *q)
{
	const char *ticked[MAX_CHOICES];
	size_t count = 0;
	for (size_t i = 0; i < value_count(q); i++)
		if (in->marks & (1u << i))
			ticked[count++] = values_of(q)[i];
	return commit_list(in, q, ticked, count);
}

/* Commits the text-list items (plus a line still being typed). */
static bool commit_items(mi_ui_intake *in, const mi_ui_question *q)
{
	const char *items[MAX_ITEMS + 1];
	size_t count = 0;
	for (size_t i = 0; i < in->item_count; i++)
		items[count++] = in->items[i];
	char *typed = mi_ui_field_text(&in->field);
	if (typed && *typed)
		items[count++] = typed;
	bool ok = commit_list(in, q, items, count);
	free(typed);
	return ok;
}

/* Commits a yes/no or a 0-10 scale choice. */
static bool commit_choice(mi_ui_intake *in, const mi_ui_question *q)
{
	mi_error err;
	mi_answers *next = draft_copy(in);
	mi_status st = !next ? MI_EINTERNAL
		       : q->kind == MI_Q_YESNO ? mi_answers_set_bool(next, q->key, in->choice == 0, &err)
		       : q->kind == MI_Q_SCALE ? mi_answers_set_int(next, q->key, in->choice, &err)
					       : mi_answers_set_text(next, q->key, values_of(q)[in->choice], &err);
	return take(in, next, q->key, st, &err, NULL);
}

/* True for a question answered in words and read back before it is kept
 * (answer_reading.c): the pain duration and dates. */
static bool read_in_words(const mi_ui_intake *in, const mi_ui_question *q)
{
	return (q->kind == MI_Q_DATE || strcmp(q->key, "pain_duration_weeks") == 0) &&
	       (in->dirty || !mi_answers_has(in->answers, q->key));
}

/* Reads the typed words: true when they can be kept as typed; otherwise
 * the confirmation is opened or the refusal is on the status line. */
static bool read_typed(mi_ui_intake *in, const mi_ui_question *q)
{
	char *text = mi_ui_field_text(&in->field);
	if (!text)
		return false;
	mi_date today = mi_clock_today(in->config.clock);
	const mi_answer_key *key = mi_answers_find_key(q->key);
	if (q->kind == MI_Q_DATE)
		mi_ui_read_birth_date(text, mi_ui_locale_date_order(), today, &in->reading);
	else
		mi_ui_read_weeks(text, today, key ? key->max : 0, &in->reading);
	free(text);
	in->reading_open = in->reading.kind == MI_UI_READ_CONFIRM ||
			   in->reading.kind == MI_UI_READ_CHOOSE;
	snprintf(in->status, sizeof in->status, "%s",
		 in->reading.kind == MI_UI_READ_REFUSED ? in->reading.question : "");
	return in->reading.kind == MI_UI_READ_AS_TYPED;
}

/* Validates and stores what is on the current page. */
static bool commit(mi_ui_intake *in)
{
	const mi_ui_question *q = &in->questions[in->current];
	if (read_in_words(in, q) && !read_typed(in, q))
		return false;
	switch (q->kind) {
	case MI_Q_YESNO:
	case MI_Q_SCALE:
	case MI_Q_CHOICE:
		if (in->choice < 0) {
			snprintf(in->status, sizeof in->status, "%s",
				 q->kind == MI_Q_YESNO ? _("Please choose Yes or No.")
				 : q->kind == MI_Q_SCALE ? _("Please pick a number from 0 to 10.")
							 : _("Please choose one of the answers."));
			return false;
		}
		return commit_choice(in, q);
	case MI_Q_MULTI:
	case MI_Q_BODYMAP:
		return commit_marks(in, q);
	case MI_Q_TEXT_LIST:
		return commit_items(in, q);
	case MI_Q_NUMBER:
	case MI_Q_WEEKS_OR_NONE:
	case MI_Q_TEXT:
	case MI_Q_DATE:
	case MI_Q_CONSENT: {
		char *text = mi_ui_field_text(&in->field);
		bool ok = text && (q->kind == MI_Q_NUMBER || q->kind == MI_Q_WEEKS_OR_NONE
					   ? commit_number(in, q, text)
					   : commit_text(in, q, text));
		free(text);
		return ok;
	}
	}
	return false;
}

/* Client mode after an urgent outcome, or a visit's missing safety
 * questions at the desk: only the safety questions still to ask (the rules
 * say which), then straight to the end. */
static bool on_safety_path(const mi_ui_intake *in)
{
	return in->config.rules && (in->config.missing_safety_only ||
				    (in->config.mode == MI_UI_CLIENT &&
				     in->screening.outcome == MI_LEVEL_URGENT));
}

/* True when question j is a safety question still to ask: the one that
 * asks a key the screening lists (mi_intake_question_asking: the birth
 * date asks the age the rules read from it). */
static bool safety_question_missing(const mi_ui_intake *in, size_t j)
{
	const mi_intake *intake = mi_intake_installed();
	for (size_t u = 0; u < in->screening.unanswered_count; u++) {
		const mi_ui_question *q = mi_intake_question_asking(intake, in->screening.unanswered[u]);
		if (q && strcmp(q->key, in->questions[j].key) == 0)
			return true;
	}
	return false;
}

/* The next shown safety question still to ask after the current one
 * (then from the start), or count when none is. */
static size_t next_safety_question(const mi_ui_intake *in)
{
	size_t from = in->current < in->count ? in->current + 1 : 0;
	for (size_t step = 0; step < in->count; step++) {
		size_t j = (from + step) % in->count;
		if (shown(in, j) && !is_consent(&in->questions[j]) && safety_question_missing(in, j))
			return j;
	}
	return in->count;
}

/* The next shown question after i (not the consent), or count for the
 * review page (on the urgent path: for the end). */
static size_t next_index(const mi_ui_intake *in, size_t i)
{
	if (on_safety_path(in))
		return next_safety_question(in);
	for (size_t j = i + 1; j < in->count; j++)
		if (shown(in, j) && !is_consent(&in->questions[j]))
			return j;
	return in->count;
}

/* The previous shown question before i (with missing_safety_only: of
 * those asked), or SIZE_MAX when there is none. */
static size_t prev_index(const mi_ui_intake *in, size_t i)
{
	for (size_t j = i; j-- > 0;)
		if (shown(in, j) && !is_consent(&in->questions[j]) &&
		    (!in->config.missing_safety_only || in->asked[j]))
			return j;
	return (size_t)-1;
}

/* Shows question index (count: the review page) with its stored answer. */
static void go_to(mi_ui_intake *in, size_t index)
{
	in->current = index;
	if (index < in->count)
		in->asked[index] = true;
	load_page(in);
}

/* The first shown question not answered yet (review page when none). */
static size_t first_unanswered(const mi_ui_intake *in)
{
	for (size_t i = 0; i < in->count; i++)
		if (shown(in, i) && !is_consent(&in->questions[i]) &&
		    !mi_answers_has(in->answers, in->questions[i].key))
			return i;
	return in->count;
}

/* Rows listed on the review page: shown questions other than the consent. */
static size_t review_rows(const mi_ui_intake *in, size_t *rows, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < in->count && n < max; i++)
		if (shown(in, i) && !is_consent(&in->questions[i]))
			rows[n++] = i;
	return n;
}

/* After a committed answer: on to the next page. */
static mi_ui_action advance(mi_ui_intake *in)
{
	in->status[0] = '\0';
	if (is_consent(&in->questions[in->current]))
		return MI_UI_DONE;
	if (on_safety_path(in)) {
		/* No review and no consent to a massage: the client is to get care now. */
		in->return_to_review = false;
		size_t next = next_safety_question(in);
		if (next == in->count)
			return MI_UI_DONE;
		go_to(in, next);
		return MI_UI_HANDLED;
	}
	if (in->return_to_review) {
		in->return_to_review = false;
		go_to(in, in->count);
	} else {
		go_to(in, next_index(in, in->current));
	}
	return MI_UI_HANDLED;
}

/* Leaves the page without Enter (Back/Forward): edits are kept when valid. */
static bool leave_page(mi_ui_intake *in)
{
	if (!in->dirty)
		return true;
	return commit(in);
}

/* Keys of the review page: move, change an answer, continue to sign. */
static mi_ui_action review_key(mi_ui_intake *in, mi_ui_key key)
{
	size_t rows[MAX_QUESTIONS];
	size_t n = review_rows(in, rows, MAX_QUESTIONS);
	switch (key.kind) {
	case MI_KEY_UP:
		if (in->review_cursor > 0)
			in->review_cursor--;
		return MI_UI_HANDLED;
	case MI_KEY_DOWN:
	case MI_KEY_TAB:
		if (in->review_cursor < n)
			in->review_cursor++;
		return MI_UI_HANDLED;
	case MI_KEY_HOME:
		in->review_cursor = 0;
		return MI_UI_HANDLED;
	case MI_KEY_END:
		in->review_cursor = n;
		return MI_UI_HANDLED;
	case MI_KEY_CHAR:
		if (key.ch != L'c' && key.ch != L'C')
			return MI_UI_IGNORED;
		in->review_cursor = n;
		__attribute__((fallthrough)); /* continue to sign */
	case MI_KEY_PGDN:
	case MI_KEY_ENTER:
		if (key.kind != MI_KEY_ENTER)
			in->review_cursor = n;
		if (in->review_cursor >= n) {
			if (on_safety_path(in))
				return MI_UI_DONE;
			size_t missing = first_unanswered(in);
			if (missing < in->count) {
				snprintf(in->status, sizeof in->status,
					 _("One question is not answered yet; it is shown now."));
				in->return_to_review = true;
				go_to(in, missing);
				return MI_UI_HANDLED;
			}
			go_to(in, consent_index(in));
			return MI_UI_HANDLED;
		}
		in->return_to_review = true;
		go_to(in, rows[in->review_cursor]);
		return MI_UI_HANDLED;
	case MI_KEY_ESC:
	case MI_KEY_PGUP: {
		size_t prev = prev_index(in, in->count);
		if (prev != (size_t)-1)
			go_to(in, prev);
		return MI_UI_HANDLED;
	}
	default:
		return MI_UI_IGNORED;
	}
}

/* Keys of choice-like pages (yes/no, choice, multi, body map, scale). */
static mi_ui_action choice_key(mi_ui_intake *in, const mi_ui_question *q, mi_ui_key key)
{
	int n = q->kind == MI_Q_YESNO ? 2 : q->kind == MI_Q_SCALE ? 11 : (int)value_count(q);
	bool multi = q->kind == MI_Q_MULTI || q->kind == MI_Q_BODYMAP;
	bool prev = key.kind == MI_KEY_UP || key.kind == MI_KEY_BTAB;
	bool next = key.kind == MI_KEY_DOWN || key.kind == MI_KEY_TAB;
	if (q->kind == MI_Q_SCALE || q->kind == MI_Q_YESNO) {
		prev = prev || key.kind == MI_KEY_LEFT;
		next = next || key.kind == MI_KEY_RIGHT;
	}
	if (prev || next) {
		if (in->choice < 0)
			in->choice = prev ? n - 1 : 0;
		else
			in->choice = (in->choice + (prev ? n - 1 : 1)) % n;
		if (!multi)
			in->dirty = true;
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_HOME || key.kind == MI_KEY_END) {
		in->choice = key.kind == MI_KEY_HOME ? 0 : n - 1;
		in->dirty = in->dirty || !multi;
		return MI_UI_HANDLED;
	}
	if (key.kind != MI_KEY_CHAR)
		return MI_UI_IGNORED;
	wchar_t c = key.ch;
	if (q->kind == MI_Q_YESNO && (c == L'y' || c == L'Y' || c == L'n' || c == L'N')) {
		in->choice = (c == L'y' || c == L'Y') ? 0 : 1;
		return commit(in) ? advance(in) : MI_UI_HANDLED;
	}
	if (q->kind == MI_Q_SCALE && c >= L'0' && c <= L'9') {
		in->choice = (c == L'0' && in->choice == 1) ? 10 : (int)(c - L'0');
		in->dirty = true;
		return MI_UI_HANDLED;
	}
	if (multi && c == L' ' && in->choice >= 0) {
		in->marks ^= 1u << in->choice;
		in->dirty = true;
		return MI_UI_HANDLED;
	}
	if ((q->kind == MI_Q_CHOICE || multi) && c >= L'1' && c < L'1' + n) {
		in->choice = (int)(c - L'1');
		if (multi)
			in->marks ^= 1u << in->choice;
		in->dirty = true;
		return MI_UI_HANDLED;
	}
	return MI_UI_IGNORED;
}

/* Keys of the medication list page. */
static mi_ui_action list_key(mi_ui_intake *in, mi_ui_key key)
{
	if (key.kind == MI_KEY_ENTER) {
		char *typed = mi_ui_field_text(&in->field);
		if (!typed)
			return MI_UI_IGNORED;
		if (*typed == '\0') {
			free(typed);
			return commit(in) ? advance(in) : MI_UI_HANDLED;
		}
		if (in->item_count >= MAX_ITEMS) {
			free(typed);
			snprintf(in->status, sizeof in->status, _("That is as many lines as the list can hold."));
			return MI_UI_HANDLED;
		}
		in->items[in->item_count++] = typed;
		mi_ui_field_clear(&in->field);
		in->dirty = true;
		in->status[0] = '\0';
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_BACKSPACE && in->field.len == 0 && in->item_count > 0) {
		char *last = in->items[--in->item_count];
		mi_ui_field_set(&in->field, last);
		free(last);
		in->dirty = true;
		return MI_UI_HANDLED;
	}
	mi_ui_action a = mi_ui_field_key(&in->field, key);
	if (a == MI_UI_HANDLED)
		in->dirty = true;
	return a;
}

/* Back: the previous question, keeping valid edits; after a change made
 * from the review page, back to the review page. */
static mi_ui_action go_back(mi_ui_intake *in)
{
	if (in->return_to_review) {
		if (!leave_page(in))
			return MI_UI_HANDLED;
		in->status[0] = '\0';
		in->return_to_review = false;
		go_to(in, in->count);
		return MI_UI_HANDLED;
	}
	size_t prev = prev_index(in, in->current);
	if (prev == (size_t)-1)
		return MI_UI_CANCEL;
	if (!leave_page(in))
		return MI_UI_HANDLED;
	in->status[0] = '\0';
	in->return_to_review = false;
	go_to(in, prev);
	return MI_UI_HANDLED;
}

/* Forward without Enter: only past an answered question. */
static mi_ui_action go_forward(mi_ui_intake *in)
{
	const mi_ui_question *q = &in->questions[in->current];
	if (in->dirty)
		return commit(in) ? advance(in) : MI_UI_HANDLED;
	if (!mi_answers_has(in->answers, q->key)) {
		snprintf(in->status, sizeof in->status, "%s",
			 in->offered ? _("Please confirm last time's answer with Enter, or change it.")
				     : _("Please answer this question first."));
		return MI_UI_HANDLED;
	}
	return advance(in);
}

/* Keys while typed words are read back: Y keeps the reading (1 or 2 the
 * chosen one of two), N or Esc goes back to the typed words to change them. */
static mi_ui_action reading_key(mi_ui_intake *in, mi_ui_key key)
{
	const mi_ui_question *q = &in->questions[in->current];
	const char *value;
	switch (mi_ui_reading_reply(&in->reading, key, &value)) {
	case MI_UI_REPLY_KEEP: {
		in->reading_open = false;
		mi_ui_field_set(&in->field, value);
		bool ok = q->kind == MI_Q_DATE ? commit_text(in, q, value) : commit_number(in, q, value);
		return ok ? advance(in) : MI_UI_HANDLED;
	}
	case MI_UI_REPLY_CHANGE:
		in->reading_open = false;
		snprintf(in->status, sizeof in->status, _("Please change your answer and press Enter."));
		return MI_UI_HANDLED;
	case MI_UI_REPLY_NONE:
		break;
	}
	snprintf(in->status, sizeof in->status, "%s",
		 in->reading.kind == MI_UI_READ_CHOOSE
			 ? _("Please press 1 or 2, or N to change your answer.")
			 : _("Please press Y if it is right, or N to change it."));
	return MI_UI_HANDLED;
}

/* Routes one key to help, flags, navigation or the current page. */
mi_ui_action mi_ui_intake_key(mi_ui_intake *in, mi_ui_key key)
{
	if (key.kind == MI_KEY_F2 && in->config.mode == MI_UI_THERAPIST) {
		in->show_flags = !in->show_flags;
		return MI_UI_HANDLED;
	}
	if (in->show_flags) {
		in->show_flags = false;
		return MI_UI_HANDLED;
	}
	if (in->notice_open) {
		if (key.kind != MI_KEY_ENTER)
			return MI_UI_IGNORED;
		in->notice_open = false;
		return MI_UI_HANDLED;
	}
	if (in->reading_open)
		return reading_key(in, key);
	if (on_review(in))
		return review_key(in, key);
	const mi_ui_question *q = &in->questions[in->current];
	bool typing = q->kind == MI_Q_TEXT || q->kind == MI_Q_DATE || q->kind == MI_Q_NUMBER ||
		      q->kind == MI_Q_WEEKS_OR_NONE || q->kind == MI_Q_TEXT_LIST ||
		      q->kind == MI_Q_CONSENT;
	if (key.kind == MI_KEY_F1 || (!typing && key.kind == MI_KEY_CHAR && key.ch == L'?')) {
		in->show_help = !in->show_help;
		return MI_UI_HANDLED;
	}
	switch (key.kind) {
	case MI_KEY_ESC:
	case MI_KEY_PGUP:
		return go_back(in);
	case MI_KEY_PGDN:
		return go_forward(in);
	default:
		break;
	}
	if (q->kind == MI_Q_TEXT_LIST)
		return list_key(in, key);
	if (key.kind == MI_KEY_ENTER)
		return commit(in) ? advance(in) : MI_UI_HANDLED;
	if (typing) {
		if (key.kind == MI_KEY_CHAR && !mi_ui_field_accepts(key.ch))
			return MI_UI_IGNORED;
		mi_ui_action a = mi_ui_field_key(&in->field, key);
		if (a == MI_UI_HANDLED)
			in->dirty = true;
		else if (key.kind == MI_KEY_CHAR)
			snprintf(in->status, sizeof in->status, _("The answer cannot be any longer."));
		return a;
	}
	return choice_key(in, q, key);
}

/* ---- drawing ---- */

const char *mi_ui_client_notice(const mi_screening *s)
{
	if (!s || s->outcome < MI_LEVEL_REFER)
		return NULL;
	if (s->outcome == MI_LEVEL_URGENT) {
		for (size_t i = 0; i < s->flag_count; i++)
			if (s->flags[i]->level == MI_LEVEL_URGENT && s->flags[i]->message &&
			    *s->flags[i]->message)
				return mi_translation_rule_message(s->flags[i]);
		return _("Please seek urgent medical care now, and tell the front desk.");
	}
	return _("Please speak to the front desk before your session.");
}

/* True when text, word-wrapped width columns wide, takes at most rows rows
 * (always, for width 0). */
static bool wraps_within(const char *text, int width, int rows)
{
	return width <= 0 || mi_ui_wrap(NULL, 0, 0, width, rows + 1, 0, text) <= rows;
}

/* The outcome as symbol, words, flag and unanswered counts, within rows
 * rows of width columns (0: any): the level's words go first, then the key
 * hint; the mark and the counts always stay. */
void mi_ui_therapist_banner(const mi_screening *s, bool details_key, int width, int rows,
			    char *buf, size_t size)
{
	if (!s) {
		snprintf(buf, size, "%s", _("[?] no screening rules loaded"));
		return;
	}
	char counts[192], meds[96] = "";
	if (s->unrecognised_count)
		/* TRANSLATORS: added after the counts of the therapist's banner. */
		snprintf(meds, sizeof meds,
			 dngettext(MI_TEXT_DOMAIN, ", %zu medicine not recognised", ", %zu medicines not recognised",
				  s->unrecognised_count),
			 s->unrecognised_count);
	char flags[64], unanswered[128];
	snprintf(flags, sizeof flags, dngettext(MI_TEXT_DOMAIN, "%zu flag", "%zu flags", s->flag_count),
		 s->flag_count);
	snprintf(unanswered, sizeof unanswered,
		 dngettext(MI_TEXT_DOMAIN, "%zu safety question unanswered", "%zu safety questions unanswered",
			  s->unanswered_count),
		 s->unanswered_count);
	/* TRANSLATORS: the counts of the therapist's banner, e.g. "1 flag, 2 safety
	 * questions unanswered": the flags, then the questions. */
	snprintf(counts, sizeof counts, _("%s, %s"), flags, unanswered);
	const char *tag = mi_level_outcome_tag(s->outcome, s->unanswered_count);
	const char *words = mi_level_outcome_words(s->outcome, s->unanswered_count, true);
	/* TRANSLATORS: the therapist's banner says F2 shows the flags. */
	const char *hint = details_key ? _(" (F2 for details)") : "";
	snprintf(buf, size, "%s %s - %s%s%s", tag, words, counts, meds, hint);
	if (!wraps_within(buf, width, rows))
		snprintf(buf, size, "%s - %s%s%s", tag, counts, meds, hint);
	if (!wraps_within(buf, width, rows))
		snprintf(buf, size, "%s - %s%s", tag, counts, meds);
}

/* The answer to question q in short words (the review page, the desk). */
void mi_ui_answer_summary(const mi_ui_question *q, const mi_answers *a, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!mi_answers_has(a, q->key)) {
		snprintf(buf, size, _("(not answered)"));
		return;
	}
	bool b;
	long n;
	switch (q->kind) {
	case MI_Q_YESNO:
		snprintf(buf, size, "%s",
			 mi_answers_get_bool(a, q->key, &b) && b ? P_("answer", "Yes") : P_("answer", "No"));
		return;
	case MI_Q_SCALE:
	case MI_Q_NUMBER:
	case MI_Q_WEEKS_OR_NONE:
		if (mi_answers_get_int(a, q->key, &n))
			snprintf(buf, size, "%ld", n);
		else
			snprintf(buf, size, _("none"));
		return;
	case MI_Q_CHOICE: {
		const char *v = mi_answers_get_text(a, q->key);
		for (size_t i = 0; v && i < value_count(q); i++)
			if (strcmp(values_of(q)[i], v) == 0)
				snprintf(buf, size, "%s", label_of(q, i));
		return;
	}
	case MI_Q_MULTI:
	case MI_Q_BODYMAP: {
		size_t used = 0;
		for (size_t i = 0; i < value_count(q); i++)
			if (mi_answers_list_contains(a, q->key, values_of(q)[i]) && used < size)
				used += (size_t)snprintf(buf + used, size - used, "%s%s",
							 used ? ", " : "", label_of(q, i));
		if (used == 0)
			snprintf(buf, size, _("none"));
		return;
	}
	case MI_Q_TEXT_LIST: {
		size_t used = 0, count = mi_answers_list_count(a, q->key);
		for (size_t i = 0; i < count && used < size; i++)
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "; " : "",
						 mi_answers_list_item(a, q->key, i));
		if (count == 0)
			snprintf(buf, size, _("none"));
		return;
	}
	default: {
		const char *t = mi_answers_get_text(a, q->key);
		snprintf(buf, size, "%s", t && *t ? t : _("(left empty)"));
		return;
	}
	}
}

/* The simple back outline with the seven regions (pain_locations order). */
static const char *const body_lines[] = {
	"          .---.",
	"          (   )",
	"           | |",
	"     .----'   '----.",
	"    /               \\",
	"   |                 |",
	"   |  - - - - - - -  |",
	"   |                 |",
	"   |  - - - - - - -  |",
	"   |                 |",
	"    \\_______________/",
	"     |             |",
	"     |      |      |",
};
static const struct {
	int row, col;
	const char *word;
} body_labels[] = {
	{2, 16, N_("neck")}, {4, 6, N_("shoulders")}, {5, 5, N_("upper back")}, {7, 7, N_("mid-back")},
	{9, 7, N_("low back")}, {11, 8, N_("hips")}, {12, 0, N_("legs")},
};

/* The back outline with ticked regions in capitals, and the tick list. */
static void draw_bodymap(const mi_ui_intake *in, const mi_ui_question *q, mi_ui_canvas *c)
{
	int top = ROW_INPUT - 1;
	for (size_t i = 0; i < sizeof body_lines / sizeof body_lines[0]; i++)
		mi_ui_put(c, top + (int)i, 2, 0, -1, body_lines[i]);
	for (size_t i = 0; i < value_count(q) && i < sizeof body_labels / sizeof body_labels[0]; i++) {
		bool on = in->marks & (1u << i);
		char word[32];
		snprintf(word, sizeof word, "%s", _(body_labels[i].word));
		if (on)
			for (char *p = word; *p; p++)
				*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		unsigned attr = on ? MI_UI_BOLD | MI_UI_REVERSE : 0;
		if ((int)i == in->choice)
			attr |= MI_UI_UNDERLINE;
		mi_ui_put(c, top + body_labels[i].row, 2 + body_labels[i].col, attr, -1, word);
	}
	for (size_t i = 0; i < value_count(q); i++) {
		bool on = in->marks & (1u << i);
		bool cur = (int)i == in->choice;
		mi_ui_putf(c, ROW_INPUT + (int)i, 40, cur ? MI_UI_REVERSE : 0, "%s %zu [%s] %s",
			   cur ? ">" : " ", i + 1, on ? "x" : " ", label_of(q, i));
	}
	mi_ui_put(c, ROW_INPUT + (int)value_count(q) + 1, 40, 0, 38,
		  _("Ticked areas are in CAPITALS."));
}

/* A list of choices: (*) for one, [x] for many. */
static void draw_choices(const mi_ui_intake *in, const mi_ui_question *q, mi_ui_canvas *c)
{
	bool multi = q->kind == MI_Q_MULTI;
	for (size_t i = 0; i < value_count(q); i++) {
		bool cur = (int)i == in->choice;
		if (multi)
			mi_ui_putf(c, ROW_INPUT + (int)i, 4, cur ? MI_UI_REVERSE : 0, "%s %zu [%s] %s",
				   cur ? ">" : " ", i + 1, in->marks & (1u << i) ? "x" : " ",
				   label_of(q, i));
		else
			mi_ui_putf(c, ROW_INPUT + (int)i, 4, cur ? MI_UI_REVERSE : 0, "%s %zu (%s) %s",
				   cur ? ">" : " ", i + 1, cur ? "*" : " ", label_of(q, i));
	}
}

/* Yes and No, the chosen one marked (*). */
static void draw_yesno(const mi_ui_intake *in, mi_ui_canvas *c)
{
	const char *const words[] = {P_("answer", "Yes"), P_("answer", "No")};
	for (int i = 0; i < 2; i++) {
		bool cur = in->choice == i;
		mi_ui_putf(c, ROW_INPUT + i, 4, cur ? MI_UI_REVERSE : 0, "%s (%s) %s", cur ? ">" : " ",
			   cur ? "*" : " ", words[i]);
	}
}

/* 0 to 10 with the chosen number in brackets and words at the ends. */
static void draw_scale(const mi_ui_intake *in, const mi_ui_question *q, mi_ui_canvas *c)
{
	int x = 4;
	for (int i = 0; i <= 10; i++) {
		bool cur = in->choice == i;
		x += mi_ui_putf(c, ROW_INPUT + 1, x, cur ? MI_UI_REVERSE | MI_UI_BOLD : 0,
				cur ? "[%d]" : " %d ", i);
		x += 2;
	}
	mi_ui_putf(c, ROW_INPUT + 3, 4, 0, "0 = %s", q->low_label);
	mi_ui_putf(c, ROW_INPUT + 4, 4, 0, "10 = %s", q->high_label);
	if (in->choice >= 0)
		mi_ui_putf(c, ROW_INPUT + 6, 4, MI_UI_BOLD, _("Your answer: %d"), in->choice);
}

/* The medication lines, with the recognised class for the therapist. */
static void draw_list(const mi_ui_intake *in, mi_ui_canvas *c)
{
	int row = ROW_INPUT;
	size_t first = in->item_count > 9 ? in->item_count - 9 : 0;
	for (size_t i = first; i < in->item_count; i++, row++) {
		int w = mi_ui_putf(c, row, 4, 0, "%zu. ", i + 1);
		w += mi_ui_put(c, row, 4 + w, 0, 40, in->items[i]);
		if (in->config.mode == MI_UI_THERAPIST && in->config.rules) {
			char *read = mi_ruleset_describe_medication(in->config.rules, in->items[i]);
			mi_ui_putf(c, row, 48, MI_UI_BOLD, "-> %s", read ? read : "?");
			free(read);
		}
	}
	mi_ui_putf(c, row, 4, 0, "%zu. ", in->item_count + 1);
	mi_ui_field_draw(&in->field, c, row, 8, 60, true);
}

/* Every shown question with its answer, scrolled to the cursor. */
static void draw_review(const mi_ui_intake *in, mi_ui_canvas *c)
{
	size_t rows[MAX_QUESTIONS];
	size_t n = review_rows(in, rows, MAX_QUESTIONS);
	mi_ui_put(c, ROW_QUESTION, 2, MI_UI_BOLD, -1,
		  _("Please check your answers. Choose one with Enter to change it."));
	int height = ROW_STATUS - 1 - (ROW_QUESTION + 2);
	size_t top = 0;
	if (in->review_cursor >= (size_t)height)
		top = in->review_cursor - (size_t)height + 1;
	for (size_t r = top; r <= n && (int)(r - top) < height; r++) {
		int y = ROW_QUESTION + 2 + (int)(r - top);
		bool cur = r == in->review_cursor;
		unsigned attr = cur ? MI_UI_REVERSE : 0;
		if (r == n) {
			mi_ui_put(c, y, 2, attr | MI_UI_BOLD, -1,
				  cur ? _("> All correct: continue to sign") : _("  All correct: continue to sign"));
			continue;
		}
		const mi_ui_question *q = &in->questions[rows[r]];
		char answer[256];
		mi_ui_answer_summary(q, in->answers, answer, sizeof answer);
		mi_ui_fill(c, y, 2, 76, L' ', attr);
		mi_ui_put(c, y, 2, attr, 2, cur ? "> " : "  ");
		mi_ui_put(c, y, 4, attr, 34, q->label);
		mi_ui_put(c, y, 40, attr, 38, answer);
	}
}

/* The mark over an answer offered from the last visit: what it was and
 * that it waits to be confirmed. */
static void draw_last_time(const mi_ui_intake *in, const mi_ui_question *q, mi_ui_canvas *c)
{
	char answer[160], date[11], line[256];
	mi_ui_answer_summary(q, in->last, answer, sizeof answer);
	mi_date_format(in->config.last_date, date);
	/* TRANSLATORS: over an answer offered from the last visit; %1$s is its
	 * date, %2$s the answer. */
	snprintf(line, sizeof line, _("last time (%s): %s - Enter confirms it, or change it"),
		 date, answer);
	/* Right over the answer, or under the drawing of the back. */
	int row = q->kind == MI_Q_BODYMAP ? ROW_HELP - 1 : ROW_INPUT - 1;
	mi_ui_put(c, row, 2, MI_UI_BOLD, 76, line);
}

/* The banner under the title: the screening for the therapist, calm words
 * for the client when there is something to say. Returns rows used. */
static int draw_banner(const mi_ui_intake *in, mi_ui_canvas *c)
{
	if (in->config.mode == MI_UI_THERAPIST) {
		char buf[256];
		mi_level level = in->config.rules ? in->screening.outcome : MI_LEVEL_PROCEED;
		size_t unanswered = in->config.rules ? in->screening.unanswered_count : 0;
		/* Two rows: the second is free until F2 lists the flags there. */
		mi_ui_therapist_banner(in->config.rules ? &in->screening : NULL, true, c->cols - 2, 2,
				       buf, sizeof buf);
		return mi_ui_wrap(c, 1, 1, c->cols - 2, 2, mi_ui_outcome_attr(level, unanswered), buf);
	}
	if (!in->config.rules || in->screening.outcome < MI_LEVEL_REFER)
		return 0;
	if (in->screening.outcome == MI_LEVEL_URGENT)
		mi_ui_put(c, 1, 1, MI_UI_BOLD, 78,
			  _("!! Please seek urgent medical care now, and tell the front desk."));
	else
		mi_ui_put(c, 1, 1, 0, 78, _("Please speak to the front desk before your session."));
	return 1;
}

/* Client mode: the page that tells the client, in the rule's own plain
 * words, what to do now. */
static void draw_notice(const mi_ui_intake *in, mi_ui_canvas *c)
{
	for (int k = 1; k < c->rows - 1; k++)
		mi_ui_fill(c, k, 0, c->cols, L' ', 0);
	const char *notice = mi_ui_client_notice(&in->screening);
	int y = 3;
	y += mi_ui_wrap(c, y, 4, 72, 10, MI_UI_BOLD, notice ? notice : "");
	mi_ui_wrap(c, y + 1, 4, 72, 2, 0, _("Press Enter to go on with the questions."));
	mi_ui_draw_keys(c, _("Enter continue"));
}

/* The F2 overlay: each flag with its therapist note and source, then the
 * safety questions not answered yet. */
static void draw_flags(const mi_ui_intake *in, mi_ui_canvas *c)
{
	for (int k = 2; k < ROW_STATUS; k++)
		mi_ui_fill(c, k, 0, c->cols, L' ', 0);
	int y = 2;
	mi_ui_put(c, y++, 1, MI_UI_BOLD, -1, _("Flags (any key closes):"));
	if (in->screening.flag_count == 0)
		mi_ui_put(c, y++, 1, 0, -1, _("No flag so far."));
	for (size_t i = 0; i < in->screening.flag_count && y < ROW_STATUS - 1; i++) {
		const mi_rule *r = in->screening.flags[i];
		char *read = in->config.rules
				     ? mi_screening_flag_medicines(in->config.rules, &in->screening, r->id)
				     : NULL;
		char line[1024];
		char from[512] = "";
		if (read)
			/* TRANSLATORS: after a flag's note, the medicines it was read from. */
			snprintf(from, sizeof from, _(" Read from: %s"), read);
		/* TRANSLATORS: a flag in the F2 list: its mark, rule id, note, the
		 * medicines it was read from, and its source. */
		snprintf(line, sizeof line, _("%s %s: %s%s (source: %s)"), mi_level_tag(r->level),
			 r->id, r->note ? r->note : "", from, r->source ? r->source : "");
		free(read);
		y += mi_ui_wrap(c, y, 1, 78, ROW_STATUS - 1 - y, mi_ui_level_attr(r->level), line);
	}
	for (size_t i = 0; i < in->screening.unrecognised_count && y < ROW_STATUS - 1; i++) {
		char line[512];
		snprintf(line, sizeof line, _("Not recognised, ask: %s"), in->screening.unrecognised[i]);
		y += mi_ui_wrap(c, y, 1, 78, ROW_STATUS - 1 - y, 0, line);
	}
	if (in->screening.unanswered_count && y < ROW_STATUS - 1) {
		char line[1024];
		size_t used = (size_t)snprintf(line, sizeof line, "%s", _("Not answered yet:"));
		for (size_t i = 0; i < in->screening.unanswered_count && used < sizeof line; i++)
			used += (size_t)snprintf(line + used, sizeof line - used, " %s",
						 in->screening.unanswered[i]);
		mi_ui_wrap(c, y, 1, 78, ROW_STATUS - 1 - y, 0, line);
	}
}

/* The position of the current question's group among the groups of the
 * questions asked (rows[0..n)): *part of *parts. */
static void group_progress(const mi_ui_intake *in, const size_t *rows, size_t n, size_t *part,
			   size_t *parts)
{
	*part = *parts = 0;
	const char *current = in->questions[in->current].group, *last = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *group = in->questions[rows[i]].group;
		if (last && strcmp(group, last) == 0)
			continue;
		last = group;
		++*parts;
		if (strcmp(group, current) == 0 && *part == 0)
			*part = *parts;
	}
}

/* The column where value i's digits begin on the 0-10 scale: draw_scale
 * gives each of 0..9 three columns and a gap of two from column 4. */
static int scale_column(int i)
{
	return 4 + 5 * i + 1;
}

/* The focus of the page, put last (mi_ui_focus): the notice or the
 * read-back question while open, the chosen option, the scale's value, the
 * body-map region in its list, the review row; a text field has put it at
 * the insertion point as it drew. */
static void draw_focus(const mi_ui_intake *in, mi_ui_canvas *c)
{
	if (in->notice_open) {
		mi_ui_focus(c, 3, 4);
		return;
	}
	if (in->show_flags && in->config.mode == MI_UI_THERAPIST && in->config.rules) {
		mi_ui_focus(c, 2, 1);
		return;
	}
	if (on_review(in)) {
		int height = ROW_STATUS - 1 - (ROW_QUESTION + 2);
		size_t top = in->review_cursor >= (size_t)height ? in->review_cursor - (size_t)height + 1 : 0;
		mi_ui_focus(c, ROW_QUESTION + 2 + (int)(in->review_cursor - top), 2);
		return;
	}
	if (in->reading_open) {
		mi_ui_focus(c, ROW_INPUT + 3, 4);
		return;
	}
	int choice = in->choice < 0 ? 0 : in->choice;
	switch (in->questions[in->current].kind) {
	case MI_Q_YESNO:
	case MI_Q_CHOICE:
	case MI_Q_MULTI:
		mi_ui_focus(c, ROW_INPUT + choice, 4);
		break;
	case MI_Q_BODYMAP:
		mi_ui_focus(c, ROW_INPUT + choice, 40);
		break;
	case MI_Q_SCALE:
		mi_ui_focus(c, ROW_INPUT + 1, scale_column(choice));
		break;
	default:
		break; /* the field put it at the insertion point */
	}
}

/* Title, banner, the current page, help, status and keys. */
void mi_ui_intake_draw(mi_ui_intake *in, mi_ui_canvas *c)
{
	char title[128], right[64];
	size_t rows[MAX_QUESTIONS];
	size_t total = review_rows(in, rows, MAX_QUESTIONS), pos = 0;
	for (size_t i = 0; i < total; i++)
		if (rows[i] == in->current)
			pos = i + 1;
	if (on_review(in)) {
		snprintf(title, sizeof title, _("Intake - Review your answers"));
		snprintf(right, sizeof right,
			 dngettext(MI_TEXT_DOMAIN, "%zu question", "%zu questions", total), total);
	} else if (is_consent(&in->questions[in->current])) {
		snprintf(title, sizeof title, _("Intake - %s"), in->questions[in->current].group);
		snprintf(right, sizeof right, _("last step"));
	} else {
		size_t part, parts;
		group_progress(in, rows, total, &part, &parts);
		snprintf(title, sizeof title, _("Intake - %s, part %zu of %zu"),
			 in->questions[in->current].group, part, parts);
		snprintf(right, sizeof right, _("question %zu of %zu"), pos, total);
	}
	mi_ui_draw_title(c, title, right);
	draw_banner(in, c);

	const char *keys;
	if (on_review(in)) {
		draw_review(in, c);
		keys = _("Up/Down move  Enter change  C continue to sign  Esc back");
	} else {
		const mi_ui_question *q = &in->questions[in->current];
		mi_ui_wrap(c, ROW_QUESTION, 2, 76, 3, MI_UI_BOLD, q->text);
		if (in->offered)
			draw_last_time(in, q, c);
		switch (q->kind) {
		case MI_Q_YESNO:
			draw_yesno(in, c);
			keys = _("Y yes  N no  Up/Down move  Enter next  Esc back  ? help");
			break;
		case MI_Q_SCALE:
			draw_scale(in, q, c);
			keys = _("Left/Right or 0-9 pick  Enter next  Esc back  ? help");
			break;
		case MI_Q_CHOICE:
			draw_choices(in, q, c);
			keys = _("Up/Down or number pick  Enter next  Esc back  ? help");
			break;
		case MI_Q_MULTI:
			draw_choices(in, q, c);
			keys = _("Up/Down move  Space tick  Enter next  Esc back  ? help");
			break;
		case MI_Q_BODYMAP:
			draw_bodymap(in, q, c);
			keys = _("Up/Down move  Space tick  Enter next  Esc back  ? help");
			break;
		case MI_Q_TEXT_LIST:
			draw_list(in, c);
			keys = _("Enter new line (empty line: done)  Backspace edit last  Esc back  F1 help");
			break;
		case MI_Q_CONSENT:
			mi_ui_put(c, ROW_INPUT, 4, 0, -1, _("Your name:"));
			mi_ui_field_draw(&in->field, c, ROW_INPUT, 15, 50, true);
			{
				char date[11];
				mi_date_format(mi_clock_today(in->config.clock), date);
				mi_ui_putf(c, ROW_INPUT + 2, 4, 0, _("Date:      %s"), date);
			}
			keys = _("Type your name  Enter sign  Esc back  F1 help");
			break;
		default:
			mi_ui_field_draw(&in->field, c, ROW_INPUT, 4, 72, true);
			if (q->kind == MI_Q_DATE)
				mi_ui_put(c, ROW_INPUT + 1, 4, 0, -1,
					  _("for example 14 March 1988, 14/03/1988 or 1988-03-14"));
			keys = q->optional ? _("Type  Enter next (empty: skip)  Esc back  F1 help")
					   : _("Type  Enter next  Esc back  F1 help");
			break;
		}
		if (in->reading_open) {
			mi_ui_wrap(c, ROW_INPUT + 3, 4, 72, 2, MI_UI_BOLD, in->reading.question);
			keys = in->reading.kind == MI_UI_READ_CHOOSE ? _("1 or 2 pick  N change it")
								   : _("Y yes, keep it  N no, change it");
		}
		/* Over whatever the page has there, never beside it; help longer
		 * than two rows (as a translation may be) starts a row higher. */
		if (in->show_help) {
			int help_rows = mi_ui_wrap(NULL, 0, 0, 76, 3, 0, q->help);
			int top = help_rows > 2 ? ROW_HELP - 1 : ROW_HELP;
			for (int row = top; row < ROW_HELP + 2; row++)
				mi_ui_fill(c, row, 0, c->cols, L' ', 0);
			mi_ui_wrap(c, top, 2, 76, help_rows, 0, q->help);
		}
	}
	if (in->show_flags && in->config.mode == MI_UI_THERAPIST && in->config.rules)
		draw_flags(in, c);
	if (in->status[0])
		mi_ui_put(c, ROW_STATUS, 1, MI_UI_BOLD, 78, in->status);
	mi_ui_draw_keys(c, keys);
	if (in->notice_open)
		draw_notice(in, c);
	draw_focus(in, c);
}

/* ---- life cycle and accessors ---- */

mi_ui_intake *mi_ui_intake_new(const mi_ui_intake_config *config, const mi_answers *answers)
{
	mi_ui_intake *in = calloc(1, sizeof *in);
	if (!in)
		return NULL;
	in->config = *config;
	in->questions = mi_ui_questions(&in->count);
	if (in->count > MAX_QUESTIONS) {
		free(in);
		return NULL;
	}
	in->items = calloc(MAX_ITEMS, sizeof *in->items);
	in->answers = answers ? mi_answers_copy(answers) : mi_answers_new();
	bool offer = config->mode == MI_UI_THERAPIST && config->last_time;
	in->last = offer ? mi_answers_copy(config->last_time) : NULL;
	in->config.last_time = NULL; /* the copy above is the walk-through's own */
	if (!in->items || !in->answers || (offer && !in->last)) {
		mi_ui_intake_free(in);
		return NULL;
	}
	rescreen(in);
	notice_if_worse(in); /* a resumed intake tells the client again */
	go_to(in, on_safety_path(in) ? next_safety_question(in) : first_unanswered(in));
	return in;
}

/* Frees the walk-through and everything it owns. */
void mi_ui_intake_free(mi_ui_intake *in)
{
	if (!in)
		return;
	if (in->items)
		free_items(in);
	free(in->items);
	mi_screening_clear(&in->screening);
	mi_answers_free(in->answers);
	mi_answers_free(in->last);
	free(in);
}

/* The answers so far. */
const mi_answers *mi_ui_intake_answers(const mi_ui_intake *in)
{
	return in->answers;
}

/* The latest screening. */
const mi_screening *mi_ui_intake_screening(const mi_ui_intake *in)
{
	return &in->screening;
}

/* The questions asked with the answers so far. */
size_t mi_ui_intake_question_count(const mi_ui_intake *in)
{
	size_t rows[MAX_QUESTIONS];
	return review_rows(in, rows, MAX_QUESTIONS);
}

/* The current question's key, or "review". */
const char *mi_ui_intake_current_key(const mi_ui_intake *in)
{
	return on_review(in) ? "review" : in->questions[in->current].key;
}

/* The text in the current field; caller frees. */
char *mi_ui_intake_typed(const mi_ui_intake *in)
{
	return mi_ui_field_text(&in->field);
}

/* The status-line message. */
const char *mi_ui_intake_status(const mi_ui_intake *in)
{
	return in->status;
}

/* Keeps an edit on the current page, as leaving the page would. */
bool mi_ui_intake_keep(mi_ui_intake *in)
{
	if (on_review(in))
		return true;
	return leave_page(in);
}

/* Jumps to a question by key; false when unknown. */
bool mi_ui_intake_goto(mi_ui_intake *in, const char *key)
{
	if (strcmp(key, "review") == 0) {
		go_to(in, in->count);
		return true;
	}
	for (size_t i = 0; i < in->count; i++)
		if (strcmp(in->questions[i].key, key) == 0) {
			go_to(in, i);
			return true;
		}
	return false;
}

/* ---- line mode: ui_plain.h answers a page with a line, then Enter ---- */

const mi_ui_question *mi_ui_intake_question(const mi_ui_intake *in)
{
	return on_review(in) ? NULL : &in->questions[in->current];
}

void mi_ui_intake_set_choice(mi_ui_intake *in, int choice)
{
	in->choice = choice;
	in->dirty = true;
}

void mi_ui_intake_set_marks(mi_ui_intake *in, unsigned marks)
{
	in->marks = marks;
	in->dirty = true;
}

void mi_ui_intake_set_typed(mi_ui_intake *in, const char *text)
{
	mi_ui_field_set(&in->field, text);
	in->dirty = true;
}

void mi_ui_intake_clear_items(mi_ui_intake *in)
{
	free_items(in);
	in->dirty = true;
}

const mi_ui_reading *mi_ui_intake_reading(const mi_ui_intake *in)
{
	return in->reading_open ? &in->reading : NULL;
}

bool mi_ui_intake_notice_open(const mi_ui_intake *in)
{
	return in->notice_open;
}

size_t mi_ui_intake_review_list(const mi_ui_intake *in, const mi_ui_question **out, size_t max)
{
	size_t rows[MAX_QUESTIONS];
	size_t n = review_rows(in, rows, MAX_QUESTIONS);
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = &in->questions[rows[i]];
	return n < max ? n : max;
}

void mi_ui_intake_review_select(mi_ui_intake *in, size_t row)
{
	if (on_review(in))
		in->review_cursor = row;
}
