/* signin.c: one sign-in for the portal and the intranet: the password
 * check, a wait that grows with the failures of a client address, the
 * audit rows and the e-mail that tells the owner */
#include "signin.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "outbox.h"
#include "password.h"
#include "resp.h"
#include "session.h"
#include "tzpl.h"
#include "view.h"

/*
 * Why a wait per client address and not a lock per account: a lock is a
 * weapon, five requests shut the real owner out. Failures are counted per
 * (account, client address) and per client address; beyond the free ones
 * each failure doubles that address's wait, while the owner signing in
 * from elsewhere is not slowed. A login that names no account is counted
 * like one that does, so no answer tells which logins exist.
 *
 * An attempt is counted before its password is checked and forgiven when
 * it was right: requests sent all at once cannot each be checked before
 * the first failure lands.
 */

static struct sql q_rows = SQL(
	"INSERT INTO signin_backoff (kind, scope, login_key, client_ip,"
	" failures, last_at, wait_until) VALUES"
	" (?, 'pair', ?, ?, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),"
	" (?, 'client', '', ?, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE failures ="
	" IF(last_at < UTC_TIMESTAMP() - INTERVAL ? SECOND, 0, failures)");
/* The rows just locked by q_rows, latest values. */
static struct sql q_read = SQL(
	"SELECT scope, failures,"
	" GREATEST(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), wait_until), 0)"
	" AS wait FROM signin_backoff WHERE kind = ? AND client_ip = ?"
	" AND ((scope = 'pair' AND login_key = ?)"
	"  OR (scope = 'client' AND login_key = ''))"
	" FOR UPDATE");
static struct sql q_count = SQL(
	"UPDATE signin_backoff SET failures = ?, last_at = UTC_TIMESTAMP(),"
	" wait_until = UTC_TIMESTAMP() + INTERVAL ? SECOND"
	" WHERE kind = ? AND scope = ? AND login_key = ? AND client_ip = ?");
static struct sql q_forgive_pair = SQL(
	"DELETE FROM signin_backoff"
	" WHERE kind = ? AND scope = 'pair' AND login_key = ? AND client_ip = ?");
/* The address did nothing wrong this time: its count steps back and the
 * wait this attempt would have earned is dropped. */
static struct sql q_forgive_client = SQL(
	"UPDATE signin_backoff SET failures = IF(failures > 0, failures - 1, 0),"
	" wait_until = UTC_TIMESTAMP()"
	" WHERE kind = ? AND scope = 'client' AND login_key = '' AND client_ip = ?");
static struct sql q_forget = SQL(
	"DELETE FROM signin_backoff"
	" WHERE kind = ? AND scope = 'pair' AND login_key = ?");
static struct sql q_owner_row = SQL(
	"INSERT IGNORE INTO signin_backoff (kind, scope, login_key, client_ip,"
	" failures, last_at, wait_until)"
	" VALUES (?, 'owner', ?, '', 0, '1970-01-01', '1970-01-01')");
/* One row changed: this request tells the owner; none: it was told less
 * than Signin.NotifySeconds ago. */
static struct sql q_owner_take = SQL(
	"UPDATE signin_backoff SET failures = failures + 1,"
	" last_at = UTC_TIMESTAMP()"
	" WHERE kind = ? AND scope = 'owner' AND login_key = ?"
	" AND client_ip = '' AND last_at <= UTC_TIMESTAMP() - INTERVAL ? SECOND");
/* Rows idle past every wait and count: a few per failure, so the table
 * stays the size of the recent failures without a sweeper. */
static struct sql q_sweep = SQL(
	"DELETE FROM signin_backoff"
	" WHERE last_at < UTC_TIMESTAMP() - INTERVAL ? SECOND LIMIT 20");

struct limits {
	long long free, client_free, base, max, forget, notify;
};

