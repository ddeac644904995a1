/* term.c - the thin layer between screens and curses: the only curses calls.
 *
 * It starts the terminal, translates curses keys into mi_ui_key, copies the
 * canvas to the terminal, handles resizing and signals, and restores the
 * terminal on every way out: the screen is cleared before curses lets go
 * (a terminal without an alternate screen, such as TERM=linux, would keep
 * the last page, a client list say, on show), every signal that would end
 * the program is caught and ends the loop, and a crash restores the
 * terminal modes before the program dies.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "mi/i18n.h"
#include "mi/ui.h"
#include "mi/ui_keys.h"

/* How long the rest of an escape sequence may take to arrive once its
 * Escape has (curses already waited ESCDELAY for the sequences it knows). */
enum { ESCAPE_FOLLOW_MS = 30, INPUT_TICK_MS = 500 };

static volatile sig_atomic_t stop_signal;
static bool term_active;

/* Signals whose default action ends the program without a core: caught,
 * they end the loop like SIGTERM, and the terminal is restored. */
static const int stop_signals[] = {SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
				   SIGPROF, SIGPIPE, SIGIO, SIGPWR, SIGSTKFLT, SIGXCPU, SIGXFSZ};
/* Signals of a crash: the terminal is restored in the handler (with
 * async-signal-safe calls only), then the signal goes on to whatever
 * handled it before (the default action, or a sanitizer's report). */
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
static struct sigaction crash_previous[COUNT(crash_signals)];

/* What the crash handler writes: the terminal modes from before curses,
 * and the bytes that clear the screen and leave the UI's modes. */
static struct termios saved_modes;
static bool have_saved_modes;
static char restore_bytes[512];
static size_t restore_len;

/* Records that the program was asked to stop; the loop checks the flag. */
static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

/* A crash: put the terminal back, then let the signal take its course. */
static void on_crash(int sig)
{
	if (have_saved_modes)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
	if (restore_len && write(STDOUT_FILENO, restore_bytes, restore_len) < 0)
		restore_len = 0;
	for (size_t i = 0; i < COUNT(crash_signals); i++)
		if (crash_signals[i] == sig)
			sigaction(sig, &crash_previous[i], NULL);
	raise(sig); /* delivered once this handler returns */
}

/* Appends terminfo capability name, when the terminal has it, to the bytes
 * the crash handler writes. */
static void add_restore(const char *name)
{
	const char *cap = tigetstr(name);
	if (!cap || cap == (const char *)-1)
		return;
	size_t n = strlen(cap);
	if (restore_len + n < sizeof restore_bytes) {
		memcpy(restore_bytes + restore_len, cap, n);
		restore_len += n;
	}
}

/* Clears the screen and ends curses (every way out goes through here). */
static void leave_screen(void)
{
	clear();
	refresh();
	endwin();
	term_active = false;
}

/* Restores the terminal if the UI is still running (atexit safety net). */
static void restore_at_exit(void)
{
	if (term_active)
		leave_screen();
}

/* Seconds on the monotonic clock. */
double mi_ui_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Installs handler for sig without SA_RESTART, so a blocked read returns;
 * the handler it replaces goes into *previous when that is not NULL. */
static void set_signal_keep(int sig, void (*handler)(int), struct sigaction *previous)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, previous);
}

static void set_signal(int sig, void (*handler)(int))
{
	set_signal_keep(sig, handler, NULL);
}

/* Catches every signal that would end the program while the UI runs. */
static void catch_signals(bool kiosk)
{
	for (size_t i = 0; i < COUNT(stop_signals); i++)
		set_signal(stop_signals[i], on_stop_signal);
	set_signal(SIGINT, kiosk ? SIG_IGN : on_stop_signal);
	set_signal(SIGQUIT, kiosk ? SIG_IGN : on_stop_signal);
	if (kiosk)
		set_signal(SIGTSTP, SIG_IGN);
	restore_len = 0;
	add_restore("sgr0");
	add_restore("clear");
	add_restore("rmkx");
	add_restore("rmcup");
	add_restore("cnorm");
	for (size_t i = 0; i < COUNT(crash_signals); i++)
		set_signal_keep(crash_signals[i], on_crash, &crash_previous[i]);
}

/* Puts back what catch_signals changed. */
static void release_signals(void)
{
	for (size_t i = 0; i < COUNT(crash_signals); i++)
		sigaction(crash_signals[i], &crash_previous[i], NULL);
	for (size_t i = 0; i < COUNT(stop_signals); i++)
		set_signal(stop_signals[i], SIG_DFL);
	set_signal(SIGINT, SIG_DFL);
	set_signal(SIGQUIT, SIG_DFL);
	set_signal(SIGTSTP, SIG_DFL);
}

