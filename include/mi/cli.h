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

#include <stdbool.h>
#include <stddef.h>

#include "mi/date.h"
#include "mi/error.h"

typedef struct mi_cli {
	const char *program;     /* argv[0] */
	const char *db_path;     /* --db, else NULL: see mi_cli_db_path */
	const char *data_dir;    /* --data, else NULL: see mi_cli_data_file */
	const char *rules_path;  /* --rules, else NULL */
	mi_date today;
} mi_cli;

typedef struct mi_command {
	const char *name;
	const char *summary; /* one line for --help */
	int (*run)(mi_cli *cli, int argc, char **argv); /* argv[0] is the command name */
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
int mi_cmd_history(mi_cli *cli, int argc, char **argv);
int mi_cmd_intake(mi_cli *cli, int argc, char **argv);
int mi_cmd_kiosk(mi_cli *cli, int argc, char **argv);
int mi_cmd_note(mi_cli *cli, int argc, char **argv);
int mi_cmd_rules(mi_cli *cli, int argc, char **argv);
int mi_cmd_screen(mi_cli *cli, int argc, char **argv);
int mi_cmd_set_pin(mi_cli *cli, int argc, char **argv);
int mi_cmd_settings(mi_cli *cli, int argc, char **argv);
int mi_cmd_show(mi_cli *cli, int argc, char **argv);

/* Prints "massage-intake: MESSAGE" to stderr and returns err->status. */
int mi_cli_fail(const mi_error *err);

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

/* True when argv holds -h or --help before any "--". */
bool mi_cli_wants_help(int argc, char **argv);

/* Records in the audit log that the current actor views a record (action
 * such as "view", table, record id; 0 for none). Viewing is not refused when
 * the entry cannot be written (a full disk, a read-only file): a warning
 * sentence goes to stderr instead. Defined in cmd_audit.c. */
struct mi_store;
void mi_cli_audit_view(struct mi_store *store, const char *action, const char *table,
		       long long record_id);

/* A JSON string of s made safe to show (control and bidi characters and
 * invalid bytes replaced; newlines kept, JSON escapes them), or JSON null
 * when s is NULL. A new reference; NULL only when out of memory. */
struct json_t;
struct json_t *mi_cli_json_text(const char *s);

/* Prints s to stdout made safe for the terminal (control and bidi
 * characters replaced; "-" for NULL), padded with spaces to width columns. */
void mi_cli_put_padded(const char *s, size_t width);

#endif
