/* cmd_export.c - `massage-intake export`: FHIR R4 Bundles of intakes, the
 * FHIR Questionnaire, and a client's own copy of their records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_export.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/form.h"
#include "mi/pdf.h"

/* What to export. */
typedef enum export_what { WHAT_NONE, WHAT_VISIT, WHAT_CLIENT, WHAT_ALL, WHAT_QUESTIONNAIRE } export_what;
typedef enum export_format { FORMAT_FHIR, FORMAT_JSON, FORMAT_PDF } export_format;

typedef struct request {
	export_what what;
	long long id; /* visit or client */
	export_format format;
	bool jsonl;
	const char *output; /* NULL: standard output */
	const char *paper;  /* --paper, or NULL */
} request;

/* Sets what to export, refusing a second choice. */
static int choose(request *r, export_what w, const char *id_text, const char *option)
{
	if (r->what != WHAT_NONE)
		return mi_cli_failf(MI_EUSAGE, _("give one of --fhir, --client, --all or --questionnaire."));
	r->what = w;
	if (id_text && !mi_cli_parse_id(id_text, &r->id))
		return mi_cli_failf(MI_EUSAGE, _("%s needs a positive number, not \"%s\"."), option,
				    id_text);
	return 0;
}

/* Reads the command line into r; returns 0 or an exit status. */
static int parse(const mi_cli_args *args, request *r)
{
	const char *format = NULL;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < args->given_count; i++) {
		const char *value = args->given[i].value;
		switch (args->given[i].key) {
		case 'F': rc = choose(r, WHAT_VISIT, value, "--fhir"); break;
		case 'c': rc = choose(r, WHAT_CLIENT, value, "--client"); break;
		case 'a': rc = choose(r, WHAT_ALL, NULL, NULL); break;
		case 'q': rc = choose(r, WHAT_QUESTIONNAIRE, NULL, NULL); break;
		case 'j': r->jsonl = true; break;
		case 'f': format = value; break;
		case 'o': r->output = strcmp(value, "-") == 0 ? NULL : value; break;
		case 'p': r->paper = value; break;
		}
	}
	if (rc)
		return rc;
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("unexpected \"%s\"; see massage-intake export --help."),
				    args->operands[0]);
	if (r->what == WHAT_NONE)
		return mi_cli_failf(MI_EUSAGE, _("export needs --fhir VISIT, --client CLIENT, --all or "
						 "--questionnaire; see massage-intake export --help."));
	if (!format || strcmp(format, "fhir") == 0)
		r->format = FORMAT_FHIR;
	else if (strcmp(format, "json") == 0)
		r->format = FORMAT_JSON;
	else if (strcmp(format, "pdf") == 0)
		r->format = FORMAT_PDF;
	else
		return mi_cli_failf(MI_EUSAGE, _("--format must be fhir, json or pdf, not \"%s\"."),
				    format);
	if (r->format != FORMAT_FHIR && r->what != WHAT_CLIENT)
		return mi_cli_failf(MI_EUSAGE,
				    _("--format %s is a client's copy: use it with --client CLIENT."),
				    format);
	if (r->jsonl && (r->format != FORMAT_FHIR || r->what == WHAT_QUESTIONNAIRE))
		return mi_cli_failf(MI_EUSAGE, _("--jsonl writes FHIR Bundles, one per line: use it "
						 "with --fhir, --client or --all."));
	mi_paper paper;
	if (r->paper && r->format != FORMAT_PDF)
		return mi_cli_failf(MI_EUSAGE, _("--paper is for --format pdf."));
	if (r->paper && !mi_paper_parse(r->paper, &paper))
		return mi_cli_failf(MI_EUSAGE, _("--paper must be a4 or letter, not \"%s\"."),
				    r->paper);
	if (r->format == FORMAT_PDF && !r->output && isatty(STDOUT_FILENO))
		return mi_cli_failf(MI_EUSAGE, _("a PDF is not for a terminal: give -o FILE."));
	return 0;
}

