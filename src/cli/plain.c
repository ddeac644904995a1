/* plain.c - the desk's intake and `intake` in the plain line mode
 * (ui_plain.h): the command line's part, opening what they need. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/store.h"
#include "mi/ui_plain.h"

/* Asks whether another intake follows; false at the end of input. */
static bool another(mi_plain_io *io)
{
	for (;;) {
		mi_plain_say(io, "%s", _("Another intake? Type y for yes or n for no."));
		mi_plain_prompt(io);
		char *line = NULL;
		if (mi_plain_read_line(io, 0, false, &line) != MI_PLAIN_GOT_LINE)
			return false;
		int answer = mi_plain_yes_no(line);
		free(line);
		if (answer >= 0)
			return answer == 0;
	}
}

int mi_cli_plain_intakes(mi_cli *cli, mi_visit_source source, bool desk)
{
	mi_error err;
	mi_ruleset *rules = NULL;
	mi_store *store = NULL;
	mi_status st = mi_cli_load_rules(cli, &rules, &err);
	if (st == MI_OK)
		st = mi_cli_open_store(cli, MI_STORE_CREATE, &store, &err);
	if (st == MI_OK && desk && !mi_cli_who(cli))
		st = mi_error_set(&err, MI_EUSAGE,
				  _("the front desk in plain mode signs in with --as NAME (the PIN is "
				    "asked next); see massage-intake --help."));
	mi_plain_io io;
	mi_plain_io_init(&io, STDIN_FILENO, stdout);
	long long visit = 0;
	bool more = st == MI_OK;
	while (more) {
		st = mi_plain_desk_intake(store, rules, cli->clock, source, &io, &visit, &err);
		more = st == MI_OK && desk && another(&io);
	}
	mi_plain_io_clear(&io);
	mi_store_close(store);
	mi_ruleset_free(rules);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	if (!desk && visit == 0)
		return mi_cli_failf(MI_EDATA, "%s", _("the intake was not finished; its answers are "
						    "kept as a draft."));
	return 0;
}
