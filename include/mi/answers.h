/* answers.h - one client's intake answers (SPEC section 2).
 *
 * An mi_answers always holds a valid answers object: every way in (parsing
 * a whole document, setting one key) validates first and changes nothing on
 * failure. The same shape is read and written by the terminal UI, the kiosk,
 * `screen` and `intake --answers`.
 *
 * Keys are addressed by name; a field of the `client` or `consent` object is
 * addressed as "client.name", "consent.agreed", etc. A missing key means
 * "not asked / not answered".
 */
#ifndef MI_ANSWERS_H
#define MI_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mi/date.h"
#include "mi/error.h"

/* Limits on input, so absurd documents are refused without strain. */
enum {
	MI_ANSWERS_MAX_TEXT = 2000,          /* bytes in any one string */
	MI_ANSWERS_MAX_DOCUMENT = 256 * 1024, /* bytes in one answers object */
	MI_ANSWERS_MAX_DEPTH = 8,             /* nesting of objects and arrays */
	MI_ANSWERS_MAX_LIST = 100,            /* items in any one list */
};

typedef enum mi_answer_type {
	MI_ANSWER_BOOL,
	MI_ANSWER_INT,         /* integer within [min, max] */
	MI_ANSWER_INT_OR_NULL, /* integer within [min, max], or null */
	MI_ANSWER_ENUM,        /* one of values */
	MI_ANSWER_TEXT,        /* free text */
	MI_ANSWER_NAME,        /* a person's name: text stored normalised (NFC, plain
				  spaces) and without any invisible character */
	MI_ANSWER_DATE,        /* "YYYY-MM-DD" */
	MI_ANSWER_ENUM_LIST,   /* list of values, each one of values */
	MI_ANSWER_TEXT_LIST,   /* list of free-text strings */
	MI_ANSWER_OBJECT,      /* an object with the given fields */
} mi_answer_type;

typedef struct mi_answer_key {
	const char *name;
	mi_answer_type type;
	const char *const *values;          /* NULL-terminated, for enums */
	long min, max;                      /* for integers */
	const struct mi_answer_key *fields; /* for objects, ended by a NULL name */
} mi_answer_key;

/* The top-level keys in use, ended by an entry with a NULL name: the SPEC
 * keys in SPEC order, then the keys of a clinic's own questions
 * (intake.conf) once mi_answers_use_schema installed them. */
const mi_answer_key *mi_answers_schema(void);

/* The SPEC keys only, whatever schema is in use. */
const mi_answer_key *mi_answers_spec_schema(void);

/* Uses keys (the SPEC keys first, in order, then a clinic's own; ended by a
 * NULL name) as the schema of every answers object of the process from now
 * on; NULL goes back to the SPEC keys. keys must stay valid while in use.
 * The intake model (intake.h) calls it when it is installed. */
void mi_answers_use_schema(const mi_answer_key *keys);

/* The key called name ("fever", "client.name"), or NULL if there is none. */
const mi_answer_key *mi_answers_find_key(const char *name);

/* True when value is one of key's enum values. */
bool mi_answer_key_allows(const mi_answer_key *key, const char *value);

typedef struct mi_answers mi_answers;

/* An empty answers object. NULL only when out of memory. */
mi_answers *mi_answers_new(void);

/* Frees answers; NULL is fine. */
void mi_answers_free(mi_answers *answers);

/* A deep copy, or NULL when out of memory. */
mi_answers *mi_answers_copy(const mi_answers *answers);

/* Parses and validates one answers object from text[0..len). On failure
 * returns MI_EDATA with a sentence naming the key and what was expected,
 * and *out is untouched. */
mi_status mi_answers_parse(const char *text, size_t len, mi_answers **out, mi_error *err);

/* Parses the answers stored with a visit: like mi_answers_parse, except
 * that a top-level key that is no longer an answer key (a clinic's question
 * since removed from intake.conf, or the visit read with another --data)
 * is set aside instead of refused, to be shown as it was stored. */
mi_status mi_answers_parse_stored(const char *text, size_t len, mi_answers **out, mi_error *err);

/* The keys set aside by mi_answers_parse_stored, in stored order: how
 * many, the i-th key (owned by answers), and its value as compact JSON
 * text (caller frees; NULL when out of memory). */
size_t mi_answers_retired_count(const mi_answers *answers);
const char *mi_answers_retired_key(const mi_answers *answers, size_t i);
char *mi_answers_retired_json(const mi_answers *answers, size_t i);

