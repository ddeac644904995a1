/* database.c - backup, restore and check, as the commands ask for them. */
#include "mi/app_database.h"

mi_status mi_app_backup(mi_store *store, const char *dest_path, mi_error *err)
{
	return mi_store_backup(store, dest_path, err);
}

mi_status mi_app_restore(const char *db_path, const char *source, const char *who, char **kept,
			 mi_error *err)
{
	return mi_store_restore(db_path, source, who, kept, err);
}

mi_status mi_app_check(mi_store *store, char **report, mi_error *err)
{
	return mi_store_check(store, report, err);
}
