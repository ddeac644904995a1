/* cmd_settings.c - `massage-intake settings [KEY [VALUE | --unset]]`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/cli.h"
#include "mi/retention.h"
#include "mi/store.h"
#include "mi/text.h"

typedef enum setting_kind { SETTING_TEXT, SETTING_PAPER, SETTING_SECONDS, SETTING_PERIOD } setting_kind;

typedef struct setting {
	const char *key;
	setting_kind kind;
	const char *meaning;
} setting;

/* The settings a clinic may change here. The PIN is set with set-pin. */
static const setting settings[] = {
	{"clinic_name", SETTING_TEXT, "the clinic's name at the top of the aftercare sheet"},
	{"paper", SETTING_PAPER, "paper for the aftercare PDF: a4 or letter (else from the locale)"},
	{"idle_timeout_seconds", SETTING_SECONDS,
	 "kiosk: seconds without a key before it clears back to its welcome screen"},
	{"lock_timeout_seconds", SETTING_SECONDS,
	 "front desk: seconds without a key before it locks (0: never)"},
	{"retention", SETTING_PERIOD, "how long records are kept: 7y, 18m, 6w, 90d (see erase --help)"},
	{NULL, 0, NULL},
};

static void usage(FILE *out)
{
	fprintf(out, "Usage: massage-intake settings [KEY [VALUE | --unset]]\n"
		     "\n"
		     "Without KEY, lists the settings and their values. With KEY alone, prints\n"
		     "its value. With a VALUE, sets it; --unset goes back to the default.\n"
		     "\n"
		     "Settings:\n");
	for (const setting *s = settings; s->key; s++)
		fprintf(out, "  %-22s %s\n", s->key, s->meaning);
	fprintf(out, "\n"
		     "The therapist PIN is set with massage-intake set-pin and never shown.\n"
		     "Exit status: 0 done; 64 bad command line or unknown setting; 65 a value\n"
		     "that does not fit the setting; 74 the database cannot be used.\n");
}

static const setting *find_setting(const char *key)
{
	for (const setting *s = settings; s->key; s++)
		if (strcmp(s->key, key) == 0)
			return s;
	return NULL;
}

/* Checks value for setting s; MI_EDATA with a sentence when it does not fit. */
static mi_status check_value(const setting *s, const char *value, mi_error *err)
{
	switch (s->kind) {
	case SETTING_TEXT: {
		size_t len = strlen(value);
		if (len == 0 || len > 200)
			return mi_error_set(err, MI_EDATA, "%s must be 1 to 200 bytes of text.", s->key);
		mi_text_problem problem = mi_text_check(value, len, false, NULL);
		if (problem != MI_TEXT_OK)
			return mi_error_set(err, MI_EDATA, "%s contains %s.", s->key,
					    mi_text_problem_name(problem));
		return MI_OK;
	}
	case SETTING_PAPER:
		if (strcmp(value, "a4") != 0 && strcmp(value, "letter") != 0)
			return mi_error_set(err, MI_EDATA, "paper must be a4 or letter.");
		return MI_OK;
	case SETTING_SECONDS: {
		char *end;
		errno = 0;
		long n = strtol(value, &end, 10);
		if (errno || end == value || *end || n < 0 || n > 86400)
			return mi_error_set(err, MI_EDATA,
					    "%s must be a whole number of seconds from 0 to 86400.", s->key);
		return MI_OK;
	}
	case SETTING_PERIOD: {
		mi_period period;
		if (!mi_period_parse(value, &period))
			return mi_error_set(err, MI_EDATA,
					    "%s must be a number and d, w, m or y (days, weeks, months, "
					    "years), such as 7y, up to 100 years.",
					    s->key);
		return MI_OK;
	}
	}
	return mi_error_set(err, MI_EINTERNAL, "%s has a kind the program does not know.", s->key);
}

/* Prints "KEY = VALUE" (or "(default)") for one setting. */
static mi_status print_setting(mi_store *store, const setting *s, mi_error *err)
{
	char *value = NULL;
	mi_status st = mi_store_setting_get(store, s->key, &value, err);
	if (st != MI_OK)
		return st;
	char *safe = value ? mi_text_sanitize(value, false) : NULL;
	printf("%-22s %s\n", s->key, safe ? safe : "(default)");
	free(safe);
	free(value);
	return MI_OK;
}

int mi_cmd_settings(mi_cli *cli, int argc, char **argv)
{
	if (mi_cli_wants_help(argc, argv)) {
		usage(stdout);
		return 0;
	}
	if (argc > 3)
		return mi_cli_failf(MI_EUSAGE, "settings takes at most KEY and VALUE; see massage-intake settings --help.");
	const setting *chosen = NULL;
	if (argc >= 2) {
		chosen = find_setting(argv[1]);
		if (!chosen && strcmp(argv[1], "kiosk_pin_hash") == 0)
			return mi_cli_failf(MI_EUSAGE, "the PIN is set with massage-intake set-pin.");
		if (!chosen)
			return mi_cli_failf(MI_EUSAGE, "unknown setting \"%s\"; see massage-intake settings --help.",
					    argv[1]);
	}
	mi_error err;
	const char *value = argc == 3 ? argv[2] : NULL;
	bool unset = value && strcmp(value, "--unset") == 0;
	if (value && !unset && check_value(chosen, value, &err) != MI_OK)
		return mi_cli_fail(&err);

	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, value ? MI_STORE_CREATE : 0, &store, &err);
	if (st == MI_OK && value)
		st = mi_store_setting_set(store, chosen->key, unset ? NULL : value, &err);
	else if (st == MI_OK && chosen)
		st = print_setting(store, chosen, &err);
	for (const setting *s = settings; st == MI_OK && !chosen && s->key; s++)
		st = print_setting(store, s, &err);
	mi_store_close(store);
	if (st != MI_OK)
		return mi_cli_fail(&err);
	return fflush(stdout) == 0 ? 0 : MI_EIO;
}
