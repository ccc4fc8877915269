/* ui-akcr.c: a registered company asks for AKC-R (excise registration), or
 * changes its activities and places, through an application the office
 * approves (approve.c); the same fields as the company's registration */
#include "ecustomer.h"

#include <string.h>

#include "akcr-form.h"
#include "audit.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "view.h"

static const char *const update_authz[] = { "company_update", NULL };

static int render(struct req *r, int status)
{
	akcr_form_options(r);
	return view_render(r, status, "ecustomer/akcr.cs");
}

/* The company's name, registration and whether an application waits;
 * 0, 409 answered (not active), -1. *start gets the start date on
 * record. */
static int load(struct req *r, long long id, const char **start, int fill)
{
	struct akcr_request cur;
	const char *status;
	struct row c;
	int rc;

	if (registry_company_row(&r->arena, id, &c) != 1)
		return -1;
	hdf_set_value(r->hdf, "Company.id", row_get(&c, "id", ""));
	hdf_set_value(r->hdf, "Company.name", row_get(&c, "name", ""));
	if (!registry_company_is_active(row_get(&c, "status", NULL))) {
		resp_error(r, 409, "ec_not_active");
		return 409;
	}
	rc = registry_akcr_current(&r->arena, id, &cur, &status);
	if (rc < 0 || registry_akcr_picture(r->hdf, "Akcr", id) < 0)
		return -1;
	*start = rc == 1 ? cur.start : NULL;
	if (rc == 1 && fill)
		akcr_form_fill(r, &cur);
	rc = registry_akcr_pending(id);
	if (rc < 0)
		return -1;
	if (rc)
		hdf_set_value(r->hdf, "Page.Pending", "1");
	return 0;
}

int akcr_form_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), person;
	const char *start;
	int rc = ec_company_gate(r, id, update_authz, &person);

	if (rc <= 0)
		return rc;
	rc = load(r, id, &start, 1);
	if (rc)
		return rc < 0 ? -1 : 0;
	return render(r, 200);
}

int akcr_submit_fn(struct req *r)
{
	struct registry_actor me = ec_actor(r);
	long long id = route_arg_id(r, 0), person, app;
	struct buf payload = { 0 };
	const char *start;
	int rc = ec_company_gate(r, id, update_authz, &person);

	if (rc <= 0)
		return rc;
	rc = load(r, id, &start, 0);
	if (rc)
		return rc < 0 ? -1 : 0;
	/* One application at a time: a second would race the first. */
	if (hdf_get_value(r->hdf, "Page.Pending", NULL))
		return resp_error(r, 409, "ec_akcr_pending");
	if (akcr_form_read(r, start, &payload)) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		buf_free(&payload);
		return render(r, 422);
	}
	rc = -1;
	if (db_begin() < 0)
		goto out;
	if (registry_app_submit(&me, "akcr", id, payload.p, &app) < 0) {
		db_rollback();
		goto out;
	}
	rc = ec_app_submitted(r, app, "ecustomer.akcr.submit");
out:
	buf_free(&payload);
	return rc;
}