/* A curses key (from get_wch) as an mi_ui_key. */
static mi_ui_key translate(int rc, wint_t ch)
{
	if (rc == OK) {
		if (ch == L'\r' || ch == L'\n')
			return mi_ui_key_of(MI_KEY_ENTER);
		if (ch == L'\t')
			return mi_ui_key_of(MI_KEY_TAB);
		if (ch == 27)
			return mi_ui_key_of(MI_KEY_ESC);
		if (ch == 127 || ch == 8)
			return mi_ui_key_of(MI_KEY_BACKSPACE);
		if (ch >= 1 && ch <= 26) /* Ctrl-A .. Ctrl-Z as 'a' .. 'z' */
			return (mi_ui_key){.kind = MI_KEY_CTRL, .ch = (wchar_t)(ch + 'a' - 1)};
		if (ch < 32) /* Ctrl-@, Ctrl-\, Ctrl-], Ctrl-^, Ctrl-_ */
			return (mi_ui_key){.kind = MI_KEY_CTRL, .ch = (wchar_t)(ch + '@')};
		if (ch >= 0x80 && ch < 0xa0)
			return mi_ui_key_of(MI_KEY_NONE);
		return mi_ui_key_char((wchar_t)ch);
	}
	if (rc != KEY_CODE_YES)
		return mi_ui_key_of(MI_KEY_NONE);
	switch (ch) {
	case KEY_UP: return mi_ui_key_of(MI_KEY_UP);
	case KEY_DOWN: return mi_ui_key_of(MI_KEY_DOWN);
	case KEY_LEFT: return mi_ui_key_of(MI_KEY_LEFT);
	case KEY_RIGHT: return mi_ui_key_of(MI_KEY_RIGHT);
	case KEY_HOME: return mi_ui_key_of(MI_KEY_HOME);
	case KEY_END: return mi_ui_key_of(MI_KEY_END);
	case KEY_PPAGE: return mi_ui_key_of(MI_KEY_PGUP);
	case KEY_NPAGE: return mi_ui_key_of(MI_KEY_PGDN);
	case KEY_BACKSPACE: return mi_ui_key_of(MI_KEY_BACKSPACE);
	case KEY_DC: return mi_ui_key_of(MI_KEY_DELETE);
	case KEY_ENTER: return mi_ui_key_of(MI_KEY_ENTER);
	case KEY_BTAB: return mi_ui_key_of(MI_KEY_BTAB);
	case KEY_RESIZE: return mi_ui_key_of(MI_KEY_RESIZE);
	case KEY_F(1): return mi_ui_key_of(MI_KEY_F1);
	case KEY_F(2): return mi_ui_key_of(MI_KEY_F2);
	case KEY_F(3): return mi_ui_key_of(MI_KEY_F3);
	case KEY_F(4): return mi_ui_key_of(MI_KEY_F4);
	case KEY_F(12): return mi_ui_key_of(MI_KEY_F12);
	default: return mi_ui_key_of(MI_KEY_NONE);
	}
}

/* After an Escape from curses: reads what follows at once, so that a
 * sequence the terminal description does not know is thrown away whole
 * instead of reading as Esc and typed characters (ui_keys.h). */
static mi_ui_key read_after_escape(void)
{
	mi_ui_escape e;
	mi_ui_escape_begin(&e);
	mi_ui_key key = mi_ui_key_of(MI_KEY_NONE);
	timeout(ESCAPE_FOLLOW_MS);
	for (;;) {
		wint_t ch = 0;
		int rc = get_wch(&ch);
		if (rc == ERR) {
			key = mi_ui_escape_key(&e);
			break;
		}
		mi_ui_escape_step step = rc == KEY_CODE_YES ? MI_UI_ESCAPE_GIVE_BACK
							    : mi_ui_escape_feed(&e, ch);
		if (step == MI_UI_ESCAPE_MORE)
			continue;
		if (step == MI_UI_ESCAPE_GIVE_BACK) {
			key = mi_ui_escape_key(&e);
			if (rc == KEY_CODE_YES)
				ungetch((int)ch);
			else
				unget_wch((wchar_t)ch);
		}
		break;
	}
	timeout(INPUT_TICK_MS);
	return key;
}

/* The curses attributes for a canvas attribute. */
static attr_t curses_attr(unsigned attr, bool color, short *pair)
{
	attr_t a = A_NORMAL;
	if (attr & MI_UI_BOLD)
		a |= A_BOLD;
	if (attr & MI_UI_REVERSE)
		a |= A_REVERSE;
	if (attr & MI_UI_UNDERLINE)
		a |= A_UNDERLINE;
	*pair = color ? (short)((attr >> MI_UI_COLOR_SHIFT) & 0xf) : 0;
	return a;
}

