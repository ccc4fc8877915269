/* session.h: server-side sessions: a random token in an HttpOnly cookie,
 * its SHA-256 in the database, idle and absolute expiry */
#ifndef ZSOG_SESSION_H
#define ZSOG_SESSION_H

#include "req.h"

struct sql;

/*
 * A kind of session: who signs in where. The module that owns those
 * accounts describes it; a program lists the kinds its pages use (struct
 * service .sessions), and a request is served by the kind whose path is the
 * longest prefix of its own: that kind's session is looked up, a page that
 * needs one sends the visitor to its sign-in page, and the layout draws its
 * look, on error pages too.
 */
struct session_kind {
	const char *name;   /* session.kind in the database, Session.Kind */
	const char *cookie; /* the session cookie's name */
	const char *path;   /* its Path, and the pages the kind serves */
	const char *signin; /* where pages that need a session send one */
	const char *home;   /* its start page: Page.Home */
	const char *look;   /* Page.Look: which header the layout draws */
	/* The signed-in account: one parameter, the account id; columns name
	 * and email, and if the kind has them unit_id, national (1: the unit
	 * is the top of its hierarchy) and roles (names, comma-separated).
	 * No row: the account may no longer sign in. */
	struct sql *account;
	/* Role names, bit i being roles[i], NULL-ended; NULL: no roles. */
	const char *const *roles;
	/* Remembers the language the account reads (its mail goes in it):
	 * parameters the language and the account id; run when a signed-in
	 * person switches language, and at sign-in when one was chosen
	 * before (the lang cookie). NULL: not kept. */
	struct sql *set_lang;
};

/* Looks the cookie of kind up; fills r->sess. Returns 1 signed in, 0 not
 * (an expired session is removed and Page.SessionExpired set), -1 error. */
int session_load(struct req *r, const struct session_kind *kind);
/* Starts a new session (a new token every sign-in) and sets the cookie. */
int session_start(struct req *r, const struct session_kind *kind,
		  long long account);
/* The signed-in account now reads r->lang: kept for its mail. Errors
 * are logged and change nothing else (a page is still a page). */
void session_remember_lang(struct req *r);
/* Ends the current session and clears the cookie. */
int session_end(struct req *r);
/* Ends every session of an account (password changed or reset, account
 * disabled), except keep_id if not 0. */
int session_end_all(const struct session_kind *kind, long long account,
		    long long keep_id);
/* Ends the session row id (signing in as someone else). */
int session_drop(long long id);

/* A kind's role by name and back: 0 and "" for none. */
unsigned session_role_bit(const struct session_kind *kind, const char *name);
const char *session_role_name(const struct session_kind *kind, unsigned bit);

/* CSRF tokens are an HMAC of the session token (or, before sign-in, of an
 * anonymous cookie) under a server secret: nothing to store. */
const char *csrf_token(struct req *r);
int csrf_check(struct req *r);
/* Exposed for tests: token for a key into out (65 bytes). */
void csrf_compute(const char *key, char out[65]);
void csrf_set_secret(const char *hex);
/* HMAC-SHA256 of label ":" text under the same secret (no label is
 * "csrf"): what the database may keep of a typed login or address when
 * it must not keep the text. */
void session_mac(const char *label, const char *text, unsigned char out[32]);

#endif
