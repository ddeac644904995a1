/* export.c - records sent out of the program: FHIR Bundles, the
 * Questionnaire and a client's own copy, each logged before it is written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_access.h"
#include "mi/app_aftercare.h"
#include "mi/app_export.h"
#include "mi/app_followup.h"
#include "mi/app_settings.h"
#include "mi/client_copy.h"
#include "mi/fhir.h"
#include "mi/outfile.h"
#include "mi/store_export.h"

/* Writes text and a newline to the outfile's stream. */
static mi_status put_line(mi_outfile *out, const char *text, mi_error *err)
{
	FILE *f = mi_outfile_stream(out);
	if (fputs(text, f) == EOF || fputc('\n', f) == EOF)
		return mi_error_set(err, MI_EIO, _("cannot write the export: %s."), strerror(errno));
	return MI_OK;
}

mi_status mi_app_export_questionnaire(const mi_form *form, const char *output, mi_error *err)
{
	char *text = mi_fhir_questionnaire(form, true);
	if (!text)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory writing the Questionnaire."));
	mi_outfile *out = NULL;
	mi_status st = mi_outfile_open(output, &out, err);
	if (st == MI_OK)
		st = put_line(out, text, err);
	if (st == MI_OK)
		st = mi_outfile_commit(out, err);
	else
		mi_outfile_abort(out);
	free(text);
	return st;
}

/* One FHIR export under way: the client of the last visit is kept, since
 * one client's visits often come one after another. */
typedef struct fhir_run {
	mi_store *store;
	mi_fhir_source src;
	mi_outfile *out;
	bool array, pretty;
	size_t written;
	mi_client client; /* id 0: none loaded */
} fhir_run;

/* Writes the Bundle of one visit. */
static mi_status export_visit(fhir_run *run, long long visit_id, mi_error *err)
{
	mi_visit *visit = NULL;
	mi_status st = mi_store_visit_load(run->store, visit_id, &visit, err);
	if (st == MI_OK && visit->client_id && visit->client_id != run->client.id) {
		mi_client_clear(&run->client);
		st = mi_store_client_get(run->store, visit->client_id, &run->client, err);
	}
	mi_visit_record record = {0};
	if (st == MI_OK)
		st = mi_app_visit_record(run->store, visit_id, &record, err);
	char *json = NULL;
	if (st == MI_OK)
		st = mi_fhir_bundle(&run->src, visit, visit->client_id ? &run->client : NULL,
				    &record, run->pretty, &json, err);
	mi_visit_record_clear(&record);
	FILE *f = mi_outfile_stream(run->out);
	if (st == MI_OK && run->array && fputs(run->written ? ",\n" : "[\n", f) == EOF)
		st = mi_error_set(err, MI_EIO, _("cannot write the export: %s."), strerror(errno));
	if (st == MI_OK && (fputs(json, f) == EOF || (!run->array && fputc('\n', f) == EOF)))
		st = mi_error_set(err, MI_EIO, _("cannot write the export: %s."), strerror(errno));
	if (st == MI_OK)
		run->written++;
	free(json);
	mi_visit_free(visit);
	return st;
}

/* Checks that the visit or client exists, so a wrong number is refused
 * before anything is logged or written. */
static mi_status check_target(mi_store *store, const mi_app_fhir_request *r, mi_error *err)
{
	if (r->scope == MI_APP_EXPORT_VISIT) {
		bool reviewed;
		mi_visit_source source;
		return mi_store_visit_source(store, r->id, &source, &reviewed, err);
	}
	if (r->scope == MI_APP_EXPORT_CLIENT) {
		mi_client c = {0};
		mi_status st = mi_store_client_get(store, r->id, &c, err);
		mi_client_clear(&c);
		return st;
	}
	return MI_OK;
}

