/* ui-office.c: the registration office: the queue of applications, one
 * application with the validators' verdicts and possible duplicates, and
 * taking it (deciding is approve.c) */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "form.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

enum { Q_KIND, Q_STATUS, Q_FROM, Q_TO, Q_OFFICE, Q__MAX };

static int check_kind(const char *v)
{
	static const char *const k[] = { "person", "company", "company_update",
					 "company_deactivation", NULL };
	return ec_in_list(k, v);
}

static int check_status(const char *v)
{
	static const char *const s[] = { "open", "all", "submitted",
					 "under_review", "approved", "rejected",
					 NULL };
	return ec_in_list(s, v);
}

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static int check_office(const char *v)
{
	return valid_digits(v, strlen(v));
}

static const struct param qparams[Q__MAX] = {
	{ "kind", P_QUERY, 24, NULL, check_kind, NULL },		/* Q_KIND */
	{ "status", P_QUERY, 16, NULL, check_status, NULL },		/* Q_STATUS */
	{ "from", P_QUERY, 10, NULL, check_date, "date" },		/* Q_FROM */
	{ "to", P_QUERY, 10, NULL, check_date, "date" },		/* Q_TO */
	{ "office", P_QUERY, 9, NULL, check_office, NULL },		/* Q_OFFICE */
};

#define SUBJECT_NAME \
	" CASE WHEN a.kind = 'person' THEN" \
	"  (SELECT CONCAT(p.first_name, ' ', p.last_name) FROM person p" \
	"   WHERE p.id = a.subject_id)" \
	"  ELSE (SELECT c.name FROM company c WHERE c.id = a.subject_id)" \
	" END AS subject"

/* Oldest first: the office works in the order people asked. */
static struct sql q_queue = SQL(
	"SELECT a.id, a.kind, a.status, a.created_at, o.code AS office,"
	" s.full_name AS assignee," SUBJECT_NAME
	" FROM application a JOIN org_unit o ON o.id = a.office_unit_id"
	" LEFT JOIN staff s ON s.id = a.assigned_to"
	" WHERE (? = 'all' OR (? = 'open' AND a.status IN"
	"  ('submitted', 'under_review')) OR a.status = ?)"
	" AND (? IS NULL OR a.kind = ?)"
	" AND (? IS NULL OR a.created_at >= ?)"
	" AND (? IS NULL OR a.created_at < CAST(? AS DATE) + INTERVAL 1 DAY)"
	" AND (? IS NULL OR a.office_unit_id = ?)"
	" ORDER BY a.created_at, a.id LIMIT 500");
static struct sql q_offices = SQL(
	"SELECT id AS Value, CONCAT(code, ' · ', IF(? = 'en', name_en, name_pl))"
	" AS Label FROM org_unit WHERE kind = 'office' ORDER BY id");
static struct sql q_app = SQL(
	"SELECT a.id, a.kind, a.subject_id, a.status, a.reason, a.payload,"
	" a.created_at, a.decided_at, a.assigned_to, a.submitted_by,"
	" s.full_name AS assignee, d.full_name AS decider, o.code AS office,"
	" CONCAT(pa.first_name, ' ', pa.last_name) AS submitter,"
	" pa.email AS submitter_email," SUBJECT_NAME
	" FROM application a JOIN org_unit o ON o.id = a.office_unit_id"
	" JOIN portal_account pa ON pa.id = a.submitted_by"
	" LEFT JOIN staff s ON s.id = a.assigned_to"
	" LEFT JOIN staff d ON d.id = a.decided_by WHERE a.id = ?");
/* m_<field>: which of the subject's fields the other row shares (the
 * page names the fields in its language). */
static struct sql q_dup_person = SQL(
	"SELECT id, CONCAT(first_name, ' ', last_name) AS name, id_sisc, status,"
	" pesel = ? AS m_pesel, email = ? AS m_email,"
	" id_doc_number = ? AS m_id_doc_number"
	" FROM person WHERE id <> ? AND (pesel = ? OR email = ?"
	" OR id_doc_number = ?) ORDER BY id LIMIT 20");
static struct sql q_dup_company = SQL(
	"SELECT id, name, id_sisc, eori, status,"
	" nip = ? AS m_nip, regon = ? AS m_regon,"
	" contact_email = ? AS m_contact_email"
	" FROM company WHERE id <> ? AND (nip = ? OR regon = ?"
	" OR contact_email = ?) ORDER BY id LIMIT 20");
