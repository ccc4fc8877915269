/* ui-reset.c: a forgotten password: a single-use, expiring link by e-mail,
 * then a new password that ends every session and every sign-in wait */
#include "portal.h"

#include <stdio.h>

#include "accounts.h"
#include "audit.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "outbox.h"
#include "password.h"
#include "resp.h"
#include "session.h"
#include "signin.h"
#include "accounts_throttle.h"
#include "accounts_token.h"
#include "valid.h"
#include "view.h"

static const struct param reset_params[] = {
	{ "email", P_REQUIRED, 254, valid_email_norm, valid_email, "email" },
};

enum { P_T, P_PASSWORD, P_PASSWORD2, P__MAX };
static const struct param new_params[P__MAX] = {
	{ "t", P_REQUIRED, 64, NULL, token_well_formed, NULL }, /* P_T */
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 128, NULL,
	  password_acceptable, "portal_password_weak" }, /* P_PASSWORD */
	{ "password2", P_REQUIRED | P_SECRET | P_RAW, 128, NULL, NULL,
	  NULL }, /* P_PASSWORD2 */
};

int reset_form_fn(struct req *r)
{
	return view_render(r, 200, "portal/reset.cs");
}

int reset_sent_fn(struct req *r)
{
	return message_page(r, 200, "portal.reset.sent", NULL);
}

/*
 * Known or not, the address gets the same answer after the same work, in
 * the same statements: the request counted, a token made and hashed and
 * its INSERT run (storing nothing without an account), an e-mail rendered
 * and queued, the request audited, one commit. An address without an
 * account is told so by its e-mail, never by the page. (Before, answering
 * an unknown address at once took 2.1 ms against 5.5: the timing told
 * which addresses have accounts.)
 */
int reset_fn(struct req *r)
{
	const char *email, *obj = "login:unknown";
	char token[65];
	struct row row;
	long long id = 0;
	int rc, minutes = conf_int("Accounts.ResetMinutes", 60);

	if (form_read(r, reset_params, 1, &email))
		return view_render(r, 422, "portal/reset.cs");
	if (db_begin() < 0)
		return -1;
	rc = throttle_mail(r, "reset", email);
	if (rc == 0) {
		db_rollback();
		return view_render(r, 429, "portal/reset.cs");
	}
	if (rc > 0)
		rc = accounts_find_resettable(&r->arena, email, &row);
	if (rc < 0)
		goto fail;
	if (rc > 0) {
		id = row_int(&row, "id", 0);
		obj = arena_printf(&r->arena, "portal_account:%lld", id);
		hdf_set_value(r->hdf, "Mail.Name",
			      row_get(&row, "first_name", ""));
	}
	if (token_issue(id, "reset", (long long)minutes * 60, token) < 0)
		goto fail;
	account_mail_link(r, "/portal/reset/confirm", token);
	hdf_set_int_value(r->hdf, "Mail.Minutes", minutes);
	hdf_set_valuef(r->hdf, "Mail.Signup=%s/portal/signup",
		       conf_get("Site.BaseUrl", "http://127.0.0.1:8080"));
	/* An account's owner reads it in their language; an address
	 * without one in the page's. */
	if (outbox_put_lang(r, id ? row_get(&row, "lang", NULL) : NULL, email,
			    "portal.mail.reset_subject",
			    id ? "mail/reset.cs" : "mail/reset_none.cs") < 0 ||
	    audit_log(r, "portal.reset_request", obj, NULL) < 0 ||
	    db_commit() < 0)
		goto fail;
	return resp_redirect(r, "/portal/reset/sent");
fail:
	db_rollback();
	return -1;
}

int reset_confirm_form_fn(struct req *r)
{
	const char *t = req_query(r, "t");
	long long id, account;
	enum token_state st = token_find(r, t, "reset", &id, &account);

	if (st == TOKEN_ERROR)
		return -1;
	if (st != TOKEN_OK)
		return message_page(r, 400, token_message(st), "/portal/reset");
	hdf_set_value(r->hdf, "Form.t", t);
	return view_render(r, 200, "portal/reset_confirm.cs");
}

int reset_confirm_fn(struct req *r)
{
	const char *v[P__MAX];
	char hash[PASSWORD_HASH_MAX], obj[64];
	long long id, account;
	enum token_state st;
	long long changed;
	int bad = form_read(r, new_params, P__MAX, v), used;

	/* The token first: with a dead link a new password is moot. */
	st = token_find(r, v[P_T], "reset", &id, &account);
	if (st == TOKEN_ERROR)
		return -1;
	if (st != TOKEN_OK)
		return message_page(r, 400, token_message(st), "/portal/reset");
	if (bad || account_mismatch(r, v[P_PASSWORD], v[P_PASSWORD2]))
		return view_render(r, 422, "portal/reset_confirm.cs");
	if (password_hash(v[P_PASSWORD], hash) != 0) {
		log_err("password hash failed");
		return -1;
	}
	snprintf(obj, sizeof(obj), "portal_account:%lld", account);
	if (db_begin() < 0)
		return -1;
	used = token_use(id);
	if (used < 0)
		goto fail;
	if (used == 0) {
		db_rollback();
		return message_page(r, 400, "portal.token.used",
				    "/portal/reset");
	}
	/* Disabled since the link was sent: the link is dead too. */
	changed = accounts_reset_password(account, hash);
	if (changed < 0)
		goto fail;
	if (changed == 0) {
		db_rollback();
		return message_page(r, 400, "portal.token.unknown",
				    "/portal/reset");
	}
	if (accounts_reset_tokens_spend(account) < 0 ||
	    signin_forget("portal", account) < 0 ||
	    session_end_all(&portal_session, account, 0) < 0 ||
	    audit_log(r, "portal.reset", obj, NULL) < 0 || db_commit() < 0)
		goto fail;
	return resp_redirect(r, "/portal/signin?done=reset");
fail:
	db_rollback();
	return -1;
}
