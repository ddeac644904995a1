/* client_copy_pdf.c - the client's copy as a PDF of as many pages as it
 * needs: text flowed line by line with pango, a page number at the foot. */
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/client_copy.h"
#include "mi/strbuf.h"
#include "mi/text.h"
#include "mi/vocab.h"
#include "render.h"

#define MARGIN 48.0
#define BODY 9.5   /* points */
#define HEADING 12.5
#define TITLE 16.0
#define FOOT 7.5

/* The page being filled. */
typedef struct flow {
	mi_rd r;
	double y, left, width, bottom;
	int page; /* pages started */
	const char *clinic;
} flow;

/* Ends the current page: its number at the foot. */
static void end_page(flow *f)
{
	char foot[160];
	snprintf(foot, sizeof foot, "%s \u2014 page %d", f->clinic, f->page);
	mi_rd_put_layout(&f->r, mi_rd_layout(&f->r, foot, FOOT, false, f->width, 1), f->left,
			 f->r.h - MARGIN + 12, 0.4, 0.4, 0.4);
	cairo_show_page(f->r.cr);
}

/* Ends the current page, if any, and starts the next. */
static void next_page(flow *f)
{
	if (f->page > 0)
		end_page(f);
	f->page++;
	f->y = MARGIN;
}

/* Puts text (made safe here) from the left edge plus indent, line by line,
 * starting a new page wherever a line would not fit. When bold_prefix is
 * not 0, that many leading bytes are bold. */
