/* gen_db.c - fills a database with synthetic clients through the real
 * storage code: every visit is screened with the shipped rules and stored
 * with mi_store_intake, exactly as `massage-intake intake` stores one.
 *
 * Usage: mi-bench-gen-db DATA_DIR DB CLIENTS VISITS [SEED]
 * DATA_DIR holds rules.conf and medications.conf. DB must not exist yet.
 * Client i gets VISITS visits, one a month. Progress goes to stderr.
 *
 * Speed: in the clinic each intake is its own transaction, which waits
 * for the disk (synchronous=FULL): a million of them would take hours.
 * The generator stores them all in one transaction instead (each intake
 * is then a savepoint inside it, see mi_st_begin), without a journal
 * (journal_mode=OFF, synchronous=OFF; write-ahead logging is switched back
 * on at the end) and with a 512 MB page cache, on its own connection: the
 * data and the SQL are the same; only safety against a crash or power cut
 * during generation is given up. It reaches into the store handle for
 * that (store_internal.h): the public API rightly offers no way to weaken
 * durability.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../src/store/store_internal.h"
#include "mi/answers.h"
#include "mi/screen.h"
#include "mi/store.h"
#include "synth.h"

static int fail(const char *what, const mi_error *err)
{
	fprintf(stderr, "mi-bench-gen-db: %s: %s\n", what, err->message);
	return 1;
}

int main(int argc, char **argv)
{
	if (argc < 5 || argc > 6) {
		fprintf(stderr, "usage: mi-bench-gen-db DATA_DIR DB CLIENTS VISITS [SEED]\n");
		return 64;
	}
	const char *data_dir = argv[1], *db = argv[2];
	unsigned long long clients = strtoull(argv[3], NULL, 10);
	unsigned long long visits = strtoull(argv[4], NULL, 10);
	unsigned long long seed = argc == 6 ? strtoull(argv[5], NULL, 10) : 1;
	struct stat st;
	if (stat(db, &st) == 0) {
		fprintf(stderr, "mi-bench-gen-db: %s exists already; remove it first.\n", db);
		return 73;
	}
	mi_error err;
	mi_ruleset *rules = NULL;
	if (mi_ruleset_load_dir(data_dir, &rules, &err) != MI_OK)
		return fail("loading the rules", &err);
	mi_store *store = NULL;
	if (mi_store_open(db, MI_STORE_CREATE, &store, &err) != MI_OK)
		return fail(db, &err);
	static const char bulk[] = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
				   " PRAGMA cache_size=-524288; BEGIN IMMEDIATE";
	if (sqlite3_exec(store->db, bulk, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "mi-bench-gen-db: %s\n", sqlite3_errmsg(store->db));
		return 1;
	}
	double start = synth_now_ms();
	char line[SYNTH_MAX_LINE];
	unsigned long long done = 0, total = clients * visits, step = total / 10 ? total / 10 : 1;
	for (unsigned long long v = 0; v < visits; v++) {
		/* All clients' first visits, then all second visits, ... so the
		 * visits of one client are spread through the file as in a clinic. */
		mi_date today = {2024 + (int)(v / 12), 1 + (int)(v % 12), 1};
		for (unsigned long long c = 0; c < clients; c++) {
			today.day = 1 + (int)(c % 28);
			size_t len = synth_answers(seed, c, v, line);
			mi_answers *answers = NULL;
			mi_screening screening;
			long long visit_id, client_id;
			if (mi_answers_parse(line, len, &answers, &err) != MI_OK)
				return fail("synthetic answers", &err);
			if (mi_screen(rules, answers, today, &screening, &err) != MI_OK)
				return fail("screening", &err);
			if (mi_store_intake(store, answers, &screening, mi_ruleset_version(rules),
					    MI_SOURCE_CLI, today, &visit_id, &client_id, &err) != MI_OK)
				return fail("storing", &err);
			mi_screening_clear(&screening);
			mi_answers_free(answers);
			if (++done % step == 0)
				fprintf(stderr, "  %llu of %llu visits stored (%.0f s)\n", done, total,
					(synth_now_ms() - start) / 1000);
		}
	}
	if (sqlite3_exec(store->db, "COMMIT; PRAGMA journal_mode=WAL", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "mi-bench-gen-db: %s\n", sqlite3_errmsg(store->db));
		return 1;
	}
	mi_store_close(store);
	mi_ruleset_free(rules);
	fprintf(stderr, "mi-bench-gen-db: %llu clients, %llu visits in %.1f s\n", clients, total,
		(synth_now_ms() - start) / 1000);
	return 0;
}
