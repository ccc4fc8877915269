/* session.c: server-side sessions and CSRF tokens */
#include "session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "kept.h"
#include "log.h"
#include "resp.h"
#include "route.h"
#include "util.h"

/* The account behind the session is the kind's own query (its module owns
 * those tables): a second round trip, paid only when the worker has no
 * checked copy of the session (scache below). */
static struct sql q_session = SQL(
	"SELECT id, account_id,"
	" last_seen < UTC_TIMESTAMP() - INTERVAL ? SECOND AS idle,"
	" last_seen < UTC_TIMESTAMP() - INTERVAL 60 SECOND AS stale,"
	" TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), expires_at) AS secs_left"
	" FROM session WHERE token_hash = ? AND kind = ?"
	" AND expires_at > UTC_TIMESTAMP()");
static struct sql q_touch = SQL(
	"UPDATE session SET last_seen = UTC_TIMESTAMP() WHERE id = ?");
static struct sql q_delete = SQL("DELETE FROM session WHERE id = ?");
static struct sql q_delete_hash = SQL(
	"DELETE FROM session WHERE token_hash = ?");
static struct sql q_insert = SQL(
	"INSERT INTO session (token_hash, kind, account_id, created_at,"
	" last_seen, expires_at) VALUES (?, ?, ?, UTC_TIMESTAMP(),"
	" UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? SECOND)");
static struct sql q_delete_all = SQL(
	"DELETE FROM session WHERE kind = ? AND account_id = ? AND id <> ?");

static unsigned char csrf_secret[32];

unsigned session_role_bit(const struct session_kind *kind, const char *name)
{
	for (unsigned i = 0; i < 32 && kind->roles && kind->roles[i]; i++)
		if (strcmp(kind->roles[i], name) == 0)
			return 1u << i;
	return 0;
}

const char *session_role_name(const struct session_kind *kind, unsigned bit)
{
	for (unsigned i = 0; i < 32 && kind->roles && kind->roles[i]; i++)
		if (bit == 1u << i)
			return kind->roles[i];
	return "";
}

static void token_hash(const char *token, unsigned char out[32])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

static unsigned parse_roles(const struct session_kind *kind, const char *s)
{
	char buf[512], *tok, *save = NULL;
	unsigned bits = 0;

	if (!s)
		return 0;
	snprintf(buf, sizeof(buf), "%s", s);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		bits |= session_role_bit(kind, tok);
	return bits;
}

/* Sessions this worker checked in the last seconds (Session.CacheSeconds),
 * so a signed-in page does not pay a database round trip for its session
 * (docs/performance.md, "Platform"). An entry is used only while
 * EPOCH_SESSION has the value it had before the row was read: signing out,
 * ending an account's sessions, or changing what its kind's query reads
 * bumps it (epoch.h), here or in any other program, and every copy is
 * dropped at once. Idle expiry needs no care: an entry lives seconds, the
 * idle limit is minutes, and a reload moves last_seen as before. */
#define SCACHE_SIZE 64
struct scache_entry {
	unsigned char hash[32];
	struct kept k;
	struct session s; /* without the token */
};
static struct scache_entry scache[SCACHE_SIZE];

static struct scache_entry *scache_slot(const unsigned char hash[32])
{
	return &scache[hash[0] % SCACHE_SIZE];
}

static const struct session *scache_find(const unsigned char hash[32],
					 const struct session_kind *kind)
{
	struct scache_entry *e = scache_slot(hash);

	if (!kept_good(&e->k) || e->s.kind != kind ||
	    sodium_memcmp(e->hash, hash, 32) != 0)
		return NULL;
	return &e->s;
}

static void scache_put(const unsigned char hash[32],
		       const struct kept_stamp *stamp, long long secs_left,
		       const struct session *s)
{
	struct scache_entry *e = scache_slot(hash);
	long long ttl = conf_int("Session.CacheSeconds", 10);

	/* Never past the absolute expiry. */
	if (secs_left < ttl)
		ttl = secs_left;
	if (!kept_may(stamp, ttl * 1000))
		return;
	memcpy(e->hash, hash, 32);
	kept_set(&e->k, stamp, ttl * 1000);
	e->s = *s;
	memset(e->s.token, 0, sizeof(e->s.token));
}

