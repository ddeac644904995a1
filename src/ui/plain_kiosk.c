/* plain_kiosk.c - the kiosk and the desk's intake in the plain line mode
 * (no curses): who the intake is for, then the questions (plain_intake.c),
 * then the visit stored through the application layer, as the full-screen
 * kiosk (kiosk.c) and desk (desk_intake.c) do. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_accounts.h"
#include "mi/app_audit.h"
#include "mi/app_drafts.h"
#include "mi/app_intake.h"
#include "mi/app_settings.h"
#include "mi/screen.h"
#include "mi/settings.h"
#include "mi/ui_length.h"
#include "mi/ui_lock.h"
#include "mi/ui_plain.h"

/* Blank lines that scroll a client's lines off a terminal's page before
 * the next client. */
enum { PAGE_BREAK_LINES = 60, THANKS_SECONDS = 20 };

/* What asking for who the intake is for gave. */
typedef enum ident_end { IDENT_DONE, IDENT_STAFF, IDENT_IDLE, IDENT_ENDED } ident_end;

typedef struct plain_kiosk {
	const mi_ui_kiosk_config *config;
	mi_plain_io *io;
	mi_ui_lock *lock;
	double idle;
	long resume_hours;
} plain_kiosk;

/* On a terminal, the previous client's lines scroll away. */
static void page_break(mi_plain_io *io)
{
	if (!isatty(fileno(io->out)))
		return;
	for (int i = 0; i < PAGE_BREAK_LINES; i++)
		fputc('\n', io->out);
	fflush(io->out);
}

/* One field of the identification form: its question, then a line. */
static ident_end ask_field(mi_plain_io *io, double idle, bool client, const char *question,
			   mi_ui_field *field)
{
	if (*question)
		mi_plain_say(io, "%s", question);
	mi_plain_prompt(io);
	char *line = NULL;
	mi_plain_got got = mi_plain_read_line(io, idle, client, &line);
	if (got != MI_PLAIN_GOT_LINE)
		return got == MI_PLAIN_GOT_IDLE ? IDENT_IDLE : IDENT_ENDED;
	if (client && mi_plain_staff_key(line)) {
		free(line);
		return IDENT_STAFF;
	}
	mi_ui_field_set(field, line);
	free(line);
	return IDENT_DONE;
}

/* Name, date of birth (read back in words for a yes) and, at the kiosk,
 * the resume code: checked by mi_ui_ident_key as on the full screen; a
 * field refused is asked again with the reason. */
static ident_end identify(mi_plain_io *io, double idle, bool client, mi_date today,
			  mi_ui_ident *id)
{
	static const char *const questions[] = {
		"Full name:",
		"Date of birth (for example 14 March 1988):",
		"Your code, only to continue an intake you began (press Enter to start a new one):",
	};
	mi_ui_ident_clear(id);
	id->with_code = client;
	int fields = client ? 3 : 2;
	mi_ui_field *field[] = {&id->name, &id->birth, &id->code};
	for (int i = 0; i < fields; i++) {
		/* The welcome waits for a name; once one is typed, a silence clears it. */
		ident_end e = ask_field(io, i == 0 ? 0 : idle, client, questions[i], field[i]);
		if (e != IDENT_DONE)
			return e;
	}
	for (;;) {
		id->focus = fields - 1; /* Enter there checks the whole form */
		if (mi_ui_ident_key(id, mi_ui_key_of(MI_KEY_ENTER), today) == MI_UI_DONE)
			return IDENT_DONE;
		while (id->birth_asking) {
			const mi_ui_reading *r = &id->birth_reading;
			bool choose = r->kind == MI_UI_READ_CHOOSE;
			mi_plain_say(io, "%s", r->question);
			mi_plain_say(io, choose ? "Type 1 or 2, or n to change it."
						: "Type y if it is right, or n to change it.");
			mi_ui_field reply = {0};
			ident_end e = ask_field(io, idle, client, "", &reply);
			if (e != IDENT_DONE)
				return e;
			char *typed = mi_ui_field_text(&reply);
			wchar_t key = typed && *typed ? (wchar_t)typed[0] : L' ';
			free(typed);
			if (mi_ui_ident_key(id, mi_ui_key_char(key), today) == MI_UI_DONE)
				return IDENT_DONE;
		}
		if (id->status[0])
			mi_plain_say(io, "%s", id->status);
		ident_end e = ask_field(io, idle, client, questions[id->focus % fields],
					field[id->focus % fields]);
		if (e != IDENT_DONE)
			return e;
	}
}

