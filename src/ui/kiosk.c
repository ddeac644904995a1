/* kiosk.c - the client self-fill kiosk: welcome, resume code, intake,
 * saved, thank-you (or get-care-now after an urgent intake), PIN. */
#include <stdlib.h>
#include <string.h>

#include "mi/app_accounts.h"
#include "mi/app_drafts.h"
#include "mi/app_language.h"
#include "mi/app_intake.h"
#include "mi/app_settings.h"
#include "mi/client_language.h"
#include "mi/i18n.h"
#include "mi/settings.h"
#include "mi/text.h"
#include "mi/ui_app.h"
#include "mi/ui_lock.h"
#include "mi/ui_welcome.h"

typedef enum page {
	PAGE_WELCOME,
	PAGE_CODE,
	PAGE_INTAKE,
	PAGE_SAVED,
	PAGE_THANKS,
	PAGE_PIN,
	PAGE_URGENT,
} page;

/* How long the thank-you and saved pages stay before the welcome page;
 * how long Enter cannot close the urgent page (an Enter meant for the last
 * question must not hide it). */
enum { THANKS_SECONDS = 20, URGENT_HOLD_SECONDS = 15, SETTINGS_SECONDS = 5 };

struct mi_ui_kiosk {
	mi_ui_kiosk_config config;
	mi_ui_lock *lock;      /* the PIN page */
	page page;
	page before_pin;       /* where Esc on the PIN page returns */
	mi_ui_ident ident;
	mi_ui_intake *intake;
	long long draft_id;    /* the draft this screen holds (claimed), or 0 */
	char code[MI_RESUME_CODE_DIGITS + 1]; /* its resume code, "" when not known */
	char status[640];
	bool show_help;
	bool key_seen;         /* a key arrived since the last tick */
	double last_key;       /* monotonic time of the last key */
	double page_since;     /* when the thank-you or saved page appeared */
	char urgent_message[1024]; /* the urgent page's words (the rule's own) */
	int warn_left;         /* seconds the idle warning shows; 0: no warning */
	double settings_since; /* when the settings were last read; 0: never */
	const mi_translation *language; /* the client's pick, or NULL: the desk's language */
};

/* English as a client's pick: the program's own words and the data
 * files' (the desk's language may be another). */
static const char *const stay_message =
	N_("This screen stays open for the next client. Please ask the front desk if you need help.");

/* Lets go of the draft this screen holds (it stays in the store) and
 * forgets its code. */
static void drop_draft(mi_ui_kiosk *k)
{
	if (k->draft_id)
		mi_app_draft_release(k->config.store, k->draft_id);
	mi_ui_intake_free(k->intake);
	k->intake = NULL;
	k->draft_id = 0;
	memset(k->code, 0, sizeof k->code);
}

/* Back to an empty welcome page; the draft stays in the store. */
static void to_welcome(mi_ui_kiosk *k)
{
	drop_draft(k);
	mi_ui_ident_clear(&k->ident);
	k->ident.with_code = true;
	k->page = PAGE_WELCOME;
	/* The next client starts in the desk's language. */
	k->language = NULL;
	mi_translation_use(NULL);
	k->show_help = false;
	k->warn_left = 0;
	memset(k->urgent_message, 0, sizeof k->urgent_message);
}

/* The walk-through over the draft's answers; false (status set) when out
 * of memory. */
static bool open_walkthrough(mi_ui_kiosk *k, const mi_answers *answers)
{
	mi_ui_intake_config ic = {
		.mode = MI_UI_CLIENT,
		.rules = k->config.rules,
		.clock = k->config.clock,
		.sink = mi_ui_store_sink(k->config.store),
		.draft_id = k->draft_id,
		.lock_identity = true,
	};
	k->intake = mi_ui_intake_new(&ic, answers);
	if (!k->intake) {
		drop_draft(k);
		snprintf(k->ident.status, sizeof k->ident.status,
			 _("Out of memory; please ask the front desk."));
		return false;
	}
	return true;
}

/* Why a resume did not happen, in words for a client: never whether an
 * intake exists. */
