/* ui-dashboard.c: the intranet's start page: who the officer is, their unit
 * and roles, the unit's figures for today (ui-today.c) and its last 7
 * days (ui-week.c), both kept per unit for Report.CacheSeconds, what those
 * roles open, and the officer's notices (hits of the unit's notify_unit
 * watch-list entries) */
#include "skr.h"

#include "conf.h"
#include "crossings.h"
#include "db.h"
#include "epochs.h"
#include "hdfcache.h"
#include "notice.h"
#include "route.h"
#include "staff.h"
#include "units.h"
#include "view.h"

/* The unit's code, kind and name as Me.Unit, kept by the worker for
 * Report.CacheSeconds like the figures below it: units are changed by
 * hand (docs/operations.md), and flush-caches drops the copies. */
static int unit_hdf(struct req *r)
{
	struct kept_stamp s = kept_note(EPOCH_BIT(EPOCH_REPORT));
	const char *key = arena_printf(&r->arena, "skr-unit|%s|%lld", r->lang,
				       r->sess.unit_id);
	struct unit_info u;
	int rc;

	if (key && hdfcache_get(key, r->hdf, "Me.Unit") == 1)
		return 0;
	rc = units_get(&r->arena, r->sess.unit_id, &u);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		hdf_set_value(r->hdf, "Me.Unit.Code", u.code);
		hdf_set_value(r->hdf, "Me.Unit.Kind", u.kind);
		hdf_set_value(r->hdf, "Me.Unit.Name",
			      unit_name_of(r, u.name_pl, u.name_en));
	}
	if (key)
		hdfcache_put(key, &s,
			     conf_int("Report.CacheSeconds", 30) * 1000LL,
			     r->hdf, "Me.Unit");
	return 0;
}

int dashboard_fn(struct req *r)
{
	if (unit_hdf(r) < 0)
		return -1;
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
