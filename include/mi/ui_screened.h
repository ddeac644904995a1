/* ui_screened.h - the colour of an outcome as the therapist sees it,
 * never the green of "fine" while safety questions are unanswered.
 *
 * A screening with no flag but with safety questions unanswered has not
 * cleared the client: a missing answer never fires a rule. Such an
 * outcome is marked "[? NOT FULLY SCREENED]" (mi_level_outcome_tag,
 * screen.h) in the colour of a caution, not as a green "[ok PROCEED] deep
 * tissue is fine".
 */
#ifndef MI_UI_SCREENED_H
#define MI_UI_SCREENED_H

#include <stddef.h>

#include "mi/screen.h"

/* The attributes: mi_ui_level_attr, or the caution colour, bold. */
unsigned mi_ui_outcome_attr(mi_level outcome, size_t unanswered);

#endif
