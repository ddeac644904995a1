/* desk_table.c - the columns of the desk's list pages (clients, visits,
 * review queue, due list): laid out across the whole window, the room
 * beyond their widths going to the columns that grow, and the visible rows
 * drawn with the selected one reversed. */
#include "desk_internal.h"
#include "mi/i18n.h"
#include "mi/ui_screened.h"

enum { GAP = 2, LEFT = 1 };

mi_desk_table mi_desk_table_fit(const mi_desk_column *columns, size_t count, int cols)
{
	mi_desk_table t = {.columns = columns, .count = count};
	if (count > MI_DESK_MAX_COLUMNS)
		t.count = count = MI_DESK_MAX_COLUMNS;
	/* A column is at least as wide as its heading in the language in use
	 * (the English headings fit their widths). */
	int width[MI_DESK_MAX_COLUMNS];
	int used = LEFT, shares = 0;
	for (size_t i = 0; i < count; i++) {
		int heading = mi_ui_text_width(_(columns[i].heading));
		width[i] = heading > columns[i].width ? heading : columns[i].width;
		used += width[i] + (i + 1 < count ? GAP : 0);
		shares += columns[i].grow;
	}
	int extra = cols - used > 0 ? cols - used : 0, given = 0, x = LEFT;
	for (size_t i = 0; i < count; i++) {
		int more = shares ? extra * columns[i].grow / shares : 0;
		given += more;
		t.x[i] = x;
		t.w[i] = width[i] + more;
		x += t.w[i] + GAP;
	}
	/* What the shares leave over (rounding, or no column grows) goes to the last. */
	if (count)
		t.w[count - 1] += extra - given;
	return t;
}

void mi_desk_table_header(const mi_desk_table *t, mi_ui_canvas *c, int y)
{
	for (size_t i = 0; i < t->count; i++)
		mi_desk_table_put(t, c, y, i, MI_UI_BOLD | MI_UI_UNDERLINE, _(t->columns[i].heading));
}

void mi_desk_table_put(const mi_desk_table *t, mi_ui_canvas *c, int y, size_t column,
		       unsigned attr, const char *text)
{
	if (column < t->count)
		mi_ui_put(c, y, t->x[column], attr, t->w[column], text);
}

void mi_desk_table_rows(const mi_desk_table *t, mi_ui_canvas *c, int first, int rows,
			const mi_desk_list_view *view, mi_desk_row_fn row, void *ctx)
{
	if (view->count == 0 && view->empty)
		mi_ui_put(c, first, t->count > 1 ? t->x[1] : LEFT, 0, -1, view->empty);
	for (int i = 0; i < rows && view->top + (size_t)i < view->count; i++) {
		size_t k = view->top + (size_t)i;
		int y = first + i;
		unsigned attr = k == view->sel ? MI_UI_REVERSE : 0;
		if (attr)
			mi_ui_fill(c, y, 0, c->cols, L' ', attr);
		row(ctx, t, c, y, k, attr);
	}
}

int mi_desk_outcome_width(const mi_visit_list *list, const bool *unscreened, int min)
{
	int width = min;
	for (size_t i = 0; i < list->count; i++) {
		const mi_visit_summary *v = &list->items[i];
		int w = v->has_outcome ? mi_ui_text_width(mi_level_outcome_tag(
						 v->outcome, unscreened && unscreened[i] ? 1 : 0))
				       : 0;
		if (w > width)
			width = w;
	}
	return width;
}
