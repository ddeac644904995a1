/* visit_list.c - a list of visits waiting at the desk (the review queue,
 * the unfinished intakes) as the review and drafts commands print it. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_records.h"
#include "mi/app_rescreen.h"
#include "mi/cli.h"
#include "mi/i18n.h"

/* "kiosk, finished", "desk, draft": as the desk's review page says it. */
static void state_of(const mi_visit_summary *v, char *buf, size_t size)
{
	const char *source = mi_visit_source_name(v->source);
	if (v->complete)
		/* TRANSLATORS: the state of a visit in the review and drafts
		 * lists, at most 16 columns; %s is where it was entered (kiosk,
		 * desk or cli, a keyword kept as is). */
		snprintf(buf, size, _("%s, finished"), source);
	else
		/* TRANSLATORS: as "%s, finished", for an intake not finished yet. */
		snprintf(buf, size, _("%s, draft"), source);
}

/* The outcome as people read it: "proceed, not fully screened" for a
 * visit not fully screened (app_rescreen.h), "-" for none. */
const char *mi_cli_outcome_words(const mi_visit_summary *v, bool unscreened)
{
	if (!v->has_outcome)
		return "-";
	/* TRANSLATORS: an outcome in the review, drafts and history lists:
	 * "proceed" is the level's keyword and stays as is; safety questions
	 * are unanswered. */
	return unscreened ? _("proceed, not fully screened") : mi_level_name(v->outcome);
}

/* "fully_screened" of --json: null without an outcome. */
json_t *mi_cli_fully_screened_json(const mi_visit_summary *v, bool unscreened)
{
	return v->has_outcome ? json_boolean(!unscreened) : json_null();
}

void mi_cli_put_visit_cells(const mi_visit_summary *v)
{
	/* TRANSLATORS: the headings of a table of visits; a column is as wide
	 * as its heading when that is wider. */
	const char *visit = P_("column", "visit"), *date = P_("column", "date");
	char id[24] = "", day[11] = "";
	if (v) {
		snprintf(id, sizeof id, "%lld", v->id);
		mi_date_format(v->date, day);
	}
	mi_cli_put_padded(v ? id : visit, mi_cli_column_width(7, &visit, 1));
	putchar(' ');
	mi_cli_put_padded(v ? day : date, mi_cli_column_width(10, &date, 1));
	fputs("  ", stdout);
}

static void print_text(const mi_visit_list *list, const bool *unscreened, const char *empty)
{
	if (list->count == 0) {
		puts(empty);
		return;
	}
	const char *heads[] = {P_("column", "client"), P_("column", "state"), P_("column", "outcome")};
	size_t client_w = mi_cli_column_width(26, &heads[0], 1),
	       state_w = mi_cli_column_width(16, &heads[1], 1);
	char state[64];
	for (size_t i = 0; i <= list->count; i++) {
		const mi_visit_summary *v = i ? &list->items[i - 1] : NULL;
		if (v)
			state_of(v, state, sizeof state);
		mi_cli_put_visit_cells(v);
		mi_cli_put_padded(!v ? heads[0] : v->client_name ? v->client_name : _("(no name yet)"),
				  client_w);
		fputs("  ", stdout);
		mi_cli_put_padded(v ? state : heads[1], state_w);
		fputs("  ", stdout);
		puts(v ? mi_cli_outcome_words(v, unscreened[i - 1]) : heads[2]);
	}
}

static int print_json(const mi_visit_list *list, const bool *unscreened)
{
	json_t *array = json_array();
	for (size_t i = 0; array && i < list->count; i++) {
		const mi_visit_summary *v = &list->items[i];
		char date[11];
		mi_date_format(v->date, date);
		json_t *o = json_pack(
			"{s:I, s:o, s:o, s:s, s:s, s:s, s:b, s:o, s:o, s:o}", "visit", (json_int_t)v->id,
			"client", v->client_id ? json_integer(v->client_id) : json_null(), "name",
			mi_cli_json_text(v->client_name), "date", date, "state",
			v->complete ? "complete" : "draft", "source", mi_visit_source_name(v->source),
			"reviewed", v->reviewed, "pain", v->pain >= 0 ? json_integer(v->pain) : json_null(),
			"outcome", mi_cli_json_text(v->has_outcome ? mi_level_name(v->outcome) : NULL),
			"updated", mi_cli_json_text(v->updated));
		if (o)
			json_object_set_new(o, "fully_screened",
					    mi_cli_fully_screened_json(v, unscreened[i]));
		array = mi_cli_json_append(array, o);
	}
	return mi_cli_put_json(array, "list");
}

int mi_cli_list_visits(const mi_cli *cli, mi_cli_visit_lister lister, bool json, const char *empty)
{
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	mi_visit_list list = {0};
	bool *unscreened = NULL;
	if (st == MI_OK) {
		mi_app_seen seen;
		st = lister(cli, store, &list, &seen, &err);
		if (st == MI_OK)
			mi_cli_seen(&seen);
		if (st == MI_OK)
			st = mi_cli_visits_not_fully_screened(cli, store, &list, &unscreened, &err);
		mi_store_close(store);
	}
	/* No database yet: nothing waits. */
	if (st != MI_OK && st != MI_ENOINPUT) {
		mi_visit_list_clear(&list);
		return mi_cli_fail(&err);
	}
	bool none = false; /* no database: an empty list */
	const bool *flags = unscreened ? unscreened : &none;
	int rc = json ? print_json(&list, flags) : (print_text(&list, flags, empty), 0);
	free(unscreened);
	mi_visit_list_clear(&list);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO, _("cannot write the list: %s."), strerror(errno));
	return rc;
}

mi_status mi_cli_visits_not_fully_screened(const mi_cli *cli, mi_store *store,
					   const mi_visit_list *list, bool **out, mi_error *err)
{
	*out = calloc(list->count + 1, sizeof **out);
	if (!*out)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	bool any = false; /* the drafts list has no outcome: no rules needed */
	for (size_t i = 0; i < list->count; i++)
		any = any || list->items[i].has_outcome;
	if (!any)
		return MI_OK;
	mi_ruleset *rules = NULL;
	mi_status st = mi_cli_load_rules(cli, &rules, err);
	if (st == MI_OK)
		st = mi_app_visits_not_fully_screened(store, rules, list, *out, err);
	mi_ruleset_free(rules);
	if (st != MI_OK) {
		free(*out);
		*out = NULL;
	}
	return st;
}