/* The kiosk's PIN page as lines, echo off: true for a right therapist PIN
 * (wrong ones are throttled and audited by the lock, ui_lock.h). */
static bool staff_pin(plain_kiosk *k)
{
	mi_ui_lock_reset(k->lock);
	mi_ui_lock_tick(k->lock, mi_ui_now());
	if (mi_ui_lock_waiting(k->lock)) {
		mi_plain_say(k->io, "Too many wrong PINs: please wait a while and try again.");
		return false;
	}
	mi_plain_say(k->io, "Staff only: type the therapist PIN to leave the kiosk (Enter alone "
			    "goes back).");
	mi_plain_prompt(k->io);
	mi_plain_echo(k->io, false);
	char *line = NULL;
	mi_plain_got got = mi_plain_read_line(k->io, 60, true, &line);
	mi_plain_echo(k->io, true);
	mi_plain_blank(k->io);
	if (got != MI_PLAIN_GOT_LINE || !*line) {
		free(line);
		return false;
	}
	for (const char *p = line; *p; p++)
		mi_ui_lock_key(k->lock, mi_ui_key_char((wchar_t)(unsigned char)*p));
	mi_ui_action a = mi_ui_lock_key(k->lock, mi_ui_key_of(MI_KEY_ENTER));
	free(line);
	if (a == MI_UI_DONE)
		return true;
	mi_plain_say(k->io, "%s", mi_ui_lock_waiting(k->lock)
					  ? "Wrong PIN. Too many wrong PINs: please wait a while."
					  : "Wrong PIN.");
	return false;
}

/* Waits for Enter (or the time given) before the next client. */
static void wait_enter(mi_plain_io *io, const char *prompt, double seconds)
{
	mi_plain_say(io, "%s", prompt);
	mi_plain_prompt(io);
	char *line = NULL;
	mi_plain_read_line(io, seconds, true, &line);
	free(line);
	mi_plain_blank(io);
}

/* The code of a fresh intake, or the code again when it is left. */
static void say_code(mi_plain_io *io, const char *before, const char *code)
{
	char shown[MI_RESUME_CODE_DIGITS + 2];
	mi_resume_code_format(code, shown);
	mi_plain_say(io, "%s", before);
	mi_plain_say(io, "Your code: %s", shown);
}

/* After an urgent intake: the rule's own words, then what to do now. */
static void say_urgent(mi_plain_io *io, const mi_screening *s)
{
	mi_plain_blank(io);
	mi_plain_say(io, "Please get care now.");
	mi_plain_say(io, "%s", mi_ui_client_notice(s));
	mi_plain_say(io, "What to do now:");
	mi_plain_say(io, "1. Tell the front desk now. They will help you.");
	mi_plain_say(io, "2. Do not wait for your massage. We will not start it today.");
	mi_plain_say(io, "3. If you feel worse while you wait, tell someone straight away.");
	mi_plain_say(io, "Your answers are saved; the front desk can see them. Please speak to "
			 "them before you leave.");
}

/* The timeouts in force, read again for each client, so that a change
 * made with `settings` while the kiosk runs applies to the next one (as the
 * full screen reads them every few seconds); a failed read keeps them. */
static void follow_settings(plain_kiosk *k)
{
	mi_settings s = {0};
	mi_error ignored;
	if (mi_app_settings_load(k->config->store, &s, &ignored) == MI_OK) {
		k->idle = (double)s.idle_timeout_seconds;
		k->resume_hours = s.kiosk_resume_hours;
	}
	mi_settings_clear(&s);
}

/* One client at the kiosk, from the welcome to the end of their intake.
 * False when the kiosk is to stop (the PIN was given, or the input
 * ended). */
