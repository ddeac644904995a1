/* output.c - stored text made safe for the terminal and for JSON output. */
#include <jansson.h>
#include <stdio.h>
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

void mi_cli_put_padded(const char *s, size_t width)
{
	char *safe = mi_text_sanitize(s ? s : "-", false);
	const char *text = safe ? safe : "?";
	size_t used = mi_text_width(text);
	fputs(text, stdout);
	for (; used < width; used++)
		putchar(' ');
	free(safe);
}
