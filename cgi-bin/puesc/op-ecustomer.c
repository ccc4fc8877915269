/* op-ecustomer.c: e-Customer status for business systems:
 * GetRegistrationStatus (an application, or an ID SISC) and
 * GetRepresentations (who acts for a company, with which authorisations).
 * registry.h has no look-ups for these yet, so the SELECTs are here,
 * read-only and scoped to what the signer may see. */
#include "puesc.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "registry.h"

static struct sql q_app = SQL(
	"SELECT a.kind, a.status, a.subject_id,"
	" a.submitted_by = (SELECT account_id FROM person WHERE id = ?) AS mine,"
	" p.id_sisc AS p_sisc, c.id_sisc AS c_sisc, c.eori"
	" FROM application a"
	" LEFT JOIN person p ON a.kind = 'person' AND p.id = a.subject_id"
	" LEFT JOIN company c ON a.kind <> 'person' AND c.id = a.subject_id"
	" WHERE a.id = ?");
static struct sql q_person_sisc = SQL(
	"SELECT id, status FROM person WHERE id_sisc = ?");
static struct sql q_company_sisc = SQL(
	"SELECT id, status, eori FROM company WHERE id_sisc = ?");
static struct sql q_reps = SQL(
	"SELECT r.id, COALESCE(CONCAT(p.first_name, ' ', p.last_name), a.name)"
	" AS who, COALESCE(p.id_sisc, a.id_sisc) AS id_sisc,"
	" DATE_FORMAT(r.valid_from, '%Y-%m-%d') AS valid_from,"
	" DATE_FORMAT(r.valid_to, '%Y-%m-%d') AS valid_to,"
	" GROUP_CONCAT(z.authz_code ORDER BY z.authz_code SEPARATOR ' ')"
	" AS authz"
	" FROM representation r"
	" LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company a ON a.id = r.rep_company_id"
	" LEFT JOIN representation_authz z ON z.representation_id = r.id"
	" WHERE r.company_id = ? AND (r.valid_to IS NULL OR r.valid_to > UTC_DATE())"
	" GROUP BY r.id ORDER BY r.id");

static int answer_status(struct soap *s, const char *kind, const char *status,
			 const char *sisc, const char *eori)
{
	buf_printf(&s->out, "<GetRegistrationStatusResponse xmlns=\"%s\">",
		   NS_ZSOG);
	soap_elem(&s->out, "kind", kind);
	soap_elem(&s->out, "status", status);
	soap_elem(&s->out, "idSisc", sisc && *sisc ? sisc : NULL);
	soap_elem(&s->out, "eori", eori && *eori ? eori : NULL);
	buf_puts(&s->out, "</GetRegistrationStatusResponse>");
	return 0;
}

/* Someone else's application or registration is "not found", like one
 * that does not exist: its existence is not the caller's business. */
static int not_found(struct soap *s)
{
	return soap_fault(s, "NOT_FOUND", "No such application or registration of yours");
}

int ec_status_fn(struct soap *s)
{
	const char *app = soap_text(s, s->op, "applicationId");
	const char *sisc = soap_text(s, s->op, "idSisc");
	struct row row;
	int rc;

	if (app) {
		rc = db_get(&s->r->arena, &q_app, &row, "ii", s->person_id,
			    strtoll(app, NULL, 10));
		if (rc < 0)
			return soap_server_fault(s, "application");
		if (rc == 0)
			return not_found(s);
		if (!row_int(&row, "mine", 0)) {
			/* A company's application: those acting for it. */
			if (strcmp(row_get(&row, "kind", ""), "person") == 0 ||
			    registry_may_act(s->person_id,
					     row_int(&row, "subject_id", 0),
					     AUTHZ_XML, NULL) != 1)
				return not_found(s);
		}
		return answer_status(s, row_get(&row, "kind", ""),
				     row_get(&row, "status", ""),
				     strcmp(row_get(&row, "kind", ""), "person")
					     ? row_get(&row, "c_sisc", NULL)
					     : row_get(&row, "p_sisc", NULL),
				     row_get(&row, "eori", NULL));
	}
	rc = db_get(&s->r->arena, &q_person_sisc, &row, "s", sisc);
	if (rc < 0)
		return soap_server_fault(s, "person");
	if (rc == 1) {
		if (row_int(&row, "id", 0) != s->person_id)
			return not_found(s);
		return answer_status(s, "person", row_get(&row, "status", ""),
				     sisc, NULL);
	}
	rc = db_get(&s->r->arena, &q_company_sisc, &row, "s", sisc);
	if (rc < 0)
		return soap_server_fault(s, "company");
	if (rc == 0 || registry_may_act(s->person_id, row_int(&row, "id", 0),
					AUTHZ_XML, NULL) != 1)
		return not_found(s);
	return answer_status(s, "company", row_get(&row, "status", ""), sisc,
			     row_get(&row, "eori", NULL));
}

int ec_reps_fn(struct soap *s)
{
	long long company;
	HDF *h;
	int rc;

	if (op_company(s, soap_text(s, s->op, "companyEori"), &company) < 0)
		return -1;
	/* reps_view, or the company's administrator (reps_manage). */
	rc = registry_may_act(s->person_id, company, AUTHZ_REPS_VIEW, NULL);
	if (rc == 0)
		rc = registry_may_act(s->person_id, company, AUTHZ_REPS_MANAGE,
				      NULL);
	if (rc < 0)
		return soap_server_fault(s, "registry_may_act");
	if (rc == 0)
		return soap_fault(s, "AUTHZ_DENIED",
				  "The signer may not view the company's representatives");
	if (db_select_hdf(&q_reps, s->r->hdf, "Soap.Reps", "i", company) < 0)
		return soap_server_fault(s, "representations");
	buf_printf(&s->out, "<GetRepresentationsResponse xmlns=\"%s\">", NS_ZSOG);
	for (h = hdf_obj_child(hdf_get_obj(s->r->hdf, "Soap.Reps")); h;
	     h = hdf_obj_next(h)) {
		char *authz = arena_strdup(&s->r->arena, hdf_get_value(h, "authz", ""));
		char *save = NULL, *a;

		buf_puts(&s->out, "<representation>");
		soap_elem(&s->out, "representative", hdf_get_value(h, "who", ""));
		soap_elem(&s->out, "idSisc", hdf_get_value(h, "id_sisc", NULL));
		soap_elem(&s->out, "validFrom", hdf_get_value(h, "valid_from", ""));
		soap_elem(&s->out, "validTo", hdf_get_value(h, "valid_to", NULL));
		for (a = strtok_r(authz, " ", &save); a; a = strtok_r(NULL, " ", &save))
			soap_elem(&s->out, "authorisation", a);
		buf_puts(&s->out, "</representation>");
	}
	buf_puts(&s->out, "</GetRepresentationsResponse>");
	return 0;
}
