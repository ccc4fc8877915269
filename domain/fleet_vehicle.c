/* fleet_vehicle.c: the vehicles of a unit's subtree: the lists with their
 * filters (fleet_vehicle) */
#include "fleet.h"

#include "units.h"

#define VEHICLE_COLS                                                       \
	" v.id, v.unit_id, sub.code AS unit_code, v.plate, v.vin, v.make," \
	" v.model, v.kind, v.marked, v.status, v.odometer_km, v.fuel,"     \
	" v.tank_l, v.norm_l100, v.equipment, v.pool"

/* The scope's subtree joined as sub; each filter "" (0) for any. The text
 * is a part of the plate, VIN, make or model: LOCATE, not LIKE, so a % or
 * _ typed is a character like any other. */
static struct sql q_list = SQL(
	UNITS_SUBTREE
	" SELECT" VEHICLE_COLS
	" FROM fleet_vehicle v JOIN sub ON sub.id = v.unit_id"
	" WHERE (? = 0 OR v.unit_id = ?)"
	" AND (? = 0 OR v.unit_id = ?)"
	" AND (? = '' OR v.kind = ?)"
	" AND (? = '' OR v.status = ?)"
	" AND (? = 0 OR v.pool = 1)"
	" AND (? = '' OR LOCATE(?, v.plate) > 0 OR LOCATE(?, v.vin) > 0"
	"  OR LOCATE(?, v.make) > 0 OR LOCATE(?, v.model) > 0)"
	" ORDER BY v.plate, v.id LIMIT ?");

int fleet_vehicle_each(const struct fleet_vehicle_filter *f, long long limit,
		       db_row_cb cb, void *ctx)
{
	const char *t = f->text ? f->text : "";
	long long only = f->only_unit ? f->root : 0;

	if (f->root <= 0)
		return 0;
	return db_each(&q_list, cb, ctx, "iiiiissssisssssi", f->root, only,
		       only, f->unit, f->unit, f->kind ? f->kind : "",
		       f->kind ? f->kind : "", f->status ? f->status : "",
		       f->status ? f->status : "", (long long)f->pool_only, t,
		       t, t, t, t, limit) < 0
		       ? -1
		       : 0;
}

int fleet_vehicle_list_hdf(HDF *hdf, const char *prefix,
			   const struct fleet_vehicle_filter *f,
			   long long limit)
{
	const char *t = f->text ? f->text : "";
	long long only = f->only_unit ? f->root : 0;

	if (f->root <= 0)
		return 0;
	return db_select_hdf(&q_list, hdf, prefix, "iiiiissssisssssi", f->root,
			     only, only, f->unit, f->unit,
			     f->kind ? f->kind : "", f->kind ? f->kind : "",
			     f->status ? f->status : "",
			     f->status ? f->status : "",
			     (long long)f->pool_only, t, t, t, t, t, limit);
}
