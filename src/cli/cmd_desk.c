/* cmd_desk.c - no sub-command: the front-desk terminal UI. */
#include <stdlib.h>
#include <unistd.h>

#include "mi/app_settings.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/ui_desk.h"
#include "mi/ui_plain.h"

/* Runs the front desk; it locks after lock_timeout_seconds when a PIN is set. */
int mi_cmd_desk(mi_cli *cli)
{
	if (mi_plain_wanted(cli->plain))
		return mi_cli_plain_intakes(cli, MI_SOURCE_DESK, true);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return mi_cli_failf(MI_EUSAGE,
				    _("the front desk needs a terminal; for scripts use a command such as "
				      "\"massage-intake screen FILE\" (see massage-intake --help)."));
	mi_error err;
	mi_store *store = NULL;
	mi_status st = mi_cli_open_store(cli, MI_STORE_CREATE, &store, &err);
	mi_ruleset *rules = NULL;
	mi_aftercare_template *aftercare = NULL;
	if (st == MI_OK)
		st = mi_cli_load_rules(cli, &rules, &err);
	if (st == MI_OK)
		st = mi_cli_load_aftercare(cli, &aftercare, &err);
	mi_translation translations[MI_CLI_LANGUAGES_MAX];
	size_t translation_count = 0;
	if (st == MI_OK)
		st = mi_cli_load_translations(cli, translations, &translation_count, &err);
	if (st == MI_OK)
		st = mi_store_set_actor(store, "desk", &err);
	mi_settings settings = {0};
	if (st == MI_OK)
		st = mi_app_settings_load(store, &settings, &err);
	mi_desk *desk = NULL;
	if (st == MI_OK) {
		mi_desk_config config = {.store = store, .rules = rules, .aftercare = aftercare,
					 .clock = cli->clock,
					 .lock_seconds = (double)settings.lock_timeout_seconds,
					 .translations = translations,
					 .translation_count = translation_count};
		desk = mi_desk_new(&config, &err);
		if (!desk)
			st = err.status;
	}
	if (st == MI_OK) {
		mi_ui_options options = {.kiosk = false};
		st = mi_ui_run(mi_desk_screen(desk), &options, &err);
	}
	mi_desk_free(desk);
	mi_settings_clear(&settings);
	mi_cli_clear_translations(translations, translation_count);
	mi_aftercare_template_free(aftercare);
	mi_ruleset_free(rules);
	mi_store_close(store);
	return st == MI_OK ? 0 : mi_cli_fail(&err);
}
