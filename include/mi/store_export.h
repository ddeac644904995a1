/* store_export.h - what exports need from the database: the database's own
 * identifier and the visits to export, one at a time.
 *
 * Part of the storage layer (store.h): the same handle, errors and rules.
 * Exports load each visit with mi_store_visit_load and its client with
 * mi_store_client_get, so memory stays flat however many visits there are.
 */
#ifndef MI_STORE_EXPORT_H
#define MI_STORE_EXPORT_H

#include "mi/error.h"
#include "mi/store.h"
#include "mi/uuid.h"

/* The database's installation id: a random UUID made the first time it is
 * asked for and kept in the settings (key "installation_id", written in
 * one transaction with its audit entry). Exports name the clinic's record
 * numbers with it, so two clinics' client 7 never meet. Copied into out. */
mi_status mi_store_installation_id(mi_store *store, char out[MI_UUID_SIZE], mi_error *err);

/* The first visit with an id above after_id, of client_id (0: of every
 * client, with drafts and visits kept without a client), in id order;
 * *next_id = 0 when there is none. Each call is one short query, so a
 * loop over every visit neither holds a long read nor a list in memory. */
mi_status mi_store_next_visit(mi_store *store, long long client_id, long long after_id,
			      long long *next_id, mi_error *err);

#endif
