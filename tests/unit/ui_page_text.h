/* ui_page_text.h - a drawn page as one line of text, for tests that check
 * that words are on it whole (a sentence may wrap; none is cut short or
 * runs off the screen). */
#ifndef MI_TEST_UI_PAGE_TEXT_H
#define MI_TEST_UI_PAGE_TEXT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mi/ui.h"

/* The canvas as one line: each row trimmed, joined by one space (caller
 * frees). Fails when a row's text reaches the last column (cut short),
 * but for the title bar (row 0), which ends next to it by design, and
 * rows table_first to table_last (none when 0), where a list's columns
 * span the window by design (their words are checked whole instead). */
static inline char *ui_page_joined_but(const mi_ui_canvas *c, int table_first, int table_last)
{
	char *text = mi_ui_canvas_text(c);
	assert_non_null(text);
	char *out = calloc(strlen(text) + 2, 1);
	assert_non_null(out);
	char *next = text;
	for (int y = 0; next && *next; y++) {
		char *row = next, *end = strchr(row, '\n');
		next = end ? end + 1 : NULL;
		if (end)
			*end = '\0';
		size_t n = strlen(row);
		while (n > 0 && row[n - 1] == ' ')
			row[--n] = '\0';
		bool table = table_first > 0 && y >= table_first && y <= table_last;
		if (y > 0 && !table && mi_ui_text_width(row) >= c->cols)
			fail_msg("a row runs to the edge at %dx%d: \"%s\"", c->cols, c->rows, row);
		while (*row == ' ')
			row++;
		if (!*row)
			continue;
		if (*out)
			strcat(out, " ");
		strcat(out, row);
	}
	free(text);
	return out;
}

/* The same with no table rows. */
static inline char *ui_page_joined(const mi_ui_canvas *c)
{
	return ui_page_joined_but(c, 0, 0);
}

#endif
