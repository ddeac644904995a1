/* pin.c - the first PIN of a clinic becomes its owner's account; the
 * wrong-PIN count every screen shares. */
#include "mi/i18n.h"
#include "mi/app_accounts.h"
#include "mi/app_pin.h"

mi_status mi_app_pin_set(mi_store *store, const char *pin, mi_error *err)
{
	bool exist = false;
	mi_status st = mi_app_accounts_exist(store, &exist, err);
	if (st == MI_OK && exist)
		return mi_error_set(err, MI_EUSAGE,
				    _("the clinic has accounts, each with its own PIN; change yours with "
				      "\"massage-intake --as NAME set-pin\"."));
	if (st == MI_OK)
		st = mi_app_account_add(store, NULL, MI_OWNER_ACCOUNT, MI_ROLE_THERAPIST, pin, NULL, err);
	return st;
}

mi_status mi_app_pin_throttle(mi_store *store, mi_pin_throttle *out, mi_error *err)
{
	return mi_store_pin_throttle(store, out, err);
}

void mi_app_pin_unlocked(mi_store *store)
{
	mi_error ignored;
	mi_store_pin_succeeded(store, &ignored);
	mi_store_audit_append(store, "unlock", "pin", 0, &ignored);
}

mi_status mi_app_pin_wrong(mi_store *store, long long now, mi_pin_throttle *out, mi_error *err)
{
	mi_status st = mi_store_pin_failed(store, now, out, err);
	mi_error ignored;
	mi_store_audit_append(store, "unlock failed", "pin", 0, &ignored);
	return st;
}
