/* ui_desk.h - the front desk: what `massage-intake` with no command shows.
 *
 * Pages, each in its own file src/ui/desk_*.c:
 *
 *   main      the client list, searched as you type (`/` or Tab to type),
 *             `n` new client, `r` review queue, `q` quits
 *   client    one client's visits (date, outcome, pain) and a pain trend;
 *             Enter opens a visit, `i` starts or resumes an intake
 *   visit     outcome banner, flags with the therapist's note and source,
 *             unanswered safety questions, what changed since the last
 *             visit, goals, session notes (edited here, `s` saves),
 *             aftercare notes and summary preview (`p` prints), `m` marks a
 *             kiosk intake as reviewed
 *   review    intakes from the kiosk (and unfinished drafts) waiting for
 *             review, urgent and refer first (app_urgent.h)
 *   due       clients due for a follow-up this week (`d` on the main page)
 *   safety    the safety questions a visit left unanswered (`a` on the
 *             visit page), asked with the intake's pages, then the visit
 *             screened again
 *   new       name and birth date of a new client, then the intake
 *   intake    the walk-through of ui_intake.h in therapist mode; Ctrl-S
 *             saves and leaves from any question (the draft stays)
 *
 * Pages are stacked: Enter opens a page on top, Esc (or `q` on any page but
 * the main one) goes back. Leaving a page with unsaved session notes asks
 * first (save, discard or stay); so does `q` on the main screen when
 * anything is unsaved. Every page keeps its state across resizes and is
 * reloaded from the store when it is shown again, and each page loads only
 * its own client's data.
 *
 * The waiting count and the review queue are read again after every key
 * and every 2 s from mi_desk_tick (no key needed), and while an urgent
 * intake (or an urgent kiosk draft) is not reviewed, every page shows an
 * urgent banner on its title row.
 *
 * The desk starts with a sign-in (ui_signin.h): a name from the list of
 * accounts, then that person's PIN; the audit log names them from then on,
 * and their role decides what they may do (a front-desk person cannot
 * change session notes). After lock_seconds without a key the desk locks:
 * only the sign-in shows, nothing of the page under it, and the PIN of the
 * person signed in brings back exactly that page. Someone else may sign in
 * instead: the pages are saved under the previous person's name (their
 * unsaved notes are theirs) and the desk goes back to its main page. The
 * desk always locks: when the clinic has no account yet it first asks for
 * a PIN (typed twice), which becomes the owner account "owner" (app_pin.h),
 * and shows nothing of a client until it is set; Esc there leaves.
 *
 * The desk is an mi_ui_screen for mi_ui_run, and is usable without a
 * terminal: tests feed keys with mi_desk_key and draw with mi_desk_draw.
 * It contains no SQL and never calls the store: everything goes through
 * src/app (app_records.h, app_intake.h, app_drafts.h, app_aftercare.h,
 * app_pin.h); and no screening rule (mi_screen and the stored flags
 * decide everything).
 */
#ifndef MI_UI_DESK_H
#define MI_UI_DESK_H

#include <stdbool.h>

#include "mi/aftercare.h"
#include "mi/translation.h"
#include "mi/clock.h"
#include "mi/date.h"
#include "mi/error.h"
#include "mi/screen.h"
#include "mi/store.h"
#include "mi/store_therapists.h"
#include "mi/ui.h"
#include "mi/ui_intake.h"

/* Which page the desk shows. */
typedef enum mi_desk_page_kind {
	MI_DESK_MAIN = 0,
	MI_DESK_CLIENT,
	MI_DESK_VISIT,
	MI_DESK_REVIEW,
	MI_DESK_NEW_CLIENT,
	MI_DESK_INTAKE,
	MI_DESK_DUE,
	MI_DESK_SAFETY,
} mi_desk_page_kind;

/* Prints the aftercare summary of a stored visit. Returns MI_OK or fills
 * err with one sentence. The desk's own is mi_app_aftercare, the same path
 * as `aftercare --print`; tests give another. */
typedef mi_status (*mi_desk_print_fn)(void *ctx, long long visit_id, mi_error *err);

typedef struct mi_desk_config {
	mi_store *store;                         /* borrowed; required */
	const mi_ruleset *rules;                 /* borrowed; required */
	const mi_aftercare_template *aftercare;  /* borrowed; NULL: no summary preview */
	mi_clock clock;                          /* today, asked at each use */
	mi_desk_print_fn print;                  /* NULL: mi_app_aftercare, as `aftercare --print` */
	void *print_ctx;
	double lock_seconds;                     /* lock after this long without a key; 0: the default */
	/* The clients' languages: a printed summary is in its visit's
	 * (app_aftercare.h). Borrowed; none: the desk's language. */
	const mi_translation *translations;
	size_t translation_count;
} mi_desk_config;

typedef struct mi_desk mi_desk;

/* The desk on its main screen, sized 80x24 until told otherwise
 * (mi_desk_resize). NULL with err filled when the store cannot be read or
 * memory runs out. Free with mi_desk_free. */
mi_desk *mi_desk_new(const mi_desk_config *config, mi_error *err);

/* Frees the desk and all its pages (drafts stay in the store); NULL is fine. */
void mi_desk_free(mi_desk *desk);

/* Reacts to one key: MI_UI_QUIT when the desk should close, MI_UI_HANDLED
 * otherwise. */
mi_ui_action mi_desk_key(mi_desk *desk, mi_ui_key key);

/* Draws the current page, with its status line and keys (at least 80x24). */
void mi_desk_draw(mi_desk *desk, mi_ui_canvas *canvas);

/* Time passes (monotonic seconds, as from mi_ui_now): locks the desk after
 * lock_seconds without a key, and runs the lock screen's wait. MI_UI_HANDLED
 * when the screen must be redrawn. */
mi_ui_action mi_desk_tick(mi_desk *desk, double now);

/* True while the sign-in (first, or the idle lock) shows. */
bool mi_desk_locked(const mi_desk *desk);

/* The person signed in, or NULL. */
const mi_account *mi_desk_who(const mi_desk *desk);

/* The window is now rows x cols: lists are refetched to fit, state kept. */
void mi_desk_resize(mi_desk *desk, int rows, int cols);

/* The desk as a screen for mi_ui_run. */
mi_ui_screen mi_desk_screen(mi_desk *desk);

/* The page shown. */
mi_desk_page_kind mi_desk_current_page(const mi_desk *desk);

/* The status-line message (a notice or an error), "" when none. */
const char *mi_desk_status(const mi_desk *desk);

/* The client the current page is about (on the main page: the selected
 * one), or 0. */
long long mi_desk_client_id(const mi_desk *desk);

/* The visit the current page is about (visit page, or the intake's
 * draft), or 0. */
long long mi_desk_visit_id(const mi_desk *desk);

/* True when some page holds edits not saved yet. */
bool mi_desk_unsaved(const mi_desk *desk);

/* The walk-through on the intake page (owned by the desk), else NULL. */
mi_ui_intake *mi_desk_intake(mi_desk *desk);

#endif
