/* commands.c - the table of sub-commands. One row per src/cli/cmd_NAME.c. */
#include <stddef.h>

#include "mi/cli.h"

int mi_cmd_screen(mi_cli *cli, int argc, char **argv);
int mi_cmd_rules(mi_cli *cli, int argc, char **argv);
int mi_cmd_intake(mi_cli *cli, int argc, char **argv);
int mi_cmd_clients(mi_cli *cli, int argc, char **argv);
int mi_cmd_show(mi_cli *cli, int argc, char **argv);
int mi_cmd_history(mi_cli *cli, int argc, char **argv);
int mi_cmd_note(mi_cli *cli, int argc, char **argv);
int mi_cmd_backup(mi_cli *cli, int argc, char **argv);
int mi_cmd_check(mi_cli *cli, int argc, char **argv);
int mi_cmd_kiosk(mi_cli *cli, int argc, char **argv);
int mi_cmd_set_pin(mi_cli *cli, int argc, char **argv);
int mi_cmd_aftercare(mi_cli *cli, int argc, char **argv);
int mi_cmd_settings(mi_cli *cli, int argc, char **argv);
int mi_cmd_audit(mi_cli *cli, int argc, char **argv);
int mi_cmd_export(mi_cli *cli, int argc, char **argv);
int mi_cmd_erase(mi_cli *cli, int argc, char **argv);

const mi_command mi_commands[] = {
	{"screen", "screen intake answers against the rules", mi_cmd_screen},
	{"rules", "list the loaded screening rules", mi_cmd_rules},
	{"kiosk", "the client self-fill kiosk (leave with F12 and the PIN)", mi_cmd_kiosk},
	{"set-pin", "set the therapist PIN that leaves the kiosk", mi_cmd_set_pin},
	{"intake", "screen and store one intake (--answers FILE)", mi_cmd_intake},
	{"clients", "list clients (--search TEXT)", mi_cmd_clients},
	{"show", "everything stored about one visit", mi_cmd_show},
	{"history", "a client's visits and pain trend", mi_cmd_history},
	{"note", "record goals and session notes for a visit", mi_cmd_note},
	{"backup", "write a checked copy of the database", mi_cmd_backup},
	{"check", "check the database's integrity", mi_cmd_check},
	{"aftercare", "the aftercare summary of a visit: text, PDF or print", mi_cmd_aftercare},
	{"settings", "show or change the clinic's settings", mi_cmd_settings},
	{"audit", "list the audit log: who viewed or changed which record", mi_cmd_audit},
	{"export", "FHIR R4 Bundles and Questionnaire, or a client's own copy", mi_cmd_export},
	{"erase", "erase a client's records for good; list old backups", mi_cmd_erase},
	{NULL, NULL, NULL},
};
