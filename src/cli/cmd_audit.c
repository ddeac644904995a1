/* cmd_audit.c - `massage-intake audit [--json] [--limit N]`: the audit log,
 * newest first; and mi_cli_audit_view, which the viewing commands use to
 * record what was looked at. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_audit.h"
#include "mi/app_records.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/store.h"

#define DEFAULT_LIMIT 100

void mi_cli_seen(const struct mi_app_seen *seen)
{
	if (seen->unrecorded)
		mi_cli_warn(&seen->warning);
}

void mi_cli_audit_view(struct mi_store *store, const char *action, const char *table,
		       long long record_id)
{
	mi_error warning;
	if (!mi_app_audit_view(store, action, table, record_id, &warning))
		mi_cli_warn(&warning);
}

static int print_text(const mi_audit_list *list)
{
	if (list->count == 0) {
		puts(_("the audit log is empty"));
		return 0;
	}
	/* TRANSLATORS: a column heading of the audit log (the entry's
	 * number), at most 6 columns. */
	mi_cli_put_padded(_("id"), 6);
	putchar(' ');
	/* TRANSLATORS: a column heading of the audit log (when), at most 20
	 * columns. */
	mi_cli_put_padded(P_("audit column", "at"), 20);
	fputs("  ", stdout);
	/* TRANSLATORS: a column heading of the audit log, at most 16 columns. */
	mi_cli_put_padded(P_("audit column", "who"), 16);
	putchar(' ');
	/* TRANSLATORS: a column heading of the audit log (what was done; the
	 * actions themselves stay as they are), at most 22 columns. */
	mi_cli_put_padded(P_("audit column", "action"), 22);
	putchar(' ');
	/* TRANSLATORS: a column heading of the audit log (a table of the
	 * database, named as is), at most 12 columns. */
	mi_cli_put_padded(P_("audit column", "table"), 12);
	putchar(' ');
	/* TRANSLATORS: a column heading of the audit log (the record's number),
	 * last column. */
	puts(P_("audit column", "record"));
	for (size_t i = 0; i < list->count; i++) {
		const mi_audit_entry *e = &list->items[i];
		printf("%-6lld ", e->id);
		mi_cli_put_padded(e->at, 20);
		fputs("  ", stdout);
		mi_cli_put_padded(e->who, 16);
		putchar(' ');
		mi_cli_put_padded(e->action, 22);
		putchar(' ');
		mi_cli_put_padded(e->table, 12);
		putchar(' ');
		if (e->record_id > 0)
			printf("%lld\n", e->record_id);
		else
			puts("-");
	}
	return 0;
}

static int print_json(const mi_audit_list *list)
{
	json_t *array = json_array();
	for (size_t i = 0; array && i < list->count; i++) {
		const mi_audit_entry *e = &list->items[i];
		json_t *o = json_pack("{s:I, s:o?, s:o?, s:o?, s:o?, s:o}", "id", (json_int_t)e->id,
				      "at", mi_cli_json_text(e->at), "who", mi_cli_json_text(e->who), "action",
				      mi_cli_json_text(e->action), "table", mi_cli_json_text(e->table),
				      "record_id",
				      e->record_id > 0 ? json_integer(e->record_id) : json_null());
		array = mi_cli_json_append(array, o);
	}
	return mi_cli_put_json(array, "audit log");
}

/* Reads a --limit value: a whole number from 0 up. */
static bool parse_limit(const char *s, size_t *out)
{
	if (!*s || *s == '-' || *s == '+')
		return false;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > 1000000000ULL)
		return false;
	*out = (size_t)v;
	return true;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j');
	size_t limit = DEFAULT_LIMIT;
	const char *limit_arg = mi_cli_value(args, 'l');
	if (limit_arg && !parse_limit(limit_arg, &limit))
		return mi_cli_failf(MI_EUSAGE, _("--limit needs a whole number from 0 up, not \"%s\"."),
				    limit_arg);
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("audit takes only options; see massage-intake audit --help."));

	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	mi_audit_list list = {0};
	if (st == MI_ENOINPUT) {
		/* No database yet: nothing was done. */
	} else if (st != MI_OK) {
		return mi_cli_fail(&err);
	} else {
		st = mi_app_audit_list(store, limit, &list, &err);
		mi_store_close(store);
		if (st != MI_OK)
			return mi_cli_fail(&err);
	}
	int rc = json ? print_json(&list) : print_text(&list);
	mi_audit_list_clear(&list);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO, _("cannot write the audit log: %s."), strerror(errno));
	return rc;
}

/* The --limit help names the default in words a translator can see. */
_Static_assert(DEFAULT_LIMIT == 100, "the --limit help says the default is 100");

const mi_command mi_command_audit = {
	.name = "audit",
	.summary = N_("list the audit log: who viewed or changed which record"),
	.usage = "audit [--json] [--limit N]\n",
	.about = N_("Lists the audit log, newest first: when, who (the therapist, \"kiosk\" or\n"
		    "\"cli\"), what was done (view, list, history, create, complete, notes,\n"
		    "review, discard, print, export, backup, set SETTING, ...), the table and the\n"
		    "record's id. The log never holds a name, an answer, a flag or a setting's\n"
		    "value: only which record was touched.\n"),
	.options = (const mi_cli_option[]){
		{"limit", 'l', "N", N_("at most N entries (default 100; 0 lists them all)")},
		{"json", 'j', NULL, N_("a JSON array of {\"id\", \"at\", \"who\", \"action\", \"table\",\n"
				       "\"record_id\"} (record_id null when the action has no record)")},
		{0},
	},
	.after = N_("Exit status: 0 success (also when there is no database yet); 64 bad\n"
		    "command line; 74 the database cannot be read; 75 the database stayed busy.\n"),
	.run = run,
};
