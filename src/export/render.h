/* render.h - what the cairo + pango documents of src/export share; not for
 * other modules.
 *
 * The aftercare page (pdf.c) and the client's copy (client_copy_pdf.c) lay
 * out text the same way: one font list (so every script finds a font),
 * sizes in points, unhinted metrics so a PDF and a PNG match, and PDF bytes
 * gathered in memory.
 */
#ifndef MI_EXPORT_RENDER_H
#define MI_EXPORT_RENDER_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "mi/pdf.h"

#define MI_RD_FONT_FAMILY "Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, DejaVu Sans, sans-serif"

/* One rendering: the cairo context, the pango context made for it, and
 * whether this pass draws or only measures. */
typedef struct mi_rd {
	cairo_t *cr;
	PangoContext *pc;
	double w, h;
	bool draw;
	bool shortened; /* something was cut short in this pass */
} mi_rd;

/* Page size in points. */
void mi_rd_paper_size(mi_paper paper, double *w, double *h);

/* A layout of text in the body font at size points (bold if asked),
 * wrapped to width points, at most max_lines lines (0: no limit) with an
 * ellipsis when cut. Caller unrefs. */
PangoLayout *mi_rd_layout(mi_rd *r, const char *text, double size, bool bold, double width,
			  int max_lines);

/* The layout's height in points. */
double mi_rd_layout_height(PangoLayout *l);

/* Draws the layout at (x, y) in the given grey/colour when drawing, notes
 * an ellipsis, frees it and returns its height. */
double mi_rd_put_layout(mi_rd *r, PangoLayout *l, double x, double y, double red, double green,
			double blue);

/* Lays out text and puts it at (x, y) in near-black; returns its height. */
double mi_rd_put_text(mi_rd *r, const char *text, double size, bool bold, double x, double y,
		      double width, int max_lines);

/* Bytes cairo writes, gathered in memory (start zeroed; caller frees data). */
typedef struct mi_rd_sink {
	unsigned char *data;
	size_t len, cap;
} mi_rd_sink;

/* cairo's write callback: appends to the mi_rd_sink in closure. */
cairo_status_t mi_rd_sink_write(void *closure, const unsigned char *data, unsigned int length);

/* Sets up pango for cr with unhinted metrics, so the PDF and the PNG lay
 * out the same, and sizes in points. Caller unrefs. */
PangoContext *mi_rd_pango_context(cairo_t *cr);

/* Ends drawing: frees r's pango context and cairo context; returns the
 * cairo status of the drawing. */
cairo_status_t mi_rd_end(mi_rd *r);

/* Finishes and frees surface and hands what out gathered to *data (caller
 * frees) and *len. When status (the drawing's) or the surface failed,
 * frees out and fails with MI_EINTERNAL "cannot render the WHAT: ...". */
mi_status mi_rd_collect(cairo_surface_t *surface, cairo_status_t status, mi_rd_sink *out,
			const char *what, unsigned char **data, size_t *len, mi_error *err);

#endif
