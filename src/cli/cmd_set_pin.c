/* cmd_set_pin.c - `massage-intake set-pin`: the first PIN of a clinic (its
 * owner's account), or, with --as NAME, a new PIN for that account. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_accounts.h"
#include "mi/app_pin.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/pin.h"
#include "mi/store.h"
#include "mi/store_therapists.h"

/* Reads the new PIN: twice on a terminal, once from standard input. */
static mi_status read_new_pin(char *pin, char *again, size_t size, mi_error *err)
{
	mi_status st = mi_cli_read_pin(_("New PIN (4 to 12 digits): "), pin, size, err);
	if (st != MI_OK || !isatty(STDIN_FILENO))
		return st;
	st = mi_cli_read_pin(_("The same PIN again: "), again, size, err);
	if (st == MI_OK && strcmp(pin, again) != 0)
		st = mi_error_set(err, MI_EUSAGE, _("the two PINs differ; nothing changed."));
	return st;
}

/* A first PIN makes the owner account; with --as, a new PIN for that account. */
static int run(mi_cli *cli, const mi_cli_args *args)
{
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("set-pin takes no arguments; see massage-intake set-pin --help."));
	char pin[64] = "", again[64] = "";
	mi_error err;
	mi_store *store = NULL;
	mi_status st = MI_OK;
	/* With --as the current PIN comes first: the database must exist. A
	 * first PIN is checked before the database is made. */
	if (cli->as_name)
		st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = read_new_pin(pin, again, sizeof pin, &err);
	if (st == MI_OK && !mi_pin_valid(pin))
		st = mi_error_set(&err, MI_EDATA,
				  _("the PIN must be %d to %d digits, and digits only; nothing changed."),
				  MI_PIN_MIN, MI_PIN_MAX);
	if (st == MI_OK && !store) {
		st = mi_cli_open_store(cli, MI_STORE_CREATE, &store, &err);
		if (st == MI_OK)
			st = mi_store_set_actor(store, "set-pin", &err);
		if (st == MI_OK)
			st = mi_app_pin_set(store, pin, &err);
	} else if (st == MI_OK) {
		st = mi_app_account_set_pin(store, mi_cli_who(cli)->name, pin, &err);
	}
	explicit_bzero(pin, sizeof pin);
	explicit_bzero(again, sizeof again);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	if (cli->as_name)
		printf(_("The PIN of %s is changed.\n"), mi_cli_who(cli)->name);
	else
		/* TRANSLATORS: %s is the owner account's name ("owner"), kept as
		 * is: it is what --as takes. */
		printf(_("The kiosk PIN is set: it is the PIN of the owner account \"%s\".\n"),
		       MI_OWNER_ACCOUNT);
	return 0;
}

const mi_command mi_command_set_pin = {
	.name = "set-pin",
	.summary = N_("the clinic's first PIN (the owner account), or a new PIN with --as"),
	.usage = "set-pin\n"
		 "       massage-intake --as NAME set-pin\n",
	.about = N_("Without accounts yet, sets the clinic's first PIN: it becomes the owner\n"
		    "account \"owner\", a therapist, which signs in at the front desk and\n"
		    "leaves the kiosk (F12, then the PIN). With --as NAME, changes that\n"
		    "account's PIN: its current PIN comes first, then the new one.\n"
		    "A PIN is 4 to 12 digits and nothing else (a NUL byte, a letter or a\n"
		    "space is refused). On a terminal it is asked twice without echo;\n"
		    "otherwise one line is read from standard input. Only an Argon2id hash\n"
		    "of the PIN is stored, in the database.\n"),
	.after = N_("Exit status: 0 set; 64 bad command line, the two PINs differ, or the\n"
		    "clinic has accounts and --as is missing; 65 not 4 to 12 digits;\n"
		    "74 the database cannot be written; 77 a wrong name or PIN with --as.\n"),
	.run = run,
};
