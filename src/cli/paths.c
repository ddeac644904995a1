/* paths.c - where the data files and the database are. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mi/cli.h"
#include "mi/screen.h"
#include "mi/store.h"

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

/* BIN/../share/massage-intake for the running binary, or NULL. */
static char *share_beside_binary(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	char *dir = join(exe, "../share/massage-intake");
	if (dir && !is_dir(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

char *mi_cli_data_dir(const mi_cli *cli)
{
	if (cli->data_dir)
		return strdup(cli->data_dir);
	const char *env = getenv("MASSAGE_INTAKE_DATA");
	if (env && *env)
		return strdup(env);
	char *beside = share_beside_binary();
	if (beside)
		return beside;
	return strdup(MI_INSTALL_DATA_DIR);
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
			     "no database given and no home folder known; use --db PATH or set MASSAGE_INTAKE_DB.");
		return NULL;
	}
	return join(home, ".local/share/massage-intake/intake.db");
}

char *mi_cli_db_path(const mi_cli *cli, mi_error *err)
{
	mi_error_clear(err);
	char *path = db_path(cli, err);
	if (!path && err->status == MI_OK)
		mi_error_set(err, MI_EINTERNAL, "out of memory.");
	return path;
}

mi_status mi_cli_open_store(const mi_cli *cli, unsigned flags, mi_store **out, mi_error *err)
{
	char *path = mi_cli_db_path(cli, err);
	if (!path)
		return err->status;
	mi_status st = mi_store_open(path, flags, out, err);
	free(path);
	return st;
}

mi_status mi_cli_load_rules(const mi_cli *cli, mi_ruleset **out, mi_error *err)
{
	char *dir = mi_cli_data_dir(cli);
	if (!dir)
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	mi_status st = mi_ruleset_load_from(dir, cli->rules_path, out, err);
	free(dir);
	return st;
}
