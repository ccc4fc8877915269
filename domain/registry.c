/* registry.c: the one source of truth about who is who (issue 3):
 * EORI look-ups, representation with agency links, certificate owners.
 * Read by every program through its own database account, which needs
 * SELECT on company, person, representation, representation_authz and
 * certificate. */
#include "registry.h"

#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "epochs.h"
#include "tzpl.h"
#include "util.h"

static struct sql q_eori = SQL(
	"SELECT id, eori, name, id_sisc, country, status = 'approved' AS active,"
	" publish_eori_data AS publish,"
	" CONCAT_WS(' ', street, house_no) AS street, postcode, town"
	" FROM company WHERE eori = ? AND status IN ('approved', 'deactivated')");

static struct sql q_person_of_account = SQL(
	"SELECT id FROM person WHERE account_id = ? AND status = 'approved'");

/* A representation is valid on D when valid_from <= D < valid_to (valid_to
 * is the first day it no longer holds, so ending one "today" takes effect
 * at once). Both the represented company and an agency in between must
 * still be approved, and so must the person. */
#define VALID_ON(r) \
	" " r ".valid_from <= d.day AND (" r ".valid_to IS NULL OR " r \
	".valid_to > d.day)"

static struct sql q_may_act = SQL(
	/* A date that is not one gives NULL: nothing matches. */
	"SELECT 1 FROM (SELECT IF(? IS NULL, UTC_DATE(), CAST(? AS DATE))"
	" AS day) d"
	" JOIN person p ON p.id = ? AND p.status = 'approved'"
	" JOIN company c ON c.id = ? AND c.status = 'approved'"
	" WHERE EXISTS (SELECT 1 FROM representation r"
	"  JOIN representation_authz a ON a.representation_id = r.id"
	"  WHERE r.company_id = c.id AND r.rep_person_id = p.id"
	"  AND a.authz_code = ? AND" VALID_ON("r") ")"
	" OR EXISTS (SELECT 1 FROM representation r1"
	"  JOIN representation_authz a1 ON a1.representation_id = r1.id"
	"  JOIN company g ON g.id = r1.rep_company_id AND g.status = 'approved'"
	"  JOIN representation r2 ON r2.company_id = g.id"
	"  JOIN representation_authz a2 ON a2.representation_id = r2.id"
	"  WHERE r1.company_id = c.id AND r2.rep_person_id = p.id"
	"  AND a1.authz_code = ? AND a2.authz_code = ?"
	"  AND" VALID_ON("r1") " AND" VALID_ON("r2") ")");

/* authz NULL: any authorisation (for an agency employee, any that both
 * links share). */
static struct sql q_companies_for = SQL(
	"SELECT c.id, c.name, c.eori, c.id_sisc"
	" FROM (SELECT UTC_DATE() AS day) d"
	" JOIN person p ON p.id = ? AND p.status = 'approved'"
	" JOIN company c ON c.status = 'approved'"
	" WHERE EXISTS (SELECT 1 FROM representation r"
	"  JOIN representation_authz a ON a.representation_id = r.id"
	"  WHERE r.company_id = c.id AND r.rep_person_id = p.id"
	"  AND (? IS NULL OR a.authz_code = ?) AND" VALID_ON("r") ")"
	" OR EXISTS (SELECT 1 FROM representation r1"
	"  JOIN representation_authz a1 ON a1.representation_id = r1.id"
	"  JOIN company g ON g.id = r1.rep_company_id AND g.status = 'approved'"
	"  JOIN representation r2 ON r2.company_id = g.id"
	"  JOIN representation_authz a2 ON a2.representation_id = r2.id"
	"   AND a2.authz_code = a1.authz_code"
	"  WHERE r1.company_id = c.id AND r2.rep_person_id = p.id"
	"  AND (? IS NULL OR a1.authz_code = ?)"
	"  AND" VALID_ON("r1") " AND" VALID_ON("r2") ")"
	" ORDER BY c.name, c.id");

/* The certificates engineer's table: serial_hex, person_id, not_before,
 * not_after, revoked_at. Only our CA issues rows into it. */
static struct sql q_cert = SQL(
	"SELECT c.person_id FROM certificate c"
	" JOIN person p ON p.id = c.person_id AND p.status = 'approved'"
	" WHERE c.serial_hex = ? AND c.revoked_at IS NULL"
	" AND c.not_before <= UTC_TIMESTAMP() AND c.not_after > UTC_TIMESTAMP()");

int registry_eori(struct arena *a, const char *eori, struct eori_info *out)
{
	struct row row;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!eori || !*eori)
		return 0;
	rc = db_get(a, &q_eori, &row, "s", eori);
	if (rc <= 0)
		return rc;
	out->company_id = row_int(&row, "id", 0);
	out->eori = row_get(&row, "eori", "");
	out->name = row_get(&row, "name", "");
	out->id_sisc = row_get(&row, "id_sisc", "");
	out->country = row_get(&row, "country", "");
	out->active = (int)row_int(&row, "active", 0);
	out->publish = (int)row_int(&row, "publish", 0);
	/* Address only with the operator's consent: callers may show what
	 * they get without deciding again. */
	if (out->publish) {
		out->street = row_get(&row, "street", "");
		out->postcode = row_get(&row, "postcode", "");
		out->city = row_get(&row, "town", "");
	}
	return 1;
}

