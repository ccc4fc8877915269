/* registry.c: the one source of truth about who is who (issue 3):
 * EORI look-ups, representation with agency links, certificate owners.
 * Read by every program through its own database account, which needs
 * SELECT on company, person, representation, representation_authz and
 * certificate. */
#include "registry.h"

#include <string.h>

#include "db.h"

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

int registry_person_of_account(long long account_id, long long *person_id)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	rc = db_get(&a, &q_person_of_account, &row, "i", account_id);
	if (rc == 1)
		*person_id = row_int(&row, "id", 0);
	arena_reset(&a);
	return rc;
}

int registry_may_act(long long person_id, long long company_id,
		     const char *authz, const char *date)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	if (!authz)
		return 0;
	rc = db_get(&a, &q_may_act, &row, "ssiisss", date, date, person_id,
		    company_id, authz, authz, authz);
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
