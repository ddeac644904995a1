/* commands.c - the table of sub-commands. One row per src/cli/cmd_NAME.c. */
#include <stddef.h>

#include "mi/cli.h"

const mi_command mi_commands[] = {
	{.name = "screen", .summary = "screen intake answers against the rules", .run = mi_cmd_screen},
	{.name = "rules", .summary = "list the loaded screening rules", .run = mi_cmd_rules},
	{.name = "kiosk", .summary = "the client self-fill kiosk (leave with F12 and the PIN)",
	 .run = mi_cmd_kiosk},
	{.name = "set-pin", .summary = "set the therapist PIN that leaves the kiosk", .run = mi_cmd_set_pin},
	{.name = "intake", .summary = "screen and store one intake (--answers FILE)", .run = mi_cmd_intake,
	 .options = mi_intake_options},
	{.name = "clients", .summary = "list clients (--search TEXT)", .run = mi_cmd_clients,
	 .options = mi_clients_options},
	{.name = "show", .summary = "everything stored about one visit", .run = mi_cmd_show},
	{.name = "history", .summary = "a client's visits and pain trend", .run = mi_cmd_history},
	{.name = "note", .summary = "record goals and session notes for a visit", .run = mi_cmd_note,
	 .options = mi_note_options},
	{.name = "backup", .summary = "write a checked copy of the database", .run = mi_cmd_backup},
	{.name = "restore", .summary = "put a backup in place of the database (the old one is kept)",
	 .run = mi_cmd_restore},
	{.name = "check", .summary = "check the database's integrity", .run = mi_cmd_check},
	{.name = "aftercare", .summary = "the aftercare summary of a visit: text, PDF or print",
	 .run = mi_cmd_aftercare, .options = mi_aftercare_options,
	 .short_options = mi_aftercare_short_options},
	{.name = "settings", .summary = "show or change the clinic's settings", .run = mi_cmd_settings},
	{.name = "audit", .summary = "list the audit log: who viewed or changed which record",
	 .run = mi_cmd_audit, .options = mi_audit_options},
	{.name = "export", .summary = "FHIR R4 Bundles and Questionnaire, or a client's own copy",
	 .run = mi_cmd_export, .options = mi_export_options, .short_options = mi_export_short_options},
	{.name = "erase", .summary = "erase a client's records for good; list old backups",
	 .run = mi_cmd_erase, .options = mi_erase_options},
	{.name = NULL},
};
