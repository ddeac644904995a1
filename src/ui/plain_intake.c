/* plain_intake.c - the intake questions asked as lines (no curses): each
 * line answers the page of the walk-through, then Enter goes through
 * mi_ui_intake_key, as a key would in the full-screen UI. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mi/i18n.h"
#include "mi/rules.h"
#include "mi/ui_plain.h"

enum { MAX_OPTIONS = 16, MAX_ROWS = 64 };

/* What asking for a line gave. */
typedef enum asked { ASKED_LINE, ASKED_AGAIN, ASKED_STAFF, ASKED_IDLE, ASKED_END } asked;

typedef struct walk {
	mi_plain_io *io;
	mi_ui_intake *in;
	mi_ui_mode mode;
	const mi_ruleset *rules;
	double idle;
	char banner[512]; /* the therapist's banner last printed */
} walk;

/* The schema values of a choice-like question, and how many (at most
 * MAX_OPTIONS): the intake file's options, in order. */
static size_t options_of(const mi_ui_question *q, const char *const **values)
{
	const mi_answer_key *key = mi_answers_find_key(q->key);
	*values = key ? key->values : NULL;
	size_t n = 0;
	while (*values && (*values)[n] && n < MAX_OPTIONS)
		n++;
	return n;
}

static const char *option_words(const mi_ui_question *q, const char *const *values, size_t i)
{
	return q->labels ? q->labels[i] : values[i];
}

/* The line without spaces at either end, in place. */
static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* A whole number from lo to hi, alone on the line. */
static bool whole_number(const char *s, long lo, long hi, long *out)
{
	if (!*s || strlen(s) > 6 || strspn(s, "0123456789") != strlen(s))
		return false;
	*out = strtol(s, NULL, 10);
	return *out >= lo && *out <= hi;
}

/* "1, 4" (commas, semicolons or spaces between) as ticks of n options;
 * "none" (in the client's words too) or "0" alone ticks none. False for
 * anything else. */
static bool parse_ticks(const char *s, size_t n, unsigned *marks)
{
	*marks = 0;
	if (mi_plain_none(s))
		return true;
	char copy[256];
	snprintf(copy, sizeof copy, "%s", s);
	char *save = NULL;
	bool any = false;
	for (char *tok = strtok_r(copy, ",; \t", &save); tok; tok = strtok_r(NULL, ",; \t", &save)) {
		long k;
		if (!whole_number(tok, 1, (long)n, &k))
			return false;
		*marks |= 1u << (k - 1);
		any = true;
	}
	return any;
}

static asked ask_line(walk *w, char **line);

/* Asks for a line, after "> ". At the kiosk (idle set) a silence warns
 * first, then gives up; a line after the warning only says "still here";
 * the staff key asks for the PIN whatever the page. */
static asked ask(walk *w, char **line)
{
	asked got = ask_line(w, line);
	if (got == ASKED_LINE && w->mode == MI_UI_CLIENT && mi_plain_staff_key(*line)) {
		free(*line);
		*line = NULL;
		return ASKED_STAFF;
	}
	return got;
}

static asked ask_line(walk *w, char **line)
{
	bool client = w->mode == MI_UI_CLIENT;
	mi_plain_prompt(w->io);
	if (w->idle <= 0) {
		mi_plain_got got = mi_plain_read_line(w->io, 0, client, line);
		return got == MI_PLAIN_GOT_LINE ? ASKED_LINE : ASKED_END;
	}
	double warn = w->idle >= 90 ? 30 : w->idle / 3;
	mi_plain_got got = mi_plain_read_line(w->io, w->idle - warn, client, line);
	if (got == MI_PLAIN_GOT_LINE)
		return ASKED_LINE;
	if (got == MI_PLAIN_GOT_END)
		return ASKED_END;
	mi_plain_blank(w->io);
	mi_plain_say(w->io,
		     dngettext(MI_TEXT_DOMAIN,
			       "Are you still there? Press Enter to go on: in %d second this intake "
			       "is put away, with your answers saved.",
			       "Are you still there? Press Enter to go on: in %d seconds this intake "
			       "is put away, with your answers saved.",
			       (unsigned long)warn),
		     (int)warn);
	got = mi_plain_read_line(w->io, warn, client, line);
	if (got != MI_PLAIN_GOT_LINE)
		return got == MI_PLAIN_GOT_IDLE ? ASKED_IDLE : ASKED_END;
	free(*line);
	*line = NULL;
	return ASKED_AGAIN;
}

