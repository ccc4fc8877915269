/* fleet_fuel.c: refuellings: stored with the anomalies found at entry
 * (fleet_fuel_calc.c judges), counted in fleet_month in the same
 * transaction, listed, and the consumption of a period per vehicle */
#include "fleet_fuel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "fleet.h"
#include "log.h"

static struct sql q_vehicle = SQL(
	"SELECT id, unit_id, plate, status, tank_l, norm_l100, odometer_km,"
	" CAST(ROUND(norm_l100 * 10) AS SIGNED) AS norm_dl"
	" FROM fleet_vehicle WHERE id = ?");
static struct sql q_lock = SQL(
	"SELECT id, unit_id, tank_l, norm_l100,"
	" CAST(ROUND(norm_l100 * 10) AS SIGNED) AS norm_dl"
	" FROM fleet_vehicle WHERE id = ? FOR UPDATE");
/* The refuellings around the moment: the last one at or before it, the
 * first one after it. */
static struct sql q_around = SQL(
	"SELECT (SELECT odo_km FROM fleet_fuel WHERE vehicle_id = ?"
	"  AND filled_at <= FROM_UNIXTIME(?)"
	"  ORDER BY filled_at DESC, id DESC LIMIT 1) AS fuel_km,"
	" (SELECT odo_km FROM fleet_fuel WHERE vehicle_id = ?"
	"  AND filled_at > FROM_UNIXTIME(?)"
	"  ORDER BY filled_at, id LIMIT 1) AS next_km");
/* The trips' readings around it: the odometer out at a start and in at an
 * end, the latest before and the earliest after the moment. */
static struct sql q_trips = SQL(
	"SELECT GREATEST(COALESCE((SELECT odo_out FROM fleet_trip"
	"  WHERE vehicle_id = ? AND start_utc <= FROM_UNIXTIME(?)"
	"  ORDER BY start_utc DESC LIMIT 1), -1),"
	" COALESCE((SELECT odo_in FROM fleet_trip WHERE vehicle_id = ?"
	"  AND end_utc <= FROM_UNIXTIME(?) AND odo_in IS NOT NULL"
	"  ORDER BY end_utc DESC LIMIT 1), -1)) AS before_km,"
	" (SELECT odo_out FROM fleet_trip WHERE vehicle_id = ?"
	"  AND start_utc > FROM_UNIXTIME(?)"
	"  ORDER BY start_utc LIMIT 1) AS out_after,"
	" (SELECT odo_in FROM fleet_trip WHERE vehicle_id = ?"
	"  AND end_utc > FROM_UNIXTIME(?) AND odo_in IS NOT NULL"
	"  ORDER BY end_utc LIMIT 1) AS in_after");
static struct sql q_insert = SQL(
	"INSERT INTO fleet_fuel (vehicle_id, filled_at, filled_day, litres,"
	" price_gr,"
	" cost_gr, odo_km, station, card_last4, entered_by, anomalies,"
	" since_km, norm_l100, pct, tank_l, prev_km, next_km)"
	" VALUES (?, FROM_UNIXTIME(?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?)");
static struct sql q_odometer = SQL(
	"UPDATE fleet_vehicle SET odometer_km = GREATEST(odometer_km, ?)"
	" WHERE id = ?");

/* The columns of a list: money in zł and litres with two decimals, the
 * anomalies' figures as the words on the page quote them. */
#define FUEL_COLS                                                                 \
	"SELECT f.id, f.vehicle_id, v.plate, v.unit_id,"                          \
	" DATE_FORMAT(f.filled_at, '%Y-%m-%d %H:%i') AS filled_at,"               \
	" f.litres, FORMAT(f.price_gr / 100, 2, 'en_US') AS price,"               \
	" f.price_gr, f.cost_gr, CAST(f.cost_gr / 100 AS DECIMAL(14,2)) AS cost," \
	" f.odo_km, f.station, f.card_last4, f.anomalies, f.since_km,"            \
	" CAST(f.litres * 100 / f.since_km AS DECIMAL(8,2)) AS l100,"             \
	" f.norm_l100, f.pct,"                                                    \
	" CAST(f.norm_l100 * (100 + f.pct) / 100 AS DECIMAL(8,2))"                \
	"  AS limit_l100,"                                                        \
	" f.tank_l, CAST(f.tank_l * 1.05 AS DECIMAL(8,2)) AS tank_max,"           \
	" f.prev_km, f.next_km"                                                   \
	" FROM fleet_fuel f JOIN fleet_vehicle v ON v.id = f.vehicle_id"          \
	" WHERE FIND_IN_SET(v.unit_id, ?) AND (? = 0 OR f.vehicle_id = ?)"        \
	" AND (? = 0 OR f.entered_by = ?)"                                        \
	" AND f.filled_at >= FROM_UNIXTIME(?)"                                    \
	" AND f.filled_at < FROM_UNIXTIME(?) AND (? = 0 OR f.anomalies <> '')"

