/* json_text.c - stored text made safe for JSON output. */
#include <jansson.h>
#include <stdlib.h>

#include "mi/cli.h"
#include "mi/text.h"

json_t *mi_cli_json_text(const char *s)
{
	if (!s)
		return json_null();
	char *safe = mi_text_sanitize(s, true);
	json_t *j = safe ? json_string(safe) : NULL;
	free(safe);
	return j;
}
