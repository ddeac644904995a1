/* bench_store.c - times the storage calls the front desk and the CLI make,
 * in process, on a database made by mi-bench-gen-db.
 *
 * Usage: mi-bench-store DATA_DIR DB CLIENTS MODE [LABEL [SQL_OUT]]
 * CLIENTS is how many clients the generator made (seed 1), so that names
 * typed here exist. MODE is one of:
 *   search    the front desk's search as you type: every prefix of 30
 *             client names, letter by letter, at most 21 rows (a screen);
 *             rows for every key (wall-clock and CPU time), for texts of
 *             one or two characters and for longer ones. The keys are
 *             typed once untimed first (the file's pages then in the
 *             system's cache, as for the sqlite3 command run after it);
 *             with SQL_OUT, that pass writes every SQL statement the search
 *             ran to SQL_OUT as a script for the sqlite3 command (".timer
 *             on", and ".print @@key@@" before each key's statements), to
 *             run the same queries with it
 *   trace     (LABEL is a text) prints the SQL statements that
 *             `clients --search TEXT` runs, with their values, for the
 *             sqlite3 command
 *   inner     the same typed from the second letter on ("aya Ortiz" for
 *             "Maya Ortiz"): texts found inside a common first name, the
 *             hardest kind for the trigram index
 *   miss      the same with a name that matches nobody
 *   list      `clients --search NAME`: every match of 30 full names
 *   history   mi_store_client_history of 300 clients
 *   unscreened  the front desk's client list after each search: which of
 *             the 21 clients of a screen (the first two letters of 100
 *             names) have a last visit not fully screened
 *             (mi_app_clients_not_fully_screened: each one's history, last
 *             visit loaded and screened)
 *   load      mi_store_visit_load of 300 visits
 *   draft     10 intakes typed answer by answer (mi_store_draft_save_answer,
 *             one transaction each, synchronous=FULL), then completed
 *             (mi_store_visit_complete); two rows: per answer, per completion
 *   intake    300 intakes stored whole (mi_store_intake, synchronous=FULL)
 * Each mode runs in its own process so its peak RSS is its own; the modes
 * that write add rows to DB. Prints one table row per measurement (see
 * synth_report), LABEL (e.g. "100k") appended to its name.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/store/store_internal.h" /* the handle's connection, for tracing */
#include "mi/answers.h"
#include "mi/app_rescreen.h"
#include "mi/screen.h"
#include "mi/fold.h"
#include "mi/store.h"
#include "mi/text.h"
#include "synth.h"

enum { SEED = 1, NAMES = 30, LOOKUPS = 300, DRAFTS = 10, INTAKES = 300, MAX_SAMPLES = 4096 };

typedef struct bench {
	mi_store *store;
	mi_ruleset *rules;
	unsigned long long clients;
	const char *label;
	const char *sql_out; /* search mode: where to write the statements */
	double samples[MAX_SAMPLES];
	size_t count;
	/* search mode: CPU times, and wall-clock times by length of text */
	double cpu[MAX_SAMPLES], short_text[MAX_SAMPLES], long_text[MAX_SAMPLES];
	size_t short_count, long_count;
} bench;

static void die(const char *what, const mi_error *err)
{
	fprintf(stderr, "mi-bench-store: %s: %s\n", what, err->message);
	exit(1);
}

static void sample(bench *b, double ms)
{
	if (b->count < MAX_SAMPLES)
		b->samples[b->count++] = ms;
}

/* Prints a row for count samples, LABEL appended to name. */
static void report_samples(const bench *b, double *samples, size_t count, const char *name,
			   const char *note)
{
	char full[128];
	snprintf(full, sizeof full, "%s %s", name, b->label);
	synth_report(full, count, synth_stats(samples, count), synth_peak_rss_kb(), note);
}

static void report(bench *b, const char *name, const char *note)
{
	report_samples(b, b->samples, b->count, name, note);
	b->count = 0;
}

/* A client index spread over the whole range, the same on every run. */
static unsigned long long pick(const bench *b, unsigned i, unsigned n)
{
	return (unsigned long long)((double)b->clients * (i + 0.5) / n);
}

