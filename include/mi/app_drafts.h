/* app_drafts.h - intakes saved answer by answer: finding, starting and
 * resuming them at the front desk and at the kiosk.
 *
 * The front desk is trusted: mi_app_draft_open finds the open draft of a
 * name and birth date (a known client's, or a kiosk draft of someone not
 * stored yet) or starts one. The kiosk is not: a client there only ever
 * starts a fresh draft (mi_app_kiosk_start, which hands out a resume code)
 * or resumes one with its code (mi_app_kiosk_resume); name and birth date
 * alone never reveal whether a draft exists. Each draft is claimed by the
 * screen that opened it (store.h), so two screens never write one draft.
 */
#ifndef MI_APP_DRAFTS_H
#define MI_APP_DRAFTS_H

#include <stdbool.h>

#include "mi/answers.h"
#include "mi/date.h"
#include "mi/resume.h"
#include "mi/store.h"

/* Finds the open draft of (name, birth_date) or starts one (source,
 * dated today) and loads what it holds: *visit_id and *answers (caller
 * frees) are set; the answers always hold client.name and
 * client.birth_date; *resumed says whether the draft was there before.
 * A draft that has expired from the review queue (app_draft_expiry.h,
 * screened with rules) is not resumed: a new one starts, and the old one
 * is kept. For the front desk. */
mi_status mi_app_draft_open(mi_store *store, const mi_ruleset *rules, const char *name,
			    const char *birth_date, mi_visit_source source, mi_date today,
			    long long *visit_id, mi_answers **answers, bool *resumed, mi_error *err);

/* The open draft of a stored client (an expired one aside, as for
 * mi_app_draft_open), or a new one (from the desk, dated today) holding
 * their name, birth date, phone and e-mail. *resumed says whether it was
 * there before. For the front desk. */
mi_status mi_app_draft_open_client(mi_store *store, const mi_ruleset *rules, long long client_id,
				   mi_date today, long long *visit_id, bool *resumed, mi_error *err);

/* Starts a fresh kiosk draft for (name, birth_date) dated today, claims it
 * for this screen, and gives it a new resume code: code gets the digits to
 * show the client (once; only a hash is stored). *visit_id and *answers
 * (caller frees) as for mi_app_draft_open. */
mi_status mi_app_kiosk_start(mi_store *store, const char *name, const char *birth_date,
			     mi_date today, long long *visit_id, mi_answers **answers,
			     char code[static MI_RESUME_CODE_DIGITS + 1], mi_error *err);

/* Resumes the kiosk draft of (name, birth_date) whose resume code is code,
 * among those mi_store_resumable_drafts allows (begun within max_age_hours,
 * fewer than MI_RESUME_MAX_TRIES wrong codes). The resume is recorded in
 * the audit log first ("resume") and refused when it cannot be; the draft
 * is claimed for this screen. A wrong code counts against every draft of
 * that name and birth date and is audited ("resume failed").
 * Errors: MI_EDATA a code that is not 6 digits; MI_ENOTFOUND no draft
 * opens with this code, whatever the reason (wrong code, none there, too
 * old, too many tries, expired from the review queue on today's date as
 * mi_app_drafts sees it with rules), in one sentence that does not say which;
 * MI_ETEMPFAIL the draft is open on another screen (or the database stayed
 * busy); MI_EIO the database failed. */
mi_status mi_app_kiosk_resume(mi_store *store, const mi_ruleset *rules, const char *name,
			      const char *birth_date, const char *code, long max_age_hours,
			      mi_date today, long long *visit_id, mi_answers **answers, mi_error *err);

/* Opens a draft on this screen: claims it (mi_store_draft_claim: refused
 * with MI_ETEMPFAIL while another screen writes it) and loads the answers
 * saved so far into *answers (caller frees). On failure the claim is given
 * up again. */
mi_status mi_app_draft_take(mi_store *store, long long visit_id, mi_answers **answers,
			    mi_error *err);

/* Gives up this screen's claim on the draft (nothing when it holds none);
 * best effort: a claim left behind is taken over once this program ends. */
void mi_app_draft_release(mi_store *store, long long visit_id);

/* Saves one answer of a draft as it is given: the value answers hold for
 * key, or its removal when key is not answered there
 * (mi_store_draft_save_answer). */
mi_status mi_app_draft_save_answer(mi_store *store, long long visit_id,
				   const mi_answers *answers, const char *key, mi_error *err);

#endif
