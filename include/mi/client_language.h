/* client_language.h - the languages a client may pick at the kiosk, by
 * their place in the shipped table (i18n.h), among the translations
 * loaded: the full-screen kiosk offers them on F2, F3, F4, the plain line
 * mode as 1, 2, 3. */
#ifndef MI_CLIENT_LANGUAGE_H
#define MI_CLIENT_LANGUAGE_H

#include <stddef.h>

#include "mi/translation.h"

/* The client's pick of the index-th language of mi_languages(): for 0,
 * English (the program's own words and the data files'), whatever the
 * desk's language; otherwise the loaded translation of that language's
 * code; NULL when there is no such language or it is not loaded. The
 * result lives as long as loaded (English: for ever). */
const mi_translation *mi_client_language(const mi_translation *loaded, size_t loaded_count,
					 size_t index);

#endif
