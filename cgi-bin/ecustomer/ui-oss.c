/* ui-oss.c: the one-stop-shop setting: which office handles every
 * registration application, shown and changed by the Ministry's
 * administrator (docs/ecustomer.md, "One-stop-shop") */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "registry_apps.h"
#include "resp.h"
#include "route.h"
#include "units.h"
#include "valid.h"
#include "view.h"

static int render(struct req *r, int status)
{
	struct unit_info u;
	long long unit = registry_office();

	if (unit < 0 || units_get(&r->arena, unit, &u) < 0 ||
	    units_office_options(r->hdf, "Options.Office", r->lang) < 0)
		return -1;
	hdf_set_value(r->hdf, "Oss.code", u.code);
	hdf_set_value(r->hdf, "Oss.name",
		      strcmp(r->lang, "pl") == 0 ? u.name_pl : u.name_en);
	if (!hdf_get_value(r->hdf, "Form.unit", NULL))
		hdf_set_int_value(r->hdf, "Form.unit", (int)unit);
	return view_render(r, status, "ecustomer/skr_oss.cs");
}

/* The setting is national (access_national_admin): a chamber's
 * administrator does not hand the registrations of the whole country to
 * an office. */
int oss_fn(struct req *r)
{
	if (!access_national_admin(r))
		return resp_error(r, 403, "ec_oss_national");
	return render(r, 200);
}

int oss_set_fn(struct req *r)
{
	struct registry_actor me = ec_actor(r);
	const char *v = req_form(r, "unit");
	struct unit_info u;
	long long unit = 0, old, moved;
	int rc;

	if (!access_national_admin(r))
		return resp_error(r, 403, "ec_oss_national");
	if (v)
		hdf_set_value(r->hdf, "Form.unit", v);
	/* Only an office registers: a chamber or a branch is refused beside
	 * the field, as an unknown id. */
	if (v && *v && strlen(v) <= 9 && valid_digits(v, strlen(v)))
		sscanf(v, "%lld", &unit);
	rc = unit ? units_get(&r->arena, unit, &u) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0 || strcmp(u.kind, "office") != 0) {
		view_field_error(r, "unit", "err.ec_oss_office");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return render(r, 422);
	}
	if (db_begin() < 0)
		return -1;
	if (registry_office_set(&me, unit, &old, &moved) < 0 ||
	    audit_log(r, "ecustomer.office.set",
		      arena_printf(&r->arena, "org_unit:%lld", unit),
		      arena_printf(&r->arena,
				   "@skr.audit.detail.office_set|%s|%s|%lld",
				   units_label(&r->arena, old),
				   units_label(&r->arena, unit), moved)))
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, "/skr/ecustomer/office");
fail:
	db_rollback();
	return -1;
}