const char *mi_ui_kiosk_resume_refusal(mi_status st)
{
	if (st == MI_ENOTFOUND)
		return _("That code does not open an intake here. Check it, or clear it to start a "
		       "new intake; the front desk can also help.");
	if (st == MI_ETEMPFAIL)
		return _("That intake cannot be opened here right now (it may be open on another "
		       "screen). Please ask the front desk.");
	return _("Sorry, your answers cannot be opened right now; please ask the front desk.");
}

/* The language the key picks on the welcome page (F2 English, F3 the
 * next language shipped, ...), or NULL for another key. */
static const mi_translation *language_of_key(const mi_ui_kiosk *k, mi_ui_key key)
{
	size_t index = key.kind == MI_KEY_F2 ? 0 : key.kind == MI_KEY_F3 ? 1
		       : key.kind == MI_KEY_F4 ? 2 : (size_t)-1;
	return mi_client_language(k->config.translations, k->config.translation_count, index);
}

/* Starts a fresh intake for the typed name and birth date (showing its
 * resume code first), or resumes one with the typed code. */
static void start_intake(mi_ui_kiosk *k)
{
	char *name = mi_ui_field_text(&k->ident.name);
	char *birth = mi_ui_field_text(&k->ident.birth);
	char *typed = mi_ui_field_text(&k->ident.code);
	mi_answers *answers = NULL;
	mi_error err;
	mi_status st = MI_EINTERNAL;
	bool resuming = typed && *typed;
	if (name && birth && typed && resuming) {
		st = mi_app_kiosk_resume(k->config.store, k->config.rules, name, birth, typed,
					 k->config.resume_hours, mi_clock_today(k->config.clock),
					 &k->draft_id, &answers, &err);
		if (st == MI_OK)
			mi_resume_code_normalize(typed, k->code);
	} else if (name && birth && typed) {
		st = mi_app_kiosk_start(k->config.store, name, birth, mi_clock_today(k->config.clock),
					&k->draft_id, &answers, k->code, &err);
	}
	free(name);
	free(birth);
	free(typed);
	if (st != MI_OK) {
		k->draft_id = 0;
		snprintf(k->ident.status, sizeof k->ident.status, "%s",
			 resuming ? mi_ui_kiosk_resume_refusal(st)
				  : _("Sorry, your answers cannot be saved right now; please ask the "
				    "front desk."));
		if (resuming) {
			mi_ui_field_clear(&k->ident.code);
			k->ident.focus = 2;
		}
		return;
	}
	bool opened = open_walkthrough(k, answers);
	mi_answers_free(answers);
	if (!opened)
		return;
	/* The visit remembers its language for the aftercare sheet; failing
	 * to costs only that (it is then printed in the desk's language). */
	mi_error ignored;
	mi_app_visit_set_language(k->config.store, k->draft_id, mi_i18n_language(), &ignored);
	k->status[0] = '\0';
	if (resuming)
		snprintf(k->status, sizeof k->status,
			 _("Welcome back: your answers so far are kept."));
	k->page = resuming ? PAGE_INTAKE : PAGE_CODE;
}

/* Leaves the intake unfinished: the answers stay, the code is shown once
 * more on the saved page. */
static void leave_intake(mi_ui_kiosk *k)
{
	mi_app_draft_release(k->config.store, k->draft_id);
	mi_ui_intake_free(k->intake);
	k->intake = NULL;
	k->draft_id = 0;
	k->page = PAGE_SAVED;
	k->page_since = mi_ui_now();
}

/* Stores the finished intake and shows the thank-you page. */
static void finish_intake(mi_ui_kiosk *k)
{
	mi_error err;
	if (mi_app_intake_complete(k->config.store, k->config.rules, k->draft_id,
				   mi_ui_intake_answers(k->intake), mi_clock_today(k->config.clock), NULL,
				   &err) != MI_OK) {
		snprintf(k->status, sizeof k->status,
			 _("Sorry, the answers could not be finished; please ask the front desk."));
		return;
	}
	const mi_screening *s = mi_ui_intake_screening(k->intake);
	bool urgent = k->config.rules && s->outcome == MI_LEVEL_URGENT;
	if (urgent)
		snprintf(k->urgent_message, sizeof k->urgent_message, "%s", mi_ui_client_notice(s));
	drop_draft(k); /* completing gave up the claim; the code is no longer needed */
	k->page = urgent ? PAGE_URGENT : PAGE_THANKS;
	k->page_since = mi_ui_now();
}

