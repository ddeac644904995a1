/* meds_internal.h - what the parts of the medication dictionary share:
 * meds.c loads the file, meds_words.c cuts text into folded words,
 * meds_fuzzy.c finds the dictionary word nearest to a misspelling and
 * meds_read.c reads a medication. Not a public header. */
#ifndef MI_MEDS_INTERNAL_H
#define MI_MEDS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mi/meds.h"

enum {
	MAX_DOSE_GROUPS = 32,
	MAX_NAME_WORDS = 8,   /* words in one dictionary phrase */
	FUZZY_MAX_LETTERS = 40 /* longer words are not compared letter by letter */
};

/* What a phrase of the dictionary is; one phrase may be several kinds of
 * word, but a medicine name is never also a word of a [words] section. */
enum {
	K_NAME = 1 << 0,      /* a medicine of classes or dose groups */
	K_KNOWN = 1 << 1,     /* a known harmless medicine */
	K_IGNORE = 1 << 2,    /* words around medicines: tablets, daily */
	K_NONE = 1 << 3,      /* "no medicines": none, n/a */
	K_NEGATION = 1 << 4,  /* right before a name: the client does not take it */
	K_STOPPED = 1 << 5,   /* the client may have stopped it */
	K_SEPARATOR = 1 << 6, /* separates medicines: and, plus */
	K_LOW_DOSE = 1 << 7,  /* a low-dose word of some dose group */
};

/* A drug whose class depends on its dose (aspirin). */
typedef struct dose_group {
	char *name;
	size_t line;
	double low_max_mg;
	bool has_max, has_names;
	int high_class, low_class; /* class indexes; -1 until set */
} dose_group;

/* How a medicine name is shown: the name as written in the file, the
 * substance its line starts with and the line's ATC code. */
typedef struct name_info {
	char *name;
	char *substance; /* NULL for plain words */
	char *atc;       /* NULL when the line has no code */
} name_info;

/* One dictionary phrase, folded: its words joined by single spaces. */
typedef struct entry {
	char *key;
	uint32_t hash;
	uint8_t kinds;
	uint64_t classes;
	uint32_t groups;     /* dose groups the name belongs to */
	uint32_t low_groups; /* dose groups it is a low-dose word of */
	int32_t info;        /* index into infos for a name; -1 otherwise */
	uint32_t section;    /* the last section that listed it (while loading) */
	size_t line;         /* where it first appears */
} entry;

/* A word of some dictionary phrase, for exact lookups and misspellings. */
typedef struct vocab_word {
	char *word;
	uint32_t hash;
	uint8_t priority;   /* 2: in a class or dose name, 1: in a known name, 0: other */
	uint8_t letters;    /* code points, when it can be a misspelling target; else 0 */
	uint32_t order;     /* position of first appearance, for ties */
	uint32_t *cps;      /* its code points (letters of them) */
} vocab_word;

/* One string made by deleting up to two letters of a misspelling target:
 * its hash and the target (index + 1; 0 marks an empty slot). */
typedef struct deletion {
	uint32_t hash;
	uint32_t target;
} deletion;

/* The targets indexed by their deletions, for finding those near a word.
 * Built the first time a word needs it (most medications are spelt
 * right), so a command that reads none pays nothing for it. */
typedef struct fuzzy_index {
	deletion *deletions; /* open addressing */
	size_t cap;
	bool built, failed;
} fuzzy_index;

struct mi_meds {
	char *class_names[MI_MEDS_MAX_CLASSES];
	size_t class_count;
	dose_group groups[MAX_DOSE_GROUPS];
	size_t group_count;
	entry *table; /* open addressing; key NULL = empty slot */
	size_t table_cap, entry_count;
	size_t max_words;
	name_info *infos;
	size_t info_count, info_cap;
	vocab_word *vocab; /* open addressing; word NULL = empty slot */
	size_t vocab_cap, vocab_count;
	const vocab_word **targets; /* words that a misspelling can be read as */
	size_t target_count;
	fuzzy_index *index; /* owned; filled on first use (see fuzzy_index) */
};

/* ---- words (meds_words.c) ------------------------------------------ */

/* One word of a text: letters, or a number in ASCII digits. */
typedef struct mword {
	const char *s;   /* folded, NUL-free; not terminated */
	size_t len;      /* bytes of s */
	size_t letters;  /* code points of s */
	size_t start, end; /* bytes of the original text */
	unsigned part;   /* parts are cut by , ; . + & | and bullets */
	bool number;
	bool fuzzy;      /* s was replaced by the nearest dictionary word */
	double value;    /* a number's value */
	double unit_mg;  /* for a unit word ("mg"), the milligrams it stands for; else 0 */
} mword;

/* A text cut into words. The words point into buf. buf and words may
 * start as the caller's own (stack) arrays: they are only freed once they
 * have been moved to the heap. */
typedef struct mwords {
	char *buf;
	size_t buf_len, buf_cap;
	mword *words;
	size_t count, cap;
	bool buf_on_heap, words_on_heap;
} mwords;

/* Cuts text[0..len) into folded words (see meds.h). False when out of
 * memory (w is then empty but must still be freed). */
bool mi_meds_cut(const char *text, size_t len, mwords *w);

/* Releases the words; w can be reused. */
void mi_meds_words_free(mwords *w);

/* The milligrams one unit word stands for, or 0 when it is not a unit. */
double mi_meds_unit_mg(const char *s, size_t len);

/* FNV-1a over len bytes, continuing from h. */
uint32_t mi_meds_hash(uint32_t h, const char *s, size_t len);

#define MI_MEDS_HASH_START 2166136261u

/* ---- lookups (meds.c) ---------------------------------------------- */

/* The entry for words[0..n) joined by spaces, whose hash is h, or NULL. */
const entry *mi_meds_find(const mi_meds *m, uint32_t h, const mword *words, size_t n);

/* The dictionary word equal to s[0..len), or NULL. */
const vocab_word *mi_meds_vocab_find(const mi_meds *m, const char *s, size_t len);

/* ---- misspellings (meds_fuzzy.c) ----------------------------------- */

/* The dictionary word that word (not itself in the dictionary) is a
 * misspelling of, or NULL. */
const vocab_word *mi_meds_nearest(const mi_meds *m, const mword *word);


/* The code points of s[0..len): fills cps (room for max) and returns the
 * count, or max + 1 when s is longer. */
size_t mi_meds_code_points(const char *s, size_t len, uint32_t *cps, size_t max);

#endif
