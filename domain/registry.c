/* registry.c: the one source of truth about who is who (issue 3):
 * EORI look-ups, representation with agency links, certificate owners,
 * registration status, and who may grant what (issue 11). Read by every
 * program through its own database account, which needs SELECT on
 * company, person, representation, representation_authz (and, for
 * registry_cert_person, certificate, which domain/ca_store reads);
 * registry_held and registry_check_grants (e-Customer, zsog-admin) also
 * on authorisation, registry_app_status on application. */
#include "registry.h"

#include <stdio.h>
#include <string.h>

#include "ca_store.h"
#include "conf.h"
#include "db.h"
#include "epochs.h"
#include "kept.h"
#include "tzpl.h"
#include "util.h"

static struct sql q_eori = SQL(
	"SELECT id, eori, name, id_sisc, country, status = 'approved' AS active,"
	" publish_eori_data AS publish,"
	" CONCAT_WS(' ', street, house_no) AS street, postcode, town"
	" FROM company WHERE eori = ? AND status IN ('approved', 'deactivated')");

static struct sql q_person_of_account = SQL(
	"SELECT id FROM person WHERE account_id = ? AND status = 'approved'");

/* A representation is valid on D when it is active (not a request, nor
 * a customs agent's waiting for the office to verify its power of
 * attorney: 0097) and valid_from <= D < valid_to (valid_to is the first
 * day it no longer holds, so ending one "today" takes effect at once).
 * Both the represented company and an agency in between must still be
 * approved, and so must the person. */
#define VALID_ON(r)                                                     \
	" " r ".state = 'active' AND " r ".valid_from <= d.day AND (" r \
	".valid_to IS NULL OR " r ".valid_to > d.day)"

static struct sql q_may_act = SQL(
	/* A date that is not one gives NULL: nothing matches. */
	"SELECT 1 FROM (SELECT IF(? IS NULL, UTC_DATE(), CAST(? AS DATE))"
	" AS day) d"
	" JOIN person p ON p.id = ? AND p.status = 'approved'"
	" JOIN company c ON c.id = ? AND c.status = 'approved'"
	" WHERE EXISTS (SELECT 1 FROM representation r"
	"  JOIN representation_authz a ON a.representation_id = r.id"
	"  WHERE r.company_id = c.id AND r.rep_person_id = p.id"
	"  AND a.authz_code = ? AND" VALID_ON(
		"r") ")"
		     " OR EXISTS (SELECT 1 FROM representation r1"
		     "  JOIN representation_authz a1 ON a1.representation_id = r1.id"
		     "  JOIN company g ON g.id = r1.rep_company_id AND g.status = 'approved'"
		     "  JOIN representation r2 ON r2.company_id = g.id"
		     "  JOIN representation_authz a2 ON a2.representation_id = r2.id"
		     "  WHERE r1.company_id = c.id AND r2.rep_person_id = p.id"
		     "  AND a1.authz_code = ? AND a2.authz_code = ?"
		     "  AND" VALID_ON("r1") " AND" VALID_ON("r2") ")");

/* The agency through which person acts for company with authz today: 0
 * when a direct link holds (it wins, as in q_may_act), else the lowest id
 * of the agencies that link them. For the reports' bookings per agency. */
static struct sql q_agency_of = SQL(
	"SELECT IF(EXISTS (SELECT 1 FROM representation r"
	"  JOIN representation_authz a ON a.representation_id = r.id"
	"  WHERE r.company_id = ? AND r.rep_person_id = ?"
	"  AND a.authz_code = ? AND" VALID_ON(
		"r") "), 0,"
		     " (SELECT MIN(r1.rep_company_id) FROM representation r1"
		     "  JOIN representation_authz a1 ON a1.representation_id = r1.id"
		     "  JOIN representation r2 ON r2.company_id = r1.rep_company_id"
		     "  JOIN representation_authz a2 ON a2.representation_id = r2.id"
		     "  WHERE r1.company_id = ? AND r2.rep_person_id = ?"
		     "  AND a1.authz_code = ? AND a2.authz_code = ?"
		     "  AND" VALID_ON("r1") " AND" VALID_ON(
			     "r2") ")) AS agency"
				   " FROM (SELECT UTC_DATE() AS day) d");

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
	"  AND (? IS NULL OR a.authz_code = ?) AND" VALID_ON(
		"r") ")"
		     " OR EXISTS (SELECT 1 FROM representation r1"
		     "  JOIN representation_authz a1 ON a1.representation_id = r1.id"
		     "  JOIN company g ON g.id = r1.rep_company_id AND g.status = 'approved'"
		     "  JOIN representation r2 ON r2.company_id = g.id"
		     "  JOIN representation_authz a2 ON a2.representation_id = r2.id"
		     "   AND a2.authz_code = a1.authz_code"
		     "  WHERE r1.company_id = c.id AND r2.rep_person_id = p.id"
		     "  AND (? IS NULL OR a1.authz_code = ?)"
		     "  AND" VALID_ON("r1") " AND" VALID_ON(
			     "r2") ")"
				   " ORDER BY c.name, c.id");

