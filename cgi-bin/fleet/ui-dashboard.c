/* ui-dashboard.c: the fleet dashboard (/skr/fleet): for a unit of the
 * reader's subtree, vehicles by status, deadlines coming and overdue, open
 * damage and vehicles on a trip now, each a count linking to the list it
 * counts; and the unit picker the reports share */
#include "fleet_report_ui.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fleet_ui.h"
#include "fleet_report.h"
#include "form.h"
#include "resp.h"
#include "tzpl.h"
#include "units.h"
#include "valid.h"
#include "view.h"

/* The counts move with the clock (a deadline comes, a trip ends) as well
 * as with the writes that bump EPOCH_FLEET: a worker's copy of the page
 * (fleet_cache.c) lives this long at most. */
#define DASH_TTL_MS 10000

static int valid_unit(const char *s)
{
	return valid_id(s) > 0;
}

enum { U_UNIT, U__MAX };
static const struct param unit_params[U__MAX] = {
	{ "unit", P_QUERY, 18, NULL, valid_unit, "fleet_unit" }, /* U_UNIT */
};

int fleet_unit_read(struct req *r, const struct fleet_scope *s, long long *unit)
{
	const char *v[U__MAX];
	struct unit_info u;
	long long shown;
	int rc;

	*unit = 0;
	if (!s->read_root)
		return resp_error(r, 403, "fleet_unit_scope") < 0 ? -1 : 403;
	if (fleet_ui_unit_options(r, "Opt.unit", s->read_root) < 0)
		return -1;
	if (form_read(r, unit_params, U__MAX, v) > 0)
		return 422;
	if (v[U_UNIT]) {
		*unit = valid_id(v[U_UNIT]);
		rc = units_get(&r->arena, *unit, &u);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			view_field_error(r, "unit", "fleet_unit");
			return 422;
		}
		/* A unit that exists but lies outside: refused in words
		 * (the units' names are no secret, their fleet is). */
		rc = units_in_subtree(&r->arena, s->read_root, *unit);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return resp_error(r, 403, "fleet_unit_scope") < 0 ? -1
									  : 403;
	}
	/* The unit named on the page: the one chosen, or the top of all. */
	shown = *unit ? *unit : s->read_root;
	if (units_get(&r->arena, shown, &u) != 1)
		return -1;
	hdf_set_value(r->hdf, "Fleet.Unit.code", u.code);
	hdf_set_value(r->hdf, "Fleet.Unit.name",
		      !strcmp(r->lang, "pl") ? u.name_pl : u.name_en);
	if (!*unit)
		hdf_set_value(r->hdf, "Fleet.Unit.all", "1");
	return 0;
}

static int counts(struct req *r, long long root, long long unit)
{
	char today[11], now[20];
	time_t t = time(NULL);
	struct tm tm;

	tzpl_today(0, today);
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%d %H:%M:%S", &tm);
	return fleet_dash_hdf(r->hdf, "Fleet.Dash", root, unit, today, now);
}

int fleet_dash_fn(struct req *r)
{
	struct fleet_scope s;
	struct fleet_cache c;
	long long unit;
	int rc = fleet_cache_serve(r, &c);

	if (rc)
		return rc < 0 ? -1 : 0;
	rc = fleet_ui_scope(r, &s);
	if (rc)
		return rc < 0 ? -1 : 0;
	/* A driver who reads no unit's fleet starts from their own trips
	 * and reservations (which link the vehicles they may take). */
	if (!s.read_root)
		return resp_redirect(r, "/skr/fleet/my");
	rc = fleet_unit_read(r, &s, &unit);
	if (rc == 403)
		return 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/dashboard.cs");
	if (rc < 0 || counts(r, s.read_root, unit) < 0)
		return -1;
	hdf_set_value(r->hdf, "Fleet.Dash.Ready", "1");
	return fleet_cache_page(r, &c, "fleet/dashboard.cs", DASH_TTL_MS);
}
