/* ui-signin.c: signing in and out of the portal (the checks, waits and
 * audit are domain/signin.c's, shared with the intranet) */
#include "portal.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "db.h"
#include "form.h"
#include "resp.h"
#include "session.h"
#include "signin.h"
#include "valid.h"
#include "view.h"

/*
 * A wrong e-mail or password answers 401 with one form-level message, too
 * many failures from the client's address 429, a right password for an
 * account that may not sign in 403 (domain/signin.h); a form with an empty
 * field answers 422 with the message beside it, like every form.
 */

enum { P_EMAIL, P_PASSWORD, P_NEXT, P__MAX };
static const struct param signin_params[P__MAX] = {
	{ "email", P_REQUIRED, 254, valid_email_norm, NULL,
	  NULL }, /* P_EMAIL */
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 1024, NULL, NULL,
	  NULL },					/* P_PASSWORD */
	{ "next", 0, 512, NULL, resp_safe_next, NULL }, /* P_NEXT */
};

static int find(struct req *r, const char *email, struct signin_account *a)
{
	struct row row;
	const char *status;
	int rc = accounts_find_signin(&r->arena, email, &row);

	if (rc <= 0)
		return rc;
	a->id = row_int(&row, "id", 0);
	a->pwhash = row_get(&row, "pwhash", NULL);
	a->email = row_get(&row, "email", NULL);
	a->lang = row_get(&row, "lang", NULL);
	a->name = arena_printf(&r->arena, "%s %s",
			       row_get(&row, "first_name", ""),
			       row_get(&row, "last_name", ""));
	status = row_get(&row, "status", "");
	a->refusal = strcmp(status, "active") == 0	  ? NULL
		     : strcmp(status, "unconfirmed") == 0 ? "unconfirmed"
							  : "disabled";
	return 1;
}

static const struct signin_kind portal_signin = {
	.session = &portal_session,
	.name = "portal",
	.object = "portal_account",
	.text = "portal.signin",
	.reset = "/portal/reset",
	.find = find,
};

/* Only known messages: the query never puts its own text on the page. */
static void notice(struct req *r)
{
	const char *done = req_query(r, "done");

	if (done &&
	    (strcmp(done, "confirmed") == 0 || strcmp(done, "reset") == 0 ||
	     strcmp(done, "signedout") == 0)) {
		char key[64];

		snprintf(key, sizeof(key), "portal.signin.done_%s", done);
		hdf_set_value(r->hdf, "Page.Notice", view_text(r, key));
	}
}

int signin_form_fn(struct req *r)
{
	const char *next = req_query(r, "next");

	if (next && resp_safe_next(next))
		hdf_set_value(r->hdf, "Form.next", next);
	notice(r);
	return view_render(r, 200, "portal/signin.cs");
}

int signin_fn(struct req *r)
{
	const char *v[P__MAX];
	int rc;

	if (form_read(r, signin_params, P__MAX, v)) {
		/* A next= that is not a local path is dropped, not an error. */
		if (!v[P_NEXT])
			hdf_remove_tree(r->hdf, "Form.next");
		if (hdf_get_value(r->hdf, "Form.email.Error", NULL) ||
		    hdf_get_value(r->hdf, "Form.password.Error", NULL))
			return view_render(r, 422, "portal/signin.cs");
		hdf_remove_tree(r->hdf, "Page.FormErrors");
	}
	rc = signin_check(r, &portal_signin, v[P_EMAIL], v[P_PASSWORD]);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return view_render(r, rc, "portal/signin.cs");
	return resp_redirect(r, v[P_NEXT] ? v[P_NEXT] : "/");
}

int signout_fn(struct req *r)
{
	char obj[64];

	snprintf(obj, sizeof(obj), "portal_account:%lld", r->sess.account_id);
	audit_log(r, "portal.signout", obj, NULL);
	if (session_end(r) < 0)
		return -1;
	return resp_redirect(r, "/");
}
