/* commands.c - the table of sub-commands. One row per src/cli/cmd_NAME.c. */
#include <stddef.h>

#include "mi/cli.h"

int mi_cmd_screen(mi_cli *cli, int argc, char **argv);
int mi_cmd_rules(mi_cli *cli, int argc, char **argv);

const mi_command mi_commands[] = {
	{"screen", "screen intake answers against the rules", mi_cmd_screen},
	{"rules", "list the loaded screening rules", mi_cmd_rules},
	{NULL, NULL, NULL},
};