static size_t search_once(bench *b, const char *text, size_t limit)
{
	mi_client_list list = {0};
	mi_error err;
	double cpu0 = synth_cpu_ms();
	double t0 = synth_now_ms();
	if (mi_store_clients_search(b->store, text, limit, &list, &err) != MI_OK)
		die("searching", &err);
	double ms = synth_now_ms() - t0;
	sample(b, ms);
	if (b->count <= MAX_SAMPLES) {
		b->cpu[b->count - 1] = synth_cpu_ms() - cpu0;
		/* Texts that fold to one or two characters have no trigram. */
		char *key = mi_fold(text);
		size_t chars = 0;
		for (const char *k = key ? key : ""; *k; k++)
			chars += ((unsigned char)*k & 0xC0) != 0x80;
		if (chars < 3)
			b->short_text[b->short_count++] = ms;
		else
			b->long_text[b->long_count++] = ms;
		free(key);
	}
	size_t found = list.count;
	mi_client_list_clear(&list);
	return found;
}

/* Writes each statement the store runs (not SQLite's own, inside the
 * trigram index) to the script, with its values. */
static int trace_statement(unsigned type, void *ctx, void *stmt, void *sql)
{
	(void)type;
	const char *text = sql;
	if (strncmp(text, "--", 2) == 0 || strstr(text, "'main'."))
		return 0;
	char *expanded = sqlite3_expanded_sql(stmt);
	if (expanded)
		fprintf(ctx, "%s;\n", expanded);
	sqlite3_free(expanded);
	return 0;
}

/* Searches every prefix of text that ends on a character boundary; with
 * a script, marks the start of each key in it. */
static void type_letters(bench *b, const char *text, FILE *script)
{
	char prefix[256];
	size_t len = strlen(text);
	for (size_t i = 0; i < len && i + 1 < sizeof prefix;) {
		unsigned c;
		size_t n = mi_utf8_decode(text + i, len - i, &c);
		i += n ? n : 1;
		memcpy(prefix, text, i);
		prefix[i] = '\0';
		if (script)
			fputs(".print @@key@@\n", script);
		search_once(b, prefix, 21);
	}
}

/* Types the start of NAMES client names spread over the file. */
static void type_names(bench *b, FILE *script)
{
	char name[128];
	for (unsigned i = 0; i < NAMES; i++) {
		synth_client_name(SEED, pick(b, i, NAMES), name, sizeof name);
		type_letters(b, name, script);
	}
}

static void run_search(bench *b)
{
	/* A first pass, untimed, so that the timed one and the sqlite3
	 * command after it both find the file's pages in the system's cache;
	 * with a script, it writes the statements for sqlite3. */
	FILE *script = b->sql_out ? fopen(b->sql_out, "w") : NULL;
	if (b->sql_out && !script) {
		perror(b->sql_out);
		exit(1);
	}
	if (script) {
		fputs(".timer on\n", script);
		sqlite3_trace_v2(b->store->db, SQLITE_TRACE_STMT, trace_statement, script);
	}
	type_names(b, script);
	sqlite3_trace_v2(b->store->db, 0, NULL, NULL);
	if (script && fclose(script) != 0) {
		perror(b->sql_out);
		exit(1);
	}
	b->count = b->short_count = b->long_count = 0;
	type_names(b, NULL);
	report_samples(b, b->cpu, b->count, "search as you type, per key, CPU", "user + system time");
	report_samples(b, b->short_text, b->short_count, "search, texts of 1-2 characters",
		       "per key, no trigram");
	report_samples(b, b->long_text, b->long_count, "search, texts of 3+ characters",
		       "per key, trigram index");
	report(b, "search as you type, per key", "mi_store_clients_search, limit 21");
}

static void run_trace(bench *b)
{
	mi_client_list list = {0};
	mi_error err;
	sqlite3_trace_v2(b->store->db, SQLITE_TRACE_STMT, trace_statement, stdout);
	if (mi_store_clients_search(b->store, b->label, 0, &list, &err) != MI_OK)
		die("searching", &err);
	sqlite3_trace_v2(b->store->db, 0, NULL, NULL);
	mi_client_list_clear(&list);
}

