/* ui.h - the terminal UI framework: keys, a text canvas, screens, the loop.
 *
 * How the UI is put together:
 *
 *  - A screen is a small table of callbacks (mi_ui_screen_ops): `draw`
 *    paints into an mi_ui_canvas, `key` reacts to one mi_ui_key and returns
 *    an mi_ui_action saying what happens next, `resize` and `tick` are
 *    optional. A screen never calls curses, so a test can feed it keys and
 *    compare what it drew with a golden text file, without a terminal.
 *
 *  - The canvas is a grid of cells (a code point and attributes). Screens
 *    draw with mi_ui_put / mi_ui_wrap / mi_ui_fill; mi_ui_canvas_text turns
 *    it into plain text (the golden screens in tests/fixtures/screens).
 *
 *  - src/ui/term.c is the only file that talks to curses: mi_ui_run starts
 *    the terminal, translates curses keys into mi_ui_key, copies the canvas
 *    to the terminal, shows "please enlarge the window" below 80x24, and
 *    always restores the terminal, with the screen cleared first: on a
 *    normal return, on any signal that would end the program (SIGTERM,
 *    SIGHUP, SIGUSR1, SIGALRM, ...) and, as far as a signal handler can,
 *    on a crash (SIGSEGV, SIGABRT, ...).
 *
 * Attributes are hints: every meaning is also carried by text or symbols,
 * since colour may be off (NO_COLOR, TERM=vt100).
 */
#ifndef MI_UI_H
#define MI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "mi/error.h"
#include "mi/screen.h"

/* The smallest window the UI draws in; smaller shows "please enlarge". */
enum { MI_UI_MIN_ROWS = 24, MI_UI_MIN_COLS = 80 };

/* One key press, already translated from curses. */
typedef enum mi_ui_key_kind {
	MI_KEY_NONE = 0, /* nothing (a read timed out) */
	MI_KEY_CHAR,     /* a printable character in `ch` */
	MI_KEY_ENTER,
	MI_KEY_TAB,
	MI_KEY_BTAB,     /* Shift-Tab */
	MI_KEY_UP,
	MI_KEY_DOWN,
	MI_KEY_LEFT,
	MI_KEY_RIGHT,
	MI_KEY_HOME,
	MI_KEY_END,
	MI_KEY_PGUP,
	MI_KEY_PGDN,
	MI_KEY_BACKSPACE,
	MI_KEY_DELETE,
	MI_KEY_ESC,
	MI_KEY_F1,
	MI_KEY_F2,
	MI_KEY_F3,
	MI_KEY_F4,
	MI_KEY_F12,
	MI_KEY_CTRL,     /* a control key that has no other meaning: letter in `ch` ('c' for Ctrl-C) */
	MI_KEY_RESIZE,   /* the window changed size */
} mi_ui_key_kind;

typedef struct mi_ui_key {
	mi_ui_key_kind kind;
	wchar_t ch; /* for MI_KEY_CHAR and MI_KEY_CTRL */
} mi_ui_key;

/* Shorthands for building keys (tests use them a lot). */
static inline mi_ui_key mi_ui_key_of(mi_ui_key_kind kind)
{
	return (mi_ui_key){.kind = kind, .ch = 0};
}
static inline mi_ui_key mi_ui_key_char(wchar_t ch)
{
	return (mi_ui_key){.kind = MI_KEY_CHAR, .ch = ch};
}

/* What a key handler asks for next. */
typedef enum mi_ui_action {
	MI_UI_IGNORED = 0, /* the key means nothing here */
	MI_UI_HANDLED,     /* state changed; redraw */
	MI_UI_DONE,        /* the screen finished its job */
	MI_UI_CANCEL,      /* the screen was left without finishing */
	MI_UI_QUIT,        /* leave the program */
} mi_ui_action;

/* Cell attributes. Colour roles are mapped to colour pairs by term.c and
 * dropped when colour is off; the others are always shown. */
enum {
	MI_UI_ATTR_NONE = 0,
	MI_UI_BOLD = 1 << 0,
	MI_UI_REVERSE = 1 << 1,
	MI_UI_UNDERLINE = 1 << 2,
	MI_UI_COLOR_SHIFT = 8, /* bits 8-11 hold an mi_ui_color */
};

typedef enum mi_ui_color {
	MI_UI_COLOR_DEFAULT = 0,
	MI_UI_COLOR_TITLE,
	MI_UI_COLOR_OK,
	MI_UI_COLOR_MODIFY,
	MI_UI_COLOR_REFER,
	MI_UI_COLOR_URGENT,
} mi_ui_color;

/* An attribute with a colour role added. */
#define MI_UI_COLOR(attr, color) ((attr) | ((unsigned)(color) << MI_UI_COLOR_SHIFT))

typedef struct mi_ui_cell {
	wchar_t ch;    /* 0 marks the second half of a wide character */
	unsigned attr;
} mi_ui_cell;

/* A grid of rows x cols cells; what every screen draws into. */
typedef struct mi_ui_canvas {
	int rows, cols;
	mi_ui_cell *cells; /* rows * cols, row-major */
	int cursor_y, cursor_x; /* the focus (mi_ui_focus); -1: none, the cursor rests top-left */
} mi_ui_canvas;

