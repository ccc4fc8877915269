/* account.c: small pieces the account pages share: e-mail and name
 * checks, the password repeat, the link in an e-mail */
#include "portal.h"

#include <string.h>

#include "conf.h"
#include "valid.h"
#include "view.h"

int account_name_ok(const char *s)
{
	return valid_text(s, 100);
}

int account_mismatch(struct req *r, const char *pw, const char *pw2)
{
	if (!pw || !pw2 || strcmp(pw, pw2) == 0)
		return 0;
	view_field_error(r, "password2", "err.portal_password_mismatch");
	hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	return 1;
}

void account_mail_link(struct req *r, const char *path, const char *token)
{
	hdf_set_valuef(r->hdf, "Mail.Link=%s%s?t=%s",
		       conf_get("Site.BaseUrl", "http://127.0.0.1:8080"), path,
		       token);
}
