/* pot.h - the messages of a gettext template (po/massage-intake.pot), for
 * check-translations to ask the compiled catalogue about each one. */
#ifndef MI_POT_H
#define MI_POT_H

#include <stddef.h>

#include "mi/error.h"

/* Called for each message of the template: its context (NULL when it has
 * none) and its English text, both unescaped. */
typedef void mi_pot_message(void *context, const char *msgctxt, const char *msgid);

/* Reads the template text[0..len) (file_name for messages), calling fn for
 * each message but the header. MI_EDATA "FILE:LINE: reason" for a line it
 * cannot read; MI_EINTERNAL when out of memory. */
mi_status mi_pot_parse(const char *text, size_t len, const char *file_name, mi_pot_message *fn,
		       void *context, mi_error *err);

#endif
