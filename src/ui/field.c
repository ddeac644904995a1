/* field.c - one-line text input: editing and drawing, no curses. */
#include <stdlib.h>
#include <string.h>

#include "mi/text.h"
#include "mi/ui_field.h"

/* Bytes the code point takes in UTF-8. */
static size_t utf8_len(wchar_t ch)
{
	unsigned c = (unsigned)ch;
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* True for characters that may be typed: no control, bidi or surrogate. */
bool mi_ui_field_accepts(wchar_t ch)
{
	unsigned c = (unsigned)ch;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return false;
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return false;
	return true;
}

/* Empties the field. */
void mi_ui_field_clear(mi_ui_field *field)
{
	field->len = field->pos = field->bytes = 0;
	field->text[0] = 0;
}

/* Inserts ch at the cursor when it fits; false otherwise. */
static bool insert(mi_ui_field *field, wchar_t ch)
{
	size_t n = utf8_len(ch);
	if (!mi_ui_field_accepts(ch) || field->bytes + n > MI_ANSWERS_MAX_TEXT ||
	    field->len >= MI_ANSWERS_MAX_TEXT)
		return false;
	memmove(field->text + field->pos + 1, field->text + field->pos,
		(field->len - field->pos) * sizeof(wchar_t));
	field->text[field->pos++] = ch;
	field->len++;
	field->bytes += n;
	field->text[field->len] = 0;
	return true;
}

/* Removes the character at index i. */
static void remove_at(mi_ui_field *field, size_t i)
{
	field->bytes -= utf8_len(field->text[i]);
	memmove(field->text + i, field->text + i + 1, (field->len - i - 1) * sizeof(wchar_t));
	field->len--;
	field->text[field->len] = 0;
}

/* Replaces the contents with UTF-8 text, cursor at the end. */
void mi_ui_field_set(mi_ui_field *field, const char *text)
{
	mi_ui_field_clear(field);
	if (!text)
		return;
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = mi_utf8_decode(text + i, len - i, &cp);
		if (n == 0) {
			i++;
			continue;
		}
		if (!insert(field, (wchar_t)cp) && mi_ui_field_accepts((wchar_t)cp))
			break; /* full */
		i += n;
	}
}

/* The contents as UTF-8; caller frees. */
char *mi_ui_field_text(const mi_ui_field *field)
{
	char *out = malloc(field->bytes + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < field->len; i++) {
		unsigned c = (unsigned)field->text[i];
		if (c < 0x80) {
			out[o++] = (char)c;
		} else if (c < 0x800) {
			out[o++] = (char)(0xc0 | (c >> 6));
			out[o++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			out[o++] = (char)(0xe0 | (c >> 12));
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (c & 0x3f));
		} else {
			out[o++] = (char)(0xf0 | (c >> 18));
			out[o++] = (char)(0x80 | ((c >> 12) & 0x3f));
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (c & 0x3f));
		}
	}
	out[o] = '\0';
	return out;
}

/* Applies one editing key; MI_UI_HANDLED when it was used. */
mi_ui_action mi_ui_field_key(mi_ui_field *field, mi_ui_key key)
{
	switch (key.kind) {
	case MI_KEY_CHAR:
		return insert(field, key.ch) ? MI_UI_HANDLED : MI_UI_IGNORED;
	case MI_KEY_BACKSPACE:
		if (field->pos == 0)
			return MI_UI_IGNORED;
		remove_at(field, --field->pos);
		return MI_UI_HANDLED;
	case MI_KEY_DELETE:
		if (field->pos >= field->len)
			return MI_UI_IGNORED;
		remove_at(field, field->pos);
		return MI_UI_HANDLED;
	case MI_KEY_LEFT:
		if (field->pos > 0)
			field->pos--;
		return MI_UI_HANDLED;
	case MI_KEY_RIGHT:
		if (field->pos < field->len)
			field->pos++;
		return MI_UI_HANDLED;
	case MI_KEY_HOME:
		field->pos = 0;
		return MI_UI_HANDLED;
	case MI_KEY_END:
		field->pos = field->len;
		return MI_UI_HANDLED;
	default:
		return MI_UI_IGNORED;
	}
}

/* Draws the field, scrolled so the cursor shows. */
void mi_ui_field_draw(const mi_ui_field *field, mi_ui_canvas *canvas, int y, int x, int width,
		      bool focus)
{
	if (width < 2)
		return;
	/* Scroll so the cursor stays inside: start from the cursor and walk
	 * left while the text still fits. */
	size_t start = field->pos;
	int used = 1; /* room for the cursor */
	while (start > 0) {
		int w = field->secret ? 1 : mi_ui_char_width(field->text[start - 1]);
		if (used + w > width)
			break;
		used += w;
		start--;
	}
	mi_ui_fill(canvas, y, x, width, L'_', MI_UI_ATTR_NONE);
	int col = x;
	for (size_t i = start; i < field->len; i++) {
		wchar_t ch = field->secret ? L'*' : field->text[i];
		int w = mi_ui_char_width(ch);
		if (col + w > x + width)
			break;
		if (i == field->pos && focus)
			mi_ui_focus(canvas, y, col);
		col += mi_ui_put_wide(canvas, y, col, MI_UI_UNDERLINE, -1, &ch, 1);
	}
	if (focus && field->pos == field->len)
		mi_ui_focus(canvas, y, col < x + width ? col : x + width - 1);
}
