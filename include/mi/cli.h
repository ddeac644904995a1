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
#include "mi/pdf.h"

typedef struct mi_cli {
	const char *program;     /* argv[0] */
	const char *db_path;     /* --db, else NULL: see mi_cli_db_path */
	const char *data_dir;    /* --data, else NULL: see mi_cli_data_dir */
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

/* Prints "massage-intake: MESSAGE" to stderr and returns err->status. */
int mi_cli_fail(const mi_error *err);

/* The same from a format; returns status. */
int mi_cli_failf(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The data folder: --data, else $MASSAGE_INTAKE_DATA, else the share folder
 * beside the binary (BIN/../share/massage-intake), else the install prefix's.
 * Caller frees. */
char *mi_cli_data_dir(const mi_cli *cli);

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
 * the data folder's rules.conf) with the data folder's medications.conf. */
struct mi_ruleset;
mi_status mi_cli_load_rules(const mi_cli *cli, struct mi_ruleset **out, mi_error *err);

/* The paper size of the locale (LC_PAPER where the C library knows it,
 * else letter for en_US and en_CA locale names, else A4), for documents
 * when neither --paper nor the "paper" setting says. */
mi_paper mi_cli_locale_paper(void);

/* The paper of a document when --paper does not say: the "paper" setting's
 * value (setting; MI_EDATA when it is neither a4 nor letter), else, when it
 * is NULL, the locale's. */
mi_status mi_cli_paper(const char *setting, mi_paper *out, mi_error *err);

/* Parses a record id (a visit or client number): a whole number from 1,
 * nothing else; false otherwise. */
bool mi_cli_parse_id(const char *s, long long *out);

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
