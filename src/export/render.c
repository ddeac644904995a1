/* render.c - text layout, page sizes and in-memory output shared by the
 * cairo + pango documents (render.h). */
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* Page size in points. */
void mi_rd_paper_size(mi_paper paper, double *w, double *h)
{
	if (paper == MI_PAPER_LETTER) {
		*w = 612.0;
		*h = 792.0;
	} else {
		*w = 595.2756;
		*h = 841.8898;
	}
}

/* A layout of text in the body font at size points (bold if asked),
 * wrapped to width points, at most max_lines lines (0: no limit) with an
 * ellipsis when cut. Caller unrefs. */
PangoLayout *mi_rd_layout(mi_rd *r, const char *text, double size, bool bold, double width,
			  int max_lines)
{
	PangoLayout *l = pango_layout_new(r->pc);
	PangoFontDescription *fd = pango_font_description_from_string(MI_RD_FONT_FAMILY);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (max_lines > 0) {
		pango_layout_set_height(l, -max_lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

/* The layout's height in points. */
double mi_rd_layout_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return h / (double)PANGO_SCALE;
}

/* Draws the layout at (x, y) in the given grey/colour when drawing, notes
 * an ellipsis, frees it and returns its height. */
double mi_rd_put_layout(mi_rd *r, PangoLayout *l, double x, double y, double red, double green,
			double blue)
{
	double height = mi_rd_layout_height(l);
	if (pango_layout_is_ellipsized(l))
		r->shortened = true;
	if (r->draw) {
		cairo_set_source_rgb(r->cr, red, green, blue);
		cairo_move_to(r->cr, x, y);
		pango_cairo_show_layout(r->cr, l);
	}
	g_object_unref(l);
	return height;
}

/* Lays out text and puts it at (x, y) in near-black; returns its height. */
double mi_rd_put_text(mi_rd *r, const char *text, double size, bool bold, double x, double y,
		      double width, int max_lines)
{
	return mi_rd_put_layout(r, mi_rd_layout(r, text, size, bold, width, max_lines), x, y, 0.1,
				0.1, 0.1);
}

/* cairo's write callback: appends to the sink. */
cairo_status_t mi_rd_sink_write(void *closure, const unsigned char *data, unsigned int length)
{
	mi_rd_sink *s = closure;
	if (s->len + length > s->cap) {
		size_t cap = s->cap ? s->cap : 64 * 1024;
		while (s->len + length > cap)
			cap *= 2;
		unsigned char *grown = realloc(s->data, cap);
		if (!grown)
			return CAIRO_STATUS_WRITE_ERROR;
		s->data = grown;
		s->cap = cap;
	}
	memcpy(s->data + s->len, data, length);
	s->len += length;
	return CAIRO_STATUS_SUCCESS;
}

/* Sets up pango for cr with unhinted metrics, so the PDF and the PNG lay
 * out the same, and sizes in points. Caller unrefs. */
PangoContext *mi_rd_pango_context(cairo_t *cr)
{
	PangoContext *pc = pango_font_map_create_context(pango_cairo_font_map_get_default());
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72.0); /* font sizes in points = user units */
	pango_cairo_update_context(cr, pc);
	return pc;
}


cairo_status_t mi_rd_end(mi_rd *r)
{
	cairo_status_t status = cairo_status(r->cr);
	g_object_unref(r->pc);
	cairo_destroy(r->cr);
	r->pc = NULL;
	r->cr = NULL;
	return status;
}

mi_status mi_rd_collect(cairo_surface_t *surface, cairo_status_t status, mi_rd_sink *out,
			const char *what, unsigned char **data, size_t *len, mi_error *err)
{
	cairo_surface_finish(surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status != CAIRO_STATUS_SUCCESS) {
		free(out->data);
		out->data = NULL;
		return mi_error_set(err, MI_EINTERNAL, "cannot render the %s: %s.", what,
				    cairo_status_to_string(status));
	}
	*data = out->data;
	*len = out->len;
	return MI_OK;
}
