/* fake-req.c: a request without a server and two kinds of session for the
 * unit tests of the platform (fake-req.h) */
#include "fake-req.h"

#include <stdlib.h>
#include <string.h>

static const char *const clerk_roles[] = { "teller", "manager", "audit", NULL };

const struct session_kind fake_member = {
	.name = "member",
	.cookie = "t_member",
	.path = "/",
	.signin = "/signin",
	.home = "/",
	.look = "plain",
};

const struct session_kind fake_clerk = {
	.name = "clerk",
	.cookie = "t_clerk",
	.path = "/desk/",
	.signin = "/desk/signin",
	.home = "/desk/",
	.look = "desk",
	.roles = clerk_roles,
};

void fake_req_init(struct req *r, const char *method, const char *path)
{
	NEOERR *err;

	memset(r, 0, sizeof(*r));
	r->method = method;
	r->path = path;
	r->lang = "en";
	/* Without an HDF nothing under test can run: stop here. */
	err = hdf_init(&r->hdf);
	if (err) {
		nerr_ignore(&err);
		abort();
	}
}

void fake_req_free(struct req *r)
{
	hdf_destroy(&r->hdf);
	buf_free(&r->headers);
	arena_reset(&r->arena);
}
