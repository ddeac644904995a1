/* translations.c - loading a language's overlays of the data files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/translation.h"

bool mi_cli_language_code_valid(const char *lang)
{
	/* ll or lll, then an optional _CC: "es", "fr_CA". */
	size_t n = 0;
	while (lang[n] >= 'a' && lang[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return false;
	if (lang[n] == '\0')
		return true;
	return lang[n] == '_' && lang[n + 1] >= 'A' && lang[n + 1] <= 'Z' && lang[n + 2] >= 'A' &&
	       lang[n + 2] <= 'Z' && lang[n + 3] == '\0';
}

char *mi_cli_overlay_file(const mi_cli *cli, const char *lang, mi_translated_file file,
			  mi_error *err)
{
	char name[96];
	snprintf(name, sizeof name, "lang/%s/%s", lang, mi_translated_file_names[file]);
	return mi_cli_data_file(cli, name, err);
}

mi_status mi_cli_load_translation(const mi_cli *cli, const char *lang, mi_translation *out,
				  mi_error *err)
{
	*out = (mi_translation){0};
	if (!mi_cli_language_code_valid(lang))
		return mi_error_set(err, MI_EUSAGE,
				    _("\"%s\" is not a language code such as es or fr_CA."), lang);
	snprintf(out->lang, sizeof out->lang, "%s", lang);
	for (int f = 0; f < MI_TRANSLATED_COUNT; f++) {
		char *path = mi_cli_overlay_file(cli, lang, (mi_translated_file)f, err);
		if (!path) {
			mi_translation_clear(out);
			return err->status;
		}
		mi_status st = mi_overlay_load(path, &out->overlays[f], err);
		free(path);
		if (st == MI_ENOINPUT) {
			/* No file: the English words show. */
			mi_error_clear(err);
		} else if (st != MI_OK) {
			mi_translation_clear(out);
			return st;
		}
	}
	return MI_OK;
}

mi_status mi_cli_load_translations(const mi_cli *cli, mi_translation out[MI_CLI_LANGUAGES_MAX],
				   size_t *count, mi_error *err)
{
	size_t shipped = 0;
	const mi_language *languages = mi_languages(&shipped);
	*count = 0;
	for (size_t i = 1; i < shipped && i <= MI_CLI_LANGUAGES_MAX; i++) { /* [0] is English */
		mi_status st = mi_cli_load_translation(cli, languages[i].code, &out[*count], err);
		if (st != MI_OK) {
			mi_cli_clear_translations(out, *count);
			*count = 0;
			return st;
		}
		(*count)++;
	}
	return MI_OK;
}

void mi_cli_clear_translations(mi_translation *translations, size_t count)
{
	for (size_t i = 0; i < count; i++)
		mi_translation_clear(&translations[i]);
}
