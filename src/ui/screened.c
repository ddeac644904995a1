/* screened.c - "not fully screened" instead of a green proceed while
 * safety questions are unanswered (ui_screened.h). */
#include "mi/ui.h"
#include "mi/ui_screened.h"

const char *mi_ui_outcome_tag(mi_level outcome, size_t unanswered)
{
	return mi_not_fully_screened(outcome, unanswered) ? "[? NOT FULLY SCREENED]"
							      : mi_ui_level_tag(outcome);
}

unsigned mi_ui_outcome_attr(mi_level outcome, size_t unanswered)
{
	if (mi_not_fully_screened(outcome, unanswered))
		return MI_UI_COLOR(MI_UI_BOLD, MI_UI_COLOR_MODIFY);
	return mi_ui_level_attr(outcome);
}
