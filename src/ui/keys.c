/* keys.c - reading on after an Escape: unknown escape sequences are thrown
 * away whole (see ui_keys.h). */
#include "mi/ui_keys.h"

enum {
	ST_ESCAPE,    /* just after the Escape */
	ST_CSI,       /* ESC [ ... until a final byte */
	ST_SS3,       /* ESC O and one character */
	ST_STRING,    /* ESC ] P ^ _ ... until BEL or ESC \ */
	ST_STRING_ESC, /* an Escape inside a string: "\" ends it */
	MAX_LENGTH = 64, /* longer is no key: give up, throwing it away */
};

void mi_ui_escape_begin(mi_ui_escape *e)
{
	*e = (mi_ui_escape){.state = ST_ESCAPE};
}

mi_ui_escape_step mi_ui_escape_feed(mi_ui_escape *e, wint_t ch)
{
	if (e->length >= MAX_LENGTH)
		return MI_UI_ESCAPE_DISCARD;
	switch (e->state) {
	case ST_ESCAPE:
		e->length++;
		if (ch == L'[') {
			e->state = ST_CSI;
			return MI_UI_ESCAPE_MORE;
		}
		if (ch == L'O') {
			e->state = ST_SS3;
			return MI_UI_ESCAPE_MORE;
		}
		if (ch == L']' || ch == L'P' || ch == L'^' || ch == L'_') {
			e->state = ST_STRING;
			return MI_UI_ESCAPE_MORE;
		}
		/* Anything else (a second Escape, Esc then a key typed quickly)
		 * is no sequence: the Escape is a key of its own. */
		e->length--;
		return MI_UI_ESCAPE_GIVE_BACK;
	case ST_CSI:
		if (ch >= 0x20 && ch <= 0x3f) { /* parameters, intermediates */
			e->length++;
			return MI_UI_ESCAPE_MORE;
		}
		if (ch >= 0x40 && ch <= 0x7e) /* the final byte */
			return MI_UI_ESCAPE_DISCARD;
		return MI_UI_ESCAPE_GIVE_BACK;
	case ST_SS3:
		if (ch >= 0x20 && ch <= 0x7e)
			return MI_UI_ESCAPE_DISCARD;
		return MI_UI_ESCAPE_GIVE_BACK;
	case ST_STRING:
		e->length++;
		if (ch == 7)
			return MI_UI_ESCAPE_DISCARD;
		if (ch == 27)
			e->state = ST_STRING_ESC;
		return MI_UI_ESCAPE_MORE;
	default: /* ST_STRING_ESC */
		e->length++;
		if (ch == L'\\')
			return MI_UI_ESCAPE_DISCARD;
		e->state = ST_STRING;
		return MI_UI_ESCAPE_MORE;
	}
}

mi_ui_key mi_ui_escape_key(const mi_ui_escape *e)
{
	return mi_ui_key_of(e->state == ST_ESCAPE && e->length == 0 ? MI_KEY_ESC : MI_KEY_NONE);
}
