/* fleet_dash.c: the counts of the fleet dashboard of a unit's subtree
 * (vehicles by status, deadlines coming and overdue, open damage, vehicles
 * on a trip now): one small query each, on the tables' unit and date
 * indexes */
#include "fleet_report.h"

#include <stdio.h>
#include <string.h>

#include "units.h"

const char *const fleet_dash_status_codes[FLEET_DASH__MAX] = {
	"in_service",	  /* FLEET_DASH_IN_SERVICE */
	"in_repair",	  /* FLEET_DASH_IN_REPAIR */
	"out_of_service", /* FLEET_DASH_OUT_OF_SERVICE */
	"written_off",	  /* FLEET_DASH_WRITTEN_OFF */
};

static struct sql q_status = SQL(
	UNITS_SUBTREE " SELECT v.status, COUNT(*) AS n FROM fleet_vehicle v"
		      " JOIN sub ON v.unit_id = sub.id GROUP BY v.status");
/* Only the latest document of each kind of a vehicle counts: a renewed
 * insurance leaves the old one behind, which is not overdue. Written-off
 * vehicles have no deadlines. */
static struct sql q_deadlines = SQL(
	UNITS_SUBTREE
	" SELECT COALESCE(SUM(x.until < ?), 0) AS overdue,"
	" COALESCE(SUM(x.until >= ? AND x.until < ? + INTERVAL " /* */
	"30 DAY), 0) AS due FROM ("
	"  SELECT d.vehicle_id, d.kind, MAX(d.valid_until) AS until"
	"  FROM fleet_document d JOIN fleet_vehicle v ON v.id = d.vehicle_id"
	"  JOIN sub ON v.unit_id = sub.id"
	"  WHERE v.status <> 'written_off' AND d.valid_until IS NOT NULL"
	"  GROUP BY d.vehicle_id, d.kind) x");
static struct sql q_damage = SQL(
	UNITS_SUBTREE
	" SELECT COUNT(*) AS n FROM fleet_damage g"
	" JOIN fleet_vehicle v ON v.id = g.vehicle_id"
	" JOIN sub ON v.unit_id = sub.id WHERE g.status = 'open'");
/* An open trip card (end_utc NULL, 0089) lasts until it is closed. */
static struct sql q_on_trip = SQL(
	UNITS_SUBTREE
	" SELECT COUNT(DISTINCT t.vehicle_id) AS n FROM fleet_trip t"
	" JOIN fleet_vehicle v ON v.id = t.vehicle_id"
	" JOIN sub ON v.unit_id = sub.id"
	" WHERE t.end_utc IS NULL AND t.start_utc <= ?");

struct counts {
	HDF *hdf;
	const char *prefix;
	long long all;
};

static int status_cb(const struct row *row, void *ctx)
{
	struct counts *c = ctx;
	const char *st = row_get(row, "status", "");
	long long n = row_int(row, "n", 0);

	for (int i = 0; i < FLEET_DASH__MAX; i++)
		if (!strcmp(st, fleet_dash_status_codes[i])) {
			hdf_set_valuef(c->hdf, "%s.Status.%s=%lld", c->prefix,
				       st, n);
			if (i != FLEET_DASH_WRITTEN_OFF)
				c->all += n;
		}
	return 0;
}

int fleet_dash_hdf(HDF *hdf, const char *prefix, long long unit,
		   const char *today, const char *now)
{
	struct counts c = { hdf, prefix, 0 };
	struct arena a = { 0 };
	struct row row;
	int rc = -1;

	for (int i = 0; i < FLEET_DASH__MAX; i++)
		hdf_set_valuef(hdf, "%s.Status.%s=0", prefix,
			       fleet_dash_status_codes[i]);
	if (db_each(&q_status, status_cb, &c, "i", unit) < 0)
		goto out;
	hdf_set_valuef(hdf, "%s.Vehicles=%lld", prefix, c.all);
	if (db_get(&a, &q_deadlines, &row, "isss", unit, today, today, today) <
	    0)
		goto out;
	hdf_set_valuef(hdf, "%s.Overdue=%lld", prefix,
		       row_int(&row, "overdue", 0));
	hdf_set_valuef(hdf, "%s.Due=%lld", prefix, row_int(&row, "due", 0));
	if (db_get(&a, &q_damage, &row, "i", unit) < 0)
		goto out;
	hdf_set_valuef(hdf, "%s.Damage=%lld", prefix, row_int(&row, "n", 0));
	if (db_get(&a, &q_on_trip, &row, "is", unit, now) < 0)
		goto out;
	hdf_set_valuef(hdf, "%s.OnTrip=%lld", prefix, row_int(&row, "n", 0));
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}
