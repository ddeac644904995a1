/* rules.h - the rules file (data/rules.conf): reading, compiling, evaluating.
 *
 * Two parts:
 *  - mi_conf_*: the line format shared by rules.conf and medications.conf
 *    (comments, [sections], key = value settings with indented continuation
 *    lines, bare items). It reports problems as "FILE:LINE: reason".
 *  - mi_rulefile_*: the rules themselves. Every `when` condition is compiled
 *    once, at load, into a small tree checked against the answers schema
 *    (answers.h) and the medication classes (meds.h); evaluating a rule does
 *    no string parsing.
 *
 * Most callers want screen.h, which loads both files and screens answers;
 * this header is for that module and for tests. The file format and the
 * meaning of a missing answer are documented in docs/rules-format.md.
 */
#ifndef MI_RULES_H
#define MI_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mi/answers.h"
#include "mi/date.h"
#include "mi/error.h"
#include "mi/meds.h"
#include "mi/screen.h"

/* ---- The shared line format ---------------------------------------- */

typedef enum mi_conf_kind {
	MI_CONF_END = 0,  /* no more lines */
	MI_CONF_SECTION,  /* "[kind name]": kind and name set */
	MI_CONF_SETTING,  /* "key = value" (plus continuation lines): key, value set */
	MI_CONF_ITEM,     /* any other line: value holds it, trimmed */
} mi_conf_kind;

/* One logical line. The strings point into the reader and stay valid until
 * the next call to mi_conf_next. */
typedef struct mi_conf_line {
	mi_conf_kind kind;
	size_t line; /* 1-based number of the line where it starts */
	const char *kind_word;
	const char *name;
	const char *key;
	const char *value;
} mi_conf_line;

typedef struct mi_conf_reader {
	const char *file_name;
	const char *text;
	size_t len;
	size_t pos;
	size_t line;
	char *buf; /* owned; released by mi_conf_reader_close */
	size_t cap;
} mi_conf_reader;

/* Starts reading text[0..len); file_name is used in messages (not copied). */
void mi_conf_reader_open(mi_conf_reader *r, const char *file_name, const char *text, size_t len);

/* Releases the reader's buffer. */
void mi_conf_reader_close(mi_conf_reader *r);

/* Reads the next logical line, skipping blank lines and comments (a line
 * whose first non-blank character is '#'). A line starting with a space or
 * a tab right after a setting continues that setting's value (joined with
 * one space). Refuses invalid UTF-8, control characters and malformed
 * section headers with "FILE:LINE: reason" (MI_EDATA). */
mi_status mi_conf_next(mi_conf_reader *r, mi_conf_line *out, mi_error *err);

