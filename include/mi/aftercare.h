/* aftercare.h - the aftercare summary a client takes home.
 *
 * The words come from a template a clinic can edit (data/aftercare.conf,
 * format in docs/aftercare.md). Building the summary for one visit gives a
 * structured document: a title, sections of paragraphs and bullets, the
 * body regions worked (for the body map) and the pain trend. The same
 * document is rendered as plain text here and as a PDF in pdf.h.
 *
 * Every piece of client text in the document has been through
 * mi_text_sanitize. Therapist-only notes (notes.therapist_notes) are never
 * read. Nothing here prints, uses curses or touches the database.
 *
 * Call order: mi_aftercare_template_load (once), mi_aftercare_build (per
 * visit), mi_aftercare_to_text or the PDF renderer, mi_aftercare_doc_free,
 * mi_aftercare_template_free.
 */
#ifndef MI_AFTERCARE_H
#define MI_AFTERCARE_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/error.h"
#include "mi/overlay.h"
#include "mi/visit.h"

/* The widest a line of the text form ever is, in terminal columns. */
enum { MI_AFTERCARE_TEXT_WIDTH = 80 };

/* The most recent pain scores kept in the document's trend. */
enum { MI_AFTERCARE_TREND_MAX = 10 };

/* The regions of the body map, in the order of MI_VOCAB_REGION (the values
 * of pain_locations, vocab.h). */
typedef enum mi_body_region {
	MI_BODY_NECK = 0,
	MI_BODY_SHOULDERS,
	MI_BODY_UPPER_BACK,
	MI_BODY_MID_BACK,
	MI_BODY_LOW_BACK,
	MI_BODY_HIPS_GLUTES,
	MI_BODY_LEGS,
	MI_BODY_REGION_COUNT
} mi_body_region;

/* The region id ("upper_back"), as in MI_VOCAB_REGION. */
const char *mi_body_region_id(mi_body_region region);

typedef struct mi_aftercare_template mi_aftercare_template;

/* Loads a template file. A broken file is refused with MI_EDATA and
 * "FILE:LINE: reason"; a missing or unreadable one with MI_ENOINPUT. */
mi_status mi_aftercare_template_load(const char *path, mi_aftercare_template **out,
				     mi_error *err);

/* Loads data_dir/aftercare.conf. */
mi_status mi_aftercare_template_load_dir(const char *data_dir, mi_aftercare_template **out,
					 mi_error *err);

/* Adds each line's English words to source as [line KEYWORD_N] text =
 * ..., N counting the lines of that keyword from 1 ("bullet_12";
 * map-caption is map_caption_1). False when out of memory. */
bool mi_aftercare_template_source(const mi_aftercare_template *tpl, mi_overlay_source *source);

/* Frees the template; NULL is fine. */
void mi_aftercare_template_free(mi_aftercare_template *tpl);

/* Calls fn for each rule id named in a "flag" condition of the template, in
 * file order (an id named twice is passed twice). Lets a test check the
 * ids against the loaded rules. */
void mi_aftercare_template_each_flag(const mi_aftercare_template *tpl,
				     void (*fn)(const char *rule_id, void *data), void *data);

typedef enum mi_aftercare_block_kind {
	MI_AFTERCARE_PARAGRAPH,
	MI_AFTERCARE_BULLET,
} mi_aftercare_block_kind;

/* One paragraph or bullet. Text may hold newlines (from a note written on
 * several lines) but no other control character. */
typedef struct mi_aftercare_block {
	mi_aftercare_block_kind kind;
	char *text;
	bool free_text; /* holds text the client or therapist typed: may be cut
			 * short on paper (the PDF says so) */
} mi_aftercare_block;

typedef struct mi_aftercare_section {
	char *heading;
	mi_aftercare_block *blocks;
	size_t block_count; /* at least 1 */
} mi_aftercare_section;

/* One visit's summary. Owned by the caller: mi_aftercare_doc_free. */
typedef struct mi_aftercare_doc {
	char *title;
	char *subtitle;      /* "" when no subtitle line could be filled */
	char *map_caption;
	char *chart_caption;
	char *overflow_note; /* shown on paper when something was cut short */
	mi_aftercare_section *sections;
	size_t section_count;
	bool worked[MI_BODY_REGION_COUNT]; /* regions worked today; none when
					    * no map caption could be filled */
	mi_pain_point trend[MI_AFTERCARE_TREND_MAX]; /* answered scores, oldest first */
	size_t trend_count;  /* 0 when no chart caption could be filled */
} mi_aftercare_doc;

/* Builds the summary of visit from tpl. Uses the visit's session notes
 * (areas, pressure, techniques), goals, aftercare notes, stored flags and
 * outcome, answers (medications) and pain trend; never the therapist-only
 * notes. MI_EDATA when no title line of the template can be filled in. */
mi_status mi_aftercare_build(const mi_aftercare_template *tpl, const mi_visit *visit,
			     mi_aftercare_doc **out, mi_error *err);

/* The same in another language: each line in the overlay's words (NULL:
 * the file's own); a line the overlay lacks, has stale, or whose
 * translation names an unknown {placeholder} keeps the file's words. */
mi_status mi_aftercare_build_in(const mi_aftercare_template *tpl, const mi_overlay *overlay,
				const mi_visit *visit, mi_aftercare_doc **out, mi_error *err);

/* Ends the document with a section "Questions?" giving the clinic's phone
 * number (the clinic_phone setting; sanitized here): "Call the clinic on
 * PHONE.". NULL or "" adds nothing. MI_EINTERNAL when out of memory. */
mi_status mi_aftercare_add_clinic_phone(mi_aftercare_doc *doc, const char *phone, mi_error *err);

/* Frees the document; NULL is fine. */
void mi_aftercare_doc_free(mi_aftercare_doc *doc);

/* True when the document mentions text anywhere (title, headings, blocks).
 * For tests and previews. */
bool mi_aftercare_doc_contains(const mi_aftercare_doc *doc, const char *text);

/* The plain-text form: UTF-8, lines of at most MI_AFTERCARE_TEXT_WIDTH
 * columns (mi_text_width) wrapped at spaces (a word wider than a line is
 * split), no control character but the newline ending every line.
 * Caller frees. NULL only when out of memory. */
char *mi_aftercare_to_text(const mi_aftercare_doc *doc);

/* Wraps text into lines of at most width columns, each prefixed by first
 * (the first line) or rest (the following ones), appending them with
 * newlines to a new string. Newlines in text start new lines. Caller
 * frees; NULL when out of memory. */
char *mi_aftercare_wrap(const char *text, size_t width, const char *first, const char *rest);

#endif
