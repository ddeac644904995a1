/* store_search.c - finding clients by a part of their name, fast at a
 * million clients.
 *
 * A client matches when its name key (mi_fold) contains the folded text;
 * results are in name order (name key, birth date, id), at most limit of
 * them. Two ways to find them, each giving exactly those results:
 *
 * - The walk: the name index in order, each key tested with instr(),
 *   stopping at the limit. Cheap when matches are dense among the first
 *   names (a letter or two), but it reads the whole index when they are
 *   not: about 100 ns a name, 0.1 s at a million.
 * - The split, with the trigram index (clients_fts: an FTS5 trigram table
 *   of the keys, kept by triggers). Matches are split into those whose key
 *   starts with one of a few prefixes, and the rest. Each prefix is a
 *   range of the name index: walked in order, it gives its first matches
 *   at once. The rest are found in the trigram index and fetched one by
 *   one (1-2 us each), so there must be few: at most FTS_MAX_ROWS. The
 *   index is asked for trigrams spread over the text (instr() checks the
 *   rest); when they find too many names, for the exact text.
 *   The first prefix is the start of the text itself (typing the start of
 *   a common first name does not fetch everyone called so). When the rest
 *   are still too many, they are mostly a few common names that contain
 *   the text ("irene" for "rene"): a sample of them shows those names'
 *   starts, which become prefixes too.
 *   A text of one or two characters has no trigram of its own: it stands
 *   for every indexed trigram that starts with it (the keys are indexed
 *   with two 0x03 after them, so that every character starts a trigram).
 *
 * Texts of one or two characters try the walk over the first WALK_BUDGET
 * names first (their matches are nearly always dense). When the split
 * finds no prefixes that leave few enough names, the whole walk is done:
 * the text is then in very many names, all over the list.
 */
#include <stdlib.h>
#include <string.h>

#include "mi/fold.h"
#include "mi/strbuf.h"
#include "store_internal.h"

enum {
	/* Names the first walk of a short text looks at: under a
	 * millisecond. */
	WALK_BUDGET = 5000,
	/* Most names the trigram index may return to be fetched one by one
	 * (1-2 us each); past this the walk is the better bet. */
	FTS_MAX_ROWS = 2000,
	/* Characters of the text that make the split's first prefix. */
	PREFIX_CHARS = 6,
	/* Most trigrams asked for a long text. */
	COVER_TRIGRAMS = 8,
	/* Names of the rest sampled to find common prefixes, how many of
	 * them must share one, how many prefixes a round adds, and rounds. */
	SAMPLE = 64,
	SAMPLE_SHARE = 6,
	PREFIXES_PER_ROUND = 4,
	PREFIX_ROUNDS = 2,
	MAX_PREFIXES = 1 + PREFIXES_PER_ROUND * PREFIX_ROUNDS,
	/* Most trigrams a one- or two-character text may stand for. */
	SHORT_TEXT_TERMS = 256,
};

#define NAME_ORDER " ORDER BY c.name_key, c.birth_date, c.id"

/* Everyone, in name order. */
static const char SQL_ALL[] = MI_ST_CLIENT_COLUMNS NAME_ORDER " LIMIT ?1";
/* The key of the name at position ?1 in name order. */
static const char SQL_WALK_END[] =
	"SELECT name_key FROM clients ORDER BY name_key, birth_date, id LIMIT 1 OFFSET ?1";
/* The walk: names up to the key ?2 that contain ?1, the first ?3. */
static const char SQL_WALK[] = MI_ST_CLIENT_COLUMNS
	"WHERE c.id IN (SELECT id FROM clients WHERE name_key <= ?2 AND instr(name_key, ?1) > 0"
	" ORDER BY name_key, birth_date, id LIMIT ?3)" NAME_ORDER " LIMIT ?3";
/* The names the trigram query ?1 finds, at most ?2. */
static const char SQL_FTS[] = "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1 LIMIT ?2";
/* The indexed trigrams from ?1 up to (not including) ?2. */
static const char SQL_TERMS[] =
	"SELECT term FROM clients_fts_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3";
/* A prefix's range: the first ?4 names containing ?1 among those whose
 * key is from ?2 up to ?3. */
static const char SQL_RANGE[] =
	"SELECT id FROM clients WHERE name_key >= ?2 AND name_key < ?3 AND instr(name_key, ?1) > 0"
	" ORDER BY name_key, birth_date, id LIMIT ?4";
