/* cmd_history.c - `massage-intake history CLIENT`: a client's visits and pain trend. */
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

/* One ASCII mark per pain rating 0-10 for the sparkline. */
static char spark(int pain)
{
	static const char marks[] = "_.,:-=+*#%@";
	return pain >= 0 && pain <= 10 ? marks[pain] : ' ';
}

/* The trend lines: the ratings joined by arrows, an ASCII sparkline, and
 * the change from the first rating to the last. */
static void print_trend(const mi_visit_list *visits)
{
	int first = -1, last = -1;
	size_t shown = 0;
	fputs(_("pain trend: "), stdout);
	for (size_t i = 0; i < visits->count; i++) {
		const mi_visit_summary *v = &visits->items[i];
		if (!v->complete)
			continue;
		if (shown++)
			fputs(" -> ", stdout);
		if (v->pain >= 0) {
			printf("%d", v->pain);
			if (first < 0)
				first = v->pain;
			last = v->pain;
		} else {
			putchar('?');
		}
	}
	if (!shown)
		fputs(_("no completed visits yet"), stdout);
	putchar('\n');
	if (!shown)
		return;
	/* TRANSLATORS: the marks of the pain ratings follow between the
	 * brackets; the explanation of the marks comes after them. */
	fputs(_("sparkline:  ["), stdout);
	for (size_t i = 0; i < visits->count; i++)
		if (visits->items[i].complete)
			putchar(spark(visits->items[i].pain));
	fputs(_("]  (_ = 0 ... @ = 10)\n"), stdout);
	if (first >= 0 && last >= 0 && shown > 1) {
		if (last < first)
			/* TRANSLATORS: the first pain rating, the last, and how
			 * much lower the last is. */
			printf(_("change: %d -> %d, better by %d\n"), first, last, first - last);
		else if (last > first)
			printf(_("change: %d -> %d, worse by %d\n"), first, last, last - first);
		else
			printf(_("change: none (%d)\n"), last);
	}
}

static void print_text(const mi_client *client, const mi_visit_list *visits,
		       const bool *unscreened)
{
	char *name = mi_text_sanitize(client->name ? client->name : "-", false);
	char *born = mi_text_sanitize(client->birth_date ? client->birth_date : _("(not given)"),
				      false);
	/* TRANSLATORS: the client's number, name and birth date. */
	printf(_("client %lld: %s, born %s\n"), client->id, name ? name : "?", born ? born : "?");
	free(name);
	free(born);
	if (visits->count == 0) {
		puts(_("no visits yet"));
		return;
	}
	/* TRANSLATORS: the headings of a client's visits after the visit and
	 * the date; a column is as wide as its heading or its widest word. */
	const char *heads[] = {P_("column", "state"), P_("column", "pain"), P_("column", "outcome")};
	const char *states[] = {heads[0], P_("visit state", "complete"), P_("visit state", "draft")};
	size_t state_w = mi_cli_column_width(9, states, 3), pain_w = mi_cli_column_width(4, &heads[1], 1);
	char pain[16];
	for (size_t i = 0; i <= visits->count; i++) {
		const mi_visit_summary *v = i ? &visits->items[i - 1] : NULL;
		if (v && v->pain >= 0)
			snprintf(pain, sizeof pain, "%d", v->pain);
		else
			snprintf(pain, sizeof pain, "-");
		mi_cli_put_visit_cells(v);
		mi_cli_put_padded(v ? states[v->complete ? 1 : 2] : heads[0], state_w);
		putchar(' ');
		mi_cli_put_padded(v ? pain : heads[1], pain_w);
		fputs("  ", stdout);
		const char *outcome = v ? mi_cli_outcome_words(v, unscreened[i - 1]) : heads[2];
		if (v && !v->reviewed)
			/* TRANSLATORS: a visit's outcome (a keyword such as "proceed",
			 * kept as it is) in a table. */
			printf(_("%s (waiting for review)"), outcome);
		else
			fputs(outcome, stdout);
		putchar('\n');
	}
	print_trend(visits);
}

static int print_json(const mi_client *client, const mi_visit_list *visits,
		      const bool *unscreened)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < visits->count; i++) {
		const mi_visit_summary *v = &visits->items[i];
		char date[11];
		mi_date_format(v->date, date);
		json_array_append_new(
			list, json_pack("{s:I, s:s, s:s, s:o, s:o, s:s, s:b, s:o}", "visit",
					(json_int_t)v->id, "date", date, "state",
					v->complete ? "complete" : "draft", "pain",
					v->pain >= 0 ? json_integer(v->pain) : json_null(), "outcome",
					mi_cli_json_text(v->has_outcome ? mi_level_name(v->outcome) : NULL),
					"source", mi_visit_source_name(v->source), "reviewed",
					v->reviewed, "fully_screened",
					mi_cli_fully_screened_json(v, unscreened[i])));
	}
	json_t *root = json_pack("{s:{s:I, s:o, s:o}, s:o}", "client", "id", (json_int_t)client->id,
				 "name", mi_cli_json_text(client->name), "birth_date",
				 mi_cli_json_text(client->birth_date), "visits", list);
	return mi_cli_put_json(root, "history");
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j');
	long long client_id = 0;
	if (!mi_cli_one_id(args, &client_id))
		client_id = 0;
	if (client_id <= 0)
		return mi_cli_failf(MI_EUSAGE, _("history needs one client id (a positive number); "
						 "see massage-intake clients."));

	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	mi_client client = {0};
	mi_visit_list visits = {0};
	mi_app_seen seen = {0};
	bool *unscreened = NULL;
	if (st == MI_OK)
		st = mi_app_client_history(store, client_id, &client, &visits, &seen, &err);
	mi_cli_seen(&seen);
	if (st == MI_OK)
		st = mi_cli_visits_not_fully_screened(cli, store, &visits, &unscreened, &err);
	mi_store_close(store);
	int rc = 0;
	if (st != MI_OK)
		rc = mi_cli_fail(&err);
	else if (json)
		rc = print_json(&client, &visits, unscreened);
	else
		print_text(&client, &visits, unscreened);
	free(unscreened);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO, _("cannot write the history: %s."), strerror(errno));
	mi_visit_list_clear(&visits);
	mi_client_clear(&client);
	return rc;
}

const mi_command mi_command_history = {
	.name = "history",
	.summary = N_("a client's visits and pain trend"),
	.usage = "history CLIENT [--json]\n",
	.about = N_("Lists every visit of one client (the id from `massage-intake clients`),\n"
		    "oldest first, with its date, pain rating (0-10) and screening outcome\n"
		    "(\"proceed, not fully screened\" while safety questions are unanswered),\n"
		    "then the pain trend over the completed visits.\n"),
	.options = (const mi_cli_option[]){
		{"json", 'j', NULL, "{\"client\": {...}, \"visits\": [{\"visit\", \"date\", \"state\",\n"
				    "\"pain\", \"outcome\", \"source\", \"reviewed\", \"fully_screened\"}]}"},
		{0},
	},
	.after = N_("Exit status: 0 success; 64 bad command line; 66 no database yet;\n"
		    "67 no such client; 74 the database cannot be read; 75 it stayed busy.\n"),
	.run = run,
};
