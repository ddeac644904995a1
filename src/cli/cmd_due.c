/* cmd_due.c - `massage-intake due`: who is due for a follow-up. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mi/app_followup.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/outfile.h"
#include "mi/store.h"
#include "mi/strbuf.h"

/* The list for people. */
static void print_text(const mi_due_list *list)
{
	if (list->count == 0) {
		fputs(_("Nobody is due.\n"), stdout);
		return;
	}
	for (size_t i = 0; i < list->count; i++) {
		const mi_due_item *d = &list->items[i];
		char date[11];
		mi_date_format(d->due.due, date);
		printf("%s  ", date);
		mi_cli_put_padded(d->name, 28);
		const char *plan = mi_plan_id(&d->due.plan);
		fputs("  ", stdout);
		if (plan)
			/* TRANSLATORS: a line of the due list after the date and the
			 * name: the reason, the visit's number and the plan's id (a
			 * keyword kept as is). */
			printf(_("%s (visit %lld, plan %s)"), d->reason, d->due.visit_id, plan);
		else
			/* TRANSLATORS: as "%s (visit %lld, plan %s)" without a plan. */
			printf(_("%s (visit %lld)"), d->reason, d->due.visit_id);
		if (d->overdue)
			/* TRANSLATORS: marks a follow-up whose day has passed; in
			 * capitals where the language writes them. */
			printf("  %s", _("OVERDUE"));
		putchar('\n');
	}
}

/* The list as JSON. */
static int print_json(const mi_due_list *list)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < list->count; i++) {
		const mi_due_item *d = &list->items[i];
		char due[11], until[11];
		mi_date_format(d->due.due, due);
		mi_date_format(d->due.until, until);
		/* The plan by the id the clinic offers it under, else as set. */
		char plan[32];
		mi_plan_format(&d->due.plan, plan);
		const char *id = mi_plan_id(&d->due.plan);
		json_array_append_new(arr, json_pack("{s:I, s:o, s:I, s:s, s:s, s:s, s:s, s:b}",
						     "client", (json_int_t)d->client_id, "name",
						     mi_cli_json_text(d->name), "visit",
						     (json_int_t)d->due.visit_id, "due", due, "until", until,
						     "plan", id ? id : plan, "reason", d->reason_english,
						     "overdue", d->overdue));
	}
	char *text = arr ? json_dumps(arr, JSON_COMPACT) : NULL;
	json_decref(arr);
	if (!text)
		return mi_cli_failf(MI_EINTERNAL, _("out of memory writing the list."));
	puts(text);
	free(text);
	return 0;
}

/* Writes the calendar file. */
static mi_status write_ics(const char *path, const mi_due_list *list, mi_error *err)
{
	mi_ics_event *events = calloc(list->count ? list->count : 1, sizeof *events);
	char (*uids)[64] = calloc(list->count ? list->count : 1, sizeof *uids);
	mi_status st = events && uids ? MI_OK : mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	for (size_t i = 0; st == MI_OK && i < list->count; i++) {
		const mi_due_item *d = &list->items[i];
		snprintf(uids[i], sizeof uids[i], "visit-%lld-%d-%d@massage-intake", d->due.visit_id,
			 (int)d->due.kind, d->due.session);
		events[i] = (mi_ics_event){.uid = uids[i],
					   .name = d->name,
					   .reason = d->reason_english,
					   .start = d->due.due,
					   .end = d->due.until};
	}
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", gmtime_r(&now, &tm));
	char *text = st == MI_OK ? mi_ics_calendar(events, list->count, stamp) : NULL;
	if (st == MI_OK && !text)
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_outfile *out = NULL;
	if (st == MI_OK)
		st = mi_outfile_open(path, &out, err);
	if (st == MI_OK) {
		fputs(text, mi_outfile_stream(out));
		st = mi_outfile_commit(out, err);
	}
	free(text);
	free(events);
	free(uids);
	return st;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	long days = 7;
	bool json = mi_cli_has(args, 'j');
	const char *ics = mi_cli_value(args, 'i');
	const char *days_text = mi_cli_value(args, 'd');
	if (days_text) {
		char *end = NULL;
		errno = 0;
		days = strtol(days_text, &end, 10);
		if (errno || end == days_text || *end || days < 0 || days > 365)
			return mi_cli_failf(MI_EUSAGE, _("--days takes a whole number from 0 to 365."));
	}
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("due takes no arguments; see massage-intake due --help."));
	mi_error err;
	mi_store *store = NULL;
	mi_due_list list = {0};
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = mi_app_due(store, mi_clock_today(cli->clock), days, &list, &err);
	if (st == MI_OK)
		mi_cli_audit_view(store, "list", "due", 0);
	if (st == MI_OK && ics)
		st = write_ics(ics, &list, &err);
	mi_store_close(store);
	int rc = 0;
	if (st != MI_OK)
		rc = mi_cli_fail(&err);
	else if (json)
		rc = print_json(&list);
	else if (!ics || strcmp(ics, "-") != 0)
		print_text(&list);
	mi_due_list_clear(&list);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO, _("cannot write the list: %s."), strerror(errno));
	return rc;
}

const mi_command mi_command_due = {
	.name = "due",
	.summary = N_("who is due for a follow-up (--days N, --ics FILE)"),
	.usage = "due [--days N] [--json] [--ics FILE]\n",
	.about = N_("Lists the clients due for a follow-up on or before N days from today\n"
		    "(default 7; overdue ones too), from the plan a therapist set on their\n"
		    "latest planned visit (note VISIT --plan):\n"
		    "  reassess            ask how they feel 48-72 hours after the session\n"
		    "  series:N:DAYS       the next of N sessions, DAYS after the last visit\n"
		    "  maintenance:DAYS    a session DAYS after the last visit\n"
		    "Each line and --json's \"plan\" name the plan by the id the clinic offers\n"
		    "it under in intake.conf ([followup_plan ID], the ids the desk's f key\n"
		    "and note --plan take), or as set when it offers none like it.\n"),
	.options = (const mi_cli_option[]){
		{"days", 'd', "N", N_("how far ahead to look, 0 to 365")},
		{"json", 'j', NULL, N_("one JSON array, for other programs")},
		{"ics", 'i', "FILE", N_("also write the list as an iCalendar file (- for standard\n"
				        "output) that calendar and mail programs import: one all-day\n"
				        "event per client with their name and the reason only")},
		{0},
	},
	.after = N_("Exit status: 0 listed; 64 bad command line; 66 no database yet;\n"
		    "73 the calendar file cannot be written.\n"),
	.run = run,
};
