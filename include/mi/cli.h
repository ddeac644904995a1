/* cli.h - the command-line front end: global options and sub-commands.
 *
 * main() parses the global options before anything else, then hands the
 * remaining arguments to one command. Each command lives in its own file
 * src/cli/cmd_NAME.c and is listed in src/cli/commands.c. Commands print
 * to stdout, report failures with mi_cli_fail (one sentence on stderr
 * starting with "massage-intake:") and return a sysexits status.
 */
#ifndef MI_CLI_H
#define MI_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "mi/clock.h"
#include "mi/error.h"
#include "mi/pdf.h"

typedef struct mi_cli {
	const char *program;     /* argv[0] */
	const char *db_path;     /* --db, else NULL: see mi_cli_db_path */
	const char *data_dir;    /* --data, else NULL: see mi_cli_data_file */
	const char *rules_path;  /* --rules, else NULL */
	mi_clock clock;          /* today, asked at each use */
} mi_cli;

typedef struct mi_command {
	const char *name;
	const char *summary; /* one line for --help */
	int (*run)(mi_cli *cli, int argc, char **argv); /* argv[0] is the command name */
	/* The long options the command gives getopt_long, and its short
	 * options ("o:"), when any of them takes a value (else NULL): the
	 * value after such an option is never taken for a global option or
	 * for --help. */
	const struct option *options;
	const char *short_options;
} mi_command;

/* The table of commands, ended by an entry with a NULL name. */
extern const mi_command mi_commands[];

/* The commands, one per src/cli/cmd_NAME.c: each takes the global options
 * and its own arguments (argv[0] is the command name) and returns a
 * sysexits status. mi_cmd_desk runs when no command is given. */
int mi_cmd_aftercare(mi_cli *cli, int argc, char **argv);
int mi_cmd_audit(mi_cli *cli, int argc, char **argv);
int mi_cmd_backup(mi_cli *cli, int argc, char **argv);
int mi_cmd_check(mi_cli *cli, int argc, char **argv);
int mi_cmd_clients(mi_cli *cli, int argc, char **argv);
int mi_cmd_desk(mi_cli *cli, int argc, char **argv);
int mi_cmd_erase(mi_cli *cli, int argc, char **argv);
int mi_cmd_export(mi_cli *cli, int argc, char **argv);
int mi_cmd_history(mi_cli *cli, int argc, char **argv);
int mi_cmd_intake(mi_cli *cli, int argc, char **argv);
int mi_cmd_kiosk(mi_cli *cli, int argc, char **argv);
int mi_cmd_note(mi_cli *cli, int argc, char **argv);
int mi_cmd_restore(mi_cli *cli, int argc, char **argv);
int mi_cmd_rules(mi_cli *cli, int argc, char **argv);
int mi_cmd_screen(mi_cli *cli, int argc, char **argv);
int mi_cmd_set_pin(mi_cli *cli, int argc, char **argv);
int mi_cmd_settings(mi_cli *cli, int argc, char **argv);
int mi_cmd_show(mi_cli *cli, int argc, char **argv);

/* The options of the commands that take an option with a value, so that
 * such a value is never read as a global option or as --help. */
extern const struct option mi_aftercare_options[], mi_audit_options[], mi_clients_options[],
	mi_erase_options[], mi_export_options[], mi_intake_options[], mi_note_options[];
extern const char mi_aftercare_short_options[], mi_export_short_options[];

/* Prints "massage-intake: MESSAGE" to stderr and returns err->status. */
int mi_cli_fail(const mi_error *err);

/* Prints "massage-intake: warning: MESSAGE" to stderr (the command goes on). */
void mi_cli_warn(const mi_error *warning);

