/* ui-dashboard.c: the intranet's start page: who the officer is, their unit
 * and roles, and what those roles open */
#include "skr.h"

#include "db.h"
#include "route.h"
#include "view.h"

static struct sql q_unit = SQL(
	"SELECT code, kind, name_pl, name_en FROM org_unit WHERE id = ?");

int dashboard_fn(struct req *r)
{
	struct row row;
	int rc;

	rc = db_get(&r->arena, &q_unit, &row, "i", r->sess.unit_id);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		hdf_set_value(r->hdf, "Me.Unit.Code", row_get(&row, "code", ""));
		hdf_set_value(r->hdf, "Me.Unit.Kind", row_get(&row, "kind", ""));
		hdf_set_value(r->hdf, "Me.Unit.Name",
			      unit_name_of(r, row_get(&row, "name_pl", ""),
					   row_get(&row, "name_en", "")));
	}
	roles_hdf(r, "Me.Roles", r->sess.roles);
	if (r->sess.roles & ROLE_ADMIN) {
		int n = grant_waiting(r);

		if (n < 0)
			return -1;
		hdf_set_int_value(r->hdf, "Me.GrantsWaiting", n);
	}
	return view_render(r, 200, "skr/dashboard.cs");
}
