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
#include "mi/app_language.h"
#include "mi/app_settings.h"
#include "mi/client_language.h"
#include "mi/i18n.h"
#include "mi/screen.h"
#include "mi/settings.h"
#include "mi/ui_lock.h"
#include "mi/ui_plain.h"
#include "mi/ui_welcome.h"

/* Blank lines that scroll a client's lines off a terminal's page before
 * the next client. */
enum { PAGE_BREAK_LINES = 60, THANKS_SECONDS = 20 };

/* What asking for who the intake is for gave. */
typedef enum ident_end { IDENT_DONE, IDENT_LANGUAGE, IDENT_STAFF, IDENT_IDLE, IDENT_ENDED } ident_end;

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

/* The number of a language a client may pick, alone on the line (1 for
 * the first of mi_languages()), or 0. */
static size_t language_number(const mi_ui_kiosk_config *config, const char *line)
{
	size_t count = 0;
	mi_languages(&count);
	for (size_t i = 0; config && config->translation_count > 0 && i < count; i++) {
		char number[24];
		snprintf(number, sizeof number, "%zu", i + 1);
		if (strcmp(line, number) == 0 &&
		    mi_client_language(config->translations, config->translation_count, i))
			return i + 1;
	}
	return 0;
}

/* One field of the identification form: its question, then a line. On
 * the kiosk's name field (languages set), a language's number is a pick
 * of language (IDENT_LANGUAGE, *pick set), as the full screen's welcome
 * page takes F2 to F4 while it asks the name. */
static ident_end ask_field(mi_plain_io *io, double idle, bool client, const char *question,
			   mi_ui_field *field, const mi_ui_kiosk_config *languages, size_t *pick)
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
	size_t language = languages ? language_number(languages, line) : 0;
	if (language) {
		*pick = language;
		free(line);
		return IDENT_LANGUAGE;
	}
	mi_ui_field_set(field, line);
	free(line);
	return IDENT_DONE;
}

/* Name, date of birth (read back in words for a yes) and, at the kiosk,
 * the resume code: checked by mi_ui_ident_key as on the full screen; a
 * field refused is asked again with the reason. At the kiosk (languages
 * set) the name's line may pick a language instead (IDENT_LANGUAGE). */
static ident_end identify(mi_plain_io *io, double idle, bool client, mi_date today,
			  mi_ui_ident *id, const mi_ui_kiosk_config *languages, size_t *pick)
{
	const char *const questions[] = {
		_("Full name:"),
		_("Date of birth (for example 14 March 1988):"),
		_("Your code, only to continue an intake you began (press Enter to start a new "
		  "one):"),
	};
	mi_ui_ident_clear(id);
	id->with_code = client;
	int fields = client ? 3 : 2;
	mi_ui_field *field[] = {&id->name, &id->birth, &id->code};
	for (int i = 0; i < fields; i++) {
		/* The welcome waits for a name; once one is typed, a silence clears it. */
		ident_end e = ask_field(io, i == 0 ? 0 : idle, client, questions[i], field[i],
					i == 0 ? languages : NULL, pick);
		if (e != IDENT_DONE)
			return e;
	}
	for (;;) {
		id->focus = fields - 1; /* Enter there checks the whole form */
		if (mi_ui_ident_key(id, mi_ui_key_of(MI_KEY_ENTER), today) == MI_UI_DONE)
			return IDENT_DONE;
		while (id->birth_asking) {
			const mi_ui_reading *r = &id->birth_reading;
			mi_plain_say(io, "%s", r->question);
			mi_plain_say(io, "%s", mi_plain_reading_hint(r));
			mi_ui_field reply = {0};
			ident_end e = ask_field(io, idle, client, "", &reply, NULL, NULL);
			if (e != IDENT_DONE)
				return e;
			char *typed = mi_ui_field_text(&reply);
			wchar_t key = typed ? mi_plain_reading_key(r, typed) : 0;
			free(typed);
			if (mi_ui_ident_key(id, mi_ui_key_char(key ? key : L' '), today) == MI_UI_DONE)
				return IDENT_DONE;
		}
		if (id->status[0])
			mi_plain_say(io, "%s", id->status);
		ident_end e = ask_field(io, idle, client, questions[id->focus % fields],
					field[id->focus % fields], NULL, NULL);
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
		mi_plain_say(k->io, "%s", _("Too many wrong PINs: please wait a while and try again."));
		return false;
	}
	mi_plain_say(k->io, "%s", _("Staff only: type the therapist PIN to leave the kiosk (Enter "
				    "alone goes back)."));
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
					  ? _("Wrong PIN. Too many wrong PINs: please wait a while.")
					  : _("Wrong PIN."));
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
	/* TRANSLATORS: the resume code, "123 456". */
	mi_plain_say(io, _("Your code: %s"), shown);
}

