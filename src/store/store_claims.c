/* store_claims.c - one screen writes a draft at a time (claims), and the
 * kiosk's resume codes. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char SQL_CLAIM_GET[] = "SELECT session, pid FROM draft_claims WHERE visit_id = ?1";
static const char SQL_CLAIM_PUT[] =
	"INSERT INTO draft_claims (visit_id, session, pid, since) VALUES (?1, ?2, ?3, " NOW ")"
	" ON CONFLICT (visit_id) DO UPDATE SET session = excluded.session, pid = excluded.pid,"
	" since = excluded.since";
static const char SQL_CLAIM_DROP[] = "DELETE FROM draft_claims WHERE visit_id = ?1";
static const char SQL_CLAIM_RELEASE[] =
	"DELETE FROM draft_claims WHERE visit_id = ?1 AND session = ?2";
static const char SQL_CLAIMS_RELEASE_ALL[] = "DELETE FROM draft_claims WHERE session = ?1";
static const char SQL_DRAFT_STATE[] = "SELECT state FROM visits WHERE id = ?1";
/* Its answers, claim and resume code go with it (ON DELETE CASCADE). */
static const char SQL_DRAFT_DELETE[] = "DELETE FROM visits WHERE id = ?1 AND state = 'draft'";
static const char SQL_RESUME_SET[] =
	"INSERT INTO resume_codes (visit_id, code_hash, failures) VALUES (?1, ?2, 0)"
	" ON CONFLICT (visit_id) DO UPDATE SET code_hash = excluded.code_hash, failures = 0";
static const char SQL_RESUMABLE[] =
	"SELECT v.id, r.code_hash FROM visits v JOIN resume_codes r ON r.visit_id = v.id"
	" WHERE v.state = 'draft' AND v.source = 'kiosk' AND r.failures < ?2"
	" AND v.created >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || ?1 || ' hours')"
	" ORDER BY v.created DESC, v.id DESC";
static const char SQL_RESUME_FAILED[] =
	"UPDATE resume_codes SET failures = failures + 1 WHERE visit_id = ?1";

/* True while the process that made a claim still runs. Every program that
 * opens the database runs on this computer (WAL needs shared memory), so
 * the process id says whether the claim is still held. */
static bool claimer_alive(long long pid)
{
	if (pid <= 0 || pid != (long long)(pid_t)pid)
		return false;
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

/* Inside a transaction: fails when another live handle holds the claim. */
static mi_status check_claim(mi_store *store, long long visit_id, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLAIM_GET, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	bool other = false;
	if (rc == SQLITE_ROW) {
		const char *session = (const char *)sqlite3_column_text(stmt, 0);
		other = (!session || strcmp(session, store->session) != 0) &&
			claimer_alive(sqlite3_column_int64(stmt, 1));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("looking at who writes the draft"));
	if (other)
		return mi_error_set(err, MI_ETEMPFAIL,
				    "visit %lld is open on another screen right now; finish it there "
				    "first.",
				    visit_id);
	return MI_OK;
}

mi_status mi_st_claim_for_write(mi_store *store, long long visit_id, bool keep, mi_error *err)
{
	mi_status status = check_claim(store, visit_id, err);
	if (status != MI_OK)
		return status;
	sqlite3_stmt *stmt = mi_st_stmt(store, keep ? SQL_CLAIM_PUT : SQL_CLAIM_DROP, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	if (keep) {
		mi_st_bind_text(stmt, 2, store->session);
		sqlite3_bind_int64(stmt, 3, store->pid);
		store->claimed = true;
	}
	return mi_st_exec(store, stmt, err, N_("claiming the draft"));
}

void mi_st_release_claims(mi_store *store)
{
	if (!store->db || !store->claimed)
		return; /* nothing to give up: no write, no wait for a lock */
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLAIMS_RELEASE_ALL, NULL);
	if (!stmt)
		return;
	mi_st_bind_text(stmt, 1, store->session);
	mi_st_exec(store, stmt, NULL, N_("closing the database"));
}

/* Ends a failed write transaction. */
static mi_status fail_tx(mi_store *store, mi_status status)
{
	mi_st_rollback(store);
	return status;
}

/* Inside a transaction: MI_OK when visit_id is a draft, else why not. */
static mi_status check_draft(mi_store *store, long long visit_id, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_DRAFT_STATE, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	int rc = sqlite3_step(stmt);
	bool draft = rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) &&
		     strcmp((const char *)sqlite3_column_text(stmt, 0), "draft") == 0;
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no visit %lld."), visit_id);
	if (rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("reading the visit"));
	if (!draft)
		return mi_error_set(err, MI_EDATA, _("visit %lld is already complete."), visit_id);
	return MI_OK;
}

