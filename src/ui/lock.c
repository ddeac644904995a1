/* lock.c - the lock screen: the therapist PIN, throttled, nothing behind it. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mi/app_pin.h"
#include "mi/i18n.h"
#include "mi/pin.h"
#include "mi/ui_field.h"
#include "mi/ui_lock.h"

struct mi_ui_lock {
	mi_store *store;
	char *pin_hash;
	mi_ui_lock_verify_fn verify;
	void *verify_ctx;
	char *title, *heading, *label, *hint, *keys;
	bool can_cancel;
	mi_ui_field pin;
	unsigned failures;   /* wrong PINs in a row */
	double wait_until;   /* monotonic time the wait ends; 0: no wait */
	double now;          /* the latest time seen */
	char status[160];
};

/* Whole seconds left of the wait at the latest time seen (at least 1). */
static long seconds_left(const mi_ui_lock *lock)
{
	long left = (long)ceil(lock->wait_until - lock->now);
	return left > 0 ? left : 1;
}

/* Writes the "try again in N s" message. */
static void say_wait(mi_ui_lock *lock, const char *before)
{
	char wait[120];
	/* TRANSLATORS: %ld is a number of seconds. */
	snprintf(wait, sizeof wait, _("Too many wrong PINs: try again in %ld s."),
		 seconds_left(lock));
	snprintf(lock->status, sizeof lock->status, "%s%s", before, wait);
}

/* The latest monotonic time known to the lock. */
static double lock_now(mi_ui_lock *lock)
{
	double now = mi_ui_now();
	if (now > lock->now)
		lock->now = now;
	return lock->now;
}

/* Starts (or ends) the wait so that it ends seconds from now. */
static void wait_for(mi_ui_lock *lock, long long seconds)
{
	if (seconds > MI_PIN_LONGEST_WAIT)
		seconds = MI_PIN_LONGEST_WAIT; /* a clock set back does not lock anyone out for good */
	lock->wait_until = seconds > 0 ? lock_now(lock) + (double)seconds : 0;
}

/* Takes the count and the wait from the database, where every screen and
 * every earlier run of the program left them (when the lock is made and
 * each time it is shown again; while it shows, its own wait counts down).
 * Without a store, or when it cannot be read, the lock's own count stands. */
static void sync_from_store(mi_ui_lock *lock)
{
	mi_pin_throttle t;
	mi_error err;
	if (!lock->store || mi_app_pin_throttle(lock->store, &t, &err) != MI_OK)
		return;
	lock->failures = t.failures;
	wait_for(lock, t.wait_until - (long long)time(NULL));
}

/* A copy of text, or of fallback when text is NULL; NULL when out of memory. */
static char *copy_or(const char *text, const char *fallback)
{
	return strdup(text ? text : fallback);
}

/* A lock screen over the configured hash and texts, or NULL. */
mi_ui_lock *mi_ui_lock_new(const mi_ui_lock_config *config)
{
	mi_ui_lock *lock = calloc(1, sizeof *lock);
	if (!lock)
		return NULL;
	lock->store = config->store;
	lock->verify = config->verify;
	lock->verify_ctx = config->verify_ctx;
	lock->can_cancel = config->can_cancel;
	lock->pin_hash = copy_or(config->pin_hash, "");
	lock->title = copy_or(config->title, _("Locked"));
	char heading[200];
	/* TRANSLATORS: shown after "Locked — ". */
	snprintf(heading, sizeof heading, "%s — %s", _("Locked"),
		 _("enter the therapist PIN to continue"));
	lock->heading = copy_or(config->heading, heading);
	/* TRANSLATORS: the label of the PIN field. */
	lock->label = copy_or(config->label, _("Therapist PIN:"));
	lock->hint = copy_or(config->hint, "");
	lock->keys = copy_or(config->keys, _("Digits PIN  Enter unlock"));
	lock->pin.secret = true;
	if (!lock->pin_hash || !lock->title || !lock->heading || !lock->label || !lock->hint ||
	    !lock->keys) {
		mi_ui_lock_free(lock);
		return NULL;
	}
	sync_from_store(lock);
	if (lock->wait_until > 0)
		say_wait(lock, "");
	return lock;
}

/* Frees the lock and its copies. */
void mi_ui_lock_free(mi_ui_lock *lock)
{
	if (!lock)
		return;
	mi_ui_field_clear(&lock->pin);
	free(lock->pin_hash);
	free(lock->title);
	free(lock->heading);
	free(lock->label);
	free(lock->hint);
	free(lock->keys);
	free(lock);
}

/* Empties the PIN and the message; the failure count and wait stay (and
 * are brought up to date from the database). */
void mi_ui_lock_reset(mi_ui_lock *lock)
{
	mi_ui_field_clear(&lock->pin);
	lock->status[0] = '\0';
	sync_from_store(lock);
	if (lock->wait_until > 0)
		say_wait(lock, "");
}

