/* op-ecustomer.c: e-Customer status for business systems:
 * GetRegistrationStatus (an application, or an ID SISC, with a company's
 * AKC-R registration) and
 * GetRepresentations (who acts for a company, with which authorisations),
 * through the registry's look-ups, scoped to what the signer may see. */
#include "puesc.h"

#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "registry_akcr.h"

/* The company's excise registration, when it has one and the request asked
 * for it (withAkcr): clients built on the schema before AKC-R never ask,
 * and a strict one refuses an element it does not know. */
static int answer_akcr(struct soap *s, long long company)
{
	struct registry_akcr k;
	char *acts, *save = NULL, *a;
	int rc = registry_akcr_get(&s->r->arena, company, &k);

	if (rc <= 0)
		return rc;
	buf_puts(&s->out, "<akcr>");
	soap_elem(&s->out, "number", k.number);
	soap_elem(&s->out, "status", k.status);
	soap_elem(&s->out, "startDate", k.start_date);
	acts = arena_strdup(&s->r->arena, k.activities);
	for (a = strtok_r(acts, ",", &save); a; a = strtok_r(NULL, ",", &save))
		soap_elem(&s->out, "activity", a);
	buf_puts(&s->out, "</akcr>");
	return 0;
}

/* company: the company the answer is about (0: a person). */
static int answer_status(struct soap *s, const char *kind, const char *status,
			 const char *sisc, const char *eori, long long company)
{
	buf_printf(&s->out, "<GetRegistrationStatusResponse xmlns=\"%s\">",
		   NS_ZSOG);
	soap_elem(&s->out, "kind", kind);
	soap_elem(&s->out, "status", status);
	soap_elem(&s->out, "idSisc", sisc && *sisc ? sisc : NULL);
	soap_elem(&s->out, "eori", eori && *eori ? eori : NULL);
	if (company && answer_akcr(s, company) < 0)
		return soap_server_fault(s, "registry_akcr_get");
	buf_puts(&s->out, "</GetRegistrationStatusResponse>");
	return 0;
}

/* Someone else's application or registration is "not found", like one
 * that does not exist: its existence is not the caller's business. */
static int not_found(struct soap *s)
{
	return soap_fault(s, "NOT_FOUND",
			  "No such application or registration of yours");
}

int ec_status_fn(struct soap *s)
{
	const char *app = soap_text(s, s->op, "applicationId");
	const char *sisc = soap_text(s, s->op, "idSisc");
	const char *with = soap_text(s, s->op, "withAkcr");
	/* xs:boolean: "true" or "1" */
	int akcr = with &&
		   (strcmp(with, "true") == 0 || strcmp(with, "1") == 0);
	struct registry_status st;
	int rc;

	if (app) {
		rc = registry_app_status(&s->r->arena, strtoll(app, NULL, 10),
					 s->person_id, &st);
		if (rc < 0)
			return soap_server_fault(s, "application");
		if (rc == 0)
			return not_found(s);
		if (!st.mine) {
			/* A company's application: those acting for it. */
			if (strcmp(st.kind, "person") == 0 ||
			    registry_may_act(s->person_id, st.subject_id,
					     AUTHZ_XML, NULL) != 1)
				return not_found(s);
		}
		return answer_status(
			s, st.kind, st.status, st.id_sisc, st.eori,
			akcr && strcmp(st.kind, "person") ? st.subject_id : 0);
	}
	rc = registry_sisc_status(&s->r->arena, sisc, &st);
	if (rc < 0)
		return soap_server_fault(s, "registry_sisc_status");
	if (rc == 0)
		return not_found(s);
	if (strcmp(st.kind, "person") == 0) {
		if (st.subject_id != s->person_id)
			return not_found(s);
		return answer_status(s, "person", st.status, sisc, NULL, 0);
	}
	if (registry_may_act(s->person_id, st.subject_id, AUTHZ_XML, NULL) != 1)
		return not_found(s);
	return answer_status(s, "company", st.status, sisc, st.eori,
			     akcr ? st.subject_id : 0);
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
		return soap_fault(
			s, "AUTHZ_DENIED",
			"The signer may not view the company's representatives");
	/* Those in force today and those that begin later. */
	if (registry_reps_hdf(s->r->hdf, "Soap.Reps", company, "en", 1) < 0)
		return soap_server_fault(s, "representations");
	buf_printf(&s->out, "<GetRepresentationsResponse xmlns=\"%s\">",
		   NS_ZSOG);
	for (h = hdf_obj_child(hdf_get_obj(s->r->hdf, "Soap.Reps")); h;
	     h = hdf_obj_next(h)) {
		char *authz = arena_strdup(&s->r->arena,
					   hdf_get_value(h, "authz_codes", ""));
		char *save = NULL, *a;

		buf_puts(&s->out, "<representation>");
		soap_elem(&s->out, "representative",
			  hdf_get_value(h, "who", ""));
		soap_elem(&s->out, "idSisc",
			  hdf_get_value(h, "who_sisc", NULL));
		soap_elem(&s->out, "validFrom",
			  hdf_get_value(h, "valid_from", ""));
		soap_elem(&s->out, "validTo",
			  hdf_get_value(h, "valid_to", NULL));
		for (a = strtok_r(authz, ",", &save); a;
		     a = strtok_r(NULL, ",", &save))
			soap_elem(&s->out, "authorisation", a);
		buf_puts(&s->out, "</representation>");
	}
	buf_puts(&s->out, "</GetRepresentationsResponse>");
	return 0;
}
