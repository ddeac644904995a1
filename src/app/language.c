/* language.c - the language of a visit (app_language.h). */
#include "mi/app_language.h"
#include "mi/store_language.h"

mi_status mi_app_visit_set_language(mi_store *store, long long visit_id, const char *lang,
				    mi_error *err)
{
	return mi_store_visit_set_language(store, visit_id, lang, err);
}
