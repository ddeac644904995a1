/* cmd_intake.c - `massage-intake intake --answers FILE`: screen and store one intake. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/answers.h"
#include "mi/app_intake.h"
#include "mi/app_rescreen.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/screen.h"
#include "mi/store.h"
#include "mi/ui_plain.h"

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
			return mi_cli_failf(MI_EINTERNAL, _("out of memory writing the result."));
		printf("%s\n", text);
		free(text);
	} else {
		printf("%lld\n", visit);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		return mi_cli_failf(MI_EIO,
				    _("visit %lld was stored but the id could not be written: %s."),
				    visit, strerror(errno));
	return 0;
}

/* --visit VISIT: the answers are added to a stored visit's unanswered
 * questions and the visit is screened again; prints its new outcome. */
static int add_to_visit(mi_cli *cli, const mi_ruleset *rules, long long visit,
			const mi_answers *answers, bool json)
{
	mi_store *store = NULL;
	int rc = open_store(cli, 0, &store);
	if (rc != 0)
		return rc;
	mi_error err;
	mi_screening after = {0};
	mi_rescreen_birth_date birth = {0};
	if (mi_app_visit_answer_missing(store, rules, visit, answers, &after, &birth, &err) != MI_OK)
		rc = mi_cli_fail(&err);
	mi_store_close(store);
	if (rc != 0)
		return rc;
	if (json) {
		json_t *birth_json =
			*birth.given ? json_pack("{s:s, s:b, s:o}", "given", birth.given, "recorded",
						 birth.recorded, "on_record",
						 birth.differs ? json_string(birth.on_record)
							       : json_null())
				     : json_null();
		json_t *o = json_pack("{s:I, s:s, s:I, s:o}", "visit", (json_int_t)visit, "outcome",
				      mi_level_name(after.outcome), "unanswered",
				      (json_int_t)after.unanswered_count, "birth_date", birth_json);
		char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		if (text)
			printf("%s\n", text);
		free(text);
	} else {
		printf("%s\n", mi_level_name(after.outcome));
		if (birth.recorded)
			printf(_("birth date %s added to the client's record\n"), birth.given);
		else if (birth.differs)
			/* TRANSLATORS: the birth date given now, then the one on record. */
			printf(_("birth date given %s, on the client's record %s: the record is "
				 "unchanged; check which is right\n"),
			       birth.given, birth.on_record);
	}
	mi_screening_clear(&after);
	if (fflush(stdout) != 0 || ferror(stdout))
		return mi_cli_failf(MI_EIO,
				    _("visit %lld was screened again but the outcome could not be "
				      "written: %s."),
				    visit, strerror(errno));
	return 0;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	const char *answers_path = mi_cli_value(args, 'a');
	const char *visit_text = mi_cli_value(args, 'v');
	bool json = mi_cli_has(args, 'j');
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE,
				    _("intake takes only options; give the answers with --answers FILE."));
	if (!answers_path && !visit_text && mi_plain_wanted(cli->plain))
		return mi_cli_plain_intakes(cli, MI_SOURCE_CLI, false);
	if (!answers_path)
		return mi_cli_failf(MI_EUSAGE,
				    _("intake needs --answers FILE (or --plain to be asked the "
				      "questions); see massage-intake intake --help."));
	long long visit = 0;
	if (visit_text && !mi_cli_parse_id(visit_text, &visit))
		return mi_cli_failf(MI_EUSAGE, _("--visit needs a visit number, not \"%s\"."),
				    visit_text);

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
	if (visit_text) {
		int rc = add_to_visit(cli, rules, visit, answers, json);
		mi_answers_free(answers);
		mi_ruleset_free(rules);
		return rc;
	}
	if (!mi_app_intake_has_name(answers)) {
		mi_answers_free(answers);
		mi_ruleset_free(rules);
		/* TRANSLATORS: %s is the answers file; client.name is the answer's
		 * key, kept as it is. */
		return mi_cli_failf(MI_EDATA, _("%s: client.name is missing; a stored intake needs "
						"the client's name."),
				    answers_path);
	}
	/* Screened and stored with the same date. */
	mi_date today = mi_clock_today(cli->clock);
	mi_screening screening;
	st = mi_app_intake_screen(rules, answers, today, &screening, &err);
	if (st == MI_EDATA)
		mi_error_prefix(&err, "%s",
				strcmp(answers_path, "-") == 0 ? _("standard input") : answers_path);
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
	.summary = N_("screen and store one intake (--answers FILE)"),
	.usage = "intake --answers FILE [--json]\n"
		 "       massage-intake intake --answers FILE --visit VISIT [--json]\n"
		 "       massage-intake --plain intake\n",
	.about = N_("Screens one intake answers object (JSON; FILE may be - for standard input)\n"
		 "and stores it as a completed visit. The client is found by name and birth\n"
		 "date, ignoring case and spacing, or created. Prints the new visit id.\n"
		 "\n"
		 "With --visit, the answers are the ones a stored visit left unanswered, given\n"
		 "later (the desk's a on the visit page): they are added to that visit, which\n"
		 "is screened again on its own date and stored with its new outcome and flags;\n"
		 "prints the outcome. An answer already given is never changed (exit 65).\n"
		 "A birth date given this way also goes on the client's record when it has\n"
		 "none (logged as \"birth date\"); one on record that differs is left as it\n"
		 "is and printed beside the one given.\n"
		 "\n"
		 "With --plain (or MASSAGE_INTAKE_PLAIN=1) and no --answers, asks the intake\n"
		 "questions one line at a time on standard output and reads each answer as a\n"
		 "line (the desk's intake, with the screening shown as it changes), saving\n"
		 "every answer as it is given; a client's open intake is resumed.\n"),
	.options = (const mi_cli_option[]){
		{"answers", 'a', "FILE", N_("the answers to store (client.name is required)")},
		{"visit", 'v', "VISIT",
		 N_("add the answers to questions VISIT left unanswered, and screen it again")},
		{"json", 'j', NULL,
		 N_("print {\"visit\": ID, \"client\": ID, \"outcome\": LEVEL} (with --visit:\n"
		    "the visit, the outcome, how many safety questions are still unanswered,\n"
		    "and birth_date: null, or {\"given\", \"recorded\", \"on_record\"})")},
		{0},
	},
	.after = N_("Exit status: 0 stored; 64 bad command line; 65 invalid answers or rules,\n"
		 "or with --visit a question already answered or a draft, or with --plain the\n"
		 "input ended before the consent (the answers kept as a draft); 66 a missing\n"
		 "file; 67 no such visit; 74 the database cannot be written (disk full, read-only,\n"
		 "damaged); 75 the database stayed busy, try again. Nothing is stored on failure.\n"),
	.run = run,
};
