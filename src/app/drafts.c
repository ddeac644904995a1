/* drafts.c - finding, starting and resuming drafts at the desk and the kiosk. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "mi/i18n.h"
#include "mi/app_audit.h"
#include "mi/app_draft_expiry.h"
#include "mi/app_drafts.h"
#include "mi/fold.h"
#include "mi/text.h"

/* The name and birth date checked, and the name normalised (NFC, plain
 * spaces), the way every answer is, before anything is looked up or
 * started for them. *typed owns the checked texts (caller frees it);
 * *name and *birth_date point into it. */
static mi_status checked_identity(const char **name, const char **birth_date,
				  mi_answers **typed, mi_error *err)
{
	*typed = mi_answers_new();
	if (!*typed)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_status st = mi_answers_set_text(*typed, "client.name", *name, err);
	if (st == MI_OK)
		st = mi_answers_set_text(*typed, "client.birth_date", *birth_date, err);
	if (st == MI_OK) {
		*name = mi_answers_get_text(*typed, "client.name");
		*birth_date = mi_answers_get_text(*typed, "client.birth_date");
	}
	return st;
}

/* True when the draft's answers are for this name (folded) and birth date. */
static bool draft_matches(const mi_answers *a, const char *folded_name, const char *birth_date)
{
	const char *name = mi_answers_get_text(a, "client.name");
	const char *birth = mi_answers_get_text(a, "client.birth_date");
	if (!name || !birth || strcmp(birth, birth_date) != 0)
		return false;
	char *folded = mi_fold(name);
	bool same = folded && strcmp(folded, folded_name) == 0;
	free(folded);
	return same;
}

/* True when the draft visit_id is for (folded name, birth date); loading
 * errors are returned. */
static mi_status draft_is_for(mi_store *store, long long visit_id, const char *folded,
			      const char *birth_date, bool *match, mi_error *err)
{
	mi_answers *a = NULL;
	mi_status st = mi_store_draft_load(store, visit_id, &a, err);
	*match = st == MI_OK && draft_matches(a, folded, birth_date);
	mi_answers_free(a);
	return st;
}

/* Looks for an unfinished draft of a client not stored yet (a kiosk draft
 * whose client is only known by the answers typed). *visit_id = 0: none. */
static mi_status find_unknown_client_draft(mi_store *store, const char *name,
					   const char *birth_date, long long *visit_id,
					   mi_error *err)
{
	*visit_id = 0;
	char *folded = mi_fold(name);
	if (!folded)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_visit_list list = {0};
	mi_status st = mi_store_waiting_list(store, &list, err);
	for (size_t i = list.count; st == MI_OK && i-- > 0 && !*visit_id;) {
		const mi_visit_summary *v = &list.items[i];
		bool match = false;
		if (!v->complete && v->client_id == 0)
			st = draft_is_for(store, v->id, folded, birth_date, &match, err);
		if (match)
			*visit_id = v->id;
	}
	mi_visit_list_clear(&list);
	free(folded);
	return st;
}

/* Saves a text answer of a draft. */
static mi_status save_text(mi_store *store, long long visit_id, const char *key,
			   const char *text, mi_error *err)
{
	mi_answers *one = mi_answers_new();
	if (!one)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_status st = mi_answers_set_text(one, key, text, err);
	if (st == MI_OK)
		st = mi_store_draft_save_answer(store, visit_id, one, key, err);
	mi_answers_free(one);
	return st;
}

/* Starts a draft attached to client_id (0: not known yet) holding the
 * client's details that are not NULL; saving them claims it. */
static mi_status start_draft(mi_store *store, long long client_id, const mi_client *who,
			     mi_visit_source source, mi_date today, long long *visit_id,
			     mi_error *err)
{
	const char *keys[] = {"client.name", "client.birth_date", "client.phone", "client.email"};
	const char *texts[] = {who->name, who->birth_date, who->phone, who->email};
	mi_status st = mi_store_draft_start(store, client_id, source, today, visit_id, err);
	for (size_t i = 0; st == MI_OK && i < sizeof keys / sizeof *keys; i++)
		if (texts[i])
			st = save_text(store, *visit_id, keys[i], texts[i], err);
	return st;
}

/* Forgets the draft *visit_id found to resume (sets it to 0) when it has
 * expired from the review queue (app_draft_expiry.h): answers begun weeks
 * ago, a fever then or none, are not this visit's; a fresh draft starts
 * and the old one stays, listed by drafts --expired. */
