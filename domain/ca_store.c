/* ca_store.c: the certificate table: what the CA issued and revoked */
#include "ca_store.h"

#include <string.h>

#include "log.h"

#define CERT_COLUMNS                                                     \
	" id, person_id, serial_hex, subject_dn, not_before, not_after," \
	" created_at, revoked_at, revoke_reason, revoked_by_kind,"       \
	" not_after < UTC_TIMESTAMP() AS expired,"                       \
	" (revoked_at IS NULL AND not_after >= UTC_TIMESTAMP()) AS may_revoke"

static struct sql q_list = SQL("SELECT" CERT_COLUMNS
			       " FROM certificate WHERE person_id = ?"
			       " ORDER BY id DESC");
static struct sql q_expiring = SQL(
	"SELECT id, serial_hex, not_after FROM certificate"
	" WHERE person_id = ? AND revoked_at IS NULL"
	" AND not_after >= UTC_TIMESTAMP()"
	" AND not_after < UTC_TIMESTAMP() + INTERVAL ? DAY"
	" ORDER BY not_after, id");
static struct sql q_find = SQL(
	"SELECT" CERT_COLUMNS " FROM certificate"
	" WHERE person_id = ? OR serial_hex = ? ORDER BY id DESC LIMIT 100");
static struct sql q_recent = SQL("SELECT" CERT_COLUMNS
				 " FROM certificate ORDER BY id DESC LIMIT 50");
static struct sql q_insert = SQL(
	"INSERT INTO certificate (serial_hex, person_id, subject_dn, pem,"
	" not_before, not_after, created_at) VALUES (?, ?, ?, ?,"
	" FROM_UNIXTIME(?), FROM_UNIXTIME(?), UTC_TIMESTAMP())");
static struct sql q_get = SQL(
	"SELECT id, person_id, serial_hex, subject_dn, pem, not_after, revoked_at"
	" FROM certificate WHERE id = ?");
static struct sql q_revoke = SQL(
	"UPDATE certificate SET revoked_at = UTC_TIMESTAMP(),"
	" revoke_reason = ?, revoked_by_kind = ?, revoked_by_id = ?"
	" WHERE id = ? AND revoked_at IS NULL");
/* Expired certificates leave the CRL (RFC 5280 3.3). */
static struct sql q_revoked = SQL(
	"SELECT serial_hex, UNIX_TIMESTAMP(revoked_at) AS at, revoke_reason"
	" FROM certificate WHERE revoked_at IS NOT NULL"
	" AND not_after > UTC_TIMESTAMP() ORDER BY id");
static struct sql q_last_revoked = SQL(
	"SELECT COALESCE(UNIX_TIMESTAMP(MAX(revoked_at)), 0) AS at"
	" FROM certificate");
static struct sql q_holder = SQL(
	"SELECT person_id FROM certificate"
	" WHERE serial_hex = ? AND revoked_at IS NULL"
	" AND not_before <= UTC_TIMESTAMP() AND not_after > UTC_TIMESTAMP()");

int ca_store_list(HDF *hdf, const char *prefix, long long person)
{
	return db_select_hdf(&q_list, hdf, prefix, "i", person);
}

int ca_store_expiring(HDF *hdf, const char *prefix, long long person, int days)
{
	return db_select_hdf(&q_expiring, hdf, prefix, "ii", person,
			     (long long)days);
}

int ca_store_find(HDF *hdf, const char *prefix, long long person,
		  const char *serial)
{
	if (!person && !serial)
		return db_select_hdf(&q_recent, hdf, prefix, "");
	/* person 0 matches no row: ids start at 1. */
	return db_select_hdf(&q_find, hdf, prefix, "is", person, serial);
}

int ca_store_insert(const struct ca_issued *c, long long person, long long *id)
{
	if (db_exec(&q_insert, "sissii", c->serial_hex, person, c->subject_dn,
		    c->pem, (long long)c->not_before,
		    (long long)c->not_after) < 0)
		return -1;
	*id = db_insert_id(&q_insert);
	return 0;
}

int ca_store_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

int ca_store_revoke(long long id, const char *reason, const char *by_kind,
		    long long by_id)
{
	long long n = db_exec(&q_revoke, "ssii", reason, by_kind, by_id, id);

	return n < 0 ? -1 : n > 0;
}

struct crl_list {
	struct arena *a;
	struct ca_revoked *v;
	size_t n, cap;
};

static int crl_row_cb(const struct row *row, void *ctx)
{
	struct crl_list *l = ctx;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct ca_revoked *v = arena_alloc(l->a, cap * sizeof(*v));

		if (!v)
			return -1;
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].serial_hex = arena_strdup(l->a,
					     row_get(row, "serial_hex", ""));
	l->v[l->n].revoked_at = (time_t)row_int(row, "at", 0);
	l->v[l->n].reason = ca_reason_code(row_get(row, "revoke_reason", ""));
	if (l->v[l->n].reason < 0)
		l->v[l->n].reason = 0;
	l->n++;
	return 0;
}

int ca_store_write_crl(const char *path, int days)
{
	struct arena a = { 0 };
	struct crl_list l = { &a, NULL, 0, 0 };
	int rc = -1;

	if (db_each(&q_revoked, crl_row_cb, &l, "") >= 0)
		rc = ca_write_crl(path, l.v, l.n, days);
	arena_reset(&a);
	if (rc < 0)
		log_err("CRL not written");
	return rc;
}

int ca_store_last_revoked(long long *at)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_last_revoked, &row, "");

	*at = rc == 1 ? row_int(&row, "at", 0) : 0;
	arena_reset(&a);
	return rc < 0 ? -1 : 0;
}

int ca_store_holder(const char *serial_hex, long long *person)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	if (!serial_hex || !*serial_hex)
		return 0;
	rc = db_get(&a, &q_holder, &row, "s", serial_hex);
	if (rc == 1)
		*person = row_int(&row, "person_id", 0);
	arena_reset(&a);
	return rc;
}