/* Keys of the PIN page: the lock screen; Esc goes back, the right PIN quits. */
static mi_ui_action pin_key(mi_ui_kiosk *k, mi_ui_key key)
{
	mi_ui_action a = mi_ui_lock_key(k->lock, key);
	if (a == MI_UI_DONE)
		return MI_UI_QUIT;
	if (a == MI_UI_CANCEL) {
		k->page = k->before_pin;
		k->status[0] = '\0';
		return MI_UI_HANDLED;
	}
	return a;
}

/* Every key of the kiosk; only the right PIN returns MI_UI_QUIT. */
static mi_ui_action kiosk_key(void *self, mi_ui_key key)
{
	mi_ui_kiosk *k = self;
	k->key_seen = true;
	if (k->warn_left) { /* the key only says "still here": it does nothing else */
		k->warn_left = 0;
		return MI_UI_HANDLED;
	}
	if (k->page == PAGE_PIN)
		return pin_key(k, key);
	if (key.kind == MI_KEY_F12 || (key.kind == MI_KEY_CTRL && key.ch == L't')) {
		k->before_pin = k->page;
		k->page = PAGE_PIN;
		k->status[0] = '\0';
		mi_ui_lock_reset(k->lock);
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_CTRL) {
		snprintf(k->status, sizeof k->status, "%s", _(stay_message));
		return MI_UI_HANDLED;
	}
	k->status[0] = '\0';
	switch (k->page) {
	case PAGE_WELCOME:
		if (key.kind == MI_KEY_F1) {
			k->show_help = !k->show_help;
			return MI_UI_HANDLED;
		}
		if (key.kind == MI_KEY_ESC) {
			snprintf(k->status, sizeof k->status, "%s", _(stay_message));
			return MI_UI_HANDLED;
		}
		const mi_translation *picked = language_of_key(k, key);
		if (picked) {
			k->language = picked;
			mi_translation_use(picked);
			return MI_UI_HANDLED;
		}
		if (mi_ui_ident_key(&k->ident, key, mi_clock_today(k->config.clock)) == MI_UI_DONE)
			start_intake(k);
		return MI_UI_HANDLED;
	case PAGE_CODE:
		if (key.kind == MI_KEY_ENTER)
			k->page = PAGE_INTAKE;
		return MI_UI_HANDLED;
	case PAGE_INTAKE: {
		mi_ui_action a = mi_ui_intake_key(k->intake, key);
		if (a == MI_UI_DONE)
			finish_intake(k);
		else if (a == MI_UI_CANCEL)
			leave_intake(k);
		return MI_UI_HANDLED;
	}
	case PAGE_URGENT:
		if (key.kind == MI_KEY_ENTER && mi_ui_now() - k->page_since >= URGENT_HOLD_SECONDS)
			to_welcome(k);
		return MI_UI_HANDLED;
	case PAGE_SAVED:
	case PAGE_THANKS:
		if (key.kind == MI_KEY_ENTER)
			to_welcome(k);
		return MI_UI_HANDLED;
	case PAGE_PIN:
		break;
	}
	return MI_UI_HANDLED;
}

/* How long before the idle clear the kiosk warns: 30 s, or a third of a
 * shorter timeout. */
static double idle_warning_seconds(const mi_ui_kiosk *k)
{
	return k->config.idle_seconds >= 90 ? 30 : k->config.idle_seconds / 3;
}

/* Every few seconds, the timeouts in force are read again, so a change
 * made with `settings` while the kiosk runs takes effect without a
 * restart. A failed read keeps the values the kiosk has. */
