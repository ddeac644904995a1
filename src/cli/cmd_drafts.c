/* cmd_drafts.c - `massage-intake drafts`: the unfinished intakes, and
 * discarding one. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "mi/app_draft_expiry.h"
#include "mi/app_records.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/text.h"

/* Says which draft would go: its client and the day it was begun (a visit
 * that is no draft is refused by the discard itself). */
static mi_status ask(mi_store *store, long long visit_id, mi_error *err)
{
	mi_visit_list draft = {0};
	mi_status st = mi_app_draft_summary(store, visit_id, &draft, err);
	if (st == MI_OK && draft.count == 1) {
		char date[11];
		mi_date_format(draft.items[0].date, date);
		const char *name = draft.items[0].client_name;
		char *safe = mi_text_sanitize(name ? name : _("(no name yet)"), false);
		/* TRANSLATORS: asked before drafts --discard: the visit's number,
		 * the client's name and the day the intake was begun
		 * (YYYY-MM-DD). */
		printf(_("Discard the unfinished intake %lld of %s, begun on %s, and every answer "
			 "saved in it?\n"),
		       visit_id, safe ? safe : "?", date);
		free(safe);
	}
	mi_visit_list_clear(&draft);
	return st;
}

static int discard(const mi_cli *cli, long long visit_id, bool yes)
{
	if (!yes && !isatty(STDIN_FILENO))
		return mi_cli_failf(MI_EUSAGE, _("drafts --discard asks for confirmation on a terminal; "
						 "give --yes to discard visit %lld without asking."),
				    visit_id);
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK && !yes) {
		st = ask(store, visit_id, &err);
		if (st == MI_OK && !mi_cli_confirm(
					    /* TRANSLATORS: "yes" is what must be typed, in
					     * English whatever the language: keep it. */
					    _("This cannot be undone. Type yes to discard: "))) {
			mi_store_close(store);
			fputs(_("Nothing was discarded.\n"), stdout);
			return 1;
		}
	}
	if (st == MI_OK)
		st = mi_app_draft_discard(store, visit_id, &err);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	printf(_("visit %lld discarded\n"), visit_id);
	return fflush(stdout) == 0 ? 0 : MI_EIO;
}

/* The drafts that wait in the review queue, or the expired ones. */
static mi_status list_drafts(const mi_cli *cli, mi_store *store, mi_visit_list *out,
			     mi_app_seen *seen, mi_app_drafts_which which, mi_error *err)
{
	mi_ruleset *rules = NULL;
	mi_status st = mi_cli_load_rules(cli, &rules, err);
	if (st == MI_OK)
		st = mi_app_drafts(store, rules, mi_clock_today(cli->clock), which, out, seen, err);
	mi_ruleset_free(rules);
	return st;
}

static mi_status list_waiting(const mi_cli *cli, mi_store *store, mi_visit_list *out,
			      mi_app_seen *seen, mi_error *err)
{
	return list_drafts(cli, store, out, seen, MI_APP_DRAFTS_WAITING, err);
}

static mi_status list_expired(const mi_cli *cli, mi_store *store, mi_visit_list *out,
			      mi_app_seen *seen, mi_error *err)
{
	return list_drafts(cli, store, out, seen, MI_APP_DRAFTS_EXPIRED, err);
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j'), yes = mi_cli_has(args, 'y');
	bool expired = mi_cli_has(args, 'e');
	const char *visit = mi_cli_value(args, 'd');
	long long visit_id = 0;
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("drafts takes only options; see massage-intake drafts --help."));
	if (!visit && yes)
		return mi_cli_failf(MI_EUSAGE, _("--yes goes with --discard VISIT."));
	if (!visit)
		return mi_cli_list_visits(cli, expired ? list_expired : list_waiting, json,
					  expired ? _("no expired unfinished intakes")
						  : _("no unfinished intakes"));
	if (json || expired)
		return mi_cli_failf(MI_EUSAGE, _("--json and --expired list the drafts; leave them "
						 "out with --discard."));
	if (!mi_cli_parse_id(visit, &visit_id))
		return mi_cli_failf(MI_EUSAGE, _("--discard needs a visit id (a positive number), not \"%s\"."),
				    visit);
	return discard(cli, visit_id, yes);
}

const mi_command mi_command_drafts = {
	.name = "drafts",
	.summary = N_("unfinished intakes; discard one"),
	.usage = "drafts [--expired] [--json]\n"
		 "       massage-intake drafts --discard VISIT [--yes]\n",
	.about = N_("Lists the intakes begun at the front desk or the kiosk and not finished,\n"
		    "oldest first: the visit, its date, the client (or the name typed so far),\n"
		    "where it was begun and the outcome of its answers so far. Resume one at\n"
		    "the front desk (i on the client's page, or the review queue).\n"
		    "\n"
		    "A draft leaves the review queue draft_expiry_days days (a setting,\n"
		    "default 14) after the day it was begun, unless its answers so far are\n"
		    "urgent or refer: those stay until finished or discarded. An expired\n"
		    "draft is kept, not deleted: --expired lists them. The front desk does\n"
		    "not resume one as the client's new intake (its answers are old): it\n"
		    "starts a new one.\n"
		    "\n"
		    "--discard deletes an unfinished intake and every answer saved in it, for\n"
		    "good (an intake a client began and left, say); a finished visit is never\n"
		    "discarded (see massage-intake erase), and one open on a screen right now\n"
		    "(a client filling it at the kiosk) is refused, saying so. It names the\n"
		    "client and the day the draft was begun and asks for confirmation on a\n"
		    "terminal; its resume code and claim go with it; the audit log records\n"
		    "who discarded which visit.\n"),
	.options = (const mi_cli_option[]){
		{"json", 'j', NULL, N_("the list as a JSON array, as massage-intake review --json")},
		{"expired", 'e', NULL, N_("the drafts that expired out of the review queue")},
		{"discard", 'd', "VISIT", N_("discard that unfinished intake")},
		{"yes", 'y', NULL, N_("discard without asking (needed without a terminal)")},
		{0},
	},
	.after = N_("Exit status: 0 done (also when there are none); 1 not confirmed; 64 bad\n"
		    "command line; 65 VISIT is finished; 66 no database yet (for --discard);\n"
		    "67 no such visit; 74 the database cannot be used; 75 it stayed busy, or\n"
		    "the intake is open on a screen right now.\n"),
	.run = run,
};
