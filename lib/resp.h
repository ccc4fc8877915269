/* resp.h: building the response: status, headers, cookies, redirects and
 * the error page */
#ifndef ZSOG_RESP_H
#define ZSOG_RESP_H

#include "req.h"

void resp_header(struct req *r, const char *name, const char *value);
/* HttpOnly and SameSite=Lax always; Secure when the request came over TLS.
 * max_age < 0 makes a session cookie, 0 deletes. */
void resp_cookie(struct req *r, const char *name, const char *value,
		 const char *path, long max_age);
int resp_send(struct req *r, int status, const char *ctype, const char *body,
	      size_t len);
/* The same with a body in n pieces sent one after another (a kept page
 * between its reader's frame: lib/view.c), so none is copied to join
 * them. */
struct resp_piece {
	const char *p;
	size_t len;
};
int resp_send_pieces(struct req *r, int status, const char *ctype,
		     const struct resp_piece *p, size_t n);
/* Sends b as the CSV attachment filename (a name the program makes, never
 * input: no quotes) and frees b: how every list's .csv route ends. */
int resp_csv(struct req *r, struct buf *b, const char *filename);
/* 303 See Other to a local path (never an absolute URL from input). */
int resp_redirect(struct req *r, const char *location);
/* The error page in the layout, or JSON for clients that ask for it.
 * msgkey names the message under L.err. */
int resp_error(struct req *r, int status, const char *msgkey);
const char *resp_reason(int status);
/* A redirect target from user input is used only if it is a local path. */
int resp_safe_next(const char *next);

#endif
