/* args.c - the one parser of every command's options, read from the
 * command's table entry, and the --help text made from the same table. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/text.h"

/* Options of one command at most (the getopt_long table is built here). */
enum { MAX_OPTIONS = 32 };

static size_t option_count(const mi_command *c)
{
	size_t n = 0;
	while (c->options && c->options[n].name)
		n++;
	return n;
}

/* The getopt_long table and short-option string of the command: getopt
 * returns the index of the option in the command's table. Returns false
 * when the table is larger than MAX_OPTIONS (a programming error). */
static bool getopt_tables(const mi_command *c, struct option longs[MAX_OPTIONS + 1],
			  char shorts[2 * MAX_OPTIONS + 2])
{
	size_t n = option_count(c), s = 0;
	if (n > MAX_OPTIONS)
		return false;
	shorts[s++] = ':'; /* a missing value is ':', not '?' */
	for (size_t i = 0; i < n; i++) {
		const mi_cli_option *o = &c->options[i];
		longs[i] = (struct option){o->name, o->value ? required_argument : no_argument, NULL,
					   (int)(256 + i)};
		if (o->key & MI_CLI_SHORT_FLAG) {
			shorts[s++] = (char)(o->key & ~MI_CLI_SHORT_FLAG);
			if (o->value)
				shorts[s++] = ':';
		}
	}
	longs[n] = (struct option){NULL, 0, NULL, 0};
	shorts[s] = '\0';
	return true;
}

/* The option of the table whose short letter is ch. */
static const mi_cli_option *short_option(const mi_command *c, int ch)
{
	for (size_t i = 0; c->options && c->options[i].name; i++)
		if (c->options[i].key == MI_CLI_SHORT(ch))
			return &c->options[i];
	return NULL;
}

int mi_cli_parse(const mi_command *command, int argc, char **argv, mi_cli_args *out)
{
	*out = (mi_cli_args){.command = command};
	out->given = calloc((size_t)argc + 1, sizeof *out->given);
	out->operands = calloc((size_t)argc + 1, sizeof *out->operands);
	if (!out->given || !out->operands) {
		mi_cli_args_clear(out);
		return mi_cli_failf(MI_EINTERNAL, _("out of memory."));
	}
	if (command->raw_operands) {
		for (int i = 1; i < argc; i++)
			out->operands[out->operand_count++] = argv[i];
		return 0;
	}
	struct option longs[MAX_OPTIONS + 1];
	char shorts[2 * MAX_OPTIONS + 2];
	if (!getopt_tables(command, longs, shorts)) {
		mi_cli_args_clear(out);
		return mi_cli_failf(MI_EINTERNAL, _("%s has too many options."), command->name);
	}
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		const mi_cli_option *o = c >= 256 ? &command->options[c - 256] : short_option(command, c);
		if (c == ':' || c == '?' || !o) {
			mi_cli_args_clear(out);
			return mi_cli_bad_option(command->name, argv[optind - 1], c == ':');
		}
		out->given[out->given_count++] =
			(mi_cli_given){o, o->key & ~MI_CLI_SHORT_FLAG, o->value ? optarg : NULL};
	}
	for (int i = optind; i < argc; i++)
		out->operands[out->operand_count++] = argv[i];
	return 0;
}

void mi_cli_args_clear(mi_cli_args *args)
{
	free(args->given);
	free(args->operands);
	*args = (mi_cli_args){0};
}

bool mi_cli_has(const mi_cli_args *args, int key)
{
	for (size_t i = 0; i < args->given_count; i++)
		if (args->given[i].key == key)
			return true;
	return false;
}

const char *mi_cli_value(const mi_cli_args *args, int key)
{
	const char *value = NULL;
	for (size_t i = 0; i < args->given_count; i++)
		if (args->given[i].key == key)
			value = args->given[i].value;
	return value;
}

bool mi_cli_one_id(const mi_cli_args *args, long long *id)
{
	return args->operand_count == 1 && mi_cli_parse_id(args->operands[0], id);
}

const char *mi_cli_one_file(const mi_cli_args *args, const char *what)
{
	const char *name = args->command->name;
	if (args->operand_count != 1) {
		/* TRANSLATORS: "backup needs a backup FILE; see massage-intake backup
		 * --help."; the second %s is a phrase translated on its own. */
		mi_cli_failf(MI_EUSAGE, _("%1$s needs %2$s; see massage-intake %1$s --help."), name,
			     mi_cli_text(what));
		return NULL;
	}
	return args->operands[0];
}

