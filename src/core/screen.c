/* screen.c - loading the ruleset and screening answers against it. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mi/i18n.h"
#include "mi/intake.h"
#include "mi/meds.h"
#include "mi/rules.h"
#include "mi/screen.h"
#include "mi/strbuf.h"
#include "mi/text.h"

/* Each level in one place: its name, its mark on a screen (a symbol that
 * reads without colour, and the name in capitals) and its words for the
 * therapist, settled and while the intake is still being answered. The
 * name and the mark are keywords, the same in every language (the desk's
 * lists give the widest mark its room); the words are in the desk's. */
static const struct {
	const char *name, *tag, *words, *words_so_far;
} levels[] = {
	[MI_LEVEL_PROCEED] = {"proceed", "[ok PROCEED]", N_("deep tissue is fine"),
			      N_("deep tissue is fine so far")},
	[MI_LEVEL_MODIFY] = {"modify", "[~ MODIFY]", N_("go ahead but adapt"),
			     N_("go ahead but adapt")},
	[MI_LEVEL_REFER] = {"refer", "[! REFER]", N_("no deep tissue today; refer to a clinician"),
			    N_("no deep tissue today; refer to a clinician")},
	[MI_LEVEL_URGENT] = {"urgent", "[!! URGENT]", N_("seek urgent or emergency care now"),
			     N_("seek urgent care now")},
};
enum { LEVEL_COUNT = sizeof levels / sizeof levels[0] };
static const char UNSCREENED_TAG[] = "[? NOT FULLY SCREENED]";
static const char UNSCREENED_WORDS[] =
	N_("deep tissue not cleared: ask the missing safety questions");

const char *mi_level_name(mi_level level)
{
	return (unsigned)level < LEVEL_COUNT ? levels[level].name : "unknown";
}

const char *mi_level_tag(mi_level level)
{
	return levels[(unsigned)level < LEVEL_COUNT ? level : MI_LEVEL_PROCEED].tag;
}

const char *mi_level_words(mi_level level, bool so_far)
{
	unsigned i = (unsigned)level < LEVEL_COUNT ? level : MI_LEVEL_PROCEED;
	return _(so_far ? levels[i].words_so_far : levels[i].words);
}

bool mi_level_unscreened(mi_level outcome, size_t unanswered)
{
	return outcome == MI_LEVEL_PROCEED && unanswered > 0;
}

const char *mi_level_outcome_tag(mi_level outcome, size_t unanswered)
{
	return mi_level_unscreened(outcome, unanswered) ? UNSCREENED_TAG : mi_level_tag(outcome);
}

const char *mi_level_outcome_words(mi_level outcome, size_t unanswered, bool so_far)
{
	return mi_level_unscreened(outcome, unanswered) ? _(UNSCREENED_WORDS)
							: mi_level_words(outcome, so_far);
}

char *mi_level_legend(void)
{
	mi_strbuf b = {0};
	/* TRANSLATORS: begins the desk help's list of outcomes: each mark
	 * (a keyword, "[!! URGENT]") with its words, separated by ", ". */
	mi_strbuf_puts(&b, _("Outcomes: "));
	for (unsigned i = 0; i < LEVEL_COUNT; i++)
		mi_strbuf_addf(&b, "%s %s, ", levels[i].tag, _(levels[i].words));
	/* TRANSLATORS: ends the desk help's list of outcomes: the last mark
	 * ("[? NOT FULLY SCREENED]", a keyword) and its words. */
	mi_strbuf_addf(&b, _("and %s %s."), UNSCREENED_TAG, _(UNSCREENED_WORDS));
	return mi_strbuf_take(&b);
}

bool mi_level_parse(const char *name, mi_level *out)
{
	for (unsigned i = 0; i < LEVEL_COUNT; i++)
		if (strcmp(levels[i].name, name) == 0) {
			*out = (mi_level)i;
			return true;
		}
	return false;
}

struct mi_ruleset {
	mi_meds *meds;
	mi_rulefile *rules;
	mi_intake *intake;
	char *version; /* "DECLARED (HASH)" */
};