/* Copies the canvas to the terminal and places the cursor. */
static void blit(const mi_ui_canvas *canvas, bool color)
{
	for (int y = 0; y < canvas->rows && y < LINES; y++) {
		for (int x = 0; x < canvas->cols && x < COLS; x++) {
			const mi_ui_cell *cell = &canvas->cells[(size_t)y * (size_t)canvas->cols + (size_t)x];
			if (cell->ch == 0)
				continue;
			short pair;
			attr_t a = curses_attr(cell->attr, color, &pair);
			wchar_t wc[2] = {cell->ch, 0};
			cchar_t cc;
			setcchar(&cc, wc, a, pair, NULL);
			mvadd_wch(y, x, &cc);
		}
	}
	/* The cursor on the focus, shown where the terminal can; a page with
	 * no focus rests it top-left, never after the last cell drawn. */
	bool focused = canvas->cursor_y >= 0 && canvas->cursor_y < LINES &&
		       canvas->cursor_x >= 0 && canvas->cursor_x < COLS;
	curs_set(focused ? 1 : 0);
	move(focused ? canvas->cursor_y : 0, focused ? canvas->cursor_x : 0);
	refresh();
}

/* Sets up colour pairs for the roles unless NO_COLOR is set; true when on. */
static bool setup_color(void)
{
	const char *no_color = getenv("NO_COLOR");
	if ((no_color && *no_color) || !has_colors() || start_color() != OK)
		return false;
	use_default_colors();
	init_pair(MI_UI_COLOR_TITLE, COLOR_CYAN, -1);
	init_pair(MI_UI_COLOR_OK, COLOR_GREEN, -1);
	init_pair(MI_UI_COLOR_MODIFY, COLOR_YELLOW, -1);
	init_pair(MI_UI_COLOR_REFER, COLOR_MAGENTA, -1);
	init_pair(MI_UI_COLOR_URGENT, COLOR_RED, -1);
	return true;
}

/* Runs a screen in the terminal until it quits or a signal ends it; restores the terminal. */
mi_status mi_ui_run(mi_ui_screen screen, const mi_ui_options *options, mi_error *err)
{
	static bool atexit_done;
	if (!atexit_done) {
		atexit(restore_at_exit);
		atexit_done = true;
	}
	if (!getenv("ESCDELAY"))
		set_escdelay(50);
	have_saved_modes = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
	SCREEN *term = newterm(NULL, stdout, stdin);
	if (!term)
		return mi_error_set(err, MI_EIO,
				    _("cannot start the terminal UI: the terminal type \"%s\" is unknown."),
				    getenv("TERM") ? getenv("TERM") : "(unset)");
	/* A terminal that cannot move the cursor (TERM=dumb, a braille line
	 * set up so) would show a jumble: the plain line mode serves it. */
	const char *cup = tigetstr("cup");
	if (!cup || cup == (const char *)-1) {
		endwin();
		delscreen(term);
		return mi_error_set(err, MI_EIO,
				    _("the terminal type \"%s\" cannot move the cursor; use the plain "
				      "line mode instead: --plain, or MASSAGE_INTAKE_PLAIN=1."),
				    getenv("TERM") ? getenv("TERM") : "(unset)");
	}
	term_active = true;
	stop_signal = 0;
	catch_signals(options && options->kiosk);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(INPUT_TICK_MS);
	bool color = setup_color();

	mi_status status = MI_OK;
	mi_ui_canvas *canvas = NULL;
	bool need_resize = true;
	for (;;) {
		if (stop_signal) {
			status = mi_error_set(err, MI_ETEMPFAIL, "%s", _("stopped by a signal."));
			break;
		}
		if (need_resize || !canvas || canvas->rows != LINES || canvas->cols != COLS) {
			mi_ui_canvas_free(canvas);
			canvas = mi_ui_canvas_new(LINES > 0 ? LINES : 1, COLS > 0 ? COLS : 1);
			if (!canvas) {
				status = mi_error_set(err, MI_EINTERNAL, "out of memory.");
				break;
			}
			if (screen.ops->resize)
				screen.ops->resize(screen.self, LINES, COLS);
			clearok(curscr, TRUE);
			need_resize = false;
		}
		bool small = LINES < MI_UI_MIN_ROWS || COLS < MI_UI_MIN_COLS;
		mi_ui_canvas_clear(canvas);
		if (small)
			mi_ui_draw_too_small(canvas);
		else
			screen.ops->draw(screen.self, canvas);
		erase();
		blit(canvas, color);

		wint_t ch = 0;
		int rc = get_wch(&ch);
		mi_ui_key key = rc == OK && ch == 27 ? read_after_escape() : translate(rc, ch);
		mi_ui_action action = MI_UI_IGNORED;
		if (key.kind == MI_KEY_RESIZE)
			need_resize = true;
		else if (key.kind != MI_KEY_NONE && !small)
			action = screen.ops->key(screen.self, key);
		if (action != MI_UI_QUIT && screen.ops->tick)
			action = screen.ops->tick(screen.self, mi_ui_now()) == MI_UI_QUIT ? MI_UI_QUIT
											   : action;
		if (action == MI_UI_QUIT)
			break;
	}
	mi_ui_canvas_free(canvas);
	leave_screen();
	delscreen(term);
	release_signals();
	return status;
}