/* The keys of the names with the ids in the JSON array ?1. */
static const char SQL_KEYS[] =
	"SELECT name_key FROM clients WHERE id IN (SELECT value FROM json_each(?1))";
/* The names with the ids in the JSON array ?1 that contain ?2, the first
 * ?3. They are sorted by key before the visit columns are read, which
 * then cost only for the names listed. */
static const char SQL_BY_IDS[] = MI_ST_CLIENT_COLUMNS
	"WHERE c.id IN (SELECT id FROM clients"
	" WHERE id IN (SELECT value FROM json_each(?1)) AND instr(name_key, ?2) > 0"
	" ORDER BY name_key, birth_date, id LIMIT ?3)" NAME_ORDER " LIMIT ?3";

/* Higher than any name key: every key is valid UTF-8, whose bytes stop
 * at 0xF4. */
static const char KEY_MAX[] = "\xff";

/* What the split works with. */
typedef struct split {
	const char *key;     /* the folded text */
	long long limit;     /* -1: no limit */
	char *match;         /* trigram query for names containing the key */
	bool exact;          /* match finds those names only (not a cover) */
	char *first_initial; /* trigram query for names starting with prefixes[0] */
	char *prefixes[MAX_PREFIXES];
	size_t prefix_count;
	long long rest[FTS_MAX_ROWS + 1]; /* names not starting with a prefix */
	size_t rest_count;
} split;

static void split_clear(split *sp)
{
	free(sp->match);
	free(sp->first_initial);
	for (size_t i = 0; i < sp->prefix_count; i++)
		free(sp->prefixes[i]);
}

/* Byte length of the first chars characters of s (all of s when shorter). */
static size_t char_bytes(const char *s, size_t chars)
{
	size_t i = 0;
	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars-- == 0)
			break;
	return i;
}

static size_t char_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The smallest text greater than every text that starts with prefix: the
 * prefix with its last byte raised. Caller frees; NULL when out of
 * memory. */
static char *prefix_end(const char *prefix)
{
	size_t n = strlen(prefix);
	char *end = strdup(prefix);
	if (end && n > 0)
		end[n - 1] = (char)((unsigned char)end[n - 1] + 1);
	return end;
}

/* Appends s[0..n) to b as an FTS5 string (in double quotes, inner ones
 * doubled), with "^" before it when initial (it must start the key). */
static void add_fts_string(mi_strbuf *b, const char *s, size_t n, bool initial)
{
	mi_strbuf_puts(b, initial ? "^\"" : "\"");
	for (const char *q; n > 0 && (q = memchr(s, '"', n)) != NULL;) {
		mi_strbuf_add(b, s, (size_t)(q - s) + 1);
		mi_strbuf_puts(b, "\"");
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	mi_strbuf_add(b, s, n);
	mi_strbuf_puts(b, "\"");
}

/* Appends the ids as a JSON array. */
static void add_json_ids(mi_strbuf *b, const long long *ids, size_t count)
{
	mi_strbuf_puts(b, "[");
	for (size_t i = 0; i < count; i++)
		mi_strbuf_addf(b, "%s%lld", i ? "," : "", ids[i]);
	mi_strbuf_puts(b, "]");
}

/* Trigram queries for a key of three characters or more: names holding
 * trigrams spread over the key (side by side, or at most COVER_TRIGRAMS of
 * them for a long key; instr() checks the rest), and names starting with
 * its first PREFIX_CHARS characters (prefixes[0]). */
static void long_text_queries(split *sp, mi_strbuf *match, mi_strbuf *initial)
{
	size_t n = char_count(sp->key);
	size_t step = (n - 3 + COVER_TRIGRAMS - 2) / (COVER_TRIGRAMS - 1);
	if (step < 3)
		step = 3;
	mi_strbuf_puts(match, "(");
	for (size_t i = 0;; i += step) {
		if (i + 3 > n)
			i = n - 3; /* the last trigram, overlapping the one before */
		size_t from = char_bytes(sp->key, i);
		size_t to = char_bytes(sp->key, i + 3);
		if (i)
			mi_strbuf_puts(match, " AND ");
		add_fts_string(match, sp->key + from, to - from, false);
		if (i + 3 >= n)
			break;
	}
	mi_strbuf_puts(match, ")");
	add_fts_string(initial, sp->prefixes[0], strlen(sp->prefixes[0]), true);
}

/* Trigram queries for a key of one or two characters: the indexed
 * trigrams that start with it, anywhere or at the start of the key. When
 * there are more than SHORT_TEXT_TERMS of them the queries stay empty. */
static mi_status short_text_queries(mi_store *store, split *sp, mi_strbuf *match,
				    mi_strbuf *initial, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_TERMS, err);
	char *end = stmt ? prefix_end(sp->key) : NULL;
	if (!end)
		return stmt ? mi_st_nomem(err) : err->status;
	mi_st_bind_text(stmt, 1, sp->key);
	mi_st_bind_text(stmt, 2, end);
	sqlite3_bind_int(stmt, 3, SHORT_TEXT_TERMS + 1);
	size_t count = 0;
	int rc;
	mi_strbuf_puts(match, "(");
	mi_strbuf_puts(initial, "(");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && ++count <= SHORT_TEXT_TERMS) {
		const char *term = (const char *)sqlite3_column_text(stmt, 0);
		size_t n = (size_t)sqlite3_column_bytes(stmt, 0);
		mi_strbuf_puts(match, count > 1 ? " OR " : "");
		mi_strbuf_puts(initial, count > 1 ? " OR " : "");
		add_fts_string(match, term ? term : "", n, false);
		add_fts_string(initial, term ? term : "", n, true);
	}
	sqlite3_reset(stmt);
	free(end);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("searching clients"));
	if (count == 0) {
		/* No trigram: nobody. */
		mi_strbuf_clear(match);
		mi_strbuf_clear(initial);
		mi_strbuf_puts(match, "\"\"");
		mi_strbuf_puts(initial, "\"\"");
	} else if (count > SHORT_TEXT_TERMS) {
		mi_strbuf_clear(match);
		mi_strbuf_clear(initial);
	} else {
		mi_strbuf_puts(match, ")");
		mi_strbuf_puts(initial, ")");
	}
	return MI_OK;
}

