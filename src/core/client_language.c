/* client_language.c - a client's pick of language (client_language.h). */
#include "mi/client_language.h"

#include <string.h>

#include "mi/i18n.h"

/* English as a client's pick: the program's own words and the data
 * files' (the desk's language may be another). */
static const mi_translation english = {.lang = "en"};

const mi_translation *mi_client_language(const mi_translation *loaded, size_t loaded_count,
					 size_t index)
{
	size_t count = 0;
	const mi_language *languages = mi_languages(&count);
	if (index >= count)
		return NULL;
	if (index == 0)
		return &english;
	for (size_t i = 0; i < loaded_count; i++)
		if (strcmp(loaded[i].lang, languages[index].code) == 0)
			return &loaded[i];
	return NULL;
}