/* Which authorisations of the catalogue the person holds for the company
 * on a day, by the paths of q_may_act, and whether she is a direct
 * administrator (docs/ecustomer.md, "Who may grant what"). USABLE narrows
 * the representations for zsog-admin's check: only those made before the
 * one being judged (before_id 0: all), none it found breaking the rule. */
#define USABLE(r)                                      \
	" (d.before_id = 0 OR " r ".id < d.before_id)" \
	" AND FIND_IN_SET(" r ".id, d.skip) = 0"
/* VALID_ON, except that the check (before_id set) judges a grant made
 * during a day on which a representation was ended: it held until it was
 * ended, perhaps after the grant, so it counts, unless it was ended from
 * its first day (it never held). */
#define HELD_ON(r)                                                          \
	" " r ".state = 'active' AND " r ".valid_from <= d.day AND (" r     \
	".valid_to IS NULL OR " r                                           \
	".valid_to > d.day OR (d.before_id <> 0 AND " r ".valid_to = d.day" \
	" AND " r ".valid_to > " r ".valid_from))"

static struct sql q_held = SQL(
	"SELECT au.code,"
	" (EXISTS (SELECT 1 FROM representation r"
	"   JOIN representation_authz a ON a.representation_id = r.id"
	"   WHERE r.company_id = c.id AND r.rep_person_id = p.id"
	"   AND a.authz_code = au.code AND" HELD_ON("r") " AND" USABLE(
		"r") ")"
		     "  OR EXISTS (SELECT 1 FROM representation r1"
		     "   JOIN representation_authz a1 ON a1.representation_id = r1.id"
		     "   JOIN company g ON g.id = r1.rep_company_id AND g.status = 'approved'"
		     "   JOIN representation r2 ON r2.company_id = g.id"
		     "   JOIN representation_authz a2 ON a2.representation_id = r2.id"
		     "   WHERE r1.company_id = c.id AND r2.rep_person_id = p.id"
		     "   AND a1.authz_code = au.code AND a2.authz_code = au.code"
		     "   AND" HELD_ON("r1") " AND" HELD_ON("r2") "   AND" USABLE("r1") " AND" USABLE(
			     "r2") ")) AS held,"
				   /* One representation of her own lacking no code of the catalogue. */
				   " EXISTS (SELECT 1 FROM representation r"
				   "  WHERE r.company_id = c.id AND r.rep_person_id = p.id"
				   "  AND" HELD_ON("r") " AND" USABLE(
					   "r") "  AND NOT EXISTS (SELECT 1 FROM authorisation x WHERE NOT EXISTS"
						"   (SELECT 1 FROM representation_authz ra"
						"    WHERE ra.representation_id = r.id AND ra.authz_code = x.code)))"
						" AS admin"
						" FROM (SELECT IF(? IS NULL, UTC_DATE(), CAST(? AS DATE)) AS day,"
						"  ? AS before_id, ? AS skip) d"
						" JOIN person p ON p.id = ? AND p.status = 'approved'"
						" JOIN company c ON c.id = ? AND c.status = 'approved'"
						" JOIN authorisation au"
						" ORDER BY au.sort");

/* Every representation someone granted (the office's administrator
 * representations are the roots: nothing to judge), oldest first, of
 * companies still approved (the others grant nothing). */