mi_status mi_store_draft_claim(mi_store *store, long long visit_id, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	status = check_draft(store, visit_id, err);
	if (status == MI_OK)
		status = mi_st_claim_for_write(store, visit_id, true, err);
	if (status != MI_OK)
		return fail_tx(store, status);
	return mi_st_commit(store, err);
}

mi_status mi_store_draft_discard(mi_store *store, long long visit_id, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	status = check_draft(store, visit_id, err);
	if (status == MI_OK)
		status = mi_st_claim_for_write(store, visit_id, false, err);
	sqlite3_stmt *stmt = status == MI_OK ? mi_st_stmt(store, SQL_DRAFT_DELETE, err) : NULL;
	if (status == MI_OK && !stmt)
		status = err->status;
	if (stmt) {
		sqlite3_bind_int64(stmt, 1, visit_id);
		status = mi_st_exec(store, stmt, err, N_("discarding the draft"));
	}
	if (status == MI_OK)
		status = mi_st_audit(store, "discard", "visits", visit_id, err);
	if (status != MI_OK)
		return fail_tx(store, status);
	return mi_st_commit(store, err);
}

mi_status mi_store_draft_release(mi_store *store, long long visit_id, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_CLAIM_RELEASE, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	mi_st_bind_text(stmt, 2, store->session);
	return mi_st_exec(store, stmt, err, N_("giving up the draft"));
}

mi_status mi_store_resume_code_set(mi_store *store, long long visit_id, const char *code_hash,
				   mi_error *err)
{
	if (!code_hash || !*code_hash)
		return mi_error_set(err, MI_EINTERNAL, "a resume code needs its hash.");
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_RESUME_SET, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, visit_id);
	mi_st_bind_text(stmt, 2, code_hash);
	return mi_st_exec(store, stmt, err, N_("saving the resume code"));
}

void mi_resume_list_clear(mi_resume_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->items[i].code_hash);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

mi_status mi_store_resumable_drafts(mi_store *store, long max_age_hours, unsigned max_failures,
				    mi_resume_list *out, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_RESUMABLE, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, max_age_hours);
	sqlite3_bind_int64(stmt, 2, max_failures);
	mi_resume_list list = {0};
	size_t cap = 0;
	int rc;
	bool nomem = false;
	while (!nomem && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_resume_candidate *items = mi_st_grow(list.items, list.count, &cap, sizeof *items);
		if (!items) {
			nomem = true;
			break;
		}
		list.items = items;
		mi_resume_candidate *c = &list.items[list.count];
		c->visit_id = sqlite3_column_int64(stmt, 0);
		c->code_hash = mi_st_column_dup(stmt, 1);
		if (!c->code_hash)
			nomem = true;
		else
			list.count++;
	}
	sqlite3_reset(stmt);
	if (nomem || rc != SQLITE_DONE) {
		mi_resume_list_clear(&list);
		return nomem ? mi_st_nomem(err) : mi_st_error(store, rc, err, N_("looking for drafts"));
	}
	*out = list;
	return MI_OK;
}

mi_status mi_store_resume_failed(mi_store *store, long long visit_id, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	if (visit_id > 0) {
		sqlite3_stmt *stmt = mi_st_stmt(store, SQL_RESUME_FAILED, err);
		if (!stmt)
			return fail_tx(store, err->status);
		sqlite3_bind_int64(stmt, 1, visit_id);
		status = mi_st_exec(store, stmt, err, N_("counting a wrong resume code"));
	}
	if (status == MI_OK)
		status = mi_st_audit(store, "resume failed", "visits", visit_id, err);
	if (status != MI_OK)
		return fail_tx(store, status);
	return mi_st_commit(store, err);
}
