/* fleet_reserve.c: reservations of a unit's pool vehicles for a span of
 * time (mission planning): never two active ones of a vehicle overlap */
#include "fleet_trip.h"

#include <string.h>

#include "staff.h"
#include "units.h"

/* The guarantee: every writer of a vehicle's reservations (and trips)
 * locks its row first, so the overlap check below reads a state no other
 * transaction can change before this one commits. */
static struct sql q_lock = SQL(
	"SELECT id, unit_id, pool FROM fleet_vehicle WHERE id = ? FOR UPDATE");
/* ix_fleet_reservation_vehicle: the range of spans ending after the new
 * start; a vehicle's past is not read. */
static struct sql q_overlap = SQL(
	"SELECT id FROM fleet_reservation WHERE vehicle_id = ?"
	" AND end_utc > FROM_UNIXTIME(?) AND start_utc < FROM_UNIXTIME(?)"
	" AND status = 'active' LIMIT 1");
static struct sql q_insert = SQL(
	"INSERT INTO fleet_reservation (vehicle_id, unit_id, staff_id,"
	" created_by, start_utc, end_utc, purpose, note, created_at)"
	" VALUES (?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?, ?,"
	" UTC_TIMESTAMP())");
static struct sql q_get = SQL(
	"SELECT r.id, r.vehicle_id, r.unit_id, r.staff_id, r.created_by,"
	" DATE_FORMAT(r.start_utc, '%Y-%m-%d %H:%i') AS start,"
	" DATE_FORMAT(r.end_utc, '%Y-%m-%d %H:%i') AS end, r.status,"
	" r.purpose, r.note, v.plate FROM fleet_reservation r"
	" JOIN fleet_vehicle v ON v.id = r.vehicle_id WHERE r.id = ?");
static struct sql q_cancel = SQL(
	"UPDATE fleet_reservation SET status = 'cancelled', cancelled_by = ?,"
	" cancelled_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'active'");

#define RES_COLS                                                              \
	" r.id, r.vehicle_id, v.plate, v.make, v.model, r.staff_id,"          \
	" r.created_by, DATE_FORMAT(r.start_utc, '%Y-%m-%d %H:%i') AS start," \
	" DATE_FORMAT(r.end_utc, '%Y-%m-%d %H:%i') AS end, r.status,"         \
	" r.purpose, r.note, r.unit_id"
#define RES_WHERE                                                              \
	" AND (? = 0 OR r.vehicle_id = ?) AND (? = 0 OR r.staff_id = ?)"       \
	" AND r.end_utc > FROM_UNIXTIME(?) AND r.start_utc < FROM_UNIXTIME(?)" \
	" AND (? = '' OR r.status = ?) ORDER BY r.start_utc, r.id LIMIT ?"

/* A unit's subtree (ix_fleet_reservation_unit per unit), or one unit. */
static struct sql q_list_tree = SQL(
	UNITS_SUBTREE
	" SELECT" RES_COLS " FROM sub"
	" JOIN fleet_reservation r ON r.unit_id = sub.id"
	" JOIN fleet_vehicle v ON v.id = r.vehicle_id WHERE 1 = 1" RES_WHERE);
static struct sql q_list_unit = SQL(
	"SELECT" RES_COLS " FROM fleet_reservation r"
	" JOIN fleet_vehicle v ON v.id = r.vehicle_id WHERE (? = 0 OR"
	" r.unit_id = ?)" RES_WHERE);

long long fleet_reserve(const struct fleet_reservation_in *in,
			enum fleet_refusal *why)
{
	struct arena a = { 0 };
	struct row row;
	long long id = -1, unit;
	int rc;

	*why = FLEET_OK;
	rc = db_get(&a, &q_lock, &row, "i", in->vehicle_id);
	if (rc < 0)
		goto out;
	if (rc == 0 || !row_int(&row, "pool", 0)) {
		*why = FLEET_NOT_POOL;
		id = 0;
		goto out;
	}
	unit = row_int(&row, "unit_id", 0);
	rc = db_get(&a, &q_overlap, &row, "iii", in->vehicle_id, in->start,
		    in->end);
	if (rc < 0)
		goto out;
	if (rc == 1) {
		*why = FLEET_RES_OVERLAP;
		id = 0;
		goto out;
	}
	if (db_exec(&q_insert, "iiiiiiss", in->vehicle_id, unit, in->staff_id,
		    in->by, in->start, in->end, in->purpose,
		    in->note && *in->note ? in->note : NULL) != 1)
		goto out;
	id = db_insert_id(&q_insert);
out:
	arena_reset(&a);
	return id;
}

int fleet_reservation_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

int fleet_reservation_cancel(long long id, long long by)
{
	long long n = db_exec(&q_cancel, "ii", by, id);

	return n < 0 ? -1 : n == 1;
}

static int list(const struct fleet_res_filter *f, HDF *hdf, const char *prefix)
{
	long long t0, t1, lim = f->limit > 0 ? f->limit : 500;
	const char *st = f->status ? f->status : "";

	fleet_day_span(f->from, f->to, &t0, &t1);
	if (f->subtree && f->unit_id > 0)
		return db_select_hdf(&q_list_tree, hdf, prefix, "iiiiiiissi",
				     f->unit_id, f->vehicle_id, f->vehicle_id,
				     f->staff_id, f->staff_id, t0, t1, st, st,
				     lim);
	return db_select_hdf(&q_list_unit, hdf, prefix, "iiiiiiiissi",
			     f->unit_id, f->unit_id, f->vehicle_id,
			     f->vehicle_id, f->staff_id, f->staff_id, t0, t1,
			     st, st, lim);
}

int fleet_reservations_hdf(HDF *hdf, const char *prefix,
			   const struct fleet_res_filter *f, long long me)
{
	HDF *h;
	int n = list(f, hdf, prefix);

	if (n <= 0)
		return n;
	for (h = hdf_get_child(hdf, prefix); h; h = hdf_obj_next(h))
		hdf_set_int_value(
			h, "mine",
			hdf_get_int_value(h, "staff_id", 0) == me ||
				hdf_get_int_value(h, "created_by", 0) == me);
	return n;
}