static void follow_settings(mi_ui_kiosk *k, double now)
{
	if (!k->config.store || (k->settings_since != 0 && now - k->settings_since < SETTINGS_SECONDS))
		return;
	k->settings_since = now;
	mi_settings s = {0};
	mi_error ignored;
	if (mi_app_settings_load(k->config.store, &s, &ignored) == MI_OK) {
		k->config.idle_seconds = (double)s.idle_timeout_seconds;
		k->config.resume_hours = s.kiosk_resume_hours;
	}
	mi_settings_clear(&s);
}

/* Idle timeout and the thank-you page's return to welcome; the PIN
 * page's wait runs on whatever page is shown. */
static mi_ui_action kiosk_tick(void *self, double now)
{
	mi_ui_kiosk *k = self;
	follow_settings(k, now);
	mi_ui_action lock_action = mi_ui_lock_tick(k->lock, now);
	if (k->page != PAGE_PIN)
		lock_action = MI_UI_IGNORED;
	if (k->key_seen || k->last_key == 0) {
		k->key_seen = false;
		k->last_key = now;
		k->warn_left = 0;
		return lock_action;
	}
	if ((k->page == PAGE_THANKS || k->page == PAGE_SAVED) &&
	    now - k->page_since >= THANKS_SECONDS) {
		to_welcome(k);
		return MI_UI_HANDLED;
	}
	bool idle_page = k->page != PAGE_WELCOME || k->ident.name.len || k->ident.birth.len ||
			 k->ident.code.len;
	if (idle_page && now - k->last_key >= k->config.idle_seconds) {
		mi_ui_lock_reset(k->lock);
		k->status[0] = '\0';
		to_welcome(k);
		return MI_UI_HANDLED;
	}
	/* Before someone's answers go, a countdown that any key stops. */
	double left = k->config.idle_seconds - (now - k->last_key);
	bool warn_page = k->page == PAGE_WELCOME || k->page == PAGE_CODE || k->page == PAGE_INTAKE;
	if (idle_page && warn_page && left <= idle_warning_seconds(k)) {
		int shown = (int)left + (left > (int)left);
		if (shown != k->warn_left) {
			k->warn_left = shown;
			return MI_UI_HANDLED;
		}
	}
	return lock_action;
}

/* The languages a client can pick, each in its own words with its key;
 * the one in use is shown reversed. Nothing when there is no other
 * language than English. */
static void draw_languages(const mi_ui_kiosk *k, mi_ui_canvas *c, int y)
{
	if (k->config.translation_count == 0)
		return;
	static const char *const keys[] = {"F2", "F3", "F4"};
	size_t count = 0;
	const mi_language *languages = mi_languages(&count);
	int x = 4;
	for (size_t i = 0; i < count && i < sizeof keys / sizeof keys[0]; i++) {
		if (i > 0 && !language_of_key(k, mi_ui_key_of((mi_ui_key_kind)(MI_KEY_F2 + (int)i))))
			continue; /* not loaded */
		bool in_use = strcmp(mi_i18n_language(), languages[i].code) == 0;
		char item[64];
		snprintf(item, sizeof item, " %s %s ", keys[i], languages[i].name);
		mi_ui_put(c, y, x, in_use ? MI_UI_REVERSE : 0, -1, item);
		x += (int)mi_text_width(item) + 2;
	}
}

/* The welcome page with the language keys and the name and birth date
 * form. */
static void draw_welcome(mi_ui_kiosk *k, mi_ui_canvas *c)
{
	mi_ui_draw_title(c, _("Welcome"), _("client intake"));
	draw_languages(k, c, 1);
	char welcome[512];
	mi_ui_welcome_words(welcome, sizeof welcome);
	mi_ui_wrap(c, 3, 4, 72, 3, MI_UI_BOLD, welcome);
	mi_ui_wrap(c, 7, 4, 72, 2, 0,
		   _("Your answers are private: only you and your therapist see them."));
	mi_ui_ident_draw(&k->ident, c, 10);
	if (k->show_help)
		mi_ui_wrap(c, 16, 4, 72, 3, 0,
			   _("Type your name, press Enter, then type your date of birth and press "
			   "Enter again. To continue an intake you began, also type the code you were "
			   "shown (Tab reaches it)."));
	const char *status = k->status[0] ? k->status : k->ident.status;
	if (*status)
		mi_ui_wrap(c, 20, 1, 78, 2, MI_UI_BOLD, status);
	mi_ui_draw_keys(c, _("Type  Tab next field  Enter continue  F1 help"));
	/* The birth date read back waits for Y or N: the cursor on the question. */
	if (k->ident.birth_asking)
		mi_ui_focus(c, 20, 1);
}

