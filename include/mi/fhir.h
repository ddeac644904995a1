/* fhir.h - the intake as FHIR R4: the Questionnaire of the form, and one
 * transaction Bundle per intake.
 *
 * A Bundle holds, linked by urn:uuid: full URLs (random version-4 UUIDs):
 *  - the Patient, created only when no Patient has its identifier yet
 *    (POST with ifNoneExist). The identifier is the client's number in this
 *    database, in the namespace urn:uuid:INSTALLATION (the database's own
 *    UUID, see mi_store_installation_id): never the name.
 *  - the QuestionnaireResponse: one item per answer, linkId = the answer
 *    key (form.h), value[x] from the item's type; "completed", or
 *    "in-progress" for a draft.
 *  - the pain Observation (LOINC 72514-3, 0-10 in UCUM {score}), derived
 *    from the response, when pain_intensity is answered.
 *  - one Flag per rule that fired: the rule id as its code, the level as
 *    its priority (flag-priority extension), the therapist's note as text.
 *  - with the visit's record (visit_record.h), for a complete visit with a
 *    client: the session notes as a Composition (LOINC 34109-9), signed by
 *    its attester (mode legal, who and when) once the visit is closed,
 *    "amended" after a later change, each amendment a Provenance (activity
 *    UPDATE, the author as agent, the text before it as the revised
 *    entity); the follow-up plan as a CarePlan with one activity (when it
 *    is due: a period for reassess, a timing for a series or maintenance);
 *    the consent as a Consent whose policy is the consent text's version
 *    and whose policyRule is its SHA-256.
 * The response, Observation, Flags and those carry identifiers made from the
 * visit number and are written with conditional updates (PUT
 * TYPE?identifier=...), so exporting a visit again, or once more after a
 * draft is completed, updates them instead of adding copies.
 *
 * A visit with no client (a kiosk draft not yet matched to one, or a visit
 * kept anonymously after an erasure) has no Patient and no Flags (a Flag
 * needs a subject). The layout and a sample are in docs/export.md.
 *
 * Everything here works on loaded records (visit.h, store.h's mi_client)
 * and returns JSON text; nothing touches the database or prints. Every
 * string from a record passes through mi_text_sanitize.
 */
#ifndef MI_FHIR_H
#define MI_FHIR_H

#include <stdbool.h>

#include "mi/error.h"
#include "mi/form.h"
#include "mi/screen.h"
#include "mi/store.h"
#include "mi/visit.h"
#include "mi/visit_record.h"

/* The program's own names: the Questionnaire's canonical URL and the code
 * systems of answer values (one per key: BASE/CodeSystem/KEY), of rule ids
 * and of levels. They name things; nothing is fetched from them. */
#define MI_FHIR_BASE "https://massage-intake.example/fhir"
#define MI_FHIR_QUESTIONNAIRE_URL MI_FHIR_BASE "/Questionnaire/intake"
#define MI_FHIR_CODESYSTEM MI_FHIR_BASE "/CodeSystem/"
#define MI_FHIR_RULE_SYSTEM MI_FHIR_CODESYSTEM "rule"
#define MI_FHIR_LEVEL_SYSTEM MI_FHIR_CODESYSTEM "level"

/* What every Bundle of one export is made with. */
typedef struct mi_fhir_source {
	const mi_form *form;
	const mi_ruleset *rules;     /* the therapist's note of each flag; NULL: none */
	const char *installation_id; /* the database's UUID (lower-case text) */
} mi_fhir_source;

/* The Questionnaire of form as JSON text (indented when pretty). Caller
 * frees; NULL only when out of memory. */
char *mi_fhir_questionnaire(const mi_form *form, bool pretty);

/* The transaction Bundle of one visit. client is the visit's stored client
 * (NULL when it has none); record what the visit keeps beside its intake
 * (NULL: none). On success *json (caller frees) holds the
 * Bundle, indented when pretty, else on one line. MI_EINTERNAL when out of
 * memory or when no random UUID can be made. */
mi_status mi_fhir_bundle(const mi_fhir_source *src, const mi_visit *visit,
			 const mi_client *client, const mi_visit_record *record, bool pretty,
			 char **json, mi_error *err);

#endif
