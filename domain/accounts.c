/* accounts.c: portal accounts: the only statements that name portal_account
 * (besides the token's, which goes through the account's row) */
#include "accounts.h"

/* Always by an id the caller took from its session or token. */
static struct sql q_get = SQL(
	"SELECT email, first_name, last_name, country, phone, pwhash"
	" FROM portal_account WHERE id = ?");
static struct sql q_find_signin = SQL(
	"SELECT id, pwhash, status, email, first_name, last_name, lang"
	" FROM portal_account WHERE email = ?");
static struct sql q_find = SQL(
	"SELECT id, first_name, lang FROM portal_account WHERE email = ?");
/* A disabled account stays disabled: no reset link for it. */
static struct sql q_find_resettable = SQL(
	"SELECT id, first_name, lang FROM portal_account"
	" WHERE email = ? AND status IN ('active', 'unconfirmed')");
static struct sql q_insert = SQL(
	"INSERT INTO portal_account (email, first_name, last_name, country,"
	" phone, pwhash, lang, status, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, 'unconfirmed', UTC_TIMESTAMP())");
static struct sql q_activate = SQL(
	"UPDATE portal_account SET status = 'active',"
	" confirmed_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'unconfirmed'");
static struct sql q_set = SQL(
	"UPDATE portal_account SET pwhash = ? WHERE id = ?");
/* The link proved the mailbox, so an unconfirmed account is confirmed. */
static struct sql q_reset = SQL(
	"UPDATE portal_account SET pwhash = ?,"
	" confirmed_at = COALESCE(confirmed_at, UTC_TIMESTAMP()),"
	" status = IF(status = 'unconfirmed', 'active', status)"
	" WHERE id = ? AND status IN ('active', 'unconfirmed')");
/* Older links sent before this one die with it. */
static struct sql q_spend = SQL(
	"UPDATE account_token SET used_at = UTC_TIMESTAMP()"
	" WHERE account_id = ? AND purpose = 'reset' AND used_at IS NULL");

int accounts_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

int accounts_find_signin(struct arena *a, const char *email, struct row *row)
{
	return db_get(a, &q_find_signin, row, "s", email);
}

int accounts_find(struct arena *a, const char *email, struct row *row)
{
	return db_get(a, &q_find, row, "s", email);
}

int accounts_find_resettable(struct arena *a, const char *email,
			     struct row *row)
{
	return db_get(a, &q_find_resettable, row, "s", email);
}

int accounts_create(const char *email, const char *first, const char *last,
		    const char *country, const char *phone, const char *pwhash,
		    const char *lang, long long *id)
{
	if (db_exec(&q_insert, "sssssss", email, first, last, country, phone,
		    pwhash, lang) < 0)
		return db_duplicate() ? -2 : -1;
	*id = db_insert_id(&q_insert);
	return 0;
}

long long accounts_activate(long long id)
{
	return db_exec(&q_activate, "i", id);
}

long long accounts_set_password(long long id, const char *pwhash)
{
	return db_exec(&q_set, "si", pwhash, id);
}

long long accounts_reset_password(long long id, const char *pwhash)
{
	return db_exec(&q_reset, "si", pwhash, id);
}

int accounts_reset_tokens_spend(long long id)
{
	return db_exec(&q_spend, "i", id) < 0 ? -1 : 0;
}
