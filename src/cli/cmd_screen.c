/* cmd_screen.c - `massage-intake screen`: screen answers against the rules. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/answers.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/screen.h"

/* Checks what was written to stdout reached it. */
static int finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return mi_cli_failf(MI_EIO, _("cannot write the result: %s."), strerror(errno));
	return 0;
}

/* Screens one answers object and prints the result as text or JSON. */
static int screen_one(const mi_cli *cli, const mi_ruleset *rules, const char *path, bool json)
{
	mi_error err;
	mi_answers *answers = NULL;
	if (mi_answers_read_file(path, &answers, &err) != MI_OK)
		return mi_cli_fail(&err);
	mi_screening result;
	mi_status st = mi_screen(rules, answers, mi_clock_today(cli->clock), &result, &err);
	mi_answers_free(answers);
	if (st == MI_EDATA)
		mi_error_prefix(&err, "%s", strcmp(path, "-") == 0 ? _("standard input") : path);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	char *text = json ? mi_screening_to_json(&result) : mi_screening_to_text(&result);
	mi_screening_clear(&result);
	if (!text)
		return mi_cli_failf(MI_EINTERNAL, _("out of memory writing the result."));
	fputs(text, stdout);
	if (json)
		fputc('\n', stdout);
	free(text);
	return finish_output();
}

typedef enum line_result { LINE_OK, LINE_END, LINE_TOO_LONG, LINE_ERROR } line_result;

/* Reads a file in blocks and hands out its lines. */
typedef struct line_reader {
	FILE *in;
	char block[64 * 1024];
	size_t pos, end;
	char *line;  /* the current line, reused; never past MI_ANSWERS_MAX_DOCUMENT + 1 bytes */
	size_t cap;
} line_reader;

/* Appends n bytes to the line being read; false when out of memory. */
static bool line_append(line_reader *r, size_t used, const char *bytes, size_t n)
{
	if (used + n + 1 > r->cap) {
		size_t bigger = r->cap ? r->cap : 4096;
		while (bigger < used + n + 1)
			bigger *= 2;
		if (bigger > (size_t)MI_ANSWERS_MAX_DOCUMENT + 1)
			bigger = (size_t)MI_ANSWERS_MAX_DOCUMENT + 1;
		char *grown = realloc(r->line, bigger);
		if (!grown)
			return false;
		r->line = grown;
		r->cap = bigger;
	}
	memcpy(r->line + used, bytes, n);
	return true;
}

/* Reads one line (without its newline) into r->line, *len bytes. A line
 * longer than MI_ANSWERS_MAX_DOCUMENT bytes is LINE_TOO_LONG. */
static line_result read_line(line_reader *r, size_t *len)
{
	size_t n = 0;
	bool any = false;
	for (;;) {
		if (r->pos == r->end) {
			r->pos = 0;
			r->end = fread(r->block, 1, sizeof r->block, r->in);
			if (r->end == 0) {
				if (ferror(r->in))
					return LINE_ERROR;
				if (!any)
					return LINE_END;
				*len = n;
				return LINE_OK;
			}
		}
		any = true;
		const char *start = r->block + r->pos;
		size_t avail = r->end - r->pos;
		const char *newline = memchr(start, '\n', avail);
		size_t take = newline ? (size_t)(newline - start) : avail;
		if (n + take > MI_ANSWERS_MAX_DOCUMENT)
			return LINE_TOO_LONG;
		if (take && !line_append(r, n, start, take))
			return LINE_ERROR;
		n += take;
		r->pos += take;
		if (newline) {
			r->pos++;
			*len = n;
			return LINE_OK;
		}
	}
}

