/* fold.h - the key under which names (and medications) are compared.
 *
 * Two texts a person would call "the same name" fold to the same key:
 * "Élodie", "ELODIE" and "elodie"; "Σοφία", "ΣΟΦΙΑ" (final sigma) and
 * "σοφια"; "ＭＡＹＡ" (full width) and "maya"; "Straße" and "STRASSE";
 * "O’Brien" and "O'Brien"; "  Maya   Ortiz " and "maya ortiz".
 *
 * The key is built with utf8proc, in this order:
 *   1. compatibility decomposition and Unicode case folding (NFKD with
 *      full case folding: full-width and ligature forms become plain
 *      letters, every script's capitals their folded form);
 *   2. default-ignorable characters (zero-width spaces and joiners, soft
 *      hyphens, direction marks), every other format character and
 *      control characters dropped;
 *      look-alike punctuation lumped (curly apostrophes, Unicode dashes and
 *      spaces become ASCII ones);
 *   3. accents dropped: enclosing marks, and non-spacing marks that sit
 *      above, below or over a letter (canonical combining class 1 or
 *      200 and up: Latin, Greek and Cyrillic accents, diaeresis, cedilla,
 *      breve) or that are Hebrew and Arabic vowel points (classes 10-35).
 *      Marks that make another letter are kept: kana voicing marks (class 8:
 *      カ and ガ stay different), viramas and nuktas, and Indic and Thai
 *      vowel signs;
 *   4. runs of white space made one space, leading and trailing space
 *      removed;
 *   5. canonical composition (the result is NFKC).
 * fold(fold(s)) == fold(s), and every substring a person would type of a
 * name folds to a substring of the name's key, which is what makes
 * "contains" search work on keys.
 *
 * Keys depend on the Unicode tables of the utf8proc in use: a stored key
 * is valid only while mi_fold_version() is unchanged (the store re-folds
 * its keys when it changes).
 */
#ifndef MI_FOLD_H
#define MI_FOLD_H

#include <stddef.h>

/* The key of s (NUL-terminated UTF-8), newly allocated; caller frees.
 * Invalid UTF-8 bytes fold as U+FFFD. NULL only when out of memory. */
char *mi_fold(const char *s);

/* Writes what names this fold into buf (size bytes): its own revision
 * and the Unicode version of utf8proc's tables, e.g. "1 unicode 15.0.0".
 * Stored beside keys; when it changes, the keys must be made again. */
void mi_fold_version(char *buf, size_t size);

#endif
