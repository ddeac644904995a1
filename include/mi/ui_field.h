/* ui_field.h - a one-line text input for the terminal UI.
 *
 * Holds wide characters as typed (get_wch), refuses control and bidi
 * characters, and never grows past MI_ANSWERS_MAX_TEXT bytes of UTF-8.
 * Pure state: mi_ui_field_key edits it, mi_ui_field_draw paints it.
 */
#ifndef MI_UI_FIELD_H
#define MI_UI_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "mi/answers.h"
#include "mi/ui.h"

typedef struct mi_ui_field {
	wchar_t text[MI_ANSWERS_MAX_TEXT + 1];
	size_t len;   /* characters */
	size_t pos;   /* cursor, 0..len */
	size_t bytes; /* UTF-8 length of text */
	bool secret;  /* draw '*' instead of the characters (PINs) */
} mi_ui_field;

/* Empties the field (keeps `secret`). */
void mi_ui_field_clear(mi_ui_field *field);

/* Replaces the contents with UTF-8 text (cut at the limit; invalid bytes
 * and control characters skipped); the cursor goes to the end. */
void mi_ui_field_set(mi_ui_field *field, const char *text);

/* The contents as UTF-8. Caller frees; NULL when out of memory. */
char *mi_ui_field_text(const mi_ui_field *field);

/* Edits the field with one key: printable characters are inserted,
 * Backspace/Delete/Left/Right/Home/End do what they say. Returns
 * MI_UI_HANDLED when the key was used, MI_UI_IGNORED otherwise (a
 * character that cannot be typed is ignored too). */
mi_ui_action mi_ui_field_key(mi_ui_field *field, mi_ui_key key);

/* True for a character that may be typed into a field. */
bool mi_ui_field_accepts(wchar_t ch);

/* Draws the field at (y, x), width columns wide (scrolled so the cursor
 * shows), underlined; with focus, the canvas cursor goes to the field. */
void mi_ui_field_draw(const mi_ui_field *field, mi_ui_canvas *canvas, int y, int x, int width,
		      bool focus);

#endif
