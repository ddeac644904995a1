/* cmd_export.c - `massage-intake export`: FHIR R4 Bundles of intakes, the
 * FHIR Questionnaire, and a client's own copy of their records. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mi/app_aftercare.h"
#include "mi/app_settings.h"
#include "mi/cli.h"
#include "mi/client_copy.h"
#include "mi/fhir.h"
#include "mi/form.h"
#include "mi/outfile.h"
#include "mi/pdf.h"
#include "mi/store.h"
#include "mi/store_export.h"

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
		return mi_cli_failf(MI_EUSAGE, "give one of --fhir, --client, --all or --questionnaire.");
	r->what = w;
	if (id_text && !mi_cli_parse_id(id_text, &r->id))
		return mi_cli_failf(MI_EUSAGE, "%s needs a positive number, not \"%s\".", option, id_text);
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
		return mi_cli_failf(MI_EUSAGE, "unexpected \"%s\"; see massage-intake export --help.",
				    args->operands[0]);
	if (r->what == WHAT_NONE)
		return mi_cli_failf(MI_EUSAGE, "export needs --fhir VISIT, --client CLIENT, --all or "
					       "--questionnaire; see massage-intake export --help.");
	if (!format || strcmp(format, "fhir") == 0)
		r->format = FORMAT_FHIR;
	else if (strcmp(format, "json") == 0)
		r->format = FORMAT_JSON;
	else if (strcmp(format, "pdf") == 0)
		r->format = FORMAT_PDF;
	else
		return mi_cli_failf(MI_EUSAGE, "--format must be fhir, json or pdf, not \"%s\".", format);
	if (r->format != FORMAT_FHIR && r->what != WHAT_CLIENT)
		return mi_cli_failf(MI_EUSAGE, "--format %s is a client's copy: use it with --client CLIENT.",
				    format);
	if (r->jsonl && (r->format != FORMAT_FHIR || r->what == WHAT_QUESTIONNAIRE))
		return mi_cli_failf(MI_EUSAGE, "--jsonl writes FHIR Bundles, one per line: use it with "
					       "--fhir, --client or --all.");
	mi_paper paper;
	if (r->paper && r->format != FORMAT_PDF)
		return mi_cli_failf(MI_EUSAGE, "--paper is for --format pdf.");
	if (r->paper && !mi_paper_parse(r->paper, &paper))
		return mi_cli_failf(MI_EUSAGE, "--paper must be a4 or letter, not \"%s\".", r->paper);
	if (r->format == FORMAT_PDF && !r->output && isatty(STDOUT_FILENO))
		return mi_cli_failf(MI_EUSAGE, "a PDF is not for a terminal: give -o FILE.");
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

/* Writes text and a newline to the outfile's stream. */
static mi_status put_line(mi_outfile *out, const char *text, mi_error *err)
{
	FILE *f = mi_outfile_stream(out);
	if (fputs(text, f) == EOF || fputc('\n', f) == EOF)
		return mi_error_set(err, MI_EIO, "cannot write the export: %s.", strerror(errno));
	return MI_OK;
}

static mi_status export_questionnaire(const mi_form *form, const request *r, mi_error *err)
{
	char *text = mi_fhir_questionnaire(form, true);
	if (!text)
		return mi_error_set(err, MI_EINTERNAL, "out of memory writing the Questionnaire.");
	mi_outfile *out = NULL;
	mi_status st = mi_outfile_open(r->output, &out, err);
	if (st == MI_OK)
		st = put_line(out, text, err);
	if (st == MI_OK)
		st = mi_outfile_commit(out, err);
	else
		mi_outfile_abort(out);
	free(text);
	return st;
}

/* One FHIR export under way: the client of the last visit is kept, since
 * one client's visits often come one after another. */
typedef struct fhir_run {
	mi_store *store;
	mi_fhir_source src;
	mi_outfile *out;
	bool array, pretty;
	size_t written;
	mi_client client; /* id 0: none loaded */
} fhir_run;

