/* session.h: server-side sessions: a random token in an HttpOnly cookie,
 * its SHA-256 in the database, idle and absolute expiry */
#ifndef ZSOG_SESSION_H
#define ZSOG_SESSION_H

#include "req.h"

/* Looks the cookie of kind up; fills r->sess. Returns 1 signed in, 0 not
 * (an expired session is removed and Page.SessionExpired set), -1 error. */
int session_load(struct req *r, enum session_kind kind);
/* Starts a new session (a new token every sign-in) and sets the cookie. */
int session_start(struct req *r, enum session_kind kind, long long account);
/* Ends the current session and clears the cookie. */
int session_end(struct req *r);
/* Ends every session of an account (password changed or reset, account
 * disabled), except keep_id if not 0. */
int session_end_all(enum session_kind kind, long long account,
		    long long keep_id);
/* Ends the session row id (signing in as someone else). */
int session_drop(long long id);
const char *session_cookie_name(enum session_kind kind);

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
