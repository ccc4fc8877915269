/* registry_decide.c: the office's decision on an application, inside the
 * caller's transaction: statuses, ID SISC, EORI, AKC-R, the administrator's
 * representation, applied changes, history */
#include "registry_int.h"

#include "registry_akcr.h"

#include <string.h>

#include "registry_records.h"
#include "req.h"
#include "valid.h"

static struct sql q_seq_bump = SQL(
	"UPDATE ecustomer_sequence SET next_val = next_val + 1 WHERE name = ?");
static struct sql q_seq_get = SQL(
	"SELECT next_val - 1 AS v FROM ecustomer_sequence WHERE name = ?");
static struct sql q_decide = SQL(
	"UPDATE application SET status = ?, reason = ?, assigned_to = ?,"
	" decided_by = ?, decided_at = UTC_TIMESTAMP() WHERE id = ?");
static struct sql q_person_approve = SQL(
	"UPDATE person SET status = 'approved', id_sisc = ?,"
	" approved_at = UTC_TIMESTAMP() WHERE id = ? AND id_sisc IS NULL");
static struct sql q_person_reject = SQL(
	"UPDATE person SET status = 'rejected' WHERE id = ?");
static struct sql q_company_row = SQL(
	"SELECT * FROM company WHERE id = ? FOR UPDATE");
static struct sql q_company_approve = SQL(
	"UPDATE company SET status = 'approved', id_sisc = ?, eori = ?,"
	" approved_at = UTC_TIMESTAMP() WHERE id = ? AND id_sisc IS NULL");
static struct sql q_company_reject = SQL(
	"UPDATE company SET status = 'rejected' WHERE id = ?");
static struct sql q_company_deactivate = SQL(
	"UPDATE company SET status = 'deactivated' WHERE id = ?"
	" AND status = 'approved'");
/* Every column is given twice: NULL keeps it, "" clears it. */
static struct sql q_company_update = SQL(
	"UPDATE company SET"
	" name = IF(? IS NULL, name, ?),"
	" legal_form = IF(? IS NULL, legal_form, ?),"
	" nip = IF(? IS NULL, nip, NULLIF(?, '')),"
	" regon = IF(? IS NULL, regon, NULLIF(?, '')),"
	" country = IF(? IS NULL, country, ?),"
	" voivodship = IF(? IS NULL, voivodship, NULLIF(?, '')),"
	" town = IF(? IS NULL, town, ?),"
	" postcode = IF(? IS NULL, postcode, ?),"
	" street = IF(? IS NULL, street, NULLIF(?, '')),"
	" house_no = IF(? IS NULL, house_no, ?),"
	" iban = IF(? IS NULL, iban, ?),"
	" main_activity = IF(? IS NULL, main_activity, ?),"
	" contact_email = IF(? IS NULL, contact_email, ?),"
	" contact_phone = IF(? IS NULL, contact_phone, ?),"
	" publish_eori_data = IF(? IS NULL, publish_eori_data, ?)"
	" WHERE id = ? AND status = 'approved'");
/* The history line of the first representation names the person and
 * every authorisation as codes, as the representatives' page writes its
 * own lines (the page names them in the reader's language). */
static struct sql q_submitter_person = SQL(
	"SELECT id, CONCAT(first_name, ' ', last_name) AS name,"
	" (SELECT GROUP_CONCAT(code ORDER BY sort SEPARATOR ', ')"
	"  FROM authorisation) AS codes,"
	" DATE_FORMAT(UTC_DATE(), '%Y-%m-%d') AS today"
	" FROM person WHERE account_id = ? AND status = 'approved'");
static struct sql q_admin_rep = SQL(
	"INSERT INTO representation (company_id, rep_person_id, valid_from,"
	" origin, created_by, created_at)"
	" VALUES (?, ?, UTC_DATE(), 'approval', ?, UTC_TIMESTAMP())");
static struct sql q_admin_authz = SQL(
	"INSERT INTO representation_authz (representation_id, authz_code)"
	" SELECT ?, code FROM authorisation");

long long registry_next_in(struct arena *ar, const char *name)
{
	struct row row;

	if (db_exec(&q_seq_bump, "s", name) != 1 ||
	    db_get(ar, &q_seq_get, &row, "s", name) != 1)
		return -1;
	return row_int(&row, "v", -1);
}

