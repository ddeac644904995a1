/* main.c - global options, then one sub-command (or the front-desk UI). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/store_therapists.h"
#include "mi/text.h"

static void print_usage(FILE *out)
{
	/* The synopsis's second line starts under its first, whatever the
	 * width of the translated "Usage:". */
	const char *usage = _("Usage:");
	int pad = (int)mi_text_width(usage) + (int)strlen(" massage-intake ");
	fprintf(out, "%s massage-intake [--db PATH] [--rules FILE] [--data DIR] [--as NAME]\n"
		     "%*s[--plain] [COMMAND [ARGS]]\n\n",
		usage, pad, "");
	fputs(_("Intake, screening and aftercare for deep tissue massage for back pain.\n"
		"With no command, starts the front-desk terminal UI.\n"
		"\n"
		"Commands:\n"),
	      out);
	for (const mi_command *const *c = mi_commands; *c; c++)
		fprintf(out, "  %-10s %s\n", (*c)->name, mi_cli_text((*c)->summary));
	/* TRANSLATORS: keep the option names, the words in capitals and the
	 * $NAMES as they are, and every line within 80 columns. */
	fputs(_("\n"
		"Options (anywhere on the line):\n"
		"  --db PATH      the database file (else $MASSAGE_INTAKE_DB, else\n"
		"                 $XDG_DATA_HOME/massage-intake/intake.db)\n"
		"  --rules FILE   screening rules to use for this run\n"
		"  --data DIR     a folder whose data files (rules.conf, medications.conf,\n"
		"                 aftercare.conf) come first for this run\n"
		"  --as NAME      act as this account; its PIN is asked on the terminal or\n"
		"                 read as the first line of standard input\n"
		"  --plain        the plain line mode for the kiosk, the desk's intake and\n"
		"                 intake: one question a line on standard output, answers read\n"
		"                 line by line, no cursor addressing (screen readers, braille,\n"
		"                 TERM=dumb, pipes); also MASSAGE_INTAKE_PLAIN=1\n"
		"  -h, --help     this help; COMMAND --help for one command\n"
		"  -V, --version  the version\n"
		"\n"
		"Exit status: 0 success, 64 bad command line, 65 bad input data, 66 input\n"
		"file missing, 70 internal error, 73 cannot create output, 74 I/O error.\n"
		"See massage-intake(1).\n"),
	      out);
}

int mi_cli_fail(const mi_error *err)
{
	/* Messages quote user input: neutralise control characters before
	 * they reach the terminal. */
	char *safe = mi_text_sanitize(err->message, false);
	fprintf(stderr, "massage-intake: %s\n", safe ? safe : _("(unprintable message)"));
	free(safe);
	return err->status == MI_OK ? MI_EINTERNAL : (int)err->status;
}

void mi_cli_warn(const mi_error *warning)
{
	char *safe = mi_text_sanitize(warning->message, false);
	fputs("massage-intake: ", stderr);
	/* TRANSLATORS: %s is a sentence that says what went wrong. */
	fprintf(stderr, _("warning: %s\n"), safe ? safe : _("(unprintable message)"));
	free(safe);
}

int mi_cli_failf(int status, const char *fmt, ...)
{
	mi_error err;
	va_list ap;
	va_start(ap, fmt);
	mi_error_setv(&err, (mi_status)status, fmt, ap);
	va_end(ap);
	return mi_cli_fail(&err);
}

int mi_cli_bad_option(const char *command, const char *arg, bool missing_value)
{
	/* "--name=VALUE" is named without its value, which may be anything
	 * a therapist typed. */
	int len = (int)strcspn(arg, "=");
	if (len > 40)
		len = 40;
	const char *sep = command ? " " : "";
	command = command ? command : "";
	if (missing_value)
		/* TRANSLATORS: "--name needs a value; see massage-intake show --help." */
		return mi_cli_failf(MI_EUSAGE, _("%.*s needs a value; see massage-intake%s%s --help."),
				    len, arg, sep, command);
	return mi_cli_failf(MI_EUSAGE, _("unknown option \"%.*s\"; see massage-intake%s%s --help."),
			    len, arg, sep, command);
}

/* The command called name, or NULL. */
static const mi_command *find_command(const char *name)
{
	for (const mi_command *const *c = mi_commands; *c; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}

bool mi_cli_parse_id(const char *s, long long *out)
{
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0)
		return false;
	*out = v;
	return true;
}

