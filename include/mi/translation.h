/* translation.h - one language's words for the data files, and putting
 * them in use for a client.
 *
 * A translation holds the overlays (overlay.h) of one language for
 * intake.conf, rules.conf and aftercare.conf, each of which may be
 * missing (then the file's own words show). mi_translation_use makes its
 * language the one in use: the program's words (i18n.h) and the installed
 * intake's questions; the rule messages and the aftercare sheet are read
 * through it (mi_translation_rule_message, mi_aftercare_build_in).
 */
#ifndef MI_TRANSLATION_H
#define MI_TRANSLATION_H

#include <stdbool.h>

#include "mi/overlay.h"
#include "mi/screen.h"

typedef enum mi_translated_file {
	MI_TRANSLATED_INTAKE,
	MI_TRANSLATED_RULES,
	MI_TRANSLATED_AFTERCARE,
	MI_TRANSLATED_COUNT
} mi_translated_file;

/* "intake.conf", "rules.conf", "aftercare.conf": the file each overlay
 * translates, and its own name under data/lang/LANG/. */
extern const char *const mi_translated_file_names[MI_TRANSLATED_COUNT];

typedef struct mi_translation {
	char lang[32];                          /* "es", "fr_CA" */
	mi_overlay *overlays[MI_TRANSLATED_COUNT]; /* owned; NULL: no file */
} mi_translation;

/* Frees the overlays and empties t. */
void mi_translation_clear(mi_translation *t);

/* Makes t's language the one in use (NULL: the desk's language and the
 * data files' own words): the program's words and the installed intake's
 * questions, options and session words. t must outlive its use: switch
 * back with NULL before clearing it. */
void mi_translation_use(const mi_translation *t);

/* The translation in use (mi_translation_use), or NULL. */
const mi_translation *mi_translation_in_use(void);

/* The rule's message for the client in the language in use (the file's
 * when no translation is in use or it has none up to date). */
const char *mi_translation_rule_message(const mi_rule *rule);

/* Adds each rule's client message to source ([rule ID] message = ...).
 * False when out of memory. */
bool mi_ruleset_source(const mi_ruleset *rules, mi_overlay_source *source);

#endif
