/* fleet_report.h: the fleet's dashboard counts and its reports per unit and
 * period (fleet-reports' part of domain/fleet, docs/fleet.md): read from
 * the vehicles, documents, damage and trips of a unit's subtree and from
 * the monthly rollup fleet_month, never from the raw trips and refuellings
 * for a period */
#ifndef ZSOG_FLEET_REPORT_H
#define ZSOG_FLEET_REPORT_H

#include <ClearSilver.h>

#include "db.h"

/* The vehicle statuses in the order the dashboard lists them. */
enum fleet_dash_status {
	FLEET_DASH_IN_SERVICE,
	FLEET_DASH_IN_REPAIR,
	FLEET_DASH_OUT_OF_SERVICE,
	FLEET_DASH_WRITTEN_OFF,
	FLEET_DASH__MAX
};
extern const char *const fleet_dash_status_codes[FLEET_DASH__MAX];

/* How far ahead a deadline counts as coming (days, today included). */
#define FLEET_DASH_DUE_DAYS 30

/* ---- fleet_dash.c ---- */

/*
 * The dashboard of root's subtree (unit > 0: of that unit only, as the
 * fleet's lists filter) on Warsaw date today ("YYYY-MM-DD") at now (UTC
 * "YYYY-MM-DD HH:MM:SS"): under prefix, Status.<code> (vehicles in each
 * status), Vehicles (all but the written off), Overdue and Due (the
 * deadlines of the documents in force of those vehicles as the deadlines
 * list judges them, domain/fleet_docs.h: overdue, or falling due within
 * FLEET_DASH_DUE_DAYS days from today), Damage (open damage reports) and
 * OnTrip (vehicles with an open trip card), each a number, 0 included.
 * 0 or -1.
 */
int fleet_dash_hdf(HDF *hdf, const char *prefix, long long root, long long unit,
		   const char *today, const char *now);

/* ---- fleet_report.c ---- */

/* One vehicle's figures over a period (the rollup's sums) and its time in
 * service (fleet_report_availability). */
struct fleet_report_vehicle {
	long long id, unit_id, km, trips, fuel_gr, repair_gr, repair_days;
	const char *plate, *make, *model, *unit_code;
	double norm_l100, litres;
	double in_service_s, counted_s; /* seconds, for availability */
};

/*
 * The vehicles of root's subtree (unit > 0: of that unit only) registered
 * before to (their sums of
 * fleet_month over the months from..to-1, "YYYY-MM-01" each, zero when
 * none), by plate, into v (strings in arena a; at most max): the count,
 * or -1.
 */
long fleet_report_vehicles(struct arena *a, long long root, long long unit,
			   const char *from, const char *to,
			   struct fleet_report_vehicle *v, long max);

/*
 * Fills in_service_s and counted_s of each of the n vehicles (sorted by
 * id or not) from their status history (fleet_vehicle_status), over the
 * UTC span [t0, t1): counted is the time the vehicle was on the books
 * (from its first status, written-off time left out), in service the part
 * of it in status in_service. 0 or -1.
 */
int fleet_report_availability(struct arena *a, long long root, long long unit,
			      long long t0, long long t1,
			      struct fleet_report_vehicle *v, long n);

/* The pure part, for tests: one vehicle's history of n status changes
 * (since: UTC seconds, ascending; status: a fleet_dash_status) over
 * [t0, t1). */
void fleet_report_span(const long long *since, const int *status, long n,
		       long long t0, long long t1, double *in_service,
		       double *counted);

#endif
