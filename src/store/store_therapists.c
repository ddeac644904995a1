/* store_therapists.c - the clinic's accounts (table therapists). */
#include <stdlib.h>
#include <string.h>

#include "mi/fold.h"
#include "mi/store_therapists.h"
#include "mi/text.h"
#include "store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char SQL_LIST_ALL[] =
	"SELECT id, name, role, owner, active, pin_hash, created FROM therapists"
	" ORDER BY name_key, id";
static const char SQL_LIST_ACTIVE[] =
	"SELECT id, name, role, owner, active, pin_hash, created FROM therapists"
	" WHERE active = 1 ORDER BY name_key, id";
static const char SQL_GET[] =
	"SELECT id, name, role, owner, active, pin_hash, created FROM therapists"
	" WHERE name_key = mi_fold(?1)";
static const char SQL_ANY[] = "SELECT count(*) FROM therapists";
static const char SQL_ADD[] =
	"INSERT INTO therapists (name, name_key, pin_hash, created, role, owner, active)"
	" VALUES (?1, mi_fold(?1), ?2, " NOW ", ?3, ?4, 1)";
static const char SQL_DISABLE[] = "UPDATE therapists SET active = 0 WHERE id = ?1";
static const char SQL_SET_PIN[] = "UPDATE therapists SET pin_hash = ?2 WHERE id = ?1";

const char *mi_role_name(mi_role role)
{
	return role == MI_ROLE_FRONT_DESK ? "front-desk" : "therapist";
}

bool mi_role_parse(const char *text, mi_role *role)
{
	if (text && strcmp(text, "therapist") == 0)
		*role = MI_ROLE_THERAPIST;
	else if (text && strcmp(text, "front-desk") == 0)
		*role = MI_ROLE_FRONT_DESK;
	else
		return false;
	return true;
}

void mi_account_clear(mi_account *account)
{
	if (!account)
		return;
	free(account->name);
	if (account->pin_hash)
		explicit_bzero(account->pin_hash, strlen(account->pin_hash));
	free(account->pin_hash);
	free(account->created);
	memset(account, 0, sizeof *account);
}

void mi_account_list_clear(mi_account_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		mi_account_clear(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

/* Fills *a from the current row of a SQL_LIST/SQL_GET statement. */
static bool read_row(sqlite3_stmt *stmt, mi_account *a)
{
	a->id = sqlite3_column_int64(stmt, 0);
	a->name = mi_st_column_dup(stmt, 1);
	const unsigned char *role = sqlite3_column_text(stmt, 2);
	if (!mi_role_parse((const char *)role, &a->role))
		a->role = MI_ROLE_FRONT_DESK; /* an unknown role gets the fewer rights */
	a->owner = sqlite3_column_int(stmt, 3) == 1;
	a->active = sqlite3_column_int(stmt, 4) == 1;
	a->pin_hash = mi_st_column_dup(stmt, 5);
	a->created = mi_st_column_dup(stmt, 6);
	return a->name && a->created;
}

mi_status mi_store_accounts(mi_store *store, bool active_only, mi_account_list *out,
			    mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, active_only ? SQL_LIST_ACTIVE : SQL_LIST_ALL, err);
	if (!stmt)
		return err->status;
	mi_account_list list = {0};
	size_t cap = 0;
	int rc;
	mi_status status = MI_OK;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mi_account *items = mi_st_grow(list.items, list.count, &cap, sizeof *items);
		if (!items) {
			status = mi_st_nomem(err);
			break;
		}
		list.items = items;
		mi_account *a = &list.items[list.count++];
		memset(a, 0, sizeof *a);
		if (!read_row(stmt, a)) {
			status = mi_st_nomem(err);
			break;
		}
	}
	sqlite3_reset(stmt);
	if (status == MI_OK && rc != SQLITE_DONE)
		status = mi_st_error(store, rc, err, N_("reading the accounts"));
	if (status != MI_OK) {
		mi_account_list_clear(&list);
		return status;
	}
	*out = list;
	return MI_OK;
}

mi_status mi_store_account_get(mi_store *store, const char *name, mi_account *out,
			       mi_error *err)
{
	char *key = name ? mi_text_normalize_name(name) : NULL;
	if (!key)
		return mi_error_set(err, MI_ENOTFOUND, _("there is no account of that name."));
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_GET, err);
	if (!stmt) {
		free(key);
		return err->status;
	}
	mi_st_bind_text(stmt, 1, key);
	int rc = sqlite3_step(stmt);
	mi_account a = {0};
	mi_status status = MI_OK;
	if (rc == SQLITE_ROW && !read_row(stmt, &a))
		status = mi_st_nomem(err);
	sqlite3_reset(stmt);
	if (status == MI_OK && rc == SQLITE_DONE)
		status = mi_error_set(err, MI_ENOTFOUND, _("there is no account called \"%s\"."), key);
	else if (status == MI_OK && rc != SQLITE_ROW)
		status = mi_st_error(store, rc, err, N_("reading an account"));
	free(key);
	if (status != MI_OK) {
		mi_account_clear(&a);
		return status;
	}
	*out = a;
	return MI_OK;
}

