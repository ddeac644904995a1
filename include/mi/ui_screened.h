/* ui_screened.h - the outcome as the therapist sees it, never "fine" while
 * safety questions are unanswered.
 *
 * A screening with no flag but with safety questions unanswered has not
 * cleared the client: a missing answer never fires a rule. Such an
 * outcome is shown as "[? NOT FULLY SCREENED]" in the colour of a caution,
 * not as a green "[ok PROCEED] deep tissue is fine". The rule is
 * mi_not_fully_screened (screen.h).
 */
#ifndef MI_UI_SCREENED_H
#define MI_UI_SCREENED_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/screen.h"

/* The symbol: mi_ui_level_tag, or "[? NOT FULLY SCREENED]". */
const char *mi_ui_outcome_tag(mi_level outcome, size_t unanswered);

/* The attributes: mi_ui_level_attr, or the caution colour, bold. */
unsigned mi_ui_outcome_attr(mi_level outcome, size_t unanswered);

/* The words after the tag when not fully screened. */
#define MI_UI_NOT_SCREENED_WORDS "deep tissue not cleared: ask the missing safety questions"

#endif
