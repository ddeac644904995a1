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

int mi_cli_put_json(json_t *value, const char *what)
{
	char *text = value ? json_dumps(value, JSON_COMPACT) : NULL;
	json_decref(value);
	if (!text)
		return mi_cli_failf(MI_EINTERNAL, "out of memory writing the %s.", what);
	puts(text);
	free(text);
	return 0;
}

json_t *mi_cli_json_append(json_t *array, json_t *item)
{
	if (!array) {
		json_decref(item);
		return NULL;
	}
	/* json_array_append_new takes item, also when it fails. */
	if (!item || json_array_append_new(array, item) != 0) {
		json_decref(array);
		return NULL;
	}
	return array;
}
