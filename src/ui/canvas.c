/* canvas.c - the text grid every screen draws into (no curses here). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/text.h"
#include "mi/ui.h"

/* A blank rows x cols canvas, or NULL. */
mi_ui_canvas *mi_ui_canvas_new(int rows, int cols)
{
	if (rows < 1 || cols < 1)
		return NULL;
	mi_ui_canvas *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->cells = calloc((size_t)rows * (size_t)cols, sizeof *c->cells);
	if (!c->cells) {
		free(c);
		return NULL;
	}
	c->rows = rows;
	c->cols = cols;
	mi_ui_canvas_clear(c);
	return c;
}

/* Frees the canvas and its cells; NULL is fine. */
void mi_ui_canvas_free(mi_ui_canvas *canvas)
{
	if (!canvas)
		return;
	free(canvas->cells);
	free(canvas);
}

/* Blanks every cell and hides the cursor. */
void mi_ui_canvas_clear(mi_ui_canvas *canvas)
{
	size_t n = (size_t)canvas->rows * (size_t)canvas->cols;
	for (size_t i = 0; i < n; i++)
		canvas->cells[i] = (mi_ui_cell){.ch = L' ', .attr = 0};
	canvas->cursor_y = canvas->cursor_x = -1;
}

/* True for characters that must never reach the terminal as they are. */
static bool is_unsafe(unsigned c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* Terminal columns of one code point (wide East Asian and emoji: 2). */
int mi_ui_char_width(wchar_t ch)
{
	unsigned c = (unsigned)ch;
	if ((c >= 0x300 && c <= 0x36f) || c == 0x200b || (c >= 0x200c && c <= 0x200f))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) ||
	    (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

/* Cell (y, x) is about to be written: when it holds half of a wide
 * character, the other half becomes a blank, so that no half character
 * is left on the screen (the terminal would show it as a stray one). */
static void split_wide(mi_ui_canvas *canvas, int y, int x)
{
	mi_ui_cell *row = &canvas->cells[(size_t)y * (size_t)canvas->cols];
	if (row[x].ch == 0 && x > 0)
		row[x - 1].ch = L' ';
	else if (x + 1 < canvas->cols && row[x + 1].ch == 0)
		row[x + 1].ch = L' ';
}

/* Puts one code point at (y, *x) and advances *x; false when it does not fit. */
static bool put_char(mi_ui_canvas *canvas, int y, int *x, int limit, unsigned attr, wchar_t ch)
{
	if (is_unsafe((unsigned)ch))
		ch = (wchar_t)0xfffd;
	int w = mi_ui_char_width(ch);
	if (w == 0)
		return true; /* combining marks are dropped: one cell holds one code point */
	if (*x < 0 || *x + w > limit || y < 0 || y >= canvas->rows)
		return false;
	split_wide(canvas, y, *x);
	if (w == 2)
		split_wide(canvas, y, *x + 1);
	mi_ui_cell *cell = &canvas->cells[(size_t)y * (size_t)canvas->cols + (size_t)*x];
	cell[0] = (mi_ui_cell){.ch = ch, .attr = attr};
	if (w == 2)
		cell[1] = (mi_ui_cell){.ch = 0, .attr = attr};
	*x += w;
	return true;
}

/* The right-most column (exclusive) text starting at x may use. */
static int limit_of(const mi_ui_canvas *canvas, int x, int max_cols)
{
	int limit = canvas->cols;
	if (max_cols >= 0 && x + max_cols < limit)
		limit = x + max_cols;
	return limit;
}

/* Writes UTF-8 text on one row, clipped; returns the columns used. */
int mi_ui_put(mi_ui_canvas *canvas, int y, int x, unsigned attr, int max_cols, const char *text)
{
	int start = x, limit = limit_of(canvas, x, max_cols);
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		unsigned cp = 0xfffd;
		size_t n = mi_utf8_decode(text + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			cp = 0xfffd;
		}
		if (!put_char(canvas, y, &x, limit, attr, (wchar_t)cp))
			break;
		i += n;
	}
	return x - start;
}

/* Writes wide characters on one row, clipped; returns the columns used. */
int mi_ui_put_wide(mi_ui_canvas *canvas, int y, int x, unsigned attr, int max_cols,
		   const wchar_t *text, size_t len)
{
	int start = x, limit = limit_of(canvas, x, max_cols);
	for (size_t i = 0; i < len; i++)
		if (!put_char(canvas, y, &x, limit, attr, text[i]))
			break;
	return x - start;
}

/* printf onto one row, clipped; returns the columns used. */
int mi_ui_putf(mi_ui_canvas *canvas, int y, int x, unsigned attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return mi_ui_put(canvas, y, x, attr, -1, buf);
}

/* Terminal columns the UTF-8 text takes. */
int mi_ui_text_width(const char *text)
{
	int w = 0;
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		unsigned cp = 0xfffd;
		size_t n = mi_utf8_decode(text + i, len - i, &cp);
		if (n == 0)
			n = 1, cp = 0xfffd;
		w += is_unsafe(cp) ? 1 : mi_ui_char_width((wchar_t)cp);
		i += n;
	}
	return w;
}

/* Bytes of the next word (up to a space or newline) and its width. */
static size_t next_word(const char *s, int *width)
{
	size_t i = 0, len = strcspn(s, " \n");
	*width = 0;
	while (i < len) {
		unsigned cp = 0xfffd;
		size_t n = mi_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			n = 1, cp = 0xfffd;
		*width += is_unsafe(cp) ? 1 : mi_ui_char_width((wchar_t)cp);
		i += n;
	}
	return len;
}

