/* store_pin.c - wrong PINs in a row and the wait they impose, kept in the
 * database so that restarting a program does not end the wait. */
#include "mi/pin.h"
#include "store_internal.h"

static const char SQL_GET[] = "SELECT failures, wait_until FROM pin_attempts WHERE id = 1";
static const char SQL_PUT[] =
	"INSERT INTO pin_attempts (id, failures, wait_until) VALUES (1, ?1, ?2)"
	" ON CONFLICT (id) DO UPDATE SET failures = excluded.failures,"
	" wait_until = excluded.wait_until";

/* Reads the row (zeros when there is none). */
static mi_status read_throttle(mi_store *store, mi_pin_throttle *out, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_GET, err);
	if (!stmt)
		return err->status;
	int rc = sqlite3_step(stmt);
	*out = (mi_pin_throttle){0};
	if (rc == SQLITE_ROW) {
		long long failures = sqlite3_column_int64(stmt, 0);
		out->failures = failures < 0 ? 0 : failures > 1000000 ? 1000000 : (unsigned)failures;
		out->wait_until = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mi_st_error(store, rc, err, N_("reading the wrong-PIN count"));
	return MI_OK;
}

/* Writes the row. */
static mi_status write_throttle(mi_store *store, const mi_pin_throttle *t, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_PUT, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int64(stmt, 1, t->failures);
	sqlite3_bind_int64(stmt, 2, t->wait_until);
	return mi_st_exec(store, stmt, err, N_("saving the wrong-PIN count"));
}

mi_status mi_store_pin_throttle(mi_store *store, mi_pin_throttle *out, mi_error *err)
{
	return read_throttle(store, out, err);
}

mi_status mi_store_pin_failed(mi_store *store, long long now, mi_pin_throttle *out,
			      mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	mi_pin_throttle t;
	status = read_throttle(store, &t, err);
	if (status == MI_OK) {
		if (t.failures < 1000000)
			t.failures++;
		unsigned wait = mi_pin_lockout_seconds(t.failures);
		t.wait_until = wait ? now + (long long)wait : 0;
		status = write_throttle(store, &t, err);
	}
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	status = mi_st_commit(store, err);
	if (status == MI_OK)
		*out = t;
	return status;
}

mi_status mi_store_pin_succeeded(mi_store *store, mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	status = write_throttle(store, &(mi_pin_throttle){0}, err);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}
