/* desk_internal.h - what the front-desk pages share (not a public header).
 *
 * Each page is a struct starting with an mi_desk_page and a table of
 * callbacks. The desk (desk_app.c) keeps the pages on a stack, routes keys
 * to the top one, and draws the status line, help and confirmations over it.
 * Pages draw rows 0 .. rows-3 and their keys on the last row; the desk owns
 * row rows-2 (status).
 */
#ifndef MI_DESK_INTERNAL_H
#define MI_DESK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/app_accounts.h"
#include "mi/app_records.h"
#include "mi/app_urgent.h"
#include "mi/ui_desk.h"
#include "mi/ui_lock.h"
#include "mi/ui_signin.h"

enum { MI_DESK_MAX_DEPTH = 8 };

typedef struct mi_desk_page mi_desk_page;

typedef struct mi_desk_page_ops {
	mi_desk_page_kind kind;
	const char *help; /* F1 / ? text for the page, marked N_() (the desk
			   * translates it when shown); NULL: the page has its own */
	bool help_outcomes; /* the outcome marks and their words follow the help */
	void (*draw)(mi_desk_page *page, mi_desk *desk, mi_ui_canvas *canvas);
	/* MI_UI_IGNORED lets the desk use the key (help, quit); MI_UI_CANCEL
	 * asks to leave the page; MI_UI_QUIT asks to leave the program. */
	mi_ui_action (*key)(mi_desk_page *page, mi_desk *desk, mi_ui_key key);
	/* Optional: refetch from the store (shown again, window resized). */
	void (*reload)(mi_desk_page *page, mi_desk *desk);
	/* Optional: true when the page holds unsaved edits. */
	bool (*unsaved)(const mi_desk_page *page);
	/* Optional: saves the edits; false (status set) when it failed. */
	bool (*save)(mi_desk_page *page, mi_desk *desk);
	/* Optional: the client / visit the page is about. */
	long long (*client_id)(const mi_desk_page *page);
	long long (*visit_id)(const mi_desk_page *page);
	/* Optional: the walk-through the page shows. */
	mi_ui_intake *(*intake)(mi_desk_page *page);
	void (*free)(mi_desk_page *page);
} mi_desk_page_ops;

struct mi_desk_page {
	const mi_desk_page_ops *ops;
};

struct mi_desk {
	mi_desk_config config;
	mi_desk_page *stack[MI_DESK_MAX_DEPTH];
	size_t depth;
	int rows, cols;
	char status[640];
	bool status_error;
	bool show_help;
	enum { MI_DESK_ASK_NONE, MI_DESK_ASK_LEAVE, MI_DESK_ASK_QUIT } ask;
	mi_ui_signin *signin;   /* NULL only while the first PIN is being set */
	mi_ui_pin_setup *setup; /* no account yet: this shows first, until the owner's is made */
	mi_account who;     /* the person signed in (name NULL before anyone is) */
	bool locked;        /* the sign-in shows, over the untouched pages */
	bool key_seen;      /* a key arrived since the last tick */
	double last_key;    /* monotonic time of the last key; 0: none yet */
	mi_app_urgent_alert alert; /* the review queue, as last read */
	double alert_since; /* monotonic time it was last read by the tick; 0: never */
	/* The clients' words (questions, rule messages) in the desk's
	 * language: one of config.translations, or NULL for the files' own. */
	const mi_translation *language;
};

/* ---- desk_app.c ---- */

