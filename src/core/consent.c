/* consent.c - a consent the clinic can rely on, or why not, and which
 * consent text was agreed (consent.h). */
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mi/consent.h"
#include "mi/fold.h"
#include "mi/i18n.h"
#include "mi/questions.h"

/* True when the two names fold to the same key (true too when memory
 * runs out: a false alarm is no help then). */
static bool same_name(const char *a, const char *b)
{
	char *ka = mi_fold(a), *kb = mi_fold(b);
	bool same = !ka || !kb || strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}

mi_consent_state mi_consent_check(const mi_answers *answers)
{
	if (!answers || !mi_answers_has(answers, "consent"))
		return MI_CONSENT_MISSING;
	bool agreed = false;
	if (!mi_answers_get_bool(answers, "consent.agreed", &agreed) || !agreed)
		return MI_CONSENT_NOT_AGREED;
	const char *signed_as = mi_answers_get_text(answers, "consent.name");
	const char *client = mi_answers_get_text(answers, "client.name");
	if (!signed_as || !*signed_as)
		return MI_CONSENT_OTHER_NAME;
	if (client && *client && !same_name(signed_as, client))
		return MI_CONSENT_OTHER_NAME;
	return MI_CONSENT_SIGNED;
}

const char *mi_consent_problem_english(mi_consent_state state)
{
	switch (state) {
	case MI_CONSENT_MISSING:
		return N_("No consent: the client did not sign. Ask for it before any treatment.");
	case MI_CONSENT_NOT_AGREED:
		return N_("The client did not agree to the treatment. Do not treat; ask them.");
	case MI_CONSENT_OTHER_NAME:
		return N_("The consent is not signed with the client's name. Check who signed it.");
	default:
		return NULL;
	}
}

const char *mi_consent_problem(mi_consent_state state)
{
	const char *problem = mi_consent_problem_english(state);
	return problem ? _(problem) : NULL;
}

const char *mi_consent_text(void)
{
	size_t count = 0;
	const mi_ui_question *q = mi_ui_questions(&count);
	for (size_t i = 0; i < count; i++)
		if (q[i].kind == MI_Q_CONSENT)
			return q[i].text;
	return "";
}

void mi_consent_hash(char out[static 65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	const char *text = mi_consent_text();
	crypto_hash_sha256(digest, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(out, 65, digest, sizeof digest);
}

const char *mi_consent_state_name(mi_consent_state state)
{
	switch (state) {
	case MI_CONSENT_MISSING:
		return "missing";
	case MI_CONSENT_NOT_AGREED:
		return "not_agreed";
	case MI_CONSENT_OTHER_NAME:
		return "other_name";
	default:
		return "signed";
	}
}
