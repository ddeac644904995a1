/* erase.c - erasing a client under the retention setting, and the backups
 * that still hold what was erased or has expired. */
#define _GNU_SOURCE /* timegm */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mi/app_erase.h"
#include "mi/app_settings.h"

/* The retention setting: *set false when there is none. MI_EDATA when it
 * is not a period. */
static mi_status read_retention(mi_store *store, mi_period *period, bool *set, mi_error *err)
{
	mi_settings settings;
	mi_status st = mi_app_settings_load(store, &settings, err);
	if (st != MI_OK)
		return st;
	/* A refused value is no reason to guess: erasing waits until it is right. */
	st = mi_settings_refusal(&settings, MI_SETTING_RETENTION, err);
	*set = st == MI_OK && settings.retention && mi_period_parse(settings.retention, period);
	mi_settings_clear(&settings);
	return st;
}

mi_status mi_app_erase_plan_make(mi_store *store, long long client_id, mi_date today,
				 mi_app_erase_plan *out, mi_error *err)
{
	*out = (mi_app_erase_plan){0};
	mi_visit_list visits = {0};
	mi_status st = mi_store_client_get(store, client_id, &out->client, err);
	if (st == MI_OK)
		st = mi_store_client_history(store, client_id, &visits, err);
	out->visit_count = visits.count;
	mi_visit_list_clear(&visits);
	if (st == MI_OK)
		st = read_retention(store, &out->period, &out->has_period, err);
	out->keep_from = out->has_period ? mi_period_start(out->period, today) : today;
	if (st != MI_OK)
		mi_app_erase_plan_clear(out);
	return st;
}

void mi_app_erase_plan_clear(mi_app_erase_plan *plan)
{
	mi_client_clear(&plan->client);
	*plan = (mi_app_erase_plan){0};
}

mi_status mi_app_erase_client(mi_store *store, const mi_app_erase_plan *plan,
			      mi_erase_report *report, mi_error *err)
{
	return mi_store_erase_client(store, plan->client.id, plan->has_period ? &plan->keep_from : NULL,
				     report, err);
}

mi_status mi_app_compact(mi_store *store, mi_error *err)
{
	return mi_store_compact(store, err);
}

mi_status mi_app_backup_rules_load(mi_store *store, mi_date today, mi_app_backup_rules *out,
				   mi_error *err)
{
	*out = (mi_app_backup_rules){0};
	mi_status st = read_retention(store, &out->period, &out->has_period, err);
	if (st == MI_OK)
		st = mi_store_erasures(store, &out->erasures, err);
	out->older_than = out->has_period ? mi_period_start(out->period, today) : today;
	if (st != MI_OK)
		mi_app_backup_rules_clear(out);
	return st;
}

void mi_app_backup_rules_clear(mi_app_backup_rules *rules)
{
	mi_erasure_list_clear(&rules->erasures);
	*rules = (mi_app_backup_rules){0};
}

/* "YYYY-MM-DDTHH:MM:SSZ" as a time; false when it is not one. */
static bool parse_utc(const char *at, time_t *out)
{
	struct tm tm = {0};
	const char *end = at ? strptime(at, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
	if (!end || *end)
		return false;
	*out = timegm(&tm);
	return true;
}

/* The reason to remove a backup last written at mtime, or false when
 * there is none. */
static bool removal_reason(time_t mtime, const mi_date *older_than, const mi_period *period,
			   const mi_erasure_list *erasures, char *reason, size_t size)
{
	struct tm tm;
	localtime_r(&mtime, &tm);
	mi_date written = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	if (older_than && mi_date_compare(written, *older_than) < 0) {
		char words[32];
		mi_period_format(*period, words, sizeof words);
		snprintf(reason, size, "older than the retention period (%s)", words);
		return true;
	}
	for (size_t i = 0; i < erasures->count; i++) {
		time_t at;
		if (parse_utc(erasures->items[i].at, &at) && at >= mtime) {
			snprintf(reason, size, "made before client %lld was erased (%.10s)",
				 erasures->items[i].client_id, erasures->items[i].at);
			return true;
		}
	}
	return false;
}

bool mi_app_backup_to_remove(const mi_app_backup_rules *rules, const char *path, time_t mtime,
			     char *reason, size_t size)
{
	return mi_store_file_is_database(path) &&
	       removal_reason(mtime, rules->has_period ? &rules->older_than : NULL, &rules->period,
			      &rules->erasures, reason, size);
}
