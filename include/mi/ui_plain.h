/* ui_plain.h - the plain line mode: the intake as prompts and answers, one
 * line at a time, for screen readers, braille displays and pipes.
 *
 * `--plain` (or MASSAGE_INTAKE_PLAIN=1) runs the kiosk and the desk's
 * intake here instead of the full-screen UI: prompts are printed to an
 * output stream as whole lines, answers are read as lines from an input
 * descriptor, and nothing addresses the cursor or needs a terminal type,
 * so it works with TERM=dumb, through a pipe, and with a screen reader
 * that reads what is printed in order. None of this code includes curses.
 *
 * The questions, their validation (the same readers of durations and
 * dates), the drafts saved answer by answer, the live screening and the
 * storing are the walk-through's (ui_intake.h) and the application
 * layer's, as for the full-screen kiosk and desk: a line answers the page,
 * then Enter goes through mi_ui_intake_key, so the same answers store the
 * same visit. Choices are answered by number ("1, 4" for several), the
 * body map is the numbered list of its regions (from the intake file),
 * "?" prints the question's help and "<" goes back a question.
 */
#ifndef MI_UI_PLAIN_H
#define MI_UI_PLAIN_H

#include <stdbool.h>
#include <stdio.h>

#include "mi/store.h"
#include "mi/ui_app.h"
#include "mi/ui_intake.h"

/* True when the plain line mode is asked for: flag (--plain) or the
 * environment variable MASSAGE_INTAKE_PLAIN set to 1 (or yes, true). */
bool mi_plain_wanted(bool flag);

/* Where the lines go and come from: whole lines read from a descriptor
 * (so a wait for input can time out), prompts written to a stream. */
typedef struct mi_plain_io {
	int in;          /* read from */
	FILE *out;       /* written to */
	bool terminal;   /* in is a terminal: the end of input (Ctrl-D) is not the end */
	char *buf;       /* bytes read past the last line given out */
	size_t len, cap;
	bool ended;      /* in has no more to give */
} mi_plain_io;

/* Over descriptor in and stream out. Free with mi_plain_io_clear. */
void mi_plain_io_init(mi_plain_io *io, int in, FILE *out);
void mi_plain_io_clear(mi_plain_io *io);

typedef enum mi_plain_got {
	MI_PLAIN_GOT_LINE, /* *line holds it (caller frees), without its line end */
	MI_PLAIN_GOT_IDLE, /* nothing came within the time allowed */
	MI_PLAIN_GOT_END,  /* the input ended (or failed) */
} mi_plain_got;

/* Reads one line, waiting at most timeout seconds (0 or less: for ever).
 * The input's end on a terminal (Ctrl-D) is ignored when keep_on_end is
 * set (the kiosk's client must not end it). */
mi_plain_got mi_plain_read_line(mi_plain_io *io, double timeout, bool keep_on_end, char **line);

/* Prints one line made with printf; characters that must not reach a
 * terminal (controls, text-direction overrides) show as U+FFFD. */
void mi_plain_say(mi_plain_io *io, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints an empty line: a pause between one page and the next. */
void mi_plain_blank(mi_plain_io *io);

/* Prints a prompt ("> ") and flushes, without a line end. */
void mi_plain_prompt(mi_plain_io *io);

/* Turns the terminal's echo off (for a PIN) or back on; nothing for a
 * pipe. */
void mi_plain_echo(mi_plain_io *io, bool on);

/* True for the line the staff key gives: F12's sequence or Ctrl-T in it. */
bool mi_plain_staff_key(const char *line);

/* 0 when the line is a yes in the language in use ("y", "yes", "s", "sí"
 * in Spanish, "o", "oui" in French), 1 for a no, -1 for neither: the words
 * are a translated message; y, yes, n and no count in every language.
 * Case and accents do not matter; spaces at either end are ignored. */
int mi_plain_yes_no(const char *line);

/* True when the line says "none" in the language in use (or in English). */
bool mi_plain_none(const char *line);

/* The key that answers a typed value read back (ui_reading.h): 'y' or 'n'
 * for a yes or a no, '1' or '2' for a pick between two readings; 0 when the
 * line is none of those. */
wchar_t mi_plain_reading_key(const mi_ui_reading *r, const char *line);

/* How to answer a value read back, and the refusal of a line that does
 * not: one line each, in the language in use. */
const char *mi_plain_reading_hint(const mi_ui_reading *r);
const char *mi_plain_reading_refusal(const mi_ui_reading *r);

/* How a walk through the questions ended. */
typedef enum mi_plain_end {
	MI_PLAIN_FINISHED, /* MI_UI_DONE: signed, or an urgent intake's safety questions done */
	MI_PLAIN_LEFT,     /* "<" on the first question: left unfinished (saved) */
	MI_PLAIN_STAFF,    /* the staff key was typed (client mode only) */
	MI_PLAIN_IDLE,     /* no answer within the idle time (after a warning) */
	MI_PLAIN_ENDED,    /* the input ended */
} mi_plain_end;

/* Asks the walk-through's questions as lines until it ends; idle_seconds
 * > 0 warns, then ends the walk when nobody answers (the kiosk). */
mi_plain_end mi_plain_walk(mi_plain_io *io, mi_ui_intake *intake, mi_ui_mode mode,
			   const mi_ruleset *rules, double idle_seconds);

/* The kiosk in line mode: the languages a client may pick, numbered, each
 * in its own words (when translations are loaded), with the welcome (name,
 * date of birth, a resume code to continue) in the desk's language; a
 * language's number instead of the name says the welcome again in it, and
 * the intake, the messages and the visit's language (for its aftercare
 * sheet) follow; the next client starts in the desk's language. Then the
 * code of a fresh intake, the questions, then the thank-you
 * or, after an urgent intake, what to do now; then a new client, with the
 * previous one's lines scrolled away on a terminal. Nothing of another
 * client is ever printed. Only the staff key (F12 or Ctrl-T, then Enter)
 * and a therapist PIN leave; through a pipe the end of input ends it.
 * MI_OK when left. */
mi_status mi_plain_kiosk_run(const mi_ui_kiosk_config *config, mi_plain_io *io, mi_error *err);

/* The desk's intake in line mode for one client: the name and date of
 * birth (their open draft is resumed, as at the desk), the questions with
 * the screening shown to the therapist as it changes, then the visit
 * stored, from source. *visit_id is the stored visit, 0 when the intake
 * was left (it stays a draft). */
mi_status mi_plain_desk_intake(mi_store *store, const mi_ruleset *rules, mi_clock clock,
			       mi_visit_source source, mi_plain_io *io, long long *visit_id,
			       mi_error *err);

#endif