static void limits_of(struct limits *l)
{
	l->free = conf_int("Signin.FreeFailures", 5);
	l->client_free = conf_int("Signin.ClientFreeFailures", 20);
	l->base = conf_int("Signin.WaitSeconds", 60);
	l->max = conf_int("Signin.MaxWaitSeconds", 3600);
	l->forget = conf_int("Signin.ForgetSeconds", 86400);
	l->notify = conf_int("Signin.NotifySeconds", 3600);
	if (l->base < 1)
		l->base = 1;
	if (l->max < l->base)
		l->max = l->base;
	/* A count forgotten while its wait runs would end the wait early;
	 * an owner row swept before its time would mail the owner again. */
	if (l->forget < l->max)
		l->forget = l->max;
	if (l->forget < l->notify)
		l->forget = l->notify;
}

long long signin_wait(long long failures, long long free, long long base,
		      long long max)
{
	long long w = base;

	if (failures <= free)
		return 0;
	for (long long i = free + 1; i < failures && w < max; i++)
		w *= 2;
	return w < max ? w : max;
}

/* An unknown login is checked against a hash of the configured cost, so
 * that it takes as long as a known one. Made by the first sign-in of each
 * worker, whichever login it names. */
static const char *dummy_hash(void)
{
	static char hash[PASSWORD_HASH_MAX];

	if (!hash[0] && password_hash("no account has this password", hash))
		hash[0] = '\0';
	return hash;
}

static const char *client_ip(struct req *r)
{
	const char *ip = req_env(r, "REMOTE_ADDR");

	/* The column's width: an IPv6 address in its longest form. */
	return ip ? arena_strndup(&r->arena, ip, strnlen(ip, 45)) : "";
}

/* The account by its id; a login that names none by its text in lower
 * case (logins compare without case), never stored as such. */
static void login_key(const struct signin_kind *k, long long account,
		      const char *login, unsigned char out[32])
{
	char text[320];
	size_t n, i;

	if (account) {
		snprintf(text, sizeof(text), "%s:id:%lld", k->name, account);
	} else {
		n = (size_t)snprintf(text, sizeof(text), "%s:login:%s", k->name,
				     login);
		if (n >= sizeof(text))
			n = sizeof(text) - 1;
		for (i = 0; i < n; i++)
			if (text[i] >= 'A' && text[i] <= 'Z')
				text[i] += 32;
	}
	session_mac("signin", text, out);
}

struct counts {
	long long pair, client; /* failures so far */
	long long wait;		/* seconds left of the longer wait */
};

static int read_cb(const struct row *row, void *ctx)
{
	struct counts *c = ctx;
	long long wait = row_int(row, "wait", 0);

	if (strcmp(row_get(row, "scope", ""), "pair") == 0)
		c->pair = row_int(row, "failures", 0);
	else
		c->client = row_int(row, "failures", 0);
	if (wait > c->wait)
		c->wait = wait;
	return 0;
}

/* What claim's transaction reads and writes. */
struct claim_tx {
	const struct signin_kind *k;
	const unsigned char *key; /* 32 bytes */
	const char *ip;
	const struct limits *l;
	struct counts c;
};

/* One run of claim's transaction (db_tx): 0 counted (commits), 1 one of
 * them still waits (nothing written), -1 error. */
static int claim_tx(void *arg)
{
	struct claim_tx *t = arg;
	struct counts *c = &t->c;
	long long pair_wait, client_wait;

	memset(c, 0, sizeof(*c));
	if (db_exec(&q_rows, "sbsssi", t->k->name, t->key, (size_t)32, t->ip,
		    t->k->name, t->ip, t->l->forget) < 0 ||
	    db_each(&q_read, read_cb, c, "ssb", t->k->name, t->ip, t->key,
		    (size_t)32) < 0)
		return -1;
	if (c->wait > 0)
		return 1;
	c->pair++;
	c->client++;
	pair_wait = signin_wait(c->pair, t->l->free, t->l->base, t->l->max);
	client_wait = signin_wait(c->client, t->l->client_free, t->l->base,
				  t->l->max);
	if (db_exec(&q_count, "iissbs", c->pair, pair_wait, t->k->name, "pair",
		    t->key, (size_t)32, t->ip) < 0 ||
	    db_exec(&q_count, "iissbs", c->client, client_wait, t->k->name,
		    "client", "", (size_t)0, t->ip) < 0)
		return -1;
	c->wait = pair_wait > client_wait ? pair_wait : client_wait;
	return 0;
}

