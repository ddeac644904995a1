/* store_language.h - the language a client answered a visit in, so that
 * its aftercare sheet is printed, and reprinted, in that language. */
#ifndef MI_STORE_LANGUAGE_H
#define MI_STORE_LANGUAGE_H

#include "mi/store.h"

/* Records lang ("es", "fr_CA"; NULL or "en": the desk's) on the visit.
 * MI_ENOTFOUND for an unknown visit. */
mi_status mi_store_visit_set_language(mi_store *store, long long visit_id, const char *lang,
				      mi_error *err);

/* The language recorded on the visit, or NULL when none was (the desk's
 * language, or a visit from before schema 7). Caller frees. MI_ENOTFOUND
 * for an unknown visit. */
mi_status mi_store_visit_language(mi_store *store, long long visit_id, char **lang,
				  mi_error *err);

#endif
