/* app_access.h - what the person acting may read: the one role check that
 * every screen and command goes through before it shows clinical notes.
 *
 * Clinical notes are what is written for therapists: the client's response
 * and the therapist-only notes of a session, the signature and amendments
 * of a visit's notes, and the therapist's note and source of each flag.
 * Therapists read them; the front desk does not. It still sees the client,
 * the answers, the screening outcome, each flag's level and message for
 * the client, the goals, the plan, and what the aftercare sheet it prints
 * tells the client (the areas worked, the pressure and techniques, the
 * aftercare notes). The person acting is the store's
 * (mi_store_actor_account): the one signed in at the desk, or named with
 * --as. A command without --as (audited as "cli") acts for whoever has
 * the computer's account, the clinic owner's: it reads everything, as it
 * always did, until the clinic has an active front-desk account; from then
 * on it reads as the front desk does, since that person shares the
 * computer's account (docs/SECURITY.md).
 *
 * A refusal is audited as "notes refused" of the record asked for.
 */
#ifndef MI_APP_ACCESS_H
#define MI_APP_ACCESS_H

#include "mi/app_accounts.h"
#include "mi/store.h"

/* MI_OK when the person acting may do what; MI_ENOPERM with one sentence
 * naming the role or saying to give --as NAME otherwise (nothing audited);
 * another status when the accounts cannot be read. */
mi_status mi_app_acting_may(mi_store *store, mi_permission what, mi_error *err);

/* MI_OK when the person acting may read the clinical notes of record id of
 * table ("visits", "clients"; 0: all of them); otherwise MI_ENOPERM with
 * the sentence, the refusal audited as "notes refused". */
mi_status mi_app_may_read_notes(mi_store *store, const char *table, long long id,
				mi_error *err);

#endif