static mi_status skip_expired(mi_store *store, const mi_ruleset *rules, mi_date today,
			      long long *visit_id, mi_error *err)
{
	if (!*visit_id)
		return MI_OK;
	mi_visit_list expired = {0};
	mi_status st = mi_app_drafts(store, rules, today, MI_APP_DRAFTS_EXPIRED, &expired, NULL, err);
	for (size_t i = 0; st == MI_OK && i < expired.count; i++)
		if (expired.items[i].id == *visit_id)
			*visit_id = 0;
	mi_visit_list_clear(&expired);
	return st;
}

static mi_status draft_open(mi_store *store, const mi_ruleset *rules, const char *name,
			    const char *birth_date, mi_visit_source source, mi_date today,
			    long long *visit_id, mi_answers **answers, bool *resumed, mi_error *err)
{
	long long client_id = 0, id = 0;
	mi_status st = mi_store_client_find(store, name, birth_date, &client_id, err);
	if (st == MI_OK && client_id)
		st = mi_store_draft_find_open(store, client_id, &id, err);
	if (st == MI_OK && !id)
		st = find_unknown_client_draft(store, name, birth_date, &id, err);
	if (st == MI_OK)
		st = skip_expired(store, rules, today, &id, err);
	*resumed = id != 0;
	mi_client who = {.name = (char *)name, .birth_date = (char *)birth_date};
	if (st == MI_OK && !id)
		st = start_draft(store, client_id, &who, source, today, &id, err);
	if (st == MI_OK)
		st = mi_store_draft_load(store, id, answers, err);
	if (st == MI_OK)
		*visit_id = id;
	return st;
}

mi_status mi_app_draft_open_client(mi_store *store, const mi_ruleset *rules, long long client_id,
				   mi_date today, long long *visit_id, bool *resumed, mi_error *err)
{
	long long id = 0;
	mi_status st = mi_store_draft_find_open(store, client_id, &id, err);
	if (st == MI_OK)
		st = skip_expired(store, rules, today, &id, err);
	*resumed = id != 0;
	mi_client client = {0};
	if (st == MI_OK && !id)
		st = mi_store_client_get(store, client_id, &client, err);
	if (st == MI_OK && !id)
		st = start_draft(store, client_id, &client, MI_SOURCE_DESK, today, &id, err);
	mi_client_clear(&client);
	if (st == MI_OK)
		*visit_id = id;
	return st;
}

static mi_status kiosk_start(mi_store *store, const char *name, const char *birth_date,
			     mi_date today, long long *visit_id, mi_answers **answers,
			     char code[static MI_RESUME_CODE_DIGITS + 1], mi_error *err)
{
	long long client_id = 0, id = 0;
	mi_client who = {.name = (char *)name, .birth_date = (char *)birth_date};
	mi_status st = mi_store_client_find(store, name, birth_date, &client_id, err);
	if (st == MI_OK)
		st = start_draft(store, client_id, &who, MI_SOURCE_KIOSK, today, &id, err);
	char *hash = NULL;
	if (st == MI_OK) {
		mi_resume_code_new(code);
		hash = mi_resume_code_hash(code);
		if (!hash)
			st = mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	}
	if (st == MI_OK)
		st = mi_store_resume_code_set(store, id, hash, err);
	free(hash);
	if (st == MI_OK)
		st = mi_store_draft_load(store, id, answers, err);
	if (st == MI_OK) {
		*visit_id = id;
	} else if (id) {
		/* A draft half made is the desk's to see, not held by this screen. */
		mi_error ignored;
		mi_store_draft_release(store, id, &ignored);
	}
	return st;
}

/* The one sentence for every resume that does not happen, whatever the
 * reason, so that it tells nothing about other people's drafts. */
static mi_status no_resume(mi_error *err)
{
	return mi_error_set(err, MI_ENOTFOUND,
			    _("no intake to continue opens with this name, date of birth and code."));
}

/* Among the resumable drafts, the one of (name, birth_date) that code
 * opens (*found), and how many drafts of that person there are, each
 * counted as a wrong try when none opens. */
static mi_status match_code(mi_store *store, const mi_resume_list *list, const char *folded,
			    const char *birth_date, const char *code, long long *found,
			    mi_error *err)
{
	*found = 0;
	long long *theirs = calloc(list->count + 1, sizeof *theirs);
	if (!theirs)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	size_t n = 0;
	mi_status st = MI_OK;
	for (size_t i = 0; st == MI_OK && i < list->count; i++) {
		bool match = false;
		st = draft_is_for(store, list->items[i].visit_id, folded, birth_date, &match, err);
		if (st != MI_OK || !match)
			continue;
		theirs[n++] = list->items[i].visit_id;
		if (!*found && mi_resume_code_verify(list->items[i].code_hash, code))
			*found = list->items[i].visit_id;
	}
	/* A wrong code counts against each of this person's drafts (or is
	 * only audited when there is none). */
	for (size_t i = 0; st == MI_OK && !*found && i < (n ? n : 1); i++)
		st = mi_store_resume_failed(store, n ? theirs[i] : 0, err);
	free(theirs);
	return st;
}

