/* store_signing.c - signed session notes and their amendments. */
#include <stdlib.h>
#include <string.h>

#include "mi/store_signing.h"
#include "mi/strbuf.h"
#include "store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char SQL_SIGN[] =
	"INSERT INTO note_signatures (visit_id, who, at) VALUES (?1, ?2, " NOW ")";
static const char SQL_SIGNATURE[] = "SELECT who, at FROM note_signatures WHERE visit_id = ?1";
static const char SQL_AMENDMENTS[] =
	"SELECT at, who, field, before, after FROM note_amendments WHERE visit_id = ?1 ORDER BY id";
static const char SQL_AMEND[] =
	"INSERT INTO note_amendments (visit_id, at, who, field, before, after)"
	" VALUES (?1, " NOW ", ?2, ?3, ?4, ?5)";

/* Whether the visit's notes are signed. */
static mi_status is_signed(mi_store *store, long long visit_id, bool *out, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_SIGNATURE, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the signature"));
	*out = rc == SQLITE_ROW;
	return MI_OK;
}

mi_status mi_store_visit_sign(mi_store *store, long long visit_id, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	bool signed_already = false;
	status = mi_st_require_complete(store, visit_id, err);
	if (status == MI_OK)
		status = is_signed(store, visit_id, &signed_already, err);
	if (status == MI_OK && signed_already)
		status = mi_error_set(err, MI_EDATA,
				      "visit %lld is closed and signed already; a change now is an amendment.",
				      visit_id);
	sqlite3_stmt *stmt = status == MI_OK ? mi_st_stmt(store, SQL_SIGN, err) : NULL;
	if (status == MI_OK && !stmt)
		status = err->status;
	if (status == MI_OK) {
		sqlite3_bind_int64(stmt, 1, visit_id);
		mi_st_bind_text(stmt, 2, store->actor);
		status = mi_st_exec(store, stmt, err, N_("signing the notes"));
	}
	if (status == MI_OK)
		status = mi_st_audit(store, "sign", "visits", visit_id, err);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}

mi_status mi_store_note_record(mi_store *store, long long visit_id, mi_note_record *out,
			       mi_error *err)
{
	mi_note_record r = {0};
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_SIGNATURE, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		r.signed_by = mi_st_column_dup(stmt, 0);
		r.signed_at = mi_st_column_dup(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the signature"));
	stmt = mi_st_stmt(store, SQL_AMENDMENTS, err);
	if (!stmt) {
		mi_note_record_clear(&r);
		return err->status;
	}
	sqlite3_bind_int64(stmt, 1, visit_id);
	size_t cap = 0;
	mi_status status = MI_OK;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_note_amendment *items = mi_st_grow(r.amendments, r.amendment_count, &cap, sizeof *items);
		if (!items) {
			status = mi_st_nomem(err);
			break;
		}
		r.amendments = items;
		mi_note_amendment *a = &r.amendments[r.amendment_count++];
		a->at = mi_st_column_dup(stmt, 0);
		a->who = mi_st_column_dup(stmt, 1);
		a->field = mi_st_column_dup(stmt, 2);
		a->before = mi_st_column_dup(stmt, 3);
		a->after = mi_st_column_dup(stmt, 4);
	}
	sqlite3_reset(stmt);
	if (status == MI_OK && rc != SQLITE_DONE)
		status = mi_st_error(store, rc, err, N_("reading the amendments"));
	if (status != MI_OK) {
		mi_note_record_clear(&r);
		return status;
	}
	*out = r;
	return MI_OK;
}

/* A list of ids as one text ("a, b"), NULL when empty. Caller frees. */
static char *joined(char *const *items, size_t count)
{
	if (count == 0)
		return NULL;
	mi_strbuf b = {0};
	for (size_t i = 0; i < count; i++)
		mi_strbuf_addf(&b, "%s%s", i ? ", " : "", items[i]);
	return mi_strbuf_take(&b);
}

/* Inserts one amendment when before and after differ. */
static mi_status amend_one(mi_store *store, long long visit_id, const char *field,
			   const char *before, const char *after, mi_error *err)
{
	if ((!before && !after) || (before && after && strcmp(before, after) == 0))
		return MI_OK;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_AMEND, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	mi_st_bind_text(stmt, 2, store->actor);
	mi_st_bind_text(stmt, 3, field);
	mi_st_bind_text(stmt, 4, before);
	mi_st_bind_text(stmt, 5, after);
	return mi_st_exec(store, stmt, err, N_("keeping the amendment"));
}

mi_status mi_st_amend_signed(mi_store *store, const mi_visit *visit, mi_error *err)
{
	bool signed_already = false;
	mi_status status = is_signed(store, visit->id, &signed_already, err);
	if (status != MI_OK || !signed_already)
		return status;
	mi_visit stored = {.id = visit->id};
	status = mi_st_notes_read(store, &stored, err);
	const mi_session_notes *o = &stored.notes, *n = &visit->notes;
	char *old_areas = joined(o->areas, o->area_count), *new_areas = joined(n->areas, n->area_count);
	char *old_tech = joined(o->techniques, o->technique_count);
	char *new_tech = joined(n->techniques, n->technique_count);
	const struct {
		const char *field, *before, *after;
	} changes[] = {
		{"areas", old_areas, new_areas},
		{"areas-other", o->areas_other, n->areas_other},
		{"techniques", old_tech, new_tech},
		{"pressure", o->pressure, n->pressure},
		{"response", o->response, n->response},
		{"therapist-notes", o->therapist_notes, n->therapist_notes},
		{"aftercare", stored.aftercare_notes, visit->aftercare_notes},
	};
	for (size_t i = 0; status == MI_OK && i < sizeof changes / sizeof changes[0]; i++)
		status = amend_one(store, visit->id, changes[i].field, changes[i].before,
				   changes[i].after, err);
	free(old_areas);
	free(new_areas);
	free(old_tech);
	free(new_tech);
	mi_session_notes_clear(&stored.notes);
	free(stored.aftercare_notes);
	return status;
}
