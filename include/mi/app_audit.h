/* app_audit.h - the one audit policy of every screen and command.
 *
 *  - An act that sends a record out of the program or to an unknown person
 *    (printing, exporting to a file, resuming an intake at the kiosk) is
 *    recorded first and is not done when the entry cannot be written:
 *    mi_app_audit_act.
 *  - A view (a record put on the front desk's screen or on standard output)
 *    is recorded first too, but still shown when the entry cannot be
 *    written (the database stayed locked, the disk is full): a clinic must
 *    be able to read its records then, and whoever can block the log that
 *    way can read the file anyway. The caller shows the warning sentence:
 *    mi_app_audit_view.
 *  - Writes (create, complete, notes, review, settings) log themselves in
 *    the same transaction, in the store.
 *
 * Actions and tables are plain words; an entry never holds a name, an
 * answer or a value.
 */
#ifndef MI_APP_AUDIT_H
#define MI_APP_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/store.h"

/* Records an act before it is done. MI_OK: go ahead. Anything else: do not
 * do it; err says why in one sentence ("... it was not done"). */
mi_status mi_app_audit_act(mi_store *store, const char *action, const char *table,
			   long long record_id, mi_error *err);

/* Records a view before it is shown. True when recorded; false with
 * *warning filled with one sentence to show ("this view was not recorded in
 * the audit log: ...") when not. The view goes ahead either way. */
bool mi_app_audit_view(mi_store *store, const char *action, const char *table,
		       long long record_id, mi_error *warning);

/* The audit log, newest first, at most limit entries (0: all). Fills *out
 * (caller clears). */
mi_status mi_app_audit_list(mi_store *store, size_t limit, mi_audit_list *out, mi_error *err);

#endif
