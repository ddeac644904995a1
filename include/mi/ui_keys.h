/* ui_keys.h - what follows an Escape the terminal description did not
 * turn into a key.
 *
 * curses turns the escape sequences its terminal description knows (arrow
 * keys, F1, Home) into key codes. A sequence it does not know (Home or End
 * sent in another terminal's dialect, "\e[94~", F12 on a vt100, "\eOH")
 * reaches the program as a lone Escape followed by ordinary characters,
 * which would read as "back" and type "[94~" into an answer. The terminal
 * layer therefore reads on after every Escape and feeds each character
 * that is already there to an mi_ui_escape: a whole sequence is thrown
 * away; an Escape with nothing after it is the Escape key.
 *
 * Recognised shapes (ECMA-48): CSI "ESC [" parameters, intermediates and
 * one final byte; SS3 "ESC O" and one character; OSC, DCS, PM and APC
 * strings up to BEL or "ESC \". An Escape followed by anything else (a
 * second Escape, a key typed quickly after it) is the Escape key, and the
 * character is read again. No curses here: tests feed characters directly.
 */
#ifndef MI_UI_KEYS_H
#define MI_UI_KEYS_H

#include <stdbool.h>
#include <wchar.h>

#include "mi/ui.h"

/* What the reader is in the middle of. */
typedef struct mi_ui_escape {
	int state;  /* internal */
	int length; /* characters fed so far */
} mi_ui_escape;

/* What to do with the character just fed. */
typedef enum mi_ui_escape_step {
	MI_UI_ESCAPE_MORE,     /* part of a sequence: read the next character */
	MI_UI_ESCAPE_DISCARD,  /* the sequence is complete: throw it all away */
	MI_UI_ESCAPE_GIVE_BACK, /* not part of it: the sequence so far is the key
				 * mi_ui_escape_key gives; ch is read again */
} mi_ui_escape_step;

/* Starts after an Escape. */
void mi_ui_escape_begin(mi_ui_escape *e);

/* Feeds the next character that was waiting after the Escape. */
mi_ui_escape_step mi_ui_escape_feed(mi_ui_escape *e, wint_t ch);

/* The key the Escape and what was fed make when the input stops, or before
 * a character given back: MI_KEY_ESC when nothing followed the Escape,
 * MI_KEY_NONE for (part of) a sequence, which is thrown away. */
mi_ui_key mi_ui_escape_key(const mi_ui_escape *e);

#endif