/* After an urgent intake: the rule's own words, then what to do now. */
static void say_urgent(mi_plain_io *io, const mi_screening *s)
{
	mi_plain_blank(io);
	mi_plain_say(io, "%s", _("Please get care now."));
	mi_plain_say(io, "%s", mi_ui_client_notice(s));
	mi_plain_say(io, "%s", _("What to do now:"));
	mi_plain_say(io, "%s", _("1. Tell the front desk now. They will help you."));
	mi_plain_say(io, "%s", _("2. Do not wait for your massage. We will not start it today."));
	mi_plain_say(io, "%s", _("3. If you feel worse while you wait, tell someone straight away."));
	mi_plain_say(io, "%s", _("Your answers are saved; the front desk can see them. Please speak "
				 "to them before you leave."));
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

/* The languages a client may pick, numbered, each named in itself with
 * how to pick it in its own words; nothing when only English is loaded. */
static void say_languages(plain_kiosk *k)
{
	const mi_ui_kiosk_config *c = k->config;
	size_t count = 0;
	const mi_language *languages = mi_languages(&count);
	for (size_t i = 0; c->translation_count > 0 && i < count; i++) {
		if (!mi_client_language(c->translations, c->translation_count, i))
			continue; /* not loaded */
		mi_i18n_use(languages[i].code);
		char offer[256];
		/* TRANSLATORS: a language the plain kiosk offers, in its own words
		   (this line is shown in your language whatever the desk's): its
		   number, its name ("Español"), then its number again. */
		snprintf(offer, sizeof offer, _("%1$zu. %2$s: type %1$zu and press Enter."), i + 1,
			 languages[i].name);
		mi_plain_say(k->io, "  %s", offer);
	}
	mi_translation_use(NULL); /* the desk's language again, for the welcome */
}

/* The welcome in the language in use, with the languages to pick first
 * on the desk's. */
static void say_welcome(plain_kiosk *k, bool with_languages)
{
	mi_plain_io *io = k->io;
	if (with_languages)
		say_languages(k);
	else
		mi_plain_blank(io);
	char welcome[512];
	mi_ui_welcome_words(welcome, sizeof welcome);
	mi_plain_say(io, "%s", welcome);
	mi_plain_say(io, "%s", _("Your answers are private: only you and your therapist see them."));
	mi_plain_say(io, "%s", _("Each question is one line: type your answer and press Enter."));
}

/* One client at the kiosk, from the welcome to the end of their intake.
 * False when the kiosk is to stop (the PIN was given, or the input
 * ended). */
static bool one_client(plain_kiosk *k)
{
	mi_plain_io *io = k->io;
	follow_settings(k);
	/* Each client starts in the desk's language. */
	mi_translation_use(NULL);
	mi_date today = mi_clock_today(k->config->clock);
	say_welcome(k, true);
	mi_ui_ident id;
	ident_end e;
	size_t pick = 0; /* the number typed for a language, from 1 */
	while ((e = identify(io, k->idle, true, today, &id, k->config, &pick)) == IDENT_LANGUAGE) {
		mi_translation_use(mi_client_language(k->config->translations,
						      k->config->translation_count, pick - 1));
		say_welcome(k, false);
	}
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
		st = mi_app_kiosk_resume(k->config->store, k->config->rules, name, birth, typed,
					 k->resume_hours, today, &draft, &answers, &err);
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
						: _("Sorry, your answers cannot be saved right now; "
						    "please ask the front desk."));
		mi_plain_blank(io);
		return true;
	}
	/* The visit remembers its language for the aftercare sheet, as at the
	 * full-screen kiosk; failing to costs only that. */
	mi_error ignored;
	mi_app_visit_set_language(k->config->store, draft, mi_i18n_language(), &ignored);
	if (resuming)
		mi_plain_say(io, "%s", _("Welcome back: your answers so far are kept."));
	else {
		say_code(io, _("Your answers are saved as you give them. If you need to stop, you "
			       "can continue later with your name, date of birth and this code. "
			       "Please remember it or write it down: only you see it."),
			 code);
		wait_enter(io, _("Press Enter to start the questions."), k->idle);
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
		mi_plain_say(io, "%s", _("Out of memory; please ask the front desk."));
	else if (end == MI_PLAIN_FINISHED) {
		const mi_screening *s = mi_ui_intake_screening(in);
		if (mi_app_intake_complete(k->config->store, k->config->rules, draft,
					   mi_ui_intake_answers(in), mi_clock_today(k->config->clock),
					   NULL, &err) != MI_OK) {
			mi_plain_say(io, "%s", _("Sorry, the answers could not be finished; please "
						 "ask the front desk."));
		} else if (k->config->rules && s->outcome == MI_LEVEL_URGENT) {
			say_urgent(io, s);
			wait_enter(io, _("Press Enter once you have told the front desk."), k->idle);
		} else {
			mi_plain_blank(io);
			mi_plain_say(io, "%s", _("Thank you! Your answers are saved. Please let the front "
						 "desk know you have finished."));
			wait_enter(io, _("Press Enter to finish."), THANKS_SECONDS);
		}
	} else if (end == MI_PLAIN_LEFT) {
		mi_plain_blank(io);
		say_code(io, _("Your answers are saved. To continue later, type your name, your date "
			       "of birth and your code."), code);
		wait_enter(io, _("Press Enter to finish."), THANKS_SECONDS);
	} else if (end == MI_PLAIN_IDLE) {
		mi_plain_say(io, "%s", _("Nobody answered for a while: the answers are saved and the "
					 "kiosk starts afresh."));
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
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	/* As on the full screen: the keys that stop a program do not stop the kiosk. */
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old[3];
	const int keys[] = {SIGINT, SIGQUIT, SIGTSTP};
	for (size_t i = 0; i < 3; i++)
		sigaction(keys[i], &ignore, &old[i]);
	while (one_client(&k))
		page_break(io);
	for (size_t i = 0; i < 3; i++)
		sigaction(keys[i], &old[i], NULL);
	/* The kiosk's last words are the desk's. */
	mi_translation_use(NULL);
	if (io->ended) {
		mi_plain_blank(io);
		mi_plain_say(io, "%s", _("The input ended: the kiosk stops. Unfinished answers are "
					 "saved."));
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
	mi_plain_say(io, "%s", _("New intake: the client's name and date of birth (their open "
				 "intake, if any, is resumed)."));
	mi_ui_ident id;
	if (identify(io, 0, false, today, &id, NULL, NULL) != IDENT_DONE)
		return mi_error_set(err, MI_EUSAGE,
				    _("the input ended before the client was named."));
	char *name = mi_ui_field_text(&id.name), *birth = mi_ui_field_text(&id.birth);
	long long draft = 0;
	mi_answers *answers = NULL;
	bool resumed = false;
	mi_status st = name && birth ? mi_app_draft_open(store, rules, name, birth, source, today,
							 &draft, &answers, &resumed, err)
				     : mi_error_set(err, MI_EINTERNAL, _("out of memory."));
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
			/* TRANSLATORS: why the viewing could not be recorded follows. */
			mi_plain_say(io, _("Shown, but %s"), warning.message);
		mi_plain_say(io, "%s", _("Their open intake is resumed: the answers so far are kept."));
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
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	mi_plain_end end = mi_plain_walk(io, in, MI_UI_THERAPIST, rules, 0);
	if (end == MI_PLAIN_FINISHED)
		st = mi_app_intake_complete(store, rules, draft, mi_ui_intake_answers(in), mi_clock_today(clock),
					    NULL, err);
	if (end == MI_PLAIN_FINISHED && st == MI_OK) {
		*visit_id = draft;
		const mi_screening *s = mi_ui_intake_screening(in);
		for (size_t i = 0; rules && i < s->flag_count; i++)
			/* TRANSLATORS: a rule's level tag ("[!! URGENT]") and id, as
			   keywords; its note for the therapist; where the rule comes from. */
			mi_plain_say(io, _("%s %s: %s (source: %s)"), mi_level_tag(s->flags[i]->level),
				     s->flags[i]->id, s->flags[i]->note ? s->flags[i]->note : "",
				     s->flags[i]->source ? s->flags[i]->source : "");
		mi_plain_say(io, _("The intake was saved as visit %lld."), draft);
	} else if (st == MI_OK) {
		mi_plain_say(io, "%s", _("The intake is kept as a draft: it resumes with the same name "
					 "and date of birth."));
	}
	mi_app_draft_release(store, draft);
	mi_ui_intake_free(in);
	return st;
}