static bool one_client(plain_kiosk *k)
{
	mi_plain_io *io = k->io;
	follow_settings(k);
	mi_date today = mi_clock_today(k->config->clock);
	char length[64] = "";
	int minutes = mi_ui_intake_minutes();
	if (minutes > 0)
		snprintf(length, sizeof length, " It takes about %d minute%s.", minutes,
			 minutes == 1 ? "" : "s");
	mi_plain_say(io, "Welcome! Before your massage, please answer a few questions about your "
			 "back and your health.%s", length);
	mi_plain_say(io, "Your answers are private: only you and your therapist see them.");
	mi_plain_say(io, "Each question is one line: type your answer and press Enter.");
	mi_ui_ident id;
	ident_end e = identify(io, k->idle, true, today, &id);
	if (e == IDENT_STAFF)
		return !staff_pin(k);
	if (e == IDENT_ENDED)
		return false;
	if (e == IDENT_IDLE)
		return true; /* what was typed scrolls away; the welcome again */

	char *name = mi_ui_field_text(&id.name), *birth = mi_ui_field_text(&id.birth);
	char *typed = mi_ui_field_text(&id.code);
	char code[MI_RESUME_CODE_DIGITS + 1] = "";
	long long draft = 0;
	mi_answers *answers = NULL;
	mi_error err;
	bool resuming = typed && *typed;
	mi_status st = MI_EINTERNAL;
	if (name && birth && resuming) {
		st = mi_app_kiosk_resume(k->config->store, name, birth, typed, k->resume_hours,
					 &draft, &answers, &err);
		if (st == MI_OK)
			mi_resume_code_normalize(typed, code);
	} else if (name && birth && typed) {
		st = mi_app_kiosk_start(k->config->store, name, birth, today, &draft, &answers, code,
					&err);
	}
	free(name);
	free(birth);
	free(typed);
	if (st != MI_OK) {
		mi_plain_say(io, "%s", resuming ? mi_ui_kiosk_resume_refusal(st)
						: "Sorry, your answers cannot be saved right now; "
						  "please ask the front desk.");
		mi_plain_blank(io);
		return true;
	}
	if (resuming)
		mi_plain_say(io, "Welcome back: your answers so far are kept.");
	else {
		say_code(io, "Your answers are saved as you give them. If you need to stop, you "
			     "can continue later with your name, date of birth and this code. Please "
			     "remember it or write it down: only you see it.",
			 code);
		wait_enter(io, "Press Enter to start the questions.", k->idle);
	}

	mi_ui_intake_config ic = {
		.mode = MI_UI_CLIENT,
		.rules = k->config->rules,
		.clock = k->config->clock,
		.sink = mi_ui_store_sink(k->config->store),
		.draft_id = draft,
		.lock_identity = true,
	};
	mi_ui_intake *in = mi_ui_intake_new(&ic, answers);
	mi_answers_free(answers);
	bool go_on = true;
	mi_plain_end end = MI_PLAIN_ENDED;
	while (in) {
		end = mi_plain_walk(io, in, MI_UI_CLIENT, k->config->rules, k->idle);
		if (end != MI_PLAIN_STAFF)
			break;
		if (staff_pin(k)) {
			go_on = false;
			break;
		}
	}
	if (!in)
		mi_plain_say(io, "Out of memory; please ask the front desk.");
	else if (end == MI_PLAIN_FINISHED) {
		const mi_screening *s = mi_ui_intake_screening(in);
		if (mi_app_intake_complete(k->config->store, k->config->rules, draft,
					   mi_ui_intake_answers(in), mi_clock_today(k->config->clock),
					   NULL, &err) != MI_OK) {
			mi_plain_say(io, "Sorry, the answers could not be finished; please ask the "
					 "front desk.");
		} else if (k->config->rules && s->outcome == MI_LEVEL_URGENT) {
			say_urgent(io, s);
			wait_enter(io, "Press Enter once you have told the front desk.", k->idle);
		} else {
			mi_plain_blank(io);
			mi_plain_say(io, "Thank you! Your answers are saved. Please let the front desk "
					 "know you have finished.");
			wait_enter(io, "Press Enter to finish.", THANKS_SECONDS);
		}
	} else if (end == MI_PLAIN_LEFT) {
		mi_plain_blank(io);
		say_code(io, "Your answers are saved. To continue later, type your name, your date "
			     "of birth and your code.", code);
		wait_enter(io, "Press Enter to finish.", THANKS_SECONDS);
	} else if (end == MI_PLAIN_IDLE) {
		mi_plain_say(io, "Nobody answered for a while: the answers are saved and the kiosk "
				 "starts afresh.");
	}
	mi_app_draft_release(k->config->store, draft);
	mi_ui_intake_free(in);
	return go_on && end != MI_PLAIN_ENDED;
}

/* F12 takes the PIN of any active therapist, as on the full screen. */
static bool any_therapist(void *store, const char *pin)
{
	return mi_app_account_check_therapists(store, pin, NULL);
}

