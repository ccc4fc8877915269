/* ui-dashboard.c: the intranet's start page: who the officer is, their unit
 * and roles, what those roles open, and the officer's notices (hits of the
 * unit's notify_unit watch-list entries) */
#include "skr.h"

#include "db.h"
#include "notice.h"
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
	if (notice_list(r, "Notices", (r->sess.roles & ROLES_ALERTS) != 0) < 0)
		return -1;
	if (r->sess.roles & ROLE_ADMIN) {
		int n = grant_waiting(r);

		if (n < 0)
			return -1;
		hdf_set_int_value(r->hdf, "Me.GrantsWaiting", n);
	}
	return view_render(r, 200, "skr/dashboard.cs");
}
