/* cli.h - the command-line front end: global options and sub-commands.
 *
 * main() parses the global options before anything else, then hands the
 * remaining arguments to one command. Each command lives in its own file
 * src/cli/cmd_NAME.c, which defines its table entry (options and help
 * included; see docs/architecture.md), and is listed in
 * src/cli/commands.c. The one parser (args.c) reads its options, and the
 * command hands every act of the clinic to src/app. Commands print
 * to stdout, report failures with mi_cli_fail (one sentence on stderr
 * starting with "massage-intake:") and return a sysexits status.
 */
#ifndef MI_CLI_H
#define MI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mi/clock.h"
#include "mi/error.h"
#include "mi/pdf.h"
#include "mi/store.h"
#include "mi/translation.h"

typedef struct mi_cli {
	const char *program;     /* argv[0] */
	const char *db_path;     /* --db, else NULL: see mi_cli_db_path */
	const char *data_dir;    /* --data, else NULL: see mi_cli_data_file */
	const char *rules_path;  /* --rules, else NULL */
	const char *as_name;     /* --as NAME: the account acting, else NULL */
	/* The account signed in with --as and its PIN once mi_cli_open_store
	 * has checked them (name NULL until then, and without --as). Points
	 * to main's. */
	struct mi_account *who;
	mi_clock clock;          /* today, asked at each use */
	bool plain;              /* --plain: the line mode (ui_plain.h), else see mi_plain_wanted */
} mi_cli;

/* One option of a command, as the command's table entry declares it. The
 * shared parser (mi_cli_parse) reads the command line the way
 * getopt_long does: options anywhere before "--", "--name VALUE",
 * "--name=VALUE", an unambiguous abbreviation of the name, "-o VALUE",
 * "-oVALUE"; and --help prints each option's help from here. */
typedef struct mi_cli_option {
	const char *name;  /* the long name, without "--" */
	int key;           /* what the command looks it up by (a letter, or a number from 256);
			    * MI_CLI_SHORT('o') makes the letter a short option "-o" too */
	const char *value; /* the value's name in --help ("FILE"); NULL: the option takes none */
	const char *help;  /* its lines in --help, "\n" between them */
} mi_cli_option;

#define MI_CLI_SHORT_FLAG 0x10000
#define MI_CLI_SHORT(letter) ((letter) | MI_CLI_SHORT_FLAG)

/* One option as it was given. */
typedef struct mi_cli_given {
	const mi_cli_option *option;
	int key;           /* the option's key, without MI_CLI_SHORT */
	const char *value; /* NULL for an option that takes none */
} mi_cli_given;

struct mi_command;

/* A command line read against a command's options. */
typedef struct mi_cli_args {
	const struct mi_command *command;
	mi_cli_given *given;   /* the options in the order given */
	size_t given_count;
	char **operands;       /* the other arguments, in order */
	int operand_count;
} mi_cli_args;

typedef struct mi_command {
	const char *name;
	const char *summary;  /* one line for the program's --help */
	const char *usage;    /* after "Usage: massage-intake ": the synopsis line(s) */
	const char *about;    /* what it does, before the options */
	const mi_cli_option *options; /* ended by a NULL name; NULL: none */
	/* Printed after the options (may be NULL); may read the data files
	 * the global options name. */
	void (*more_help)(const mi_cli *cli, FILE *out);
	const char *after;    /* after the options: notes and the exit status */
	/* Every argument is an operand, also one that starts with "-" (a value
	 * of settings KEY VALUE may): only -h or --help as the first argument
	 * asks for help. */
	bool raw_operands;
	int (*run)(mi_cli *cli, const mi_cli_args *args);
} mi_command;

/* The table of commands, in --help order, ended by NULL. */
extern const mi_command *const mi_commands[];

/* The commands' entries, one per src/cli/cmd_NAME.c. */
extern const mi_command mi_command_aftercare, mi_command_audit, mi_command_backup,
	mi_command_check, mi_command_clients, mi_command_drafts, mi_command_erase,
	mi_command_export, mi_command_history, mi_command_intake, mi_command_kiosk,
	mi_command_note, mi_command_restore, mi_command_review, mi_command_rules,
	mi_command_screen, mi_command_set_pin, mi_command_settings, mi_command_show,
	mi_command_therapist, mi_command_due, mi_command_check_translations;

/* No sub-command: the front desk. */
int mi_cmd_desk(mi_cli *cli);

/* The plain line mode (ui_plain.h) of the desk's intake (desk: signed in
 * with --as, one client after another until the therapist stops) and of
 * `intake` (one client). 0, or an exit status after reporting; `intake`
 * left unfinished is 65. Defined in plain.c. */
int mi_cli_plain_intakes(mi_cli *cli, mi_visit_source source, bool desk);

/* Reads the command's arguments (argv[0] is its name) against its option
 * table into *out (mi_cli_args_clear). 0, or MI_EUSAGE after reporting an
 * unknown option or one missing its value (mi_cli_bad_option). */
