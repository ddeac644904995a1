/* paths.c - where the data files and the database are. */
#include <limits.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mi/aftercare.h"
#include "mi/app_accounts.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/intake.h"
#include "mi/screen.h"
#include "mi/store.h"

#ifndef MI_INSTALL_LOCALE_DIR
#define MI_INSTALL_LOCALE_DIR "/usr/local/share/locale"
#endif

#ifndef MI_INSTALL_DATA_DIR
#define MI_INSTALL_DATA_DIR "/usr/local/share/massage-intake"
#endif

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 2);
	if (!s)
		return NULL;
	memcpy(s, a, la);
	s[la] = '/';
	memcpy(s + la + 1, b, lb + 1);
	return s;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folders a data file is looked for in, most wanted first; a NULL
 * entry is a level that does not apply. */
typedef struct data_folders {
	char *given;   /* --data or $MASSAGE_INTAKE_DATA */
	char *user;    /* $XDG_CONFIG_HOME/massage-intake (~/.config/...) */
	char *system;  /* PREFIX/etc/massage-intake; /etc/... for a PREFIX ending in /usr */
	char *shipped; /* PREFIX/share/massage-intake, else the configured one */
	bool nomem;    /* an allocation failed */
} data_folders;

/* Returns s, noting in f when it is NULL (out of memory). */
static char *keep(data_folders *f, char *s)
{
	if (!s)
		f->nomem = true;
	return s;
}

/* Fills the system and shipped folders from the running binary's prefix
 * (the folder above its bin/), so an installed copy, a copy unpacked
 * anywhere and the build tree each find their own files. */
static void folders_beside_binary(data_folders *f)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash = NULL;
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/'); /* the binary's name */
	}
	if (slash) {
		*slash = '\0';
		slash = strrchr(exe, '/'); /* its bin/ */
	}
	if (!slash) {
		f->shipped = keep(f, strdup(MI_INSTALL_DATA_DIR));
		return;
	}
	*slash = '\0';
	f->shipped = keep(f, join(exe, "share/massage-intake"));
	if (f->shipped && !is_dir(f->shipped)) {
		free(f->shipped);
		f->shipped = keep(f, strdup(MI_INSTALL_DATA_DIR));
	}
	/* The GNU convention: /usr keeps its settings in /etc, any other
	 * prefix (/usr/local, /opt/NAME, a build tree) in PREFIX/etc. */
	size_t len = strlen(exe);
	if (len >= 4 && strcmp(exe + len - 4, "/usr") == 0)
		exe[len - 4] = '\0';
	f->system = keep(f, join(exe, "etc/massage-intake"));
}

static void folders_free(data_folders *f)
{
	free(f->given);
	free(f->user);
	free(f->system);
	free(f->shipped);
}

/* Fills f with the folders that apply; MI_ENOINPUT when --data (or
 * $MASSAGE_INTAKE_DATA) names no folder. Free with folders_free. */
