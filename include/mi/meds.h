/* meds.h - the medication dictionary (data/medications.conf) and reading a
 * medication as a client wrote it.
 *
 * The dictionary maps medicine names, generic and brand, to classes
 * ("anticoagulant", "cancer_treatment", ...), each with its WHO ATC code;
 * lists known harmless medicines; and holds the words that matter around
 * names ("no", "stopped", "daily"). The format is in docs/rules-format.md:
 *
 *   [class anticoagulant]
 *   B01AF02: apixaban, Eliquis        ATC code: substance, brand names
 *   blood thinner, blood thinners     plain words, no code
 *
 *   [dose aspirin]                    a drug whose class depends on its dose
 *   B01AC06: aspirin, ASA
 *   low_dose_words  = low dose, baby
 *   low_dose_max_mg = 100
 *   class           = antiplatelet
 *   low_dose_class  = low_dose_aspirin
 *
 *   [known cardiovascular]            known harmless medicines
 *   C10AA05: atorvastatin, Lipitor
 *
 *   [words negation]                  ignore, none, negation, stopped, separator
 *   no, not on, not taking
 *
 * Reading a medication (mi_meds_read):
 *  - The text is cut into words: letters and digits by Unicode category
 *    (utf8proc); everything else separates (punctuation, (R), TM, quotes,
 *    dashes, bullets, every kind of space). Words are folded (NFKC, case
 *    folding, accents removed), so "APIXABÁN" and full-width letters read
 *    as "apixaban". Letters and digits are cut apart ("5MG" is 5, mg).
 *  - A word of 5 letters or more that is not in the dictionary is read as
 *    the nearest dictionary word within 1 edit (5-6 letters) or 2 edits
 *    (7 or more), counting a swap of two neighbouring letters as one edit
 *    (optimal string alignment). On a tie a word of a class name wins,
 *    then a word of a known harmless name. Exact words never change.
 *  - Names are found longest first. Commas, semicolons, full stops, '+',
 *    '&' and the separator words ("and") cut the text into parts; a dose
 *    ("81 mg") and a low-dose word ("baby") belong to the name they stand
 *    next to in their part, never to another medicine.
 *  - "no blood thinners" (a negation word right before a name, or "none"
 *    right after it) gives nothing; "stopped warfarin" still gives the
 *    class, marked as possibly stopped; an entry made only of words like
 *    "none", "n/a" says the client takes nothing.
 *  - A part where no name was found but some word is unknown is
 *    unrecognised: the therapist should ask about it.
 */
#ifndef MI_MEDS_H
#define MI_MEDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mi/error.h"

/* At most this many classes (a class set fits in a uint64_t). */
enum { MI_MEDS_MAX_CLASSES = 64 };

/* Words shorter than this (in letters) are never read as misspellings. */
enum { MI_MEDS_FUZZY_MIN_LETTERS = 5 };

typedef struct mi_meds mi_meds;

/* Parses a dictionary from text[0..len); file_name is used in messages.
 * A broken dictionary is refused with "FILE:LINE: reason" (MI_EDATA) and
 * *out is untouched. Free the result with mi_meds_free. */
mi_status mi_meds_parse(const char *text, size_t len, const char *file_name, mi_meds **out,
			mi_error *err);

/* Reads and parses a dictionary file; a missing file is MI_ENOINPUT. */
mi_status mi_meds_load(const char *path, mi_meds **out, mi_error *err);

/* Frees the dictionary; NULL is fine. */
void mi_meds_free(mi_meds *meds);

/* Number of classes, and the name of class index (owned by meds). */
size_t mi_meds_class_count(const mi_meds *meds);
const char *mi_meds_class_name(const mi_meds *meds, size_t index);

/* True when a class called name exists; stores its index. */
bool mi_meds_class_index(const mi_meds *meds, const char *name, size_t *index);

/* One medicine found in what the client wrote. Strings are owned by meds. */
typedef struct mi_med_reading {
	size_t start, end;     /* the words read, as bytes of the client's text */
	const char *name;      /* as the dictionary spells it: "Eliquis" */
	const char *substance; /* the first name of its line ("apixaban"); NULL for plain words */
	const char *atc;       /* the line's ATC code ("B01AF02"); NULL when it has none */
	uint64_t classes;      /* bit i for class index i; 0 for a known harmless medicine */
	bool fuzzy;            /* read from a misspelling */
	bool stopped;          /* words around it say it may have been stopped */
} mi_med_reading;

/* A piece of the client's text: bytes [start, end). */
typedef struct mi_med_span {
	size_t start, end;
} mi_med_span;

/* One medication as read. Release with mi_med_text_clear. */
typedef struct mi_med_text {
	uint64_t classes;            /* the classes of all readings */
	mi_med_reading *readings;    /* in the order of the text */
	size_t reading_count;
	mi_med_span *unrecognised;   /* parts where no medicine was recognised */
	size_t unrecognised_count;
	bool none;                   /* the client says they take nothing ("none", "n/a") */
} mi_med_text;

/* Reads one medication as the client wrote it. MI_EINTERNAL (err set)
 * only when out of memory. The first word that may be a misspelling builds
 * an index inside meds, so one dictionary is not to be read from several
 * threads at once. */
mi_status mi_meds_read(const mi_meds *meds, const char *medication, mi_med_text *out,
		       mi_error *err);

/* Releases what mi_meds_read allocated; the struct can be reused. */
void mi_med_text_clear(mi_med_text *text);

/* The set of classes found in one medication: bit i is set for class index
 * i. 0 for unknown drugs, "none" or empty text. When memory runs out every
 * class is set (a false alarm rather than a missed flag). */
uint64_t mi_meds_classify(const mi_meds *meds, const char *medication);

#endif
