/* app_language.h - the language a client answers a visit in, kept with
 * the visit so its aftercare sheet is printed in it (store_language.h). */
#ifndef MI_APP_LANGUAGE_H
#define MI_APP_LANGUAGE_H

#include "mi/store.h"

/* Records lang ("es"; "en" or NULL: none) on the visit (a draft too). */
mi_status mi_app_visit_set_language(mi_store *store, long long visit_id, const char *lang,
				    mi_error *err);

#endif
