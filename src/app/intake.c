/* intake.c - completing a draft and submitting an intake: screened on the
 * day they are stored, stored in one transaction. */
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_intake.h"

bool mi_app_intake_has_name(const mi_answers *answers)
{
	const char *name = mi_answers_get_text(answers, "client.name");
	return name && strspn(name, " \t") != strlen(name);
}

mi_status mi_app_intake_screen(const mi_ruleset *rules, const mi_answers *answers, mi_date today,
			mi_screening *out, mi_error *err)
{
	*out = (mi_screening){.outcome = MI_LEVEL_PROCEED};
	if (!rules)
		return mi_error_set(err, MI_EINTERNAL,
				    _("an intake is screened and stored only with the screening rules loaded."));
	return mi_screen(rules, answers, today, out, err);
}

mi_status mi_app_intake_complete(mi_store *store, const mi_ruleset *rules, long long visit_id,
				 const mi_answers *answers, mi_date today, mi_level *outcome,
				 mi_error *err)
{
	mi_screening s;
	mi_status st = mi_app_intake_screen(rules, answers, today, &s, err);
	if (st != MI_OK)
		return st;
	st = mi_store_visit_complete(store, visit_id, answers, &s, mi_ruleset_version(rules), err);
	if (st == MI_OK && outcome)
		*outcome = s.outcome;
	mi_screening_clear(&s);
	return st;
}

mi_status mi_app_intake_submit(mi_store *store, const mi_ruleset *rules, const mi_answers *answers,
			       const mi_screening *screening, mi_visit_source source, mi_date today,
			       mi_app_submitted *out, mi_error *err)
{
	if (!mi_app_intake_has_name(answers))
		return mi_error_set(err, MI_EDATA,
				    _("client.name is missing; a stored intake needs the client's name."));
	*out = (mi_app_submitted){0};
	return mi_store_intake(store, answers, screening, mi_ruleset_version(rules), source, today,
			       &out->visit_id, &out->client_id, err);
}
