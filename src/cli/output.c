/* output.c - stored text made safe for the terminal and for JSON output. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "mi/cli.h"
#include "mi/json_text.h"
#include "mi/text.h"

json_t *mi_cli_json_text(const char *s)
{
	return mi_json_text(s);
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
