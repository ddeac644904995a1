/* desk_print.c - printing a visit's aftercare summary from the desk: the
 * same steps as `aftercare --print` (build, render one PDF page, print with
 * mi_export_print_pdf), all through the public headers. */
#include <stdlib.h>

#include "desk_internal.h"
#include "mi/pdf.h"

mi_status mi_desk_print_visit(mi_desk *desk, long long visit_id, mi_error *err)
{
	mi_store *store = desk->config.store;
	if (!desk->config.aftercare)
		return mi_error_set(err, MI_EDATA, "no aftercare template is loaded.");
	mi_visit *visit = NULL;
	char *clinic = NULL, *paper_name = NULL;
	mi_aftercare_doc *doc = NULL;
	unsigned char *data = NULL;
	size_t len = 0;
	mi_paper paper = MI_PAPER_A4;
	mi_status st = mi_store_visit_load(store, visit_id, &visit, err);
	if (st == MI_OK)
		st = mi_store_setting_get(store, "clinic_name", &clinic, err);
	if (st == MI_OK)
		st = mi_store_setting_get(store, "paper", &paper_name, err);
	if (st == MI_OK && paper_name && !mi_paper_parse(paper_name, &paper))
		st = mi_error_set(err, MI_EDATA, "the paper setting must be a4 or letter.");
	if (st == MI_OK)
		st = mi_aftercare_build(desk->config.aftercare, visit, &doc, err);
	if (st == MI_OK) {
		mi_render_options opt = {.paper = paper, .clinic_name = clinic,
					 .format = MI_RENDER_PDF};
		st = mi_aftercare_render(doc, &opt, &data, &len, NULL, err);
		mi_render_release_fonts();
	}
	if (st == MI_OK)
		st = mi_export_print_pdf(data, len, true, err);
	if (st == MI_OK)
		st = mi_store_audit_append(store, "print", "visits", visit_id, err);
	free(data);
	mi_aftercare_doc_free(doc);
	mi_visit_free(visit);
	free(clinic);
	free(paper_name);
	return st;
}