static void run_inner(bench *b)
{
	char name[128];
	for (unsigned i = 0; i < NAMES; i++) {
		synth_client_name(SEED, pick(b, i, NAMES), name, sizeof name);
		unsigned c;
		size_t first = mi_utf8_decode(name, strlen(name), &c);
		type_letters(b, name + (first ? first : 1), NULL);
	}
	report(b, "search from a name's second letter, per key", "inside common first names");
}

static void run_miss(bench *b)
{
	char name[160];
	for (unsigned i = 0; i < NAMES / 3; i++) {
		/* A typing slip after the first name: nobody is called that. */
		char real[128];
		synth_client_name(SEED, pick(b, i, NAMES / 3), real, sizeof real);
		snprintf(name, sizeof name, "%.*sqx", (int)strcspn(real, " "), real);
		type_letters(b, name, NULL);
	}
	report(b, "search as you type, with a slip", "from the slip on, no client matches");
}

static void run_list(bench *b)
{
	char name[128];
	size_t found = 0;
	for (unsigned i = 0; i < NAMES; i++) {
		synth_client_name(SEED, pick(b, i, NAMES), name, sizeof name);
		found += search_once(b, name, 0);
	}
	char note[64];
	snprintf(note, sizeof note, "every match, %.1f per name", (double)found / NAMES);
	report(b, "search full name, no limit", note);
}

static void run_history(bench *b)
{
	mi_error err;
	for (unsigned i = 0; i < LOOKUPS; i++) {
		/* Clients get ids in the order they were stored. */
		long long id = (long long)pick(b, i, LOOKUPS) + 1;
		mi_visit_list list = {0};
		double t0 = synth_now_ms();
		if (mi_store_client_history(b->store, id, &list, &err) != MI_OK)
			die("loading a history", &err);
		sample(b, synth_now_ms() - t0);
		mi_visit_list_clear(&list);
	}
	report(b, "client history", "mi_store_client_history");
}

static void run_unscreened(bench *b)
{
	mi_error err;
	for (unsigned i = 0; i < 100; i++) {
		char name[128], text[3];
		synth_client_name(SEED, pick(b, i, 100), name, sizeof name);
		snprintf(text, sizeof text, "%.2s", name);
		mi_client_list list = {0};
		bool unscreened[21];
		if (mi_store_clients_search(b->store, text, 21, &list, &err) != MI_OK)
			die("searching", &err);
		double t0 = synth_now_ms();
		if (mi_app_clients_not_fully_screened(b->store, b->rules, &list, list.count, unscreened,
						      &err) != MI_OK)
			die("screening the last visits", &err);
		sample(b, synth_now_ms() - t0);
		mi_client_list_clear(&list);
	}
	report(b, "client list: not fully screened, 21 rows", "mi_app_clients_not_fully_screened");
}

static void run_load(bench *b)
{
	mi_error err;
	for (unsigned i = 0; i < LOOKUPS; i++) {
		long long id = (long long)pick(b, i, LOOKUPS) + 1;
		mi_visit *visit = NULL;
		double t0 = synth_now_ms();
		if (mi_store_visit_load(b->store, id, &visit, &err) != MI_OK)
			die("loading a visit", &err);
		sample(b, synth_now_ms() - t0);
		mi_visit_free(visit);
	}
	report(b, "visit load", "mi_store_visit_load");
}

/* Saves one answer and records how long it took (setting it on the
 * answers included, as the UI does). */
static void save_answer(bench *b, long long visit, const char *key, json_t *value)
{
	char *json = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
	mi_answers *answers = mi_answers_new();
	mi_error err;
	double t0 = synth_now_ms();
	if (!json || !answers || mi_answers_set_json(answers, key, json, &err) != MI_OK ||
	    mi_store_draft_save_answer(b->store, visit, answers, key, &err) != MI_OK)
		die("saving an answer", &err);
	sample(b, synth_now_ms() - t0);
	mi_answers_free(answers);
	free(json);
}