mi_status mi_plain_kiosk_run(const mi_ui_kiosk_config *config, mi_plain_io *io, mi_error *err)
{
	plain_kiosk k = {.config = config, .io = io, .idle = config->idle_seconds,
			 .resume_hours = config->resume_hours};
	if (k.idle <= 0)
		k.idle = strtod(mi_setting_def_of(MI_SETTING_IDLE_TIMEOUT)->default_value, NULL);
	if (k.resume_hours <= 0)
		k.resume_hours = strtol(mi_setting_def_of(MI_SETTING_RESUME_HOURS)->default_value, NULL, 10);
	mi_ui_lock_config lc = {
		.pin_hash = config->pin_hash,
		.verify = config->pin_hash ? NULL : any_therapist,
		.verify_ctx = config->store,
		.store = config->store,
		.can_cancel = true,
	};
	k.lock = mi_ui_lock_new(&lc);
	if (!k.lock)
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	/* As on the full screen: the keys that stop a program do not stop the kiosk. */
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old[3];
	const int keys[] = {SIGINT, SIGQUIT, SIGTSTP};
	for (size_t i = 0; i < 3; i++)
		sigaction(keys[i], &ignore, &old[i]);
	while (one_client(&k))
		page_break(io);
	for (size_t i = 0; i < 3; i++)
		sigaction(keys[i], &old[i], NULL);
	if (io->ended) {
		mi_plain_blank(io);
		mi_plain_say(io, "The input ended: the kiosk stops. Unfinished answers are saved.");
	}
	mi_ui_lock_free(k.lock);
	return MI_OK;
}

mi_status mi_plain_desk_intake(mi_store *store, const mi_ruleset *rules, mi_clock clock,
			       mi_visit_source source, mi_plain_io *io, long long *visit_id,
			       mi_error *err)
{
	*visit_id = 0;
	mi_date today = mi_clock_today(clock);
	mi_plain_say(io, "New intake: the client's name and date of birth (their open intake, "
			 "if any, is resumed).");
	mi_ui_ident id;
	if (identify(io, 0, false, today, &id) != IDENT_DONE)
		return mi_error_set(err, MI_EUSAGE, "the input ended before the client was named.");
	char *name = mi_ui_field_text(&id.name), *birth = mi_ui_field_text(&id.birth);
	long long draft = 0;
	mi_answers *answers = NULL;
	bool resumed = false;
	mi_status st = name && birth ? mi_app_draft_open(store, rules, name, birth, source, today,
							 &draft, &answers, &resumed, err)
				     : mi_error_set(err, MI_EINTERNAL, "out of memory.");
	free(name);
	free(birth);
	mi_answers_free(answers);
	answers = NULL;
	if (st == MI_OK)
		st = mi_app_draft_take(store, draft, &answers, err);
	if (st != MI_OK)
		return st;
	if (resumed) {
		mi_error warning;
		if (!mi_app_audit_view(store, "resume", "visits", draft, &warning))
			mi_plain_say(io, "Shown, but %s", warning.message);
		mi_plain_say(io, "Their open intake is resumed: the answers so far are kept.");
	}
	mi_ui_intake_config ic = {
		.mode = MI_UI_THERAPIST,
		.rules = rules,
		.clock = clock,
		.sink = mi_ui_store_sink(store),
		.draft_id = draft,
		.lock_identity = true,
	};
	mi_ui_intake *in = mi_ui_intake_new(&ic, answers);
	mi_answers_free(answers);
	if (!in) {
		mi_app_draft_release(store, draft);
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	}
	mi_plain_end end = mi_plain_walk(io, in, MI_UI_THERAPIST, rules, 0);
	if (end == MI_PLAIN_FINISHED)
		st = mi_app_intake_complete(store, rules, draft, mi_ui_intake_answers(in), mi_clock_today(clock),
					    NULL, err);
	if (end == MI_PLAIN_FINISHED && st == MI_OK) {
		*visit_id = draft;
		const mi_screening *s = mi_ui_intake_screening(in);
		for (size_t i = 0; rules && i < s->flag_count; i++)
			mi_plain_say(io, "%s %s: %s (source: %s)", mi_level_tag(s->flags[i]->level),
				     s->flags[i]->id, s->flags[i]->note ? s->flags[i]->note : "",
				     s->flags[i]->source ? s->flags[i]->source : "");
		mi_plain_say(io, "The intake was saved as visit %lld.", draft);
	} else if (st == MI_OK) {
		mi_plain_say(io, "The intake is kept as a draft: it resumes with the same name and "
				 "date of birth.");
	}
	mi_app_draft_release(store, draft);
	mi_ui_intake_free(in);
	return st;
}
