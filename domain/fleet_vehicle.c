/* fleet_vehicle.c: the vehicles of a unit's subtree: the lists with their
 * filters, one vehicle, its creation, edit (optimistic version) and status
 * changes with their history (fleet_vehicle, fleet_vehicle_status) */
#include "fleet.h"

#include <string.h>

#include "audit.h"
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

static struct sql q_get = SQL(
	"SELECT v.id, v.unit_id, v.plate, v.vin, v.make, v.model, v.kind,"
	" v.marked, v.status, v.odometer_km, v.fuel, v.tank_l, v.norm_l100,"
	" v.equipment, v.pool, v.version,"
	" DATE_FORMAT(v.created_at, '%Y-%m-%d %H:%i') AS created_at,"
	" DATE_FORMAT(v.updated_at, '%Y-%m-%d %H:%i') AS updated_at"
	" FROM fleet_vehicle v WHERE v.id = ?");
static struct sql q_history = SQL(
	"SELECT DATE_FORMAT(since, '%Y-%m-%d %H:%i') AS since, status, by_staff"
	" FROM fleet_vehicle_status WHERE vehicle_id = ?"
	" ORDER BY since DESC, id DESC LIMIT 100");
/* Which of plate and VIN another vehicle holds already. */
static struct sql q_taken = SQL(
	"SELECT plate = ? AS plate, vin = ? AS vin FROM fleet_vehicle"
	" WHERE (plate = ? OR vin = ?) AND id <> ? LIMIT 1");
static struct sql q_insert = SQL(
	"INSERT INTO fleet_vehicle (unit_id, plate, vin, make, model, kind,"
	" marked, fuel, tank_l, norm_l100, equipment, pool, odometer_km,"
	" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct sql q_status_add = SQL(
	"INSERT INTO fleet_vehicle_status (vehicle_id, since, status, by_staff)"
	" VALUES (?, UTC_TIMESTAMP(), ?, ?)");
static struct sql q_lock = SQL(
	"SELECT status, odometer_km, version FROM fleet_vehicle WHERE id = ?"
	" FOR UPDATE");
static struct sql q_update = SQL(
	"UPDATE fleet_vehicle SET unit_id = ?, plate = ?, vin = ?, make = ?,"
	" model = ?, kind = ?, marked = ?, fuel = ?, tank_l = ?, norm_l100 = ?,"
	" equipment = ?, pool = ?, odometer_km = ?, version = version + 1,"
	" updated_at = UTC_TIMESTAMP() WHERE id = ?");
static struct sql q_set_status = SQL(
	"UPDATE fleet_vehicle SET status = ?, version = version + 1,"
	" updated_at = UTC_TIMESTAMP() WHERE id = ?");

int fleet_vehicle_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

const char *fleet_vehicle_audit(struct arena *a, long long id)
{
	struct row row;

	if (fleet_vehicle_get(a, id, &row) != 1)
		return arena_printf(a, "%lld", id);
	return audit_vehicle(a, row_get(&row, "plate", ""),
			     row_get(&row, "make", ""),
			     row_get(&row, "model", ""));
}

int fleet_vehicle_history_hdf(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_history, hdf, prefix, "i", id);
}

/* FLEET_TAKEN_PLATE or _VIN when another vehicle (not self) holds one,
 * 0 none, -1. */
static int taken(const struct fleet_vehicle_in *in, long long self)
{
	struct arena a = { NULL };
	struct row row;
	int rc;

	rc = db_get(&a, &q_taken, &row, "ssssi", in->plate, in->vin, in->plate,
		    in->vin, self);
	if (rc == 1)
		rc = row_int(&row, "plate", 0) ? FLEET_TAKEN_PLATE
					       : FLEET_TAKEN_VIN;
	arena_reset(&a);
	return rc;
}

struct create_ctx {
	const struct fleet_vehicle_in *in;
	long long by, id;
};

static int create_tx(void *p)
{
	struct create_ctx *c = p;
	const struct fleet_vehicle_in *in = c->in;
	int rc;

	rc = taken(in, 0);
	if (rc)
		return rc;
	if (db_exec(&q_insert, "isssssisissii", in->unit, in->plate, in->vin,
		    in->make, in->model, in->kind, (long long)in->marked,
		    in->fuel, in->tank_l, in->norm, in->equipment,
		    (long long)in->pool, in->odometer_km) < 0)
		/* A racing twin got in between the check and the insert. */
		return db_duplicate() ? FLEET_TAKEN_PLATE : -1;
	c->id = db_insert_id(&q_insert);
	if (db_exec(&q_status_add, "isi", c->id, "in_service", c->by) < 0)
		return -1;
	return 0;
}

int fleet_vehicle_create(const struct fleet_vehicle_in *in, long long by,
			 long long *id)
{
	struct create_ctx c = { in, by, 0 };
	int rc = db_tx(create_tx, &c);

	if (rc == 0)
		*id = c.id;
	return rc;
}

struct update_ctx {
	long long id, version;
	const struct fleet_vehicle_in *in;
	const char *status;
	long long by;
};

/* Locks vehicle id; its row into row. 0, FLEET_GONE, -1. */
static int lock(struct arena *a, long long id, struct row *row)
{
	int rc = db_get(a, &q_lock, row, "i", id);

	return rc == 0 ? FLEET_GONE : rc < 0 ? -1 : 0;
}

static int update_tx(void *p)
{
	struct update_ctx *c = p;
	const struct fleet_vehicle_in *in = c->in;
	struct arena a = { NULL };
	struct row row;
	int rc;

	rc = lock(&a, c->id, &row);
	if (rc)
		goto out;
	if (!strcmp(row_get(&row, "status", ""), "written_off"))
		rc = FLEET_FINAL;
	else if (row_int(&row, "version", 0) != c->version)
		rc = FLEET_STALE;
	else if (in->odometer_km < row_int(&row, "odometer_km", 0))
		rc = FLEET_ODOMETER_BACK;
	else
		rc = taken(in, c->id);
	if (rc)
		goto out;
	if (db_exec(&q_update, "isssssisissiii", in->unit, in->plate, in->vin,
		    in->make, in->model, in->kind, (long long)in->marked,
		    in->fuel, in->tank_l, in->norm, in->equipment,
		    (long long)in->pool, in->odometer_km, c->id) < 0)
		rc = db_duplicate() ? FLEET_TAKEN_PLATE : -1;
out:
	arena_reset(&a);
	return rc;
}

int fleet_vehicle_update(long long id, long long version,
			 const struct fleet_vehicle_in *in)
{
	struct update_ctx c = { id, version, in, NULL, 0 };

	return db_tx(update_tx, &c);
}

/* 1 moved; db_tx commits only on 0, so "moved" travels in ctx. */
static int status_tx(void *p)
{
	struct update_ctx *c = p;
	struct arena a = { NULL };
	struct row row;
	int rc;

	c->version = 0;
	rc = lock(&a, c->id, &row);
	if (rc)
		goto out;
	if (!strcmp(row_get(&row, "status", ""), "written_off"))
		rc = FLEET_FINAL;
	else if (strcmp(row_get(&row, "status", ""), c->status) != 0) {
		if (db_exec(&q_set_status, "si", c->status, c->id) < 0 ||
		    db_exec(&q_status_add, "isi", c->id, c->status, c->by) < 0)
			rc = -1;
		else
			c->version = 1;
	}
out:
	arena_reset(&a);
	return rc;
}

int fleet_vehicle_set_status(long long id, const char *status, long long by)
{
	struct update_ctx c = { id, 0, NULL, status, by };
	int rc = db_tx(status_tx, &c);

	return rc ? rc : (int)c.version;
}