/* The officer's own application: the staff e-mail is the submitter's
 * account or registered e-mail. */
static struct sql q_own = SQL(
	"SELECT 1 FROM application a JOIN portal_account pa"
	" ON pa.id = a.submitted_by LEFT JOIN person p"
	" ON p.account_id = a.submitted_by"
	" WHERE a.id = ? AND (pa.email = ? OR p.email = ?)");
static struct sql q_take = SQL(
	"UPDATE application SET assigned_to = ?, status = 'under_review'"
	" WHERE id = ? AND status IN ('submitted', 'under_review')"
	" AND (assigned_to IS NULL OR assigned_to = ?)");
static struct sql q_subject_review_person = SQL(
	"UPDATE person SET status = 'under_review' WHERE id = ?"
	" AND status = 'submitted'");
static struct sql q_subject_review_company = SQL(
	"UPDATE company SET status = 'under_review' WHERE id = ?"
	" AND status = 'submitted'");

static void staff_page(struct req *r)
{
	/* The intranet's header and brand, though another program serves
	 * the page. */
	hdf_set_value(r->hdf, "Page.Service", "skr");
}

int queue_fn(struct req *r)
{
	const char *v[Q__MAX];
	const char *status;
	int bad;

	staff_page(r);
	bad = form_read(r, qparams, Q__MAX, v);
	status = v[Q_STATUS] ? v[Q_STATUS] : "open";
	hdf_set_value(r->hdf, "Form.status", status);
	if (db_select_hdf(&q_offices, r->hdf, "Options.Office", "s", r->lang) < 0)
		return -1;
	if (!bad && db_select_hdf(&q_queue, r->hdf, "Queue", "sssssssssss",
				  status, status, status, v[Q_KIND], v[Q_KIND],
				  v[Q_FROM], v[Q_FROM], v[Q_TO], v[Q_TO],
				  v[Q_OFFICE], v[Q_OFFICE]) < 0)
		return -1;
	return view_render(r, bad ? 422 : 200, "ecustomer/skr_queue.cs");
}

static void check(struct req *r, int *n, const char *field, const char *v,
		  int ok)
{
	hdf_set_valuef(r->hdf, "Checks.%d.field=%s", *n, field);
	hdf_set_valuef(r->hdf, "Checks.%d.value=%s", *n, v ? v : "");
	hdf_set_valuef(r->hdf, "Checks.%d.ok=%d", *n, ok);
	(*n)++;
}

/* Each identifier through the same validators the forms use: the office
 * sees the verdict, not just the value. */
static void verdicts(struct req *r, const char *kind)
{
	const char *pl = hdf_get_value(r->hdf, "Subject.0.country", "");
	int n = 0, polish = strcmp(pl, "PL") == 0;
	const char *v;

	if (strcmp(kind, "person") == 0) {
		int y, m, d, by, bm, bd;

		v = hdf_get_value(r->hdf, "Subject.0.pesel", NULL);
		if (v || polish)
			check(r, &n, "pesel", v,
			      v && valid_pesel_birthdate(v, &y, &m, &d) &&
				      valid_date(hdf_get_value(r->hdf,
						 "Subject.0.birth_date", ""),
						 &by, &bm, &bd) &&
				      y == by && m == bm && d == bd);
		v = hdf_get_value(r->hdf, "Subject.0.id_doc_number", NULL);
		if (v)
			check(r, &n, "id_doc_number", v, 1);
		v = hdf_get_value(r->hdf, "Subject.0.email", NULL);
		check(r, &n, "email", v, valid_email(v));
		v = hdf_get_value(r->hdf, "Subject.0.phone", NULL);
		check(r, &n, "phone", v, valid_phone(v));
	} else {
		v = hdf_get_value(r->hdf, "Subject.0.nip", NULL);
		if (v || polish)
			check(r, &n, "nip", v, valid_nip(v));
		v = hdf_get_value(r->hdf, "Subject.0.regon", NULL);
		if (v || polish)
			check(r, &n, "regon", v, valid_regon(v));
		v = hdf_get_value(r->hdf, "Subject.0.iban", NULL);
		check(r, &n, "iban", v, valid_iban(v));
		v = hdf_get_value(r->hdf, "Subject.0.contact_email", NULL);
		check(r, &n, "contact_email", v, valid_email(v));
		v = hdf_get_value(r->hdf, "Subject.0.contact_phone", NULL);
		check(r, &n, "contact_phone", v, valid_phone(v));
	}
	v = hdf_get_value(r->hdf, "Subject.0.postcode", NULL);
	check(r, &n, "postcode", v, polish ? valid_postcode_pl(v) : v != NULL);
}

