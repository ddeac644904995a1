/* output.c - stored text made safe for the terminal and for JSON output. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/json_text.h"
#include "mi/text.h"

const char *mi_cli_text(const char *text)
{
	/* gettext("") is the catalogue's header, not an empty text. */
	return text && *text ? _(text) : text;
}

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

size_t mi_cli_column_width(size_t least, const char *const *texts, size_t count)
{
	size_t width = least;
	for (size_t i = 0; i < count; i++) {
		size_t w = texts[i] ? mi_text_width(texts[i]) : 0;
		width = w > width ? w : width;
	}
	return width;
}

int mi_cli_put_json(json_t *value, const char *what)
{
	char *text = value ? json_dumps(value, JSON_COMPACT) : NULL;
	json_decref(value);
	if (!text)
		/* TRANSLATORS: %s is what was being written, in English ("list",
		 * "visit"): it is only said when memory runs out. */
		return mi_cli_failf(MI_EINTERNAL, _("out of memory writing the %s."), what);
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