/* The same from a format; returns status. */
int mi_cli_failf(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The data file NAME (such as "rules.conf") to load, looked up file by file
 * in: the --data folder (else $MASSAGE_INTAKE_DATA), the user's
 * $XDG_CONFIG_HOME/massage-intake (~/.config/massage-intake), the clinic's
 * PREFIX/etc/massage-intake (/etc/massage-intake for a program in /usr/bin),
 * and the shipped PREFIX/share/massage-intake, where PREFIX is the folder
 * above the running binary's bin/ (the build tree works the same way). The
 * first that exists wins; the shipped path is returned when none does.
 * Caller frees; NULL with err set when --data is not a folder (MI_ENOINPUT)
 * or memory runs out. */
char *mi_cli_data_file(const mi_cli *cli, const char *name, mi_error *err);

/* The database path: --db, else $MASSAGE_INTAKE_DB, else
 * $XDG_DATA_HOME/massage-intake/intake.db (~/.local/share when unset).
 * Caller frees; NULL with err set when no home folder is known or memory
 * runs out. */
char *mi_cli_db_path(const mi_cli *cli, mi_error *err);

/* Opens the database at mi_cli_db_path with mi_store_open's flags. On
 * failure err says why and *out is untouched. */
struct mi_store;
mi_status mi_cli_open_store(const mi_cli *cli, unsigned flags, struct mi_store **out,
			    mi_error *err);

/* Loads the screening rules the command line asks for: --rules FILE (or
 * the data file rules.conf) with the data file medications.conf. */
struct mi_ruleset;
mi_status mi_cli_load_rules(const mi_cli *cli, struct mi_ruleset **out, mi_error *err);

/* Loads the aftercare template: the data file aftercare.conf. */
struct mi_aftercare_template;
mi_status mi_cli_load_aftercare(const mi_cli *cli, struct mi_aftercare_template **out,
				mi_error *err);

/* Reports an unknown option, or one missing its value, of command (NULL:
 * the program's own) without quoting a value given with it
 * ("--name=VALUE"); returns MI_EUSAGE. */
int mi_cli_bad_option(const char *command, const char *arg, bool missing_value);

/* The one FILE a command such as backup takes (argv[0] is the command's
 * name; "--" may come first), or NULL after reporting a bad command line
 * (what names the file in the sentence: "a backup FILE"); *rc is then the
 * exit status. */
const char *mi_cli_one_file(int argc, char **argv, const char *what, int *rc);

/* Parses a record id (a visit or client number): a whole number from 1,
 * nothing else; false otherwise. */
bool mi_cli_parse_id(const char *s, long long *out);

/* True when a command's arguments (argv[0] is the command's name) ask for
 * help: -h or --help as an argument of its own before any "--", never as
 * the value of one of the command's options ("note 1 --response -h"). */
bool mi_cli_wants_help(int argc, char **argv);

/* Records in the audit log that the current actor views a record (action
 * such as "view", table, record id; 0 for none) under the audit policy of
 * app_audit.h: viewing is not refused when the entry cannot be written (a
 * full disk, a read-only file); a warning sentence goes to stderr instead.
 * Defined in cmd_audit.c. */
struct mi_store;
void mi_cli_audit_view(struct mi_store *store, const char *action, const char *table,
		       long long record_id);

/* A JSON string of s made safe to show (control and bidi characters and
 * invalid bytes replaced; newlines kept, JSON escapes them), or JSON null
 * when s is NULL. A new reference; NULL only when out of memory. */
struct json_t;
struct json_t *mi_cli_json_text(const char *s);

/* Reads a whole text file ("-" is standard input) of at most max bytes
 * into *text (NUL-terminated; caller frees), its length in *len. A missing
 * file is MI_ENOINPUT, a longer one MI_EDATA. Defined in editor.c. */
mi_status mi_cli_read_text(const char *path, size_t max, char **text, size_t *len, mi_error *err);

/* Lets the user edit text in their editor ($VISUAL, else $EDITOR, else vi,
 * run by sh) and returns what they saved in *edited (caller frees; at most
 * max bytes). The text lives only in a 0600 file in a new private 0700
 * folder ($XDG_RUNTIME_DIR, else $TMPDIR, else /tmp), which is removed with
 * everything the editor left in it before this returns, also when the
 * editor fails; SIGHUP and SIGTERM wait until it is gone. MI_EIO when the
 * editor cannot start or fails. */
mi_status mi_cli_edit_text(const char *text, size_t max, char **edited, size_t *len,
			   mi_error *err);

/* Prints s to stdout made safe for the terminal (control and bidi
 * characters replaced; "-" for NULL), padded with spaces to width columns. */
void mi_cli_put_padded(const char *s, size_t width);

#endif
