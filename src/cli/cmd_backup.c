/* cmd_backup.c - `massage-intake backup FILE`: a checked copy of the database. */
#include <stdio.h>
#include <stdlib.h>

#include "mi/app_database.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/store.h"
#include "mi/text.h"

static int run(mi_cli *cli, const mi_cli_args *args)
{
	/* TRANSLATORS: the end of "backup needs one FILE to write; see massage-intake
	 * backup --help.", translated on its own. */
	const char *dest = mi_cli_one_file(args, N_("one FILE to write"));
	if (!dest)
		return MI_EUSAGE;

	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = mi_app_backup(store, dest, &err);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	char *safe = mi_text_sanitize(dest, false);
	printf(_("backup written to %s\n"), safe ? safe : "?");
	free(safe);
	return fflush(stdout) == 0 ? 0 : MI_EIO;
}

const mi_command mi_command_backup = {
	.name = "backup",
	.summary = N_("write a checked copy of the database"),
	.usage = "backup FILE\n",
	.about = N_("Copies the database, while it is in use, into FILE (mode 0600) with\n"
		    "SQLite's backup API, checks the copy with integrity_check and only then\n"
		    "puts it in place (replacing FILE if it exists). Keep backups somewhere\n"
		    "as private as the database: they hold health information.\n"),
	.after = N_("Exit status: 0 written; 64 bad command line; 66 no database yet;\n"
		    "73 the copy cannot be written or did not check out; 74 the database\n"
		    "cannot be read; 75 it stayed busy, try again.\n"),
	.run = run,
};
