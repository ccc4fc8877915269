/* main.c: the e-Customer program (issue 3): registering persons and
 * companies, representation, certificates (company side, /ecustomer/) and
 * the registration office (staff side, /skr/ecustomer/) */
#include "access.h"
#include "accounts.h"
#include "cert.h"
#include "ecustomer.h"
#include "epochs.h"
#include "route.h"
#include "server.h"
#include "staff.h"

static const struct route routes[] = {
	{ "GET", "/ecustomer/", home_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ecustomer/person", person_form_fn, R_PORTAL, 0, NULL },
	{ "POST", "/ecustomer/person", person_submit_fn, R_PORTAL | R_CSRF, 0,
	  NULL },
	{ "GET", "/ecustomer/person/edit", person_edit_fn, R_PORTAL, 0, NULL },
	{ "POST", "/ecustomer/person/edit", person_update_fn, R_PORTAL | R_CSRF,
	  0, NULL },
	{ "GET", "/ecustomer/company/new", company_form_fn, R_PORTAL, 0, NULL },
	{ "POST", "/ecustomer/company/new", company_submit_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/ecustomer/company/#id", company_view_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ecustomer/company/#id/edit", company_edit_fn, R_PORTAL, 0,
	  NULL },
	{ "POST", "/ecustomer/company/#id/edit", company_update_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "POST", "/ecustomer/company/#id/deactivate", company_deactivate_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/ecustomer/company/#id/akcr", akcr_form_fn, R_PORTAL, 0,
	  NULL },
	{ "POST", "/ecustomer/company/#id/akcr", akcr_submit_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/ecustomer/company/#id/reps", reps_list_fn, R_PORTAL, 0,
	  NULL },
	{ "POST", "/ecustomer/company/#id/reps", reps_add_fn, R_PORTAL | R_CSRF,
	  0, NULL },
	{ "POST", "/ecustomer/company/#id/reps/#rid/end", reps_end_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "POST", "/ecustomer/company/#id/reps/#rid/accept", reps_accept_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "POST", "/ecustomer/company/#id/reps/#rid/refuse", reps_refuse_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/ecustomer/company/#id/reps/#rid/poa", reps_poa_fn, R_PORTAL,
	  0, NULL },
	{ "GET", "/ecustomer/represent", represent_form_fn, R_PORTAL, 0, NULL },
	{ "POST", "/ecustomer/represent", represent_submit_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/ecustomer/applications", apps_list_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ecustomer/applications/#id", app_view_fn, R_PORTAL, 0,
	  NULL },
	{ "GET", "/ecustomer/inbox", inbox_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ecustomer/inbox/#id", inbox_item_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ecustomer/inbox/#id/request", inbox_request_fn, R_PORTAL, 0,
	  NULL },
	{ "GET", "/ecustomer/inbox/#id/response", inbox_response_fn, R_PORTAL,
	  0, NULL },

	{ "GET", "/ecustomer/certificates", cert_list_fn, R_PORTAL, 0, NULL },
	{ "POST", "/ecustomer/certificates", cert_request_fn, R_PORTAL | R_CSRF,
	  0, NULL },
	{ "GET", "/ecustomer/certificates/#id/pem", cert_download_fn, R_PORTAL,
	  0, NULL },
	{ "POST", "/ecustomer/certificates/#id/revoke", cert_revoke_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/ecustomer/ca/crl.pem", crl_fn, R_NOSESSION, 0, NULL },
	{ "GET", "/ecustomer/ca/ca.pem", ca_cert_fn, R_NOSESSION, 0, NULL },

	{ "GET", "/skr/ecustomer/queue", queue_fn, R_STAFF, ACC_REGISTRATIONS,
	  "ecustomer-applications" },
	{ "GET", "/skr/ecustomer/applications/#id", office_app_fn, R_STAFF,
	  ROLE_REGISTRATION, "ecustomer-applications" },
	{ "POST", "/skr/ecustomer/applications/#id/take", office_take_fn,
	  R_STAFF | R_CSRF, ROLE_REGISTRATION, "ecustomer-applications" },
	{ "POST", "/skr/ecustomer/applications/#id/decide", office_decide_fn,
	  R_STAFF | R_CSRF, ROLE_REGISTRATION, "ecustomer-applications" },
	{ "GET", "/skr/ecustomer/applications/#id/poa", office_poa_fn, R_STAFF,
	  ROLE_REGISTRATION, "ecustomer-applications" },
	{ "GET", "/skr/ecustomer/search", search_fn, R_STAFF, ROLE_REGISTRATION,
	  "ecustomer-search" },
	{ "GET", "/skr/ecustomer/companies/#id", office_company_fn, R_STAFF,
	  ROLE_REGISTRATION, "ecustomer-search" },
	{ "GET", "/skr/ecustomer/office", oss_fn, R_STAFF, ROLE_ADMIN,
	  "ecustomer-office" },
	{ "POST", "/skr/ecustomer/office", oss_set_fn, R_STAFF | R_CSRF,
	  ROLE_ADMIN, "ecustomer-office" },
	{ "GET", "/skr/ecustomer/certificates", cert_staff_list_fn, R_STAFF,
	  ROLE_REGISTRATION, "ecustomer-certificates" },
	{ "POST", "/skr/ecustomer/certificates/#id/revoke",
	  cert_staff_revoke_fn, R_STAFF | R_CSRF, ROLE_REGISTRATION,
	  "ecustomer-certificates" },
};

static const char *const templates[] = {
	"ecustomer/home.cs",
	"ecustomer/person.cs",
	"ecustomer/person_edit.cs",
	"ecustomer/company_new.cs",
	"ecustomer/company.cs",
	"ecustomer/company_edit.cs",
	"ecustomer/akcr.cs",
	"ecustomer/reps.cs",
	"ecustomer/represent.cs",
	"ecustomer/apps.cs",
	"ecustomer/app.cs",
	"ecustomer/inbox.cs",
	"ecustomer/inbox_item.cs",
	"ecustomer/skr_queue.cs",
	"ecustomer/skr_app.cs",
	"ecustomer/skr_search.cs",
	"ecustomer/skr_company.cs",
	"ecustomer/skr_oss.cs",
	"mail/ecustomer_status.cs",
	"mail/ecustomer_akcr.cs",
	"mail/ecustomer_rep.cs",
	CERT_TEMPLATES,
	NULL,
};

static const struct service ecustomer = {
	.name = "ecustomer",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	/* /skr/ecustomer/ is the registration office's, the rest the
	 * applicants'. */
	.sessions = { &portal_session, &staff_session },
	/* every registry change (people, companies, representations) */
	.write_epochs = EPOCH_BIT(EPOCH_REGISTRY),
	.menu = access_menu,
	/* A power of attorney is uploaded with the representation's form
	 * (nginx lets bodies this large only to those two routes). */
	.max_body_key = "Limits.MaxUpload",
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &ecustomer);
}
