/* i18n.c - gettext set-up and the switch between the desk's language and
 * a client's (i18n.h). */
#include "mi/i18n.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const mi_language languages[] = {
	{"en", "English"},
	{"es", "Español"},
	{"fr_CA", "Français"},
};

/* "es_ES" from "es_ES.UTF-8@euro:fr"; "en" for C, POSIX and English. */
static char desk_language[32] = "en";
static char language_in_use[32] = "en";
/* The environment's language list as it was at start ("fr_CA:fr"), before
 * mi_i18n_use set LANGUAGE. */
static char desk_list[128] = "en";

const mi_language *mi_languages(size_t *count)
{
	*count = sizeof languages / sizeof languages[0];
	return languages;
}

const mi_language *mi_language_find(const char *code)
{
	for (size_t i = 0; code && i < sizeof languages / sizeof languages[0]; i++)
		if (strcmp(languages[i].code, code) == 0)
			return &languages[i];
	return NULL;
}

const char *mi_pgettext(const char *keyed, const char *text)
{
	const char *found = dgettext(MI_TEXT_DOMAIN, keyed);
	return found == keyed ? text : found;
}

const char *mi_pgettext_in(const char *context, const char *text)
{
	size_t n = strlen(context) + 1 + strlen(text) + 1;
	char *keyed = malloc(n);
	if (!keyed)
		return text;
	snprintf(keyed, n, "%s\004%s", context, text);
	const char *found = mi_pgettext(keyed, text);
	free(keyed);
	return found;
}

/* The first language named by the environment, as gettext reads it. */
static const char *environment_language(void)
{
	const char *names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *value = getenv(names[i]);
		if (value && *value)
			return value;
	}
	return "";
}

/* Copies the first entry of a LANGUAGE list or a locale name, without its
 * codeset and modifier, into out ("en" for C, POSIX or nothing). */
static void language_code(const char *name, char *out, size_t size)
{
	size_t len = strcspn(name, ":.@");
	if (len == 0 || len >= size || strncmp(name, "C", len) == 0 ||
	    strncmp(name, "POSIX", len) == 0 || strncmp(name, "en", 2) == 0) {
		strcpy(out, "en");
		return;
	}
	memcpy(out, name, len);
	out[len] = '\0';
}

void mi_i18n_init(const char *locale_dir)
{
	setlocale(LC_ALL, "");
	/* gettext ignores LANGUAGE under the C messages locale; C.UTF-8 is
	 * built into glibc, so it is there even where no locale is made. */
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	const char *list = environment_language();
	language_code(list, desk_language, sizeof desk_language);
	if (strcmp(desk_language, "en") != 0 && strlen(list) < sizeof desk_list)
		strcpy(desk_list, list);
	if (locale_dir)
		bindtextdomain(MI_TEXT_DOMAIN, locale_dir);
	/* The words are UTF-8 whatever LC_CTYPE says (the terminal and the PDF
	 * want UTF-8; an ASCII LC_CTYPE would turn every accent into '?'). */
	bind_textdomain_codeset(MI_TEXT_DOMAIN, "UTF-8");
	mi_i18n_use(NULL);
}

const char *mi_i18n_desk_language(void)
{
	return desk_language;
}

void mi_i18n_use(const char *lang)
{
	if (!lang || !*lang)
		lang = desk_language;
	if (strlen(lang) >= sizeof language_in_use)
		lang = "en";
	strcpy(language_in_use, lang);
	/* LANGUAGE names the catalogue; the desk's own list is kept whole
	 * ("fr_CA:fr") so gettext falls back the way the user asked. */
	setenv("LANGUAGE", lang == desk_language ? desk_list : lang, 1);
	/* Setting the text domain makes gettext drop what it looked up in the
	 * language before. */
	textdomain(MI_TEXT_DOMAIN);
}

const char *mi_i18n_language(void)
{
	return language_in_use;
}