mi_status mi_app_export_fhir(mi_store *store, const mi_form *form, const mi_ruleset *rules,
			     const mi_app_fhir_request *r, mi_error *err)
{
	char installation[MI_UUID_SIZE];
	const char *table = r->scope == MI_APP_EXPORT_VISIT    ? "visits"
			    : r->scope == MI_APP_EXPORT_CLIENT ? "clients"
							       : "database";
	long long target = r->scope == MI_APP_EXPORT_ALL ? 0 : r->id;
	mi_status st = check_target(store, r, err);
	/* The Bundles carry the session notes: a therapist's export. */
	if (st == MI_OK)
		st = mi_app_may_read_notes(store, table, target, err);
	if (st == MI_OK)
		st = mi_store_installation_id(store, installation, err);
	/* Logged before anything is written: an export that cannot be logged
	 * is not done. */
	if (st == MI_OK)
		st = mi_store_audit_append(store, "export fhir", table, target, err);
	fhir_run run = {
		.store = store,
		.src = {.form = form, .rules = rules, .installation_id = installation},
		.array = r->scope != MI_APP_EXPORT_VISIT && !r->jsonl,
		.pretty = !r->jsonl,
	};
	if (st == MI_OK)
		st = mi_outfile_open(r->output, &run.out, err);
	if (st == MI_OK && r->scope == MI_APP_EXPORT_VISIT) {
		st = export_visit(&run, r->id, err);
	} else if (st == MI_OK) {
		long long id = 0;
		while (st == MI_OK &&
		       (st = mi_store_next_visit(store, r->scope == MI_APP_EXPORT_CLIENT ? r->id : 0, id, &id,
						 err)) == MI_OK &&
		       id)
			st = export_visit(&run, id, err);
	}
	if (st == MI_OK && run.array)
		st = put_line(run.out, run.written ? "\n]" : "[]", err);
	if (st == MI_OK)
		st = mi_outfile_commit(run.out, err);
	else
		mi_outfile_abort(run.out);
	mi_client_clear(&run.client);
	return st;
}

/* Every visit of the client, oldest first, loaded whole, with what each
 * keeps beside it. */
typedef struct visit_list {
	mi_visit **items;
	mi_visit_record *records;
	size_t count;
} visit_list;

static void visit_list_free(visit_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		mi_visit_free(l->items[i]);
		mi_visit_record_clear(&l->records[i]);
	}
	free(l->items);
	free(l->records);
}

static mi_status load_visits(mi_store *store, long long client_id, visit_list *out, mi_error *err)
{
	long long id = 0;
	mi_status st;
	while ((st = mi_store_next_visit(store, client_id, id, &id, err)) == MI_OK && id) {
		mi_visit **grown = realloc(out->items, (out->count + 1) * sizeof *grown);
		if (grown)
			out->items = grown;
		mi_visit_record *records =
			grown ? realloc(out->records, (out->count + 1) * sizeof *records) : NULL;
		if (!records)
			return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
		out->records = records;
		st = mi_store_visit_load(store, id, &out->items[out->count], err);
		if (st != MI_OK)
			return st;
		st = mi_app_visit_record(store, id, &out->records[out->count], err);
		if (st != MI_OK) {
			mi_visit_free(out->items[out->count]);
			return st;
		}
		out->count++;
	}
	return st;
}

mi_status mi_app_export_copy(mi_store *store, const mi_form *form, const mi_ruleset *rules,
			     const mi_app_copy_request *r, mi_error *err)
{
	mi_client client = {0};
	visit_list visits = {0};
	mi_settings settings = {0};
	mi_status st = mi_store_client_get(store, r->client_id, &client, err);
	/* The copy holds every note: a therapist hands it over. */
	if (st == MI_OK)
		st = mi_app_may_read_notes(store, "clients", r->client_id, err);
	if (st == MI_OK)
		st = load_visits(store, r->client_id, &visits, err);
	if (st == MI_OK)
		st = mi_app_settings_load(store, &settings, err);
	mi_paper paper = r->has_paper ? r->paper : mi_app_paper(&settings);
	if (st == MI_OK)
		st = mi_store_audit_append(store, "export copy", "clients", r->client_id, err);
	mi_client_copy copy = {.client = &client, .visits = visits.items, .records = visits.records,
			       .visit_count = visits.count,
			       .form = form, .rules = rules, .clinic_name = settings.clinic_name,
			       .made = r->today};
	unsigned char *data = NULL;
	size_t len = 0;
	if (st == MI_OK && !r->pdf) {
		data = (unsigned char *)mi_client_copy_json(&copy);
		len = data ? strlen((char *)data) : 0;
		if (!data)
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory writing the copy."));
	} else if (st == MI_OK) {
		st = mi_client_copy_pdf(&copy, paper, &data, &len, err);
		mi_render_release_fonts();
	}
	mi_outfile *out = NULL;
	if (st == MI_OK)
		st = mi_outfile_open(r->output, &out, err);
	if (st == MI_OK) {
		/* Short writes leave the stream's error set, which commit reports. */
		fwrite(data, 1, len, mi_outfile_stream(out));
		if (!r->pdf)
			fputc('\n', mi_outfile_stream(out));
		st = mi_outfile_commit(out, err);
	}
	free(data);
	mi_settings_clear(&settings);
	visit_list_free(&visits);
	mi_client_clear(&client);
	return st;
}