/* r->sess is filled: the view model's Session.* from it. */
static void session_view(struct req *r)
{
	hdf_set_value(r->hdf, "Session.Name", r->sess.name);
	hdf_set_value(r->hdf, "Session.Email", r->sess.email);
	hdf_set_value(r->hdf, "Session.Kind", r->sess.kind->name);
	for (unsigned i = 0; i < 32; i++) {
		unsigned bit = 1u << i;

		if (r->sess.roles & bit)
			hdf_set_valuef(r->hdf, "Session.Role.%s=1",
				       session_role_name(r->sess.kind, bit));
	}
	if (r->sess.national)
		hdf_set_value(r->hdf, "Session.National", "1");
}

int session_load(struct req *r, const struct session_kind *kind)
{
	const struct session *cached;
	unsigned char hash[32];
	char token[80];
	struct row row, acc;
	struct kept_stamp stamp;
	int rc;

	memset(&r->sess, 0, sizeof(r->sess));
	if (!r->cookie_hdr ||
	    req_cookie_parse(r->cookie_hdr, kind->cookie, token,
			     sizeof(token)) < 0 ||
	    strlen(token) != 64)
		return 0;
	token_hash(token, hash);
	if ((cached = scache_find(hash, kind))) {
		r->sess = *cached;
		snprintf(r->sess.token, sizeof(r->sess.token), "%.64s", token);
		session_view(r);
		return 1;
	}
	/* Noted before the read: a bump after it makes this copy unusable. */
	stamp = kept_note(EPOCH_BIT(EPOCH_SESSION));
	rc = db_get(&r->arena, &q_session, &row, "ibs",
		    (long long)conf_int("Session.IdleSeconds", 1800), hash,
		    sizeof(hash), kind->name);
	if (rc > 0 && row_int(&row, "idle", 0)) {
		db_exec(&q_delete, "i", row_int(&row, "id", 0));
		epoch_bump(EPOCH_SESSION);
		resp_cookie(r, kind->cookie, "", kind->path, 0);
		rc = 0;
	}
	/* An account that may no longer sign in (disabled) is signed out. */
	if (rc > 0)
		rc = db_get(&r->arena, kind->account, &acc, "i",
			    row_int(&row, "account_id", 0));
	if (rc <= 0) {
		if (rc == 0)
			hdf_set_value(r->hdf, "Page.SessionExpired", "1");
		return rc;
	}
	/* last_seen moves at most once a minute: reads stay reads. */
	if (row_int(&row, "stale", 0))
		db_exec(&q_touch, "i", row_int(&row, "id", 0));
	r->sess.kind = kind;
	r->sess.id = row_int(&row, "id", 0);
	r->sess.account_id = row_int(&row, "account_id", 0);
	snprintf(r->sess.name, sizeof(r->sess.name), "%s",
		 row_get(&acc, "name", ""));
	snprintf(r->sess.email, sizeof(r->sess.email), "%s",
		 row_get(&acc, "email", ""));
	r->sess.unit_id = row_int(&acc, "unit_id", 0);
	r->sess.roles = parse_roles(kind, row_get(&acc, "roles", NULL));
	r->sess.national = row_int(&acc, "national", 0) == 1;
	scache_put(hash, &stamp, row_int(&row, "secs_left", 0), &r->sess);
	snprintf(r->sess.token, sizeof(r->sess.token), "%.64s", token);
	session_view(r);
	return 1;
}

void session_remember_lang(struct req *r)
{
	const struct session_kind *kind = r->sess.kind;

	/* On a crossing node the accounts are the centre's rows, read-only
	 * here (docs/architecture.md, "The layers of the cluster"): the
	 * language stays in the cookie for this site, the account keeps the
	 * one chosen at the centre. */
	if (route_on_node())
		return;
	if (kind && kind->set_lang &&
	    db_exec(kind->set_lang, "si", r->lang, r->sess.account_id) < 0)
		log_warn("language of %s account %lld not kept", kind->name,
			 r->sess.account_id);
}