/* If argv[*i] is the global option name (as "--name VALUE" or
 * "--name=VALUE"), stores the value, advances *i past it and returns 1;
 * returns -1 when the value is missing, 0 when it is another argument. */
static int take_global(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*value = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*value = argv[++*i];
	return 1;
}

/* Removes the global options from argv wherever they stand (up to "--"),
 * storing them in cli; the value of one of the command's own options is
 * left to the command ("note 1 --response --db" records "--db"). Returns
 * the new argc, or -1 after printing an error. */
static int strip_globals(mi_cli *cli, int argc, char **argv)
{
	static const char *const names[] = {"--db", "--rules", "--data", "--as"};
	const char **targets[] = {&cli->db_path, &cli->rules_path, &cli->data_dir, &cli->as_name};
	int kept = 1;
	bool after_dashes = false;
	const mi_command *command = NULL;
	for (int i = 1; i < argc; i++) {
		int taken = 0;
		if (command && !after_dashes && mi_cli_value_follows(command, argv[i]) && i + 1 < argc) {
			argv[kept++] = argv[i++];
			argv[kept++] = argv[i];
			continue;
		}
		if (!after_dashes) {
			if (strcmp(argv[i], "--") == 0)
				after_dashes = true;
			if (strcmp(argv[i], "--plain") == 0) {
				cli->plain = true;
				taken = 1;
			}
			for (size_t k = 0; k < sizeof names / sizeof names[0] && !taken; k++) {
				taken = take_global(argc, argv, &i, names[k], targets[k]);
				if (taken < 0) {
					mi_cli_failf(MI_EUSAGE, _("%s needs a value; see massage-intake --help."),
						     names[k]);
					return -1;
				}
				if (taken && *targets[k][0] == '\0') {
					mi_cli_failf(MI_EUSAGE, _("%s needs a non-empty value."), names[k]);
					return -1;
				}
			}
		}
		if (!taken) {
			/* The first argument that is not an option names the command. */
			if (kept == 1 && argv[i][0] != '-')
				command = find_command(argv[i]);
			argv[kept++] = argv[i];
		}
	}
	argv[kept] = NULL;
	return kept;
}

/* Runs one command with its arguments (argv[0] is its name): its help,
 * or its options read by the one parser, then the command. */
static int run_command(mi_cli *cli, const mi_command *command, int argc, char **argv)
{
	if (mi_cli_wants_help(command, argc, argv)) {
		mi_cli_print_help(cli, command, stdout);
		return 0;
	}
	mi_cli_args args;
	int rc = mi_cli_parse(command, argc, argv, &args);
	if (rc != 0)
		return rc;
	rc = command->run(cli, &args);
	mi_cli_args_clear(&args);
	return rc;
}

/* No core dump, ever: one would hold whatever health details were in
 * memory, written where anyone who can read the folder can read them. Not
 * dumpable also keeps other programs of the same user from attaching with
 * ptrace and reading this one's memory. */
static void forbid_core_dumps(void)
{
	const struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/* Runs the command argv[1] (the front desk when there is none). */
static int run(mi_cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return mi_cmd_desk(cli);
	const char *name = argv[1];
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
		print_usage(stdout);
		return 0;
	}
	if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
		printf("massage-intake %s\n", MI_VERSION);
		return 0;
	}
	const mi_command *command = find_command(name);
	if (command)
		return run_command(cli, command, argc - 1, argv + 1);
	if (name[0] == '-')
		return mi_cli_bad_option(NULL, name, false);
	return mi_cli_failf(MI_EUSAGE, _("unknown command \"%s\"; see massage-intake --help."),
			    name);
}

int main(int argc, char **argv)
{
	forbid_core_dumps();
	char *locale_dir = mi_cli_locale_dir();
	mi_i18n_init(locale_dir);
	free(locale_dir);
	mi_account who = {0};
	mi_cli cli = {.program = argv[0], .clock = mi_clock_system(), .who = &who};
	argc = strip_globals(&cli, argc, argv);
	if (argc < 0)
		return MI_EUSAGE;
	int rc = run(&cli, argc, argv);
	mi_cli_release();
	mi_account_clear(&who);
	return rc;
}
