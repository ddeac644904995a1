/* vocab.h - the vocabularies a visit records, read from the installed
 * intake (intake.h), so the desk, `note`, `show`, the store's checks, the
 * aftercare sheet and the PDF all use the same words:
 *
 *   MI_VOCAB_REGION     body regions: the values of pain_locations, with the
 *                       words of that question's options
 *   MI_VOCAB_GOAL       session goals: the values of goals, with its words
 *   MI_VOCAB_AREA       areas worked: the [session_area] sections
 *   MI_VOCAB_TECHNIQUE  techniques used: the [session_technique] sections
 *   MI_VOCAB_PRESSURE   the pressure used: the values of pressure_preference,
 *                       shown as they are
 *   MI_VOCAB_PLAN       the follow-up plans offered: the [followup_plan]
 *                       sections, each with its plan (mi_vocab_plan)
 *
 * The ids of regions, goals and pressures are fixed by the answers format;
 * with no intake installed their words are the ids and there are no areas,
 * techniques or plans.
 */
#ifndef MI_VOCAB_H
#define MI_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

typedef enum mi_vocab {
	MI_VOCAB_REGION,
	MI_VOCAB_GOAL,
	MI_VOCAB_AREA,
	MI_VOCAB_TECHNIQUE,
	MI_VOCAB_PRESSURE,
	MI_VOCAB_PLAN,
} mi_vocab;

/* How many ids the vocabulary has. */
size_t mi_vocab_count(mi_vocab vocab);

/* The i-th id, in order; NULL past the end. */
const char *mi_vocab_id(mi_vocab vocab, size_t i);

/* The words for id, or id itself when it is not listed. */
const char *mi_vocab_label(mi_vocab vocab, const char *id);

/* The index of id, or -1 when it is not listed. */
int mi_vocab_find(mi_vocab vocab, const char *id);

/* True when id is listed. */
bool mi_vocab_has(mi_vocab vocab, const char *id);

/* The words of ids[0..count) joined with ", " (caller frees); NULL when
 * there are none (as mi_strbuf_take) or out of memory. */
char *mi_vocab_join(mi_vocab vocab, char *const *ids, size_t count);

/* The vocabulary's ids for a message into buf: "a, b, c", or with
 * last_word "a, b or c". */
void mi_vocab_ids(mi_vocab vocab, const char *last_word, char *buf, size_t size);

/* The plan of the offered plan id ("series:3:7", followup.h), or NULL
 * when it is not offered. */
const char *mi_vocab_plan(const char *id);

/* True when the session area covers the region with index region
 * (mi_vocab_id(MI_VOCAB_REGION, region)). */
bool mi_vocab_area_covers(const char *area, size_t region);

#endif