/*
 * Counts this attempt for the pair and the client address unless one of
 * them still waits. 1: the password may be checked, and *fail holds the
 * counts and the wait a failure leaves; 0: *fail->wait seconds to wait;
 * -1: error. A deadlock between two attempts runs it again (db_tx).
 */
static int claim(const struct signin_kind *k, const unsigned char key[32],
		 const char *ip, const struct limits *l, struct counts *fail)
{
	struct claim_tx t = { k, key, ip, l, { 0, 0, 0 } };
	int rc = db_tx(claim_tx, &t);

	if (rc < 0)
		return -1;
	*fail = t.c;
	return rc == 0 ? 1 : 0;
}

/* "14:05": local (Warsaw) time of UTC seconds t. */
static const char *local_time(struct req *r, long long t, int with_day)
{
	struct tzpl_tm tm;

	tzpl_from_utc(t, &tm);
	if (with_day)
		return arena_printf(&r->arena, "%04d-%02d-%02d %02d:%02d",
				    tm.year, tm.mon, tm.day, tm.hour, tm.min);
	return arena_printf(&r->arena, "%02d:%02d", tm.hour, tm.min);
}

static int refuse(struct req *r, const struct signin_kind *k, int status,
		  const char *what)
{
	hdf_set_value(
		r->hdf, "Signin.Error",
		view_text(r, arena_printf(&r->arena, "%s.%s", k->text, what)));
	return status;
}

/* The page names the first whole minute at which the wait is over, and
 * how many minutes that is, rounded up. */
static int waiting(struct req *r, const struct signin_kind *k, long long wait)
{
	long long until = now_unix() + wait;

	if (until % 60)
		until += 60 - until % 60;
	hdf_set_value(r->hdf, "Signin.Until", local_time(r, until, 0));
	hdf_set_int_value(r->hdf, "Signin.Minutes", (int)((wait + 59) / 60));
	resp_header(r, "Retry-After", arena_printf(&r->arena, "%lld", wait));
	return refuse(r, k, 429, "wait");
}

/* The owner learns that someone is guessing, at most once per
 * Signin.NotifySeconds whatever the number of addresses. Inside the
 * caller's transaction. */
static int notify(struct req *r, const struct signin_kind *k,
		  const struct signin_account *a, const unsigned char key[32],
		  const char *ip, long long failures, const struct limits *l)
{
	long long n;

	if (!a->email || !a->email[0])
		return 0;
	if (db_exec(&q_owner_row, "sb", k->name, key, (size_t)32) < 0)
		return -1;
	n = db_exec(&q_owner_take, "sbi", k->name, key, (size_t)32, l->notify);
	if (n <= 0)
		return (int)n;
	hdf_set_value(r->hdf, "Mail.Name", a->name);
	hdf_set_int_value(r->hdf, "Mail.Failures", (int)failures);
	hdf_set_value(r->hdf, "Mail.Address", ip);
	hdf_set_value(r->hdf, "Mail.When", local_time(r, now_unix(), 1));
	if (k->reset)
		hdf_set_valuef(
			r->hdf, "Mail.Reset=%s%s",
			conf_get("Site.BaseUrl", "http://127.0.0.1:8080"),
			k->reset);
	return outbox_put_lang(r, a->lang, a->email, "signin.mail.subject",
			       "mail/signin_failures.cs");
}