static const char *new_sisc(struct arena *ar, char kind)
{
	long long n = registry_next_in(ar, kind == 'P' ? "sisc_P" : "sisc_C");
	char *sisc = arena_alloc(ar, 15);

	if (n < 0 || !sisc || registry_sisc(kind, n, sisc) < 0)
		return NULL;
	return sisc;
}

static int approve_person(struct arena *ar, const struct registry_actor *by,
			  long long id)
{
	const char *sisc = new_sisc(ar, 'P');

	if (!sisc || db_exec(&q_person_approve, "si", sisc, id) != 1 ||
	    registry_history(by, "person", id, "status", NULL, "approved") ||
	    registry_history(by, "person", id, "id_sisc", NULL, sisc))
		return -1;
	return APP_OK;
}

static int approve_company(struct arena *ar, const struct registry_actor *by,
			   long long id, long long submitter)
{
	const char *sisc = new_sisc(ar, 'C');
	char *eori = NULL;
	struct row c, p;
	long long rep;

	if (!sisc || db_get(ar, &q_company_row, &c, "i", id) != 1)
		return -1;
	if (row_int(&c, "eori_requested", 0)) {
		eori = arena_alloc(ar, 18);
		if (!eori)
			return -1;
		/* A Polish NIP gives the EORI; anyone else draws from the
		 * sequence, which never hands a number out twice. */
		if (!(strcmp(row_get(&c, "country", ""), "PL") == 0 &&
		      valid_eori_pl_from_nip(row_get(&c, "nip", ""), eori)) &&
		    registry_eori_from_seq(registry_next_in(ar, "eori"), eori) <
			    0)
			return -1;
	}
	if (db_exec(&q_company_approve, "ssi", sisc, eori, id) != 1)
		return db_duplicate() ? APP_EORI_TAKEN : -1;
	if (registry_history(by, "company", id, "status",
			     row_get(&c, "status", ""), "approved") ||
	    registry_history(by, "company", id, "id_sisc", NULL, sisc) ||
	    (eori && registry_history(by, "company", id, "eori", NULL, eori)))
		return -1;
	/* The registrant becomes the administrator of representatives. */
	if (db_get(ar, &q_submitter_person, &p, "i", submitter) == 1) {
		if (db_exec(&q_admin_rep, "iis", id, row_int(&p, "id", 0),
			    by->name) != 1)
			return -1;
		rep = db_insert_id(&q_admin_rep);
		if (db_exec(&q_admin_authz, "i", rep) < 1 ||
		    registry_history(by, "company", id, "representation", NULL,
				     arena_printf(ar, "%s: %s (%s – …)",
						  row_get(&p, "name", ""),
						  row_get(&p, "codes", ""),
						  row_get(&p, "today", ""))))
			return -1;
	}
	return APP_OK;
}

static int history_field(const struct registry_actor *by, long long id,
			 const char *field, const char *old_value,
			 const char *new_value)
{
	if (strcmp(old_value ? old_value : "", new_value ? new_value : "") == 0)
		return 0;
	return registry_history(by, "company", id, field, old_value, new_value);
}

/* A change application's payload (form-encoded, the names of
 * registry_company_columns) applied to an approved company. */
static int apply_update(struct arena *ar, const struct registry_actor *by,
			long long id, const char *payload)
{
	const char *nv[CO__MAX] = { 0 };
	struct field *f = NULL; /* the parser appends to f[0..n) */
	struct row c;
	size_t n = 0, i;
	int k;

	if (!payload ||
	    req_parse_urlencoded(ar, payload, strlen(payload), &f, &n) ||
	    db_get(ar, &q_company_row, &c, "i", id) != 1)
		return -1;
	if (!registry_company_is_active(row_get(&c, "status", NULL)))
		return APP_NOT_ACTIVE;
	for (i = 0; i < n; i++)
		for (k = 0; k < CO__MAX; k++)
			if (strcmp(f[i].name, registry_company_columns[k]) == 0)
				nv[k] = f[i].value;
	if (db_exec(&q_company_update, "ssssssssssssssssssssssssssssssi", nv[0],
		    nv[0], nv[1], nv[1], nv[2], nv[2], nv[3], nv[3], nv[4],
		    nv[4], nv[5], nv[5], nv[6], nv[6], nv[7], nv[7], nv[8],
		    nv[8], nv[9], nv[9], nv[10], nv[10], nv[11], nv[11], nv[12],
		    nv[12], nv[13], nv[13], nv[14], nv[14], id) < 0)
		return -1;
	for (k = 0; k < CO__MAX; k++)
		if (nv[k] &&
		    history_field(
			    by, id, registry_company_columns[k],
			    row_get(&c, registry_company_columns[k], NULL),
			    nv[k]))
			return -1;
	return APP_OK;
}

