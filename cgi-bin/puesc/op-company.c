/* op-company.c: the company an operation names, checked the same way by
 * every operation that names one: an active company, and the signer's
 * xml_exchange authorisation for it (and declare, to submit for it) */
#include "puesc.h"

#include "registry.h"

/* Business systems act for a company only with its xml_exchange
 * authorisation, on top of what the operation itself needs. */
int op_xml_allowed(struct soap *s, long long company_id)
{
	int rc = registry_may_act(s->person_id, company_id, AUTHZ_XML, NULL);

	if (rc < 0)
		return soap_server_fault(s, "registry_may_act");
	if (rc == 0)
		return soap_fault(
			s, "AUTHZ_DENIED",
			"The signer may not exchange XML messages for the company");
	s->company_id = company_id; /* the exchange is in its inbox */
	return 0;
}

/* Reading through XML needs xml_exchange; submitting something on the
 * company's behalf (a booking that carries its export declarations'
 * MRNs, a change or cancellation of one) needs declare as well: the
 * company decides who may make declarations for it, the same way it
 * decides who may read (docs/puesc.md, "Authorisations"). */
int op_declare_allowed(struct soap *s, long long company_id)
{
	int rc = registry_may_act(s->person_id, company_id, AUTHZ_DECLARE,
				  NULL);

	if (rc < 0)
		return soap_server_fault(s, "registry_may_act");
	if (rc == 0)
		return soap_fault(s, "AUTHZ_DENIED",
				  "The signer may not submit declarations for "
				  "the company");
	return 0;
}

/* A deactivated company keeps its EORI (registry_eori answers it with
 * active = 0) but no one acts for it any more: unknown, as documented. */
int op_company(struct soap *s, const char *eori, long long *id)
{
	struct eori_info info = { 0 };
	int rc = registry_eori(&s->r->arena, eori, &info);

	if (rc < 0)
		return soap_server_fault(s, "registry_eori");
	if (rc == 0 || !info.active)
		return soap_fault(s, "COMPANY_UNKNOWN",
				  "No active company with EORI %s", eori);
	*id = info.company_id;
	return op_xml_allowed(s, info.company_id);
}
