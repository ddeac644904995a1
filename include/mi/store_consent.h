/* store_consent.h - which consent text a visit's consent was given to. */
#ifndef MI_STORE_CONSENT_H
#define MI_STORE_CONSENT_H

#include "mi/store.h"

/* The consent text's version and SHA-256 recorded on the visit (both NULL
 * when none was: no consent given, or a visit from before schema 5).
 * Caller frees both. MI_ENOTFOUND for an unknown visit. */
mi_status mi_store_visit_consent(mi_store *store, long long visit_id, char **version,
				 char **hash, mi_error *err);

#endif
