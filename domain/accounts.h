/* accounts.h: portal accounts (portal_account), their one-time e-mail
 * tokens (accounts_token.c), the mail throttle (accounts_throttle.c) and
 * the portal's kind of session (accounts_session.c: zsog_portal
 * everywhere outside /skr/, the portal look) */
#ifndef ZSOG_ACCOUNTS_H
#define ZSOG_ACCOUNTS_H

#include "db.h"
#include "route.h"
#include "session.h"
#include "util.h"

/* The lookups fill *row (strings in arena a): 1 found, 0 none, -1 error. */

/* email, first_name, last_name, country, phone, pwhash of one account. */
int accounts_get(struct arena *a, long long id, struct row *row);
/* id, pwhash, status, email, first_name, last_name, lang: for signing
 * in. lang: the language the account reads, for its mail (pl, en). */
int accounts_find_signin(struct arena *a, const char *email, struct row *row);
/* id, first_name, lang of the account holding email, whatever its
 * status. */
int accounts_find(struct arena *a, const char *email, struct row *row);
/* id, first_name, lang of an active or unconfirmed account: may reset. */
int accounts_find_resettable(struct arena *a, const char *email,
			     struct row *row);

/* An unconfirmed account reading lang; its id in *id. 0, -2 when the
 * address was taken meanwhile, -1 on error. */
int accounts_create(const char *email, const char *first, const char *last,
		    const char *country, const char *phone, const char *pwhash,
		    const char *lang, long long *id);
/* Affected rows (0 when already active), or -1. */
long long accounts_activate(long long id);
/* Affected rows, or -1. */
long long accounts_set_password(long long id, const char *pwhash);
/* A reset's new password, which also confirms an unconfirmed account;
 * affected rows (0: the account went meanwhile), or -1. */
long long accounts_reset_password(long long id, const char *pwhash);
/* Every unused reset token of the account is spent: 0 or -1. */
int accounts_reset_tokens_spend(long long id);

/* A page of a signed-in portal user. portal_session serves every path
 * but /skr/, so there R_SIGNIN asks for it. */
#define R_PORTAL R_SIGNIN

/* ---- the portal's kind of session (accounts_session.c) ---- */

extern const struct session_kind portal_session;

/* ---- what e-Customer asks about an account (accounts_contact.c) ---- */

/* Portal account id's contact data (first_name, last_name, country,
 * phone, email, lang) into row: 1, 0 none, -1. */
int accounts_contact(struct arena *a, long long id, struct row *row);

#endif
