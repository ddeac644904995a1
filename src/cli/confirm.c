/* confirm.c - asking on the terminal before something that cannot be undone. */
#include <stdio.h>
#include <string.h>

#include "mi/cli.h"

bool mi_cli_confirm(const char *prompt)
{
	fputs(prompt, stdout);
	fflush(stdout);
	char line[16];
	if (!fgets(line, sizeof line, stdin))
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	return strcmp(line, "yes") == 0;
}
