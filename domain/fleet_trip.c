/* fleet_trip.c: trip cards (karta drogowa): opened by or for a permitted
 * driver, closed by the driver (the vehicle's odometer and its month's km
 * move in the same transaction), checked by a manager who did not drive */
#include "fleet_trip.h"

#include <string.h>

#include "fleet.h"
#include "staff.h"
#include "tzpl.h"
#include "units.h"
#include "valid.h"

/* Always the vehicle's row before the driver's (fleet_reserve.c locks the
 * vehicle too): two writers never wait for each other in opposite order. */
static struct sql q_lock_vehicle = SQL(
	"SELECT id, unit_id, odometer_km FROM fleet_vehicle WHERE id = ?"
	" FOR UPDATE");
static struct sql q_lock_driver = SQL(
	"SELECT staff_id FROM fleet_driver WHERE staff_id = ? FOR UPDATE");
/* The new trip is open, so it lasts until it is closed: any trip not yet
 * ended, or ended after the new start, overlaps it (the range of
 * ix_fleet_trip_vehicle / _driver from that end on, and the NULLs). */
static struct sql q_vehicle_busy = SQL(
	"SELECT id FROM fleet_trip WHERE vehicle_id = ?"
	" AND (end_utc IS NULL OR end_utc > FROM_UNIXTIME(?)) LIMIT 1");
static struct sql q_driver_busy = SQL(
	"SELECT id FROM fleet_trip WHERE driver_id = ?"
	" AND (end_utc IS NULL OR end_utc > FROM_UNIXTIME(?)) LIMIT 1");
/* Another person's active reservation over the announced span. */
static struct sql q_reserved = SQL(
	"SELECT id FROM fleet_reservation WHERE vehicle_id = ?"
	" AND end_utc > FROM_UNIXTIME(?) AND start_utc < FROM_UNIXTIME(?)"
	" AND status = 'active' AND staff_id <> ? LIMIT 1");
static struct sql q_insert = SQL(
	"INSERT INTO fleet_trip (vehicle_id, unit_id, driver_id, opened_by,"
	" purpose, route, start_utc, planned_end_utc, odo_out, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?,"
	" UTC_TIMESTAMP())");
static struct sql q_passenger = SQL(
	"INSERT IGNORE INTO fleet_trip_passenger (trip_id, staff_id)"
	" VALUES (?, ?)");
static struct sql q_vehicle_of = SQL(
	"SELECT vehicle_id FROM fleet_trip WHERE id = ?");
static struct sql q_lock_trip = SQL(
	"SELECT id, vehicle_id, driver_id, status, odo_out,"
	" UNIX_TIMESTAMP(start_utc) AS start FROM fleet_trip WHERE id = ?"
	" FOR UPDATE");
static struct sql q_close = SQL(
	"UPDATE fleet_trip SET end_utc = FROM_UNIXTIME(?), odo_in = ?,"
	" status = 'closed', closed_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'open'");
/* The last known reading only grows (a refuelling may have read more). */
static struct sql q_odometer = SQL(
	"UPDATE fleet_vehicle SET odometer_km = GREATEST(odometer_km, ?)"
	" WHERE id = ?");
static struct sql q_checked = SQL(
	"UPDATE fleet_trip SET status = 'checked', checked_by = ?,"
	" checked_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'closed'");
static struct sql q_get = SQL(
	"SELECT t.id, t.vehicle_id, t.unit_id, t.driver_id, t.opened_by,"
	" t.purpose, t.route, t.odo_out, t.odo_in,"
	" CAST(t.odo_in AS SIGNED) - t.odo_out AS km, t.status, t.checked_by,"
	" DATE_FORMAT(t.start_utc, '%Y-%m-%d %H:%i') AS start,"
	" DATE_FORMAT(t.planned_end_utc, '%Y-%m-%d %H:%i') AS planned_end,"
	" DATE_FORMAT(t.end_utc, '%Y-%m-%d %H:%i') AS end,"
	" DATE_FORMAT(t.checked_at, '%Y-%m-%d %H:%i') AS checked_at,"
	" v.plate, v.make, v.model FROM fleet_trip t"
	" JOIN fleet_vehicle v ON v.id = t.vehicle_id WHERE t.id = ?");
static struct sql q_passengers = SQL(
	"SELECT staff_id FROM fleet_trip_passenger WHERE trip_id = ?"
	" ORDER BY staff_id");
static struct sql q_open_of = SQL(
	"SELECT id FROM fleet_trip WHERE driver_id = ? AND end_utc IS NULL"
	" ORDER BY id DESC LIMIT 1");

#define TRIP_COLS                                                     \
	" t.id, t.vehicle_id, v.plate, v.make, v.model, t.driver_id," \
	" t.purpose, t.route, t.odo_out, t.odo_in,"                   \
	" CAST(t.odo_in AS SIGNED) - t.odo_out AS km, t.status,"      \
	" DATE_FORMAT(t.start_utc, '%Y-%m-%d %H:%i') AS start,"       \
	" DATE_FORMAT(t.end_utc, '%Y-%m-%d %H:%i') AS end, t.unit_id"
