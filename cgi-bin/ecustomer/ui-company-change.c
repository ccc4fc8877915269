/* ui-company-change.c: asking the office to change a company's data or
 * to deactivate it (applied on approval, see approve.c) */
#include "ecustomer.h"

#include <string.h>

#include "company-form.h"
#include "resp.h"
#include "route.h"
#include "view.h"

static const char *const update_authz[] = { "company_update", NULL };

/* The form, or the change already waiting (one at a time). */
static int render(struct req *r, int status)
{
	long long id = hdf_get_int_value(r->hdf, "Company.id", 0);
	long long pending = registry_change_pending("company_update", id);

	if (pending < 0)
		return -1;
	if (pending)
		hdf_set_int_value(r->hdf, "Company.pending", (int)pending);
	ec_options(r);
	return view_render(r, status, "ecustomer/company_edit.cs");
}

int company_edit_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), person;
	struct row c;
	int rc = ec_company_gate(r, id, update_authz, &person), i;

	if (rc <= 0)
		return rc;
	if (registry_company_row(&r->arena, id, &c) != 1)
		return -1;
	hdf_set_value(r->hdf, "Company.id", row_get(&c, "id", ""));
	hdf_set_value(r->hdf, "Company.name", row_get(&c, "name", ""));
	for (i = 0; i < CO__MAX; i++) {
		const char *v = row_get(&c, company_params[i].name, NULL);

		/* The consent is a checkbox: "0" means unticked. */
		if (v && !(i == CO_PUBLISH && strcmp(v, "0") == 0))
			hdf_set_valuef(r->hdf, "Form.%s=%s",
				       company_params[i].name, v);
	}
	return render(r, 200);
}

int company_update_fn(struct req *r)
{
	const char *v[CO__MAX];
	long long id = route_arg_id(r, 0), person;
	struct buf payload = { 0 };
	struct row c;
	int rc = ec_company_gate(r, id, update_authz, &person), i;

	if (rc <= 0)
		return rc;
	if (registry_company_row(&r->arena, id, &c) != 1)
		return -1;
	hdf_set_value(r->hdf, "Company.id", row_get(&c, "id", ""));
	hdf_set_value(r->hdf, "Company.name", row_get(&c, "name", ""));
	if (!registry_company_is_active(row_get(&c, "status", NULL)))
		return resp_error(r, 409, "ec_not_active");
	if (company_form_read(r, v))
		return render(r, 422);
	/* Only what changed goes to the office, as a form-encoded list. */
	for (i = 0; i < CO__MAX; i++) {
		const char *old = row_get(&c, company_params[i].name, "");
		const char *nv = v[i] ? v[i] : (i == CO_PUBLISH ? "0" : "");

		if (strcmp(old, nv) == 0)
			continue;
		buf_printf(&payload, "%s%s=", payload.len ? "&" : "",
			   company_params[i].name);
		ec_urlencode(&payload, nv);
	}
	if (!payload.len) {
		hdf_set_value(r->hdf, "Page.Error",
			      view_text(r, "err.ec_nothing_changed"));
		return render(r, 422);
	}
	rc = ec_change_submit(r, "company_update", id, payload.p);
	buf_free(&payload);
	return rc;
}

int company_deactivate_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), person;
	struct row c;
	int rc = ec_company_gate(r, id, update_authz, &person);

	if (rc <= 0)
		return rc;
	if (registry_company_row(&r->arena, id, &c) != 1)
		return -1;
	if (!registry_company_is_active(row_get(&c, "status", NULL)))
		return resp_error(r, 409, "ec_not_active");
	if (!view_confirmed(r)) {
		hdf_set_value(r->hdf, "Confirm.Arg.name",
			      row_get(&c, "name", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.nip",
			      row_get(&c, "nip", ""));
		return view_confirm(
			r, "ecustomer.company.confirm_deactivate",
			arena_printf(&r->arena, "/ecustomer/company/%lld", id));
	}
	return ec_change_submit(r, "company_deactivation", id, NULL);
}