static struct sql q_list = SQL(FUEL_COLS
			       " ORDER BY f.filled_at DESC, f.id DESC LIMIT ?");
static struct sql q_each = SQL(FUEL_COLS " ORDER BY f.filled_at, f.id LIMIT ?");
static struct sql q_fills = SQL(
	"SELECT f.vehicle_id, v.plate, v.norm_l100,"
	" CAST(ROUND(v.norm_l100 * 10) AS SIGNED) AS norm_dl, f.odo_km,"
	" CAST(ROUND(f.litres * 100) AS SIGNED) AS cl"
	" FROM fleet_fuel f JOIN fleet_vehicle v ON v.id = f.vehicle_id"
	" WHERE FIND_IN_SET(v.unit_id, ?) AND (? = 0 OR f.vehicle_id = ?)"
	" AND (? = 0 OR f.entered_by = ?)"
	" AND f.filled_at >= FROM_UNIXTIME(?) AND f.filled_at < FROM_UNIXTIME(?)"
	" ORDER BY v.plate, f.vehicle_id, f.filled_at, f.id LIMIT 200000");

int fleet_fuel_vehicle(struct arena *a, long long vehicle_id, struct row *row)
{
	return db_get(a, &q_vehicle, row, "i", vehicle_id);
}

/* hundredths as "123.45" into out */
static const char *decimal2(long long v, char out[32])
{
	snprintf(out, 32, "%lld.%02lld", v / 100, v % 100);
	return out;
}

struct add_tx {
	struct req *r;
	const struct fleet_fuel_in *in;
	struct fleet_fuel_out *out;
};