/* The answers of the two questions every eBT page asks (whose person is
 * this account, may the person act for the company today), kept by this
 * worker for seconds (Registry.CacheSeconds): they were most of the
 * database time of the booking calendar (docs/performance.md). Still
 * "checked on every request" as far as users can tell: the ecustomer
 * program bumps EPOCH_REGISTRY before it answers any change (route.h,
 * write_epochs), which drops every copy in every program, and "today" is
 * part of the key: UTC's, the day q_may_act's UTC_DATE() means. */
#define RCACHE_SIZE 64
struct rcache_entry {
	long long a, b;		/* account; or person and company */
	char authz[24];		/* "" for person_of_account */
	char day[11];
	uint64_t epoch;
	double until;
	int answer;
	long long person;
};
static struct rcache_entry rcache[RCACHE_SIZE];

static struct rcache_entry *rcache_slot(long long a, long long b,
					const char *authz)
{
	unsigned h = (unsigned)(a * 31 + b) * 2654435761u;

	for (; *authz; authz++)
		h = h * 33 + (unsigned char)*authz;
	return &rcache[h % RCACHE_SIZE];
}

static const struct rcache_entry *rcache_find(long long a, long long b,
					      const char *authz)
{
	const struct rcache_entry *e = rcache_slot(a, b, authz);
	char day[11];

	if (e->until <= now_mono() || e->a != a || e->b != b ||
	    strcmp(e->authz, authz) != 0 ||
	    e->epoch != epoch_get(EPOCH_REGISTRY))
		return NULL;
	tzpl_today_utc(day);
	return strcmp(e->day, day) == 0 ? e : NULL;
}

static void rcache_put(long long a, long long b, const char *authz,
		       const char *day, uint64_t epoch, int answer,
		       long long person)
{
	struct rcache_entry *e = rcache_slot(a, b, authz);
	long long ttl = conf_int("Registry.CacheSeconds", 10);

	if (!epoch_usable() || ttl <= 0 || strlen(authz) >= sizeof(e->authz))
		return;
	e->a = a;
	e->b = b;
	snprintf(e->authz, sizeof(e->authz), "%s", authz);
	snprintf(e->day, sizeof(e->day), "%s", day);
	e->epoch = epoch;
	e->answer = answer;
	e->person = person;
	e->until = now_mono() + (double)ttl;
}

int registry_person_of_account(long long account_id, long long *person_id)
{
	const struct rcache_entry *hit = rcache_find(account_id, 0, "");
	struct arena a = { 0 };
	struct row row;
	uint64_t epoch;
	char day[11];
	int rc;

	if (hit) {
		if (hit->answer == 1)
			*person_id = hit->person;
		return hit->answer;
	}
	/* Noted before the read: a change committed after it drops the copy. */
	epoch = epoch_get(EPOCH_REGISTRY);
	tzpl_today_utc(day);
	rc = db_get(&a, &q_person_of_account, &row, "i", account_id);
	if (rc == 1)
		*person_id = row_int(&row, "id", 0);
	if (rc >= 0)
		rcache_put(account_id, 0, "", day, epoch, rc,
			   rc == 1 ? *person_id : 0);
	arena_reset(&a);
	return rc;
}

int registry_may_act(long long person_id, long long company_id,
		     const char *authz, const char *date)
{
	const struct rcache_entry *hit;
	struct arena a = { 0 };
	struct row row;
	uint64_t epoch = 0;
	char day[11];
	int rc;

	if (!authz)
		return 0;
	/* Only "today" is kept; a given date always asks the database. */
	if (!date && *authz) {
		if ((hit = rcache_find(person_id, company_id, authz)))
			return hit->answer;
		epoch = epoch_get(EPOCH_REGISTRY);
		tzpl_today_utc(day);
	}
	rc = db_get(&a, &q_may_act, &row, "ssiisss", date, date, person_id,
		    company_id, authz, authz, authz);
	if (!date && *authz && rc >= 0)
		rcache_put(person_id, company_id, authz, day, epoch, rc, 0);
	arena_reset(&a);
	return rc;
}

int registry_companies_for(long long person_id, const char *authz, HDF *hdf,
			   const char *prefix)
{
	return db_select_hdf(&q_companies_for, hdf, prefix, "issss",
			     person_id, authz, authz, authz, authz);
}

int registry_cert_person(const char *serial_hex, long long *person_id)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	if (!serial_hex || !*serial_hex)
		return 0;
	rc = db_get(&a, &q_cert, &row, "s", serial_hex);
	if (rc == 1)
		*person_id = row_int(&row, "person_id", 0);
	arena_reset(&a);
	return rc;
}
