/* aftercare.c - the aftercare pipeline: settings, visit, summary, render,
 * audit, then file or printer. */
#define _GNU_SOURCE /* nl_langinfo(_NL_PAPER_WIDTH) */
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_aftercare.h"
#include "mi/store_language.h"
#include "mi/app_audit.h"
#include "mi/app_settings.h"
#include "mi/export.h"

/* The paper size of the locale: LC_PAPER's width where the C library knows
 * it, else letter for en_US and en_CA locale names, else A4. */
static mi_paper locale_paper(void)
{
#ifdef __GLIBC__
	const char *name = setlocale(LC_PAPER, NULL);
	if (name && strcmp(name, "C") != 0 && strcmp(name, "POSIX") != 0 &&
	    strncmp(name, "C.", 2) != 0) {
		unsigned width_mm = (unsigned)(uintptr_t)nl_langinfo(_NL_PAPER_WIDTH);
		return width_mm == 216 ? MI_PAPER_LETTER : MI_PAPER_A4;
	}
#endif
	static const char *const vars[] = {"LC_ALL", "LC_PAPER", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "en_US", 5) == 0 || strncmp(v, "en_CA", 5) == 0
				       ? MI_PAPER_LETTER
				       : MI_PAPER_A4;
	}
	return MI_PAPER_A4;
}

mi_paper mi_app_paper(const mi_settings *settings)
{
	mi_paper paper;
	if (settings->paper && mi_paper_parse(settings->paper, &paper))
		return paper;
	return locale_paper();
}

/* Loads the visit; a draft has no summary. */
static mi_status load_complete_visit(mi_store *store, long long visit_id, mi_visit **out,
				     mi_error *err)
{
	mi_status st = mi_store_visit_load(store, visit_id, out, err);
	if (st == MI_OK && !(*out)->complete) {
		mi_visit_free(*out);
		*out = NULL;
		st = mi_error_set(err, MI_EDATA,
				  _("visit %lld is still a draft; complete the intake before its "
				    "aftercare summary."),
				  visit_id);
	}
	return st;
}

/* The translation of the language the visit was answered in, or NULL
 * (none recorded, or not one of req's). */
static const mi_translation *visit_translation(mi_store *store, const mi_aftercare_request *req,
					       mi_error *err)
{
	char *lang = NULL;
	if (mi_store_visit_language(store, req->visit_id, &lang, err) != MI_OK || !lang)
		return NULL;
	const mi_translation *found = NULL;
	for (size_t i = 0; i < req->translation_count && !found; i++)
		if (strcmp(req->translations[i].lang, lang) == 0)
			found = &req->translations[i];
	free(lang);
	return found;
}

/* The summary of visit in the requested format, in memory, in the words of
 * tr (NULL: the desk's). */
static mi_status render(const mi_aftercare_template *tpl, const mi_translation *tr,
			const mi_visit *visit, const mi_settings *settings,
			const mi_aftercare_request *req, unsigned char **data, size_t *len,
			mi_error *err)
{
	mi_aftercare_doc *doc = NULL;
	mi_status st = mi_aftercare_build_in(tpl, tr ? tr->overlays[MI_TRANSLATED_AFTERCARE] : NULL,
					     visit, &doc, err);
	if (st == MI_OK)
		st = mi_aftercare_add_clinic_phone(doc, settings->clinic_phone, err);
	mi_aftercare_format format = req->target == MI_AFTERCARE_PRINT ? MI_AFTERCARE_PDF
								       : req->format;
	if (st == MI_OK && format == MI_AFTERCARE_TEXT) {
		char *text = mi_aftercare_to_text(doc);
		if (!text)
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory writing the summary."));
		*data = (unsigned char *)text;
		*len = text ? strlen(text) : 0;
	} else if (st == MI_OK) {
		mi_render_options opt = {
			.paper = req->has_paper ? req->paper : mi_app_paper(settings),
			.clinic_name = settings->clinic_name,
			.format = format == MI_AFTERCARE_PNG ? MI_RENDER_PNG : MI_RENDER_PDF,
		};
		st = mi_aftercare_render(doc, &opt, data, len, NULL, err);
		mi_render_release_fonts();
	}
	mi_aftercare_doc_free(doc);
	return st;
}

/* Records the act, then does it; a failure after the record is logged too. */
static mi_status deliver(mi_store *store, const mi_aftercare_request *req,
			 const mi_settings *settings, const unsigned char *data, size_t len,
			 mi_error *err)
{
	bool print = req->target == MI_AFTERCARE_PRINT;
	const char *action = print ? "print" : "export";
	mi_status st = mi_app_audit_act(store, action, "visits", req->visit_id, err);
	if (st != MI_OK)
		return st;
	st = print ? mi_export_print_pdf(data, len, req->quiet,
					 (double)settings->print_timeout_seconds, err)
		   : mi_export_write_private(req->path, data, len, err);
	if (st != MI_OK) {
		mi_error ignored;
		mi_store_audit_append(store, print ? "print failed" : "export failed", "visits",
				      req->visit_id, &ignored);
	}
	return st;
}

mi_status mi_app_aftercare(mi_store *store, const mi_aftercare_template *tpl,
			   const mi_aftercare_request *req, mi_aftercare_shown *shown,
			   mi_error *err)
{
	if (req->target == MI_AFTERCARE_FILE && !req->path)
		return mi_error_set(err, MI_EINTERNAL, _("an aftercare file needs a path."));
	if (req->target == MI_AFTERCARE_SHOW && !shown)
		return mi_error_set(err, MI_EINTERNAL, _("a shown aftercare summary needs a place to go."));
	mi_settings settings;
	mi_status st = mi_app_settings_load(store, &settings, err);
	if (st != MI_OK)
		return st;
	/* A refused clinic name gives way to the default one; a refused paper
	 * size is not guessed at. */
	bool on_paper = req->target == MI_AFTERCARE_PRINT || req->format != MI_AFTERCARE_TEXT;
	if (on_paper && !req->has_paper)
		st = mi_settings_refusal(&settings, MI_SETTING_PAPER, err);
	if (st != MI_OK) {
		mi_settings_clear(&settings);
		return st;
	}
	mi_visit *visit = NULL;
	unsigned char *data = NULL;
	size_t len = 0;
	st = load_complete_visit(store, req->visit_id, &visit, err);
	if (st == MI_OK) {
		/* The client's language for the sheet (its words, the questions'
		 * words it quotes), then the desk's again. */
		const mi_translation *tr = visit_translation(store, req, err);
		mi_error_clear(err);
		if (tr)
			mi_translation_use(tr);
		st = render(tpl, tr, visit, &settings, req, &data, &len, err);
		if (tr)
			mi_translation_use(NULL);
	}
	if (st == MI_OK && req->target == MI_AFTERCARE_SHOW) {
		shown->unrecorded = !mi_app_audit_view(store, "view aftercare", "visits",
						       req->visit_id, &shown->warning);
		shown->data = data;
		shown->len = len;
		data = NULL;
	} else if (st == MI_OK) {
		st = deliver(store, req, &settings, data, len, err);
	}
	free(data);
	mi_visit_free(visit);
	mi_settings_clear(&settings);
	return st;
}