int ec_office_own(struct req *r, long long app)
{
	struct row row;

	return db_get(&r->arena, &q_own, &row, "iss", app, r->sess.email,
		      r->sess.email);
}

int ec_office_render(struct req *r, long long id, int status)
{
	const char *kind;
	struct row a;
	long long subject;
	int rc, own;

	staff_page(r);
	rc = db_get(&r->arena, &q_app, &a, "i", id);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (ec_app_picture(r, &a, 0) < 0)
		return -1;
	kind = row_get(&a, "kind", "");
	subject = row_int(&a, "subject_id", 0);
	verdicts(r, kind);
	if (strcmp(kind, "person") == 0) {
		const char *pesel = hdf_get_value(r->hdf, "Subject.0.pesel", NULL);
		const char *email = hdf_get_value(r->hdf, "Subject.0.email", NULL);
		const char *doc = hdf_get_value(r->hdf, "Subject.0.id_doc_number",
						NULL);

		if (db_select_hdf(&q_dup_person, r->hdf, "Dups", "sssisss", pesel,
				  email, doc, subject, pesel, email, doc) < 0)
			return -1;
	} else if (strcmp(kind, "company") == 0) {
		const char *nip = hdf_get_value(r->hdf, "Subject.0.nip", NULL);
		const char *regon = hdf_get_value(r->hdf, "Subject.0.regon", NULL);
		const char *email = hdf_get_value(r->hdf,
						  "Subject.0.contact_email", NULL);

		if (db_select_hdf(&q_dup_company, r->hdf, "Dups", "sssisss", nip,
				  regon, email, subject, nip, regon, email) < 0)
			return -1;
	}
	own = ec_office_own(r, id);
	if (own < 0)
		return -1;
	if (own)
		hdf_set_value(r->hdf, "App.Own", "1");
	if (row_int(&a, "assigned_to", 0) == r->sess.account_id)
		hdf_set_value(r->hdf, "App.Mine", "1");
	return view_render(r, status, "ecustomer/skr_app.cs");
}

int office_app_fn(struct req *r)
{
	long long id = ec_arg_id(r, 0);

	return id ? ec_office_render(r, id, 200)
		  : resp_error(r, 404, "not_found");
}

int office_take_fn(struct req *r)
{
	long long id = ec_arg_id(r, 0);
	struct row a;
	long long n;
	int rc;

	staff_page(r);
	rc = id ? db_get(&r->arena, &q_app, &a, "i", id) : 0;
	if (rc <= 0)
		return rc < 0 ? -1 : resp_error(r, 404, "not_found");
	rc = ec_office_own(r, id);
	if (rc < 0)
		return -1;
	if (rc)
		return resp_error(r, 403, "ec_own_application");
	if (db_begin() < 0)
		return -1;
	n = db_exec(&q_take, "iii", r->sess.account_id, id, r->sess.account_id);
	if (n < 0)
		goto fail;
	if (n == 0) {
		/* Decided already, or another officer holds it. */
		db_rollback();
		if (strcmp(row_get(&a, "status", ""), "approved") == 0 ||
		    strcmp(row_get(&a, "status", ""), "rejected") == 0)
			return resp_error(r, 409, "ec_not_open");
		hdf_set_value(r->hdf, "Page.Taken", row_get(&a, "assignee", ""));
		return resp_error(r, 409, "ec_taken");
	}
	if (strcmp(row_get(&a, "status", ""), "submitted") == 0) {
		const char *kind = row_get(&a, "kind", "");
		long long subject = row_int(&a, "subject_id", 0);

		if ((strcmp(kind, "person") == 0 &&
		     db_exec(&q_subject_review_person, "i", subject) < 0) ||
		    (strcmp(kind, "company") == 0 &&
		     db_exec(&q_subject_review_company, "i", subject) < 0) ||
		    ec_history(r, "application", id, "status", "submitted",
			       "under_review") ||
		    ec_notify(r, id))
			goto fail;
	}
	if (audit_log(r, "ecustomer.application.take",
		      arena_printf(&r->arena, "application:%lld", id), NULL))
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/ecustomer/applications/%lld", id));
fail:
	db_rollback();
	return -1;
}
