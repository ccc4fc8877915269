/* ui-signup.c: opening a portal account: the form, the unconfirmed
 * account and the e-mail with the confirmation link, or for an address
 * that has an account already, an e-mail to its owner */
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
#include "accounts_throttle.h"
#include "accounts_token.h"
#include "valid.h"
#include "view.h"

enum {
	P_FIRST,
	P_LAST,
	P_COUNTRY,
	P_EMAIL,
	P_PHONE,
	P_PASSWORD,
	P_PASSWORD2,
	P__MAX
};
static const struct param signup_params[P__MAX] = {
	{ "first_name", P_REQUIRED, 100, NULL, account_name_ok,
	  "invalid" }, /* P_FIRST */
	{ "last_name", P_REQUIRED, 100, NULL, account_name_ok,
	  "invalid" }, /* P_LAST */
	/* Longer than a code so a wrong value says "choose", not "too long". */
	{ "country", P_REQUIRED, 8, NULL, valid_country,
	  "country" }, /* P_COUNTRY */
	{ "email", P_REQUIRED, 254, valid_email_norm, valid_email,
	  "email" },						 /* P_EMAIL */
	{ "phone", P_REQUIRED, 20, NULL, valid_phone, "phone" }, /* P_PHONE */
	{ "password", P_REQUIRED | P_SECRET | P_RAW, 128, NULL,
	  password_acceptable, "portal_password_weak" }, /* P_PASSWORD */
	{ "password2", P_REQUIRED | P_SECRET | P_RAW, 128, NULL, NULL,
	  NULL }, /* P_PASSWORD2 */
};

int signup_form_fn(struct req *r)
{
	/* Most of our users are Polish companies. */
	hdf_set_value(r->hdf, "Form.country", "PL");
	return view_render(r, 200, "portal/signup.cs");
}

int signup_sent_fn(struct req *r)
{
	return message_page(r, 200, "portal.signup.sent", NULL);
}

/* The address has an account: its owner, not the visitor, learns that,
 * by e-mail, with the ways back in. */
static int tell_owner(struct req *r, const char *email, struct row *row)
{
	const char *base = conf_get("Site.BaseUrl", "http://127.0.0.1:8080");
	char obj[64];

	snprintf(obj, sizeof(obj), "portal_account:%lld",
		 row_int(row, "id", 0));
	hdf_set_value(r->hdf, "Mail.Name", row_get(row, "first_name", ""));
	hdf_set_valuef(r->hdf, "Mail.Signin=%s/portal/signin", base);
	hdf_set_valuef(r->hdf, "Mail.Reset=%s/portal/reset", base);
	if (outbox_put_lang(r, row_get(row, "lang", NULL), email,
			    "portal.mail.taken_subject",
			    "mail/signup_taken.cs") < 0 ||
	    audit_log(r, "portal.signup_taken", obj, NULL) < 0)
		return -1;
	return 0;
}

/* The unconfirmed account and its confirmation e-mail. -2: the address
 * was taken by another sign-up a moment ago. */
static int open_account(struct req *r, const char *const *v, const char *hash)
{
	char token[65], obj[64];
	long long id;
	int rc = accounts_create(v[P_EMAIL], v[P_FIRST], v[P_LAST],
				 v[P_COUNTRY], v[P_PHONE], hash, r->lang, &id);

	if (rc < 0)
		return rc;
	if (token_issue(id, "confirm",
			(long long)conf_int("Accounts.ConfirmHours", 48) * 3600,
			token) < 0)
		return -1;
	account_mail_link(r, "/portal/confirm", token);
	hdf_set_value(r->hdf, "Mail.Name", v[P_FIRST]);
	hdf_set_int_value(r->hdf, "Mail.Hours",
			  conf_int("Accounts.ConfirmHours", 48));
	snprintf(obj, sizeof(obj), "portal_account:%lld", id);
	if (outbox_put(r, v[P_EMAIL], "portal.mail.confirm_subject",
		       "mail/confirm.cs") < 0 ||
	    audit_log(r, "portal.signup", obj, v[P_EMAIL]) < 0)
		return -1;
	return 0;
}

/*
 * A new address and one that has an account get the same answer, "check
 * your e-mail", after the same work (the password is hashed either way):
 * the sign-up form must not tell who has an account.
 */
int signup_fn(struct req *r)
{
	const char *v[P__MAX];
	char hash[PASSWORD_HASH_MAX];
	struct row row;
	int rc, attempt;

	if (form_read(r, signup_params, P__MAX, v) ||
	    account_mismatch(r, v[P_PASSWORD], v[P_PASSWORD2]))
		return view_render(r, 422, "portal/signup.cs");
	/* Hashing takes a tenth of a second: outside the transaction. */
	if (password_hash(v[P_PASSWORD], hash) != 0) {
		log_err("password hash failed");
		return -1;
	}
	/* A second try only when another sign-up took the address between
	 * the look-up and the insert: then it has an account. */
	for (attempt = 0; attempt < 2; attempt++) {
		if (db_begin() < 0)
			return -1;
		rc = throttle_mail(r, "signup", v[P_EMAIL]);
		if (rc == 0) {
			db_rollback();
			return view_render(r, 429, "portal/signup.cs");
		}
		if (rc > 0)
			rc = accounts_find(&r->arena, v[P_EMAIL], &row);
		if (rc > 0)
			rc = tell_owner(r, v[P_EMAIL], &row);
		else if (rc == 0)
			rc = open_account(r, v, hash);
		if (rc == 0 && db_commit() == 0)
			return resp_redirect(r, "/portal/signup/sent");
		db_rollback();
		if (rc != -2)
			return -1;
	}
	return -1;
}
