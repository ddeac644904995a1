/* i18n.h - the program's own words in the reader's language (GNU gettext),
 * and the one switch between the desk's language and a client's.
 *
 * Mark a string with _("...") where it is used, N_("...") where it only
 * sits in a table (translate it with _() when shown), and P_("context",
 * "...") when the same English word needs different translations (a short
 * "No" of a yes/no answer and "No" as a word of a list; NP_ in a table).
 * xgettext collects
 * them into po/massage-intake.pot (po/README.md).
 *
 * The language: glibc's gettext reads LANGUAGE only when the messages
 * locale is not "C", and this machine (like a fresh Debian) has no locale
 * but C and C.UTF-8 generated, so LANG=es_ES.UTF-8 alone gives "C" and no
 * translation. mi_i18n_init therefore puts the messages locale on C.UTF-8
 * when it would be C, takes the desk's language from the environment
 * (LANGUAGE, else LC_ALL, LC_MESSAGES, LANG) and says it to gettext
 * through LANGUAGE. mi_i18n_use switches to a client's language and back;
 * docs/translations.md has the measurements.
 */
#ifndef MI_I18N_H
#define MI_I18N_H

#include <libintl.h>
#include <stddef.h>

#define MI_TEXT_DOMAIN "massage-intake"

#define _(text) dgettext(MI_TEXT_DOMAIN, text)
#define N_(text) text
#define P_(context, text) mi_pgettext(context "\004" text, text)
/* Marks text in context for xgettext where it sits in a table; translate
 * it with mi_pgettext_in when shown. */
#define NP_(context, text) text

/* The translation of text in context (keyed "context\004text"), or text. */
const char *mi_pgettext(const char *keyed, const char *text);

/* The same for a context and a text not known until run time. */
const char *mi_pgettext_in(const char *context, const char *text);

/* A language the kiosk offers: its code ("es", "fr_CA"; "en" for the
 * program's own English) and its name in itself ("Español"). */
typedef struct mi_language {
	const char *code;
	const char *name;
} mi_language;

/* The languages shipped, English first; count set. */
const mi_language *mi_languages(size_t *count);

/* The shipped language with this code, or NULL. */
const mi_language *mi_language_find(const char *code);

/* Sets the locale from the environment, binds the text domain to
 * locale_dir (NULL: gettext's default) and makes the desk's language the
 * one in use. Call once at start, before any translated word. */
void mi_i18n_init(const char *locale_dir);

/* The desk's language from the environment: a code such as "es" or
 * "fr_CA", or "en" when it is English or C. Owned here. */
const char *mi_i18n_desk_language(void);

/* Makes lang the language of the words that follow ("en" or NULL: the
 * desk's language). */
void mi_i18n_use(const char *lang);

/* The language in use: a code, "en" for English. Owned here. */
const char *mi_i18n_language(void);

#endif
