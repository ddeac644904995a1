/* visit_list.c - a list of visits waiting at the desk (the review queue,
 * the unfinished intakes) as the review and drafts commands print it. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/app_records.h"
#include "mi/cli.h"

/* "kiosk, finished", "desk, draft": as the desk's review page says it. */
static void state_of(const mi_visit_summary *v, char *buf, size_t size)
{
	snprintf(buf, size, "%s, %s", mi_visit_source_name(v->source),
		 v->complete ? "finished" : "draft");
}

static void print_text(const mi_visit_list *list, const char *empty)
{
	if (list->count == 0) {
		puts(empty);
		return;
	}
	printf("%-7s %-10s  %-26s  %-16s  %s\n", "visit", "date", "client", "state", "outcome");
	for (size_t i = 0; i < list->count; i++) {
		const mi_visit_summary *v = &list->items[i];
		char date[11], state[32];
		mi_date_format(v->date, date);
		state_of(v, state, sizeof state);
		printf("%-7lld %-10s  ", v->id, date);
		mi_cli_put_padded(v->client_name ? v->client_name : "(no name yet)", 26);
		printf("  %-16s  %s\n", state, v->has_outcome ? mi_level_name(v->outcome) : "-");
	}
}

static int print_json(const mi_visit_list *list)
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
	if (st == MI_OK) {
		mi_app_seen seen;
		st = lister(cli, store, &list, &seen, &err);
		if (st == MI_OK)
			mi_cli_seen(&seen);
		mi_store_close(store);
	}
	/* No database yet: nothing waits. */
	if (st != MI_OK && st != MI_ENOINPUT)
		return mi_cli_fail(&err);
	int rc = json ? print_json(&list) : (print_text(&list, empty), 0);
	mi_visit_list_clear(&list);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = mi_cli_failf(MI_EIO, "cannot write the list: %s.", strerror(errno));
	return rc;
}
