/* accounts.c - signing in with a name and a PIN, roles, adding and
 * disabling accounts. */
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_accounts.h"
#include "mi/pin.h"

mi_status mi_app_account_may(const mi_account *who, mi_permission what, mi_error *err)
{
	switch (what) {
	case MI_PERMIT_SESSION_NOTES:
		if (!who)
			return mi_error_set(err, MI_ENOPERM,
					    _("session notes are written by a therapist, and nobody is signed in."));
		if (who->role == MI_ROLE_THERAPIST)
			return MI_OK;
		return mi_error_set(err, MI_ENOPERM,
				    _("session notes are written by a therapist; %s is front desk."),
				    who->name);
	case MI_PERMIT_READ_NOTES:
		if (!who)
			return mi_error_set(err, MI_ENOPERM,
					    _("session notes are read by a therapist signed in: give --as "
					      "NAME."));
		if (who->role == MI_ROLE_THERAPIST)
			return MI_OK;
		return mi_error_set(err, MI_ENOPERM,
				    _("session notes are read by therapists only; %s is front desk."),
				    who->name);
	case MI_PERMIT_ACCOUNTS:
		if (!who)
			return mi_error_set(err, MI_ENOPERM,
					    _("only the clinic's owner adds or disables accounts; sign in with "
					      "--as NAME."));
		if (who->owner)
			return MI_OK;
		return mi_error_set(err, MI_ENOPERM,
				    _("only the clinic's owner adds or disables accounts; %s is not the owner."),
				    who->name);
	}
	return mi_error_set(err, MI_EINTERNAL, _("unknown permission."));
}

/* MI_ETEMPFAIL while the wait after too many wrong PINs runs. */
static mi_status refuse_during_wait(mi_store *store, long long now, mi_error *err)
{
	mi_pin_throttle t;
	mi_status st = mi_store_pin_throttle(store, &t, err);
	if (st == MI_OK && t.wait_until > now)
		return mi_error_set(err, MI_ETEMPFAIL, _("too many wrong PINs: try again in %lld s."),
				    t.wait_until - now);
	return st;
}

/* Hashes a right PIN again when its hash was made with older limits;
 * on any failure the old hash stays, and it still works. */
static void rehash(mi_store *store, const mi_account *who, const char *pin)
{
	mi_error ignored;
	if (!mi_pin_needs_rehash(who->pin_hash))
		return;
	char *hash = NULL;
	if (mi_pin_hash(pin, &hash, &ignored) == MI_OK)
		mi_store_account_set_pin(store, who->name, hash, &ignored);
	free(hash);
}

bool mi_app_account_check(mi_store *store, const char *name, const char *pin, mi_account *who)
{
	mi_account a = {0};
	mi_error err;
	if (mi_store_account_get(store, name, &a, &err) != MI_OK || !a.active ||
	    !mi_pin_verify(a.pin_hash, pin) ||
	    mi_store_set_actor_account(store, a.name, &err) != MI_OK) {
		mi_account_clear(&a);
		return false;
	}
	rehash(store, &a, pin);
	if (who)
		*who = a;
	else
		mi_account_clear(&a);
	return true;
}

bool mi_app_account_check_therapists(mi_store *store, const char *pin, mi_account *who)
{
	mi_account_list list = {0};
	mi_error err;
	if (mi_store_accounts(store, true, &list, &err) != MI_OK)
		return false;
	size_t found = list.count;
	for (size_t i = 0; i < list.count && found == list.count; i++)
		if (list.items[i].role == MI_ROLE_THERAPIST && mi_pin_verify(list.items[i].pin_hash, pin))
			found = i;
	bool right = found < list.count;
	if (right) {
		rehash(store, &list.items[found], pin);
		if (who) {
			*who = list.items[found];
			memset(&list.items[found], 0, sizeof list.items[found]);
		}
	}
	mi_account_list_clear(&list);
	return right;
}

mi_status mi_app_account_sign_in(mi_store *store, const char *name, const char *pin,
				 long long now, mi_account *who, mi_error *err)
{
	mi_status st = refuse_during_wait(store, now, err);
	if (st != MI_OK)
		return st;
	mi_error ignored;
	if (!mi_app_account_check(store, name, pin, who)) {
		mi_pin_throttle t;
		mi_store_pin_failed(store, now, &t, &ignored);
		mi_store_audit_append(store, "unlock failed", "pin", 0, &ignored);
		return mi_error_set(err, MI_ENOPERM, _("wrong name or PIN."));
	}
	mi_store_pin_succeeded(store, &ignored);
	return mi_store_audit_append(store, "unlock", "pin", 0, err);
}

mi_status mi_app_accounts(mi_store *store, bool active_only, mi_account_list *out, mi_error *err)
{
	return mi_store_accounts(store, active_only, out, err);
}

mi_status mi_app_act_as(mi_store *store, const char *name, mi_error *err)
{
	mi_account who = {0};
	mi_status st = mi_store_account_get(store, name, &who, err);
	if (st == MI_OK)
		st = mi_store_set_actor_account(store, who.name, err); /* as it was typed */
	mi_account_clear(&who);
	return st;
}

mi_status mi_app_accounts_exist(mi_store *store, bool *exist, mi_error *err)
{
	mi_account_list list = {0};
	mi_status st = mi_store_accounts(store, false, &list, err);
	if (st == MI_OK)
		*exist = list.count > 0;
	mi_account_list_clear(&list);
	return st;
}

mi_status mi_app_account_add(mi_store *store, const mi_account *by, const char *name, mi_role role,
			     const char *pin, bool *owner, mi_error *err)
{
	bool exist = false;
	mi_status st = mi_app_accounts_exist(store, &exist, err);
	if (st == MI_OK && exist)
		st = mi_app_account_may(by, MI_PERMIT_ACCOUNTS, err);
	if (st == MI_OK && !exist && role != MI_ROLE_THERAPIST)
		st = mi_error_set(err, MI_EDATA,
				  _("the first account is the clinic's owner and must be a therapist."));
	char *hash = NULL;
	if (st == MI_OK)
		st = mi_pin_hash(pin, &hash, err);
	if (st == MI_OK)
		st = mi_store_account_add(store, name, role, hash, owner, err);
	free(hash);
	return st;
}

mi_status mi_app_account_set_pin(mi_store *store, const char *name, const char *pin,
				 mi_error *err)
{
	char *hash = NULL;
	mi_status st = mi_pin_hash(pin, &hash, err);
	if (st == MI_OK)
		st = mi_store_account_set_pin(store, name, hash, err);
	free(hash);
	return st;
}

mi_status mi_app_account_disable(mi_store *store, const mi_account *by, const char *name,
				 mi_error *err)
{
	mi_status st = mi_app_account_may(by, MI_PERMIT_ACCOUNTS, err);
	return st == MI_OK ? mi_store_account_disable(store, name, err) : st;
}