/* Where the question stands among those asked: "Question 3 of 36". */
static void say_question(walk *w, const mi_ui_question *q)
{
	const mi_ui_question *rows[MAX_ROWS];
	size_t total = mi_ui_intake_review_list(w->in, rows, MAX_ROWS), pos = 0;
	for (size_t i = 0; i < total; i++)
		if (rows[i] == q)
			pos = i + 1;
	mi_plain_blank(w->io);
	if (q->kind == MI_Q_CONSENT)
		/* TRANSLATORS: the consent's group, then its text. */
		mi_plain_say(w->io, _("Last step, %s: %s"), q->group, q->text);
	else
		/* TRANSLATORS: the question's place among those asked, its group,
		   then its words: "Question 3 of 36, Your pain: Where does it hurt?" */
		mi_plain_say(w->io, _("Question %zu of %zu, %s: %s"), pos, total, q->group, q->text);
}

/* The question, its options and how to answer it. */
static void say_page(walk *w, const mi_ui_question *q)
{
	say_question(w, q);
	const char *const *values;
	size_t n = options_of(q, &values);
	switch (q->kind) {
	case MI_Q_YESNO:
		mi_plain_say(w->io, "%s", _("Type y for yes or n for no."));
		break;
	case MI_Q_SCALE:
		/* TRANSLATORS: the words of the scale's two ends. */
		mi_plain_say(w->io, _("Type a number from 0 (%s) to 10 (%s)."), q->low_label,
			     q->high_label);
		break;
	case MI_Q_CHOICE:
	case MI_Q_MULTI:
	case MI_Q_BODYMAP:
		for (size_t i = 0; i < n; i++)
			mi_plain_say(w->io, "  %zu. %s", i + 1, option_words(q, values, i));
		mi_plain_say(w->io, "%s", q->kind == MI_Q_CHOICE
						  ? _("Type the number of your answer.")
						  : _("Type the numbers of all that apply, separated by "
						      "commas (for example 1, 4), or none."));
		break;
	case MI_Q_TEXT_LIST:
		mi_plain_say(w->io, "%s", _("Type one per line; an empty line ends the list."));
		break;
	case MI_Q_DATE:
		mi_plain_say(w->io, "%s", _("For example 14 March 1988, 14/03/1988 or 1988-03-14."));
		break;
	case MI_Q_WEEKS_OR_NONE:
		mi_plain_say(w->io, "%s", _("Type a number of weeks, or press Enter for none."));
		break;
	case MI_Q_CONSENT:
		mi_plain_say(w->io, "%s", _("Your full name:"));
		break;
	case MI_Q_TEXT:
	case MI_Q_NUMBER:
		if (q->optional)
			mi_plain_say(w->io, "%s", _("You may leave it empty: press Enter."));
		break;
	}
	const mi_answers *a = mi_ui_intake_answers(w->in);
	if (mi_answers_has(a, q->key) && q->kind != MI_Q_CONSENT) {
		char now[512];
		mi_ui_answer_summary(q, a, now, sizeof now);
		/* TRANSLATORS: the answer given before, in short words. */
		mi_plain_say(w->io, _("Your answer now: %s. Press Enter to keep it."), now);
	}
}

/* The screening for the therapist, printed when it changed. */
static void say_banner(walk *w)
{
	if (w->mode != MI_UI_THERAPIST || !w->rules)
		return;
	char banner[sizeof w->banner];
	mi_ui_therapist_banner(mi_ui_intake_screening(w->in), false, 0, 0, banner, sizeof banner);
	if (strcmp(banner, w->banner) == 0)
		return;
	snprintf(w->banner, sizeof w->banner, "%s", banner);
	/* TRANSLATORS: the therapist's screening line ("[ok PROCEED] - 0 flags, ..."). */
	mi_plain_say(w->io, _("Screening now: %s"), banner);
}

