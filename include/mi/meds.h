/* meds.h - the medication dictionary (data/medications.conf).
 *
 * The dictionary maps medication names, generic and brand, to classes
 * ("anticoagulant", "antiplatelet", "cancer_treatment", ...). The format is
 * described in docs/rules-format.md:
 *
 *   [class anticoagulant]     one name per line, several words allowed
 *   warfarin
 *   eliquis
 *
 *   [dose aspirin]            a drug whose class depends on its dose
 *   names           = aspirin, asa, acetylsalicylic acid
 *   low_dose_words  = low dose, baby
 *   low_dose_max_mg = 100
 *   class           = antiplatelet
 *   low_dose_class  = low_dose_aspirin
 *
 * Matching is on whole words, whatever the case: a medication as the client
 * wrote it is cut into words of letters and numbers ("ELIQUIS 5MG twice a
 * day" gives eliquis, 5, mg, twice, a, day) and every dictionary name found
 * among those words gives its class. Words around a name change nothing
 * ("stopped warfarin" still gives anticoagulant: a false alarm is safer than
 * a missed blood thinner). For a dose entry, a number followed by a unit
 * (mg, g, mcg) anywhere in the same medication is read as the dose; the
 * highest one counts.
 *
 * Lookups use a hash table built at load time, so classifying costs a few
 * hash probes per word whatever the size of the dictionary.
 */
#ifndef MI_MEDS_H
#define MI_MEDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mi/error.h"

/* At most this many classes (a class set fits in a uint64_t). */
enum { MI_MEDS_MAX_CLASSES = 64 };

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

/* The set of classes found in one medication as the client wrote it: bit i
 * is set for class index i. 0 for unknown drugs, "none" or empty text. */
uint64_t mi_meds_classify(const mi_meds *meds, const char *medication);

#endif
