/* accounts_token.h: single-use tokens sent by e-mail (confirm, reset): the link
 * carries a random token, the database keeps only its SHA-256 */
#ifndef ZSOG_ACCOUNTS_TOKEN_H
#define ZSOG_ACCOUNTS_TOKEN_H

#include "req.h"

enum token_state {
	TOKEN_OK,
	TOKEN_UNKNOWN, /* never issued, mistyped, or another purpose */
	TOKEN_USED,
	TOKEN_EXPIRED,
	TOKEN_ERROR, /* the database failed */
};

/* 64 lower-case hex digits: what token_issue hands out. */
int token_well_formed(const char *t);
/* Issues a token of purpose ("confirm", "reset") for account, valid for
 * seconds; out receives the token for the link. 0 or -1. Account 0 (an
 * address without one) does the same work and stores nothing: a reset
 * must take as long for it. */
int token_issue(long long account, const char *purpose, long long seconds,
		char out[65]);
/* Looks t up; on TOKEN_OK *id and *account are set. */
enum token_state token_find(struct req *r, const char *t, const char *purpose,
			    long long *id, long long *account);
/* Marks the token used if it still is usable: 1 when this call did, 0 when
 * another request got there first (or it expired meanwhile), -1 error. */
int token_use(long long id);
/* The L key of the message page for a token that is not TOKEN_OK. */
const char *token_message(enum token_state st);

#endif