#define TRIP_WHERE                                                                \
	" AND (? = 0 OR t.vehicle_id = ?) AND (? = 0 OR t.driver_id = ?)"         \
	" AND t.start_utc >= FROM_UNIXTIME(?) AND t.start_utc < FROM_UNIXTIME(?)" \
	" AND (? = '' OR t.status = ?) AND (? = '' OR t.purpose = ?)"             \
	" ORDER BY t.start_utc DESC, t.id DESC LIMIT ?"
static struct sql q_list_tree = SQL(
	UNITS_SUBTREE
	" SELECT" TRIP_COLS " FROM sub"
	" JOIN fleet_trip t ON t.unit_id = sub.id"
	" JOIN fleet_vehicle v ON v.id = t.vehicle_id WHERE 1 = 1" TRIP_WHERE);
static struct sql q_list_unit = SQL(
	"SELECT" TRIP_COLS " FROM fleet_trip t"
	" JOIN fleet_vehicle v ON v.id = t.vehicle_id"
	" WHERE (? = 0 OR t.unit_id = ?)" TRIP_WHERE);
static struct sql q_vehicle = SQL(
	"SELECT id, unit_id, plate, make, model, pool, status, odometer_km"
	" FROM fleet_vehicle WHERE id = ?");
static struct sql q_drivers = SQL(
	UNITS_SUBTREE
	" SELECT d.staff_id AS id, sub.code FROM sub"
	" JOIN fleet_driver d ON d.unit_id = sub.id WHERE d.permitted = 1"
	" AND d.licence_until >= ? ORDER BY sub.code, d.staff_id");

/* Sets *why and answers "refused". */
static long long refuse(enum fleet_refusal *why, enum fleet_refusal w)
{
	*why = w;
	return 0;
}

long long fleet_trip_open(const struct fleet_trip_in *in,
			  enum fleet_refusal *why, struct fleet_blockers *b)
{
	struct arena t = { 0 };
	struct row row;
	long long id = -1, unit, odo;
	enum fleet_refusal w;
	char day[11];
	size_t i;
	int rc;

	*why = FLEET_OK;
	memset(b, 0, sizeof(*b));
	rc = db_get(&t, &q_lock_vehicle, &row, "i", in->vehicle_id);
	if (rc <= 0) {
		id = rc == 0 ? refuse(why, FLEET_BLOCKED) : -1;
		goto out;
	}
	unit = row_int(&row, "unit_id", 0);
	odo = row_int(&row, "odometer_km", 0);
	rc = db_get(&t, &q_lock_driver, &row, "i", in->driver_id);
	if (rc <= 0) {
		id = rc == 0 ? refuse(why, FLEET_NOT_DRIVER) : -1;
		goto out;
	}
	/* The documents, the licence and the permission on the start day. */
	tzpl_day(in->start, 0, day);
	rc = fleet_trip_blockers(&t, in->vehicle_id, in->driver_id, day, b);
	if (rc <= 0 || b->any) {
		id = rc == 1 ? refuse(why, FLEET_BLOCKED) : -1;
		goto out;
	}
	w = fleet_trip_open_rule(in->start, in->planned_end, in->odo_out, odo);
	if (w != FLEET_OK) {
		id = refuse(why, w);
		goto out;
	}
	rc = db_get(&t, &q_vehicle_busy, &row, "ii", in->vehicle_id, in->start);
	if (rc != 0) {
		id = rc > 0 ? refuse(why, FLEET_VEHICLE_BUSY) : -1;
		goto out;
	}
	rc = db_get(&t, &q_driver_busy, &row, "ii", in->driver_id, in->start);
	if (rc != 0) {
		id = rc > 0 ? refuse(why, FLEET_DRIVER_BUSY) : -1;
		goto out;
	}
	rc = db_get(&t, &q_reserved, &row, "iiii", in->vehicle_id, in->start,
		    in->planned_end, in->driver_id);
	if (rc != 0) {
		id = rc > 0 ? refuse(why, FLEET_RESERVED) : -1;
		goto out;
	}
	if (db_exec(&q_insert, "iiiissiii", in->vehicle_id, unit, in->driver_id,
		    in->by, in->purpose, in->route, in->start, in->planned_end,
		    in->odo_out) != 1)
		goto out;
	id = db_insert_id(&q_insert);
	for (i = 0; i < in->npassengers; i++)
		if (db_exec(&q_passenger, "ii", id, in->passengers[i]) < 0) {
			id = -1;
			goto out;
		}
out:
	arena_reset(&t);
	return id;
}

