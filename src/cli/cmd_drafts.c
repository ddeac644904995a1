/* cmd_drafts.c - `massage-intake drafts`: the unfinished intakes, and
 * discarding one. */
#include <stdio.h>
#include <unistd.h>

#include "mi/app_records.h"
#include "mi/cli.h"

static int discard(const mi_cli *cli, long long visit_id, bool yes)
{
	if (!yes && !isatty(STDIN_FILENO))
		return mi_cli_failf(MI_EUSAGE, "drafts --discard asks for confirmation on a terminal; "
					       "give --yes to discard visit %lld without asking.",
				    visit_id);
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK && !yes) {
		printf("Discard the unfinished intake %lld and every answer saved in it?\n", visit_id);
		if (!mi_cli_confirm("This cannot be undone. Type yes to discard: ")) {
			mi_store_close(store);
			printf("Nothing was discarded.\n");
			return 1;
		}
	}
	if (st == MI_OK)
		st = mi_app_draft_discard(store, visit_id, &err);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	printf("visit %lld discarded\n", visit_id);
	return fflush(stdout) == 0 ? 0 : MI_EIO;
}

static mi_status list_drafts(const mi_cli *cli, mi_store *store, mi_visit_list *out,
			     mi_app_seen *seen, mi_error *err)
{
	(void)cli;
	return mi_app_drafts(store, out, seen, err);
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j'), yes = mi_cli_has(args, 'y');
	const char *visit = mi_cli_value(args, 'd');
	long long visit_id = 0;
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, "drafts takes only options; see massage-intake drafts --help.");
	if (!visit && yes)
		return mi_cli_failf(MI_EUSAGE, "--yes goes with --discard VISIT.");
	if (!visit)
		return mi_cli_list_visits(cli, list_drafts, json, "no unfinished intakes");
	if (json)
		return mi_cli_failf(MI_EUSAGE, "--json lists the drafts; leave it out with --discard.");
	if (!mi_cli_parse_id(visit, &visit_id))
		return mi_cli_failf(MI_EUSAGE, "--discard needs a visit id (a positive number), not \"%s\".",
				    visit);
	return discard(cli, visit_id, yes);
}

const mi_command mi_command_drafts = {
	.name = "drafts",
	.summary = "unfinished intakes; discard one",
	.usage = "drafts [--json]\n"
		 "       massage-intake drafts --discard VISIT [--yes]\n",
	.about = "Lists the intakes begun at the front desk or the kiosk and not finished,\n"
		 "oldest first: the visit, its date, the client (or the name typed so far),\n"
		 "where it was begun and the outcome (none yet). Resume one at the front\n"
		 "desk (i on the client's page, or the review queue).\n"
		 "\n"
		 "--discard deletes an unfinished intake and every answer saved in it, for\n"
		 "good (an intake a client began and left, say); a finished visit is never\n"
		 "discarded (see massage-intake erase). It asks for confirmation on a\n"
		 "terminal; the audit log records who discarded which visit.\n",
	.options = (const mi_cli_option[]){
		{"json", 'j', NULL, "the list as a JSON array, as massage-intake review --json"},
		{"discard", 'd', "VISIT", "discard that unfinished intake"},
		{"yes", 'y', NULL, "discard without asking (needed without a terminal)"},
		{0},
	},
	.after = "Exit status: 0 done (also when there are none); 1 not confirmed; 64 bad\n"
		 "command line; 65 VISIT is finished; 66 no database yet (for --discard);\n"
		 "67 no such visit; 74 the database cannot be used; 75 it stayed busy, or\n"
		 "the intake is open on a screen right now.\n",
	.run = run,
};
