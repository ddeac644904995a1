/* commands.c - the table of sub-commands. One row per src/cli/cmd_NAME.c. */
#include <stddef.h>

#include "mi/cli.h"


const mi_command mi_commands[] = {
	{NULL, NULL, NULL},
};