static struct sql q_grants = SQL(
	"SELECT r.id, r.company_id, IFNULL(r.rep_person_id, 0) AS rep_person,"
	" IFNULL(r.granted_by, 0) AS granted_by, DATE(r.created_at) AS day,"
	" (r.valid_to IS NULL OR r.valid_to > UTC_DATE()) AS in_force,"
	" c.name AS company,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" (SELECT CONCAT(gp.first_name, ' ', gp.last_name) FROM person gp"
	"  WHERE gp.id = r.granted_by) AS granter,"
	" (SELECT GROUP_CONCAT(a.authz_code ORDER BY a.authz_code)"
	"  FROM representation_authz a WHERE a.representation_id = r.id)"
	" AS codes"
	" FROM representation r"
	" JOIN company c ON c.id = r.company_id AND c.status = 'approved'"
	" LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE r.origin = 'grant' AND r.state = 'active' ORDER BY r.id");

static struct sql q_person_approved = SQL(
	"SELECT 1 FROM person WHERE id = ? AND status = 'approved'");

/* GetRegistrationStatus: an application with its subject's numbers, and
 * whether person's account submitted it. */
static struct sql q_app_status = SQL(
	"SELECT a.kind, a.status, a.subject_id,"
	" a.submitted_by = (SELECT account_id FROM person WHERE id = ?) AS mine,"
	" IF(a.kind IN ('person', 'person_update'), p.id_sisc, c.id_sisc)"
	" AS id_sisc, c.eori"
	" FROM application a"
	" LEFT JOIN person p ON a.kind IN ('person', 'person_update')"
	"  AND p.id = a.subject_id"
	" LEFT JOIN company c ON a.kind NOT IN ('person', 'person_update')"
	"  AND c.id = a.subject_id"
	" WHERE a.id = ?");
static struct sql q_person_sisc = SQL(
	"SELECT id, status, id_sisc FROM person WHERE id_sisc = ?");
static struct sql q_company_sisc = SQL(
	"SELECT id, status, id_sisc, eori FROM company WHERE id_sisc = ?");
static struct sql q_sisc_of = SQL("SELECT id_sisc FROM person WHERE id = ?");

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
	long long a, b; /* account; or person and company */
	char authz[24]; /* "" for person_of_account */
	char day[11];
	struct kept k;
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

	if (!kept_good(&e->k) || e->a != a || e->b != b ||
	    strcmp(e->authz, authz) != 0)
		return NULL;
	tzpl_today_utc(day);
	return strcmp(e->day, day) == 0 ? e : NULL;
}

static void rcache_put(long long a, long long b, const char *authz,
		       const char *day, const struct kept_stamp *s, int answer,
		       long long person)
{
	struct rcache_entry *e = rcache_slot(a, b, authz);
	long long ttl = conf_int("Registry.CacheSeconds", 10) * 1000;

	if (!kept_may(s, ttl) || strlen(authz) >= sizeof(e->authz))
		return;
	e->a = a;
	e->b = b;
	snprintf(e->authz, sizeof(e->authz), "%s", authz);
	snprintf(e->day, sizeof(e->day), "%s", day);
	e->answer = answer;
	e->person = person;
	kept_set(&e->k, s, ttl);
}

int registry_person_of_account(long long account_id, long long *person_id)
{
	const struct rcache_entry *hit = rcache_find(account_id, 0, "");
	struct arena a = { 0 };
	struct row row;
	struct kept_stamp s;
	char day[11];
	int rc;

	if (hit) {
		if (hit->answer == 1)
			*person_id = hit->person;
		return hit->answer;
	}
	/* Noted before the read: a change committed after it drops the copy. */
	s = kept_note(EPOCH_BIT(EPOCH_REGISTRY));
	tzpl_today_utc(day);
	rc = db_get(&a, &q_person_of_account, &row, "i", account_id);
	if (rc == 1)
		*person_id = row_int(&row, "id", 0);
	if (rc >= 0)
		rcache_put(account_id, 0, "", day, &s, rc,
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
	struct kept_stamp s = { 0 };
	char day[11];
	int rc;

	if (!authz)
		return 0;
	/* Only "today" is kept; a given date always asks the database. */
	if (!date && *authz) {
		if ((hit = rcache_find(person_id, company_id, authz)))
			return hit->answer;
		s = kept_note(EPOCH_BIT(EPOCH_REGISTRY));
		tzpl_today_utc(day);
	}
	rc = db_get(&a, &q_may_act, &row, "ssiisss", date, date, person_id,
		    company_id, authz, authz, authz);
	if (!date && *authz && rc >= 0)
		rcache_put(person_id, company_id, authz, day, &s, rc, 0);
	arena_reset(&a);
	return rc;
}

int registry_agency_of(long long person_id, long long company_id,
		       const char *authz, long long *agency_id)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	*agency_id = 0;
	rc = db_get(&a, &q_agency_of, &row, "iisiiss", company_id, person_id,
		    authz, company_id, person_id, authz, authz);
	if (rc == 1)
		*agency_id = row_int(&row, "agency", 0);
	arena_reset(&a);
	return rc < 0 ? -1 : 0;
}

