/* cmd_clients.c - `massage-intake clients [--search TEXT]`: list clients. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_records.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/store.h"
#include "mi/text.h"

static int print_text(const mi_client_list *list, bool searching)
{
	if (list->count == 0) {
		puts(searching ? _("no client matches") : _("no clients yet"));
		return 0;
	}
	/* TRANSLATORS: a column heading of the clients list (the client's
	 * number), at most 6 columns. */
	mi_cli_put_padded(_("id"), 6);
	putchar(' ');
	/* TRANSLATORS: a column heading, at most 30 columns. */
	mi_cli_put_padded(_("name"), 30);
	putchar(' ');
	/* TRANSLATORS: a column heading (the birth date), at most 10 columns. */
	mi_cli_put_padded(_("born"), 10);
	fputs("  ", stdout);
	/* TRANSLATORS: a column heading (a date); the column widens when it
	 * is longer than 10 columns. */
	const char *last_visit = _("last visit");
	size_t last_width = mi_text_width(last_visit) > 10 ? mi_text_width(last_visit) : 10;
	mi_cli_put_padded(last_visit, last_width);
	/* TRANSLATORS: a column heading: the screening outcome (last column). */
	printf("  %s\n", _("outcome"));
	for (size_t i = 0; i < list->count; i++) {
		const mi_client *c = &list->items[i];
		printf("%-6lld ", c->id);
		mi_cli_put_padded(c->name, 30);
		putchar(' ');
		mi_cli_put_padded(c->birth_date, 10);
		fputs("  ", stdout);
		mi_cli_put_padded(c->last_visit, last_width);
		fputs("  ", stdout);
		puts(c->has_last_outcome ? mi_level_name(c->last_outcome) : "-");
	}
	return 0;
}

static int print_json(const mi_client_list *list)
{
	json_t *array = json_array();
	for (size_t i = 0; array && i < list->count; i++) {
		const mi_client *c = &list->items[i];
		json_t *o = json_pack(
			"{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:I}", "id", (json_int_t)c->id, "name",
			mi_cli_json_text(c->name), "birth_date", mi_cli_json_text(c->birth_date), "phone",
			mi_cli_json_text(c->phone), "email", mi_cli_json_text(c->email), "last_visit",
			mi_cli_json_text(c->last_visit), "last_outcome",
			mi_cli_json_text(c->has_last_outcome ? mi_level_name(c->last_outcome) : NULL),
			"visits", (json_int_t)c->visit_count);
		array = mi_cli_json_append(array, o);
	}
	return mi_cli_put_json(array, "list");
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	const char *search = mi_cli_value(args, 's');
	bool json = mi_cli_has(args, 'j');
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE,
				    _("clients takes only options; to search, use --search TEXT."));

	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	mi_client_list list = {0};
	if (st == MI_ENOINPUT) {
		/* No database yet: nobody to list. */
	} else if (st != MI_OK) {
		return mi_cli_fail(&err);
	} else {
		/* The search text may be a name: it is not recorded. */
		mi_app_seen seen;
		st = mi_app_clients(store, search, 0, &list, &seen, &err);
		mi_cli_seen(&seen);
		mi_store_close(store);
		if (st != MI_OK)
			return mi_cli_fail(&err);
	}
	int rc = json ? print_json(&list) : print_text(&list, search && *search);
	mi_client_list_clear(&list);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO, _("cannot write the list: %s."), strerror(errno));
	return rc;
}

const mi_command mi_command_clients = {
	.name = "clients",
	.summary = N_("list clients (--search TEXT)"),
	.usage = "clients [--search TEXT] [--json]\n",
	.about = N_("Lists clients, one per line, ordered by name: id, name, birth date, the\n"
		    "date and screening outcome of the latest completed visit.\n"),
	.options = (const mi_cli_option[]){
		{"search", 's', "TEXT", N_("only clients whose name contains TEXT (case, accents,\n"
					   "width and spacing ignored, in every script)")},
		{"json", 'j', NULL, N_("a JSON array of {\"id\", \"name\", \"birth_date\", \"phone\",\n"
				       "\"email\", \"last_visit\", \"last_outcome\", \"visits\"}")},
		{0},
	},
	.after = N_("Exit status: 0 success (also when no client matches); 64 bad command line;\n"
		    "74 the database cannot be read; 75 the database stayed busy.\n"),
	.run = run,
};
