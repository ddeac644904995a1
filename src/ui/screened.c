/* screened.c - the caution colour instead of a green proceed while
 * safety questions are unanswered (ui_screened.h). */
#include "mi/ui.h"
#include "mi/ui_screened.h"

unsigned mi_ui_outcome_attr(mi_level outcome, size_t unanswered)
{
	if (mi_level_unscreened(outcome, unanswered))
		return MI_UI_COLOR(MI_UI_BOLD, MI_UI_COLOR_MODIFY);
	return mi_ui_level_attr(outcome);
}
