/* ui-dashboard.c: the intranet's start page: who the officer is, their unit
 * and roles, the unit's figures for today (ui-today.c) and its last 7
 * days (ui-week.c), both kept per unit for Report.CacheSeconds, what those
 * roles open, and the officer's notices (hits of the unit's notify_unit
 * watch-list entries) */
#include "skr.h"

#include "crossings.h"
#include "db.h"
#include "notice.h"
#include "route.h"
#include "staff.h"
#include "units.h"
#include "view.h"

int dashboard_fn(struct req *r)
{
	struct unit_info u;
	int rc;

	rc = units_get(&r->arena, r->sess.unit_id, &u);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		hdf_set_value(r->hdf, "Me.Unit.Code", u.code);
		hdf_set_value(r->hdf, "Me.Unit.Kind", u.kind);
		hdf_set_value(r->hdf, "Me.Unit.Name",
			      unit_name_of(r, u.name_pl, u.name_en));
	}
	roles_hdf(r, "Me.Roles", r->sess.roles);
	if (today_part(r) < 0 || week_part(r) < 0)
		return -1;
	/* A notice names its crossing in words (CrossingName). */
	if (notice_list(r, "Notices", (r->sess.roles & ROLES_ALERTS) != 0) <
		    0 ||
	    (hdf_get_obj(r->hdf, "Notices.0") &&
	     crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0))
		return -1;
	if (r->sess.roles & ROLE_ADMIN) {
		int n = grant_waiting(r);

		if (n < 0)
			return -1;
		hdf_set_int_value(r->hdf, "Me.GrantsWaiting", n);
	}
	return view_render(r, 200, "skr/dashboard.cs");
}