/* Fails with "FILE:LINE: " and the formatted reason (MI_EDATA). */
mi_status mi_conf_fail(const mi_conf_reader *r, size_t line, mi_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Trims spaces and tabs at both ends of s in place; returns the start. */
char *mi_conf_trim(char *s);

/* True when s is a lower-case identifier: a letter, then letters, digits, '_'. */
bool mi_conf_is_identifier(const char *s);

/* Reads a whole file into a NUL-terminated buffer (caller frees *text).
 * Missing or unreadable: MI_ENOINPUT; larger than 4 MiB: MI_EDATA. */
mi_status mi_conf_read_file(const char *path, char **text, size_t *len, mi_error *err);

/* ---- Rules -------------------------------------------------------- */

typedef struct mi_rulefile mi_rulefile;

/* Parses and compiles a rules file from text[0..len), checking every key,
 * value and medication class against the answers schema and meds (which
 * must outlive the result). Refuses a broken file with "FILE:LINE: reason"
 * (MI_EDATA); *out is untouched then. Free with mi_rulefile_free. */
mi_status mi_rulefile_parse(const char *text, size_t len, const char *file_name,
			    const mi_meds *meds, mi_rulefile **out, mi_error *err);

/* Reads and parses a rules file; a missing file is MI_ENOINPUT. */
mi_status mi_rulefile_load(const char *path, const mi_meds *meds, mi_rulefile **out,
			   mi_error *err);

/* Frees the rules; NULL is fine. */
void mi_rulefile_free(mi_rulefile *rules);

/* The version declared by the file's "version = ..." line. */
const char *mi_rulefile_version(const mi_rulefile *rules);

/* The rules in file order (owned by rules). */
size_t mi_rulefile_count(const mi_rulefile *rules);
const mi_rule *mi_rulefile_rule(const mi_rulefile *rules, size_t index);

/* The rule as a flag in `screen --json`, made once at load:
 * {"rule": ..., "level": ..., "message": ..., "source": ...} on one line,
 * every string made safe to show. rule must come from a mi_rulefile. */
const char *mi_rule_flag_json(const mi_rule *rule);

/* The medication classes the rule's condition reads ("medication_class
 * has ..."), defines included: bit i for class index i of the dictionary
 * the rules were compiled with. rule must come from a mi_rulefile. */
uint64_t mi_rule_medication_classes(const mi_rule *rule);

/* What one evaluation needs; values read more than once (age, medication
 * classes) are worked out on first use and kept here. Set up with
 * mi_rule_context_init for each answers object. */
typedef struct mi_rule_context {
	const mi_answers *answers;
	const mi_meds *meds;
	mi_date today;
	bool age_done, age_known;
	long age;
	bool classes_done;
	uint64_t classes;
} mi_rule_context;

/* Prepares ctx for screening answers at the date today. */
void mi_rule_context_init(mi_rule_context *ctx, const mi_answers *answers, const mi_meds *meds,
			  mi_date today);

/* True when rule index fires for the answers in ctx. */
bool mi_rulefile_fires(const mi_rulefile *rules, size_t index, mi_rule_context *ctx);

/* True when some rule reads the answer key with schema index key_index
 * (the position in mi_answers_schema()). */
bool mi_rulefile_reads(const mi_rulefile *rules, size_t key_index);

/* True when the question key (a schema key name) is asked for these
 * answers: always, unless a [follow_up KEY] section says when it is asked
 * and that condition is false. */
bool mi_rulefile_asks(const mi_rulefile *rules, const char *key, mi_rule_context *ctx);

/* ---- Conditions of other files (intake.conf's asked_when) --------- */

/* An empty rulefile that only holds follow-ups added with
 * mi_rulefile_add_follow_up, in the rules' expression language. meds may
 * be NULL: then "medication_class" is refused. */
mi_status mi_rulefile_new_conditions(const mi_meds *meds, mi_rulefile **out, mi_error *err);

/* Compiles condition, read from r at line, as the follow-up of key:
 * "FILE:LINE: reason" (MI_EDATA) when it is broken. */
mi_status mi_rulefile_add_follow_up(mi_rulefile *rules, const mi_conf_reader *r, size_t line,
				    const char *key, const char *condition, mi_error *err);

/* False when key's follow-up is false whichever way each of its tests
 * comes out ("fever and not fever"): the question would never be asked. */
bool mi_rulefile_follow_up_can_hold(const mi_rulefile *rules, const char *key);

/* Sets reads[i] (i < count) for every schema key index rule index reads. */
void mi_rulefile_rule_reads(const mi_rulefile *rules, size_t index, bool *reads, size_t count);

/* Sets reads[i] (i < count) for every schema key index key's follow-up reads. */
void mi_rulefile_follow_up_reads(const mi_rulefile *rules, const char *key, bool *reads,
				 size_t count);

/* One test of a follow-up condition, in a form other programs can state
 * (a FHIR Questionnaire's enableWhen): the answer to key compared with a
 * value. A missing answer makes every test false, as in screening. */
typedef enum mi_follow_up_op {
	MI_FOLLOW_UP_TRUE, /* a yes/no key answered yes */
	MI_FOLLOW_UP_IS,   /* an enum key answered value, or a list key holding it */
	MI_FOLLOW_UP_LT,   /* an integer key compared with number */
	MI_FOLLOW_UP_LE,
	MI_FOLLOW_UP_GT,
	MI_FOLLOW_UP_GE,
	MI_FOLLOW_UP_EQ,
} mi_follow_up_op;

typedef struct mi_follow_up_test {
	const char *key;   /* schema key name (static storage) */
	mi_follow_up_op op;
	const char *value; /* MI_FOLLOW_UP_IS: schema value string (static storage) */
	long number;       /* comparisons */
} mi_follow_up_test;

/* The condition of the [follow_up KEY] section for key as a flat list of
 * tests: the question is asked when all of them hold (*all true) or any of
 * them does. *tests (caller frees) is NULL and *count 0 when the file has
 * no follow-up for key. A condition that is not such a list (a "not", a
 * mix of "and" and "or", the age or a medication class) is MI_EDATA with a
 * sentence naming the follow-up. */
mi_status mi_rulefile_follow_up_tests(const mi_rulefile *rules, const char *key,
				      mi_follow_up_test **tests, size_t *count, bool *all,
				      mi_error *err);

#endif
