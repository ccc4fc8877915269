/* approve.c: the office's decision on an application, in one transaction:
 * statuses, ID SISC, EORI, the administrator's representation, applied
 * changes, history, the mail and the audit line */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "company-form.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

static struct sql q_lock = SQL(
	"SELECT id, kind, subject_id, status, assigned_to, submitted_by, payload"
	" FROM application WHERE id = ? FOR UPDATE");
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
static struct sql q_submitter_person = SQL(
	"SELECT id FROM person WHERE account_id = ? AND status = 'approved'");
static struct sql q_admin_rep = SQL(
	"INSERT INTO representation (company_id, rep_person_id, valid_from,"
	" origin, created_by, created_at)"
	" VALUES (?, ?, UTC_DATE(), 'approval', ?, UTC_TIMESTAMP())");
static struct sql q_admin_authz = SQL(
	"INSERT INTO representation_authz (representation_id, authz_code)"
	" SELECT ?, code FROM authorisation");

/* The next number of a sequence; the row stays locked until commit. */
static long long next_in(struct req *r, const char *name)
{
	struct row row;

	if (db_exec(&q_seq_bump, "s", name) != 1 ||
	    db_get(&r->arena, &q_seq_get, &row, "s", name) != 1)
		return -1;
	return row_int(&row, "v", -1);
}

/* ID SISC: "PL", P (person) or C (company), 10 digits of the sequence
 * and a Luhn check digit over them (docs/ecustomer.md). */
