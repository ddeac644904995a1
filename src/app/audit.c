/* audit.c - the audit policy: acts are refused unless recorded, views are
 * shown with a warning. */
#include "mi/i18n.h"
#include "mi/app_audit.h"

mi_status mi_app_audit_act(mi_store *store, const char *action, const char *table,
			   long long record_id, mi_error *err)
{
	mi_error why;
	mi_status st = mi_store_audit_append(store, action, table, record_id, &why);
	if (st == MI_OK)
		return MI_OK;
	return mi_error_set(err, st, _("it was not done, because the audit log cannot record it: %s"),
			    why.message);
}

bool mi_app_audit_view(mi_store *store, const char *action, const char *table,
		       long long record_id, mi_error *warning)
{
	mi_error why;
	if (mi_store_audit_append(store, action, table, record_id, &why) == MI_OK)
		return true;
	mi_error_set(warning, why.status, _("this view was not recorded in the audit log: %s"),
		     why.message);
	return false;
}

mi_status mi_app_audit_list(mi_store *store, size_t limit, mi_audit_list *out, mi_error *err)
{
	return mi_store_audit_list(store, limit, out, err);
}
