/* accounts_session.c: the portal's kind of session: the account behind a
 * session */
#include "accounts.h"

#include "db.h"

/* An account no longer active (disabled by an administrator) ends
 * its sessions at its next page. */
static struct sql q_account = SQL(
	"SELECT CONCAT(first_name, ' ', last_name) AS name, email"
	" FROM portal_account WHERE id = ? AND status = 'active'");

static struct sql q_lang = SQL(
	"UPDATE portal_account SET lang = ? WHERE id = ?");

const struct session_kind portal_session = {
	.name = "portal",
	.cookie = "zsog_portal",
	.path = "/",
	.signin = "/portal/signin",
	.home = "/",
	.look = "portal",
	.account = &q_account,
	.roles = NULL,
	.set_lang = &q_lang,
};
