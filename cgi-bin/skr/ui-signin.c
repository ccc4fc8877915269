/* ui-signin.c: staff sign-in and sign-out (the checks, waits and audit are
 * domain/signin.c's, shared with the portal) */
#include "skr.h"

#include <stdio.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "resp.h"
#include "session.h"
#include "signin.h"
#include "staff.h"
#include "view.h"

enum { P_LOGIN, P_PASSWORD, P_NEXT, P__MAX };
static const struct param signin_params[P__MAX] = {
	{ "login", P_REQUIRED, 64, NULL, NULL, NULL }, /* P_LOGIN */
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 128, NULL, NULL,
	  NULL },			      /* P_PASSWORD */
	{ "next", 0, 512, NULL, NULL, NULL }, /* P_NEXT */
};

static int find(struct req *r, const char *login, struct signin_account *a)
{
	struct row row;
	int rc = staff_find_signin(&r->arena, login, &row);

	if (rc <= 0)
		return rc;
	a->id = row_int(&row, "id", 0);
	a->pwhash = row_get(&row, "pwhash", NULL);
	a->name = row_get(&row, "full_name", "");
	a->email = row_get(&row, "email", NULL);
	a->lang = row_get(&row, "lang", NULL);
	a->refusal = row_int(&row, "disabled", 0) ? "disabled" : NULL;
	return 1;
}

/* Staff have no reset page of their own: an administrator sets a new
 * password. */
static const struct signin_kind staff_signin = {
	.session = &staff_session,
	.name = "staff",
	.object = "staff",
	.text = "skr.signin",
	.reset = NULL,
	.find = find,
};

static const char *next_of(const char *next)
{
	return next && resp_safe_next(next) ? next : "/skr/";
}

int signin_form_fn(struct req *r)
{
	const char *next = req_query(r, "next");

	if (r->sess.kind == &staff_session)
		return resp_redirect(r, next_of(next));
	if (next && resp_safe_next(next))
		hdf_set_value(r->hdf, "Form.next", next);
	if (req_query(r, "bye"))
		hdf_set_value(r->hdf, "Page.Notice",
			      view_text(r, "skr.signin.signed_out"));
	return view_render(r, 200, "skr/signin.cs");
}

int signin_fn(struct req *r)
{
	const char *v[P__MAX];
	int rc;

	if (form_read(r, signin_params, P__MAX, v))
		return view_render(r, 422, "skr/signin.cs");
	rc = signin_check(r, &staff_signin, v[P_LOGIN], v[P_PASSWORD]);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return view_render(r, rc, "skr/signin.cs");
	return resp_redirect(r, next_of(v[P_NEXT]));
}

int signout_fn(struct req *r)
{
	char object[48];

	snprintf(object, sizeof(object), "staff:%lld", r->sess.account_id);
	audit_log(r, "staff.signout", object, NULL);
	if (session_end(r) < 0)
		return -1;
	return resp_redirect(r, "/skr/signin?bye=1");
}