int mi_cli_parse(const mi_command *command, int argc, char **argv, mi_cli_args *out);

/* Frees what mi_cli_parse allocated. */
void mi_cli_args_clear(mi_cli_args *args);

/* True when an option with this key (without MI_CLI_SHORT) was given. */
bool mi_cli_has(const mi_cli_args *args, int key);

/* The value of the last option with this key given, or NULL. */
const char *mi_cli_value(const mi_cli_args *args, int key);

/* Prints the command's --help: usage, about, the options from the table
 * (name, value, help in aligned columns), more_help and after. */
void mi_cli_print_help(const mi_cli *cli, const mi_command *command, FILE *out);

/* The one record id (a whole number from 1) a command takes as its only
 * operand ("show VISIT"); false when there is not exactly one, or it is no
 * such number: the caller reports the command line. */
bool mi_cli_one_id(const mi_cli_args *args, long long *id);

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

/* The folder of the compiled translations: PREFIX/share/locale beside the
 * shipped data folder (the build tree's too) when it exists, else the
 * configured one. Caller frees; NULL when out of memory. */
char *mi_cli_locale_dir(void);

/* True when lang looks like a language code: "es", "fr_CA". */
bool mi_cli_language_code_valid(const char *lang);

/* The data file lang/LANG/FILE (mi_cli_data_file) of one overlay. */
char *mi_cli_overlay_file(const mi_cli *cli, const char *lang, mi_translated_file file,
			  mi_error *err);

/* Loads the overlays of lang (data/lang/LANG/FILE.conf, each looked up as a
 * data file; a missing one is left NULL) into *out (mi_translation_clear).
 * MI_EUSAGE for a code that is not one; MI_EDATA for a broken file. */
mi_status mi_cli_load_translation(const mi_cli *cli, const char *lang, mi_translation *out,
				  mi_error *err);

/* Loads the translations of every language shipped but English
 * (i18n.h), as mi_cli_load_translation does, into out[0..*count); on
 * failure none is kept. Free with mi_cli_clear_translations. */
enum { MI_CLI_LANGUAGES_MAX = 8 };
mi_status mi_cli_load_translations(const mi_cli *cli, mi_translation out[MI_CLI_LANGUAGES_MAX],
				   size_t *count, mi_error *err);
void mi_cli_clear_translations(mi_translation *translations, size_t count);

/* The database path: --db, else $MASSAGE_INTAKE_DB, else
 * $XDG_DATA_HOME/massage-intake/intake.db (~/.local/share when unset).
 * Caller frees; NULL with err set when no home folder is known or memory
 * runs out. */
char *mi_cli_db_path(const mi_cli *cli, mi_error *err);

/* Loads and installs intake.conf, as mi_cli_open_store does first; for a
 * command that reads its vocabularies (vocab.h) before opening the store. */
void mi_cli_install_intake(const mi_cli *cli);

/* Opens the database at mi_cli_db_path with mi_store_open's flags. With
 * --as NAME it then reads that account's PIN (mi_cli_read_pin) and signs
 * in (mi_app_account_sign_in): the audit log names the person and
 * cli->who is filled. On failure err says why and *out is untouched. Unless
 * an intake is installed already (mi_cli_load_rules), the data file
 * intake.conf is loaded and installed first, so that stored answers to a
 * clinic's own questions read back; a broken intake.conf is left for the
 * commands that screen to refuse. */
struct mi_store;
mi_status mi_cli_open_store(const mi_cli *cli, unsigned flags, struct mi_store **out,
			    mi_error *err);

/* Loads the screening rules the command line asks for: --rules FILE (or
 * the data file rules.conf) with the data files medications.conf and
 * intake.conf. */
struct mi_ruleset;
mi_status mi_cli_load_rules(const mi_cli *cli, struct mi_ruleset **out, mi_error *err);

/* Frees what mi_cli_open_store loaded for the whole run (main calls it
 * once the command is done). */
void mi_cli_release(void);

/* Loads the aftercare template: the data file aftercare.conf. */
struct mi_aftercare_template;
mi_status mi_cli_load_aftercare(const mi_cli *cli, struct mi_aftercare_template **out,
				mi_error *err);

/* Reports an unknown option, or one missing its value, of command (NULL:
 * the program's own) without quoting a value given with it
 * ("--name=VALUE"); returns MI_EUSAGE. */
int mi_cli_bad_option(const char *command, const char *arg, bool missing_value);

/* The one FILE a command such as backup takes as its only operand, or
 * NULL after reporting a bad command line (what names the file in the
 * sentence: "a backup FILE"). */
const char *mi_cli_one_file(const mi_cli_args *args, const char *what);

/* Parses a record id (a visit or client number): a whole number from 1,
 * nothing else; false otherwise. */
bool mi_cli_parse_id(const char *s, long long *out);

/* True when a command's arguments (argv[0] is the command's name) ask for
 * help: -h or --help as an argument of its own before any "--", never as
 * the value of one of the command's options ("note 1 --response -h"). */