static void put(flow *f, const char *text, double size, bool bold, size_t bold_prefix,
		double indent, double red, double green, double blue)
{
	char *safe = mi_text_sanitize(text, true);
	if (!safe)
		return;
	PangoLayout *l = mi_rd_layout(&f->r, safe, size, bold, f->width - indent, 0);
	if (bold_prefix) {
		PangoAttrList *attrs = pango_attr_list_new();
		PangoAttribute *weight = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		weight->start_index = 0;
		weight->end_index = (guint)(bold_prefix < strlen(safe) ? bold_prefix : strlen(safe));
		pango_attr_list_insert(attrs, weight);
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	}
	PangoLayoutIter *it = pango_layout_get_iter(l);
	cairo_set_source_rgb(f->r.cr, red, green, blue);
	do {
		PangoRectangle line;
		pango_layout_iter_get_line_extents(it, NULL, &line);
		double height = line.height / (double)PANGO_SCALE;
		double baseline = (pango_layout_iter_get_baseline(it) - line.y) / (double)PANGO_SCALE;
		if (f->y + height > f->bottom) {
			next_page(f);
			cairo_set_source_rgb(f->r.cr, red, green, blue);
		}
		cairo_move_to(f->r.cr, f->left + indent, f->y + baseline);
		pango_cairo_show_layout_line(f->r.cr, pango_layout_iter_get_line_readonly(it));
		f->y += height;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	free(safe);
}

/* A heading, on a new page when it and a few lines after it would not fit. */
static void heading(flow *f, const char *text, double size)
{
	if (f->y + size * 6 > f->bottom)
		next_page(f);
	else
		f->y += size * 0.8;
	put(f, text, size, true, 0, 0, 0.12, 0.33, 0.38);
	f->y += 3;
}

/* "Label: value", the label bold. */
static void field(flow *f, const char *label, const char *value)
{
	mi_strbuf b = {0};
	mi_strbuf_addf(&b, "%s: %s", label, value && *value ? value : "-");
	char *line = mi_strbuf_take(&b);
	if (line)
		put(f, line, BODY, false, strlen(label) + 1, 12, 0.1, 0.1, 0.1);
	free(line);
}

static void paragraph(flow *f, const char *text)
{
	put(f, text, BODY, false, 0, 12, 0.1, 0.1, 0.1);
}

static void put_answers(flow *f, const mi_client_copy *copy, const mi_visit *v)
{
	heading(f, "Your answers", BODY + 1.5);
	bool any = false;
	for (size_t i = 0; i < mi_form_count(copy->form); i++) {
		const mi_form_item *it = mi_form_item_at(copy->form, i);
		bool failed;
		char *answer = mi_form_answer_text(it, v->answers, &failed);
		if (answer) {
			field(f, it->label, answer);
			any = true;
		}
		free(answer);
	}
	if (!any)
		paragraph(f, "No answers were saved.");
}

static void put_screening(flow *f, const mi_client_copy *copy, const mi_visit *v)
{
	heading(f, "Screening", BODY + 1.5);
	field(f, "Outcome", mi_level_name(v->outcome));
	for (size_t i = 0; i < v->flag_count; i++) {
		const mi_rule *rule =
			copy->rules ? mi_ruleset_find(copy->rules, v->flags[i].rule_id) : NULL;
		mi_strbuf b = {0};
		mi_strbuf_addf(&b, "%s (%s)", v->flags[i].rule_id, mi_level_name(v->flags[i].level));
		char *label = mi_strbuf_take(&b);
		if (label)
			field(f, label, rule ? rule->message : "");
		free(label);
	}
}

static void put_notes(flow *f, const mi_visit *v)
{
	const mi_session_notes *n = &v->notes;
	char *goals = mi_vocab_join(MI_VOCAB_GOAL, v->goals, v->goal_count);
	char *areas = mi_vocab_join(MI_VOCAB_AREA, n->areas, n->area_count);
	char *techniques = mi_vocab_join(MI_VOCAB_TECHNIQUE, n->techniques, n->technique_count);
	heading(f, "Goals and session notes", BODY + 1.5);
	field(f, "Goals agreed", goals);
	field(f, "Other goals", v->goals_other);
	field(f, "Areas worked", areas);
	field(f, "Other areas", n->areas_other);
	field(f, "Techniques", techniques);
	field(f, "Pressure used", n->pressure);
	field(f, "How you responded", n->response);
	field(f, "Therapist's notes", n->therapist_notes);
	field(f, "Aftercare notes", v->aftercare_notes);
	free(goals);
	free(areas);
	free(techniques);
}

/* Who signed the notes, every change since with the text before it, the
 * follow-up plan and the consent text agreed. */
static void put_record(flow *f, const mi_visit_record *r)
{
	char line[2400];
	if (r->notes.signed_by) {
		snprintf(line, sizeof line, "%s, %s", r->notes.signed_by,
			 r->notes.signed_at ? r->notes.signed_at : "");
		field(f, "Notes signed by", line);
	}
	for (size_t i = 0; i < r->notes.amendment_count; i++) {
		const mi_note_amendment *a = &r->notes.amendments[i];
		snprintf(line, sizeof line, "%s by %s, %s; before: %s", a->field, a->who, a->at,
			 a->before ? a->before : "(empty)");
		field(f, "Changed later", line);
	}
	if (r->plan.kind != MI_PLAN_NONE) {
		char text[32];
		mi_plan_format(&r->plan, text);
		const char *id = mi_plan_id(&r->plan);
		field(f, "Follow-up plan", id ? mi_vocab_label(MI_VOCAB_PLAN, id) : text);
	}
	if (r->consent_hash) {
		snprintf(line, sizeof line, "version %s (SHA-256 %s)",
			 r->consent_version ? r->consent_version : "?", r->consent_hash);
		field(f, "Consent text agreed", line);
	}
}

/* Lays out the whole copy. */
static void put_copy(flow *f, const mi_client_copy *copy)
{
	const mi_client *c = copy->client;
	char made[11], line[400];
	mi_date_format(copy->made, made);
	next_page(f);
	put(f, f->clinic, TITLE, true, 0, 0, 0.12, 0.33, 0.38);
	put(f, "Everything we hold about you", HEADING, true, 0, 0, 0.1, 0.1, 0.1);
	snprintf(line, sizeof line,
		 "Made on %s at your request: your details and, for every visit, your answers, "
		 "the screening, the goals, the session notes with who signed and changed them, "
		 "the follow-up plan, the consent text you agreed to and the aftercare notes.",
		 made);
	f->y += 4;
	put(f, line, BODY, false, 0, 0, 0.35, 0.35, 0.35);
	heading(f, "Your details", HEADING);
	field(f, "Name", c->name);
	field(f, "Date of birth", c->birth_date);
	field(f, "Phone", c->phone);
	field(f, "E-mail", c->email);
	snprintf(line, sizeof line, "%.10s", c->created ? c->created : "");
	field(f, "In our records since", line);
	snprintf(line, sizeof line, "%lld", c->id);
	field(f, "Client number", line);
	if (copy->visit_count == 0) {
		heading(f, "Visits", HEADING);
		paragraph(f, "No visits are recorded.");
	}
	for (size_t i = 0; i < copy->visit_count; i++) {
		const mi_visit *v = copy->visits[i];
		char date[11];
		mi_date_format(v->date, date);
		snprintf(line, sizeof line, "Visit of %s (number %lld)%s", date, v->id,
			 v->complete ? "" : ", not finished");
		heading(f, line, HEADING);
		put_answers(f, copy, v);
		if (v->complete)
			put_screening(f, copy, v);
		put_notes(f, v);
		if (copy->records)
			put_record(f, &copy->records[i]);
	}
}

mi_status mi_client_copy_pdf(const mi_client_copy *copy, mi_paper paper, unsigned char **data,
			     size_t *len, mi_error *err)
{
	char *clinic = mi_text_sanitize(
		copy->clinic_name && *copy->clinic_name ? copy->clinic_name : MI_DEFAULT_CLINIC_NAME,
		false);
	if (!clinic)
		return mi_error_set(err, MI_EINTERNAL, "out of memory rendering the copy.");
	flow f = {.clinic = clinic};
	mi_rd_paper_size(paper, &f.r.w, &f.r.h);
	f.r.draw = true;
	f.left = MARGIN;
	f.width = f.r.w - 2 * MARGIN;
	f.bottom = f.r.h - MARGIN;
	mi_rd_sink out = {0};
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(mi_rd_sink_write, &out, f.r.w,
								      f.r.h);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Client records");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       "massage-intake " MI_VERSION);
	f.r.cr = cairo_create(surface);
	f.r.pc = mi_rd_pango_context(f.r.cr);
	put_copy(&f, copy);
	end_page(&f);
	cairo_status_t status = mi_rd_end(&f.r);
	free(clinic);
	return mi_rd_collect(surface, status, &out, "copy", data, len, err);
}
