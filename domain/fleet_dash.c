/* fleet_dash.c: the counts of the fleet dashboard of a unit's subtree
 * (vehicles by status, deadlines coming and overdue, open damage, vehicles
 * on a trip now): one small query each, on the tables' unit and date
 * indexes */
#include "fleet_report.h"

#include <stdio.h>
#include <string.h>

#include "fleet_docs.h"
#include "units.h"

const char *const fleet_dash_status_codes[FLEET_DASH__MAX] = {
	"in_service",	  /* FLEET_DASH_IN_SERVICE */
	"in_repair",	  /* FLEET_DASH_IN_REPAIR */
	"out_of_service", /* FLEET_DASH_OUT_OF_SERVICE */
	"written_off",	  /* FLEET_DASH_WRITTEN_OFF */
};

static struct sql q_status = SQL(
	UNITS_SUBTREE " SELECT v.status, COUNT(*) AS n FROM fleet_vehicle v"
		      " JOIN sub ON v.unit_id = sub.id"
		      " WHERE (? = 0 OR v.unit_id = ?) GROUP BY v.status");
static struct sql q_damage = SQL(
	UNITS_SUBTREE " SELECT COUNT(*) AS n FROM fleet_damage g"
		      " JOIN fleet_vehicle v ON v.id = g.vehicle_id"
		      " JOIN sub ON v.unit_id = sub.id WHERE g.status = 'open'"
		      " AND (? = 0 OR v.unit_id = ?)");
/* An open trip card (end_utc NULL, 0089) lasts until it is closed. */
static struct sql q_on_trip = SQL(
	UNITS_SUBTREE
	" SELECT COUNT(DISTINCT t.vehicle_id) AS n FROM fleet_trip t"
	" JOIN fleet_vehicle v ON v.id = t.vehicle_id"
	" JOIN sub ON v.unit_id = sub.id"
	" WHERE t.end_utc IS NULL AND t.start_utc <= ?"
	" AND (? = 0 OR v.unit_id = ?)");

struct counts {
	HDF *hdf;
	const char *prefix;
	long long all;
};

/* The deadlines as the deadlines list judges them (domain/fleet_docs.h:
 * the documents in force of the vehicles not written off; a service by
 * km or months, tyres by season). */
struct due {
	struct fleet_rules rules;
	long today;
	long long overdue, soon;
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

static int due_cb(const struct row *row, void *ctx)
{
	struct due *c = ctx;
	struct fleet_terms t;
	struct fleet_due d;

	fleet_terms_of(row, &t);
	fleet_due_of(&t, &c->rules, c->today, row_int(row, "odometer_km", 0),
		     &d);
	if (d.state == FLEET_DUE_OVERDUE)
		c->overdue++;
	else if (d.state != FLEET_DUE_NONE && d.day >= 0 &&
		 d.days_left < FLEET_DASH_DUE_DAYS)
		c->soon++;
	return 0;
}

int fleet_dash_hdf(HDF *hdf, const char *prefix, long long root, long long unit,
		   const char *today, const char *now)
{
	struct counts c = { hdf, prefix, 0 };
	struct due due = { 0 };
	struct arena a = { 0 };
	struct row row;
	int rc = -1;

	for (int i = 0; i < FLEET_DASH__MAX; i++)
		hdf_set_valuef(hdf, "%s.Status.%s=0", prefix,
			       fleet_dash_status_codes[i]);
	if (db_each(&q_status, status_cb, &c, "iii", root, unit, unit) < 0)
		goto out;
	hdf_set_valuef(hdf, "%s.Vehicles=%lld", prefix, c.all);
	fleet_rules_conf(&due.rules);
	if (fleet_day_parse(today, &due.today) < 0 ||
	    fleet_deadlines_each(root, unit, due_cb, &due) < 0)
		goto out;
	hdf_set_valuef(hdf, "%s.Overdue=%lld", prefix, due.overdue);
	hdf_set_valuef(hdf, "%s.Due=%lld", prefix, due.soon);
	if (db_get(&a, &q_damage, &row, "iii", root, unit, unit) < 0)
		goto out;
	hdf_set_valuef(hdf, "%s.Damage=%lld", prefix, row_int(&row, "n", 0));
	if (db_get(&a, &q_on_trip, &row, "isii", root, now, unit, unit) < 0)
		goto out;
	hdf_set_valuef(hdf, "%s.OnTrip=%lld", prefix, row_int(&row, "n", 0));
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}