/* Sends a key to the walk-through and says what came of it. */
static mi_ui_action press(walk *w, mi_ui_key key)
{
	mi_ui_action a = mi_ui_intake_key(w->in, key);
	const char *status = mi_ui_intake_status(w->in);
	if (*status)
		mi_plain_say(w->io, "%s", status);
	say_banner(w);
	return a;
}

static mi_ui_action enter(walk *w)
{
	return press(w, mi_ui_key_of(MI_KEY_ENTER));
}

/* The client is told what the screening means for them, at once. */
static void say_notice(walk *w)
{
	const char *notice = mi_ui_client_notice(mi_ui_intake_screening(w->in));
	mi_plain_blank(w->io);
	mi_plain_say(w->io, "%s", notice ? notice : "");
	mi_ui_intake_key(w->in, mi_ui_key_of(MI_KEY_ENTER)); /* closes the notice page */
}

/* The typed words read back: y keeps them, n changes them, 1 or 2 picks. */
static asked answer_reading(walk *w, const mi_ui_reading *r)
{
	mi_plain_say(w->io, "%s", r->question);
	mi_plain_say(w->io, "%s", mi_plain_reading_hint(r));
	char *line = NULL;
	asked got = ask(w, &line);
	if (got != ASKED_LINE)
		return got;
	wchar_t key = mi_plain_reading_key(r, line);
	free(line);
	if (!key) {
		mi_plain_say(w->io, "%s", mi_plain_reading_refusal(r));
		return ASKED_AGAIN;
	}
	press(w, mi_ui_key_char(key));
	return ASKED_LINE;
}

/* The review page: every answer numbered; a number changes one, Enter
 * goes on to sign. */
static mi_ui_action answer_review(walk *w, asked *got)
{
	const mi_ui_question *rows[MAX_ROWS];
	size_t n = mi_ui_intake_review_list(w->in, rows, MAX_ROWS);
	mi_plain_blank(w->io);
	mi_plain_say(w->io, "%s", _("Please check your answers:"));
	for (size_t i = 0; i < n; i++) {
		char answer[512];
		mi_ui_answer_summary(rows[i], mi_ui_intake_answers(w->in), answer, sizeof answer);
		mi_plain_say(w->io, "  %zu. %s: %s", i + 1, rows[i]->label, answer);
	}
	mi_plain_say(w->io, "%s", _("Press Enter if all is correct, to go on and sign; or type a "
				    "number to change that answer."));
	char *line = NULL;
	*got = ask(w, &line);
	if (*got != ASKED_LINE)
		return MI_UI_HANDLED;
	char *s = trim(line);
	long k = 0;
	mi_ui_action a = MI_UI_HANDLED;
	if (strcmp(s, "<") == 0) {
		a = press(w, mi_ui_key_of(MI_KEY_ESC));
	} else if (*s == '\0' || whole_number(s, 1, (long)n, &k)) {
		mi_ui_intake_review_select(w->in, *s ? (size_t)k - 1 : n);
		a = enter(w);
	} else {
		mi_plain_say(w->io, _("Please type a number from 1 to %zu, or press Enter."), n);
	}
	free(line);
	return a;
}

/* A text list: the first line typed starts the list anew, each line is
 * one item, an empty line ends it. */
static mi_ui_action answer_list(walk *w, char *first, asked *got)
{
	mi_ui_intake_clear_items(w->in);
	char *line = first;
	for (;;) {
		if (*trim(line) == '\0') {
			free(line);
			return enter(w);
		}
		mi_ui_intake_set_typed(w->in, line);
		free(line);
		mi_ui_action a = enter(w);
		if (a != MI_UI_HANDLED)
			return a;
		*got = ask(w, &line);
		if (*got != ASKED_LINE)
			return MI_UI_HANDLED;
	}
}