static mi_status folders_find(const mi_cli *cli, data_folders *f, mi_error *err)
{
	*f = (data_folders){0};
	const char *given = cli->data_dir;
	const char *env = getenv("MASSAGE_INTAKE_DATA");
	if (!given && env && *env)
		given = env;
	if (given) {
		if (!is_dir(given))
			return mi_error_set(err, MI_ENOINPUT,
					    _("the data folder %s does not exist or is not a folder."),
					    given);
		f->given = keep(f, strdup(given));
	}
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		f->user = keep(f, join(xdg, "massage-intake"));
	else if (home && home[0] == '/')
		f->user = keep(f, join(home, ".config/massage-intake"));
	folders_beside_binary(f);
	if (f->nomem) {
		folders_free(f);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	return MI_OK;
}

/* FOLDER/NAME when that file exists (whatever it is: an unreadable or
 * broken file is reported, never skipped); NULL otherwise, or with *nomem
 * set when memory runs out. */
static char *existing(const char *folder, const char *name, bool *nomem)
{
	if (!folder || *nomem)
		return NULL;
	char *path = join(folder, name);
	if (!path)
		*nomem = true;
	else if (access(path, F_OK) != 0) {
		free(path);
		path = NULL;
	}
	return path;
}

char *mi_cli_locale_dir(void)
{
	data_folders f = {0};
	folders_beside_binary(&f);
	char *path = NULL;
	/* PREFIX/share/massage-intake's sibling: the build tree's
	 * share/locale, or the installed copy's. */
	if (f.shipped && !f.nomem) {
		char *slash = strrchr(f.shipped, '/');
		*slash = '\0';
		path = join(f.shipped, "locale");
		if (path && !is_dir(path)) {
			free(path);
			path = NULL;
		}
	}
	folders_free(&f);
	return path ? path : strdup(MI_INSTALL_LOCALE_DIR);
}

char *mi_cli_data_file(const mi_cli *cli, const char *name, mi_error *err)
{
	mi_error_clear(err);
	data_folders f;
	if (folders_find(cli, &f, err) != MI_OK)
		return NULL;
	bool nomem = false;
	char *path = existing(f.given, name, &nomem);
	if (!path)
		path = existing(f.user, name, &nomem);
	if (!path)
		path = existing(f.system, name, &nomem);
	/* Else the shipped copy, even when missing: the loader then names it. */
	if (!path && !nomem)
		path = join(f.shipped, name);
	folders_free(&f);
	if (!path)
		mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	return path;
}

/* The database path before the out-of-memory check; NULL with err set when
 * no home folder is known. */
static char *db_path(const mi_cli *cli, mi_error *err)
{
	if (cli->db_path)
		return strdup(cli->db_path);
	const char *env = getenv("MASSAGE_INTAKE_DB");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/')
		return join(xdg, "massage-intake/intake.db");
	const char *home = getenv("HOME");
	if (!home || home[0] != '/') {
		mi_error_set(err, MI_EUSAGE,
			     _("no database given and no home folder known; use --db PATH or set "
			       "MASSAGE_INTAKE_DB."));
		return NULL;
	}
	return join(home, ".local/share/massage-intake/intake.db");
}

char *mi_cli_db_path(const mi_cli *cli, mi_error *err)
{
	mi_error_clear(err);
	char *path = db_path(cli, err);
	if (!path && err->status == MI_OK)
		mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	return path;
}

/* The intake installed by mi_cli_open_store, owned here until mi_cli_release. */
static mi_intake *store_intake;

void mi_cli_release(void)
{
	mi_intake_free(store_intake);
	store_intake = NULL;
}

void mi_cli_install_intake(const mi_cli *cli)
{
	if (mi_intake_installed())
		return;
	mi_error ignored;
	char *intake = mi_cli_data_file(cli, "intake.conf", &ignored);
	if (intake && mi_intake_load(intake, &store_intake, &ignored) == MI_OK)
		mi_intake_install(store_intake);
	free(intake);
}

mi_status mi_cli_open_store(const mi_cli *cli, unsigned flags, mi_store **out, mi_error *err)
{
	mi_cli_install_intake(cli);
	char *path = mi_cli_db_path(cli, err);
	if (!path)
		return err->status;
	mi_store *store = NULL;
	mi_status st = mi_store_open(path, flags, &store, err);
	free(path);
	if (st == MI_OK && cli->as_name && cli->who && !cli->who->name) {
		char pin[64] = "", prompt[160];
		/* TRANSLATORS: the prompt for the PIN of the account named. */
		snprintf(prompt, sizeof prompt, _("PIN of %.100s: "), cli->as_name);
		st = mi_cli_read_pin(prompt, pin, sizeof pin, err);
		if (st == MI_OK)
			st = mi_app_account_sign_in(store, cli->as_name, pin, (long long)time(NULL),
						    cli->who, err);
		explicit_bzero(pin, sizeof pin);
	} else if (st == MI_OK && mi_cli_who(cli)) {
		st = mi_store_set_actor_account(store, cli->who->name, err);
	}
	if (st != MI_OK) {
		mi_store_close(store);
		return st;
	}
	*out = store;
	return MI_OK;
}

const mi_account *mi_cli_who(const mi_cli *cli)
{
	return cli->who && cli->who->name ? cli->who : NULL;
}

mi_status mi_cli_load_rules(const mi_cli *cli, mi_ruleset **out, mi_error *err)
{
	char *meds = mi_cli_data_file(cli, "medications.conf", err);
	char *intake = meds ? mi_cli_data_file(cli, "intake.conf", err) : NULL;
	char *rules = NULL;
	if (intake && !cli->rules_path)
		rules = mi_cli_data_file(cli, "rules.conf", err);
	mi_status st = err->status;
	if (intake && (rules || cli->rules_path))
		st = mi_ruleset_load(cli->rules_path ? cli->rules_path : rules, meds, intake, out, err);
	free(rules);
	free(intake);
	free(meds);
	return st;
}

mi_status mi_cli_load_aftercare(const mi_cli *cli, mi_aftercare_template **out, mi_error *err)
{
	char *path = mi_cli_data_file(cli, "aftercare.conf", err);
	if (!path)
		return err->status;
	mi_status st = mi_aftercare_template_load(path, out, err);
	free(path);
	return st;
}