void mi_ruleset_free(mi_ruleset *rules)
{
	if (!rules)
		return;
	mi_rulefile_free(rules->rules);
	mi_intake_free(rules->intake);
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

mi_status mi_ruleset_load(const char *rules_path, const char *medications_path,
			  const char *intake_path, mi_ruleset **out, mi_error *err)
{
	char *rules_text = NULL, *meds_text = NULL;
	size_t rules_len = 0, meds_len = 0;
	mi_ruleset *rs = calloc(1, sizeof *rs);
	mi_status st = rs ? MI_OK : mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	/* The intake first: the keys of a clinic's own questions are answer
	 * keys the rules may read. */
	if (st == MI_OK)
		st = mi_intake_load(intake_path, &rs->intake, err);
	if (st == MI_OK)
		mi_intake_install(rs->intake);
	if (st == MI_OK)
		st = mi_conf_read_file(medications_path, &meds_text, &meds_len, err);
	if (st == MI_OK)
		st = mi_conf_read_file(rules_path, &rules_text, &rules_len, err);
	if (st == MI_OK)
		st = mi_meds_parse(meds_text, meds_len, medications_path, &rs->meds, err);
	if (st == MI_OK)
		st = mi_rulefile_parse(rules_text, rules_len, rules_path, rs->meds, &rs->rules, err);
	if (st == MI_OK)
		st = mi_intake_check_rules(rs->intake, rs->rules, err);
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
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
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

mi_status mi_ruleset_load_dir(const char *data_dir, mi_ruleset **out, mi_error *err)
{
	size_t n = strlen(data_dir) + sizeof "/medications.conf";
	char *rules = malloc(n), *meds = malloc(n), *intake = malloc(n);
	mi_status st;
	if (!rules || !meds || !intake) {
		st = mi_error_set(err, MI_EINTERNAL, _("out of memory loading rules."));
	} else {
		snprintf(rules, n, "%s/rules.conf", data_dir);
		snprintf(meds, n, "%s/medications.conf", data_dir);
		snprintf(intake, n, "%s/intake.conf", data_dir);
		st = mi_ruleset_load(rules, meds, intake, out, err);
	}
	free(rules);
	free(meds);
	free(intake);
	return st;
}

const char *mi_ruleset_version(const mi_ruleset *rules)
{
	return rules->version;
}

const mi_rulefile *mi_ruleset_rulefile(const mi_ruleset *rules)
{
	return rules->rules;
}

const mi_intake *mi_ruleset_intake(const mi_ruleset *rules)
{
	return rules->intake;
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

/* ---- medications ------------------------------------------------------ */

/* Appends one item to a growable array of elements of size size. */
static bool push(void **array, size_t *count, size_t size, const void *item)
{
	if ((*count & (*count - 1)) == 0) { /* 0, 1, 2, 4 ...: room for double */
		void *grown = realloc(*array, (*count ? *count * 2 : 1) * size);
		if (!grown)
			return false;
		*array = grown;
	}
	memcpy((char *)*array + *count * size, item, size);
	(*count)++;
	return true;
}

/* Reads one medication (item number index of the list) into out: a reading
 * per class of each medicine found, and the parts not recognised. ORs the
 * classes into *classes; sets *none when it says "none". */
static mi_status read_medication(const mi_meds *meds, const char *text, size_t index,
				 mi_screening *out, uint64_t *classes, bool *none, mi_error *err)
{
	mi_med_text t;
	mi_status st = mi_meds_read(meds, text, &t, err);
	if (st != MI_OK)
		return st;
	*classes |= t.classes;
	if (none)
		*none = t.none;
	bool ok = true;
	for (size_t i = 0; ok && i < t.reading_count; i++) {
		const mi_med_reading *r = &t.readings[i];
		mi_medication_reading mr = {.item = index, .name = r->name, .substance = r->substance,
					    .atc = r->atc, .fuzzy = r->fuzzy, .stopped = r->stopped};
		for (size_t c = 0; ok && (c == 0 || c < mi_meds_class_count(meds)); c++) {
			bool in = (r->classes >> c) & 1;
			if (r->classes ? !in : c > 0)
				continue;
			mr.class_name = in ? mi_meds_class_name(meds, c) : NULL;
			mr.written = strndup(text + r->start, r->end - r->start);
			ok = mr.written && push((void **)&out->medications, &out->medication_count,
						sizeof mr, &mr);
			if (!ok)
				free(mr.written);
		}
	}
	for (size_t i = 0; ok && i < t.unrecognised_count; i++) {
		char *part = strndup(text + t.unrecognised[i].start,
				     t.unrecognised[i].end - t.unrecognised[i].start);
		ok = part && push((void **)&out->unrecognised, &out->unrecognised_count, sizeof part, &part);
		if (!ok)
			free(part);
	}
	mi_med_text_clear(&t);
	return ok ? MI_OK : mi_error_set(err, MI_EINTERNAL, _("out of memory while screening."));
}

/* Releases the medication readings of a screening. */
static void clear_medications(mi_screening *s)
{
	for (size_t i = 0; i < s->medication_count; i++)
		free(s->medications[i].written);
	free(s->medications);
	for (size_t i = 0; i < s->unrecognised_count; i++)
		free(s->unrecognised[i]);
	free(s->unrecognised);
	s->medications = NULL;
	s->unrecognised = NULL;
	s->medication_count = s->unrecognised_count = 0;
}

/* True when a and b are the same ignoring ASCII case. */
static bool same_words(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

char *mi_medication_reading_text(const mi_medication_reading *r)
{
	mi_strbuf b = {0};
	char *written = mi_text_sanitize(r->written, false);
	if (!written)
		return NULL;
	const char *what = r->class_name ? r->class_name : "known";
	if (!r->substance) {
		/* Plain words: a class without a medicine. */
		mi_strbuf_addf(&b, "\"%s\": %s", written, what);
		if (r->class_name)
			mi_strbuf_puts(&b, ", no medicine named: ask which");
	} else {
		if (!same_words(written, r->name))
			mi_strbuf_addf(&b, "\"%s\" read as ", written);
		mi_strbuf_puts(&b, r->name);
		if (!same_words(r->substance, r->name))
			mi_strbuf_addf(&b, " (%s)", r->substance);
		mi_strbuf_addf(&b, ", %s", what);
	}
	if (r->stopped)
		mi_strbuf_puts(&b, ", may have been stopped: ask");
	free(written);
	return mi_strbuf_take(&b);
}

/* One reading in a few words, its class first: "anticoagulant (Eliquis,
 * misspelt)", "known (vitamin D)". */
static void add_short_reading(mi_strbuf *b, const mi_medication_reading *r)
{
	mi_strbuf_addf(b, "%s%s (", b->len ? "; " : "", r->class_name ? r->class_name : "known");
	if (r->substance)
		mi_strbuf_puts(b, r->name);
	else
		mi_strbuf_puts(b, r->class_name ? "no name: ask which" : r->name);
	mi_strbuf_addf(b, "%s%s)", r->fuzzy ? ", misspelt" : "", r->stopped ? ", stopped?" : "");
}

char *mi_ruleset_describe_medication(const mi_ruleset *rules, const char *medication)
{
	mi_screening s = {0};
	mi_error err;
	uint64_t classes = 0;
	bool none = false;
	if (read_medication(rules->meds, medication, 0, &s, &classes, &none, &err) != MI_OK)
		return NULL;
	mi_strbuf b = {0};
	for (size_t i = 0; i < s.medication_count; i++)
		add_short_reading(&b, &s.medications[i]);
	for (size_t i = 0; i < s.unrecognised_count; i++) {
		char *part = mi_text_sanitize(s.unrecognised[i], false);
		if (!part)
			b.nomem = true;
		else
			mi_strbuf_addf(&b, "%snot recognised: %s", b.len ? "; " : "", part);
		free(part);
	}
	if (b.len == 0)
		mi_strbuf_puts(&b, none ? "none" : "nothing to read");
	clear_medications(&s);
	return mi_strbuf_take(&b);
}

char *mi_screening_flag_medicines(const mi_ruleset *rules, const mi_screening *screening,
				  const char *rule_id)
{
	const mi_rule *rule = mi_ruleset_find(rules, rule_id);
	uint64_t classes = rule ? mi_rule_medication_classes(rule) : 0;
	if (!classes)
		return NULL;
	mi_strbuf b = {0};
	for (size_t i = 0; i < screening->medication_count; i++) {
		const mi_medication_reading *r = &screening->medications[i];
		size_t c;
		if (!r->class_name || !mi_meds_class_index(rules->meds, r->class_name, &c) ||
		    !((classes >> c) & 1))
			continue;
		char *one = mi_medication_reading_text(r);
		if (!one)
			b.nomem = true;
		else
			mi_strbuf_addf(&b, "%s%s", b.len ? "; " : "", one);
		free(one);
	}
	if (b.len == 0) {
		mi_strbuf_clear(&b);
		return NULL;
	}
	return mi_strbuf_take(&b);
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
	*out = (mi_screening){.outcome = MI_LEVEL_PROCEED,
			      .intake_version = mi_intake_fingerprint(rules->intake)};
	mi_status dates = mi_answers_check_dates(answers, today, err);
	if (dates != MI_OK)
		return dates;
	size_t count = mi_rulefile_count(rules->rules), key_count = 0;
	const mi_answer_key *schema = mi_answers_schema();
	while (schema[key_count].name)
		key_count++;
	mi_rule_context ctx;
	mi_rule_context_init(&ctx, answers, rules->meds, today);
	/* The medications are read once: their classes for the rules, the
	 * readings for the therapist. */
	size_t meds = mi_answers_list_count(answers, "medications");
	for (size_t i = 0; i < meds; i++) {
		const char *item = mi_answers_list_item(answers, "medications", i);
		mi_status st = item ? read_medication(rules->meds, item, i, out, &ctx.classes, NULL, err)
				    : MI_OK;
		if (st != MI_OK) {
			clear_medications(out);
			return st;
		}
	}
	ctx.classes_done = true;
	const mi_rule **flags = malloc((count ? count : 1) * sizeof *flags);
	const char **unanswered = malloc((key_count ? key_count : 1) * sizeof *unanswered);
	bool *fired = calloc(count ? count : 1, sizeof *fired);
	if (!flags || !unanswered || !fired) {
		free(flags);
		free(unanswered);
		free(fired);
		clear_medications(out);
		return mi_error_set(err, MI_EINTERNAL, _("out of memory while screening."));
	}
	/* Most severe first, then file order: one pass per level. */
	bool fired_any[4] = {false};
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
		    mi_rulefile_asks(rules->rules, schema[k].name, &ctx) &&
		    mi_rulefile_asks(mi_intake_conditions(rules->intake), schema[k].name, &ctx))
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
	clear_medications(screening);
	*screening = (mi_screening){.outcome = MI_LEVEL_PROCEED};
}

bool mi_screening_has(const mi_screening *screening, const char *rule_id)
{
	for (size_t i = 0; i < screening->flag_count; i++)
		if (strcmp(screening->flags[i]->id, rule_id) == 0)
			return true;
	return false;
}

bool mi_screening_lists_unanswered(const mi_screening *screening, const char *key)
{
	for (size_t i = 0; i < screening->unanswered_count; i++)
		if (strcmp(screening->unanswered[i], key) == 0)
			return true;
	return false;
}

/* Appends s as a JSON string, or null. Text the client typed is made safe
 * to show first (it passed the answers' checks, so that is rarely needed);
 * dictionary text passed the file's checks when it loaded. */
static void json_string_to(mi_strbuf *b, const char *s, bool typed)
{
	if (!s) {
		mi_strbuf_puts(b, "null");
		return;
	}
	char *safe = NULL;
	if (typed && mi_text_check(s, strlen(s), false, NULL) != MI_TEXT_OK) {
		safe = mi_text_sanitize(s, false);
		if (!safe) {
			b->nomem = true;
			return;
		}
		s = safe;
	}
	mi_strbuf_add(b, "\"", 1);
	const char *run = s;
	for (const char *p = s;; p++) {
		unsigned char c = (unsigned char)*p;
		if (c != '\0' && c != '"' && c != '\\' && c >= 0x20)
			continue;
		mi_strbuf_add(b, run, (size_t)(p - run));
		if (c == '\0')
			break;
		if (c == '"' || c == '\\') {
			char escaped[2] = {'\\', (char)c};
			mi_strbuf_add(b, escaped, 2);
		} else {
			mi_strbuf_addf(b, "\\u%04x", c);
		}
		run = p + 1;
	}
	mi_strbuf_add(b, "\"", 1);
	free(safe);
}

/* The medication readings and unrecognised parts as the last two JSON keys. */
static void medications_json(mi_strbuf *b, const mi_screening *s)
{
	mi_strbuf_puts(b, ", \"medications_read\": [");
	for (size_t i = 0; i < s->medication_count; i++) {
		const mi_medication_reading *r = &s->medications[i];
		char item[40];
		snprintf(item, sizeof item, "%s{\"item\": %zu, \"written\": ", i ? ", " : "", r->item);
		mi_strbuf_puts(b, item);
		json_string_to(b, r->written, true);
		mi_strbuf_puts(b, ", \"name\": ");
		json_string_to(b, r->name, false);
		mi_strbuf_puts(b, ", \"substance\": ");
		json_string_to(b, r->substance, false);
		mi_strbuf_puts(b, ", \"atc\": ");
		json_string_to(b, r->atc, false);
		mi_strbuf_puts(b, ", \"class\": ");
		json_string_to(b, r->class_name, false);
		mi_strbuf_puts(b, r->fuzzy ? ", \"fuzzy\": true" : ", \"fuzzy\": false");
		mi_strbuf_puts(b, r->stopped ? ", \"stopped\": true}" : ", \"stopped\": false}");
	}
	mi_strbuf_puts(b, "], \"unrecognised_medications\": [");
	for (size_t i = 0; i < s->unrecognised_count; i++) {
		mi_strbuf_puts(b, i ? ", " : "");
		json_string_to(b, s->unrecognised[i], true);
	}
	mi_strbuf_puts(b, "]");
}

char *mi_screening_to_json(const mi_screening *screening)
{
	/* Each flag's JSON is made once when the rules load; here the pieces
	 * are only joined, which keeps bulk screening fast. The unanswered
	 * names are answer keys (letters, digits and '_'), safe as they are. */
	mi_strbuf b = {0};
	mi_strbuf_puts(&b, "{\"outcome\": \"");
	mi_strbuf_puts(&b, mi_level_name(screening->outcome));
	mi_strbuf_puts(&b, "\", \"flags\": [");
	for (size_t i = 0; i < screening->flag_count; i++) {
		mi_strbuf_puts(&b, i ? ", " : "");
		mi_strbuf_puts(&b, mi_rule_flag_json(screening->flags[i]));
	}
	mi_strbuf_puts(&b, "], \"unanswered\": [");
	for (size_t i = 0; i < screening->unanswered_count; i++) {
		mi_strbuf_puts(&b, i ? ", \"" : "\"");
		mi_strbuf_puts(&b, screening->unanswered[i]);
		mi_strbuf_puts(&b, "\"");
	}
	mi_strbuf_puts(&b, "]");
	medications_json(&b, screening);
	mi_strbuf_puts(&b, "}");
	return mi_strbuf_take(&b);
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
	for (size_t i = 0; i < screening->medication_count; i++) {
		char *one = mi_medication_reading_text(&screening->medications[i]);
		if (one)
			mi_strbuf_addf(&b, "medicine: %s\n", one);
		else
			b.nomem = true;
		free(one);
	}
	for (size_t i = 0; i < screening->unrecognised_count; i++) {
		char *part = mi_text_sanitize(screening->unrecognised[i], false);
		if (part)
			mi_strbuf_addf(&b, "not recognised: %s (ask the client)\n", part);
		else
			b.nomem = true;
		free(part);
	}
	for (size_t i = 0; i < screening->unanswered_count; i++)
		mi_strbuf_addf(&b, "%s%s%s", i ? ", " : "unanswered: ", screening->unanswered[i],
			       i + 1 == screening->unanswered_count ? "\n" : "");
	return mi_strbuf_take(&b);
}