/* Reads and parses a file ("-" reads standard input). Missing file:
 * MI_ENOINPUT. The error message starts with the file name. */
mi_status mi_answers_read_file(const char *path, mi_answers **out, mi_error *err);

/* The answers as JSON text (keys in SPEC order; pretty spreads it over
 * lines). Caller frees. NULL only when out of memory. */
char *mi_answers_to_json(const mi_answers *answers, bool pretty);

/* Sets one key from the JSON text of its value ("true", "7", "\"firm\"",
 * "[\"neck\"]", "null"). Validates it exactly as parsing would; on failure
 * nothing changes. */
mi_status mi_answers_set_json(mi_answers *answers, const char *key, const char *value_json,
			      mi_error *err);

/* Typed setters: validate the same way. */
mi_status mi_answers_set_bool(mi_answers *answers, const char *key, bool value, mi_error *err);
mi_status mi_answers_set_int(mi_answers *answers, const char *key, long value, mi_error *err);
mi_status mi_answers_set_text(mi_answers *answers, const char *key, const char *value,
			      mi_error *err);

/* Sets a list key (enum or text list) to items[0..count); each item is
 * checked as parsing would. */
mi_status mi_answers_set_list(mi_answers *answers, const char *key, const char *const *items,
			      size_t count, mi_error *err);

/* Sets a key that allows null (recent_surgery_weeks: none in the last year). */
mi_status mi_answers_set_null(mi_answers *answers, const char *key, mi_error *err);

/* Removes a key (back to "not answered"). */
void mi_answers_unset(mi_answers *answers, const char *key);

/* The JSON text of one key's value, or NULL when it is not answered. Caller frees. */
char *mi_answers_get_json(const mi_answers *answers, const char *key);

/* True when the key is answered (a null recent_surgery_weeks is an answer). */
bool mi_answers_has(const mi_answers *answers, const char *key);

/* Typed getters: true when the key is answered with a value of that type. */
bool mi_answers_get_bool(const mi_answers *answers, const char *key, bool *out);
bool mi_answers_get_int(const mi_answers *answers, const char *key, long *out);

/* Enum, text or date value; NULL when not answered. The pointer stays valid
 * until that key is set again or the answers are freed. */
const char *mi_answers_get_text(const mi_answers *answers, const char *key);

/* Lists: the number of items (0 when not answered) and item i. */
size_t mi_answers_list_count(const mi_answers *answers, const char *key);
const char *mi_answers_list_item(const mi_answers *answers, const char *key, size_t i);
bool mi_answers_list_contains(const mi_answers *answers, const char *key, const char *value);

/* True when the key is answered with null. */
bool mi_answers_is_null(const mi_answers *answers, const char *key);

/* Walks the answered keys in schema order, the fields of `client` and
 * `consent` one by one ("client.name"), without copying or serialising:
 *
 *     mi_answers_iter it;
 *     mi_answers_iter_init(&it, answers);
 *     while (mi_answers_next(&it))
 *             use(it.path, it.key); // read the value with the typed getters
 *
 * path stays valid until the next call; the answers must not change
 * meanwhile. */
typedef struct mi_answers_iter {
	const mi_answers *answers;
	const mi_answer_key *top;   /* the top-level key being walked */
	const mi_answer_key *field; /* within an object key: its field being walked */
	const char *path;           /* the key just found, "fever" or "client.name" */
	const mi_answer_key *key;   /* its schema entry */
	char buf[64];
} mi_answers_iter;

void mi_answers_iter_init(mi_answers_iter *it, const mi_answers *answers);

/* Moves to the next answered key; false when there is none left. */
bool mi_answers_next(mi_answers_iter *it);

/* Age in whole years: the `age` answer, else derived from client.birth_date
 * at today. False when neither is known. */
bool mi_answers_age(const mi_answers *answers, mi_date today, long *age);

/* True when birth can be a birth date on today: not after it. The one rule
 * for a birth date, used by mi_answers_check_dates and the UI's form. */
bool mi_birth_date_possible(mi_date birth, mi_date today);

/* The checks that need today's date (passed in): client.birth_date not
 * after today, and an `age` that agrees with client.birth_date when both
 * are given. MI_EDATA with a sentence naming the keys, never their values.
 * mi_screen runs it first, so every way in (the command line, the desk,
 * the kiosk) refuses the same answers. */
mi_status mi_answers_check_dates(const mi_answers *answers, mi_date today, mi_error *err);

#endif