/* Writes the Bundle of one visit. */
static mi_status export_visit(fhir_run *run, long long visit_id, mi_error *err)
{
	mi_visit *visit = NULL;
	mi_status st = mi_store_visit_load(run->store, visit_id, &visit, err);
	if (st == MI_OK && visit->client_id && visit->client_id != run->client.id) {
		mi_client_clear(&run->client);
		st = mi_store_client_get(run->store, visit->client_id, &run->client, err);
	}
	char *json = NULL;
	if (st == MI_OK)
		st = mi_fhir_bundle(&run->src, visit, visit->client_id ? &run->client : NULL,
				    run->pretty, &json, err);
	FILE *f = mi_outfile_stream(run->out);
	if (st == MI_OK && run->array && fputs(run->written ? ",\n" : "[\n", f) == EOF)
		st = mi_error_set(err, MI_EIO, "cannot write the export: %s.", strerror(errno));
	if (st == MI_OK && (fputs(json, f) == EOF || (!run->array && fputc('\n', f) == EOF)))
		st = mi_error_set(err, MI_EIO, "cannot write the export: %s.", strerror(errno));
	if (st == MI_OK)
		run->written++;
	free(json);
	mi_visit_free(visit);
	return st;
}

/* Checks that the visit or client exists, so a wrong number is refused
 * before anything is logged or written. */
static mi_status check_target(mi_store *store, const request *r, mi_error *err)
{
	if (r->what == WHAT_VISIT) {
		bool reviewed;
		mi_visit_source source;
		return mi_store_visit_source(store, r->id, &source, &reviewed, err);
	}
	if (r->what == WHAT_CLIENT) {
		mi_client c = {0};
		mi_status st = mi_store_client_get(store, r->id, &c, err);
		mi_client_clear(&c);
		return st;
	}
	return MI_OK;
}

static mi_status export_fhir(mi_store *store, const mi_form *form, const mi_ruleset *rules,
			     const request *r, mi_error *err)
{
	char installation[MI_UUID_SIZE];
	mi_status st = check_target(store, r, err);
	if (st == MI_OK)
		st = mi_store_installation_id(store, installation, err);
	/* Logged before anything is written: an export that cannot be logged
	 * is not done. */
	if (st == MI_OK)
		st = mi_store_audit_append(store, "export fhir",
					   r->what == WHAT_VISIT    ? "visits"
					   : r->what == WHAT_CLIENT ? "clients"
								    : "database",
					   r->what == WHAT_ALL ? 0 : r->id, err);
	fhir_run run = {
		.store = store,
		.src = {.form = form, .rules = rules, .installation_id = installation},
		.array = r->what != WHAT_VISIT && !r->jsonl,
		.pretty = !r->jsonl,
	};
	if (st == MI_OK)
		st = mi_outfile_open(r->output, &run.out, err);
	if (st == MI_OK && r->what == WHAT_VISIT) {
		st = export_visit(&run, r->id, err);
	} else if (st == MI_OK) {
		long long id = 0;
		while (st == MI_OK &&
		       (st = mi_store_next_visit(store, r->what == WHAT_CLIENT ? r->id : 0, id, &id,
						 err)) == MI_OK &&
		       id)
			st = export_visit(&run, id, err);
	}
	if (st == MI_OK && run.array)
		st = put_line(run.out, run.written ? "\n]" : "[]", err);
	if (st == MI_OK)
		st = mi_outfile_commit(run.out, err);
	else
		mi_outfile_abort(run.out);
	mi_client_clear(&run.client);
	return st;
}

/* Every visit of the client, oldest first, loaded whole. */
typedef struct visit_list {
	mi_visit **items;
	size_t count;
} visit_list;

static void visit_list_free(visit_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		mi_visit_free(l->items[i]);
	free(l->items);
}

static mi_status load_visits(mi_store *store, long long client_id, visit_list *out, mi_error *err)
{
	long long id = 0;
	mi_status st;
	while ((st = mi_store_next_visit(store, client_id, id, &id, err)) == MI_OK && id) {
		mi_visit **grown = realloc(out->items, (out->count + 1) * sizeof *grown);
		if (!grown)
			return mi_error_set(err, MI_EINTERNAL, "out of memory.");
		out->items = grown;
		st = mi_store_visit_load(store, id, &out->items[out->count], err);
		if (st != MI_OK)
			return st;
		out->count++;
	}
	return st;
}

