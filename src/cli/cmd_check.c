/* cmd_check.c - `massage-intake check`: integrity and foreign keys of the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_database.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/store.h"

/* The lines of the store's report that say a check found nothing, shown
 * in the reader's language; a line naming a problem (SQLite's own words)
 * is shown as it is. */
static const char *const all_well[] = {
	/* TRANSLATORS: check's report: SQLite's integrity check found nothing
	 * wrong in the database. */
	N_("integrity: ok"),
	/* TRANSLATORS: check's report: every reference between records
	 * leads to a record that exists. */
	N_("foreign keys: ok"),
};

static void print_report(const char *report)
{
	while (*report) {
		size_t len = strcspn(report, "\n");
		const char *known = NULL;
		for (size_t i = 0; i < sizeof all_well / sizeof all_well[0]; i++)
			if (strlen(all_well[i]) == len && strncmp(report, all_well[i], len) == 0)
				known = _(all_well[i]);
		if (known)
			fputs(known, stdout);
		else
			fwrite(report, 1, len, stdout);
		if (report[len] == '\n') {
			putchar('\n');
			len++;
		}
		report += len;
	}
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("check takes no arguments; see massage-intake check --help."));
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	char *report = NULL;
	if (st == MI_OK)
		st = mi_app_check(store, &report, &err);
	mi_store_close(store);
	if (report)
		print_report(report);
	free(report);
	fflush(stdout);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	return 0;
}

const mi_command mi_command_check = {
	.name = "check",
	.summary = N_("check the database's integrity"),
	.usage = "check\n",
	.about = N_("Checks the database: SQLite's integrity_check over every page and\n"
		    "foreign_key_check over every reference. Prints \"integrity: ok\" and\n"
		    "\"foreign keys: ok\", or one line per problem.\n"),
	.after = N_("Exit status: 0 all ok; 64 bad command line; 66 no database yet; 74 a\n"
		    "problem was found or the file is damaged or not a database; 75 busy.\n"),
	.run = run,
};