/* Fills sp->rest with the names (at most FTS_MAX_ROWS + 1) that contain
 * the key but start with none of the prefixes. */
static mi_status find_rest(mi_store *store, split *sp, mi_error *err)
{
	mi_strbuf query = {0};
	mi_strbuf_puts(&query, sp->match);
	mi_strbuf_puts(&query, " NOT (");
	mi_strbuf_puts(&query, sp->first_initial);
	for (size_t i = 1; i < sp->prefix_count; i++) {
		mi_strbuf_puts(&query, " OR ");
		add_fts_string(&query, sp->prefixes[i], strlen(sp->prefixes[i]), true);
	}
	mi_strbuf_puts(&query, ")");
	char *text = mi_strbuf_take(&query);
	sqlite3_stmt *stmt = text ? mi_st_stmt(store, SQL_FTS, err) : NULL;
	if (!stmt) {
		free(text);
		return text ? err->status : mi_st_nomem(err);
	}
	mi_st_bind_text(stmt, 1, text);
	sqlite3_bind_int(stmt, 2, FTS_MAX_ROWS + 1);
	sp->rest_count = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && sp->rest_count <= FTS_MAX_ROWS)
		sp->rest[sp->rest_count++] = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	free(text);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return mi_st_error(store, rc, err, N_("searching clients"));
	return MI_OK;
}

/* The start of key up to the end of the first place text is in it, when
 * that is three characters or more; else NULL. Caller frees. */
static char *start_through(const char *key, const char *text)
{
	const char *at = strstr(key, text);
	if (!at)
		return NULL;
	size_t n = (size_t)(at - key) + strlen(text);
	char *start = strndup(key, n);
	if (start && char_count(start) < 3) {
		free(start);
		start = NULL;
	}
	return start;
}

/* Looks up a sample of the rest and adds, as prefixes, the starts (up to
 * the text) that at least SAMPLE_SHARE of them share. *added says how
 * many. */