static mi_status export_copy(mi_cli *cli, mi_store *store, const mi_form *form,
			     const mi_ruleset *rules, const request *r, mi_error *err)
{
	mi_client client = {0};
	visit_list visits = {0};
	mi_settings settings = {0};
	mi_status st = mi_store_client_get(store, r->id, &client, err);
	if (st == MI_OK)
		st = load_visits(store, r->id, &visits, err);
	if (st == MI_OK)
		st = mi_app_settings_load(store, &settings, err);
	mi_paper paper = MI_PAPER_A4;
	if (st == MI_OK && r->format == FORMAT_PDF && !(r->paper && mi_paper_parse(r->paper, &paper)))
		paper = mi_app_paper(&settings);
	if (st == MI_OK)
		st = mi_store_audit_append(store, "export copy", "clients", r->id, err);
	mi_client_copy copy = {.client = &client, .visits = visits.items, .visit_count = visits.count,
			       .form = form, .rules = rules, .clinic_name = settings.clinic_name,
			       .made = mi_clock_today(cli->clock)};
	unsigned char *data = NULL;
	size_t len = 0;
	if (st == MI_OK && r->format == FORMAT_JSON) {
		data = (unsigned char *)mi_client_copy_json(&copy);
		len = data ? strlen((char *)data) : 0;
		if (!data)
			st = mi_error_set(err, MI_EINTERNAL, "out of memory writing the copy.");
	} else if (st == MI_OK) {
		st = mi_client_copy_pdf(&copy, paper, &data, &len, err);
		mi_render_release_fonts();
	}
	mi_outfile *out = NULL;
	if (st == MI_OK)
		st = mi_outfile_open(r->output, &out, err);
	if (st == MI_OK) {
		/* Short writes leave the stream's error set, which commit reports. */
		fwrite(data, 1, len, mi_outfile_stream(out));
		if (r->format == FORMAT_JSON)
			fputc('\n', mi_outfile_stream(out));
		st = mi_outfile_commit(out, err);
	}
	free(data);
	mi_settings_clear(&settings);
	visit_list_free(&visits);
	mi_client_clear(&client);
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
		st = export_questionnaire(form, &r, &err);
	else if (st == MI_OK)
		st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK && r.what != WHAT_QUESTIONNAIRE)
		st = r.format == FORMAT_FHIR ? export_fhir(store, form, rules, &r, &err)
					     : export_copy(cli, store, form, rules, &r, &err);
	mi_store_close(store);
	mi_form_free(form);
	mi_ruleset_free(rules);
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}

const mi_command mi_command_export = {
	.name = "export",
	.summary = "FHIR R4 Bundles and Questionnaire, or a client's own copy",
	.usage = "export --fhir VISIT | --client CLIENT | --all [--jsonl] [-o FILE]\n"
		 "       massage-intake export --client CLIENT --format json|pdf [-o FILE]\n"
		 "         [--paper a4|letter]\n"
		 "       massage-intake export --questionnaire [-o FILE]\n",
	.about = "Writes records for another program or for the client, to standard output or\n"
		 "to FILE (created mode 0600, put in place only once it is complete).\n",
	.options = (const mi_cli_option[]){
		{"fhir", 'F', "VISIT",
		 "one FHIR R4 transaction Bundle for the visit: the Patient\n"
		 "(created only when none has its identifier), the\n"
		 "QuestionnaireResponse, the pain Observation and one Flag\n"
		 "per screening flag; a draft's response is \"in-progress\""},
		{"client", 'c', "CLIENT", "a Bundle for each of the client's visits (a JSON array)"},
		{"all", 'a', NULL, "a Bundle for every visit, drafts included (a JSON array)"},
		{"jsonl", 'j', NULL,
		 "one Bundle per line instead (NDJSON), written as each\n"
		 "visit is read, so memory stays flat for any number"},
		{"questionnaire", 'q', NULL,
		 "the FHIR Questionnaire the responses answer: every\n"
		 "question, its type and values, follow-ups as enableWhen"},
		{"format", 'f', "FORMAT",
		 "fhir (the default); with --client also json or pdf: the\n"
		 "client's own copy of everything held about them (details,\n"
		 "every visit's answers, flags, goals, session and\n"
		 "aftercare notes). A PDF needs -o FILE when standard\n"
		 "output is a terminal"},
		{"paper", 'p', "SIZE",
		 "a4 or letter for the PDF; default: the \"paper\" setting,\n"
		 "else the locale's paper size"},
		{"output", MI_CLI_SHORT('o'), "FILE", "write to FILE instead of standard output"},
		{0},
	},
	.after = "Every export of records is written to the audit log (who, when, which visit or\n"
		 "client) before any of it is written out; the Questionnaire holds no records.\n"
		 "The layout of each form is in docs/export.md.\n"
		 "\n"
		 "Exit status: 0 done; 64 bad command line; 65 a broken rules file or setting;\n"
		 "66 no database yet; 67 no such visit or client; 70 rendering failed; 73 FILE\n"
		 "cannot be created; 74 the database cannot be read or writing failed; 75 the\n"
		 "database stayed busy.\n",
	.run = run,
};
