/* cmd_erase.c - `massage-intake erase`: a client's records erased for good,
 * and the backups that still hold what was erased or expired. */
#define _GNU_SOURCE /* asprintf */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mi/app_erase.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/text.h"

/* Asks on the terminal; true when the answer is "yes". */
static bool confirmed(const mi_client *c, size_t visits, const mi_period *period,
		      mi_date keep_from)
{
	char *name = mi_text_sanitize(c->name ? c->name : "", false);
	/* TRANSLATORS: the client's number and name, then how many visits. */
	if (c->birth_date)
		printf(dngettext(MI_TEXT_DOMAIN,
				 "Erase client %lld, %s, born %s, and their %zu visit for good?\n",
				 "Erase client %lld, %s, born %s, and their %zu visits for good?\n",
				 visits),
		       c->id, name ? name : "?", c->birth_date, visits);
	else
		printf(dngettext(MI_TEXT_DOMAIN, "Erase client %lld, %s, and their %zu visit for good?\n",
				 "Erase client %lld, %s, and their %zu visits for good?\n", visits),
		       c->id, name ? name : "?", visits);
	free(name);
	if (period) {
		char words[32], since[11];
		mi_period_format(*period, words, sizeof words);
		mi_date_format(keep_from, since);
		/* TRANSLATORS: a date, then the retention period as the settings
		 * command takes it (7y, 18m), kept as it is. */
		printf(_("Completed visits since %s (the retention period, %s) are kept without\n"
			 "anything that identifies the client; everything else is deleted.\n"),
		       since, words);
	} else {
		fputs(_("No retention period is set: everything is deleted.\n"), stdout);
	}
	/* TRANSLATORS: keep "yes": it is what the person types, in every language. */
	return mi_cli_confirm(_("This cannot be undone. Type yes to erase: "));
}

static int erase_client(mi_cli *cli, long long client_id, bool yes)
{
	if (!yes && !isatty(STDIN_FILENO))
		return mi_cli_failf(MI_EUSAGE, _("erase asks for confirmation on a terminal; give "
						 "--yes to erase client %lld without asking."),
				    client_id);
	mi_error err;
	mi_store *store = NULL;
	mi_app_erase_plan plan = {0};
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = mi_app_erase_plan_make(store, client_id, mi_clock_today(cli->clock), &plan, &err);
	int rc = 0;
	if (st == MI_OK && !yes &&
	    !confirmed(&plan.client, plan.visit_count, plan.has_period ? &plan.period : NULL,
		       plan.keep_from)) {
		fputs(_("Nothing was erased.\n"), stdout);
		rc = 1;
	}
	mi_erase_report report = {0};
	if (st == MI_OK && rc == 0)
		st = mi_app_erase_client(store, &plan, &report, &err);
	if (st == MI_OK && rc == 0) {
		/* TRANSLATORS: the client's number, the visits deleted, and the
		 * visits kept (the count of visits deleted picks the form). */
		printf(dngettext(MI_TEXT_DOMAIN,
				 "Client %lld erased: %zu visit deleted, %zu kept without anything "
				 "that identifies the client.\n",
				 "Client %lld erased: %zu visits deleted, %zu kept without anything "
				 "that identifies the client.\n",
				 report.deleted),
		       client_id, report.deleted, report.anonymised);
		fputs(_("Backups made before now still hold this client: massage-intake erase "
			"--list-old-backups DIR lists them.\n"),
		      stdout);
		fflush(stdout);
		st = mi_app_compact(store, &err);
		if (st != MI_OK)
			mi_error_prefix(&err,
					_("client %lld was erased, but erased bytes may remain in the "
					  "file until it is rebuilt; close the other program and run "
					  "massage-intake erase --compact"),
					client_id);
	}
	mi_app_erase_plan_clear(&plan);
	mi_store_close(store);
	return st == MI_OK ? rc : mi_cli_fail(&err);
}

static int compact(mi_cli *cli)
{
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, 0, &store, &err);
	if (st == MI_OK)
		st = mi_app_compact(store, &err);
	mi_store_close(store);
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files in dir (not following links), sorted; caller frees
 * each and the array. */
static mi_status list_files(const char *dir, char ***files, size_t *count, mi_error *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return mi_error_set(err, errno == ENOENT ? MI_ENOINPUT : MI_EIO,
				    _("cannot read the folder %s: %s."), dir, strerror(errno));
	char **list = NULL;
	size_t n = 0;
	mi_status st = MI_OK;
	struct dirent *e;
	while (st == MI_OK && (e = readdir(d))) {
		char *path = NULL;
		struct stat sb;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0) {
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
			break;
		}
		if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			free(path);
			continue;
		}
		char **grown = realloc(list, (n + 1) * sizeof *grown);
		if (!grown) {
			free(path);
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
			break;
		}
		list = grown;
		list[n++] = path;
	}
	closedir(d);
	qsort(list, n, sizeof *list, compare_names);
	*files = list;
	*count = n;
	return st;
}

