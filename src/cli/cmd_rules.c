/* cmd_rules.c - `massage-intake rules`: list the loaded screening rules. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/intake.h"
#include "mi/cli.h"
#include "mi/i18n.h"
#include "mi/screen.h"
#include "mi/text.h"

/* The rules as one JSON document. Caller frees; NULL when out of memory. */
static char *rules_json(const mi_ruleset *rules)
{
	json_t *root = json_object(), *list = json_array();
	bool ok = root && list &&
		  json_object_set_new(root, "version", json_string(mi_ruleset_version(rules))) == 0;
	for (size_t i = 0; ok && i < mi_ruleset_count(rules); i++) {
		const mi_rule *r = mi_ruleset_rule(rules, i);
		json_t *item = json_object();
		ok = item && json_object_set_new(item, "id", json_string(r->id)) == 0 &&
		     json_object_set_new(item, "level", json_string(mi_level_name(r->level))) == 0 &&
		     json_object_set_new(item, "when", json_string(r->when)) == 0 &&
		     json_object_set_new(item, "source", json_string(r->source)) == 0;
		if (json_array_append_new(list, item) != 0)
			ok = false;
	}
	char *text = NULL;
	if (ok && json_object_set(root, "rules", list) == 0)
		text = json_dumps(root, JSON_PRESERVE_ORDER);
	json_decref(list);
	json_decref(root);
	return text;
}

/* Prints one line per rule, every string made safe for the terminal. */
static bool print_text(const mi_ruleset *rules)
{
	char *version = mi_text_sanitize(mi_ruleset_version(rules), false);
	if (!version)
		return false;
	printf(_("rules version: %s\n"), version);
	free(version);
	const mi_intake *intake = mi_ruleset_intake(rules);
	char *intake_version = mi_text_sanitize(mi_intake_version(intake), false);
	if (!intake_version)
		return false;
	/* TRANSLATORS: the version of intake.conf, then its fingerprint. */
	printf(_("intake questions: %s (%s)\n"), intake_version, mi_intake_fingerprint(intake));
	free(intake_version);
	for (size_t i = 0; i < mi_ruleset_count(rules); i++) {
		const mi_rule *r = mi_ruleset_rule(rules, i);
		char *id = mi_text_sanitize(r->id, false), *source = mi_text_sanitize(r->source, false);
		if (id && source)
			printf("%-7s  %-28s  %s\n", mi_level_name(r->level), id, source);
		free(id);
		free(source);
		if (!id || !source)
			return false;
	}
	return true;
}

static int run(mi_cli *cli, const mi_cli_args *args)
{
	bool json = mi_cli_has(args, 'j');
	if (args->operand_count > 0)
		return mi_cli_failf(MI_EUSAGE, _("rules: unexpected \"%s\"; see massage-intake rules --help."),
				    args->operands[0]);
	mi_error err;
	mi_ruleset *rules = NULL;
	if (mi_cli_load_rules(cli, &rules, &err) != MI_OK)
		return mi_cli_fail(&err);
	bool ok;
	if (json) {
		char *text = rules_json(rules);
		ok = text != NULL;
		if (text)
			printf("%s\n", text);
		free(text);
	} else {
		ok = print_text(rules);
	}
	mi_ruleset_free(rules);
	if (!ok)
		return mi_cli_failf(MI_EINTERNAL, _("out of memory listing the rules."));
	if (fflush(stdout) != 0 || ferror(stdout))
		return mi_cli_failf(MI_EIO, _("cannot write the list: %s."), strerror(errno));
	return 0;
}

const mi_command mi_command_rules = {
	.name = "rules",
	.summary = N_("list the loaded screening rules"),
	.usage = "rules [--json] [--rules FILE]\n",
	.about = N_("Lists the screening rules in use: the rules version, the version and\n"
		    "fingerprint of the intake questions (intake.conf), then each rule's\n"
		    "level, id and source. The rules come from --rules FILE, else the first\n"
		    "rules.conf in --data DIR, ~/.config/massage-intake, /etc/massage-intake\n"
		    "and the shipped folder; a broken file is refused with its line.\n"),
	.options = (const mi_cli_option[]){
		{"json", 'j', NULL, N_("{\"version\": ..., \"rules\": [{\"id\", \"level\", \"when\", \"source\"}]}")},
		{0},
	},
	.run = run,
};
