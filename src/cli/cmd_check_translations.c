/* cmd_check_translations.c - `massage-intake check-translations [LANG]`:
 * what is missing or stale in a language, for the program's own words (the
 * compiled catalogue against the template) and the data overlays (against
 * the data files in use). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/aftercare.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/intake.h"
#include "mi/pot.h"
#include "mi/text.h"
#include "mi/translation.h"

typedef struct checking {
	const char *lang;
	const char *file;   /* the data file the overlay translates */
	const char *path;   /* the overlay's own path, for FILE:LINE */
	const mi_overlay_source *source;
	size_t problems;
} checking;

/* One message of the template: not translated when the catalogue gives
 * back the English. */
static void check_message(void *context, const char *msgctxt, const char *msgid)
{
	checking *c = context;
	const char *found = msgctxt ? mi_pgettext_in(msgctxt, msgid) : dgettext(MI_TEXT_DOMAIN, msgid);
	if (found != msgid)
		return;
	char *shown = mi_text_sanitize(msgid, false);
	/* Said in the desk's language, not in the one being checked. */
	mi_i18n_use(NULL);
	if (msgctxt)
		/* TRANSLATORS: check-translations: the language's code, the
		 * message's context and the message itself (English, quoted). */
		printf(_("%s: program: (%s) \"%s\" is not translated\n"), c->lang, msgctxt,
		       shown ? shown : msgid);
	else
		/* TRANSLATORS: check-translations: the language's code and a
		 * message of the program (English, quoted). */
		printf(_("%s: program: \"%s\" is not translated\n"), c->lang, shown ? shown : msgid);
	mi_i18n_use(c->lang);
	free(shown);
	c->problems++;
}

/* The program's own words: every message of the template against the
 * catalogue of c->lang. */
static mi_status check_program(const mi_cli *cli, checking *c, mi_error *err)
{
	char *path = mi_cli_data_file(cli, "massage-intake.pot", err);
	char *text = NULL;
	size_t len = 0;
	mi_status st = path ? mi_conf_read_file(path, &text, &len, err) : err->status;
	if (st == MI_OK) {
		mi_i18n_use(c->lang);
		st = mi_pot_parse(text, len, path, check_message, c, err);
		mi_i18n_use(NULL);
	}
	free(text);
	free(path);
	return st;
}

static void report(void *context, mi_overlay_problem problem, const char *kind, const char *id,
		   const char *field, size_t line)
{
	checking *c = context;
	char where[600];
	if (line)
		snprintf(where, sizeof where, "%s:%zu", c->path, line);
	else
		snprintf(where, sizeof where, "%s", c->path);
	char fp[MI_OVERLAY_FINGERPRINT_SIZE];
	mi_overlay_source_fingerprint(c->source, kind, id, fp);
	/* "[kind id]" or "[kind id] field": ids, not words. */
	char entry[400];
	snprintf(entry, sizeof entry, "[%s %s]%s%s", kind, id, field ? " " : "", field ? field : "");
	/* TRANSLATORS (the four check-translations lines that follow): the
	 * language's code, FILE:LINE of its overlay, then the entry as
	 * "[kind id]" or "[kind id] field", all kept as they are. */
	switch (problem) {
	case MI_OVERLAY_MISSING:
		if (field)
			printf(_("%s: %s: %s is not translated\n"), c->lang, where, entry);
		else
			/* TRANSLATORS: the last %s is the fingerprint to put in the
			 * overlay's "source" line. */
			printf(_("%s: %s: %s is missing (source = %s)\n"), c->lang, where, entry, fp);
		break;
	case MI_OVERLAY_STALE:
		/* TRANSLATORS: then the data file's name and the fingerprint to put
		 * in the overlay's "source" line once translated again. */
		printf(_("%s: %s: %s is stale: its English in %s changed (source = %s once "
			 "translated again)\n"),
		       c->lang, where, entry, c->file, fp);
		break;
	case MI_OVERLAY_NO_LONGER:
		/* TRANSLATORS: then the data file's name. */
		printf(_("%s: %s: %s is no longer in %s\n"), c->lang, where, entry, c->file);
		break;
	}
	c->problems++;
}

/* One data overlay against the English entries. */
static mi_status check_overlay(const mi_cli *cli, checking *c, mi_translated_file file,
			       const mi_overlay *overlay, const mi_overlay_source *source,
			       mi_error *err)
{
	char *path = mi_cli_overlay_file(cli, c->lang, file, err);
	if (!path)
		return err->status;
	c->file = mi_translated_file_names[file];
	c->path = path;
	c->source = source;
	mi_overlay_check(overlay, source, report, c);
	free(path);
	return MI_OK;
}

/* The English entries of the three data files in use. */
static mi_status english_sources(const mi_cli *cli, mi_overlay_source *sources[MI_TRANSLATED_COUNT],
				 mi_error *err)
{
	mi_ruleset *rules = NULL;
	mi_aftercare_template *tpl = NULL;
	mi_status st = mi_cli_load_rules(cli, &rules, err);
	if (st == MI_OK)
		st = mi_cli_load_aftercare(cli, &tpl, err);
	for (int f = 0; st == MI_OK && f < MI_TRANSLATED_COUNT; f++)
		if (!(sources[f] = mi_overlay_source_new()))
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	if (st == MI_OK &&
	    !(mi_intake_source(mi_ruleset_intake(rules), sources[MI_TRANSLATED_INTAKE]) &&
	      mi_ruleset_source(rules, sources[MI_TRANSLATED_RULES]) &&
	      mi_aftercare_template_source(tpl, sources[MI_TRANSLATED_AFTERCARE])))
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_aftercare_template_free(tpl);
	mi_ruleset_free(rules);
	return st;
}