static mi_status add_common_prefixes(mi_store *store, split *sp, size_t *added, mi_error *err)
{
	*added = 0;
	mi_strbuf ids = {0};
	add_json_ids(&ids, sp->rest, sp->rest_count < SAMPLE ? sp->rest_count : SAMPLE);
	char *json = mi_strbuf_take(&ids);
	sqlite3_stmt *stmt = json ? mi_st_stmt(store, SQL_KEYS, err) : NULL;
	if (!stmt) {
		free(json);
		return json ? err->status : mi_st_nomem(err);
	}
	mi_st_bind_text(stmt, 1, json);
	char *starts[SAMPLE];
	size_t count = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && count < SAMPLE) {
		const char *key = (const char *)sqlite3_column_text(stmt, 0);
		starts[count++] = key ? start_through(key, sp->key) : NULL;
	}
	sqlite3_reset(stmt);
	free(json);
	mi_status status = MI_OK;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		status = mi_st_error(store, rc, err, N_("searching clients"));
	while (status == MI_OK && *added < PREFIXES_PER_ROUND &&
	       sp->prefix_count < MAX_PREFIXES) {
		/* The most shared start not taken yet. */
		size_t best = count, best_share = 0;
		for (size_t i = 0; i < count; i++) {
			size_t share = 0;
			for (size_t j = 0; starts[i] && j < count; j++)
				share += starts[j] && strcmp(starts[i], starts[j]) == 0;
			if (share > best_share) {
				best = i;
				best_share = share;
			}
		}
		if (best_share < SAMPLE_SHARE)
			break;
		sp->prefixes[sp->prefix_count++] = starts[best];
		(*added)++;
		/* Drop the copies of the one taken. */
		for (size_t j = 0; j < count; j++) {
			if (j != best && starts[j] && strcmp(starts[j], starts[best]) == 0) {
				free(starts[j]);
				starts[j] = NULL;
			}
		}
		starts[best] = NULL;
	}
	for (size_t i = 0; i < count; i++)
		free(starts[i]);
	return status;
}

/* Appends to ids the first names of each prefix's range. */
static mi_status add_prefix_ranges(mi_store *store, const split *sp, mi_strbuf *ids,
				   bool *first, mi_error *err)
{
	for (size_t i = 0; i < sp->prefix_count; i++) {
		char *end = prefix_end(sp->prefixes[i]);
		sqlite3_stmt *stmt = end ? mi_st_stmt(store, SQL_RANGE, err) : NULL;
		if (!stmt) {
			free(end);
			return end ? err->status : mi_st_nomem(err);
		}
		mi_st_bind_text(stmt, 1, sp->key);
		mi_st_bind_text(stmt, 2, sp->prefixes[i]);
		mi_st_bind_text(stmt, 3, end);
		sqlite3_bind_int64(stmt, 4, sp->limit);
		int rc;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			mi_strbuf_addf(ids, "%s%lld", *first ? "" : ",", sqlite3_column_int64(stmt, 0));
			*first = false;
		}
		sqlite3_reset(stmt);
		free(end);
		if (rc != SQLITE_DONE)
			return mi_st_error(store, rc, err, N_("searching clients"));
	}
	return MI_OK;
}

/* The names of the prefixes' ranges and the rest, in order. */
static mi_status read_split(mi_store *store, const split *sp, mi_client_list *out, mi_error *err)
{
	mi_strbuf ids = {0};
	add_json_ids(&ids, sp->rest, sp->rest_count);
	ids.len--; /* reopen the array */
	bool first = sp->rest_count == 0;
	mi_status status = add_prefix_ranges(store, sp, &ids, &first, err);
	mi_strbuf_puts(&ids, "]");
	char *json = mi_strbuf_take(&ids);
	if (status == MI_OK && !json)
		status = mi_st_nomem(err);
	sqlite3_stmt *stmt = status == MI_OK ? mi_st_stmt(store, SQL_BY_IDS, err) : NULL;
	if (status == MI_OK && !stmt)
		status = err->status;
	if (status == MI_OK) {
		mi_st_bind_text(stmt, 1, json);
		mi_st_bind_text(stmt, 2, sp->key);
		sqlite3_bind_int64(stmt, 3, sp->limit);
		status = mi_st_read_clients(store, stmt, out, err);
	}
	free(json);
	return status;
}

/* The walk over the names up to walk_end (KEY_MAX: all of them). */
static mi_status walk(mi_store *store, const char *key, const char *walk_end, long long limit,
		      mi_client_list *out, mi_error *err)
{
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_WALK, err);
	if (!stmt)
		return err->status;
	mi_st_bind_text(stmt, 1, key);
	mi_st_bind_text(stmt, 2, walk_end);
	sqlite3_bind_int64(stmt, 3, limit);
	return mi_st_read_clients(store, stmt, out, err);
}

/* The first walk of a short text, over the first WALK_BUDGET names.
 * *settled tells whether its result is the whole answer. */