/* Sets the status line (error: shown as a problem, "!" in front). */
void mi_desk_say(mi_desk *desk, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Shows an error from the store or elsewhere on the status line. */
void mi_desk_say_error(mi_desk *desk, const char *what, const mi_error *err);

/* Puts page on top of the stack (takes it; frees it and says so when the
 * stack is full). NULL is ignored. */
void mi_desk_push(mi_desk *desk, mi_desk_page *page);

/* Replaces the top page with page (takes it). */
void mi_desk_replace(mi_desk *desk, mi_desk_page *page);

/* Closes the top page and reloads the one below. */
void mi_desk_pop(mi_desk *desk);

/* True when the person signed in may do what; otherwise the status line
 * says why and this is false. */
bool mi_desk_may(mi_desk *desk, mi_permission what);

/* Records in the audit log that the desk shows a record (app_audit.h: a
 * view is shown even when it cannot be recorded; the status line then says
 * so). */
void mi_desk_audit_view(mi_desk *desk, const char *action, const char *table, long long record_id);

/* Shows the warning of a view src/app could not record (app_records.h). */
void mi_desk_seen(mi_desk *desk, const mi_app_seen *seen);

/* Rows for a list that starts at row first and ends above the status
 * message (one line, or more when a long message is wrapped). */
int mi_desk_list_rows(const mi_desk *desk, int first);

/* The rows a wrapped status message takes above the status line (0 for
 * none or one line), at the size of the last draw. */
int mi_desk_status_extra_rows(const mi_desk *desk);

/* Keeps *top so that sel is within the visible rows. */
void mi_desk_scroll_to(size_t sel, size_t visible, size_t *top);

/* Moves *sel by a list key (Up, Down, PgUp, PgDn, Home, End) within count
 * items; true when the key was such a key. */
bool mi_desk_move(mi_ui_key key, size_t count, size_t page_rows, size_t *sel);

/* Puts the cursor (mi_ui_focus) on a list's selected row, drawn from row
 * first scrolled to top, at column x (where its words begin); on an empty
 * list, on the first row, where the list says it is empty. */
void mi_desk_focus_row(mi_ui_canvas *c, int first, size_t count, size_t sel, size_t top, int x);

/* The keys a list page that leaves with Esc or q shares, for a list of
 * count items drawn from row first: a list key moves *sel and scrolls *top
 * to it (MI_UI_HANDLED), Esc and q leave (MI_UI_CANCEL); any other key,
 * Enter included, is the page's own (MI_UI_IGNORED). */
mi_ui_action mi_desk_list_key(const mi_desk *desk, mi_ui_key key, size_t count, int first,
			      size_t *sel, size_t *top);

/* ---- desk_table.c: the columns of a list page ---- */

/* One column: its heading, the columns it needs, and its share of the room
 * the window has beyond all columns' widths (0: it keeps its width). */
typedef struct mi_desk_column {
	const char *heading; /* marked N_(): translated when drawn, and the
			      * column made as wide as the translation */
	int width;
	int grow;
} mi_desk_column;

enum { MI_DESK_MAX_COLUMNS = 8 };

/* The columns laid out across a window: where each starts and its width. */
typedef struct mi_desk_table {
	const mi_desk_column *columns; /* borrowed */
	size_t count;
	int x[MI_DESK_MAX_COLUMNS], w[MI_DESK_MAX_COLUMNS];
} mi_desk_table;

/* Lays the columns out from column 1 to the right edge of a window cols
 * wide, two spaces apart: the room beyond their widths is shared among
 * the growing columns by their shares, the rest of it to the last column. */
mi_desk_table mi_desk_table_fit(const mi_desk_column *columns, size_t count, int cols);

/* The width of an outcome column for the visits of list: min, or the
 * widest outcome tag among them ("[? NOT FULLY SCREENED]" where
 * unscreened[i], see ui_screened.h). */
int mi_desk_outcome_width(const mi_visit_list *list, const bool *unscreened, int min);

/* The headings, on row y. */
void mi_desk_table_header(const mi_desk_table *t, mi_ui_canvas *c, int y);

/* text in a column of row y, cut at the column's width. */
void mi_desk_table_put(const mi_desk_table *t, mi_ui_canvas *c, int y, size_t column,
		       unsigned attr, const char *text);

/* Which items of a list show: count of them from top, sel selected;
 * empty (NULL: nothing) is said when there is none. */
typedef struct mi_desk_list_view {
	size_t count, top, sel;
	const char *empty;
} mi_desk_list_view;

/* Draws item `item` on row y; attr is reversed for the selected one. */
typedef void (*mi_desk_row_fn)(void *ctx, const mi_desk_table *t, mi_ui_canvas *c, int y,
			       size_t item, unsigned attr);

/* Draws the visible items on rows first .. first + rows - 1, the selected
 * one reversed across the window. */
void mi_desk_table_rows(const mi_desk_table *t, mi_ui_canvas *c, int first, int rows,
			const mi_desk_list_view *view, mi_desk_row_fn row, void *ctx);

/* ---- desk_alert.c ---- */

/* Reads the review queue again: the waiting count and the urgent banner. */
void mi_desk_alert_refresh(mi_desk *desk);

/* Time passes: every few seconds, the queue is read again and the main
 * screen or the review queue, when on top, reloaded. */
void mi_desk_alert_tick(mi_desk *desk, double now);

/* The urgent banner on the title row, while an urgent intake is not reviewed. */
void mi_desk_alert_draw(const mi_desk *desk, mi_ui_canvas *canvas);

/* ---- the pages ---- */

/* desk_main.c: the client list. */
mi_desk_page *mi_desk_main_new(mi_desk *desk, mi_error *err);
/* desk_client.c: one client's visits and pain trend. */
mi_desk_page *mi_desk_client_new(mi_desk *desk, long long client_id, mi_error *err);
/* desk_visit.c: one stored, complete visit. */
mi_desk_page *mi_desk_visit_new(mi_desk *desk, long long visit_id, mi_error *err);
/* desk_review.c: the review queue. */
mi_desk_page *mi_desk_review_new(mi_desk *desk, mi_error *err);
/* desk_due.c: who is due for a follow-up. */
mi_desk_page *mi_desk_due_new(mi_desk *desk, mi_error *err);
/* desk_new.c: name and birth date of a new client. */
mi_desk_page *mi_desk_new_client_new(mi_desk *desk);
/* desk_intake.c: the walk-through over the open draft of this client (or a
 * new draft), or over the draft visit_id. */
mi_desk_page *mi_desk_intake_for_client(mi_desk *desk, long long client_id, mi_error *err);
mi_desk_page *mi_desk_intake_for_person(mi_desk *desk, const char *name, const char *birth_date,
					mi_error *err);
mi_desk_page *mi_desk_intake_for_draft(mi_desk *desk, long long visit_id, mi_error *err);
/* A page over a walk-through (the intake, the safety questions) starts
 * with this; desk_intake.c has what they share. */
typedef struct mi_desk_walk_page {
	mi_desk_page base;
	long long visit_id;   /* the draft, or the visit whose questions are asked */
	mi_ui_intake *intake; /* owned by the page */
} mi_desk_walk_page;

/* Their visit_id and intake ops. */
long long mi_desk_walk_visit_id(const mi_desk_page *page);
mi_ui_intake *mi_desk_walk_intake(mi_desk_page *page);

/* Draws the walk-through with a hint on the status row while neither it
 * nor the desk has something to say. */
void mi_desk_walk_draw(mi_desk_page *page, mi_ui_canvas *c, const char *hint);
/* desk_safety.c: the safety questions the complete visit left unanswered,
 * then the visit screened again. */
mi_desk_page *mi_desk_safety_new(mi_desk *desk, const mi_visit *visit, mi_error *err);

#endif
