/* fake-req.h: a request as the platform's router and sessions see it, set
 * up without a server, and two kinds of session as the modules above the
 * platform describe them (test-route.c, test-session.c). Implemented in
 * fake-req.c, linked into the tests that include this. */
#ifndef ZSOG_FAKE_REQ_H
#define ZSOG_FAKE_REQ_H

#include "req.h"
#include "session.h"

/* Members everywhere ("/", cookie t_member, no roles); clerks under
 * /desk/ (cookie t_clerk) with the roles teller (1), manager (2) and
 * audit (4). */
extern const struct session_kind fake_member, fake_clerk;

/* r zeroed, then method, path, the language "en" and an empty HDF (the
 * caller fills the rest: service, cookie, FastCGI streams). */
void fake_req_init(struct req *r, const char *method, const char *path);
/* What fake_req_init and the code under test allocated: the HDF, the
 * response headers, the arena. */
void fake_req_free(struct req *r);

#endif
