/* ui-signin.c: staff sign-in and sign-out, with a lockout after repeated
 * failures */
#include "skr.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "password.h"
#include "resp.h"
#include "session.h"
#include "staff.h"
#include "view.h"

static struct sql q_find = SQL(
	"SELECT id, full_name, pwhash, disabled,"
	" COALESCE(locked_until > UTC_TIMESTAMP(), 0) AS locked"
	" FROM staff WHERE login = ?");
/* locked_until comes first: MariaDB assigns left to right and a later
 * expression sees the new failed_logins. Reaching the limit locks the
 * account and starts the count again for after the lock. */
static struct sql q_fail = SQL(
	"UPDATE staff SET"
	" locked_until = IF(failed_logins + 1 >= ?,"
	"  UTC_TIMESTAMP() + INTERVAL ? SECOND, locked_until),"
	" failed_logins = IF(failed_logins + 1 >= ?, 0, failed_logins + 1)"
	" WHERE id = ?");
static struct sql q_ok = SQL(
	"UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?");

enum { P_LOGIN, P_PASSWORD, P_NEXT, P__MAX };
static const struct param signin_params[P__MAX] = {
	{ "login", P_REQUIRED, 64, NULL, NULL, NULL },		/* P_LOGIN */
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 128, NULL, NULL,
	  NULL },						/* P_PASSWORD */
	{ "next", 0, 512, NULL, NULL, NULL },			/* P_NEXT */
};

/* An unknown login costs as much as a wrong password: the answer's timing
 * must not tell which logins exist. */
static const char *dummy_hash(void)
{
	static char hash[PASSWORD_HASH_MAX];

	if (!hash[0] && password_hash("not-a-staff-password-0", hash) != 0)
		hash[0] = '\0';
	return hash;
}

static const char *next_of(const char *next)
{
	return next && resp_safe_next(next) ? next : "/skr/";
}

static int refuse(struct req *r, int status, const char *key)
{
	hdf_set_value(r->hdf, "Signin.Error", view_text(r, key));
	return view_render(r, status, "skr/signin.cs");
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
	const char *v[P__MAX], *object;
	long long id;
	struct row row;
	int rc;

	if (form_read(r, signin_params, P__MAX, v))
		return view_render(r, 422, "skr/signin.cs");
	rc = db_get(&r->arena, &q_find, &row, "s", v[P_LOGIN]);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		password_verify(dummy_hash(), v[P_PASSWORD]);
		object = arena_printf(&r->arena, "login:%.64s", v[P_LOGIN]);
		audit_log(r, "staff.signin_failed", object, "unknown login");
		return refuse(r, 401, "skr.signin.failed");
	}
	id = row_int(&row, "id", 0);
	object = arena_printf(&r->arena, "staff:%lld", id);
	if (row_int(&row, "locked", 0)) {
		/* No verification while locked: guessing gains nothing. */
		audit_log(r, "staff.signin_failed", object, "locked");
		return refuse(r, 429, "skr.signin.locked");
	}
	if (!password_verify(row_get(&row, "pwhash", NULL), v[P_PASSWORD])) {
		int max = conf_int("Accounts.MaxFailures", 5);

		if (db_exec(&q_fail, "iiii", (long long)max,
			    (long long)conf_int("Accounts.LockSeconds", 900),
			    (long long)max, id) < 0)
			return -1;
		audit_log(r, "staff.signin_failed", object, "wrong password");
		return refuse(r, 401, "skr.signin.failed");
	}
	if (row_int(&row, "disabled", 0)) {
		audit_log(r, "staff.signin_failed", object, "disabled");
		return refuse(r, 403, "skr.signin.disabled");
	}
	if (db_exec(&q_ok, "i", id) < 0)
		return -1;
	/* A session already open in this browser is replaced, not kept. */
	if (r->sess.kind == &staff_session && session_end(r) < 0)
		return -1;
	if (session_start(r, &staff_session, id) < 0)
		return -1;
	snprintf(r->sess.name, sizeof(r->sess.name), "%s",
		 row_get(&row, "full_name", ""));
	audit_log(r, "staff.signin", object, NULL);
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