static mi_status check_language(const mi_cli *cli, const char *lang,
				mi_overlay_source *const sources[MI_TRANSLATED_COUNT], size_t *problems,
				mi_error *err)
{
	mi_translation t;
	mi_status st = mi_cli_load_translation(cli, lang, &t, err);
	checking c = {.lang = lang};
	if (st == MI_OK)
		st = check_program(cli, &c, err);
	for (int f = 0; st == MI_OK && f < MI_TRANSLATED_COUNT; f++)
		st = check_overlay(cli, &c, (mi_translated_file)f, t.overlays[f], sources[f], err);
	mi_translation_clear(&t);
	if (st == MI_OK && c.problems)
		/* TRANSLATORS: check-translations' last line for a language: its
		 * code and how many entries are left to translate. */
		printf(dngettext(MI_TEXT_DOMAIN, "%s: %zu to translate\n", "%s: %zu to translate\n",
				 c.problems),
		       lang, c.problems);
	else if (st == MI_OK)
		/* TRANSLATORS: check-translations' last line for a language with
		 * nothing left to translate: its code. */
		printf(_("%s: complete\n"), lang);
	*problems += c.problems;
	return st;
}

/* --template FILE: the whole overlay of FILE for lang, to translate. */
static int print_template(const mi_cli *cli, const char *lang, const char *file,
			  mi_overlay_source *const sources[MI_TRANSLATED_COUNT])
{
	int f = 0;
	while (f < MI_TRANSLATED_COUNT && strcmp(mi_translated_file_names[f], file) != 0)
		f++;
	if (f == MI_TRANSLATED_COUNT)
		return mi_cli_failf(MI_EUSAGE,
				    _("--template takes intake.conf, rules.conf or aftercare.conf, not \"%s\"."),
				    file);
	mi_error err;
	mi_translation t;
	if (mi_cli_load_translation(cli, lang, &t, &err) != MI_OK)
		return mi_cli_fail(&err);
	char *text = mi_overlay_template(t.overlays[f], sources[f], lang, file);
	mi_translation_clear(&t);
	if (!text)
		return mi_cli_failf(MI_EINTERNAL, _("out of memory."));
	fputs(text, stdout);
	free(text);
	return fflush(stdout) == 0 ? 0 : mi_cli_failf(MI_EIO, _("cannot write the template."));
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	const char *template_file = mi_cli_value(args, 't');
	if (template_file && args->operand_count != 1)
		return mi_cli_failf(MI_EUSAGE, _("--template needs the language, as in "
						 "check-translations es --template rules.conf."));
	if (args->operand_count > 1)
		return mi_cli_failf(MI_EUSAGE,
				    _("check-translations takes at most one language; see "
				      "massage-intake check-translations --help."));
	if (args->operand_count == 1 && (!mi_cli_language_code_valid(args->operands[0]) ||
					 strcmp(args->operands[0], "en") == 0))
		return mi_cli_failf(MI_EUSAGE,
				    _("\"%s\" is not a language to check; give a code such as es or fr_CA."),
				    args->operands[0]);
	mi_error err;
	mi_overlay_source *sources[MI_TRANSLATED_COUNT] = {0};
	mi_status st = english_sources(cli, sources, &err);
	if (st == MI_OK && template_file) {
		int rc = print_template(cli, args->operands[0], template_file, sources);
		for (int f = 0; f < MI_TRANSLATED_COUNT; f++)
			mi_overlay_source_free(sources[f]);
		return rc;
	}
	size_t problems = 0, count = 0;
	const mi_language *languages = mi_languages(&count);
	if (args->operand_count == 1)
		st = st == MI_OK ? check_language(cli, args->operands[0], sources, &problems, &err) : st;
	else
		for (size_t i = 1; st == MI_OK && i < count; i++) /* [0] is English */
			st = check_language(cli, languages[i].code, sources, &problems, &err);
	for (int f = 0; f < MI_TRANSLATED_COUNT; f++)
		mi_overlay_source_free(sources[f]);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	if (fflush(stdout) != 0)
		return mi_cli_failf(MI_EIO, _("cannot write the list."));
	return problems ? MI_EDATA : 0;
}

const mi_command mi_command_check_translations = {
	.name = "check-translations",
	.summary = N_("what is missing or out of date in a language's translation"),
	.usage = "check-translations [LANG]\n"
		 "         check-translations LANG --template intake.conf|rules.conf|aftercare.conf\n",
	.about = N_("Lists every word of a language still to translate: the program's own\n"
		    "(its gettext catalogue against the template massage-intake.pot: not\n"
		    "translated, or fuzzy) and those of the data files (data/lang/LANG/\n"
		    "intake.conf, rules.conf and aftercare.conf against the files in use: an\n"
		    "entry missing, one no longer in the file, one whose English changed since\n"
		    "it was translated). LANG is a code such as es or fr_CA; without it every\n"
		    "language shipped is checked. One line per problem, FILE:LINE where there\n"
		    "is one, then \"LANG: complete\" or \"LANG: N to translate\". How to add\n"
		    "a language: docs/translations.md.\n"),
	.options = (const mi_cli_option[]){
		{"template", 't', "FILE",
		 N_("print the whole overlay of FILE for LANG: every entry\n"
		    "with its source line, translated where the overlay in\n"
		    "use is up to date, else in English marked TRANSLATE")},
		{NULL, 0, NULL, NULL},
	},
	.after = N_("Exit status: 0 every language checked is complete; 65 something is left\n"
		    "to translate, or a data file is broken; 64 bad command line.\n"),
	.run = run,
};
