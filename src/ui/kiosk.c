/* kiosk.c - the client self-fill kiosk: welcome, intake, thank-you, PIN. */
#include <stdlib.h>
#include <string.h>

#include "mi/ui_app.h"
#include "mi/ui_lock.h"

typedef enum page { PAGE_WELCOME, PAGE_INTAKE, PAGE_THANKS, PAGE_PIN } page;

enum { THANKS_SECONDS = 20 };

struct mi_ui_kiosk {
	mi_ui_kiosk_config config;
	mi_ui_lock *lock;      /* the PIN page */
	page page;
	page before_pin;       /* where Esc on the PIN page returns */
	mi_ui_ident ident;
	mi_ui_intake *intake;
	long long draft_id;
	char status[640];
	bool show_help;
	bool key_seen;         /* a key arrived since the last tick */
	double last_key;       /* monotonic time of the last key */
	double page_since;     /* when the thank-you page appeared */
};

static const char *const stay_message =
	"This screen stays open for the next client. Please ask the front desk if you need help.";

/* Back to an empty welcome page; the draft stays in the store. */
static void to_welcome(mi_ui_kiosk *k)
{
	mi_ui_intake_free(k->intake);
	k->intake = NULL;
	k->draft_id = 0;
	mi_ui_ident_clear(&k->ident);
	k->page = PAGE_WELCOME;
	k->show_help = false;
}

/* Opens (or resumes) the draft for the typed name and birth date. */
static void start_intake(mi_ui_kiosk *k)
{
	char *name = mi_ui_field_text(&k->ident.name);
	char *birth = mi_ui_field_text(&k->ident.birth);
	mi_answers *answers = NULL;
	mi_error err;
	mi_status st = name && birth ? mi_ui_open_draft(k->config.store, name, birth, MI_SOURCE_KIOSK,
							 mi_clock_today(k->config.clock), &k->draft_id, &answers, &err)
				     : mi_error_set(&err, MI_EINTERNAL, "out of memory.");
	free(name);
	free(birth);
	if (st != MI_OK) {
		snprintf(k->ident.status, sizeof k->ident.status,
			 "Sorry, your answers cannot be saved right now; please ask the front desk.");
		return;
	}
	mi_ui_intake_config ic = {
		.mode = MI_UI_CLIENT,
		.rules = k->config.rules,
		.clock = k->config.clock,
		.sink = mi_ui_store_sink(k->config.store),
		.draft_id = k->draft_id,
		.lock_identity = true,
	};
	k->intake = mi_ui_intake_new(&ic, answers);
	mi_answers_free(answers);
	if (!k->intake) {
		snprintf(k->ident.status, sizeof k->ident.status, "Out of memory; please ask the front desk.");
		return;
	}
	k->status[0] = '\0';
	k->page = PAGE_INTAKE;
}

/* Stores the finished intake and shows the thank-you page. */
static void finish_intake(mi_ui_kiosk *k)
{
	mi_error err;
	const char *version = k->config.rules ? mi_ruleset_version(k->config.rules) : NULL;
	if (mi_store_visit_complete(k->config.store, k->draft_id, mi_ui_intake_answers(k->intake),
				    mi_ui_intake_screening(k->intake), version, &err) != MI_OK) {
		snprintf(k->status, sizeof k->status,
			 "Sorry, the answers could not be finished; please ask the front desk.");
		return;
	}
	mi_ui_intake_free(k->intake);
	k->intake = NULL;
	k->page = PAGE_THANKS;
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
		snprintf(k->status, sizeof k->status, "%s", stay_message);
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
			snprintf(k->status, sizeof k->status, "%s", stay_message);
			return MI_UI_HANDLED;
		}
		if (mi_ui_ident_key(&k->ident, key, mi_clock_today(k->config.clock)) == MI_UI_DONE)
			start_intake(k);
		return MI_UI_HANDLED;
	case PAGE_INTAKE: {
		mi_ui_action a = mi_ui_intake_key(k->intake, key);
		if (a == MI_UI_DONE)
			finish_intake(k);
		else if (a == MI_UI_CANCEL)
			to_welcome(k);
		return MI_UI_HANDLED;
	}
	case PAGE_THANKS:
		if (key.kind == MI_KEY_ENTER)
			to_welcome(k);
		return MI_UI_HANDLED;
	case PAGE_PIN:
		break;
	}
	return MI_UI_HANDLED;
}

