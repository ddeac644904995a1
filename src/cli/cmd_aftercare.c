/* cmd_aftercare.c - `massage-intake aftercare VISIT`: the aftercare summary
 * as text or a one-page PDF, to standard output, a file or the printer. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "mi/aftercare.h"
#include "mi/cli.h"
#include "mi/pdf.h"
#include "mi/store.h"

/* The help text. */
static void usage(FILE *out)
{
	fprintf(out,
		"Usage: massage-intake aftercare VISIT [--format text|pdf|png] [-o FILE]\n"
		"         [--paper a4|letter] [--print]\n"
		"\n"
		"Writes the aftercare summary of one visit for the client to take home: what\n"
		"was done and the goals agreed, what is normal afterwards, aftercare, when to\n"
		"call a doctor or seek urgent care, the items for the client's flags, the\n"
		"follow-up plan and the pain trend. The words come from aftercare.conf in the\n"
		"data folder. Therapist-only notes are never included.\n"
		"\n"
		"  --format FORMAT  text, pdf (one page, with the body map and the pain\n"
		"                   chart) or png (the same page as an image); the default\n"
		"                   is text, or pdf/png when FILE ends in .pdf/.png\n"
		"  -o FILE          write to FILE (created mode 0600) instead of standard\n"
		"                   output; a PDF or PNG needs -o FILE or --print, and is\n"
		"                   never written to a terminal\n"
		"  --paper SIZE     a4 or letter; default: the \"paper\" setting, else the\n"
		"                   locale's paper size\n"
		"  --print          print the PDF with lp; the job title is \"" MI_PRINT_TITLE "\"\n"
		"                   and the file name holds nothing about the client.\n"
		"                   $MASSAGE_INTAKE_LP names another print program, run as\n"
		"                   PROGRAM -t TITLE -- FILE\n"
		"\n"
		"The clinic's name at the top of the page is the \"clinic_name\" setting.\n"
		"\n"
		"Exit status: 0 done; 64 bad command line; 65 a broken aftercare template, a\n"
		"bad setting or a visit still in draft; 66 no database yet; 67 no such visit;\n"
		"70 rendering failed; 73 FILE cannot be created; 74 the database cannot be\n"
		"read, or writing or printing failed; 75 the database stayed busy.\n");
}

/* Everything the command needs from the database, read in one go. */
typedef struct loaded {
	mi_visit *visit;
	char *clinic;  /* setting clinic_name, or NULL */
	char *paper;   /* setting paper, or NULL */
} loaded;

/* Opens the database, loads the visit and the settings, records the export
 * or print in the audit log when audit_action is not NULL, and closes it. */
static mi_status load(mi_cli *cli, long long visit_id, const char *audit_action, loaded *out,
		      mi_error *err)
{
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, err);
	if (st == MI_OK)
		st = mi_store_visit_load(store, visit_id, &out->visit, err);
	if (st == MI_OK && !out->visit->complete)
		st = mi_error_set(err, MI_EDATA,
				  "visit %lld is still a draft; complete the intake before its "
				  "aftercare summary.",
				  visit_id);
	if (st == MI_OK)
		st = mi_store_setting_get(store, "clinic_name", &out->clinic, err);
	if (st == MI_OK)
		st = mi_store_setting_get(store, "paper", &out->paper, err);
	if (st == MI_OK && audit_action)
		st = mi_store_audit_append(store, audit_action, "visits", visit_id, err);
	mi_store_close(store);
	return st;
}

/* Builds the summary document from the data folder's template. */
static mi_status build(mi_cli *cli, const mi_visit *visit, mi_aftercare_doc **doc, mi_error *err)
{
	char *dir = mi_cli_data_dir(cli);
	if (!dir)
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	mi_aftercare_template *tpl = NULL;
	mi_status st = mi_aftercare_template_load_dir(dir, &tpl, err);
	free(dir);
	if (st == MI_OK)
		st = mi_aftercare_build(tpl, visit, doc, err);
	mi_aftercare_template_free(tpl);
	return st;
}

/* Writes bytes to standard output. */
static mi_status write_stdout(const void *data, size_t len, mi_error *err)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
		return mi_error_set(err, MI_EIO, "cannot write the summary: %s.", strerror(errno));
	return MI_OK;
}

