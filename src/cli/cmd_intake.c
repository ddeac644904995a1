/* cmd_intake.c - `massage-intake intake --answers FILE`: screen and store one intake. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/answers.h"
#include "mi/app_intake.h"
#include "mi/cli.h"
#include "mi/screen.h"
#include "mi/store.h"

/* Opens the database named by --db, $MASSAGE_INTAKE_DB or the default. */
static int open_store(const mi_cli *cli, unsigned flags, mi_store **out)
{
	mi_error err;
	return mi_cli_open_store(cli, flags, out, &err) == MI_OK ? 0 : mi_cli_fail(&err);
}

/* Prints the result line(s); 0 or an exit status. */
static int print_result(long long visit, long long client, mi_level outcome, bool json)
{
	if (json) {
		json_t *o = json_pack("{s:I, s:I, s:s}", "visit", (json_int_t)visit, "client",
				      (json_int_t)client, "outcome", mi_level_name(outcome));
		char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		if (!text)
			return mi_cli_failf(MI_EINTERNAL, "out of memory writing the result.");
		printf("%s\n", text);
		free(text);
	} else {
		printf("%lld\n", visit);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		return mi_cli_failf(MI_EIO, "visit %lld was stored but the id could not be written: %s.",
				    visit, strerror(errno));
	return 0;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	const char *answers_path = mi_cli_value(args, 'a');
	bool json = mi_cli_has(args, 'j');
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE,
				    "intake takes only options; give the answers with --answers FILE.");
	if (!answers_path)
		return mi_cli_failf(MI_EUSAGE,
				    "intake needs --answers FILE; see massage-intake intake --help.");

	/* The rules first: they bring the intake questions, whose keys the
	 * answers may use. */
	mi_error err;
	mi_ruleset *rules = NULL;
	mi_status st = mi_cli_load_rules(cli, &rules, &err);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	mi_answers *answers = NULL;
	if (mi_answers_read_file(answers_path, &answers, &err) != MI_OK) {
		mi_ruleset_free(rules);
		return mi_cli_fail(&err);
	}
	if (!mi_app_intake_has_name(answers)) {
		mi_answers_free(answers);
		mi_ruleset_free(rules);
		return mi_cli_failf(MI_EDATA, "%s: client.name is missing; a stored intake needs the "
					      "client's name.",
				    answers_path);
	}
	/* Screened and stored with the same date. */
	mi_date today = mi_clock_today(cli->clock);
	mi_screening screening;
	st = mi_app_intake_screen(rules, answers, today, &screening, &err);
	if (st == MI_EDATA)
		mi_error_prefix(&err, "%s", strcmp(answers_path, "-") == 0 ? "standard input" : answers_path);
	if (st != MI_OK) {
		mi_ruleset_free(rules);
		mi_answers_free(answers);
		return mi_cli_fail(&err);
	}

	mi_store *store = NULL;
	int rc = open_store(cli, MI_STORE_CREATE, &store);
	mi_app_submitted stored = {0};
	if (rc == 0) {
		st = mi_app_intake_submit(store, rules, answers, &screening, MI_SOURCE_CLI, today,
					  &stored, &err);
		if (st != MI_OK)
			rc = mi_cli_fail(&err);
	}
	mi_level outcome = screening.outcome;
	mi_store_close(store);
	mi_screening_clear(&screening);
	mi_ruleset_free(rules);
	mi_answers_free(answers);
	if (rc != 0)
		return rc;
	return print_result(stored.visit_id, stored.client_id, outcome, json);
}

const mi_command mi_command_intake = {
	.name = "intake",
	.summary = "screen and store one intake (--answers FILE)",
	.usage = "intake --answers FILE [--json]\n",
	.about = "Screens one intake answers object (JSON; FILE may be - for standard input)\n"
		 "and stores it as a completed visit. The client is found by name and birth\n"
		 "date, ignoring case and spacing, or created. Prints the new visit id.\n",
	.options = (const mi_cli_option[]){
		{"answers", 'a', "FILE", "the answers to store (client.name is required)"},
		{"json", 'j', NULL, "print {\"visit\": ID, \"client\": ID, \"outcome\": LEVEL}"},
		{0},
	},
	.after = "Exit status: 0 stored; 64 bad command line; 65 invalid answers or rules;\n"
		 "66 a missing file; 74 the database cannot be written (disk full, read-only,\n"
		 "damaged); 75 the database stayed busy, try again. Nothing is stored on failure.\n",
	.run = run,
};