static const char *new_sisc(struct req *r, char kind)
{
	char digits[11];
	long long n = next_in(r, kind == 'P' ? "sisc_P" : "sisc_C");
	int sum = 0, i;

	if (n < 0 || n > 9999999999LL)
		return NULL;
	snprintf(digits, sizeof(digits), "%010lld", n);
	for (i = 0; i < 10; i++) {
		int d = digits[9 - i] - '0';

		if (i % 2 == 0) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return arena_printf(&r->arena, "PL%c%s%d", kind, digits,
			    (10 - sum % 10) % 10);
}

static int history_field(struct req *r, long long id, const char *field,
			 const char *old_value, const char *new_value)
{
	if (strcmp(old_value ? old_value : "", new_value ? new_value : "") == 0)
		return 0;
	return ec_history(r, "company", id, field, old_value, new_value);
}

/* 0 done, -1 error, 1 refused with a 409 already sent. */
static int approve_person(struct req *r, long long id)
{
	const char *sisc = new_sisc(r, 'P');

	if (!sisc || db_exec(&q_person_approve, "si", sisc, id) != 1 ||
	    ec_history(r, "person", id, "status", NULL, "approved") ||
	    ec_history(r, "person", id, "id_sisc", NULL, sisc))
		return -1;
	return 0;
}

static int approve_company(struct req *r, long long id, long long submitter)
{
	const char *sisc = new_sisc(r, 'C'), *eori = NULL;
	struct row c, p;
	long long rep;

	if (!sisc || db_get(&r->arena, &q_company_row, &c, "i", id) != 1)
		return -1;
	if (row_int(&c, "eori_requested", 0)) {
		char pl[18];
		long long n;

		/* A Polish NIP gives the EORI; anyone else draws from the
		 * sequence, which never hands a number out twice. */
		if (strcmp(row_get(&c, "country", ""), "PL") == 0 &&
		    valid_eori_pl_from_nip(row_get(&c, "nip", ""), pl)) {
			eori = arena_strdup(&r->arena, pl);
		} else {
			n = next_in(r, "eori");
			if (n < 0)
				return -1;
			eori = arena_printf(&r->arena, "PL%014lldZ", n);
		}
	}
	if (db_exec(&q_company_approve, "ssi", sisc, eori, id) != 1) {
		if (!db_duplicate())
			return -1;
		db_rollback();
		resp_error(r, 409, "ec_eori_taken");
		return 1;
	}
	if (ec_history(r, "company", id, "status", row_get(&c, "status", ""),
		       "approved") ||
	    ec_history(r, "company", id, "id_sisc", NULL, sisc) ||
	    (eori && ec_history(r, "company", id, "eori", NULL, eori)))
		return -1;
	/* The registrant becomes the administrator of representatives. */
	if (db_get(&r->arena, &q_submitter_person, &p, "i", submitter) == 1) {
		if (db_exec(&q_admin_rep, "iis", id, row_int(&p, "id", 0),
			    r->sess.name) != 1)
			return -1;
		rep = db_insert_id(&q_admin_rep);
		if (db_exec(&q_admin_authz, "i", rep) < 1 ||
		    ec_history(r, "company", id, "representation", NULL,
			       arena_printf(&r->arena, "person:%lld: all",
					    row_int(&p, "id", 0))))
			return -1;
	}
	return 0;
}

static int apply_update(struct req *r, long long id, const char *payload)
{
	const char *nv[C__MAX] = { 0 };
	struct field *f = NULL;	/* the parser appends to f[0..n) */
	struct row c;
	size_t n = 0, i;
	int k;

	if (!payload || req_parse_urlencoded(&r->arena, payload,
					     strlen(payload), &f, &n) ||
	    db_get(&r->arena, &q_company_row, &c, "i", id) != 1)
		return -1;
	if (strcmp(row_get(&c, "status", ""), "approved") != 0) {
		db_rollback();
		resp_error(r, 409, "ec_not_active");
		return 1;
	}
	for (i = 0; i < n; i++)
		for (k = 0; k < C__MAX; k++)
			if (strcmp(f[i].name, company_params[k].name) == 0)
				nv[k] = f[i].value;
	if (db_exec(&q_company_update,
		    "ssssssssssssssssssssssssssssssi",
		    nv[0], nv[0], nv[1], nv[1], nv[2], nv[2], nv[3], nv[3],
		    nv[4], nv[4], nv[5], nv[5], nv[6], nv[6], nv[7], nv[7],
		    nv[8], nv[8], nv[9], nv[9], nv[10], nv[10], nv[11], nv[11],
		    nv[12], nv[12], nv[13], nv[13], nv[14], nv[14], id) < 0)
		return -1;
	for (k = 0; k < C__MAX; k++)
		if (nv[k] && history_field(r, id, company_params[k].name,
					   row_get(&c, company_params[k].name,
						   NULL), nv[k]))
			return -1;
	return 0;
}

static int deactivate(struct req *r, long long id)
{
	long long n = db_exec(&q_company_deactivate, "i", id);

	if (n < 0)
		return -1;
	if (n == 0) {
		db_rollback();
		resp_error(r, 409, "ec_not_active");
		return 1;
	}
	/* The EORI stays on the row (and in history): never reassigned. */
	return ec_history(r, "company", id, "status", "approved",
			  "deactivated");
}

int office_decide_fn(struct req *r)
{
	long long id = ec_arg_id(r, 0), subject, assigned;
	const char *decision = req_form(r, "decision");
	const char *reason = req_form(r, "reason"), *kind, *status;
	int approve, rc;
	struct row a;

	hdf_set_value(r->hdf, "Page.Service", "skr");
	if (!id)
		return resp_error(r, 404, "not_found");
	if (!decision || (strcmp(decision, "approve") != 0 &&
			  strcmp(decision, "reject") != 0))
		return resp_error(r, 400, "malformed");
	approve = strcmp(decision, "approve") == 0;
	while (reason && (*reason == ' ' || *reason == '\n' || *reason == '\r'))
		reason++;
	if (reason && !*reason)
		reason = NULL;	/* an empty box is no reason */
	if (reason)
		hdf_set_value(r->hdf, "Form.reason", reason);
	if (reason && (strlen(reason) > 1000 || !valid_text(reason, 1000))) {
		view_field_error(r, "reason", strlen(reason) > 1000
						      ? "err.too_long"
						      : "err.invalid");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return ec_office_render(r, id, 422);
	}
	if (!approve && (!reason || !*reason)) {
		view_field_error(r, "reason", "err.ec_reason_required");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return ec_office_render(r, id, 422);
	}
	rc = ec_office_own(r, id);
	if (rc < 0)
		return -1;
	if (rc)
		return resp_error(r, 403, "ec_own_application");

	if (db_begin() < 0)
		return -1;
	rc = db_get(&r->arena, &q_lock, &a, "i", id);
	if (rc <= 0) {
		db_rollback();
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	}
	status = row_get(&a, "status", "");
	assigned = row_int(&a, "assigned_to", 0);
	if (strcmp(status, "submitted") != 0 &&
	    strcmp(status, "under_review") != 0) {
		db_rollback();
		return resp_error(r, 409, "ec_not_open");
	}
	/* Someone else's taken application is theirs to decide. */
	if (assigned && assigned != r->sess.account_id) {
		db_rollback();
		return resp_error(r, 409, "ec_taken");
	}
	kind = row_get(&a, "kind", "");
	subject = row_int(&a, "subject_id", 0);
	rc = 0;
	if (approve) {
		if (strcmp(kind, "person") == 0)
			rc = approve_person(r, subject);
		else if (strcmp(kind, "company") == 0)
			rc = approve_company(r, subject,
					     row_int(&a, "submitted_by", 0));
		else if (strcmp(kind, "company_update") == 0)
			rc = apply_update(r, subject,
					  row_get(&a, "payload", NULL));
		else
			rc = deactivate(r, subject);
	} else if (strcmp(kind, "person") == 0) {
		rc = db_exec(&q_person_reject, "i", subject) < 0 ||
		     ec_history(r, "person", subject, "status", NULL,
				"rejected") ? -1 : 0;
	} else if (strcmp(kind, "company") == 0) {
		rc = db_exec(&q_company_reject, "i", subject) < 0 ||
		     ec_history(r, "company", subject, "status", NULL,
				"rejected") ? -1 : 0;
	}
	if (rc == 1)
		return 0;	/* refused, answered, rolled back */
	if (rc < 0)
		goto fail;
	if (db_exec(&q_decide, "ssiii", approve ? "approved" : "rejected",
		    reason && *reason ? reason : NULL, r->sess.account_id,
		    r->sess.account_id, id) != 1 ||
	    ec_history(r, "application", id, "status", status,
		       approve ? "approved" : "rejected") ||
	    ec_notify(r, id) ||
	    audit_log(r, approve ? "ecustomer.application.approve"
				 : "ecustomer.application.reject",
		      arena_printf(&r->arena, "application:%lld", id), reason))
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/ecustomer/applications/%lld", id));
fail:
	db_rollback();
	return -1;
}
