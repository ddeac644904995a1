/* cmd_restore.c - `massage-intake restore FILE`: put a backup back in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_database.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/store.h"
#include "mi/text.h"

static int run(mi_cli *cli, const mi_cli_args *args)
{
	/* TRANSLATORS: the end of "restore needs one backup FILE; see massage-intake
	 * restore --help.", translated on its own. */
	const char *source = mi_cli_one_file(args, N_("one backup FILE"));
	if (!source)
		return MI_EUSAGE;
	int rc = 0;
	mi_error err;
	char *db_path = mi_cli_db_path(cli, &err);
	if (!db_path)
		return mi_cli_fail(&err);
	char *kept = NULL;
	mi_status st = mi_app_restore(db_path, source, "cli", &kept, &err);
	if (st != MI_OK) {
		rc = mi_cli_fail(&err);
	} else {
		char *safe_db = mi_text_sanitize(db_path, false), *safe_src = mi_text_sanitize(source, false);
		char *safe_kept = kept ? mi_text_sanitize(kept, false) : NULL;
		/* TRANSLATORS: the database's file, then the backup's. */
		printf(_("restored the database %s from %s\n"), safe_db ? safe_db : "",
		       safe_src ? safe_src : "");
		size_t n = safe_kept ? strlen(safe_kept) : 0;
		if (n > 4 && strcmp(safe_kept + n - 4, "-wal") == 0)
			/* TRANSLATORS: "-wal" is the end of a file's name (SQLite's
			 * write-ahead log): keep it. */
			printf(_("a leftover -wal file that did not belong to it was moved aside to %s\n"),
			       safe_kept);
		else if (safe_kept)
			printf(_("the database it replaced was kept as %s\n"), safe_kept);
		free(safe_db);
		free(safe_src);
		free(safe_kept);
		if (fflush(stdout) != 0)
			rc = MI_EIO;
	}
	free(kept);
	free(db_path);
	return rc;
}

const mi_command mi_command_restore = {
	.name = "restore",
	.summary = N_("put a backup in place of the database (the old one is kept)"),
	.usage = "restore FILE\n",
	.about = N_("Puts the backup FILE (written by massage-intake backup) in place of the\n"
		    "database. FILE is checked first: a massage-intake database of this\n"
		    "version or an older one (brought up to date), SQLite's integrity_check\n"
		    "and foreign_key_check. The database it replaces is kept beside it as\n"
		    "DATABASE.before-restore-YYYYMMDD-HHMMSS (with its -wal file when it had\n"
		    "one), so nothing is lost. Close the front desk and every kiosk first: the\n"
		    "restore waits up to 5 seconds for the database to be free, then gives up\n"
		    "without changing anything. See docs/RELIABILITY.md.\n"),
	.after = N_("Exit status: 0 restored; 64 bad command line; 65 FILE is not a usable\n"
		    "backup (damaged, newer, another program's); 66 FILE is missing; 73 the\n"
		    "restored copy cannot be written; 74 the database cannot be replaced\n"
		    "(read-only, not a massage-intake database); 75 it is in use, try again.\n"),
	.run = run,
};
