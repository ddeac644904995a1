/* commands.c - the table of sub-commands, in the order --help lists them.
 * Each entry, with its options and help, lives in its src/cli/cmd_NAME.c. */
#include <stddef.h>

#include "mi/cli.h"

const mi_command *const mi_commands[] = {
	&mi_command_screen,    &mi_command_rules,   &mi_command_kiosk,   &mi_command_set_pin,
	&mi_command_intake,    &mi_command_clients, &mi_command_show,    &mi_command_history,
	&mi_command_review,    &mi_command_drafts,  &mi_command_note,    &mi_command_backup,
	&mi_command_restore,   &mi_command_check,   &mi_command_aftercare, &mi_command_settings,
	&mi_command_audit,     &mi_command_export,  &mi_command_erase,   &mi_command_therapist,
	&mi_command_due,       &mi_command_check_translations, NULL,
};