int registry_companies_for(long long person_id, const char *authz, HDF *hdf,
			   const char *prefix)
{
	return db_select_hdf(&q_companies_for, hdf, prefix, "issss", person_id,
			     authz, authz, authz, authz);
}

int registry_companies_each(long long person_id, const char *authz,
			    db_row_cb cb, void *ctx)
{
	return db_each(&q_companies_for, cb, ctx, "issss", person_id, authz,
		       authz, authz, authz);
}

int registry_cert_person(const char *serial_hex, long long *person_id)
{
	struct arena a = { 0 };
	struct row row;
	long long person = 0;
	int rc = ca_store_holder(serial_hex, &person);

	if (rc == 1)
		rc = db_get(&a, &q_person_approved, &row, "i", person);
	if (rc == 1)
		*person_id = person;
	arena_reset(&a);
	return rc;
}

int registry_app_status(struct arena *a, long long app, long long person,
			struct registry_status *out)
{
	struct row row;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_get(a, &q_app_status, &row, "ii", person, app);
	if (rc <= 0)
		return rc;
	out->kind = row_get(&row, "kind", "");
	out->status = row_get(&row, "status", "");
	out->subject_id = row_int(&row, "subject_id", 0);
	out->id_sisc = row_get(&row, "id_sisc", NULL);
	out->eori = row_get(&row, "eori", NULL);
	out->mine = (int)row_int(&row, "mine", 0);
	return 1;
}

int registry_sisc_status(struct arena *a, const char *sisc,
			 struct registry_status *out)
{
	struct row row;
	int rc;

	memset(out, 0, sizeof(*out));
	out->kind = "person";
	rc = db_get(a, &q_person_sisc, &row, "s", sisc);
	if (rc == 0) {
		out->kind = "company";
		rc = db_get(a, &q_company_sisc, &row, "s", sisc);
	}
	if (rc <= 0)
		return rc;
	out->subject_id = row_int(&row, "id", 0);
	out->status = row_get(&row, "status", "");
	out->id_sisc = row_get(&row, "id_sisc", NULL);
	out->eori = row_get(&row, "eori", NULL);
	return 1;
}

int registry_person_sisc(struct arena *a, long long person, const char **sisc)
{
	struct row row;
	int rc = db_get(a, &q_sisc_of, &row, "i", person);

	*sisc = rc == 1 ? row_get(&row, "id_sisc", NULL) : NULL;
	return rc;
}

static int held_row(const struct row *row, void *ctx)
{
	struct registry_held *h = ctx;
	const char *code = row_get(row, "code", "");

	if (row_int(row, "admin", 0))
		h->admin = 1;
	if (row_int(row, "held", 0) && h->n < REGISTRY_AUTHZ_MAX &&
	    strlen(code) < sizeof(h->code[0]))
		snprintf(h->code[h->n++], sizeof(h->code[0]), "%s", code);
	return 0;
}

int registry_held(long long person_id, long long company_id,
		  const struct registry_asof *asof, struct registry_held *out)
{
	const char *day = asof ? asof->day : NULL;

	memset(out, 0, sizeof(*out));
	if (db_each(&q_held, held_row, out, "ssisii", day, day,
		    asof ? asof->before : 0LL,
		    asof && asof->skip ? asof->skip : "", person_id,
		    company_id) < 0) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	return 0;
}

static int holds(const struct registry_held *h, const char *code)
{
	for (int i = 0; i < h->n; i++)
		if (strcmp(h->code[i], code) == 0)
			return 1;
	return 0;
}

