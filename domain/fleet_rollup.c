/* fleet_rollup.c: the monthly rollup per vehicle (fleet_month), written in
 * the transaction of the trip, refuelling or repair it counts, so that the
 * reports read at most 12 rows a vehicle a year and never the raw rows */
#include "fleet.h"

/* The month of a Warsaw date is its first day: DATE_FORMAT keeps it a
 * date the index orders. */
#define MONTH_OF "DATE_FORMAT(?, '%Y-%m-01')"

static struct sql q_trip = SQL(
	"INSERT INTO fleet_month (vehicle_id, month, km, trips)"
	" VALUES (?, " MONTH_OF ", ?, 1)"
	" ON DUPLICATE KEY UPDATE km = km + VALUES(km),"
	" trips = trips + VALUES(trips)");
static struct sql q_fuel = SQL(
	"INSERT INTO fleet_month (vehicle_id, month, litres, fuel_cost_gr)"
	" VALUES (?, " MONTH_OF ", ?, ?)"
	" ON DUPLICATE KEY UPDATE litres = litres + VALUES(litres),"
	" fuel_cost_gr = fuel_cost_gr + VALUES(fuel_cost_gr)");
static struct sql q_repair = SQL(
	"INSERT INTO fleet_month (vehicle_id, month, repair_cost_gr,"
	" repair_days) VALUES (?, " MONTH_OF ", ?, ?)"
	" ON DUPLICATE KEY UPDATE repair_cost_gr = repair_cost_gr +"
	" VALUES(repair_cost_gr), repair_days = repair_days +"
	" VALUES(repair_days)");

int fleet_rollup_trip(long long vehicle_id, const char *day, long long km)
{
	if (km < 0)
		return -1;
	return db_exec(&q_trip, "isi", vehicle_id, day, km) < 0 ? -1 : 0;
}

int fleet_rollup_fuel(long long vehicle_id, const char *day, const char *litres,
		      long long cost_gr)
{
	return db_exec(&q_fuel, "issi", vehicle_id, day, litres, cost_gr) < 0
		       ? -1
		       : 0;
}

int fleet_rollup_repair(long long vehicle_id, const char *day,
			long long cost_gr, long long days)
{
	if (days < 0)
		return -1;
	return db_exec(&q_repair, "isii", vehicle_id, day, cost_gr, days) < 0
		       ? -1
		       : 0;
}