/* A page that shows the resume code between two texts. */
static void draw_with_code(const mi_ui_kiosk *k, mi_ui_canvas *c, const char *title,
			   const char *before, const char *after, const char *keys)
{
	char shown[MI_RESUME_CODE_DIGITS + 2];
	mi_resume_code_format(k->code, shown);
	mi_ui_draw_title(c, title, _("client intake"));
	mi_ui_wrap(c, 4, 4, 72, 3, MI_UI_BOLD, before);
	mi_ui_putf(c, 8, 30, MI_UI_BOLD | MI_UI_REVERSE, "  %s  ", shown);
	mi_ui_wrap(c, 11, 4, 72, 3, 0, after);
	mi_ui_draw_keys(c, keys);
	mi_ui_focus(c, 8, 32);
}

/* The code page: a fresh intake's resume code, shown to its client. */
static void draw_code(const mi_ui_kiosk *k, mi_ui_canvas *c)
{
	draw_with_code(k, c, _("Your code"),
		       _("Your answers are saved as you give them. If you need to stop, you can "
		       "continue later with your name, date of birth and this code:"),
		       _("Please remember it or write it down: only you see it, and without it an "
		       "unfinished intake cannot be opened here again."),
		       _("Enter start the questions"));
}

/* The saved page: the intake was left unfinished. */
static void draw_saved(const mi_ui_kiosk *k, mi_ui_canvas *c)
{
	draw_with_code(k, c, _("Saved for later"),
		       _("Your answers are saved. To continue later, type your name, your date of "
		       "birth and your code:"),
		       _("This screen goes back to the welcome page in a moment."),
		       _("Enter back to the welcome page"));
}

/* The thank-you page. */
static void draw_thanks(mi_ui_canvas *c)
{
	mi_ui_draw_title(c, _("Thank you"), _("client intake"));
	mi_ui_wrap(c, 6, 4, 72, 3, MI_UI_BOLD,
		   _("Thank you! Your answers are saved. Please let the front desk know you have "
		   "finished."));
	mi_ui_wrap(c, 10, 4, 72, 2, 0, _("This screen goes back to the welcome page in a moment."));
	mi_ui_draw_keys(c, _("Enter back to the welcome page"));
	mi_ui_focus(c, 6, 4);
}

/* The end of an urgent intake: the rule's own words, then what to do now.
 * It stays up as long as the idle timeout, not the thank-you's moment. */
static void draw_urgent(const mi_ui_kiosk *k, mi_ui_canvas *c)
{
	mi_ui_draw_title(c, _("Please get care now"), _("client intake"));
	int y = 3;
	y += mi_ui_wrap(c, y, 4, 72, 6, MI_UI_BOLD, k->urgent_message);
	mi_ui_put(c, y + 1, 4, MI_UI_BOLD, -1, _("What to do now:"));
	y += 2;
	y += mi_ui_wrap(c, y, 6, 70, 2, 0,
			_("1. Tell the front desk now. Show them this screen: they will help you."));
	y += mi_ui_wrap(c, y, 6, 70, 2, 0,
			_("2. Do not wait for your massage. We will not start it today."));
	y += mi_ui_wrap(c, y, 6, 70, 2, 0,
			_("3. If you feel worse while you wait, tell someone straight away."));
	mi_ui_wrap(c, y + 1, 4, 72, 2, 0,
		   _("Your answers are saved; the front desk can see them. Please speak to them "
		   "before you leave."));
	mi_ui_draw_keys(c, _("Please tell the front desk now"));
	mi_ui_focus(c, 3, 4);
}

