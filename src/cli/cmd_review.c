/* cmd_review.c - `massage-intake review`: the review queue as the front
 * desk shows it, and marking a kiosk intake reviewed. */
#include <stdio.h>

#include "mi/app_records.h"
#include "mi/app_urgent.h"
#include "mi/cli.h"
#include "mi/i18n.h"

/* The queue as the desk orders it: urgent, then refer, then the rest. */
static mi_status list_queue(const mi_cli *cli, mi_store *store, mi_visit_list *out,
			    mi_app_seen *seen, mi_error *err)
{
	mi_ruleset *rules = NULL;
	mi_status st = mi_cli_load_rules(cli, &rules, err);
	if (st == MI_OK)
		st = mi_app_review_queue_urgent_first(store, rules, mi_clock_today(cli->clock), out,
						      seen, err);
	mi_ruleset_free(rules);
	return st;
}

static int mark(const mi_cli *cli, long long visit_id)
{
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	bool already = false;
	if (st == MI_OK)
		st = mi_app_visit_mark_reviewed(store, visit_id, &already, &err);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	if (already)
		printf(_("visit %lld was already reviewed\n"), visit_id);
	else
		printf(_("visit %lld marked as reviewed\n"), visit_id);
	return fflush(stdout) == 0 ? 0 : MI_EIO;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j'), marking = mi_cli_has(args, 'm');
	if (args->operand_count == 0 && !marking)
		return mi_cli_list_visits(cli, list_queue, json, _("nothing is waiting for review"));
	long long visit_id = 0;
	if (!marking || json || !mi_cli_one_id(args, &visit_id))
		return mi_cli_failf(MI_EUSAGE, _("give review alone for the queue, or review VISIT "
						 "--mark (a visit id); see massage-intake review --help."));
	return mark(cli, visit_id);
}

const mi_command mi_command_review = {
	.name = "review",
	.summary = N_("the review queue; mark an intake reviewed"),
	.usage = "review [--json]\n"
		 "       massage-intake review VISIT --mark\n",
	.about = N_("Without VISIT, lists what waits at the front desk as its review page\n"
		    "shows it: intakes filled in at the kiosk and urgent or refer intakes\n"
		    "from anywhere (also intake --answers) that no one has reviewed yet,\n"
		    "and intakes not finished; urgent first, then refer, then the others\n"
		    "(a draft by its answers so far), oldest first within each. One line\n"
		    "each: the visit, its date, the client (or the name typed so far),\n"
		    "where it was entered and whether it is finished, and the screening\n"
		    "outcome (\"proceed, not fully screened\" while safety questions are\n"
		    "unanswered). Read one with massage-intake show VISIT.\n"
		    "\n"
		    "With VISIT --mark, marks that finished intake as reviewed (the front\n"
		    "desk's m), recorded in the audit log.\n"),
	.options = (const mi_cli_option[]){
		{"mark", 'm', NULL, N_("mark VISIT as reviewed")},
		{"json", 'j', NULL, N_("the queue as a JSON array of {\"visit\", \"client\", \"name\",\n"
				       "\"date\", \"state\", \"source\", \"reviewed\", \"pain\", \"outcome\",\n"
				       "\"updated\", \"fully_screened\"} (client null for a kiosk draft not\n"
				       "stored yet; fully_screened null without an outcome)")},
		{0},
	},
	.after = N_("Exit status: 0 done (also when nothing waits, or VISIT was reviewed\n"
		    "before); 64 bad command line; 65 VISIT needs no review (not from the\n"
		    "kiosk, neither urgent nor refer) or is not finished; 66 no database\n"
		    "yet (for --mark); 67 no such visit; 74 the database cannot be used;\n"
		    "75 it stayed busy.\n"),
	.run = run,
};