static int add_run(void *ctx)
{
	struct add_tx *t = ctx;
	const struct fleet_fuel_in *in = t->in;
	struct fleet_fuel_out *out = t->out;
	struct fleet_fuel_facts f = { 0 };
	struct arena a = { 0 };
	struct row row;
	char litres[32], norm[32], flags[32] = "";
	long long next_km, tin, tout;
	int rc;

	out->id = 0;
	out->fuel_km = -1;
	rc = db_get(&a, &q_lock, &row, "i", in->vehicle_id);
	if (rc != 1) {
		rc = rc < 0 ? -1 : FLEET_FUEL_NO_VEHICLE;
		goto out;
	}
	f.cl = in->cl;
	f.odo_km = in->odo_km;
	f.pct = in->pct;
	f.tank_l = row_int(&row, "tank_l", 0) > 0 ? row_int(&row, "tank_l", 0)
						  : -1;
	f.norm_dl = row_int(&row, "norm_dl", 0) > 0
			    ? row_int(&row, "norm_dl", 0)
			    : -1;
	snprintf(norm, sizeof(norm), "%s", row_get(&row, "norm_l100", "0"));
	rc = -1;
	if (db_get(&a, &q_around, &row, "iiii", in->vehicle_id, in->filled_utc,
		   in->vehicle_id, in->filled_utc) != 1)
		goto out;
	f.fuel_km = row_int(&row, "fuel_km", -1);
	next_km = row_int(&row, "next_km", -1);
	if (f.fuel_km >= 0 && in->odo_km < f.fuel_km) {
		out->fuel_km = f.fuel_km;
		rc = FLEET_FUEL_ODO_BELOW;
		goto out;
	}
	if (db_get(&a, &q_trips, &row, "iiiiiiii", in->vehicle_id,
		   in->filled_utc, in->vehicle_id, in->filled_utc,
		   in->vehicle_id, in->filled_utc, in->vehicle_id,
		   in->filled_utc) != 1)
		goto out;
	f.before_km = row_int(&row, "before_km", -1);
	if (f.fuel_km > f.before_km)
		f.before_km = f.fuel_km;
	f.after_km = next_km;
	tout = row_int(&row, "out_after", -1);
	tin = row_int(&row, "in_after", -1);
	if (tout >= 0 && (f.after_km < 0 || tout < f.after_km))
		f.after_km = tout;
	if (tin >= 0 && (f.after_km < 0 || tin < f.after_km))
		f.after_km = tin;
	fleet_fuel_judge(&f, &out->v);

	if (out->v.anomalies & FLEET_FA_NORM)
		strcat(flags, "norm,");
	if (out->v.anomalies & FLEET_FA_TANK)
		strcat(flags, "tank,");
	if (out->v.anomalies & FLEET_FA_ODOMETER)
		strcat(flags, "odometer,");
	if (*flags)
		flags[strlen(flags) - 1] = '\0';
	decimal2(in->cl, litres);
	/* The figures each anomaly is told with; NULL where none applies. */
	{
		char since[24], pct[8], tank[24], prev[24], next[24];

		snprintf(since, sizeof(since), "%lld", out->v.since_km);
		snprintf(pct, sizeof(pct), "%d", in->pct);
		snprintf(tank, sizeof(tank), "%lld", f.tank_l);
		snprintf(prev, sizeof(prev), "%lld", f.before_km);
		snprintf(next, sizeof(next), "%lld", f.after_km);
		if (db_exec(&q_insert, "iissiiississsssss", in->vehicle_id,
			    in->filled_utc, in->day, litres, in->price_gr,
			    fleet_fuel_cost_gr(in->cl, in->price_gr),
			    in->odo_km, in->station, in->card_last4,
			    t->r->sess.account_id, flags,
			    out->v.since_km > 0 ? since : NULL,
			    f.norm_dl > 0 ? norm : NULL, pct,
			    f.tank_l > 0 ? tank : NULL,
			    f.before_km >= 0 ? prev : NULL,
			    f.after_km >= 0 ? next : NULL) != 1)
			goto out;
	}
	out->id = db_insert_id(&q_insert);
	if (db_exec(&q_odometer, "ii", in->odo_km, in->vehicle_id) < 0)
		goto out;
	if (fleet_rollup_fuel(in->vehicle_id, in->day, litres,
			      fleet_fuel_cost_gr(in->cl, in->price_gr)) < 0)
		goto out;
	if (audit_log(t->r, "fleet.fuel.add",
		      arena_printf(&a, "fleet_vehicle:%lld", in->vehicle_id),
		      arena_printf(
			      &a,
			      "@skr.audit.detail.fleet_fuel_of%s|%s|%s|%lld"
			      "%s%s",
			      *flags ? "_anomalies" : "",
			      fleet_vehicle_audit(&a, in->vehicle_id), litres,
			      in->odo_km, *flags ? "|" : "", flags)) < 0)
		goto out;
	rc = FLEET_FUEL_STORED;
out:
	arena_reset(&a);
	return rc;
}

int fleet_fuel_add(struct req *r, const struct fleet_fuel_in *in,
		   struct fleet_fuel_out *out)
{
	struct add_tx t = { r, in, out };

	return db_tx(add_run, &t);
}

#define FILTER_ARGS(f)                                           \
	(f)->units, (f)->vehicle, (f)->vehicle, (f)->entered_by, \
		(f)->entered_by, (f)->from, (f)->to, (long long)(f)->anomalies

struct list_ctx {
	HDF *hdf;
	const char *prefix;
	int n, failed;
};

static const char *const kinds[] = { "norm", "tank", "odometer" };

static int list_cb(const struct row *row, void *ctx)
{
	struct list_ctx *c = ctx;
	const char *an = row_get(row, "anomalies", "");
	NEOERR *err = NULL;

	for (int i = 0; i < row->n && !err; i++)
		if (row->v[i])
			err = hdf_set_valuef(c->hdf, "%s.%d.%s=%s", c->prefix,
					     c->n, row->name[i], row->v[i]);
	/* One flag per anomaly, for the template's words. */
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]) && !err; i++) {
		char set[40], needle[16];

		snprintf(set, sizeof(set), ",%s,", an);
		snprintf(needle, sizeof(needle), ",%s,", kinds[i]);
		if (strstr(set, needle))
			err = hdf_set_valuef(c->hdf, "%s.%d.Anomaly.%s=1",
					     c->prefix, c->n, kinds[i]);
	}
	if (err) {
		nerr_ignore(&err);
		c->failed = 1;
		return 1;
	}
	c->n++;
	return 0;
}

