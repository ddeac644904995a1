/* cmd_settings.c - `massage-intake settings [KEY [VALUE | --unset]]`: the
 * settings in force, through the one table of settings.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_aftercare.h"
#include "mi/app_settings.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/text.h"

/* What a setting accepts and its default, for the help. */
static void describe(const mi_setting_def *def, char *buf, size_t size)
{
	switch (def->type) {
	case MI_SETTING_TEXT:
		/* TRANSLATORS: what a text setting accepts, in --help: its
		 * shortest and longest length, then its default. */
		snprintf(buf, size, _("text, %ld to %ld bytes; default \"%s\""), def->min, def->max,
			 def->default_value);
		break;
	case MI_SETTING_CHOICE:
		/* TRANSLATORS: the two values a setting accepts (a4, letter),
		 * kept as typed. */
		snprintf(buf, size, _("%s or %s; default: the locale's"), def->choices[0],
			 def->choices[1]);
		break;
	case MI_SETTING_INTEGER:
		/* TRANSLATORS: "10 to 3600 seconds; default 180": the range, the
		 * unit (translated on its own) and the default. */
		snprintf(buf, size, _("%ld to %ld %s; default %s"), def->min, def->max,
			 mi_setting_unit_words(def), def->default_value);
		break;
	case MI_SETTING_PERIOD:
		/* TRANSLATORS: d, w, m and y are typed as they are (days, weeks,
		 * months, years). */
		snprintf(buf, size, "%s", _("a number and d, w, m or y; default: none"));
		break;
	case MI_SETTING_PHONE:
		snprintf(buf, size,
			 _("digits, spaces and + - ( ) ., %ld to %ld characters; default: none"),
			 def->min, def->max);
		break;
	}
}

/* The settings, what each accepts and its default, for --help. */
static void settings_help(const mi_cli *cli, FILE *out)
{
	(void)cli;
	fprintf(out, "\n%s\n", _("Settings:"));
	for (size_t key = 0; key < MI_SETTING_COUNT; key++) {
		const mi_setting_def *def = mi_setting_def_of(key);
		char accepts[160];
		describe(def, accepts, sizeof accepts);
		fprintf(out, "  %-22s %s\n  %-22s (%s)\n", def->name, _(def->meaning), "", accepts);
	}
}

/* Prints "KEY VALUE" for the value in force, with where it came from. */
static void print_setting(const mi_settings *s, mi_setting_key key)
{
	char buf[24];
	const char *value = key == MI_SETTING_PAPER && !s->paper ? mi_paper_name(mi_app_paper(s))
								 : mi_settings_text(s, key, buf);
	char *safe = mi_text_sanitize(value ? value : "", false);
	printf("%-22s %s", mi_setting_def_of(key)->name, safe ? safe : "?");
	free(safe);
	mi_error refusal;
	if (mi_settings_refusal(s, key, &refusal) != MI_OK) {
		safe = mi_text_sanitize(refusal.message, false);
		/* TRANSLATORS: after a setting's name and value: the value
		 * stored in the database is refused (the reason), so the default
		 * is in force. */
		printf(_(" (default; the stored value is refused: %s)"), safe ? safe : "?");
		free(safe);
	} else if (s->origin[key] == MI_SETTING_DEFAULT) {
		/* TRANSLATORS: after a setting's name and value: it is not set. */
		fputs(_(" (default)"), stdout);
	}
	putchar('\n');
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	int count = args->operand_count;
	char **given = args->operands; /* KEY, VALUE */
	if (count > 2)
		return mi_cli_failf(MI_EUSAGE, _("settings takes at most KEY and VALUE; see massage-intake settings --help."));
	const mi_setting_def *chosen = NULL;
	if (count >= 1) {
		chosen = mi_setting_find(given[0]);
		if (!chosen && strcmp(given[0], "kiosk_pin_hash") == 0)
			return mi_cli_failf(MI_EUSAGE, _("PINs are set with massage-intake set-pin and therapist add."));
		if (!chosen)
			return mi_cli_failf(MI_EUSAGE, _("unknown setting \"%s\"; see massage-intake settings --help."),
					    given[0]);
	}
	mi_error err;
	const char *value = count == 2 ? given[1] : NULL;
	bool unset = value && strcmp(value, "--unset") == 0;
	if (value && !unset && mi_setting_check(chosen, value, &err) != MI_OK)
		return mi_cli_fail(&err);

	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, value ? MI_STORE_CREATE : 0, &store, &err);
	mi_settings in_force = {0};
	if (st == MI_OK && value)
		st = mi_app_setting_set(store, chosen, unset ? NULL : value, &err);
	else if (st == MI_OK)
		st = mi_app_settings_load(store, &in_force, &err);
	mi_store_close(store);
	for (size_t key = 0; st == MI_OK && !value && key < MI_SETTING_COUNT; key++)
		if (!chosen || chosen->key == (mi_setting_key)key)
			print_setting(&in_force, key);
	mi_settings_clear(&in_force);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	return fflush(stdout) == 0 ? 0 : MI_EIO;
}

const mi_command mi_command_settings = {
	.name = "settings",
	.summary = N_("show or change the clinic's settings"),
	.usage = "settings [KEY [VALUE | --unset]]\n",
	.about = N_("Without KEY, lists every setting with the value in force: \"(default)\"\n"
		    "follows a value that is not set, and a stored value this program refuses\n"
		    "(one written into the database by hand) is named, with the default used\n"
		    "instead. With KEY alone, prints that line. With a VALUE, sets it (a value\n"
		    "that does not fit is refused and nothing changes); --unset goes back to\n"
		    "the default. A running kiosk or front desk takes up a new timeout within\n"
		    "a few seconds.\n"),
	.more_help = settings_help,
	.after = N_("The therapist PIN is set with massage-intake set-pin and never shown.\n"
		    "Exit status: 0 done; 64 bad command line or unknown setting; 65 a value\n"
		    "that does not fit the setting; 74 the database cannot be used.\n"),
	.raw_operands = true,
	.run = run,
};
