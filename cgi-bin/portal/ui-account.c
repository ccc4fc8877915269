/* ui-account.c: "my account": the account's details and changing the
 * password, which signs out every other session */
#include "portal.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "password.h"
#include "resp.h"
#include "session.h"
#include "view.h"

enum { P_CURRENT, P_PASSWORD, P_PASSWORD2, P__MAX };
static const struct param password_params[P__MAX] = {
	{ "current", P_REQUIRED | P_SECRET | P_RAW, 1024, NULL, NULL,
	  NULL }, /* P_CURRENT */
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 128, NULL,
	  password_acceptable, "portal_password_weak" }, /* P_PASSWORD */
	{ "password2", P_REQUIRED | P_SECRET | P_RAW, 128, NULL, NULL,
	  NULL }, /* P_PASSWORD2 */
};

/* Loads the account into Account.*; returns its password hash (NULL on a
 * database error or a vanished account). */
static const char *load(struct req *r)
{
	struct row row;
	int i;

	if (accounts_get(&r->arena, r->sess.account_id, &row) <= 0)
		return NULL;
	for (i = 0; i < row.n; i++)
		if (row.v[i] && strcmp(row.name[i], "pwhash") != 0)
			hdf_set_valuef(r->hdf, "Account.%s=%s", row.name[i],
				       row.v[i]);
	return row_get(&row, "pwhash", NULL);
}

int account_fn(struct req *r)
{
	const char *done = req_query(r, "done");

	if (!load(r))
		return -1;
	if (done && strcmp(done, "password") == 0)
		hdf_set_value(r->hdf, "Page.Notice",
			      view_text(r, "portal.account.changed"));
	return view_render(r, 200, "portal/account.cs");
}

int password_fn(struct req *r)
{
	const char *v[P__MAX], *old;
	char hash[PASSWORD_HASH_MAX], obj[64];

	if (!(old = load(r)))
		return -1;
	if (form_read(r, password_params, P__MAX, v) ||
	    account_mismatch(r, v[P_PASSWORD], v[P_PASSWORD2]))
		return view_render(r, 422, "portal/account.cs");
	if (!password_verify(old, v[P_CURRENT])) {
		view_field_error(r, "current", "err.portal_current_wrong");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return view_render(r, 422, "portal/account.cs");
	}
	if (password_hash(v[P_PASSWORD], hash) != 0) {
		log_err("password hash failed");
		return -1;
	}
	snprintf(obj, sizeof(obj), "portal_account:%lld", r->sess.account_id);
	/* Whoever else holds a session may be who learnt the old password. */
	if (db_begin() < 0 ||
	    accounts_set_password(r->sess.account_id, hash) < 0 ||
	    session_end_all(&portal_session, r->sess.account_id, r->sess.id) <
		    0 ||
	    audit_log(r, "portal.password_change", obj, NULL) < 0 ||
	    db_commit() < 0) {
		db_rollback();
		return -1;
	}
	return resp_redirect(r, "/portal/account?done=password");
}