/* The idle warning, in a box over the page. */
static void draw_idle_warning(const mi_ui_kiosk *k, mi_ui_canvas *c)
{
	int top = 8, left = 8, width = c->cols - 16;
	for (int y = top; y < top + 6; y++)
		mi_ui_fill(c, y, left, width, L' ', MI_UI_REVERSE);
	mi_ui_putf(c, top + 1, left + 2, MI_UI_REVERSE | MI_UI_BOLD, _("Are you still there?"));
	mi_ui_putf(c, top + 3, left + 2, MI_UI_REVERSE,
		   dngettext(MI_TEXT_DOMAIN, "This screen starts afresh in %d second.",
			     "This screen starts afresh in %d seconds.", (unsigned long)k->warn_left),
		   k->warn_left);
	mi_ui_putf(c, top + 4, left + 2, MI_UI_REVERSE, _("Press any key to go on."));
	mi_ui_focus(c, top + 1, left + 2);
}

/* Draws the kiosk's current page. */
static void kiosk_draw(void *self, mi_ui_canvas *c)
{
	mi_ui_kiosk *k = self;
	switch (k->page) {
	case PAGE_WELCOME:
		draw_welcome(k, c);
		break;
	case PAGE_CODE:
		draw_code(k, c);
		break;
	case PAGE_SAVED:
		draw_saved(k, c);
		break;
	case PAGE_INTAKE:
		mi_ui_intake_draw(k->intake, c);
		if (k->status[0]) {
			mi_ui_fill(c, 22, 0, c->cols, L' ', 0);
			mi_ui_put(c, 22, 1, MI_UI_BOLD, 78, k->status);
		}
		break;
	case PAGE_THANKS:
		draw_thanks(c);
		break;
	case PAGE_URGENT:
		draw_urgent(k, c);
		break;
	case PAGE_PIN:
		mi_ui_lock_draw(k->lock, c);
		break;
	}
	if (k->warn_left)
		draw_idle_warning(k, c);
}

static const mi_ui_screen_ops kiosk_ops = {.draw = kiosk_draw, .key = kiosk_key, .tick = kiosk_tick};

/* A kiosk on its welcome page, or NULL. */
/* F12 takes the PIN of any active therapist; the kiosk stays "kiosk" in
 * the audit log. */
static bool any_therapist(void *store, const char *pin)
{
	return mi_app_account_check_therapists(store, pin, NULL);
}

mi_ui_kiosk *mi_ui_kiosk_new(const mi_ui_kiosk_config *config)
{
	mi_ui_kiosk *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	k->config = *config;
	/* Unset (zero) times are the settings' defaults. */
	if (k->config.idle_seconds <= 0)
		k->config.idle_seconds = strtod(mi_setting_def_of(MI_SETTING_IDLE_TIMEOUT)->default_value, NULL);
	if (k->config.resume_hours <= 0)
		k->config.resume_hours = strtol(mi_setting_def_of(MI_SETTING_RESUME_HOURS)->default_value, NULL, 10);
	mi_ui_lock_config lc = {
		.pin_hash = config->pin_hash,
		.verify = config->pin_hash ? NULL : any_therapist,
		.verify_ctx = config->store,
		.store = config->store,
		.title = _("Staff only"),
		.heading = _("Enter the therapist PIN to leave the kiosk."),
		.hint = _("Clients: please press Esc to go back to your questions."),
		.keys = _("Digits PIN  Enter leave the kiosk  Esc back"),
		.can_cancel = true,
	};
	k->lock = mi_ui_lock_new(&lc);
	if (!k->lock) {
		free(k);
		return NULL;
	}
	to_welcome(k);
	return k;
}

/* Frees the kiosk; drafts stay in the store. */
void mi_ui_kiosk_free(mi_ui_kiosk *k)
{
	if (!k)
		return;
	drop_draft(k);
	mi_ui_lock_free(k->lock);
	free(k);
}

/* The kiosk as a screen. */
mi_ui_screen mi_ui_kiosk_screen(mi_ui_kiosk *k)
{
	return (mi_ui_screen){.ops = &kiosk_ops, .self = k};
}

/* The name of the page shown. */
const char *mi_ui_kiosk_page(const mi_ui_kiosk *k)
{
	static const char *const names[] = {"welcome", "code",	"intake", "saved",
					    "thanks",  "pin", "urgent"};
	return names[k->page];
}
