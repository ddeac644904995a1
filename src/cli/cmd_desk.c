/* cmd_desk.c - no sub-command: the front-desk terminal UI. */
#include <unistd.h>

#include "mi/cli.h"

int mi_cmd_desk(mi_cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return mi_cli_failf(MI_EUSAGE,
				    "the front desk needs a terminal; for scripts use a command such as "
				    "\"massage-intake screen FILE\" (see massage-intake --help).");
	return mi_cli_failf(MI_EINTERNAL, "the terminal UI is not built yet.");
}
