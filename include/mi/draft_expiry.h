/* draft_expiry.h - when an unfinished intake leaves the review queue.
 *
 * A draft begun on day D leaves the queue (and the desk's count of what
 * waits) on day D + days, days being the draft_expiry_days setting, unless
 * its answers so far screen as refer or urgent: a half-filled intake that
 * may hold a red flag stays in the queue until someone finishes or
 * discards it. A draft that could not be screened stays too (nothing says
 * it is harmless). Expiry never deletes anything: the draft is kept,
 * hidden from the queue, listed by `drafts --expired`, and goes only when
 * someone discards it (app_drafts.h) or the client is erased.
 */
#ifndef MI_DRAFT_EXPIRY_H
#define MI_DRAFT_EXPIRY_H

#include <stdbool.h>

#include "mi/date.h"
#include "mi/screen.h"

/* True when a draft begun on begun has expired by today after days days;
 * screened says whether outcome is the screening of its answers so far. */
bool mi_draft_expired(mi_date begun, mi_date today, long days, bool screened, mi_level outcome);

#endif
