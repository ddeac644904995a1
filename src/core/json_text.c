/* json_text.c - record text as safe JSON strings. */
#include "mi/json_text.h"

#include <stdlib.h>

#include "mi/text.h"

json_t *mi_json_text(const char *s)
{
	if (!s)
		return json_null();
	char *safe = mi_text_sanitize(s, true);
	json_t *j = safe ? json_string(safe) : NULL;
	free(safe);
	return j;
}
