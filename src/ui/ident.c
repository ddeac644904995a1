/* ident.c - who the intake is for: the name + birth date form and the
 * draft lookup shared by the kiosk and the desk. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "mi/fold.h"
#include "mi/ui_app.h"

/* Saves one answer of a draft in the store. */
static mi_status store_save(void *ctx, long long draft_id, const char *key,
			    const char *value_json, mi_error *err)
{
	return mi_store_draft_save_answer(ctx, draft_id, key, value_json, err);
}

/* A draft sink over the store. */
mi_ui_draft_sink mi_ui_store_sink(mi_store *store)
{
	return (mi_ui_draft_sink){.ctx = store, .save_answer = store_save};
}

/* Empties the name and birth date. */
void mi_ui_ident_clear(mi_ui_ident *ident)
{
	mi_ui_field_clear(&ident->name);
	mi_ui_field_clear(&ident->birth);
	ident->focus = 0;
	ident->status[0] = '\0';
}

/* Checks both fields; true when they are valid, else a message in status. */
static bool ident_valid(mi_ui_ident *ident, mi_date today)
{
	char *name = mi_ui_field_text(&ident->name);
	char *birth = mi_ui_field_text(&ident->birth);
	char *folded = name ? mi_fold(name) : NULL;
	mi_date d;
	bool ok = false;
	if (!folded || !birth) {
		snprintf(ident->status, sizeof ident->status, "Out of memory; please try again.");
	} else if (folded[0] == '\0') {
		snprintf(ident->status, sizeof ident->status, "Please type your full name.");
		ident->focus = 0;
	} else if (!mi_date_parse(birth, &d)) {
		snprintf(ident->status, sizeof ident->status,
			 "Please type the date of birth as year-month-day, for example 1980-04-30.");
		ident->focus = 1;
	} else if (mi_date_compare(d, today) > 0) {
		snprintf(ident->status, sizeof ident->status,
			 "That date of birth is in the future; please check it.");
		ident->focus = 1;
	} else {
		ident->status[0] = '\0';
		ok = true;
	}
	free(folded);
	free(name);
	free(birth);
	return ok;
}

/* Edits the form; MI_UI_DONE once both fields are valid. */
mi_ui_action mi_ui_ident_key(mi_ui_ident *ident, mi_ui_key key, mi_date today)
{
	switch (key.kind) {
	case MI_KEY_TAB:
	case MI_KEY_BTAB:
	case MI_KEY_UP:
	case MI_KEY_DOWN:
		ident->focus = !ident->focus;
		return MI_UI_HANDLED;
	case MI_KEY_ENTER:
		if (ident->focus == 0) {
			ident->focus = 1;
			return MI_UI_HANDLED;
		}
		return ident_valid(ident, today) ? MI_UI_DONE : MI_UI_HANDLED;
	default:
		return mi_ui_field_key(ident->focus ? &ident->birth : &ident->name, key);
	}
}

/* The two labelled fields. */
void mi_ui_ident_draw(const mi_ui_ident *ident, mi_ui_canvas *canvas, int y)
{
	mi_ui_put(canvas, y, 4, ident->focus == 0 ? MI_UI_BOLD : 0, -1, "Your full name:");
	mi_ui_field_draw(&ident->name, canvas, y, 25, 50, ident->focus == 0);
	mi_ui_put(canvas, y + 2, 4, ident->focus == 1 ? MI_UI_BOLD : 0, -1, "Your date of birth:");
	mi_ui_field_draw(&ident->birth, canvas, y + 2, 25, 12, ident->focus == 1);
	mi_ui_put(canvas, y + 2, 39, 0, -1, "year-month-day, e.g. 1980-04-30");
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

/* Looks for an unfinished draft of a client not stored yet (a kiosk draft
 * whose client is only known by the answers typed). *visit_id = 0: none. */
static mi_status find_unknown_client_draft(mi_store *store, const char *name,
					   const char *birth_date, long long *visit_id,
					   mi_error *err)
{
	*visit_id = 0;
	char *folded = mi_fold(name);
	if (!folded)
		return mi_error_set(err, MI_EINTERNAL, "out of memory.");
	mi_visit_list list = {0};
	mi_status st = mi_store_waiting_list(store, &list, err);
	for (size_t i = list.count; st == MI_OK && i-- > 0 && !*visit_id;) {
		const mi_visit_summary *v = &list.items[i];
		if (v->complete || v->client_id != 0)
			continue;
		mi_answers *a = NULL;
		st = mi_store_draft_load(store, v->id, &a, err);
		if (st == MI_OK && draft_matches(a, folded, birth_date))
			*visit_id = v->id;
		mi_answers_free(a);
	}
	mi_visit_list_clear(&list);
	free(folded);
	return st;
}

/* Resumes the client's open draft or starts one, and loads its answers. */
mi_status mi_ui_open_draft(mi_store *store, const char *name, const char *birth_date,
			   mi_visit_source source, mi_date today, long long *visit_id,
			   mi_answers **answers, mi_error *err)
{
	long long client_id = 0, id = 0;
	mi_status st = mi_store_client_find(store, name, birth_date, &client_id, err);
	if (st == MI_OK && client_id)
		st = mi_store_draft_find_open(store, client_id, &id, err);
	if (st == MI_OK && !id)
		st = find_unknown_client_draft(store, name, birth_date, &id, err);
	bool fresh = false;
	if (st == MI_OK && !id) {
		st = mi_store_draft_start(store, client_id, source, today, &id, err);
		fresh = true;
	}
	if (st != MI_OK)
		return st;
	if (fresh) {
		json_t *n = json_string(name), *b = json_string(birth_date);
		char *nj = json_dumps(n, JSON_ENCODE_ANY), *bj = json_dumps(b, JSON_ENCODE_ANY);
		json_decref(n);
		json_decref(b);
		if (!nj || !bj)
			st = mi_error_set(err, MI_EINTERNAL, "out of memory.");
		if (st == MI_OK)
			st = mi_store_draft_save_answer(store, id, "client.name", nj, err);
		if (st == MI_OK)
			st = mi_store_draft_save_answer(store, id, "client.birth_date", bj, err);
		free(nj);
		free(bj);
		if (st != MI_OK)
			return st;
	}
	st = mi_store_draft_load(store, id, answers, err);
	if (st == MI_OK)
		*visit_id = id;
	return st;
}