/* Sets the page from the line, then Enter. NULL-free: line is freed. */
static mi_ui_action answer_page(walk *w, const mi_ui_question *q, char *line, asked *got)
{
	char *s = trim(line);
	const char *const *values;
	size_t n = options_of(q, &values);
	bool answered = mi_answers_has(mi_ui_intake_answers(w->in), q->key);
	long k = 0;
	unsigned marks = 0;
	mi_ui_action a = MI_UI_HANDLED;
	if (*s == '\0' && answered && q->kind != MI_Q_CONSENT) {
		free(line);
		return press(w, mi_ui_key_of(MI_KEY_PGDN)); /* kept as it is */
	}
	if (strlen(line) > MI_ANSWERS_MAX_TEXT) {
		free(line);
		mi_plain_say(w->io, _("That answer is too long: please keep it under %d characters."),
			     MI_ANSWERS_MAX_TEXT);
		return a;
	}
	switch (q->kind) {
	case MI_Q_YESNO:
		if (*s == '\0')
			a = enter(w); /* the walk-through says what is missing */
		else if ((k = mi_plain_yes_no(s)) >= 0) {
			mi_ui_intake_set_choice(w->in, (int)k);
			a = enter(w);
		} else
			mi_plain_say(w->io, "%s", _("Please type y for yes or n for no."));
		break;
	case MI_Q_SCALE:
	case MI_Q_CHOICE: {
		long hi = q->kind == MI_Q_SCALE ? 10 : (long)n;
		long lo = q->kind == MI_Q_SCALE ? 0 : 1;
		if (*s == '\0') {
			a = enter(w);
		} else if (whole_number(s, lo, hi, &k)) {
			mi_ui_intake_set_choice(w->in, (int)(q->kind == MI_Q_SCALE ? k : k - 1));
			a = enter(w);
		} else {
			mi_plain_say(w->io, _("Please type a number from %ld to %ld."), lo, hi);
		}
		break;
	}
	case MI_Q_MULTI:
	case MI_Q_BODYMAP:
		if (*s == '\0' || parse_ticks(s, n, &marks)) {
			mi_ui_intake_set_marks(w->in, marks);
			a = enter(w);
		} else {
			mi_plain_say(w->io, _("Please type numbers from 1 to %zu, separated by "
					      "commas, or none."), n);
		}
		break;
	case MI_Q_TEXT_LIST:
		return answer_list(w, line, got);
	default:
		mi_ui_intake_set_typed(w->in, line);
		a = enter(w);
		break;
	}
	free(line);
	return a;
}

mi_plain_end mi_plain_walk(mi_plain_io *io, mi_ui_intake *in, mi_ui_mode mode,
			   const mi_ruleset *rules, double idle_seconds)
{
	walk w = {.io = io, .in = in, .mode = mode, .rules = rules, .idle = idle_seconds};
	mi_plain_say(io, "%s", _("At any question, type ? for help, or < to go back a question."));
	say_banner(&w);
	for (;;) {
		if (mi_ui_intake_notice_open(in)) {
			say_notice(&w);
			continue;
		}
		asked got = ASKED_LINE;
		mi_ui_action a = MI_UI_HANDLED;
		const mi_ui_reading *r = mi_ui_intake_reading(in);
		const mi_ui_question *q = mi_ui_intake_question(in);
		if (r) {
			got = answer_reading(&w, r);
		} else if (!q) {
			a = answer_review(&w, &got);
		} else {
			say_page(&w, q);
			char *line = NULL;
			got = ask(&w, &line);
			if (got == ASKED_LINE) {
				char *s = trim(line);
				if (strcmp(s, "?") == 0) {
					/* TRANSLATORS: the question's help text follows. */
					mi_plain_say(io, _("Help: %s"), q->help ? q->help : "");
					free(line);
				} else if (strcmp(s, "<") == 0) {
					free(line);
					a = press(&w, mi_ui_key_of(MI_KEY_ESC));
				} else {
					a = answer_page(&w, q, line, &got);
				}
			}
		}
		if (a == MI_UI_DONE)
			return MI_PLAIN_FINISHED;
		if (a == MI_UI_CANCEL)
			return MI_PLAIN_LEFT;
		if (got == ASKED_STAFF)
			return MI_PLAIN_STAFF;
		if (got == ASKED_IDLE)
			return MI_PLAIN_IDLE;
		if (got == ASKED_END)
			return MI_PLAIN_ENDED;
	}
}
