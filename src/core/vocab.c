/* vocab.c - the vocabularies of a visit, from the installed intake. */
#include "mi/vocab.h"

#include <stdio.h>
#include <string.h>

#include "mi/answers.h"
#include "mi/intake.h"
#include "mi/strbuf.h"

/* The answer key whose values are the vocabulary's ids, or NULL. */
static const char *answer_key(mi_vocab vocab)
{
	switch (vocab) {
	case MI_VOCAB_REGION: return "pain_locations";
	case MI_VOCAB_GOAL: return "goals";
	case MI_VOCAB_PRESSURE: return "pressure_preference";
	default: return NULL;
	}
}

/* The installed session areas, techniques or follow-up plans; none
 * without an intake. */
static const mi_intake_word *session_words(mi_vocab vocab, size_t *count)
{
	const mi_intake *intake = mi_intake_installed();
	*count = 0;
	if (!intake)
		return NULL;
	return vocab == MI_VOCAB_AREA	   ? mi_intake_session_areas(intake, count)
	       : vocab == MI_VOCAB_TECHNIQUE ? mi_intake_session_techniques(intake, count)
					     : mi_intake_followup_plans(intake, count);
}

size_t mi_vocab_count(mi_vocab vocab)
{
	size_t n = 0;
	while (mi_vocab_id(vocab, n))
		n++;
	return n;
}

const char *mi_vocab_id(mi_vocab vocab, size_t i)
{
	const char *key_name = answer_key(vocab);
	if (key_name) {
		const mi_answer_key *key = mi_answers_find_key(key_name);
		for (size_t k = 0; key && key->values && key->values[k]; k++)
			if (k == i)
				return key->values[k];
		return NULL;
	}
	size_t count;
	const mi_intake_word *words = session_words(vocab, &count);
	return i < count ? words[i].id : NULL;
}

int mi_vocab_find(mi_vocab vocab, const char *id)
{
	const char *v;
	for (size_t i = 0; (v = mi_vocab_id(vocab, i)); i++)
		if (strcmp(v, id) == 0)
			return (int)i;
	return -1;
}

bool mi_vocab_has(mi_vocab vocab, const char *id)
{
	return mi_vocab_find(vocab, id) >= 0;
}

/* The words the installed question on key gives its i-th value, or NULL. */
static const char *option_words(const char *key, size_t i)
{
	size_t count;
	const mi_ui_question *q = mi_ui_questions(&count);
	for (size_t k = 0; k < count; k++)
		if (strcmp(q[k].key, key) == 0)
			return q[k].labels ? q[k].labels[i] : NULL;
	return NULL;
}

const char *mi_vocab_label(mi_vocab vocab, const char *id)
{
	int i = mi_vocab_find(vocab, id);
	if (i < 0 || vocab == MI_VOCAB_PRESSURE)
		return id;
	const char *words;
	if (answer_key(vocab)) {
		words = option_words(answer_key(vocab), (size_t)i);
	} else {
		size_t count;
		words = session_words(vocab, &count)[i].label;
	}
	return words ? words : id;
}

const char *mi_vocab_plan(const char *id)
{
	int i = mi_vocab_find(MI_VOCAB_PLAN, id);
	size_t count;
	const mi_intake_word *words = session_words(MI_VOCAB_PLAN, &count);
	return i >= 0 ? words[i].plan : NULL;
}

bool mi_vocab_area_covers(const char *area, size_t region)
{
	int i = mi_vocab_find(MI_VOCAB_AREA, area);
	size_t count;
	const mi_intake_word *words = session_words(MI_VOCAB_AREA, &count);
	return i >= 0 && region < 32 && (words[i].regions >> region & 1u);
}

char *mi_vocab_join(mi_vocab vocab, char *const *ids, size_t count)
{
	mi_strbuf b = {0};
	for (size_t i = 0; i < count; i++)
		mi_strbuf_addf(&b, "%s%s", i ? ", " : "", mi_vocab_label(vocab, ids[i]));
	return mi_strbuf_take(&b);
}

void mi_vocab_ids(mi_vocab vocab, const char *last_word, char *buf, size_t size)
{
	size_t count = mi_vocab_count(vocab), used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == count && last_word ? " " : ", ";
		used += (size_t)snprintf(buf + used, size - used, "%s%s%s%s", sep,
					 i && i + 1 == count && last_word ? last_word : "",
					 i && i + 1 == count && last_word ? " " : "", mi_vocab_id(vocab, i));
	}
}
