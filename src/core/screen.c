/* screen.c - loading the ruleset and screening answers against it. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mi/meds.h"
#include "mi/rules.h"
#include "mi/screen.h"
#include "mi/strbuf.h"
#include "mi/text.h"

static const char *const level_names[] = {"proceed", "modify", "refer", "urgent"};

const char *mi_level_name(mi_level level)
{
	return (unsigned)level < sizeof level_names / sizeof level_names[0] ? level_names[level]
									   : "unknown";
}

bool mi_level_parse(const char *name, mi_level *out)
{
	for (size_t i = 0; i < sizeof level_names / sizeof level_names[0]; i++)
		if (strcmp(level_names[i], name) == 0) {
			*out = (mi_level)i;
			return true;
		}
	return false;
}

struct mi_ruleset {
	mi_meds *meds;
	mi_rulefile *rules;
	char *version; /* "DECLARED (HASH)" */
};

void mi_ruleset_free(mi_ruleset *rules)
{
	if (!rules)
		return;
	mi_rulefile_free(rules->rules);
	mi_meds_free(rules->meds);
	free(rules->version);
	free(rules);
}

/* FNV-1a over len bytes, continuing from h. */
static uint32_t fnv1a(uint32_t h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

mi_status mi_ruleset_load(const char *rules_path, const char *medications_path, mi_ruleset **out,
			  mi_error *err)
{
	char *rules_text = NULL, *meds_text = NULL;
	size_t rules_len = 0, meds_len = 0;
	mi_ruleset *rs = calloc(1, sizeof *rs);
	mi_status st = rs ? MI_OK : mi_error_set(err, MI_EINTERNAL, "out of memory loading rules.");
	if (st == MI_OK)
		st = mi_conf_read_file(medications_path, &meds_text, &meds_len, err);
	if (st == MI_OK)
		st = mi_conf_read_file(rules_path, &rules_text, &rules_len, err);
	if (st == MI_OK)
		st = mi_meds_parse(meds_text, meds_len, medications_path, &rs->meds, err);
	if (st == MI_OK)
		st = mi_rulefile_parse(rules_text, rules_len, rules_path, rs->meds, &rs->rules, err);
	if (st == MI_OK) {
		/* Both files, each preceded by its length so moving bytes from
		 * one to the other changes the hash. */
		char lens[64];
		int n = snprintf(lens, sizeof lens, "%zu:%zu:", rules_len, meds_len);
		uint32_t h = fnv1a(2166136261u, lens, (size_t)n);
		h = fnv1a(h, rules_text, rules_len);
		h = fnv1a(h, meds_text, meds_len);
		const char *declared = mi_rulefile_version(rs->rules);
		size_t size = strlen(declared) + 12;
		rs->version = malloc(size);
		if (rs->version)
			snprintf(rs->version, size, "%s (%08x)", declared, (unsigned)h);
		else
			st = mi_error_set(err, MI_EINTERNAL, "out of memory loading rules.");
	}
	free(rules_text);
	free(meds_text);
	if (st != MI_OK) {
		mi_ruleset_free(rs);
		return st;
	}
	*out = rs;
	return MI_OK;
}

mi_status mi_ruleset_load_from(const char *data_dir, const char *rules_path, mi_ruleset **out,
			       mi_error *err)
{
	size_t n = strlen(data_dir) + 32;
	char *rules = rules_path ? NULL : malloc(n), *meds = malloc(n);
	mi_status st;
	if ((!rules_path && !rules) || !meds) {
		st = mi_error_set(err, MI_EINTERNAL, "out of memory loading rules.");
	} else {
		if (rules)
			snprintf(rules, n, "%s/rules.conf", data_dir);
		snprintf(meds, n, "%s/medications.conf", data_dir);
		st = mi_ruleset_load(rules_path ? rules_path : rules, meds, out, err);
	}
	free(rules);
	free(meds);
	return st;
}

mi_status mi_ruleset_load_dir(const char *data_dir, mi_ruleset **out, mi_error *err)
{
	return mi_ruleset_load_from(data_dir, NULL, out, err);
}

const char *mi_ruleset_version(const mi_ruleset *rules)
{
	return rules->version;
}

const mi_rulefile *mi_ruleset_rulefile(const mi_ruleset *rules)
{
	return rules->rules;
}

size_t mi_ruleset_count(const mi_ruleset *rules)
{
	return mi_rulefile_count(rules->rules);
}

const mi_rule *mi_ruleset_rule(const mi_ruleset *rules, size_t index)
{
	return mi_rulefile_rule(rules->rules, index);
}

const mi_rule *mi_ruleset_find(const mi_ruleset *rules, const char *id)
{
	for (size_t i = 0; i < mi_rulefile_count(rules->rules); i++) {
		const mi_rule *r = mi_rulefile_rule(rules->rules, i);
		if (strcmp(r->id, id) == 0)
			return r;
	}
	return NULL;
}

size_t mi_ruleset_medication_classes(const mi_ruleset *rules, const char *medication,
				     const char **classes, size_t max)
{
	uint64_t set = mi_meds_classify(rules->meds, medication);
	size_t n = 0;
	for (size_t i = 0; i < mi_meds_class_count(rules->meds) && n < max; i++)
		if (set & ((uint64_t)1 << i))
			classes[n++] = mi_meds_class_name(rules->meds, i);
	return n;
}

/* True when the question is answered; age also from client.birth_date. */
static bool answered(const mi_answers *answers, const char *key, mi_date today)
{
	long age;
	if (strcmp(key, "age") == 0)
		return mi_answers_age(answers, today, &age);
	return mi_answers_has(answers, key);
}

mi_status mi_screen(const mi_ruleset *rules, const mi_answers *answers, mi_date today,
		    mi_screening *out, mi_error *err)
{
	*out = (mi_screening){.outcome = MI_LEVEL_PROCEED};
	size_t count = mi_rulefile_count(rules->rules), key_count = 0;
	const mi_answer_key *schema = mi_answers_schema();
	while (schema[key_count].name)
		key_count++;
	const mi_rule **flags = malloc((count ? count : 1) * sizeof *flags);
	const char **unanswered = malloc((key_count ? key_count : 1) * sizeof *unanswered);
	if (!flags || !unanswered) {
		free(flags);
		free(unanswered);
		return mi_error_set(err, MI_EINTERNAL, "out of memory while screening.");
	}
	mi_rule_context ctx;
	mi_rule_context_init(&ctx, answers, rules->meds, today);
	/* Most severe first, then file order: one pass per level. */
	bool fired_any[4] = {false};
	bool *fired = calloc(count ? count : 1, sizeof *fired);
	if (!fired) {
		free(flags);
		free(unanswered);
		return mi_error_set(err, MI_EINTERNAL, "out of memory while screening.");
	}
	for (size_t i = 0; i < count; i++) {
		fired[i] = mi_rulefile_fires(rules->rules, i, &ctx);
		if (fired[i])
			fired_any[mi_rulefile_rule(rules->rules, i)->level] = true;
	}
	for (int level = MI_LEVEL_URGENT; level >= MI_LEVEL_PROCEED; level--) {
		if (!fired_any[level])
			continue;
		if (out->flag_count == 0)
			out->outcome = (mi_level)level;
		for (size_t i = 0; i < count; i++)
			if (fired[i] && (int)mi_rulefile_rule(rules->rules, i)->level == level)
				flags[out->flag_count++] = mi_rulefile_rule(rules->rules, i);
	}
	free(fired);
	for (size_t k = 0; k < key_count; k++)
		if (mi_rulefile_reads(rules->rules, k) && !answered(answers, schema[k].name, today) &&
		    mi_rulefile_asks(rules->rules, schema[k].name, &ctx))
			unanswered[out->unanswered_count++] = schema[k].name;
	out->flags = flags;
	out->unanswered = unanswered;
	return MI_OK;
}

void mi_screening_clear(mi_screening *screening)
{
	if (!screening)
		return;
	free((void *)screening->flags);
	free((void *)screening->unanswered);
	*screening = (mi_screening){.outcome = MI_LEVEL_PROCEED};
}

bool mi_screening_has(const mi_screening *screening, const char *rule_id)
{
	for (size_t i = 0; i < screening->flag_count; i++)
		if (strcmp(screening->flags[i]->id, rule_id) == 0)
			return true;
	return false;
}

char *mi_screening_to_json(const mi_screening *screening)
{
	/* Each flag's JSON is made once when the rules load; here the pieces
	 * are only joined, which keeps bulk screening fast. The unanswered
	 * names are answer keys (letters, digits and '_'), safe as they are. */
	static const char head[] = "{\"outcome\": \"", flags[] = "\", \"flags\": [",
			  unanswered[] = "], \"unanswered\": [", tail[] = "]}";
	const char *outcome = mi_level_name(screening->outcome);
	size_t len = strlen(head) + strlen(outcome) + strlen(flags) + strlen(unanswered) + strlen(tail);
	for (size_t i = 0; i < screening->flag_count; i++)
		len += strlen(mi_rule_flag_json(screening->flags[i])) + 2;
	for (size_t i = 0; i < screening->unanswered_count; i++)
		len += strlen(screening->unanswered[i]) + 4;
	char *text = malloc(len + 1), *p = text;
	if (!text)
		return NULL;
	p = stpcpy(stpcpy(stpcpy(p, head), outcome), flags);
	for (size_t i = 0; i < screening->flag_count; i++)
		p = stpcpy(stpcpy(p, i ? ", " : ""), mi_rule_flag_json(screening->flags[i]));
	p = stpcpy(p, unanswered);
	for (size_t i = 0; i < screening->unanswered_count; i++)
		p = stpcpy(stpcpy(stpcpy(stpcpy(p, i ? ", " : ""), "\""), screening->unanswered[i]), "\"");
	stpcpy(p, tail);
	return text;
}

char *mi_screening_to_text(const mi_screening *screening)
{
	mi_strbuf b = {0};
	mi_strbuf_addf(&b, "outcome: %s\n", mi_level_name(screening->outcome));
	for (size_t i = 0; i < screening->flag_count; i++) {
		const mi_rule *r = screening->flags[i];
		char *id = mi_text_sanitize(r->id, false);
		char *message = mi_text_sanitize(r->message, false);
		if (id && message)
			mi_strbuf_addf(&b, "%s  %s  %s\n", mi_level_name(r->level), id, message);
		else
			b.nomem = true;
		free(id);
		free(message);
	}
	for (size_t i = 0; i < screening->unanswered_count; i++)
		mi_strbuf_addf(&b, "%s%s%s", i ? ", " : "unanswered: ", screening->unanswered[i],
			       i + 1 == screening->unanswered_count ? "\n" : "");
	return mi_strbuf_take(&b);
}
