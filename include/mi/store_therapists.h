/* store_therapists.h - the clinic's accounts: each therapist and
 * front-desk person by name, with an Argon2id hash of their own PIN.
 *
 * The first account ever added is the clinic's owner: only the owner adds
 * and disables accounts afterwards (app: mi_app_account_add). An account
 * is never deleted, since the audit log and the notes name it; a disabled
 * one can no longer sign in. Names are plain one-line text, kept as typed
 * (after Unicode NFC) and matched folded (fold.h): "Ana", "ana" and "ÁNA"
 * name one account, for adding, signing in, --as and disabling. The audit log records "account add" and
 * "account disable" (table therapists, the account's id), never a hash.
 */
#ifndef MI_STORE_THERAPISTS_H
#define MI_STORE_THERAPISTS_H

#include <stdbool.h>
#include <stddef.h>

#include "mi/store.h"

/* What an account may do (docs/SECURITY.md, "Accounts and roles"). */
typedef enum mi_role {
	MI_ROLE_THERAPIST = 0, /* clinical notes, plans, flags with their notes and sources */
	MI_ROLE_FRONT_DESK,    /* clients, intakes, printing, the review queue; no session notes */
} mi_role;

/* "therapist", "front-desk". */
const char *mi_role_name(mi_role role);

/* Reads "therapist" or "front-desk"; false for anything else. */
bool mi_role_parse(const char *text, mi_role *role);

/* Longest account name, in bytes. */
enum { MI_ACCOUNT_NAME_MAX = 80 };

typedef struct mi_account {
	long long id;
	char *name;
	mi_role role;
	bool owner;
	bool active;
	char *pin_hash; /* Argon2id */
	char *created;  /* "YYYY-MM-DDTHH:MM:SSZ" */
} mi_account;

typedef struct mi_account_list {
	mi_account *items;
	size_t count;
} mi_account_list;

/* Frees what the account owns (the hash wiped first) and zeroes it. */
void mi_account_clear(mi_account *account);

/* Frees the list's accounts and zeroes it. */
void mi_account_list_clear(mi_account_list *list);

/* Every account (active_only: the active ones), ordered by name. Fills
 * *out (caller clears). */
mi_status mi_store_accounts(mi_store *store, bool active_only, mi_account_list *out,
			    mi_error *err);

/* The account called name, or a name that folds like it; MI_ENOTFOUND
 * when there is none. Fills *out (caller clears). */
mi_status mi_store_account_get(mi_store *store, const char *name, mi_account *out,
			       mi_error *err);

/* Adds an active account in one transaction; the first account of the
 * database becomes the owner (*owner tells, when not NULL). A name that is
 * not plain one-line text of at most MI_ACCOUNT_NAME_MAX bytes, that
 * folds like one taken, or that is a program's name in the audit log
 * ("cli", "desk", "kiosk", "set-pin") is MI_EDATA. */
mi_status mi_store_account_add(mi_store *store, const char *name, mi_role role,
			       const char *pin_hash, bool *owner, mi_error *err);

/* Disables the account (it can no longer sign in). The owner cannot be
 * disabled (MI_EDATA); an unknown name is MI_ENOTFOUND. */
mi_status mi_store_account_disable(mi_store *store, const char *name, mi_error *err);

/* Replaces the account's PIN hash (after a PIN change or with today's
 * hashing limits); audited as "account pin". */
mi_status mi_store_account_set_pin(mi_store *store, const char *name, const char *pin_hash,
				   mi_error *err);

#endif