/* Idle timeout and the thank-you page's return to welcome; the PIN
 * page's wait runs on whatever page is shown. */
static mi_ui_action kiosk_tick(void *self, double now)
{
	mi_ui_kiosk *k = self;
	mi_ui_action lock_action = mi_ui_lock_tick(k->lock, now);
	if (k->page != PAGE_PIN)
		lock_action = MI_UI_IGNORED;
	if (k->key_seen || k->last_key == 0) {
		k->key_seen = false;
		k->last_key = now;
		return lock_action;
	}
	if (k->page == PAGE_THANKS && now - k->page_since >= THANKS_SECONDS) {
		to_welcome(k);
		return MI_UI_HANDLED;
	}
	bool idle_page = k->page != PAGE_WELCOME || k->ident.name.len || k->ident.birth.len;
	if (idle_page && now - k->last_key >= k->config.idle_seconds) {
		mi_ui_lock_reset(k->lock);
		k->status[0] = '\0';
		to_welcome(k);
		return MI_UI_HANDLED;
	}
	return lock_action;
}

/* The welcome page with the name and birth date form. */
static void draw_welcome(mi_ui_kiosk *k, mi_ui_canvas *c)
{
	mi_ui_draw_title(c, "Welcome", "client intake");
	mi_ui_wrap(c, 3, 4, 72, 3, MI_UI_BOLD, "Welcome! Before your massage, please answer a few "
					      "questions about your back and your health. It takes "
					      "about 5 minutes.");
	mi_ui_wrap(c, 7, 4, 72, 2, 0,
		   "Your answers are private: only you and your therapist see them.");
	mi_ui_ident_draw(&k->ident, c, 10);
	if (k->show_help)
		mi_ui_wrap(c, 16, 4, 72, 3, 0,
			   "Type your name, press Enter, then type your date of birth and press "
			   "Enter again. If you started before, you continue where you stopped.");
	const char *status = k->status[0] ? k->status : k->ident.status;
	if (*status)
		mi_ui_wrap(c, 20, 1, 78, 2, MI_UI_BOLD, status);
	mi_ui_draw_keys(c, "Type  Tab next field  Enter continue  F1 help");
}

/* The thank-you page. */
static void draw_thanks(mi_ui_canvas *c)
{
	mi_ui_draw_title(c, "Thank you", "client intake");
	mi_ui_wrap(c, 6, 4, 72, 3, MI_UI_BOLD,
		   "Thank you! Your answers are saved. Please let the front desk know you have "
		   "finished.");
	mi_ui_wrap(c, 10, 4, 72, 2, 0, "This screen goes back to the welcome page in a moment.");
	mi_ui_draw_keys(c, "Enter back to the welcome page");
}

/* Draws the kiosk's current page. */
static void kiosk_draw(void *self, mi_ui_canvas *c)
{
	mi_ui_kiosk *k = self;
	switch (k->page) {
	case PAGE_WELCOME:
		draw_welcome(k, c);
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
	case PAGE_PIN:
		mi_ui_lock_draw(k->lock, c);
		break;
	}
}

static const mi_ui_screen_ops kiosk_ops = {.draw = kiosk_draw, .key = kiosk_key, .tick = kiosk_tick};

/* A kiosk on its welcome page, or NULL. */
mi_ui_kiosk *mi_ui_kiosk_new(const mi_ui_kiosk_config *config)
{
	mi_ui_kiosk *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	k->config = *config;
	mi_ui_lock_config lc = {
		.pin_hash = config->pin_hash,
		.store = config->store,
		.title = "Staff only",
		.heading = "Enter the therapist PIN to leave the kiosk.",
		.hint = "Clients: please press Esc to go back to your questions.",
		.keys = "Digits PIN  Enter leave the kiosk  Esc back",
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
	mi_ui_intake_free(k->intake);
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
	static const char *const names[] = {"welcome", "intake", "thanks", "pin"};
	return names[k->page];
}
