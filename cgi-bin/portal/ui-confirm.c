/* ui-confirm.c: confirming the e-mail address. The link only shows a
 * button: mail scanners fetch links, and a GET must not change state */
#include "portal.h"

#include <stdio.h>

#include "accounts.h"
#include "audit.h"
#include "db.h"
#include "resp.h"
#include "accounts_token.h"
#include "view.h"

int confirm_form_fn(struct req *r)
{
	const char *t = req_query(r, "t");
	long long id, account;
	enum token_state st = token_find(r, t, "confirm", &id, &account);

	if (st == TOKEN_ERROR)
		return -1;
	if (st != TOKEN_OK)
		return message_page(r, 400, token_message(st), NULL);
	hdf_set_value(r->hdf, "Form.t", t);
	return view_render(r, 200, "portal/confirm.cs");
}

int confirm_fn(struct req *r)
{
	const char *t = req_form(r, "t");
	long long id, account;
	enum token_state st = token_find(r, t, "confirm", &id, &account);
	char obj[64];
	int used;

	if (st == TOKEN_ERROR)
		return -1;
	if (st != TOKEN_OK)
		return message_page(r, 400, token_message(st), NULL);
	if (db_begin() < 0)
		return -1;
	used = token_use(id);
	if (used < 0)
		goto fail;
	if (used == 0) {
		db_rollback();
		return message_page(r, 400, "portal.token.used", NULL);
	}
	snprintf(obj, sizeof(obj), "portal_account:%lld", account);
	if (accounts_activate(account) < 0 ||
	    audit_log(r, "portal.confirm", obj, NULL) < 0 || db_commit() < 0)
		goto fail;
	return resp_redirect(r, "/portal/signin?done=confirmed");
fail:
	db_rollback();
	return -1;
}