int session_start(struct req *r, const struct session_kind *kind,
		  long long account)
{
	unsigned char hash[32];
	char token[65];
	long long max_age = conf_int("Session.AbsoluteSeconds", 43200);

	/* A fresh token at every sign-in: a token planted before sign-in
	 * (session fixation) never becomes an authenticated one. */
	rand_hex(token, 32);
	token_hash(token, hash);
	if (db_exec(&q_insert, "bsii", hash, sizeof(hash), kind->name, account,
		    max_age) < 0)
		return -1;
	memset(&r->sess, 0, sizeof(r->sess));
	r->sess.kind = kind;
	r->sess.id = db_insert_id(&q_insert);
	r->sess.account_id = account;
	snprintf(r->sess.token, sizeof(r->sess.token), "%.64s", token);
	resp_cookie(r, kind->cookie, token, kind->path, -1);
	/* A language chosen before signing in (the switch, its cookie) is
	 * the one the person reads; a browser's Accept-Language alone
	 * changes nothing remembered. */
	if (r->lang_chosen)
		session_remember_lang(r);
	return 0;
}

int session_end(struct req *r)
{
	const struct session_kind *kind = r->sess.kind;
	unsigned char hash[32];

	if (!kind)
		return 0;
	token_hash(r->sess.token, hash);
	if (db_exec(&q_delete_hash, "b", hash, sizeof(hash)) < 0)
		return -1;
	epoch_bump(EPOCH_SESSION);
	resp_cookie(r, kind->cookie, "", kind->path, 0);
	memset(&r->sess, 0, sizeof(r->sess));
	return 0;
}

int session_end_all(const struct session_kind *kind, long long account,
		    long long keep_id)
{
	if (db_exec(&q_delete_all, "sii", kind->name, account, keep_id) < 0)
		return -1;
	epoch_bump(EPOCH_SESSION);
	return 0;
}

int session_drop(long long id)
{
	if (db_exec(&q_delete, "i", id) < 0)
		return -1;
	epoch_bump(EPOCH_SESSION);
	return 0;
}

void csrf_set_secret(const char *hex)
{
	if (!hex || strlen(hex) != 64 || hex_decode(csrf_secret, hex, 32) < 0) {
		/* No configured secret: a per-boot one still protects, but
		 * tokens then differ between programs and restarts. */
		log_warn(
			"Secrets.Csrf missing or malformed; using a random key");
		randombytes_buf(csrf_secret, sizeof(csrf_secret));
	}
}

void session_mac(const char *label, const char *text, unsigned char out[32])
{
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, csrf_secret, sizeof(csrf_secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)label,
				      strlen(label));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)":", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)text,
				      strlen(text));
	crypto_auth_hmacsha256_final(&st, out);
}

void csrf_compute(const char *key, char out[65])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];

	session_mac("csrf", key, mac);
	hex_encode(out, mac, 32);
}

/* The key: the session token, else the anonymous cookie (made here when
 * missing, so a sign-in form served without a database still works). */
static const char *csrf_key(struct req *r, int create)
{
	char anon[80];

	if (r->sess.kind)
		return r->sess.token;
	if (r->cookie_hdr &&
	    req_cookie_parse(r->cookie_hdr, "zsog_anon", anon, sizeof(anon)) ==
		    0 &&
	    strlen(anon) == 64)
		return arena_strdup(&r->arena, anon);
	if (!create)
		return NULL;
	rand_hex(anon, 32);
	resp_cookie(r, "zsog_anon", anon, "/", -1);
	/* Later lookups in this request must see the same key. */
	r->cookie_hdr = arena_printf(&r->arena, "zsog_anon=%s; %s", anon,
				     r->cookie_hdr ? r->cookie_hdr : "");
	return arena_strdup(&r->arena, anon);
}

const char *csrf_token(struct req *r)
{
	const char *key = csrf_key(r, 1);
	char *out;

	if (!key || !(out = arena_alloc(&r->arena, 65)))
		return "";
	csrf_compute(key, out);
	return out;
}

int csrf_check(struct req *r)
{
	const char *key = csrf_key(r, 0), *got = req_form(r, "csrf");
	char want[65];

	if (!key || !got || strlen(got) != 64)
		return 0;
	csrf_compute(key, want);
	return sodium_memcmp(want, got, 64) == 0;
}