/* A blank canvas, or NULL when out of memory. Free with mi_ui_canvas_free. */
mi_ui_canvas *mi_ui_canvas_new(int rows, int cols);

/* Frees the canvas; NULL is fine. */
void mi_ui_canvas_free(mi_ui_canvas *canvas);

/* Blanks every cell and hides the cursor. */
void mi_ui_canvas_clear(mi_ui_canvas *canvas);

/* Writes UTF-8 text at (y, x) on one row, clipped at the right edge and at
 * max_cols columns (max_cols < 0: no limit). Invalid bytes and control
 * characters show as U+FFFD. Returns the columns written. */
int mi_ui_put(mi_ui_canvas *canvas, int y, int x, unsigned attr, int max_cols, const char *text);

/* The same for wide characters. */
int mi_ui_put_wide(mi_ui_canvas *canvas, int y, int x, unsigned attr, int max_cols,
		   const wchar_t *text, size_t len);

/* printf into the canvas (one row, clipped). Returns the columns written. */
int mi_ui_putf(mi_ui_canvas *canvas, int y, int x, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Word-wraps UTF-8 text into the box starting at (y, x), width columns
 * wide and at most max_rows rows high; "\n" starts a new line. Returns the
 * rows used; with canvas NULL it only counts them. */
int mi_ui_wrap(mi_ui_canvas *canvas, int y, int x, int width, int max_rows, unsigned attr,
	       const char *text);

/* Sets cols cells of row y from x on to ch with attr (ch ' ' clears). */
void mi_ui_fill(mi_ui_canvas *canvas, int y, int x, int cols, wchar_t ch, unsigned attr);

/* The canvas as UTF-8 text: one line per row, trailing spaces removed,
 * each line ending in "\n". Caller frees; NULL when out of memory. */
char *mi_ui_canvas_text(const mi_ui_canvas *canvas);

/* Columns a code point takes: 0, 1 or 2 (unprintable counts 1). */
int mi_ui_char_width(wchar_t ch);

/* Columns the UTF-8 text takes. */
int mi_ui_text_width(const char *text);

/* The attribute a level is drawn with: its colour role, bold for refer
 * and urgent; with the mark of mi_level_tag (screen.h), never colour
 * alone. */
unsigned mi_ui_level_attr(mi_level level);

/* Puts the terminal cursor on the focused item at (y, x): the selected
 * option, the scale's value, the list row, the insertion point of a text
 * field. Screen readers (BRLTTY, Speakup, Orca) and magnifiers follow the
 * cursor, so every screen calls this last in its draw, after whatever it
 * draws over the page; term.c shows the cursor there after each refresh.
 * A position off the canvas is clipped onto it. */
void mi_ui_focus(mi_ui_canvas *canvas, int y, int x);

/* Draws the bottom line listing the keys, e.g. "Enter next  Esc back". */
void mi_ui_draw_keys(mi_ui_canvas *canvas, const char *keys);

/* Draws the title bar on row 0: title on the left, right on the right. */
void mi_ui_draw_title(mi_ui_canvas *canvas, const char *title, const char *right);

/* Draws "please enlarge the window" (for windows under 80x24). */
void mi_ui_draw_too_small(mi_ui_canvas *canvas);

/* A screen: callbacks over a state owned by whoever made the screen. */
typedef struct mi_ui_screen_ops {
	/* Paints the whole screen; the canvas is blank and at least 80x24. */
	void (*draw)(void *self, mi_ui_canvas *canvas);
	/* Reacts to one key. */
	mi_ui_action (*key)(void *self, mi_ui_key key);
	/* Optional: the window is now rows x cols (may be under 80x24). */
	void (*resize)(void *self, int rows, int cols);
	/* Optional: called about once a second with a monotonic time in
	 * seconds, for idle timeouts. Returns MI_UI_HANDLED to redraw. */
	mi_ui_action (*tick)(void *self, double now);
} mi_ui_screen_ops;

typedef struct mi_ui_screen {
	const mi_ui_screen_ops *ops;
	void *self;
} mi_ui_screen;

/* How mi_ui_run treats the keys that usually stop a program. */
typedef struct mi_ui_options {
	bool kiosk; /* ignore SIGINT, SIGTSTP, SIGQUIT; Ctrl-C/Z/\ arrive as keys */
} mi_ui_options;

/* Runs a screen in the terminal until its key or tick handler returns
 * MI_UI_QUIT, or a signal that would end the program arrives. Draws, reads
 * keys (wide characters), handles resizing, and clears the screen and
 * restores the terminal before it returns, whatever happened. Needs stdin
 * and stdout to be a terminal. MI_OK on a normal quit; MI_EIO when the
 * terminal cannot be set up (err says why), MI_ETEMPFAIL when a signal
 * ended it. */
mi_status mi_ui_run(mi_ui_screen screen, const mi_ui_options *options, mi_error *err);

/* A monotonic clock in seconds, for idle timeouts. */
double mi_ui_now(void);

#endif