int fleet_trip_close(long long id, long long end, long long odo_in,
		     enum fleet_refusal *why)
{
	struct arena a = { 0 };
	struct row row;
	long long vehicle, odo_out;
	enum fleet_refusal w;
	char day[11];
	int rc = -1;

	*why = FLEET_OK;
	if (db_get(&a, &q_vehicle_of, &row, "i", id) != 1)
		goto out;
	vehicle = row_int(&row, "vehicle_id", 0);
	if (db_get(&a, &q_lock_vehicle, &row, "i", vehicle) != 1 ||
	    db_get(&a, &q_lock_trip, &row, "i", id) != 1)
		goto out;
	if (strcmp(row_get(&row, "status", ""), "open") != 0) {
		rc = (int)refuse(why, FLEET_NOT_OPEN);
		goto out;
	}
	odo_out = row_int(&row, "odo_out", 0);
	w = fleet_trip_close_rule(row_int(&row, "start", 0), end, odo_out,
				  odo_in);
	if (w != FLEET_OK) {
		rc = (int)refuse(why, w);
		goto out;
	}
	/* The km count on the Warsaw day the trip ended. */
	tzpl_day(end, 0, day);
	if (db_exec(&q_close, "iii", end, odo_in, id) != 1 ||
	    db_exec(&q_odometer, "ii", odo_in, vehicle) < 0 ||
	    fleet_rollup_trip(vehicle, day, odo_in - odo_out) < 0)
		goto out;
	rc = 1;
out:
	arena_reset(&a);
	return rc;
}

int fleet_trip_check(long long id, long long by, enum fleet_refusal *why)
{
	struct arena a = { 0 };
	struct row row;
	int rc = -1;

	*why = FLEET_OK;
	if (db_get(&a, &q_lock_trip, &row, "i", id) != 1)
		goto out;
	if (row_int(&row, "driver_id", 0) == by) {
		rc = (int)refuse(why, FLEET_OWN_TRIP);
		goto out;
	}
	if (strcmp(row_get(&row, "status", ""), "closed") != 0) {
		rc = (int)refuse(why, FLEET_NOT_CLOSED);
		goto out;
	}
	rc = db_exec(&q_checked, "ii", by, id) == 1 ? 1 : -1;
out:
	arena_reset(&a);
	return rc;
}

int fleet_trip_vehicle(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_vehicle, row, "i", id);
}

int fleet_trip_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

int fleet_trip_passengers_hdf(HDF *hdf, const char *prefix, long long id)
{
	int n = db_select_hdf(&q_passengers, hdf, prefix, "i", id);

	if (n > 0 && staff_names_hdf(hdf, prefix, "staff_id", "name") < 0)
		return -1;
	return n;
}

long long fleet_trip_open_of(long long driver_id)
{
	struct arena a = { 0 };
	struct row row;
	long long id;
	int rc = db_get(&a, &q_open_of, &row, "i", driver_id);

	id = rc == 1 ? row_int(&row, "id", 0) : rc;
	arena_reset(&a);
	return id;
}

static int list(const struct fleet_trip_filter *f, HDF *hdf, const char *prefix)
{
	long long t0, t1, lim = f->limit > 0 ? f->limit : 500;
	const char *st = f->status ? f->status : "";
	const char *pu = f->purpose ? f->purpose : "";

	fleet_day_span(f->from, f->to, &t0, &t1);
	if (f->subtree && f->unit_id > 0)
		return db_select_hdf(&q_list_tree, hdf, prefix, "iiiiiiissssi",
				     f->unit_id, f->vehicle_id, f->vehicle_id,
				     f->driver_id, f->driver_id, t0, t1, st, st,
				     pu, pu, lim);
	return db_select_hdf(&q_list_unit, hdf, prefix, "iiiiiiiissssi",
			     f->unit_id, f->unit_id, f->vehicle_id,
			     f->vehicle_id, f->driver_id, f->driver_id, t0, t1,
			     st, st, pu, pu, lim);
}

int fleet_trips_hdf(HDF *hdf, const char *prefix,
		    const struct fleet_trip_filter *f)
{
	int n = list(f, hdf, prefix);

	if (n > 0 && staff_names_hdf(hdf, prefix, "driver_id", "driver") < 0)
		return -1;
	return n;
}

int fleet_trip_drivers_options(HDF *hdf, const char *prefix, long long root)
{
	char today[11];
	HDF *h;
	int n;

	tzpl_today(0, today);
	n = db_select_hdf(&q_drivers, hdf, prefix, "is", root, today);
	if (n <= 0)
		return n;
	if (staff_names_hdf(hdf, prefix, "id", "name") < 0)
		return -1;
	for (h = hdf_get_child(hdf, prefix); h; h = hdf_obj_next(h)) {
		hdf_set_value(h, "Value", hdf_get_value(h, "id", ""));
		hdf_set_valuef(h, "Label=%s · %s", hdf_get_value(h, "name", ""),
			       hdf_get_value(h, "code", ""));
	}
	return 0;
}