/* Runs one update of an account found by name inside its own transaction,
 * with an audit entry; check (may be NULL) may refuse the account first. */
static mi_status update_account(mi_store *store, const char *name, const char *sql,
				const char *value, const char *action,
				mi_status (*check)(const mi_account *, mi_error *), mi_error *err)
{
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK)
		return status;
	mi_account a = {0};
	status = mi_store_account_get(store, name, &a, err);
	if (status == MI_OK && check)
		status = check(&a, err);
	sqlite3_stmt *stmt = status == MI_OK ? mi_st_stmt(store, sql, err) : NULL;
	if (status == MI_OK && !stmt)
		status = err->status;
	if (status == MI_OK) {
		sqlite3_bind_int64(stmt, 1, a.id);
		if (value)
			mi_st_bind_text(stmt, 2, value);
		status = mi_st_exec(store, stmt, err, N_("changing an account"));
	}
	if (status == MI_OK)
		status = mi_st_audit(store, action, "therapists", a.id, err);
	mi_account_clear(&a);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	return mi_st_commit(store, err);
}

/* The names the audit log gives programs rather than people (store.h,
 * mi_store_set_actor): an account of that name would read as one of them. */
static bool is_reserved(const char *name)
{
	static const char *const programs[] = {"cli", "desk", "kiosk", "set-pin"};
	char *key = mi_fold(name);
	bool reserved = false;
	for (size_t i = 0; key && i < sizeof programs / sizeof programs[0]; i++)
		reserved = reserved || strcmp(key, programs[i]) == 0;
	free(key);
	return reserved;
}

mi_status mi_store_account_add(mi_store *store, const char *name, mi_role role,
			       const char *pin_hash, bool *owner, mi_error *err)
{
	size_t len = name ? strlen(name) : 0;
	if (len == 0 || len > MI_ACCOUNT_NAME_MAX || mi_text_check_name(name, len, NULL) != MI_TEXT_OK)
		return mi_error_set(err, MI_EDATA,
				    "an account name is one line of plain text, at most %d bytes.",
				    MI_ACCOUNT_NAME_MAX);
	if (!pin_hash || !*pin_hash)
		return mi_error_set(err, MI_EINTERNAL, "an account needs a PIN.");
	char *key = mi_text_normalize_name(name);
	if (!key)
		return mi_st_nomem(err);
	if (is_reserved(key)) {
		mi_status refused = mi_error_set(err, MI_EDATA,
						 "\"%s\" is how the audit log names a program, not a "
						 "person; choose another account name.",
						 key);
		free(key);
		return refused;
	}
	mi_status status = mi_st_begin(store, err);
	if (status != MI_OK) {
		free(key);
		return status;
	}
	long long count = 0;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_ANY, err);
	if (!stmt)
		status = err->status;
	if (status == MI_OK) {
		int rc = sqlite3_step(stmt);
		count = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW)
			status = mi_st_error(store, rc, err, N_("reading the accounts"));
	}
	mi_account existing = {0};
	if (status == MI_OK) {
		mi_error lookup;
		mi_status found = mi_store_account_get(store, key, &existing, &lookup);
		if (found == MI_OK)
			status = mi_error_set(err, MI_EDATA,
					      "there is already an account called \"%s\" (names are "
					      "the same whatever their case or accents).",
					      existing.name);
		else if (found != MI_ENOTFOUND)
			status = (*err = lookup, lookup.status);
		mi_account_clear(&existing);
	}
	stmt = status == MI_OK ? mi_st_stmt(store, SQL_ADD, err) : NULL;
	if (status == MI_OK && !stmt)
		status = err->status;
	if (status == MI_OK) {
		mi_st_bind_text(stmt, 1, key);
		mi_st_bind_text(stmt, 2, pin_hash);
		mi_st_bind_text(stmt, 3, mi_role_name(role));
		sqlite3_bind_int(stmt, 4, count == 0);
		status = mi_st_exec(store, stmt, err, N_("adding an account"));
	}
	if (status == MI_OK)
		status = mi_st_audit(store, "account add", "therapists",
				     sqlite3_last_insert_rowid(store->db), err);
	free(key);
	if (status != MI_OK) {
		mi_st_rollback(store);
		return status;
	}
	status = mi_st_commit(store, err);
	if (status == MI_OK && owner)
		*owner = count == 0;
	return status;
}

/* The owner stays: a clinic without one could add no account any more. */
static mi_status refuse_owner(const mi_account *a, mi_error *err)
{
	if (a->owner)
		return mi_error_set(err, MI_EDATA, _("\"%s\" is the clinic's owner and cannot be disabled."),
				    a->name);
	return MI_OK;
}

mi_status mi_store_account_disable(mi_store *store, const char *name, mi_error *err)
{
	return update_account(store, name, SQL_DISABLE, NULL, "account disable", refuse_owner, err);
}

mi_status mi_store_account_set_pin(mi_store *store, const char *name, const char *pin_hash,
				   mi_error *err)
{
	if (!pin_hash || !*pin_hash)
		return mi_error_set(err, MI_EINTERNAL, "an account needs a PIN.");
	return update_account(store, name, SQL_SET_PIN, pin_hash, "account pin", NULL, err);
}