static mi_status kiosk_resume(mi_store *store, const mi_ruleset *rules, const char *name,
			      const char *birth_date, const char *code, long max_age_hours,
			      mi_date today, long long *visit_id, mi_answers **answers, mi_error *err)
{
	char digits[MI_RESUME_CODE_DIGITS + 1];
	if (!mi_resume_code_normalize(code, digits))
		return mi_error_set(err, MI_EDATA, _("a resume code is %d digits."), MI_RESUME_CODE_DIGITS);
	char *folded = mi_fold(name);
	if (!folded)
		return mi_error_set(err, MI_EINTERNAL, _("out of memory."));
	mi_resume_list list = {0};
	long long found = 0;
	mi_status st = mi_store_resumable_drafts(store, max_age_hours, MI_RESUME_MAX_TRIES, &list, err);
	if (st == MI_OK)
		st = match_code(store, &list, folded, birth_date, digits, &found, err);
	mi_resume_list_clear(&list);
	free(folded);
	/* Expired from the review queue: as at the desk, its answers are not
	 * this visit's, even while its code is young enough to open. */
	if (st == MI_OK && found)
		st = skip_expired(store, rules, today, &found, err);
	if (st == MI_OK && !found)
		return no_resume(err);
	if (st == MI_OK)
		st = mi_store_draft_claim(store, found, err);
	if (st == MI_OK) {
		st = mi_app_audit_act(store, "resume", "visits", found, err);
		if (st != MI_OK) {
			mi_error ignored;
			mi_store_draft_release(store, found, &ignored);
		}
	}
	if (st == MI_OK)
		st = mi_store_draft_load(store, found, answers, err);
	if (st == MI_OK)
		*visit_id = found;
	return st;
}

mi_status mi_app_draft_open(mi_store *store, const mi_ruleset *rules, const char *name,
			    const char *birth_date, mi_visit_source source, mi_date today,
			    long long *visit_id, mi_answers **answers, bool *resumed, mi_error *err)
{
	mi_answers *typed = NULL;
	mi_status st = checked_identity(&name, &birth_date, &typed, err);
	if (st == MI_OK)
		st = draft_open(store, rules, name, birth_date, source, today, visit_id, answers,
				resumed, err);
	mi_answers_free(typed);
	return st;
}

mi_status mi_app_kiosk_start(mi_store *store, const char *name, const char *birth_date,
			     mi_date today, long long *visit_id, mi_answers **answers,
			     char code[static MI_RESUME_CODE_DIGITS + 1], mi_error *err)
{
	mi_answers *typed = NULL;
	mi_status st = checked_identity(&name, &birth_date, &typed, err);
	if (st == MI_OK)
		st = kiosk_start(store, name, birth_date, today, visit_id, answers, code, err);
	mi_answers_free(typed);
	return st;
}

mi_status mi_app_kiosk_resume(mi_store *store, const mi_ruleset *rules, const char *name,
			      const char *birth_date, const char *code, long max_age_hours,
			      mi_date today, long long *visit_id, mi_answers **answers, mi_error *err)
{
	mi_answers *typed = NULL;
	mi_status st = checked_identity(&name, &birth_date, &typed, err);
	if (st == MI_OK)
		st = kiosk_resume(store, rules, name, birth_date, code, max_age_hours, today,
				  visit_id, answers, err);
	mi_answers_free(typed);
	return st;
}

mi_status mi_app_draft_take(mi_store *store, long long visit_id, mi_answers **answers,
			    mi_error *err)
{
	mi_status st = mi_store_draft_claim(store, visit_id, err);
	if (st != MI_OK)
		return st;
	st = mi_store_draft_load(store, visit_id, answers, err);
	if (st != MI_OK)
		mi_app_draft_release(store, visit_id);
	return st;
}

void mi_app_draft_release(mi_store *store, long long visit_id)
{
	mi_error ignored;
	mi_store_draft_release(store, visit_id, &ignored);
}

mi_status mi_app_draft_save_answer(mi_store *store, long long visit_id,
				   const mi_answers *answers, const char *key, mi_error *err)
{
	return mi_store_draft_save_answer(store, visit_id, answers, key, err);
}
