/* json_text.h - text from records as JSON strings, made safe to show.
 *
 * Every JSON the program writes (command output, exports) carries record
 * text through here: control and text-direction characters and invalid
 * bytes become U+FFFD (mi_text_sanitize); newlines are kept, JSON escapes
 * them.
 */
#ifndef MI_JSON_TEXT_H
#define MI_JSON_TEXT_H

#include <jansson.h>

/* A new JSON string of s made safe to show, or JSON null when s is NULL.
 * NULL only when out of memory. */
json_t *mi_json_text(const char *s);

#endif
