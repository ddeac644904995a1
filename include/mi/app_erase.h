/* app_erase.h - erasing a client's records for good under the clinic's
 * retention setting, rebuilding the file after it, and telling which
 * backups still hold what was erased or has expired.
 *
 * With a retention period set, a completed visit younger than the period
 * is kept without anything that identifies the client; everything else of
 * the client goes (store_erase.h). Without one, everything goes. A
 * retention setting the program refuses stops the erasure (MI_EDATA): it
 * is no reason to guess.
 */
#ifndef MI_APP_ERASE_H
#define MI_APP_ERASE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "mi/retention.h"
#include "mi/store.h"
#include "mi/store_erase.h"

/* What erasing one client will do, to show before asking. */
typedef struct mi_app_erase_plan {
	mi_client client;
	size_t visit_count;
	bool has_period;  /* a retention period is set */
	mi_period period;
	mi_date keep_from; /* completed visits from this day on are kept (has_period) */
} mi_app_erase_plan;

/* Reads the client, their visits and the retention setting on today.
 * MI_ENOTFOUND for an unknown client, MI_EDATA for a refused retention
 * setting. Fills *out (mi_app_erase_plan_clear). */
mi_status mi_app_erase_plan_make(mi_store *store, long long client_id, mi_date today,
				 mi_app_erase_plan *out, mi_error *err);

/* Frees what the plan holds and zeroes it. */
void mi_app_erase_plan_clear(mi_app_erase_plan *plan);

/* Erases the planned client in one transaction (audited as the store
 * does: who erased which client number, never what). Fills *report. The
 * file still holds the erased bytes until mi_app_compact. */
mi_status mi_app_erase_client(mi_store *store, const mi_app_erase_plan *plan,
			      mi_erase_report *report, mi_error *err);

/* Rebuilds the database file so no erased byte stays in it or its -wal
 * and -shm files; MI_ETEMPFAIL while another program has it open. */
mi_status mi_app_compact(mi_store *store, mi_error *err);

/* What makes a backup due for removal. */
typedef struct mi_app_backup_rules {
	bool has_period;
	mi_period period;
	mi_date older_than;        /* backups written before this day have expired (has_period) */
	mi_erasure_list erasures;  /* a backup made before one still holds that client */
} mi_app_backup_rules;

/* Reads the retention setting and the erasures done. Fills *out
 * (mi_app_backup_rules_clear). */
mi_status mi_app_backup_rules_load(mi_store *store, mi_date today, mi_app_backup_rules *out,
				   mi_error *err);

/* Frees what the rules hold and zeroes them. */
void mi_app_backup_rules_clear(mi_app_backup_rules *rules);

/* True when the massage-intake database file path, last written at mtime
 * (local time), should be removed, with the reason in plain words in
 * reason; false for a file that is no such database or may stay. */
bool mi_app_backup_to_remove(const mi_app_backup_rules *rules, const char *path, time_t mtime,
			     char *reason, size_t size);

#endif