bool mi_cli_wants_help(const struct mi_command *command, int argc, char **argv);

/* True when arg is one of the command's options whose value is the next
 * argument ("--output", "-o"), as mi_cli_parse reads it. */
bool mi_cli_value_follows(const struct mi_command *command, const char *arg);

/* Records in the audit log that the current actor views a record (action
 * such as "view", table, record id; 0 for none) under the audit policy of
 * app_audit.h: viewing is not refused when the entry cannot be written (a
 * full disk, a read-only file); a warning sentence goes to stderr instead.
 * Defined in cmd_audit.c. */
struct mi_store;
void mi_cli_audit_view(struct mi_store *store, const char *action, const char *table,
		       long long record_id);

/* Warns on stderr (mi_cli_warn) when a view src/app shows could not be
 * recorded in the audit log (app_records.h). Defined in cmd_audit.c. */
struct mi_app_seen;
void mi_cli_seen(const struct mi_app_seen *seen);

/* Reads a PIN into buf (size bytes): asked with prompt on standard error
 * without echo when standard input is a terminal, else one line of
 * standard input, read so that nothing after that line is consumed. A
 * missing, too long or NUL-holding line is refused with a sentence. Only
 * the digits are checked later (mi_pin_valid). Defined in pin_input.c. */
mi_status mi_cli_read_pin(const char *prompt, char *buf, size_t size, mi_error *err);

/* The account acting (signed in with --as), or NULL. */
const struct mi_account *mi_cli_who(const mi_cli *cli);

/* A JSON string of s made safe to show (control and bidi characters and
 * invalid bytes replaced; newlines kept, JSON escapes them), or JSON null
 * when s is NULL. A new reference; NULL only when out of memory. */
struct json_t;
struct json_t *mi_cli_json_text(const char *s);

/* The words of a command's table (a summary, an option's help), marked
 * N_() there, in the desk's language; NULL and "" as they are. Defined in
 * output.c. */
const char *mi_cli_text(const char *text);

/* The width of a table's column: least (the English one), or the widest
 * of texts[0..count) (its translated heading and words) when wider. */
size_t mi_cli_column_width(size_t least, const char *const *texts, size_t count);

/* Prints value as one line of compact JSON and releases it (it is taken;
 * NULL stands for memory that ran out while building it). 0, or
 * MI_EINTERNAL "out of memory writing the WHAT.". Defined in output.c. */
int mi_cli_put_json(struct json_t *value, const char *what);

/* Appends item to array, taking it; when either is NULL or the append
 * fails, releases both and returns NULL (so a list built in a loop ends
 * NULL when memory ran out), else array. Defined in output.c. */
struct json_t *mi_cli_json_append(struct json_t *array, struct json_t *item);

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

/* Lists visits waiting at the desk (review, drafts) that lister reads
 * (the urgent-first review queue, mi_app_drafts; cli gives it the rules
 * and today), recording the view: one line each
 * (visit, date, client, "SOURCE, finished|draft", outcome) under a header,
 * or the line empty when there are none (or no database yet); with json a
 * JSON array of {"visit", "client", "name", "date", "state", "source",
 * "reviewed", "pain", "outcome", "updated", "fully_screened"}. 0 or an exit status. Defined
 * in visit_list.c. */
struct mi_visit_list;
typedef mi_status (*mi_cli_visit_lister)(const mi_cli *cli, struct mi_store *store,
					 struct mi_visit_list *out, struct mi_app_seen *seen,
					 mi_error *err);
int mi_cli_list_visits(const mi_cli *cli, mi_cli_visit_lister lister, bool json, const char *empty);

/* For each visit of list, whether it is not fully screened
 * (mi_app_visits_not_fully_screened with the rules cli loads, only when
 * some visit has an outcome): *out gets list->count entries (caller frees). */
mi_status mi_cli_visits_not_fully_screened(const mi_cli *cli, struct mi_store *store,
					   const struct mi_visit_list *list, bool **out,
					   mi_error *err);

/* Prints the first two cells of a row of a table of visits, the visit's
 * id and date and the space after them, or their headings when v is NULL
 * (in the desk's language, a column widened to a longer heading). Defined
 * in visit_list.c. */
struct mi_visit_summary;
void mi_cli_put_visit_cells(const struct mi_visit_summary *v);

/* A visit's outcome for people: its level's name, "proceed, not fully
 * screened" when unscreened, "-" without one. */
struct mi_visit_summary;
const char *mi_cli_outcome_words(const struct mi_visit_summary *v, bool unscreened);

/* The "fully_screened" member of a visit in --json: true, false (not fully
 * screened), or null without an outcome. */
struct json_t *mi_cli_fully_screened_json(const struct mi_visit_summary *v, bool unscreened);

/* Prints prompt ("... Type yes to erase: "), reads one line from standard
 * input; true when it is "yes". Defined in confirm.c. */
bool mi_cli_confirm(const char *prompt);

#endif
