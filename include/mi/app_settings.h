/* app_settings.h - the settings in force, read from and written to the
 * database through the one table of settings.h.
 *
 * This is part of the application layer (src/app): what the clinic does,
 * shared by the commands and the terminal UI.
 */
#ifndef MI_APP_SETTINGS_H
#define MI_APP_SETTINGS_H

#include "mi/settings.h"
#include "mi/store.h"

/* Reads every setting from the store into *out (mi_settings_take: a stored
 * value that does not fit gives the default, marked MI_SETTING_REFUSED).
 * On failure (the database cannot be read) *out is left cleared. Clear it
 * with mi_settings_clear. */
mi_status mi_app_settings_load(mi_store *store, mi_settings *out, mi_error *err);

/* Checks value with mi_setting_check and stores it; NULL removes it (back
 * to the default). A refused value is MI_EDATA and nothing changes. The
 * audit log records the key, never the value. */
mi_status mi_app_setting_set(mi_store *store, const mi_setting_def *def, const char *value,
			     mi_error *err);

#endif
