/* cmd_therapist.c - `massage-intake therapist add|list|disable`: the
 * clinic's accounts. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_accounts.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/pin.h"
#include "mi/store.h"
#include "mi/store_therapists.h"
#include "mi/text.h"

/* `therapist list`. */
static int list(mi_cli *cli)
{
	mi_error err;
	mi_store *store = NULL;
	mi_account_list accounts = {0};
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = mi_store_accounts(store, false, &accounts, &err);
	if (st == MI_OK)
		mi_cli_audit_view(store, "list", "therapists", 0);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	if (accounts.count == 0)
		fputs(_("No accounts yet; add the owner with \"massage-intake therapist add NAME\".\n"),
		      stdout);
	/* TRANSLATORS: therapist list: the account is the clinic's owner. */
	const char *owner = P_("account", "owner");
	/* TRANSLATORS: therapist list: the account may sign in. */
	const char *active = P_("account", "active");
	/* TRANSLATORS: therapist list: the account can no longer sign in. */
	const char *disabled = P_("account", "disabled");
	size_t owner_width = mi_text_width(owner) + 2 > 7 ? mi_text_width(owner) + 2 : 7;
	for (size_t i = 0; i < accounts.count; i++) {
		const mi_account *a = &accounts.items[i];
		mi_cli_put_padded(a->name, 24);
		/* The role is a keyword (what --role takes). */
		printf(" %-11s", mi_role_name(a->role));
		mi_cli_put_padded(a->owner ? owner : "", owner_width);
		puts(a->active ? active : disabled);
	}
	mi_account_list_clear(&accounts);
	return 0;
}

/* `therapist add NAME [--role ROLE]`. */
static int add(mi_cli *cli, const char *name, mi_role role)
{
	char pin[64] = "", again[64] = "";
	mi_error err;
	mi_store *store = NULL;
	/* The owner's PIN (--as) comes before the new one. */
	mi_status st = mi_cli_open_store(cli, MI_STORE_CREATE, &store, &err);
	if (st == MI_OK)
		st = mi_cli_read_pin(_("New PIN (4 to 12 digits): "), pin, sizeof pin, &err);
	if (st == MI_OK && isatty(STDIN_FILENO)) {
		st = mi_cli_read_pin(_("The same PIN again: "), again, sizeof again, &err);
		if (st == MI_OK && strcmp(pin, again) != 0)
			st = mi_error_set(&err, MI_EUSAGE, _("the two PINs differ; nothing changed."));
	}
	bool owner = false;
	if (st == MI_OK && !mi_pin_valid(pin))
		st = mi_error_set(&err, MI_EDATA,
				  _("the PIN must be %d to %d digits, and digits only; nothing changed."),
				  MI_PIN_MIN, MI_PIN_MAX);
	if (st == MI_OK)
		st = mi_app_account_add(store, mi_cli_who(cli), name, role, pin, &owner, &err);
	explicit_bzero(pin, sizeof pin);
	explicit_bzero(again, sizeof again);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	if (owner)
		/* TRANSLATORS: the account's name, then its role (therapist or
		 * front-desk, a keyword kept as is). */
		printf(_("%s is added as %s, the clinic's owner.\n"), name, mi_role_name(role));
	else
		/* TRANSLATORS: the account's name, then its role (therapist or
		 * front-desk, a keyword kept as is). */
		printf(_("%s is added as %s.\n"), name, mi_role_name(role));
	return 0;
}

/* `therapist disable NAME`. */
static int disable(mi_cli *cli, const char *name)
{
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = mi_app_account_disable(store, mi_cli_who(cli), name, &err);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	printf(_("%s can no longer sign in.\n"), name);
	return 0;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	const char *role_text = mi_cli_value(args, 'r');
	int rest = args->operand_count;
	const char *action = rest > 0 ? args->operands[0] : "";
	const char *name = rest > 1 ? args->operands[1] : NULL;
	mi_role role = MI_ROLE_THERAPIST;
	if (role_text && (strcmp(action, "add") != 0 || !mi_role_parse(role_text, &role)))
		return mi_cli_failf(MI_EUSAGE,
				    _("--role goes with \"therapist add\" and is therapist or front-desk."));
	if (strcmp(action, "list") == 0 && rest == 1)
		return list(cli);
	if (strcmp(action, "add") == 0 && rest == 2)
		return add(cli, name, role);
	if (strcmp(action, "disable") == 0 && rest == 2)
		return disable(cli, name);
	return mi_cli_failf(MI_EUSAGE, _("therapist takes add NAME, list or disable NAME; see "
					 "massage-intake therapist --help."));
}

const mi_command mi_command_therapist = {
	.name = "therapist",
	.summary = N_("add, list or disable the accounts of the clinic's people"),
	.usage = "therapist add NAME [--role therapist|front-desk]\n"
		 "       massage-intake therapist list\n"
		 "       massage-intake therapist disable NAME\n"
		 "Once the clinic has an account, add and disable need the owner:\n"
		 "       massage-intake --as OWNER therapist add|disable NAME\n",
	.about = N_("Each person at the clinic has an account: a name and a PIN of their own.\n"
		    "The audit log names the person who signed in, and the role decides what\n"
		    "they may do: a therapist writes session notes and follow-up plans; front\n"
		    "desk looks after clients, intakes, printing and the review queue, and\n"
		    "cannot write session notes.\n"
		    "\n"
		    "  add NAME      adds an account (default role: therapist). The first account\n"
		    "                is the clinic's owner; after it, only the owner adds accounts\n"
		    "                (--as OWNER, whose PIN comes first). The new PIN is asked\n"
		    "                twice on a terminal, else read as one line of standard input.\n"
		    "  list          the accounts, their role, owner and whether they are active\n"
		    "  disable NAME  the account can no longer sign in (the owner only; the owner\n"
		    "                cannot be disabled); its name stays in the audit log and notes\n"),
	.options = (const mi_cli_option[]){
		{"role", 'r', "ROLE", N_("therapist (the default) or front-desk, for add")},
		{0},
	},
	.after = N_("Exit status: 0 done; 64 bad command line or the two PINs differ; 65 a name\n"
		    "or PIN that cannot be used, or a name taken; 66 no database yet (list,\n"
		    "disable); 67 no such account; 77 not signed in as the owner, or a wrong PIN.\n"),
	.run = run,
};