static mi_status walk_budget(mi_store *store, const char *key, long long limit,
			     mi_client_list *out, bool *settled, mi_error *err)
{
	*settled = false;
	sqlite3_stmt *stmt = mi_st_stmt(store, SQL_WALK_END, err);
	if (!stmt)
		return err->status;
	sqlite3_bind_int(stmt, 1, WALK_BUDGET);
	int rc = sqlite3_step(stmt);
	const unsigned char *text = rc == SQLITE_ROW ? sqlite3_column_text(stmt, 0) : NULL;
	char *walk_end = strdup(text ? (const char *)text : KEY_MAX);
	sqlite3_reset(stmt);
	mi_status status = MI_OK;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		status = mi_st_error(store, rc, err, N_("searching clients"));
	else if (!walk_end)
		status = mi_st_nomem(err);
	else
		status = walk(store, key, walk_end, limit, out, err);
	/* Settled when a screenful was found among the first names, or
	 * when those were all the names. */
	*settled = status == MI_OK &&
		   ((long long)out->count == limit || strcmp(walk_end, KEY_MAX) == 0);
	free(walk_end);
	return status;
}

/* The split, or the whole walk when it finds no prefixes that leave few
 * enough names. */
static mi_status search_split(mi_store *store, split *sp, mi_client_list *out, mi_error *err)
{
	bool short_text = char_count(sp->key) < 3;
	sp->prefixes[0] = strndup(sp->key, char_bytes(sp->key, short_text ? 2 : PREFIX_CHARS));
	if (!sp->prefixes[0])
		return mi_st_nomem(err);
	sp->prefix_count = 1;
	mi_strbuf match = {0}, initial = {0};
	mi_status status = MI_OK;
	if (short_text)
		status = short_text_queries(store, sp, &match, &initial, err);
	else
		long_text_queries(sp, &match, &initial);
	bool queried = status == MI_OK && match.len > 0;
	sp->match = queried ? mi_strbuf_take(&match) : NULL;
	sp->first_initial = queried ? mi_strbuf_take(&initial) : NULL;
	mi_strbuf_clear(&match);
	mi_strbuf_clear(&initial);
	if (queried && (!sp->match || !sp->first_initial))
		status = mi_st_nomem(err);
	sp->exact = short_text;
	for (size_t round = 0; status == MI_OK && queried;) {
		status = find_rest(store, sp, err);
		if (status != MI_OK || sp->rest_count <= FTS_MAX_ROWS)
			return status == MI_OK ? read_split(store, sp, out, err) : status;
		if (!sp->exact) {
			/* Too many names hold the covering trigrams: ask for
			 * the text itself, so that only true matches count and
			 * are sampled. */
			mi_strbuf phrase = {0};
			add_fts_string(&phrase, sp->key, strlen(sp->key), false);
			free(sp->match);
			sp->match = mi_strbuf_take(&phrase);
			sp->exact = true;
			status = sp->match ? MI_OK : mi_st_nomem(err);
			continue;
		}
		size_t added = 0;
		if (round++ < PREFIX_ROUNDS)
			status = add_common_prefixes(store, sp, &added, err);
		queried = added > 0;
	}
	if (status != MI_OK)
		return status;
	return walk(store, sp->key, KEY_MAX, sp->limit, out, err);
}

mi_status mi_store_clients_search(mi_store *store, const char *text, size_t limit,
				  mi_client_list *out, mi_error *err)
{
	char *key = mi_fold(text ? text : "");
	if (!key)
		return mi_st_nomem(err);
	long long max_rows = limit ? (long long)limit : -1;
	mi_client_list list = {0};
	mi_status status = MI_OK;
	bool settled = false;
	if (!*key) {
		sqlite3_stmt *stmt = mi_st_stmt(store, SQL_ALL, err);
		status = stmt ? MI_OK : err->status;
		if (status == MI_OK) {
			sqlite3_bind_int64(stmt, 1, max_rows);
			status = mi_st_read_clients(store, stmt, &list, err);
		}
		settled = true;
	} else if (limit && char_count(key) < 3) {
		status = walk_budget(store, key, max_rows, &list, &settled, err);
	}
	if (status == MI_OK && !settled) {
		mi_client_list_clear(&list);
		split *sp = calloc(1, sizeof *sp);
		if (!sp) {
			status = mi_st_nomem(err);
		} else {
			sp->key = key;
			sp->limit = max_rows;
			status = search_split(store, sp, &list, err);
			split_clear(sp);
			free(sp);
		}
	}
	free(key);
	if (status == MI_OK)
		*out = list;
	else
		mi_client_list_clear(&list);
	return status;
}
