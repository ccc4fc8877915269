/* ui-company.c: registering a company and its page on the company side */
#include "ecustomer.h"

#include <string.h>

#include "akcr-form.h"
#include "audit.h"
#include "company-form.h"
#include "registry.h"
#include "resp.h"
#include "route.h"
#include "view.h"

static const char *const any_authz[] = {
	"ebt_book",  "ebt_view", "company_update", "reps_manage",
	"reps_view", "declare",	 "xml_exchange",   NULL,
};

/* Only a person whose own registration is approved registers a company:
 * they become its administrator of representatives. */
static int approved_person(struct req *r)
{
	struct row p;
	int rc = ec_my_person(r, &p);

	if (rc < 0)
		return -1;
	if (rc == 0 ||
	    !registry_person_is_approved(row_get(&p, "status", NULL))) {
		hdf_set_value(r->hdf, "Page.NoPerson", "1");
		return 0;
	}
	return 1;
}

static int render(struct req *r, int status)
{
	ec_options(r);
	akcr_form_options(r);
	return view_render(r, status, "ecustomer/company_new.cs");
}

int company_form_fn(struct req *r)
{
	int rc = approved_person(r);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return render(r, 403);
	hdf_set_value(r->hdf, "Form.country", "PL");
	hdf_set_value(r->hdf, "Form.eori_requested", "1");
	return render(r, 200);
}

int company_submit_fn(struct req *r)
{
	const char *v[CO__MAX], *eori, *akcr;
	struct registry_actor me = ec_actor(r);
	struct buf payload = { 0 };
	long long app;
	int rc = approved_person(r), bad;

	if (rc < 0)
		return -1;
	if (rc == 0)
		return render(r, 403);
	eori = req_form(r, "eori_requested");
	if (eori)
		hdf_set_value(r->hdf, "Form.eori_requested", eori);
	bad = company_form_read(r, v);
	/* AKC-R asked for in the same application: its request travels as
	 * the application's payload and is approved with the company. */
	akcr = req_form(r, "akcr_requested");
	if (akcr && strcmp(akcr, "1") == 0) {
		hdf_set_value(r->hdf, "Form.akcr_requested", "1");
		bad += akcr_form_read(r, NULL, &payload);
	}
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		buf_free(&payload);
		return render(r, 422);
	}
	rc = -1;
	if (db_begin() < 0)
		goto out;
	if (registry_company_submit(&me, v, eori && strcmp(eori, "1") == 0,
				    payload.len ? payload.p : NULL, &app) < 0) {
		db_rollback();
		goto out;
	}
	rc = ec_app_submitted(r, app, "ecustomer.company.submit");
out:
	buf_free(&payload);
	return rc;
}

int company_view_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), person;
	int rc = ec_company_gate(r, id, any_authz, &person);

	if (rc <= 0)
		return rc;
	if (ec_company_picture(r, id) < 0)
		return -1;
	/* What the page offers follows what this person may do. */
	if (registry_may_act(person, id, "company_update", NULL) == 1)
		hdf_set_value(r->hdf, "Can.Update", "1");
	if (registry_may_act(person, id, "reps_view", NULL) == 1 ||
	    registry_may_act(person, id, "reps_manage", NULL) == 1)
		hdf_set_value(r->hdf, "Can.Reps", "1");
	else
		hdf_remove_tree(r->hdf, "Company.0.Reps");
	return view_render(r, 200, "ecustomer/company.cs");
}