static int failed(struct req *r, const struct signin_kind *k,
		  const struct signin_account *a, const unsigned char key[32],
		  const char *ip, const struct counts *c,
		  const struct limits *l)
{
	const char *object, *detail;
	long long pair_wait = signin_wait(c->pair, l->free, l->base, l->max);

	/* The login text is kept only as the account it names: a login that
	 * names none is sometimes a password typed into the wrong field. */
	object = a ? arena_printf(&r->arena, "%s:%lld", k->object, a->id)
		   : "login:unknown";
	/* A key the audit pages put in the reader's words (audit.h). */
	detail = a ? "@skr.audit.detail.wrong_password"
		   : "@skr.audit.detail.unknown_login";
	if (c->wait)
		detail = arena_printf(&r->arena, "%s_wait|%lld", detail,
				      c->wait);
	if (db_begin() < 0)
		return -1;
	if (audit_log(r, arena_printf(&r->arena, "%s.signin_failed", k->name),
		      object, detail) < 0 ||
	    (a && pair_wait > 0 && notify(r, k, a, key, ip, c->pair, l) < 0) ||
	    db_commit() < 0) {
		db_rollback();
		return -1;
	}
	/* On its own: a sweep that meets a claim in progress must not cost
	 * this answer. */
	if (db_exec(&q_sweep, "i", l->forget) < 0)
		log_warn("signin_backoff sweep failed: %s", db_error());
	if (c->wait)
		return waiting(r, k, c->wait);
	return refuse(r, k, 401, "failed");
}

static int succeeded(struct req *r, const struct signin_kind *k,
		     const struct signin_account *a,
		     const unsigned char key[32], const char *ip)
{
	const char *object = arena_printf(&r->arena, "%s:%lld", k->object,
					  a->id);

	if (db_begin() < 0)
		return -1;
	if (db_exec(&q_forgive_pair, "sbs", k->name, key, (size_t)32, ip) < 0 ||
	    db_exec(&q_forgive_client, "ss", k->name, ip) < 0)
		goto fail;
	/* Only the holder of the password learns the account's state. */
	if (a->refusal) {
		if (audit_log(r,
			      arena_printf(&r->arena, "%s.signin_failed",
					   k->name),
			      object,
			      /* The state in words: "disabled" or
			       * "unconfirmed" were shown as codes. */
			      arena_printf(&r->arena,
					   "@skr.audit.detail.signin_%s",
					   a->refusal)) < 0 ||
		    db_commit() < 0)
			goto fail;
		return refuse(r, k, 403, a->refusal);
	}
	/* Signing in as someone else ends the session in hand. */
	if (r->sess.kind == k->session && session_drop(r->sess.id) < 0)
		goto fail;
	if (session_start(r, k->session, a->id) < 0)
		goto fail;
	snprintf(r->sess.name, sizeof(r->sess.name), "%s", a->name);
	if (audit_log(r, arena_printf(&r->arena, "%s.signin", k->name), object,
		      NULL) < 0 ||
	    db_commit() < 0)
		goto fail;
	return 0;
fail:
	db_rollback();
	return -1;
}

int signin_check(struct req *r, const struct signin_kind *k, const char *login,
		 const char *password)
{
	struct signin_account a;
	struct limits l;
	struct counts c;
	unsigned char key[32];
	const char *ip = client_ip(r), *hash;
	int found, rc;

	limits_of(&l);
	memset(&a, 0, sizeof(a));
	hash = dummy_hash();
	found = k->find(r, login, &a);
	if (found < 0)
		return -1;
	login_key(k, found ? a.id : 0, login, key);
	rc = claim(k, key, ip, &l, &c);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return waiting(r, k, c.wait);
	if (found)
		hash = a.pwhash;
	if (!password_verify(hash, password) || !found)
		return failed(r, k, found ? &a : NULL, key, ip, &c, &l);
	return succeeded(r, k, &a, key, ip);
}

int signin_forget(const char *kind, long long account)
{
	struct signin_kind k = { .name = kind };
	unsigned char key[32];

	login_key(&k, account, NULL, key);
	return db_exec(&q_forget, "sb", kind, key, (size_t)32) < 0 ? -1 : 0;
}