int fleet_fuel_list_hdf(HDF *hdf, const char *prefix,
			const struct fleet_fuel_filter *f, long long limit)
{
	struct list_ctx c = { hdf, prefix, 0, 0 };

	if (db_each(&q_list, list_cb, &c, "siiiiiiii", FILTER_ARGS(f), limit) <
		    0 ||
	    c.failed)
		return -1;
	return c.n;
}

int fleet_fuel_each(const struct fleet_fuel_filter *f, long long limit,
		    db_row_cb cb, void *ctx)
{
	return db_each(&q_each, cb, ctx, "siiiiiiii", FILTER_ARGS(f), limit);
}

/* The fills of one vehicle at a time, judged when the next vehicle
 * starts. */
struct cons_ctx {
	HDF *hdf;
	const char *prefix;
	int pct, n, failed;
	long long vehicle, norm_dl;
	char plate[24], norm[16];
	struct fleet_fill *fill;
	size_t nfill, cap;
};

static void cons_flush(struct cons_ctx *c)
{
	struct fleet_consumption k;
	const char *p;
	char l[32];
	NEOERR *err;

	if (!c->nfill || c->failed)
		return;
	p = c->prefix;
	err = hdf_set_valuef(c->hdf, "%s.%d.vehicle_id=%lld", p, c->n,
			     c->vehicle);
	if (!err)
		err = hdf_set_valuef(c->hdf, "%s.%d.plate=%s", p, c->n,
				     c->plate);
	if (!err)
		err = hdf_set_valuef(c->hdf, "%s.%d.fills=%zu", p, c->n,
				     c->nfill);
	if (!err && c->norm_dl > 0) {
		err = hdf_set_valuef(c->hdf, "%s.%d.norm_l100=%s", p, c->n,
				     c->norm);
		if (!err)
			err = hdf_set_valuef(
				c->hdf, "%s.%d.limit_l100=%s", p, c->n,
				decimal2((c->norm_dl * 10 * (100 + c->pct) +
					  50) / 100,
					 l));
	}
	if (!err && fleet_fuel_consumption(c->fill, c->nfill, &k)) {
		err = hdf_set_valuef(c->hdf, "%s.%d.km=%lld", p, c->n, k.km);
		if (!err)
			err = hdf_set_valuef(c->hdf, "%s.%d.litres=%s", p, c->n,
					     decimal2(k.cl, l));
		if (!err)
			err = hdf_set_valuef(c->hdf, "%s.%d.l100=%s", p, c->n,
					     decimal2(k.cl100, l));
		/* Above: the same exact comparison as a refuelling's. */
		if (!err && c->norm_dl > 0 &&
		    k.cl * 1000 > c->norm_dl * (100 + c->pct) * k.km)
			err = hdf_set_valuef(c->hdf, "%s.%d.Above=1", p, c->n);
	}
	if (err) {
		nerr_ignore(&err);
		c->failed = 1;
		return;
	}
	c->n++;
	c->nfill = 0;
}

static int cons_cb(const struct row *row, void *ctx)
{
	struct cons_ctx *c = ctx;
	long long v = row_int(row, "vehicle_id", 0);

	if (v != c->vehicle) {
		cons_flush(c);
		c->vehicle = v;
		c->norm_dl = row_int(row, "norm_dl", 0);
		snprintf(c->plate, sizeof(c->plate), "%s",
			 row_get(row, "plate", ""));
		snprintf(c->norm, sizeof(c->norm), "%s",
			 row_get(row, "norm_l100", ""));
	}
	if (c->nfill == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct fleet_fill *n = realloc(c->fill, cap * sizeof(*n));

		if (!n) {
			c->failed = 1;
			return 1;
		}
		c->fill = n;
		c->cap = cap;
	}
	c->fill[c->nfill].odo_km = row_int(row, "odo_km", 0);
	c->fill[c->nfill].cl = row_int(row, "cl", 0);
	c->nfill++;
	return c->failed;
}

int fleet_fuel_consumption_hdf(HDF *hdf, const char *prefix,
			       const struct fleet_fuel_filter *f, int pct)
{
	struct cons_ctx c = { .hdf = hdf, .prefix = prefix, .pct = pct };
	int rc;

	rc = db_each(&q_fills, cons_cb, &c, "siiiiii", f->units, f->vehicle,
		     f->vehicle, f->entered_by, f->entered_by, f->from, f->to);
	if (rc >= 0)
		cons_flush(&c);
	free(c.fill);
	if (rc < 0 || c.failed) {
		log_err("fleet consumption: %s", rc < 0 ? "query" : "memory");
		return -1;
	}
	return c.n;
}