static int deactivate(const struct registry_actor *by, long long id)
{
	long long n = db_exec(&q_company_deactivate, "i", id);

	if (n < 0)
		return -1;
	if (n == 0)
		return APP_NOT_ACTIVE;
	/* The EORI stays on the row (and in history): never reassigned. The
	 * excise registration ends with the company, its number kept. */
	return registry_history(by, "company", id, "status", "approved",
				"deactivated") ||
			       registry_akcr_end(by, id)
		       ? -1
		       : APP_OK;
}

/* The AKC-R request an application carries, applied: an akcr application
 * to an approved company, a company's registration (asked together) once
 * approve_company approved it: one decision gives both numbers. */
static int apply_akcr(struct arena *ar, const struct registry_actor *by,
		      const struct app *a, const char *payload)
{
	struct akcr_request req;
	struct row c;
	int rc = registry_akcr_parse(ar, payload, &req);

	if (rc < 0)
		return -1;
	if (rc == 0) /* a company without AKC-R; an akcr one always has it */
		return strcmp(a->kind, "akcr") == 0 ? -1 : APP_OK;
	if (db_get(ar, &q_company_row, &c, "i", a->subject_id) != 1)
		return -1;
	if (!registry_company_is_active(row_get(&c, "status", NULL)))
		return APP_NOT_ACTIVE;
	return registry_akcr_apply(ar, by, a->subject_id, &req);
}

static int reject(const struct registry_actor *by, const struct app *a)
{
	struct sql *q = strcmp(a->kind, "person") == 0	  ? &q_person_reject
			: strcmp(a->kind, "company") == 0 ? &q_company_reject
							  : NULL;

	/* A refused change or deactivation leaves the company as it is. */
	if (!q)
		return APP_OK;
	if (db_exec(q, "i", a->subject_id) < 0 ||
	    registry_history(by, a->kind, a->subject_id, "status", NULL,
			     "rejected"))
		return -1;
	return APP_OK;
}

int registry_app_decide(struct arena *ar, long long id,
			const struct registry_actor *officer, int approve,
			const char *reason, struct app *a)
{
	const char *payload = NULL, *was;
	int rc = registry_app_lock(ar, id, a, &payload);

	if (rc <= 0)
		return rc < 0 ? -1 : APP_NOT_FOUND;
	rc = app_may_decide(a, officer);
	if (rc != APP_OK)
		return rc;
	/* A power of attorney: the representation counts from now on, or
	 * never (the reason is kept on it too). */
	if (strcmp(a->kind, "representation_poa") == 0)
		rc = registry_rep_verify(ar, officer,
					 registry_rep_of_app(payload),
					 a->subject_id, approve, reason);
	else if (!approve)
		rc = reject(officer, a);
	else if (strcmp(a->kind, "person") == 0)
		rc = approve_person(ar, officer, a->subject_id);
	else if (strcmp(a->kind, "company") == 0) {
		rc = approve_company(ar, officer, a->subject_id,
				     a->submitted_by);
		if (rc == APP_OK)
			rc = apply_akcr(ar, officer, a, payload);
	} else if (strcmp(a->kind, "akcr") == 0)
		rc = apply_akcr(ar, officer, a, payload);
	else if (strcmp(a->kind, "company_update") == 0)
		rc = apply_update(ar, officer, a->subject_id, payload);
	else if (strcmp(a->kind, "person_update") == 0)
		rc = registry_person_apply(ar, officer, a->subject_id, payload);
	else
		rc = deactivate(officer, a->subject_id);
	if (rc != APP_OK)
		return rc;
	was = a->status;
	a->status = approve ? "approved" : "rejected";
	if (db_exec(&q_decide, "ssiii", a->status, reason, officer->id,
		    officer->id, id) != 1 ||
	    registry_history(officer, "application", id, "status", was,
			     a->status))
		return -1;
	return APP_OK;
}
