/* pin.c - the therapist PIN's hash in the settings table. */
#include <stdlib.h>
#include <string.h>

#include "mi/app_pin.h"
#include "mi/pin.h"

mi_status mi_app_pin_set(mi_store *store, const char *pin, char **hash, mi_error *err)
{
	char *made = NULL;
	mi_status st = mi_pin_hash(pin, &made, err);
	if (st == MI_OK)
		st = mi_store_setting_set(store, MI_PIN_SETTING, made, err);
	if (st == MI_OK && hash) {
		*hash = made;
		made = NULL;
	}
	free(made);
	return st;
}

mi_status mi_app_pin_hash(mi_store *store, char **hash, mi_error *err)
{
	return mi_store_setting_get(store, MI_PIN_SETTING, hash, err);
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