/* "-o, --output FILE", "--json": how an option is named in --help. */
static void option_label(const mi_cli_option *o, char *buf, size_t size)
{
	char first[8] = "";
	if (o->key & MI_CLI_SHORT_FLAG)
		snprintf(first, sizeof first, "-%c, ", o->key & ~MI_CLI_SHORT_FLAG);
	snprintf(buf, size, "%s--%s%s%s", first, o->name, o->value ? " " : "",
		 o->value ? o->value : "");
}

/* The command's synopsis after the translated "Usage:", its other lines
 * indented under it (7 columns in the table, the width of "Usage: ") moved
 * under the first whatever the word's width; a line of words is left as it
 * is. */
static void print_usage(const mi_command *command, FILE *out)
{
	const char *usage = _("Usage:");
	int pad = (int)mi_text_width(usage) + 1;
	fprintf(out, "%s massage-intake ", usage);
	for (const char *line = command->usage; *line;) {
		size_t len = strcspn(line, "\n");
		if (line != command->usage && strspn(line, " ") >= 7) {
			fprintf(out, "%*s", pad, "");
			line += 7;
			len -= 7;
		}
		fprintf(out, "%.*s\n", (int)len, line);
		line += len + (line[len] == '\n');
	}
	fputc('\n', out);
}

void mi_cli_print_help(const mi_cli *cli, const mi_command *command, FILE *out)
{
	print_usage(command, out);
	fputs(mi_cli_text(command->about), out);
	size_t width = 0;
	char label[80];
	for (size_t i = 0; command->options && command->options[i].name; i++) {
		option_label(&command->options[i], label, sizeof label);
		if (strlen(label) > width)
			width = strlen(label);
	}
	if (width > 0)
		fputc('\n', out);
	for (size_t i = 0; command->options && command->options[i].name; i++) {
		const mi_cli_option *o = &command->options[i];
		option_label(o, label, sizeof label);
		const char *line = mi_cli_text(o->help);
		int pad = (int)width;
		fprintf(out, "  %-*s  ", pad, label);
		for (;;) {
			size_t len = strcspn(line, "\n");
			fprintf(out, "%.*s\n", (int)len, line);
			if (line[len] == '\0')
				break;
			line += len + 1;
			fprintf(out, "  %-*s  ", pad, "");
		}
	}
	if (command->more_help)
		command->more_help(cli, out);
	if (command->after)
		fprintf(out, "\n%s", mi_cli_text(command->after));
}

/* True when arg is an option of command c whose value is the next
 * argument, read the way getopt_long reads it: "--name" exactly or as the
 * one option it abbreviates, or a cluster of short options ending in one
 * that takes a value ("-o", "-xo"). "--name=VALUE" and "-oVALUE" carry
 * their value. */
static bool value_follows(const mi_command *c, const char *arg)
{
	if (!c || c->raw_operands || arg[0] != '-' || arg[1] == '\0')
		return false;
	if (arg[1] == '-') {
		const char *name = arg + 2;
		if (strchr(name, '=') || *name == '\0')
			return false;
		const mi_cli_option *found = NULL;
		size_t matches = 0, len = strlen(name);
		for (size_t i = 0; c->options && c->options[i].name; i++) {
			const mi_cli_option *o = &c->options[i];
			if (strcmp(o->name, name) == 0) {
				found = o;
				matches = 1;
				break;
			}
			if (strncmp(o->name, name, len) == 0) {
				found = o;
				matches++;
			}
		}
		return matches == 1 && found->value;
	}
	for (const char *p = arg + 1; *p; p++) {
		const mi_cli_option *o = short_option(c, (unsigned char)*p);
		if (!o)
			return false;
		if (o->value)
			return p[1] == '\0';
	}
	return false;
}

bool mi_cli_wants_help(const mi_command *command, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
		if (value_follows(command, argv[i]))
			i++;
	}
	return false;
}

/* For main.c's strip_globals: the same reading of an option's value. */
bool mi_cli_value_follows(const mi_command *command, const char *arg)
{
	return value_follows(command, arg);
}
