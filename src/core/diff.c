/* diff.c - what changed between two intakes of the same client. */
#include "mi/diff.h"
#include "mi/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/fold.h"
#include "mi/i18n.h"

/* Appends a copy of s to list; false when out of memory. */
static bool list_add(mi_diff_list *list, const char *s)
{
	char **items = realloc(list->items, (list->count + 1) * sizeof *items);
	if (!items)
		return false;
	list->items = items;
	items[list->count] = strdup(s);
	if (!items[list->count])
		return false;
	list->count++;
	return true;
}

static void list_clear(mi_diff_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

/* True when answers' list key holds a medication that folds to the same
 * text as med. *nomem is set when folding ran out of memory. */
static bool has_medication(const mi_answers *answers, const char *med, bool *nomem)
{
	char *want = mi_fold(med);
	if (!want) {
		*nomem = true;
		return false;
	}
	bool found = false;
	size_t n = mi_answers_list_count(answers, "medications");
	for (size_t i = 0; i < n && !found; i++) {
		char *have = mi_fold(mi_answers_list_item(answers, "medications", i));
		if (!have) {
			*nomem = true;
			break;
		}
		found = strcmp(want, have) == 0;
		free(have);
	}
	free(want);
	return found;
}

/* Adds to out each medication of from that to does not have. */
static bool medications_missing(const mi_answers *from, const mi_answers *to, mi_diff_list *out)
{
	bool nomem = false;
	size_t n = mi_answers_list_count(from, "medications");
	for (size_t i = 0; i < n && !nomem; i++) {
		const char *med = mi_answers_list_item(from, "medications", i);
		char *folded = mi_fold(med);
		bool blank = folded && !*folded;
		nomem = !folded;
		free(folded);
		if (nomem || blank || has_medication(to, med, &nomem))
			continue;
		/* The same medication written twice this time counts once. */
		bool listed = false;
		for (size_t j = 0; j < out->count && !nomem; j++) {
			char *a = mi_fold(out->items[j]), *b = mi_fold(med);
			nomem = !a || !b;
			listed = listed || (!nomem && strcmp(a, b) == 0);
			free(a);
			free(b);
		}
		if (!nomem && !listed && !list_add(out, med))
			nomem = true;
	}
	return !nomem;
}

static bool flag_listed(const mi_visit_flag *flags, size_t count, const char *rule_id)
{
	for (size_t i = 0; i < count; i++)
		if (flags[i].rule_id && strcmp(flags[i].rule_id, rule_id) == 0)
			return true;
	return false;
}

/* Adds to out the rule ids of from that to does not have. */
static bool flags_missing(const mi_visit_flag *from, size_t from_count, const mi_visit_flag *to,
			  size_t to_count, mi_diff_list *out)
{
	for (size_t i = 0; i < from_count; i++) {
		if (!from[i].rule_id || flag_listed(to, to_count, from[i].rule_id))
			continue;
		if (!list_add(out, from[i].rule_id))
			return false;
	}
	return true;
}

mi_status mi_diff_compute(const mi_answers *before, const mi_visit_flag *flags_before,
			  size_t before_count, const mi_answers *after,
			  const mi_visit_flag *flags_after, size_t after_count, mi_diff *out,
			  mi_error *err)
{
	mi_diff diff = {.pain_before = -1, .pain_after = -1};
	bool ok = medications_missing(after, before, &diff.meds_started) &&
		  medications_missing(before, after, &diff.meds_stopped) &&
		  flags_missing(flags_after, after_count, flags_before, before_count,
				&diff.flags_new) &&
		  flags_missing(flags_before, before_count, flags_after, after_count,
				&diff.flags_gone);

	size_t legs = mi_answers_list_count(after, "leg_symptoms");
	for (size_t i = 0; ok && i < legs; i++) {
		const char *symptom = mi_answers_list_item(after, "leg_symptoms", i);
		if (!mi_answers_list_contains(before, "leg_symptoms", symptom))
			ok = list_add(&diff.leg_new, symptom);
	}
	if (!ok) {
		mi_diff_clear(&diff);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}

	long pain = 0;
	if (mi_answers_get_int(before, "pain_intensity", &pain))
		diff.pain_before = (int)pain;
	if (mi_answers_get_int(after, "pain_intensity", &pain))
		diff.pain_after = (int)pain;
	diff.pain_changed = diff.pain_before >= 0 && diff.pain_after >= 0 &&
			    diff.pain_before != diff.pain_after;

	long weeks_after = 0, weeks_before = 0;
	if (mi_answers_get_int(after, "recent_surgery_weeks", &weeks_after)) {
		bool reported = mi_answers_get_int(before, "recent_surgery_weeks", &weeks_before);
		/* Weeks since a surgery only grow: a smaller number is a newer one. */
		diff.surgery_new = !reported || weeks_after < weeks_before;
		diff.surgery_weeks = weeks_after;
	}
	*out = diff;
	return MI_OK;
}

void mi_diff_clear(mi_diff *diff)
{
	list_clear(&diff->meds_started);
	list_clear(&diff->meds_stopped);
	list_clear(&diff->flags_new);
	list_clear(&diff->flags_gone);
	list_clear(&diff->leg_new);
	memset(diff, 0, sizeof *diff);
	diff->pain_before = diff->pain_after = -1;
}

bool mi_diff_is_empty(const mi_diff *diff)
{
	return !diff->meds_started.count && !diff->meds_stopped.count && !diff->flags_new.count &&
	       !diff->flags_gone.count && !diff->leg_new.count && !diff->pain_changed &&
	       !diff->surgery_new;
}

/* "pain_below_knee" -> "pain below knee" into buf. */
static const char *words(const char *id, char *buf, size_t size)
{
	snprintf(buf, size, "%s", id);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	return buf;
}

char *mi_diff_to_text(const mi_diff *diff)
{
	mi_strbuf b = {0};
	char word[128];
	for (size_t i = 0; i < diff->meds_started.count; i++)
		/* TRANSLATORS: a line of "what changed since the last visit": a
		 * medicine as the client wrote it. */
		mi_strbuf_addf(&b, _("medication started: %s\n"), diff->meds_started.items[i]);
	for (size_t i = 0; i < diff->meds_stopped.count; i++)
		mi_strbuf_addf(&b, _("medication stopped: %s\n"), diff->meds_stopped.items[i]);
	for (size_t i = 0; i < diff->flags_new.count; i++)
		/* TRANSLATORS: a rule's id (a keyword) that fired this visit and
		 * not the last one; "flag gone", one that no longer fires. */
		mi_strbuf_addf(&b, _("new flag: %s\n"), diff->flags_new.items[i]);
	for (size_t i = 0; i < diff->flags_gone.count; i++)
		mi_strbuf_addf(&b, _("flag gone: %s\n"), diff->flags_gone.items[i]);
	if (diff->pain_changed && diff->pain_after < diff->pain_before)
		/* TRANSLATORS: the pain score (0 to 10) last visit, then this one. */
		mi_strbuf_addf(&b, _("pain: %d -> %d (better)\n"), diff->pain_before, diff->pain_after);
	else if (diff->pain_changed)
		mi_strbuf_addf(&b, _("pain: %d -> %d (worse)\n"), diff->pain_before, diff->pain_after);
	for (size_t i = 0; i < diff->leg_new.count; i++)
		mi_strbuf_addf(&b, _("new leg symptom: %s\n"),
			       words(diff->leg_new.items[i], word, sizeof word));
	if (diff->surgery_new)
		mi_strbuf_addf(&b,
			       dngettext(MI_TEXT_DOMAIN, "new surgery: %ld week ago\n",
					 "new surgery: %ld weeks ago\n",
					 (unsigned long)diff->surgery_weeks),
			       diff->surgery_weeks);
	if (b.len == 0)
		mi_strbuf_puts(&b, _("nothing changed\n"));
	return mi_strbuf_take(&b);
}