/* Word-wraps text into a box; returns the rows used (canvas NULL: only
 * counts them). */
int mi_ui_wrap(mi_ui_canvas *canvas, int y, int x, int width, int max_rows, unsigned attr,
	       const char *text)
{
	int row = 0, col = 0;
	const char *p = text;
	char word[MI_UI_MIN_COLS * 8];
	if (max_rows <= 0 || width <= 0)
		return 0;
	while (*p) {
		if (*p == '\n') {
			row++, col = 0, p++;
			if (row >= max_rows)
				return max_rows;
			continue;
		}
		if (*p == ' ') {
			if (col > 0 && col < width)
				col++;
			p++;
			continue;
		}
		int w;
		size_t n = next_word(p, &w);
		if (col > 0 && col + w > width) {
			row++, col = 0;
			if (row >= max_rows)
				return max_rows;
		}
		size_t copy = n < sizeof word - 1 ? n : sizeof word - 1;
		memcpy(word, p, copy);
		word[copy] = '\0';
		col += canvas ? mi_ui_put(canvas, y + row, x + col, attr, width - col, word)
			      : (w < width - col ? w : width - col);
		p += n;
	}
	return row + (col > 0 ? 1 : 0);
}

/* Sets a run of cells on one row to ch. */
void mi_ui_fill(mi_ui_canvas *canvas, int y, int x, int cols, wchar_t ch, unsigned attr)
{
	if (y < 0 || y >= canvas->rows)
		return;
	int from = x < 0 ? 0 : x, to = x + cols < canvas->cols ? x + cols : canvas->cols;
	if (from < to) { /* a wide character across either end loses its other half */
		split_wide(canvas, y, from);
		split_wide(canvas, y, to - 1);
	}
	for (int i = from; i < to; i++)
		canvas->cells[(size_t)y * (size_t)canvas->cols + (size_t)i] =
			(mi_ui_cell){.ch = ch, .attr = attr};
}

/* Appends the UTF-8 encoding of cp to out (at least 4 bytes free). */
static size_t encode_utf8(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The canvas as UTF-8 lines without trailing spaces; caller frees. */
char *mi_ui_canvas_text(const mi_ui_canvas *canvas)
{
	size_t cap = (size_t)canvas->rows * ((size_t)canvas->cols * 4 + 1) + 1;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	size_t len = 0;
	for (int y = 0; y < canvas->rows; y++) {
		size_t content_end = len;
		for (int x = 0; x < canvas->cols; x++) {
			wchar_t ch = canvas->cells[(size_t)y * (size_t)canvas->cols + (size_t)x].ch;
			if (ch == 0)
				continue;
			len += encode_utf8((unsigned)ch, out + len);
			if (ch != L' ')
				content_end = len;
		}
		len = content_end;
		out[len++] = '\n';
	}
	out[len] = '\0';
	return out;
}

/* The cursor on the focused item, clipped onto the canvas. */
void mi_ui_focus(mi_ui_canvas *canvas, int y, int x)
{
	canvas->cursor_y = y < 0 ? 0 : y >= canvas->rows ? canvas->rows - 1 : y;
	canvas->cursor_x = x < 0 ? 0 : x >= canvas->cols ? canvas->cols - 1 : x;
}

/* The reversed bottom line listing the screen's keys. */
void mi_ui_draw_keys(mi_ui_canvas *canvas, const char *keys)
{
	int y = canvas->rows - 1;
	mi_ui_fill(canvas, y, 0, canvas->cols, L' ', MI_UI_REVERSE);
	mi_ui_put(canvas, y, 1, MI_UI_REVERSE, canvas->cols - 2, keys);
}

/* The reversed title bar on row 0. */
void mi_ui_draw_title(mi_ui_canvas *canvas, const char *title, const char *right)
{
	unsigned attr = MI_UI_COLOR(MI_UI_REVERSE | MI_UI_BOLD, MI_UI_COLOR_TITLE);
	mi_ui_fill(canvas, 0, 0, canvas->cols, L' ', attr);
	mi_ui_put(canvas, 0, 1, attr, canvas->cols - 2, title);
	if (right && *right) {
		int w = mi_ui_text_width(right);
		if (w < canvas->cols - 2)
			mi_ui_put(canvas, 0, canvas->cols - 1 - w, attr, -1, right);
	}
}

/* The "please enlarge the window" page. */
void mi_ui_draw_too_small(mi_ui_canvas *canvas)
{
	mi_ui_canvas_clear(canvas);
	int y = canvas->rows / 2 - 1;
	if (y < 0)
		y = 0;
	mi_ui_wrap(canvas, y, 1, canvas->cols - 2, 2, MI_UI_BOLD,
		   _("The window is too small: please enlarge the window."));
	char size[64];
	snprintf(size, sizeof size, _("(needs %dx%d, now %dx%d)"), MI_UI_MIN_COLS, MI_UI_MIN_ROWS,
		 canvas->cols, canvas->rows);
	mi_ui_put(canvas, y + 2, 1, 0, canvas->cols - 2, size);
}

unsigned mi_ui_level_attr(mi_level level)
{
	static const mi_ui_color colors[] = {MI_UI_COLOR_OK, MI_UI_COLOR_MODIFY, MI_UI_COLOR_REFER,
					     MI_UI_COLOR_URGENT};
	if (level < MI_LEVEL_PROCEED || level > MI_LEVEL_URGENT)
		level = MI_LEVEL_PROCEED;
	return MI_UI_COLOR(level >= MI_LEVEL_REFER ? MI_UI_BOLD : 0, colors[level]);
}