static bool is_blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Screens one answers object per line, printing one JSON result per line. */
static int screen_lines(const mi_cli *cli, const mi_ruleset *rules, const char *path)
{
	bool from_stdin = strcmp(path, "-") == 0;
	FILE *in = from_stdin ? stdin : fopen(path, "rb");
	if (!in)
		return mi_cli_failf(MI_ENOINPUT, _("%s: cannot open: %s."), path, strerror(errno));
	const char *name = from_stdin ? _("standard input") : path;
	line_reader *reader = calloc(1, sizeof *reader);
	if (!reader) {
		if (!from_stdin)
			fclose(in);
		return mi_cli_failf(MI_EINTERNAL, _("out of memory."));
	}
	reader->in = in;
	size_t len = 0, line = 0;
	int rc = 0;
	for (;;) {
		line_result lr = read_line(reader, &len);
		line++;
		if (lr == LINE_END)
			break;
		if (lr == LINE_TOO_LONG) {
			rc = mi_cli_failf(MI_EDATA, _("%s: line %zu: longer than %d bytes."), name, line,
					  MI_ANSWERS_MAX_DOCUMENT);
			break;
		}
		if (lr == LINE_ERROR) {
			rc = mi_cli_failf(MI_EIO, _("%s: cannot read line %zu: %s."), name, line,
					  strerror(errno));
			break;
		}
		const char *buf = reader->line;
		if (is_blank_line(buf, len))
			continue;
		mi_error err;
		mi_answers *answers = NULL;
		if (mi_answers_parse(buf, len, &answers, &err) != MI_OK) {
			mi_error_prefix(&err, _("%s: line %zu"), name, line);
			rc = mi_cli_fail(&err);
			break;
		}
		mi_screening result;
		mi_status st = mi_screen(rules, answers, mi_clock_today(cli->clock), &result, &err);
		mi_answers_free(answers);
		if (st != MI_OK) {
			if (st == MI_EDATA)
				mi_error_prefix(&err, _("%s: line %zu"), name, line);
			rc = mi_cli_fail(&err);
			break;
		}
		char *json = mi_screening_to_json(&result);
		mi_screening_clear(&result);
		if (!json) {
			rc = mi_cli_failf(MI_EINTERNAL, _("out of memory writing the result."));
			break;
		}
		fputs(json, stdout);
		fputc('\n', stdout);
		free(json);
		if (ferror(stdout)) {
			rc = finish_output();
			break;
		}
	}
	free(reader->line);
	free(reader);
	if (!from_stdin)
		fclose(in);
	int out_rc = finish_output();
	return rc ? rc : out_rc;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j'), jsonl = mi_cli_has(args, 'l');
	if (args->operand_count > 1)
		return mi_cli_failf(MI_EUSAGE,
				    _("screen takes one answers file; see massage-intake screen --help."));
	const char *path = args->operand_count ? args->operands[0] : NULL;
	if (json && jsonl)
		return mi_cli_failf(MI_EUSAGE, _("screen: choose one of --json and --jsonl."));
	if (!path)
		path = "-";
	mi_error err;
	mi_ruleset *rules = NULL;
	if (mi_cli_load_rules(cli, &rules, &err) != MI_OK)
		return mi_cli_fail(&err);
	int rc = jsonl ? screen_lines(cli, rules, path) : screen_one(cli, rules, path, json);
	mi_ruleset_free(rules);
	return rc;
}

const mi_command mi_command_screen = {
	.name = "screen",
	.summary = N_("screen intake answers against the rules"),
	.usage = "screen [--json | --jsonl] [--rules FILE] [FILE | -]\n",
	.about = N_("Screens one intake answers object (JSON) against the screening rules and\n"
		    "prints the outcome (proceed, modify, refer or urgent), every flag that\n"
		    "fired, how each medicine was read (and what a misspelling was read as),\n"
		    "the medications not recognised, and the safety questions left\n"
		    "unanswered. Reads FILE, or standard input when FILE is - or missing.\n"),
	.options = (const mi_cli_option[]){
		{"json", 'j', NULL, N_("one line of JSON instead of text")},
		{"jsonl", 'l', NULL, N_("one answers object per input line, one JSON result per\n"
				        "output line, in order (blank lines are skipped)")},
		{0},
	},
	.after = N_("The program's own --rules FILE (rules to use for this run; medications.conf\n"
		    "is still looked up as usual) and --data DIR (a folder whose rules.conf and\n"
		    "medications.conf come first; see FILES in massage-intake(1)) apply too.\n"
		    "\n"
		    "Exit status: 0 whatever the outcome; 64 bad command line; 65 invalid\n"
		    "answers or a broken rules file (with the line); 66 a missing file.\n"),
	.run = run,
};