int mi_cmd_aftercare(mi_cli *cli, int argc, char **argv)
{
	if (mi_cli_wants_help(argc, argv)) {
		usage(stdout);
		return 0;
	}
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"paper", required_argument, NULL, 'p'},
		{"print", no_argument, NULL, 'P'},
		{NULL, 0, NULL, 0},
	};
	const char *format = NULL, *output = NULL, *paper_arg = NULL;
	bool print = false;
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, ":o:", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'p':
			paper_arg = optarg;
			break;
		case 'P':
			print = true;
			break;
		case ':':
			return mi_cli_failf(MI_EUSAGE, "%s needs a value; see massage-intake aftercare --help.",
					    argv[optind - 1]);
		default:
			return mi_cli_failf(MI_EUSAGE,
					    "unknown option \"%s\"; see massage-intake aftercare --help.",
					    argv[optind - 1]);
		}
	}
	long long visit_id = 0;
	if (optind != argc - 1 || !mi_cli_parse_id(argv[optind], &visit_id))
		return mi_cli_failf(MI_EUSAGE, "aftercare needs one visit id (a positive number); see "
					       "massage-intake aftercare --help.");
	mi_render_format render_format = MI_RENDER_PDF;
	bool text = false;
	size_t out_len = output ? strlen(output) : 0;
	if (!format && out_len > 4 && strcasecmp(output + out_len - 4, ".pdf") == 0)
		format = "pdf";
	else if (!format && out_len > 4 && strcasecmp(output + out_len - 4, ".png") == 0)
		format = "png";
	if (!format)
		text = !print;
	else if (strcmp(format, "text") == 0)
		text = true;
	else if (strcmp(format, "png") == 0)
		render_format = MI_RENDER_PNG;
	else if (strcmp(format, "pdf") != 0)
		return mi_cli_failf(MI_EUSAGE, "--format must be text, pdf or png, not \"%s\".", format);
	if (print && (text || render_format == MI_RENDER_PNG))
		return mi_cli_failf(MI_EUSAGE, "--print prints the PDF; leave out --format %s.", format);
	if (print && output)
		return mi_cli_failf(MI_EUSAGE, "give either -o FILE or --print, not both.");
	bool to_stdout = !print && (!output || strcmp(output, "-") == 0);
	if (!text && to_stdout && (!output || isatty(STDOUT_FILENO)))
		return mi_cli_failf(MI_EUSAGE, "a %s is not for a terminal: give -o FILE or --print.",
				    render_format == MI_RENDER_PNG ? "PNG image" : "PDF");
	mi_paper paper = MI_PAPER_A4;
	if (paper_arg && !mi_paper_parse(paper_arg, &paper))
		return mi_cli_failf(MI_EUSAGE, "--paper must be a4 or letter, not \"%s\".", paper_arg);

	mi_error err;
	loaded db = {0};
	const char *audit = print ? "print" : to_stdout ? NULL : "export";
	mi_status st = load(cli, visit_id, audit, &db, &err);
	if (st == MI_OK && !paper_arg)
		st = mi_cli_paper(db.paper, &paper, &err);
	mi_aftercare_doc *doc = NULL;
	if (st == MI_OK)
		st = build(cli, db.visit, &doc, &err);
	unsigned char *data = NULL;
	size_t len = 0;
	if (st == MI_OK && text) {
		data = (unsigned char *)mi_aftercare_to_text(doc);
		len = data ? strlen((char *)data) : 0;
		if (!data)
			st = mi_error_set(&err, MI_EINTERNAL, "out of memory writing the summary.");
	} else if (st == MI_OK) {
		mi_render_options opt = {
			.paper = paper, .clinic_name = db.clinic, .format = render_format};
		st = mi_aftercare_render(doc, &opt, &data, &len, NULL, &err);
		mi_render_release_fonts();
	}
	if (st == MI_OK) {
		if (print)
			st = mi_export_print_pdf(data, len, false, &err);
		else if (to_stdout)
			st = write_stdout(data, len, &err);
		else
			st = mi_export_write_private(output, data, len, &err);
	}
	free(data);
	mi_aftercare_doc_free(doc);
	mi_visit_free(db.visit);
	free(db.clinic);
	free(db.paper);
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}
