/* answers_fast.h - a fast reader for the common shape of an answers document.
 *
 * Private to src/core (answers.c uses it; the differential fuzzer and unit
 * test compare it with jansson). It reads only the plain subset of JSON that
 * intake answers are written in: one object; strings without \u escapes;
 * whole numbers of at most 18 digits; true, false, null; at most max_depth
 * levels of objects and lists. For such a document it builds exactly the
 * tree that json_loadb(JSON_DECODE_ANY | JSON_REJECT_DUPLICATES) builds, keys
 * in the same order. For anything else (any syntax error, a duplicate key,
 * invalid UTF-8, a control character in a string, a fraction, a \u escape)
 * it returns NULL, which means only "take the full path": answers.c then
 * runs the original precheck and jansson, whose messages stay the contract.
 */
#ifndef MI_ANSWERS_FAST_H
#define MI_ANSWERS_FAST_H

#include <jansson.h>
#include <stddef.h>

/* The tree of text[0..len) (caller json_decrefs it), or NULL: use the full
 * path. */
json_t *mi_answers_fast_load(const char *text, size_t len, int max_depth);

#endif
