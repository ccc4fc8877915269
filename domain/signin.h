/* signin.h: one sign-in for the portal and the intranet: the password
 * check, a wait that grows with the failures of a client address, the
 * audit rows and the e-mail that tells the owner */
#ifndef ZSOG_SIGNIN_H
#define ZSOG_SIGNIN_H

#include "req.h"

/* An account as its program's own query finds it (strings in r's arena). */
struct signin_account {
	long long id;
	const char *pwhash;
	const char *name;  /* shown in the layout once signed in */
	const char *email; /* told of failed sign-ins; NULL: nobody */
	const char *lang;  /* the language the owner reads; NULL: r's */
	/* Why the right password still does not open it: the last part of
	 * an L key under the kind's text ("disabled", "unconfirmed"); NULL
	 * when it may sign in. */
	const char *refusal;
};

/* What differs between the portal and the intranet. */
struct signin_kind {
	const struct session_kind *session;
	const char *name;   /* "portal", "staff": audit actions, backoff rows */
	const char *object; /* audit object of an account: "staff" → staff:42 */
	/* L prefix of the page's messages: <text>.failed, .wait and one per
	 * refusal. */
	const char *text;
	const char *reset; /* the owner's own way back in (a path), or NULL */
	/* Looks login up in the program's table: 1 found (*a filled), 0 no
	 * such account, -1 error. */
	int (*find)(struct req *r, const char *login, struct signin_account *a);
};

/*
 * Checks login and password from r's client address. Signed in: the
 * session in hand of this kind ends, a new one starts, 0 is returned.
 * Otherwise Signin.Error (and for a wait Signin.Until and Signin.Minutes)
 * are set for the page, and the status to answer is returned:
 *   401 wrong login or password;
 *   429 too many failures from this client address (Retry-After set);
 *   403 right password, but the account may not sign in.
 * A login that names no account gets exactly what a wrong password gets.
 * -1: a database error (logged).
 */
int signin_check(struct req *r, const struct signin_kind *k, const char *login,
		 const char *password);
/* The account's password was set anew: no address waits for it any more.
 * Inside the caller's transaction. 0 or -1. */
int signin_forget(const char *kind, long long account);
/* Seconds to wait after the failures-th failure: none up to free, then
 * base, doubling with each failure, at most max. */
long long signin_wait(long long failures, long long free, long long base,
		      long long max);

#endif
