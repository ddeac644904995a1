/* pdf.c - the aftercare summary on one page with cairo and pango (PDF or
 * PNG). */
#include "mi/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mi/i18n.h"
#include "mi/text.h"
#include "render.h"
#include "mi/visit.h"
#include "mi/vocab.h"

#define MARGIN 40.0
#define FIG_WIDTH 150.0 /* the column with the body map and the chart */
#define FIG_GAP 16.0
#define MAP_HEIGHT 190.0
#define CHART_HEIGHT 96.0
#define SMALL 7.5 /* captions and chart labels, points */

bool mi_paper_parse(const char *name, mi_paper *out)
{
	if (strcasecmp(name, "a4") == 0)
		*out = MI_PAPER_A4;
	else if (strcasecmp(name, "letter") == 0)
		*out = MI_PAPER_LETTER;
	else
		return false;
	return true;
}

const char *mi_paper_name(mi_paper paper)
{
	return paper == MI_PAPER_LETTER ? "letter" : "a4";
}

/* A rounded rectangle path in the current coordinates. */
static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double radius)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
	cairo_arc(cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
	cairo_arc(cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
	cairo_arc(cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
}

/* The shapes of the body map, seen from behind, in a 100 x 200 box. */
static const struct {
	int region; /* an mi_body_region, or -1 for a shape that is never shaded */
	double x, y, w, h, radius;
} body_shapes[] = {
	{-1, 7, 40, 11, 70, 5},	 /* left arm */
	{-1, 82, 40, 11, 70, 5}, /* right arm */
	{MI_BODY_NECK, 43, 23, 14, 13, 3},
	{MI_BODY_SHOULDERS, 16, 35, 15, 19, 6},
	{MI_BODY_SHOULDERS, 69, 35, 15, 19, 6},
	{MI_BODY_UPPER_BACK, 31, 36, 38, 26, 3},
	{MI_BODY_MID_BACK, 32, 62, 36, 24, 2},
	{MI_BODY_LOW_BACK, 33, 86, 34, 22, 2},
	{MI_BODY_HIPS_GLUTES, 28, 108, 44, 27, 9},
	{MI_BODY_LEGS, 30, 135, 18, 60, 6},
	{MI_BODY_LEGS, 52, 135, 18, 60, 6},
};

/* Draws the body map in the box at (x, y), width w, height h, the worked
 * regions shaded. */
static void draw_body_map(mi_rd *r, const bool worked[MI_BODY_REGION_COUNT], double x, double y,
			  double w, double h)
{
	cairo_t *cr = r->cr;
	double s = h / 200.0;
	double ox = x + (w - 100.0 * s) / 2.0;
	cairo_save(cr);
	cairo_translate(cr, ox, y);
	cairo_scale(cr, s, s);
	cairo_set_line_width(cr, 0.8);
	cairo_arc(cr, 50, 12, 10, 0, 2 * G_PI); /* head */
	cairo_set_source_rgb(cr, 0.97, 0.97, 0.97);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	cairo_stroke(cr);
	for (size_t i = 0; i < sizeof body_shapes / sizeof *body_shapes; i++) {
		bool shaded = body_shapes[i].region >= 0 && worked[body_shapes[i].region];
		rounded_rect(cr, body_shapes[i].x, body_shapes[i].y, body_shapes[i].w,
			     body_shapes[i].h, body_shapes[i].radius);
		if (shaded)
			cairo_set_source_rgb(cr, 0.88, 0.48, 0.33);
		else if (body_shapes[i].region >= 0)
			cairo_set_source_rgb(cr, 0.91, 0.91, 0.91);
		else
			cairo_set_source_rgb(cr, 0.97, 0.97, 0.97);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		cairo_stroke(cr);
	}
	/* The spine, lightly. */
	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	double dash[] = {2.0, 2.0};
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, 50, 37);
	cairo_line_to(cr, 50, 108);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* Puts the body map, its caption and the names of the regions worked in
 * the figure column from y; returns the height used. */
static double put_body_map(mi_rd *r, const mi_aftercare_doc *doc, double x, double y)
{
	if (r->draw)
		draw_body_map(r, doc->worked, x, y, FIG_WIDTH, MAP_HEIGHT);
	double used = MAP_HEIGHT + 4;
	if (r->draw) {
		/* Seen from behind: the client's left is on the left. */
		double s = MAP_HEIGHT / 200.0, ox = x + (FIG_WIDTH - 100.0 * s) / 2.0;
		mi_rd_put_layout(r, mi_rd_layout(r, "L", SMALL - 1, false, 20, 1), ox + 19 * s, y + 178 * s,
			   0.4, 0.4, 0.4);
		mi_rd_put_layout(r, mi_rd_layout(r, "R", SMALL - 1, false, 20, 1), ox + 74 * s, y + 178 * s,
			   0.4, 0.4, 0.4);
	}
	used += mi_rd_put_text(r, doc->map_caption, SMALL, true, x, y + used, FIG_WIDTH, 2);
	char names[256] = "";
	for (int i = 0; i < MI_BODY_REGION_COUNT; i++)
		if (doc->worked[i]) {
			size_t n = strlen(names);
			snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "",
				 mi_vocab_label(MI_VOCAB_REGION, mi_body_region_id((mi_body_region)i)));
		}
	used += mi_rd_put_text(r, names, SMALL, false, x, y + used, FIG_WIDTH, 3);
	return used;
}

/* Puts the pain chart (two points or more) with its caption in the figure
 * column from y; returns the height used. */
static double put_chart(mi_rd *r, const mi_aftercare_doc *doc, double x, double y)
{
	double used = mi_rd_put_text(r, doc->chart_caption, SMALL, true, x, y, FIG_WIDTH, 3) + 4;
	double px = x + 14, py = y + used + 8, pw = FIG_WIDTH - 20, ph = CHART_HEIGHT - 24;
	if (r->draw) {
		cairo_t *cr = r->cr;
		cairo_save(cr);
		cairo_set_line_width(cr, 0.5);
		for (int v = 0; v <= 10; v += 5) {
			double gy = py + ph * (1.0 - v / 10.0);
			cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
			cairo_move_to(cr, px, gy);
			cairo_line_to(cr, px + pw, gy);
			cairo_stroke(cr);
			char label[4];
			snprintf(label, sizeof label, "%d", v);
			PangoLayout *l = mi_rd_layout(r, label, SMALL - 1, false, 12, 1);
			pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
			mi_rd_put_layout(r, l, px - 14, gy - mi_rd_layout_height(l) / 2, 0.4, 0.4, 0.4);
		}
		size_t n = doc->trend_count;
		double step = n > 1 ? pw / (double)(n - 1) : 0;
		cairo_set_source_rgb(cr, 0.12, 0.33, 0.38);
		cairo_set_line_width(cr, 1.4);
		for (size_t i = 0; i < n; i++) {
			double cx = px + step * (double)i, cy = py + ph * (1.0 - doc->trend[i].pain / 10.0);
			if (i == 0)
				cairo_move_to(cr, cx, cy);
			else
				cairo_line_to(cr, cx, cy);
		}
		cairo_stroke(cr);
		for (size_t i = 0; i < n; i++) {
			double cx = px + step * (double)i, cy = py + ph * (1.0 - doc->trend[i].pain / 10.0);
			cairo_set_source_rgb(cr, 0.12, 0.33, 0.38);
			cairo_arc(cr, cx, cy, 2.2, 0, 2 * G_PI);
			cairo_fill(cr);
			char value[4];
			snprintf(value, sizeof value, "%d", doc->trend[i].pain);
			PangoLayout *l = mi_rd_layout(r, value, SMALL - 1, false, 16, 1);
			pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
			mi_rd_put_layout(r, l, cx - 8, cy - 3 - mi_rd_layout_height(l), 0.1, 0.1, 0.1);
		}
		char first[11], last[11];
		mi_date_format(doc->trend[0].date, first);
		mi_date_format(doc->trend[n - 1].date, last);
		PangoLayout *l = mi_rd_layout(r, first, SMALL - 1.5, false, pw / 2, 1);
		mi_rd_put_layout(r, l, px, py + ph + 3, 0.4, 0.4, 0.4);
		l = mi_rd_layout(r, last, SMALL - 1.5, false, pw / 2, 1);
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
		mi_rd_put_layout(r, l, px + pw / 2, py + ph + 3, 0.4, 0.4, 0.4);
		cairo_restore(cr);
	}
	return used + CHART_HEIGHT;
}

/* Lays out (and when drawing, draws) the whole page with body text of size
 * points and typed text limited to free_lines lines (0: no limit). With
 * reserve_note, room is kept at the bottom for the overflow note, which is
 * drawn when something was cut short. Returns true when everything fit;
 * when drawing, whatever does not fit is left out (and counts as cut short). */
static bool page_pass(mi_rd *r, const mi_aftercare_doc *doc, const char *clinic, double size,
		      int free_lines, bool reserve_note)
{
	r->shortened = false;
	double left = MARGIN, full = r->w - 2 * MARGIN, y = MARGIN;
	double bottom = r->h - MARGIN;

	y += mi_rd_put_layout(r, mi_rd_layout(r, clinic, 16, true, full, 1), left, y, 0.12, 0.33, 0.38);
	y += 2;
	y += mi_rd_put_text(r, doc->title, 13, true, left, y, full, 2);
	if (doc->subtitle[0])
		y += mi_rd_put_layout(r, mi_rd_layout(r, doc->subtitle, 9.5, false, full, 1), left, y + 1,
				0.35, 0.35, 0.35) +
		     1;
	y += 5;
	if (r->draw) {
		cairo_set_source_rgb(r->cr, 0.12, 0.33, 0.38);
		cairo_set_line_width(r->cr, 0.8);
		cairo_move_to(r->cr, left, y);
		cairo_line_to(r->cr, left + full, y);
		cairo_stroke(r->cr);
	}
	y += 9;

	double fig_x = r->w - MARGIN - FIG_WIDTH, side = y;
	bool any_worked = false;
	for (int i = 0; i < MI_BODY_REGION_COUNT; i++)
		any_worked |= doc->worked[i];
	if (any_worked)
		side += put_body_map(r, doc, fig_x, side) + 12;
	if (doc->trend_count >= 2)
		side += put_chart(r, doc, fig_x, side) + 8;

	double note_h = 0;
	if (reserve_note) {
		PangoLayout *note = mi_rd_layout(r, doc->overflow_note, SMALL, false, full, 0);
		note_h = mi_rd_layout_height(note) + 6;
		g_object_unref(note);
	}
	double limit = bottom - note_h;
	bool fits = true;
	for (size_t i = 0; i < doc->section_count && fits; i++) {
		const mi_aftercare_section *sec = &doc->sections[i];
		double width = y < side ? full - FIG_WIDTH - FIG_GAP : full;
		if (i > 0)
			y += size * 0.7;
		PangoLayout *hl = mi_rd_layout(r, sec->heading, size + 1.5, true, width, 0);
		if (y + mi_rd_layout_height(hl) > limit) {
			g_object_unref(hl);
			fits = false;
			break;
		}
		y += mi_rd_put_layout(r, hl, left, y, 0.12, 0.33, 0.38) + size * 0.25;
		for (size_t j = 0; j < sec->block_count; j++) {
			const mi_aftercare_block *b = &sec->blocks[j];
			width = y < side ? full - FIG_WIDTH - FIG_GAP : full;
			double indent = b->kind == MI_AFTERCARE_BULLET ? size * 1.3 : 0;
			PangoLayout *l = mi_rd_layout(r, b->text, size, false, width - indent,
						     b->free_text ? free_lines : 0);
			double bh = mi_rd_layout_height(l);
			if (y + bh > limit) {
				g_object_unref(l);
				fits = false;
				break;
			}
			if (b->kind == MI_AFTERCARE_BULLET)
				mi_rd_put_text(r, "\u2022", size, false, left, y, indent, 1);
			y += mi_rd_put_layout(r, l, left + indent, y, 0.1, 0.1, 0.1) + size * 0.3;
		}
	}
	if (!fits)
		r->shortened = true;
	if (reserve_note && r->shortened)
		mi_rd_put_layout(r, mi_rd_layout(r, doc->overflow_note, SMALL, false, full, 0), left,
			   bottom - note_h + 6, 0.35, 0.35, 0.35);
	return fits;
}

/* Fits the page (largest font first, then cutting typed text short) and
 * draws it. */
static void page_render(mi_rd *r, const mi_aftercare_doc *doc, const char *clinic,
			mi_render_fit *fit)
{
	double size = MI_PDF_MAX_FONT_SIZE;
	int lines = 0;
	bool reserve = false, found = false;
	r->draw = false;
	for (; size >= MI_PDF_MIN_FONT_SIZE - 1e-9; size -= 0.5)
		if (page_pass(r, doc, clinic, size, 0, false) && !r->shortened) {
			found = true;
			break;
		}
	if (!found) {
		size = MI_PDF_MIN_FONT_SIZE;
		reserve = true;
		lines = 1;
		for (int limit = 8; limit >= 1 && !found; limit--)
			if (page_pass(r, doc, clinic, size, limit, true)) {
				lines = limit;
				found = true;
			}
	}
	r->draw = true;
	page_pass(r, doc, clinic, size, lines, reserve);
	fit->font_size = size;
	fit->shortened = r->shortened;
}

mi_status mi_aftercare_render(const mi_aftercare_doc *doc, const mi_render_options *opt,
			      unsigned char **data, size_t *len, mi_render_fit *fit, mi_error *err)
{
	char *clinic = mi_text_sanitize(
		opt->clinic_name && *opt->clinic_name ? opt->clinic_name : MI_DEFAULT_CLINIC_NAME, false);
	if (!clinic)
		return mi_error_set(err, MI_EINTERNAL, "out of memory rendering the summary.");
	mi_rd r = {0};
	mi_rd_paper_size(opt->paper, &r.w, &r.h);
	mi_rd_sink out = {0};
	cairo_surface_t *surface;
	double scale = 1.0;
	if (opt->format == MI_RENDER_PNG) {
		scale = (opt->png_dpi > 0 ? opt->png_dpi : 100.0) / 72.0;
		surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(r.w * scale + 0.5),
						     (int)(r.h * scale + 0.5));
	} else {
		surface = cairo_pdf_surface_create_for_stream(mi_rd_sink_write, &out, r.w, r.h);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, _("Aftercare summary"));
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
					       "massage-intake " MI_VERSION);
	}
	r.cr = cairo_create(surface);
	cairo_scale(r.cr, scale, scale);
	if (opt->format == MI_RENDER_PNG) {
		cairo_set_source_rgb(r.cr, 1, 1, 1);
		cairo_paint(r.cr);
	}
	r.pc = mi_rd_pango_context(r.cr);
	mi_render_fit local;
	page_render(&r, doc, clinic, fit ? fit : &local);
	cairo_show_page(r.cr);
	cairo_status_t status = mi_rd_end(&r);
	if (status == CAIRO_STATUS_SUCCESS && opt->format == MI_RENDER_PNG)
		status = cairo_surface_write_to_png_stream(surface, mi_rd_sink_write, &out);
	free(clinic);
	return mi_rd_collect(surface, status, &out, "summary", data, len, err);
}

void mi_render_release_fonts(void)
{
	/* fontconfig's own caches are left alone: FcFini asserts when another
	 * reference to a cache is still alive, which aborted the program at
	 * exit. The leak checker is told about them (tests/sanitizer/lsan.supp). */
	pango_cairo_font_map_set_default(NULL);
}
