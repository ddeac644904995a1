/* settings.c - the settings in force, from the settings table. */
#include <stdlib.h>

#include "mi/app_settings.h"

mi_status mi_app_settings_load(mi_store *store, mi_settings *out, mi_error *err)
{
	mi_status st = mi_settings_defaults(out, err);
	for (size_t key = 0; st == MI_OK && key < MI_SETTING_COUNT; key++) {
		char *stored = NULL;
		st = mi_store_setting_get(store, mi_setting_def_of(key)->name, &stored, err);
		if (st == MI_OK)
			st = mi_settings_take(out, key, stored, err);
		free(stored);
	}
	if (st != MI_OK)
		mi_settings_clear(out);
	return st;
}

mi_status mi_app_setting_set(mi_store *store, const mi_setting_def *def, const char *value,
			     mi_error *err)
{
	if (value && mi_setting_check(def, value, err) != MI_OK)
		return err->status;
	return mi_store_setting_set(store, def->name, value, err);
}
