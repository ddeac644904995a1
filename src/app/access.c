/* access.c - the role check before clinical notes are shown. */
#include "mi/app_access.h"

/* True when some active account is front desk: then a command acting for
 * nobody in particular may be that person at the shared computer. */
static mi_status front_desk_exists(mi_store *store, bool *exists, mi_error *err)
{
	mi_account_list list = {0};
	mi_status st = mi_app_accounts(store, true, &list, err);
	*exists = false;
	for (size_t i = 0; st == MI_OK && i < list.count; i++)
		*exists = *exists || list.items[i].role == MI_ROLE_FRONT_DESK;
	mi_account_list_clear(&list);
	return st;
}

mi_status mi_app_acting_may(mi_store *store, mi_permission what, mi_error *err)
{
	bool accounts = false;
	mi_status st = mi_app_accounts_exist(store, &accounts, err);
	if (st != MI_OK || !accounts)
		return st;
	const char *name = mi_store_actor_account(store);
	if (!name && what == MI_PERMIT_READ_NOTES) {
		bool front_desk = false;
		st = front_desk_exists(store, &front_desk, err);
		if (st != MI_OK || !front_desk)
			return st;
	}
	mi_account who = {0};
	if (name) {
		st = mi_store_account_get(store, name, &who, err);
		if (st == MI_ENOTFOUND)
			st = MI_OK; /* cannot happen once signed in; read as nobody */
	}
	if (st == MI_OK)
		st = mi_app_account_may(who.name ? &who : NULL, what, err);
	mi_account_clear(&who);
	return st;
}

mi_status mi_app_may_read_notes(mi_store *store, const char *table, long long id,
				mi_error *err)
{
	mi_status st = mi_app_acting_may(store, MI_PERMIT_READ_NOTES, err);
	if (st == MI_ENOPERM) {
		mi_error ignored;
		mi_store_audit_append(store, "notes refused", table, id, &ignored);
	}
	return st;
}
