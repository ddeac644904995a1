/* ui_welcome.h - the kiosk's first words to a client, in the language in
 * use, for the full-screen welcome page and the plain line mode alike. */
#ifndef MI_UI_WELCOME_H
#define MI_UI_WELCOME_H

#include <stddef.h>

/* "Welcome! Before your massage, ... It takes about N minutes." into buf
 * (the length as measured for the questions loaded, ui_length.h; left out
 * when it cannot be counted). */
void mi_ui_welcome_words(char *buf, size_t size);

#endif
