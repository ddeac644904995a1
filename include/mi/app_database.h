/* app_database.h - keeping the database safe: a checked backup, putting a
 * backup back, checking the file. For the backup, restore and check
 * commands (store.h says how each is done). */
#ifndef MI_APP_DATABASE_H
#define MI_APP_DATABASE_H

#include "mi/store.h"

/* Writes a checked copy of the live database to dest_path
 * (mi_store_backup; logged as "backup"). */
mi_status mi_app_backup(mi_store *store, const char *dest_path, mi_error *err);

/* Puts the backup source in place of the database at db_path, keeping the
 * old one beside it (*kept: its name, caller frees; mi_store_restore). The
 * restore is logged in the restored database's audit log, as done by who. */
mi_status mi_app_restore(const char *db_path, const char *source, const char *who, char **kept,
			 mi_error *err);

/* Checks the file's integrity and references; *report gets one line per
 * finding (caller frees). MI_EIO when a problem was found. */
mi_status mi_app_check(mi_store *store, char **report, mi_error *err);

#endif