static int list_old_backups(mi_cli *cli, const char *dir)
{
	mi_error err;
	mi_store *store = NULL;
	mi_app_backup_rules rules = {0};
	char **files = NULL;
	size_t count = 0;
	char *db = mi_cli_db_path(cli, &err);
	mi_status st = db ? mi_cli_open_store(cli, 0, &store, &err) : err.status;
	if (st == MI_OK)
		st = mi_app_backup_rules_load(store, mi_clock_today(cli->clock), &rules, &err);
	mi_store_close(store);
	if (st == MI_OK)
		st = list_files(dir, &files, &count, &err);
	char *live = db ? realpath(db, NULL) : NULL;
	size_t listed = 0;
	for (size_t i = 0; st == MI_OK && i < count; i++) {
		char *real = realpath(files[i], NULL);
		struct stat sb;
		char reason[160];
		bool is_live = real && live && strcmp(real, live) == 0;
		if (!is_live && lstat(files[i], &sb) == 0 &&
		    mi_app_backup_to_remove(&rules, files[i], sb.st_mtime, reason, sizeof reason)) {
			char *safe = mi_text_sanitize(files[i], false);
			printf("%s\t%s\n", safe ? safe : "?", reason);
			free(safe);
			listed++;
		}
		free(real);
	}
	if (st == MI_OK && listed == 0) {
		char *safe = mi_text_sanitize(dir, false);
		fputs("massage-intake: ", stderr);
		if (rules.has_period)
			fprintf(stderr, _("no backup in %s needs removing.\n"), safe ? safe : "?");
		else
			fprintf(stderr,
				_("no backup in %s needs removing (no retention period is set: only "
				  "backups made before an erasure are listed).\n"),
				safe ? safe : "?");
		free(safe);
	}
	for (size_t i = 0; i < count; i++)
		free(files[i]);
	free(files);
	free(live);
	free(db);
	mi_app_backup_rules_clear(&rules);
	if (st == MI_OK && (fflush(stdout) != 0 || ferror(stdout)))
		st = mi_error_set(&err, MI_EIO, _("cannot write the list: %s."), strerror(errno));
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool yes = mi_cli_has(args, 'y'), do_compact = mi_cli_has(args, 'c');
	const char *backups = mi_cli_value(args, 'l');
	int rest = args->operand_count;
	long long client_id = 0;
	if ((backups || do_compact) && (rest != 0 || yes || (backups && do_compact)))
		return mi_cli_failf(MI_EUSAGE, _("--list-old-backups and --compact stand alone; see "
						 "massage-intake erase --help."));
	if (backups)
		return list_old_backups(cli, backups);
	if (do_compact)
		return compact(cli);
	if (rest != 1 || !mi_cli_parse_id(args->operands[0], &client_id))
		return mi_cli_failf(MI_EUSAGE, _("erase needs one client id (a positive number); see "
						 "massage-intake erase --help."));
	return erase_client(cli, client_id, yes);
}

const mi_command mi_command_erase = {
	.name = "erase",
	.summary = N_("erase a client's records for good; list old backups"),
	.usage = "erase CLIENT [--yes]\n"
		 "       massage-intake erase --list-old-backups DIR\n"
		 "       massage-intake erase --compact\n",
	.about = N_("Erases a client's records for good, when the client asks or the records\n"
		 "have been kept long enough. The \"retention\" setting (massage-intake settings\n"
		 "retention 7y) says how long the clinic keeps records:\n"
		 "  - a completed visit younger than that is kept without anything that\n"
		 "    identifies the client: no name, birth date (the age at the visit stays),\n"
		 "    phone, e-mail, signature or free text; the coded answers, outcome, flags,\n"
		 "    goals and techniques stay for the clinic's counts;\n"
		 "  - every other visit, every draft, the client's unfinished kiosk intakes\n"
		 "    and the client's details are deleted.\n"
		 "Without a retention setting everything is deleted. The file is then\n"
		 "rebuilt so that no erased byte stays in it or in its -wal and -shm files.\n"
		 "The audit log records who erased which client number and when, never what.\n"
		 "It asks for confirmation on a terminal.\n"),
	.options = (const mi_cli_option[]){
		{"yes", 'y', NULL, N_("erase without asking (needed without a terminal)")},
		{"list-old-backups", 'l', "DIR",
		 N_("list the massage-intake backups in DIR to remove:\n"
		 "those older than the retention period, and those\n"
		 "made before an erasure (they still hold that\n"
		 "client). One line each: PATH, a tab, the reason")},
		{"compact", 'c', NULL,
		 N_("only rebuild the file (after an erasure that could\n"
		 "not finish it because another program had the\n"
		 "database open)")},
		{0},
	},
	.after = N_("Backups are copies outside the database: erase them, or keep them where the\n"
		 "law requires, yourself.\n"
		 "\n"
		 "Exit status: 0 done; 1 not confirmed; 64 bad command line; 65 a bad retention\n"
		 "setting; 66 no database yet, or DIR missing; 67 no such client; 74 the\n"
		 "database cannot be used; 75 another program kept the database busy.\n"),
	.run = run,
};
