/* pdf.h - the aftercare summary on paper: one page, PDF (or PNG to look at).
 *
 * Renders an mi_aftercare_doc (aftercare.h) with cairo and pango, so every
 * script shapes and falls back to an installed font (Greek, Arabic right to
 * left, Chinese). The page holds the clinic's name, the title, the body map
 * of the back with the regions worked shaded, the pain trend as a small
 * chart when there are two scores or more, and the sections. It is always
 * exactly one page: the text shrinks (down to MI_PDF_MIN_FONT_SIZE points)
 * and then typed text (notes, medications, goals) is cut short with an
 * ellipsis, in which case the template's overflow note says the clinic's
 * record has it in full. Everything is measured with pango; nothing is
 * drawn outside the margins.
 *
 * Rendering produces bytes in memory; export.h puts them in a file safely
 * or sends them to the printer. Nothing here writes to the terminal or
 * touches the database.
 */
#ifndef MI_PDF_H
#define MI_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/aftercare.h"
#include "mi/error.h"
#include "mi/settings.h"

#define MI_PDF_MAX_FONT_SIZE 10.5 /* body text, points */
#define MI_PDF_MIN_FONT_SIZE 7.0

typedef enum mi_paper {
	MI_PAPER_A4 = 0, /* 210 x 297 mm */
	MI_PAPER_LETTER, /* 8.5 x 11 in */
} mi_paper;

/* Parses "a4" or "letter" (any case); false otherwise. */
bool mi_paper_parse(const char *name, mi_paper *out);

/* "a4" or "letter". */
const char *mi_paper_name(mi_paper paper);

typedef enum mi_render_format {
	MI_RENDER_PDF = 0,
	MI_RENDER_PNG, /* the same layout as an image, for looking at it */
} mi_render_format;

typedef struct mi_render_options {
	mi_paper paper;
	const char *clinic_name; /* NULL or "": MI_DEFAULT_CLINIC_NAME; sanitized here */
	mi_render_format format;
	double png_dpi;          /* PNG only; 0 means 100 */
} mi_render_options;

/* How the page was fitted. */
typedef struct mi_render_fit {
	double font_size; /* body text size used, in points */
	bool shortened;   /* some text was cut short; the overflow note is shown */
} mi_render_fit;

/* Renders doc as one page. On success *data (caller frees) holds *len
 * bytes of PDF or PNG, and *fit (when not NULL) says how it was fitted.
 * MI_EINTERNAL when cairo fails. */
mi_status mi_aftercare_render(const mi_aftercare_doc *doc, const mi_render_options *opt,
			      unsigned char **data, size_t *len, mi_render_fit *fit, mi_error *err);

/* Releases the fonts and caches rendering loaded (pango's font map and
 * fontconfig's caches), so a leak checker sees a clean exit.
 * Call it once rendering is over (at the end of a command, a test or the
 * UI); rendering again afterwards loads them afresh. */
void mi_render_release_fonts(void);

#endif
