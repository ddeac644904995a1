/* consent.h - whether an intake's consent is one a clinic can rely on.
 *
 * The consent (SPEC section 2: agreed, name, date) is signed by typing
 * one's name. It is stored whatever it says; this module tells the desk
 * when it is missing, not agreed, or signed with a name that is not the
 * client's (compared as fold.h compares names: case, accents and spacing
 * do not count).
 *
 * It also names which consent text was agreed: the words of the consent
 * question (questions.c) are the consent text, and each visit whose
 * consent was given keeps the text's version and SHA-256, so what was
 * agreed can be told apart once the words change. Change
 * MI_CONSENT_VERSION whenever the words change (a test holds the two
 * together).
 */
#ifndef MI_CONSENT_H
#define MI_CONSENT_H

#include "mi/answers.h"

typedef enum mi_consent_state {
	MI_CONSENT_SIGNED = 0,  /* agreed, signed with the client's name */
	MI_CONSENT_MISSING,     /* no consent in the answers */
	MI_CONSENT_NOT_AGREED,  /* agreed is false or not given */
	MI_CONSENT_OTHER_NAME,  /* signed with a name that is not the client's */
} mi_consent_state;

/* The state of the consent in answers (NULL: missing). */
mi_consent_state mi_consent_check(const mi_answers *answers);

/* One sentence for the therapist about a consent that is not
 * MI_CONSENT_SIGNED, in the desk's language, or NULL when it is. */
const char *mi_consent_problem(mi_consent_state state);

/* The same sentence in English whatever the language, for what other
 * programs read (show --json's "problem"). */
const char *mi_consent_problem_english(mi_consent_state state);

/* The version of today's consent text. */
#define MI_CONSENT_VERSION "1"

/* The consent text (static). */
const char *mi_consent_text(void);

/* The SHA-256 of the consent text's UTF-8 bytes, as 64 lower-case hex
 * digits. */
void mi_consent_hash(char out[static 65]);

/* The state as a word for JSON: "signed", "missing", "not_agreed",
 * "other_name". */
const char *mi_consent_state_name(mi_consent_state state);

#endif
