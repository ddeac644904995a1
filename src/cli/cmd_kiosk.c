/* cmd_kiosk.c - `massage-intake kiosk`: the client self-fill kiosk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_accounts.h"
#include "mi/app_settings.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/ui_app.h"
#include "mi/ui_plain.h"

/* Runs the kiosk: needs a PIN and a terminal. */
static int run(mi_cli *cli, const mi_cli_args *args)
{
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("kiosk takes no arguments; see massage-intake kiosk --help."));
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, MI_STORE_CREATE, &store, &err);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	bool therapists = false;
	st = mi_app_accounts_exist(store, &therapists, &err);
	if (st == MI_OK && !therapists)
		st = mi_error_set(&err, MI_EUSAGE,
				  _("the kiosk needs a therapist PIN first; set one with "
				    "\"massage-intake set-pin\" or \"massage-intake therapist add NAME\"."));
	bool plain = mi_plain_wanted(cli->plain);
	if (st == MI_OK && !plain && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		st = mi_error_set(&err, MI_EUSAGE,
				  _("the kiosk needs a terminal; without one use \"massage-intake --plain "
				    "kiosk\", for scripts \"massage-intake intake --answers FILE\"."));
	mi_ruleset *rules = NULL;
	if (st == MI_OK)
		st = mi_cli_load_rules(cli, &rules, &err);
	if (st == MI_OK)
		st = mi_store_set_actor(store, "kiosk", &err);
	mi_settings settings = {0};
	if (st == MI_OK)
		st = mi_app_settings_load(store, &settings, &err);
	mi_translation translations[MI_CLI_LANGUAGES_MAX];
	size_t translation_count = 0;
	if (st == MI_OK)
		st = mi_cli_load_translations(cli, translations, &translation_count, &err);
	mi_ui_kiosk_config config = {
		.store = store,
		.rules = rules,
		.clock = cli->clock,
		.idle_seconds = (double)settings.idle_timeout_seconds,
		.resume_hours = settings.kiosk_resume_hours,
		.translations = translations,
		.translation_count = translation_count,
	};
	mi_ui_kiosk *kiosk = NULL;
	if (st == MI_OK && plain) {
		mi_plain_io io;
		mi_plain_io_init(&io, STDIN_FILENO, stdout);
		st = mi_plain_kiosk_run(&config, &io, &err);
		mi_plain_io_clear(&io);
	} else if (st == MI_OK) {
		kiosk = mi_ui_kiosk_new(&config);
		mi_ui_options options = {.kiosk = true};
		st = kiosk ? mi_ui_run(mi_ui_kiosk_screen(kiosk), &options, &err)
			   : mi_error_set(&err, MI_EINTERNAL, _("out of memory."));
	}
	mi_ui_kiosk_free(kiosk);
	mi_cli_clear_translations(translations, translation_count);
	mi_settings_clear(&settings);
	mi_ruleset_free(rules);
	mi_store_close(store);
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}

const mi_command mi_command_kiosk = {
	.name = "kiosk",
	.summary = N_("the client self-fill kiosk (leave with F12 and the PIN)"),
	.usage = "kiosk\n",
	.about = N_("Runs the client self-fill kiosk: a client types their name and date of\n"
		 "birth and answers the intake questions; every answer is saved as it is\n"
		 "given, and an interrupted intake resumes. No key leaves the kiosk except\n"
		 "F12 (or Ctrl-T) followed by the therapist PIN. It refuses to start until\n"
		 "a PIN is set with \"massage-intake set-pin\". After idle_timeout_seconds\n"
		 "(a setting, 180 by default) without a key it goes back to its welcome page.\n"
		 "On the welcome page the client picks a language with one key (F2 English,\n"
		 "F3 Español, F4 Français); the questions, the messages and the printed\n"
		 "aftercare are then in it, and the next client starts in the desk's language.\n"
		 "With --plain (or MASSAGE_INTAKE_PLAIN=1) it runs as lines instead, with no\n"
		 "cursor addressing, for screen readers, braille displays and TERM=dumb: each\n"
		 "question is printed, the answer typed and Enter pressed; choices by number\n"
		 "(\"1, 4\" for several), ? help, < back; F12 or Ctrl-T then Enter, and the PIN,\n"
		 "leave. The languages are offered first there, by number (1 English, 2\n"
		 "Español, 3 Français). Through a pipe, the end of the input ends it.\n"),
	.after = N_("Exit status: 0 left with the PIN (with --plain: or the input ended); 64 no\n"
		    "PIN set or no terminal; 74 the database cannot be opened.\n"),
	.run = run,
};