/* Loads the rules and builds the form from them. */
static mi_status load_form(mi_cli *cli, mi_ruleset **rules, mi_form **form, mi_error *err)
{
	mi_status st = mi_cli_load_rules(cli, rules, err);
	if (st == MI_OK)
		st = mi_form_new(*rules, form, err);
	return st;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	request r = {0};
	int rc = parse(args, &r);
	if (rc)
		return rc;
	mi_error err;
	mi_ruleset *rules = NULL;
	mi_form *form = NULL;
	mi_store *store = NULL;
	mi_status st = load_form(cli, &rules, &form, &err);
	if (st == MI_OK && r.what == WHAT_QUESTIONNAIRE)
		st = mi_app_export_questionnaire(form, r.output, &err);
	else if (st == MI_OK)
		st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK && r.what != WHAT_QUESTIONNAIRE && r.format == FORMAT_FHIR) {
		mi_app_fhir_request fhir = {
			.scope = r.what == WHAT_VISIT    ? MI_APP_EXPORT_VISIT
				 : r.what == WHAT_CLIENT ? MI_APP_EXPORT_CLIENT
							 : MI_APP_EXPORT_ALL,
			.id = r.id, .jsonl = r.jsonl, .output = r.output};
		st = mi_app_export_fhir(store, form, rules, &fhir, &err);
	} else if (st == MI_OK && r.what != WHAT_QUESTIONNAIRE) {
		mi_app_copy_request copy = {.client_id = r.id, .pdf = r.format == FORMAT_PDF,
					    .has_paper = r.paper != NULL,
					    .today = mi_clock_today(cli->clock), .output = r.output};
		if (r.paper)
			mi_paper_parse(r.paper, &copy.paper);
		st = mi_app_export_copy(store, form, rules, &copy, &err);
	}
	mi_store_close(store);
	mi_form_free(form);
	mi_ruleset_free(rules);
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}

const mi_command mi_command_export = {
	.name = "export",
	.summary = N_("FHIR R4 Bundles and Questionnaire, or a client's own copy"),
	.usage = "export --fhir VISIT | --client CLIENT | --all [--jsonl] [-o FILE]\n"
		 "       massage-intake export --client CLIENT --format json|pdf [-o FILE]\n"
		 "         [--paper a4|letter]\n"
		 "       massage-intake export --questionnaire [-o FILE]\n",
	.about = N_("Writes records for another program or for the client, to standard output or\n"
		 "to FILE (created mode 0600, put in place only once it is complete).\n"),
	.options = (const mi_cli_option[]){
		{"fhir", 'F', "VISIT",
		 N_("one FHIR R4 transaction Bundle for the visit: the Patient\n"
		 "(created only when none has its identifier), the\n"
		 "QuestionnaireResponse, the pain Observation and one Flag\n"
		 "per screening flag; a draft's response is \"in-progress\"")},
		{"client", 'c', "CLIENT", N_("a Bundle for each of the client's visits (a JSON array)")},
		{"all", 'a', NULL, N_("a Bundle for every visit, drafts included (a JSON array)")},
		{"jsonl", 'j', NULL,
		 N_("one Bundle per line instead (NDJSON), written as each\n"
		 "visit is read, so memory stays flat for any number")},
		{"questionnaire", 'q', NULL,
		 N_("the FHIR Questionnaire the responses answer: every\n"
		 "question, its type and values, follow-ups as enableWhen")},
		{"format", 'f', "FORMAT",
		 N_("fhir (the default); with --client also json or pdf: the\n"
		 "client's own copy of everything held about them (details,\n"
		 "every visit's answers, flags, goals, session and\n"
		 "aftercare notes). A PDF needs -o FILE when standard\n"
		 "output is a terminal")},
		{"paper", 'p', "SIZE",
		 N_("a4 or letter for the PDF; default: the \"paper\" setting,\n"
		 "else the locale's paper size")},
		{"output", MI_CLI_SHORT('o'), "FILE", N_("write to FILE instead of standard output")},
		{0},
	},
	.after = N_("Every export of records is written to the audit log (who, when, which visit or\n"
		 "client) before any of it is written out; the Questionnaire holds no records.\n"
		 "The layout of each form is in docs/export.md.\n"
		 "\n"
		 "Exit status: 0 done; 64 bad command line; 65 a broken rules file or setting;\n"
		 "66 no database yet; 67 no such visit or client; 70 rendering failed; 73 FILE\n"
		 "cannot be created; 74 the database cannot be read or writing failed; 75 the\n"
		 "database stayed busy.\n"),
	.run = run,
};
