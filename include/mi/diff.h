/* diff.h - what changed between a client's previous intake and this one.
 *
 * Pure logic over two answers objects and the flags stored with each:
 * medications started or stopped (compared by mi_fold key: ignoring case,
 * accents and spacing), flags new and gone, the change in pain intensity,
 * leg symptoms not reported before, and a surgery not reported before.
 * `show` prints it; the UI shows it beside a returning client's intake.
 */
#ifndef MI_DIFF_H
#define MI_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/answers.h"
#include "mi/error.h"
#include "mi/visit.h"

/* A list of strings owned by the mi_diff. */
typedef struct mi_diff_list {
	char **items;
	size_t count;
} mi_diff_list;

typedef struct mi_diff {
	mi_diff_list meds_started;  /* as written this time */
	mi_diff_list meds_stopped;  /* as written last time */
	mi_diff_list flags_new;     /* rule ids */
	mi_diff_list flags_gone;    /* rule ids */
	mi_diff_list leg_new;       /* leg_symptoms values not reported before */
	bool pain_changed;          /* both ratings known and different */
	int pain_before, pain_after; /* 0-10, or -1 when not answered */
	bool surgery_new;           /* a surgery now that was not reported before,
				     * or a more recent one than reported */
	long surgery_weeks;         /* weeks since it, when surgery_new */
} mi_diff;

/* Compares the previous intake (before, with its flags) with this one
 * (after). Fills *out, which the caller releases with mi_diff_clear; on
 * failure (out of memory) *out is empty. */
mi_status mi_diff_compute(const mi_answers *before, const mi_visit_flag *flags_before,
			  size_t before_count, const mi_answers *after,
			  const mi_visit_flag *flags_after, size_t after_count, mi_diff *out,
			  mi_error *err);

/* Frees what the diff owns and zeroes it. */
void mi_diff_clear(mi_diff *diff);

/* True when nothing changed. */
bool mi_diff_is_empty(const mi_diff *diff);

/* Plain text in the desk's language, one change per line, each ending
 * with a newline, e.g.
 * "medication started: Eliquis 5 mg", "pain: 6 -> 3 (better)"; the text
 * "nothing changed\n" when empty. Not sanitised: pass it through
 * mi_text_sanitize before printing. Caller frees; NULL when out of memory. */
char *mi_diff_to_text(const mi_diff *diff);

#endif
