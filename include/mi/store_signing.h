/* store_signing.h - signed session notes and their amendments.
 *
 * Closing a visit signs its notes: the person acting (the store's actor)
 * and the time are kept. A change to the notes of a signed visit
 * (mi_store_visit_save_notes) is an amendment: for each note that changes
 * one row keeps who changed it, when, the text before and the text after,
 * in the same transaction as the change. Nothing of it is ever rewritten.
 */
#ifndef MI_STORE_SIGNING_H
#define MI_STORE_SIGNING_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/store.h"
#include "mi/visit_record.h"

/* Closes the visit: signs its notes by the store's actor, audited as
 * "sign". A draft or a visit signed already is MI_EDATA; an unknown one
 * MI_ENOTFOUND. */
mi_status mi_store_visit_sign(mi_store *store, long long visit_id, mi_error *err);

/* The signature and amendments of a visit. Fills *out (caller clears). */
mi_status mi_store_note_record(mi_store *store, long long visit_id, mi_note_record *out,
			       mi_error *err);

#endif
