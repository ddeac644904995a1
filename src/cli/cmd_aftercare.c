/* cmd_aftercare.c - `massage-intake aftercare VISIT`: the aftercare summary
 * as text or a one-page PDF, to standard output, a file or the printer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "mi/app_aftercare.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/export.h"

/* Writes bytes to standard output. */
static mi_status write_stdout(const void *data, size_t len, mi_error *err)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
		return mi_error_set(err, MI_EIO, _("cannot write the summary: %s."), strerror(errno));
	return MI_OK;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	const char *format = mi_cli_value(args, 'f'), *output = mi_cli_value(args, 'o'),
		   *paper_arg = mi_cli_value(args, 'p');
	bool print = mi_cli_has(args, 'P');
	long long visit_id = 0;
	if (!mi_cli_one_id(args, &visit_id))
		return mi_cli_failf(MI_EUSAGE, _("aftercare needs one visit id (a positive number); "
						 "see massage-intake aftercare --help."));
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
		return mi_cli_failf(MI_EUSAGE, _("--format must be text, pdf or png, not \"%s\"."),
				    format);
	if (print && (text || render_format == MI_RENDER_PNG))
		return mi_cli_failf(MI_EUSAGE, _("--print prints the PDF; leave out --format %s."),
				    format);
	if (print && output)
		return mi_cli_failf(MI_EUSAGE, _("give either -o FILE or --print, not both."));
	bool to_stdout = !print && (!output || strcmp(output, "-") == 0);
	if (!text && to_stdout && (!output || isatty(STDOUT_FILENO)))
		return mi_cli_failf(MI_EUSAGE, render_format == MI_RENDER_PNG
						       ? _("a PNG image is not for a terminal: give -o FILE "
							   "or --print.")
						       : _("a PDF is not for a terminal: give -o FILE or "
							   "--print."));
	mi_aftercare_request req = {
		.visit_id = visit_id,
		.target = print ? MI_AFTERCARE_PRINT : to_stdout ? MI_AFTERCARE_SHOW : MI_AFTERCARE_FILE,
		.format = text ? MI_AFTERCARE_TEXT
			       : render_format == MI_RENDER_PNG ? MI_AFTERCARE_PNG : MI_AFTERCARE_PDF,
		.path = output,
		.has_paper = paper_arg != NULL,
	};
	if (paper_arg && !mi_paper_parse(paper_arg, &req.paper))
		return mi_cli_failf(MI_EUSAGE, _("--paper must be a4 or letter, not \"%s\"."),
				    paper_arg);

	mi_error err;
	mi_aftercare_template *tpl = NULL;
	mi_store *store = NULL;
	mi_aftercare_shown shown = {0};
	mi_translation translations[MI_CLI_LANGUAGES_MAX];
	mi_status st = mi_cli_load_aftercare(cli, &tpl, &err);
	if (st == MI_OK)
		st = mi_cli_load_translations(cli, translations, &req.translation_count, &err);
	req.translations = translations;
	if (st == MI_OK)
		st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = mi_app_aftercare(store, tpl, &req, &shown, &err);
	mi_store_close(store);
	mi_cli_clear_translations(translations, req.translation_count);
	mi_aftercare_template_free(tpl);
	if (st == MI_OK && shown.unrecorded)
		mi_cli_warn(&shown.warning);
	if (st == MI_OK && req.target == MI_AFTERCARE_SHOW)
		st = write_stdout(shown.data, shown.len, &err);
	free(shown.data);
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}

const mi_command mi_command_aftercare = {
	.name = "aftercare",
	.summary = N_("the aftercare summary of a visit: text, PDF or print"),
	.usage = "aftercare VISIT [--format text|pdf|png] [-o FILE]\n"
		 "         [--paper a4|letter] [--print]\n",
	.about = N_("Writes the aftercare summary of one visit for the client to take home: what\n"
		 "was done and the goals agreed, what is normal afterwards, aftercare, when to\n"
		 "call a doctor or seek urgent care, the items for the client's flags, the\n"
		 "follow-up plan and the pain trend. The words come from aftercare.conf in the\n"
		 "data folder. Therapist-only notes are never included. The summary is in\n"
		 "the language the client answered in at the kiosk (docs/translations.md).\n"),
	.options = (const mi_cli_option[]){
		{"format", 'f', "FORMAT",
		 N_("text, pdf (one page, with the body map and the pain\n"
		    "chart) or png (the same page as an image); the default\n"
		    "is text, or pdf/png when FILE ends in .pdf/.png")},
		{"output", MI_CLI_SHORT('o'), "FILE",
		 N_("write to FILE (created mode 0600) instead of standard\n"
		    "output; FILE is a new name or a regular file (a device,\n"
		    "FIFO, folder or link is refused); a PDF or PNG needs\n"
		    "-o FILE or --print, and is never written to a terminal")},
		{"paper", 'p', "SIZE",
		 N_("a4 or letter; default: the \"paper\" setting, else the\n"
		    "locale's paper size")},
		{"print", 'P', NULL,
		 /* MI_PRINT_TITLE spelt out: xgettext reads no macros. */
		 N_("print the PDF with lp, which gets it on its standard input\n"
		 "(no file is written); the job title is\n"
		 "\"massage-intake aftercare\", nothing about the client.\n"
		 "$MASSAGE_INTAKE_LP names another print program, run as\n"
		 "PROGRAM -t TITLE; one that has not finished after the\n"
		 "print_timeout_seconds setting is stopped")},
		{0},
	},
	.after = N_("The clinic's name at the top of the page is the \"clinic_name\" setting.\n"
		 "Printing and writing a file are recorded in the audit log first, and not\n"
		 "done when they cannot be recorded; a summary on standard output is recorded\n"
		 "as a view.\n"
		 "\n"
		 "Exit status: 0 done; 64 bad command line; 65 a broken aftercare template, a\n"
		 "bad stored setting or a visit still in draft; 66 no database yet; 67 no such visit;\n"
		 "70 rendering failed; 73 FILE cannot be created; 74 the database cannot be\n"
		 "read, or writing or printing failed; 75 the database stayed busy.\n"),
	.run = run,
};