enum registry_grant registry_grant_verdict(const struct registry_held *h,
					   long long granter,
					   long long rep_person,
					   const char *const *codes, int n,
					   const char **which)
{
	int i;

	*which = NULL;
	/* One's own representation is widened or prolonged by someone else
	 * (an administrator), never by oneself. */
	if (rep_person && rep_person == granter)
		return GRANT_SELF;
	for (i = 0; i < n; i++)
		if (!holds(h, codes[i])) {
			*which = codes[i];
			return GRANT_NOT_HELD;
		}
	/* Whoever may hand on reps_manage makes managers, who could then
	 * hand on whatever they hold: only administrators do. */
	for (i = 0; i < n; i++)
		if (strcmp(codes[i], AUTHZ_REPS_MANAGE) == 0 && !h->admin) {
			*which = codes[i];
			return GRANT_ADMIN_ONLY;
		}
	return GRANT_OK;
}

/* One row of q_grants, kept for the second pass. */
struct grant_row {
	long long id, company_id, rep_person, granted_by;
	int in_force;
	const char *day, *company, *who, *granter, *codes;
};

struct grant_rows {
	struct arena *a;
	struct grant_row *v;
	size_t n, cap;
};

static int grant_row_cb(const struct row *row, void *ctx)
{
	struct grant_rows *g = ctx;
	struct grant_row *x;

	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		struct grant_row *v = arena_alloc(g->a, cap * sizeof(*v));

		if (g->n)
			memcpy(v, g->v, g->n * sizeof(*v));
		g->v = v;
		g->cap = cap;
	}
	x = &g->v[g->n++];
	x->id = row_int(row, "id", 0);
	x->company_id = row_int(row, "company_id", 0);
	x->rep_person = row_int(row, "rep_person", 0);
	x->granted_by = row_int(row, "granted_by", 0);
	x->in_force = (int)row_int(row, "in_force", 0);
	x->day = arena_strdup(g->a, row_get(row, "day", ""));
	x->company = arena_strdup(g->a, row_get(row, "company", ""));
	x->who = arena_strdup(g->a, row_get(row, "who", ""));
	x->granter = arena_strdup(g->a, row_get(row, "granter", ""));
	x->codes = arena_strdup(g->a, row_get(row, "codes", ""));
	return 0;
}

/* Splits a comma-separated list in place into v (at most max). */
static int split_codes(char *s, const char **v, int max)
{
	int n = 0;
	char *save = NULL, *t;

	for (t = strtok_r(s, ",", &save); t && n < max;
	     t = strtok_r(NULL, ",", &save))
		v[n++] = t;
	return n;
}

int registry_check_grants(registry_finding_cb cb, void *ctx)
{
	struct arena a = { 0 };
	struct grant_rows g = { &a, NULL, 0, 0 };
	struct buf skip = { 0 };
	int found = 0, rc = -1;
	size_t i;

	/* All rows first: the connection reads one result at a time, and
	 * each row needs registry_held's own query. */
	if (db_each(&q_grants, grant_row_cb, &g, "") < 0)
		goto out;
	for (i = 0; i < g.n; i++) {
		const struct grant_row *x = &g.v[i];
		struct registry_finding f = { x->id,	     x->company_id,
					      x->granted_by, x->company,
					      x->who,	     x->granter,
					      x->codes,	     GRANT_OK,
					      NULL };
		struct registry_asof asof = { x->day, x->id, skip.p };
		struct registry_held h;
		const char *codes[REGISTRY_AUTHZ_MAX];
		int n;

		if (x->granted_by) {
			if (registry_held(x->granted_by, x->company_id, &asof,
					  &h) < 0)
				goto out;
			n = split_codes(arena_strdup(&a, x->codes), codes,
					REGISTRY_AUTHZ_MAX);
			f.why = registry_grant_verdict(&h, x->granted_by,
						       x->rep_person, codes, n,
						       &f.which);
			if (f.why == GRANT_OK)
				continue;
		}
		/* Broken or of unknown origin: it lends nothing to the grants
		 * made after it, ended or not (a chain of them is found at
		 * once, not one link per run). */
		buf_printf(&skip, "%s%lld", skip.len ? "," : "", x->id);
		if (!x->in_force)
			continue;
		found++;
		if (cb && cb(&f, ctx))
			break;
	}
	rc = found;
out:
	buf_free(&skip);
	arena_reset(&a);
	return rc;
}
