/* overlay.h - a language's words for what lives in the data files.
 *
 * A clinic translates intake.conf, rules.conf and aftercare.conf without
 * code: data/lang/LANG/intake.conf (and rules.conf, aftercare.conf) holds,
 * in the same line format (rules.h: "FILE:LINE: reason" for a broken
 * file), one section per entry of the English file, keyed by its id:
 *
 *     language = es
 *
 *     [question onset]
 *     source = 6f1c0a9e52d4b317
 *     text   = ¿Cómo empezó el dolor?
 *     option sudden = De repente, sin una lesión
 *
 * source is the fingerprint of the entry's English words when it was
 * translated (mi_overlay_fingerprint): an entry whose English has changed
 * since is stale and is not used (the English shows) until it is
 * translated again. check-translations lists what is missing or stale.
 * The entries each data file gives are made by its own module
 * (mi_intake_source, mi_rulefile_source, mi_aftercare_template_source);
 * docs/translations.md describes the files.
 */
#ifndef MI_OVERLAY_H
#define MI_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/error.h"

/* 16 hex digits and the NUL. */
enum { MI_OVERLAY_FINGERPRINT_SIZE = 17 };

typedef struct mi_overlay mi_overlay;

/* Parses an overlay from text[0..len) (file_name for messages). A broken
 * file (a setting outside a section other than language, a section given
 * twice, an entry without its source, a field twice) is MI_EDATA with
 * "FILE:LINE: reason". */
mi_status mi_overlay_parse(const char *text, size_t len, const char *file_name, mi_overlay **out,
			   mi_error *err);

/* Reads and parses a file; a missing file is MI_ENOINPUT. */
mi_status mi_overlay_load(const char *path, mi_overlay **out, mi_error *err);

/* Frees the overlay; NULL is fine. */
void mi_overlay_free(mi_overlay *overlay);

/* The file name the overlay was read from (owned by the overlay). */
const char *mi_overlay_file_name(const mi_overlay *overlay);

/* ---- The English side ---------------------------------------------- */

/* The entries of one English data file, each a kind, an id and its
 * fields in order ("text", "help", "option neck", ...). */
typedef struct mi_overlay_source mi_overlay_source;

/* An empty list; NULL when out of memory. Free with mi_overlay_source_free. */
mi_overlay_source *mi_overlay_source_new(void);
void mi_overlay_source_free(mi_overlay_source *source);

/* Adds field with its English words to the entry kind/id (made on first
 * use; entries keep the order they are first added in). NULL or empty
 * text adds nothing. False when out of memory. */
bool mi_overlay_source_add(mi_overlay_source *source, const char *kind, const char *id,
			   const char *field, const char *text);

/* The fingerprint of an entry's English: the first 8 bytes of the BLAKE2b
 * of each field's name and words, in hex. An unknown entry gets "". */
void mi_overlay_source_fingerprint(const mi_overlay_source *source, const char *kind,
				   const char *id, char out[MI_OVERLAY_FINGERPRINT_SIZE]);

/* The text of a whole overlay file for the English entries: each entry
 * with its current source fingerprint and every field, translated where
 * existing (may be NULL) has it up to date, else in English with a
 * "# TRANSLATE" comment above. The start of a new language, or of bringing
 * one up to date. Caller frees; NULL when out of memory. */
char *mi_overlay_template(const mi_overlay *existing, const mi_overlay_source *source,
			  const char *lang, const char *file);

/* ---- Looking up ---------------------------------------------------- */

/* The translation of field of entry kind/id whose English fingerprint is
 * fingerprint, or NULL when the overlay (which may be NULL) has none or it
 * is stale. Owned by the overlay. */
const char *mi_overlay_find(const mi_overlay *overlay, const char *kind, const char *id,
			    const char *field, const char *fingerprint);

/* For an entry of one field: its translation when the overlay has one
 * that is not stale, else english. */
const char *mi_overlay_text(const mi_overlay *overlay, const char *kind, const char *id,
			    const char *field, const char *english);

/* ---- Checking ------------------------------------------------------ */

typedef enum mi_overlay_problem {
	MI_OVERLAY_MISSING,       /* the entry (or one of its fields) is not translated */
	MI_OVERLAY_STALE,         /* the English changed since it was translated */
	MI_OVERLAY_NO_LONGER,     /* the overlay has an entry or field the English file lacks */
} mi_overlay_problem;

/* Called once per problem: the entry, the field (NULL for the whole entry)
 * and the overlay's line (0 when it has none). */
typedef void mi_overlay_report(void *context, mi_overlay_problem problem, const char *kind,
			       const char *id, const char *field, size_t line);

/* Compares overlay (NULL: no file, every entry missing) with the English
 * entries, reporting each problem in the English file's order, then the
 * entries it no longer has. Returns how many problems there were. */
size_t mi_overlay_check(const mi_overlay *overlay, const mi_overlay_source *source,
			mi_overlay_report *report, void *context);

#endif
