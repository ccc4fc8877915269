/* accounts_token.c: single-use e-mail tokens: random in the link, SHA-256 in the
 * database, so a leaked table cannot confirm or reset anything */
#include "accounts_token.h"

#include <sodium.h>
#include <string.h>

#include "db.h"

/* Through the account's row, so that an account id of 0 runs the same
 * statement and stores nothing (token_issue). */
static struct sql q_insert = SQL(
	"INSERT INTO account_token (account_id, purpose, token_hash,"
	" created_at, expires_at) SELECT id, ?, ?, UTC_TIMESTAMP(),"
	" UTC_TIMESTAMP() + INTERVAL ? SECOND FROM portal_account"
	" WHERE id = ?");
static struct sql q_find = SQL(
	"SELECT id, account_id, used_at IS NOT NULL AS used,"
	" expires_at <= UTC_TIMESTAMP() AS expired"
	" FROM account_token WHERE token_hash = ? AND purpose = ?");
/* The conditions repeat the checks: two requests racing with one token
 * cannot both see one row changed. */
static struct sql q_use = SQL(
	"UPDATE account_token SET used_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND used_at IS NULL AND expires_at > UTC_TIMESTAMP()");

int token_well_formed(const char *t)
{
	size_t i;

	if (!t || strlen(t) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((t[i] >= '0' && t[i] <= '9') ||
		      (t[i] >= 'a' && t[i] <= 'f')))
			return 0;
	return 1;
}

static void hash_of(const char *t, unsigned char out[32])
{
	crypto_hash_sha256(out, (const unsigned char *)t, strlen(t));
}

int token_issue(long long account, const char *purpose, long long seconds,
		char out[65])
{
	unsigned char hash[32];

	rand_hex(out, 32);
	hash_of(out, hash);
	return db_exec(&q_insert, "sbii", purpose, hash, sizeof(hash), seconds,
		       account) == (account ? 1 : 0)
		       ? 0
		       : -1;
}

enum token_state token_find(struct req *r, const char *t, const char *purpose,
			    long long *id, long long *account)
{
	unsigned char hash[32];
	struct row row;
	int rc;

	if (!token_well_formed(t))
		return TOKEN_UNKNOWN;
	hash_of(t, hash);
	rc = db_get(&r->arena, &q_find, &row, "bs", hash, sizeof(hash),
		    purpose);
	if (rc < 0)
		return TOKEN_ERROR;
	if (rc == 0)
		return TOKEN_UNKNOWN;
	if (row_int(&row, "used", 0))
		return TOKEN_USED;
	if (row_int(&row, "expired", 0))
		return TOKEN_EXPIRED;
	*id = row_int(&row, "id", 0);
	*account = row_int(&row, "account_id", 0);
	return TOKEN_OK;
}

int token_use(long long id)
{
	long long n = db_exec(&q_use, "i", id);

	return n < 0 ? -1 : n == 1;
}

const char *token_message(enum token_state st)
{
	switch (st) {
	case TOKEN_USED:
		return "portal.token.used";
	case TOKEN_EXPIRED:
		return "portal.token.expired";
	default:
		return "portal.token.unknown";
	}
}
