/* translation.c - a language's overlays put in use (translation.h). */
#include "mi/translation.h"

#include "mi/i18n.h"
#include "mi/intake.h"

const char *const mi_translated_file_names[MI_TRANSLATED_COUNT] = {
	"intake.conf",
	"rules.conf",
	"aftercare.conf",
};

void mi_translation_clear(mi_translation *t)
{
	for (int i = 0; i < MI_TRANSLATED_COUNT; i++)
		mi_overlay_free(t->overlays[i]);
	*t = (mi_translation){0};
}

static const mi_translation *in_use;

void mi_translation_use(const mi_translation *t)
{
	in_use = t;
	mi_i18n_use(t ? t->lang : NULL);
	mi_intake_installed_use_words(t ? t->overlays[MI_TRANSLATED_INTAKE] : NULL);
}

const mi_translation *mi_translation_in_use(void)
{
	return in_use;
}

const char *mi_translation_rule_message(const mi_rule *rule)
{
	return mi_overlay_text(in_use ? in_use->overlays[MI_TRANSLATED_RULES] : NULL, "rule",
			       rule->id, "message", rule->message);
}

bool mi_ruleset_source(const mi_ruleset *rules, mi_overlay_source *source)
{
	for (size_t i = 0; i < mi_ruleset_count(rules); i++) {
		const mi_rule *rule = mi_ruleset_rule(rules, i);
		if (!mi_overlay_source_add(source, "rule", rule->id, "message", rule->message))
			return false;
	}
	return true;
}