/* Counts a wrong PIN (in the database, and its audit log, when there is
 * one) and starts the wait it brings. */
static void count_failure(mi_ui_lock *lock)
{
	mi_pin_throttle t;
	mi_error err;
	/* One reading of the clock: a second ticking over between two would
	 * shorten the wait shown by one. */
	long long now = (long long)time(NULL);
	if (lock->store && mi_app_pin_wrong(lock->store, now, &t, &err) == MI_OK) {
		lock->failures = t.failures;
		wait_for(lock, t.wait_until - now);
		return;
	}
	if (lock->failures < UINT_MAX)
		lock->failures++;
	wait_for(lock, mi_pin_lockout_seconds(lock->failures));
}

/* Checks the typed PIN: DONE when right, else counts it and maybe starts a wait. */
static mi_ui_action check_pin(mi_ui_lock *lock)
{
	char *typed = mi_ui_field_text(&lock->pin);
	bool ok = typed && (lock->verify ? lock->verify(lock->verify_ctx, typed)
					 : mi_pin_verify(lock->pin_hash, typed));
	if (typed)
		explicit_bzero(typed, strlen(typed));
	free(typed);
	mi_ui_field_clear(&lock->pin);
	if (ok) {
		lock->failures = 0;
		lock->wait_until = 0;
		lock->status[0] = '\0';
		if (lock->store)
			mi_app_pin_unlocked(lock->store);
		return MI_UI_DONE;
	}
	count_failure(lock);
	if (lock->wait_until == 0) {
		snprintf(lock->status, sizeof lock->status, "%s", _("Wrong PIN."));
		return MI_UI_HANDLED;
	}
	char wrong[64];
	snprintf(wrong, sizeof wrong, "%s ", _("Wrong PIN."));
	say_wait(lock, wrong);
	return MI_UI_HANDLED;
}

/* Keys of the lock screen. */
mi_ui_action mi_ui_lock_key(mi_ui_lock *lock, mi_ui_key key)
{
	if (key.kind == MI_KEY_NONE || key.kind == MI_KEY_RESIZE)
		return MI_UI_IGNORED;
	if (key.kind == MI_KEY_ESC) {
		mi_ui_field_clear(&lock->pin);
		if (lock->wait_until == 0)
			lock->status[0] = '\0';
		return lock->can_cancel ? MI_UI_CANCEL : MI_UI_HANDLED;
	}
	if (lock->wait_until > 0) {
		say_wait(lock, "");
		return MI_UI_HANDLED;
	}
	if (key.kind == MI_KEY_ENTER)
		return check_pin(lock);
	if (key.kind == MI_KEY_CHAR && (key.ch < L'0' || key.ch > L'9'))
		return MI_UI_IGNORED;
	if (key.kind == MI_KEY_CHAR && lock->pin.len >= MI_PIN_MAX)
		return MI_UI_IGNORED;
	lock->status[0] = '\0';
	return mi_ui_field_key(&lock->pin, key);
}

/* Counts the wait down and ends it. */
mi_ui_action mi_ui_lock_tick(mi_ui_lock *lock, double now)
{
	if (now > lock->now)
		lock->now = now;
	if (lock->wait_until == 0)
		return MI_UI_IGNORED;
	if (lock->now >= lock->wait_until) {
		lock->wait_until = 0;
		snprintf(lock->status, sizeof lock->status, "%s", _("You may try the PIN again."));
		return MI_UI_HANDLED;
	}
	say_wait(lock, "");
	return MI_UI_HANDLED;
}

/* The lock screen: its own texts and the PIN as stars, nothing else. */
void mi_ui_lock_draw(const mi_ui_lock *lock, mi_ui_canvas *c)
{
	mi_ui_draw_title(c, lock->title, "");
	mi_ui_wrap(c, 4, 4, 72, 2, MI_UI_BOLD, lock->heading);
	/* The PIN field at column 20, or after a longer label. */
	int label = mi_ui_put(c, 7, 4, MI_UI_BOLD, 40, lock->label);
	int field_x = 4 + label + 2 > 20 ? 4 + label + 2 : 20;
	mi_ui_field_draw(&lock->pin, c, 7, field_x, 14, lock->wait_until == 0);
	if (lock->hint[0])
		mi_ui_wrap(c, 10, 4, 72, 2, 0, lock->hint);
	if (lock->status[0])
		mi_ui_put(c, 20, 1, MI_UI_BOLD, 78, lock->status);
	mi_ui_draw_keys(c, lock->keys);
	if (lock->wait_until != 0) /* no typing: the cursor on why */
		mi_ui_focus(c, lock->status[0] ? 20 : 4, lock->status[0] ? 1 : 4);
}

/* Wrong PINs in a row. */
unsigned mi_ui_lock_failures(const mi_ui_lock *lock)
{
	return lock->failures;
}

/* True while a wait runs. */
bool mi_ui_lock_waiting(const mi_ui_lock *lock)
{
	return lock->wait_until > 0;
}
