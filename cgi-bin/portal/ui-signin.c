/* ui-signin.c: signing in and out of the portal, with the lock after
 * repeated failures */
#include "portal.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "password.h"
#include "resp.h"
#include "session.h"
#include "valid.h"
#include "view.h"

/*
 * Failed sign-ins answer 401 with one form-level message; a form with an
 * empty field answers 422 with the message beside it, like every form.
 */

enum { P_EMAIL, P_PASSWORD, P_NEXT, P__MAX };
static const struct param signin_params[P__MAX] = {
	{ "email", P_REQUIRED, 254, valid_email_norm, NULL, NULL },	/* P_EMAIL */
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 1024, NULL, NULL, NULL },	/* P_PASSWORD */
	{ "next", 0, 512, NULL, resp_safe_next, NULL },	/* P_NEXT */
};

static struct sql q_find = SQL(
	"SELECT id, pwhash, status, failed_logins, first_name, last_name,"
	" locked_until IS NOT NULL AND locked_until > UTC_TIMESTAMP() AS locked"
	" FROM portal_account WHERE email = ?");
/* The lock starts at the MaxFailures-th failure in a row, and the count
 * starts again, so after the lock the user has the full number of tries.
 * Both assignments read the old count, whichever order MariaDB uses. */
static struct sql q_failed = SQL(
	"UPDATE portal_account SET"
	" locked_until = IF(failed_logins + 1 >= ?,"
	"   UTC_TIMESTAMP() + INTERVAL ? SECOND, locked_until),"
	" failed_logins = IF(failed_logins + 1 >= ?, 0, failed_logins + 1)"
	" WHERE id = ?");
static struct sql q_ok = SQL(
	"UPDATE portal_account SET failed_logins = 0, locked_until = NULL"
	" WHERE id = ?");

/* Unknown addresses are checked against this hash (of a password nobody
 * has) so that they take as long as known ones; the cost is the
 * configured default, read from the hash itself. */
static const char dummy_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$GNe6bPiz3uvxic1cSCqtwA$"
	"rDZGC9I0xbVJASupO6vv99vNzmRRRyvEpBRuhq0Cr3g";

/* Only known messages: the query never puts its own text on the page. */
static void notice(struct req *r)
{
	const char *done = req_query(r, "done");

	if (done && (strcmp(done, "confirmed") == 0 ||
		     strcmp(done, "reset") == 0 ||
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

static int refuse(struct req *r, const char *key)
{
	hdf_set_value(r->hdf, "Signin.Error", view_text(r, key));
	return view_render(r, 401, "portal/signin.cs");
}

int signin_fn(struct req *r)
{
	const char *v[P__MAX];
	struct row row;
	long long id;
	const char *status;
	char obj[64];
	int rc, max = conf_int("Accounts.MaxFailures", 5);

	if (form_read(r, signin_params, P__MAX, v)) {
		/* A next= that is not a local path is dropped, not an error. */
		if (!v[P_NEXT])
			hdf_remove_tree(r->hdf, "Form.next");
		if (hdf_get_value(r->hdf, "Form.email.Error", NULL) ||
		    hdf_get_value(r->hdf, "Form.password.Error", NULL))
			return view_render(r, 422, "portal/signin.cs");
		hdf_remove_tree(r->hdf, "Page.FormErrors");
	}
	rc = db_get(&r->arena, &q_find, &row, "s", v[P_EMAIL]);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		password_verify(dummy_hash, v[P_PASSWORD]);
		return refuse(r, "portal.signin.failed");
	}
	id = row_int(&row, "id", 0);
	snprintf(obj, sizeof(obj), "portal_account:%lld", id);
	if (row_int(&row, "locked", 0))
		return refuse(r, "portal.signin.locked");
	if (!password_verify(row_get(&row, "pwhash", NULL), v[P_PASSWORD])) {
		int locks = row_int(&row, "failed_logins", 0) + 1 >= max;

		if (db_exec(&q_failed, "iiii", (long long)max,
			    (long long)conf_int("Accounts.LockSeconds", 900),
			    (long long)max, id) < 0)
			return -1;
		audit_log(r, locks ? "portal.locked" : "portal.signin_failed",
			  obj, NULL);
		return refuse(r, locks ? "portal.signin.locked" : "portal.signin.failed");
	}
	/* Only the holder of the password learns the account's state. */
	status = row_get(&row, "status", "");
	if (strcmp(status, "unconfirmed") == 0)
		return refuse(r, "portal.signin.unconfirmed");
	if (strcmp(status, "active") != 0)
		return refuse(r, "portal.signin.disabled");
	if (db_exec(&q_ok, "i", id) < 0)
		return -1;
	/* Signing in as someone else ends the session in hand. */
	if (r->sess.kind == &portal_session && session_drop(r->sess.id) < 0)
		return -1;
	if (session_start(r, &portal_session, id) < 0)
		return -1;
	snprintf(r->sess.name, sizeof(r->sess.name), "%s %s",
		 row_get(&row, "first_name", ""), row_get(&row, "last_name", ""));
	audit_log(r, "portal.signin", obj, NULL);
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