static void run_draft(bench *b)
{
	mi_error err;
	double completions[DRAFTS];
	mi_date today = {2026, 11, 20};
	char line[SYNTH_MAX_LINE];
	for (unsigned d = 0; d < DRAFTS; d++) {
		/* New clients, so the completion also creates one. */
		size_t len = synth_answers(SEED + 1, d, 0, line);
		json_t *doc = json_loadb(line, len, 0, NULL);
		long long visit = 0;
		if (!doc || mi_store_draft_start(b->store, 0, MI_SOURCE_DESK, today, &visit, &err) != MI_OK)
			die("starting a draft", &err);
		const char *key;
		json_t *value;
		json_object_foreach(doc, key, value) {
			if (!json_is_object(value)) {
				save_answer(b, visit, key, value);
				continue;
			}
			const char *field;
			json_t *item;
			json_object_foreach(value, field, item) {
				char path[64];
				snprintf(path, sizeof path, "%s.%s", key, field);
				save_answer(b, visit, path, item);
			}
		}
		json_decref(doc);
		mi_answers *answers = NULL;
		mi_screening screening;
		double t0 = synth_now_ms();
		if (mi_store_draft_load(b->store, visit, &answers, &err) != MI_OK ||
		    mi_screen(b->rules, answers, today, &screening, &err) != MI_OK ||
		    mi_store_visit_complete(b->store, visit, answers, &screening,
					    mi_ruleset_version(b->rules), &err) != MI_OK)
			die("completing a draft", &err);
		completions[d] = synth_now_ms() - t0;
		mi_screening_clear(&screening);
		mi_answers_free(answers);
	}
	report(b, "draft: save one answer", "one transaction each, synchronous=FULL");
	memcpy(b->samples, completions, sizeof completions);
	b->count = DRAFTS;
	report(b, "draft: complete the intake", "load draft + screen + complete, FULL");
}

static void run_intake(bench *b)
{
	mi_error err;
	mi_date today = {2026, 11, 21};
	char line[SYNTH_MAX_LINE];
	for (unsigned i = 0; i < INTAKES; i++) {
		/* Returning clients: found by name and birth date. */
		size_t len = synth_answers(SEED, pick(b, i, INTAKES), 99, line);
		mi_answers *answers = NULL;
		mi_screening screening;
		long long visit, client;
		double t0 = synth_now_ms();
		if (mi_answers_parse(line, len, &answers, &err) != MI_OK ||
		    mi_screen(b->rules, answers, today, &screening, &err) != MI_OK ||
		    mi_store_intake(b->store, answers, &screening, mi_ruleset_version(b->rules),
				    MI_SOURCE_CLI, today, &visit, &client, &err) != MI_OK)
			die("storing an intake", &err);
		sample(b, synth_now_ms() - t0);
		mi_screening_clear(&screening);
		mi_answers_free(answers);
	}
	report(b, "intake stored whole", "parse + screen + mi_store_intake, FULL");
}

int main(int argc, char **argv)
{
	if (argc < 5 || argc > 7) {
		fprintf(stderr, "usage: mi-bench-store DATA_DIR DB CLIENTS MODE [LABEL [SQL_OUT]]\n");
		return 64;
	}
	static bench b;
	b.clients = strtoull(argv[3], NULL, 10);
	b.label = argc >= 6 ? argv[5] : "";
	b.sql_out = argc == 7 ? argv[6] : NULL;
	const char *mode = argv[4];
	mi_error err;
	if (mi_ruleset_load_dir(argv[1], &b.rules, &err) != MI_OK)
		die("loading the rules", &err);
	if (mi_store_open(argv[2], 0, &b.store, &err) != MI_OK)
		die(argv[2], &err);
	static const struct {
		const char *name;
		void (*run)(bench *);
	} modes[] = {
		{"search", run_search}, {"trace", run_trace}, {"inner", run_inner},
		{"miss", run_miss},     {"list", run_list},
		{"history", run_history}, {"load", run_load}, {"draft", run_draft},
		{"unscreened", run_unscreened},
		{"intake", run_intake},
	};
	int rc = 64;
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		if (strcmp(modes[i].name, mode) == 0) {
			modes[i].run(&b);
			rc = 0;
		}
	}
	if (rc)
		fprintf(stderr, "mi-bench-store: unknown mode \"%s\".\n", mode);
	mi_store_close(b.store);
	mi_ruleset_free(b.rules);
	return rc;
}
