/* fleet_report.c: the fleet reports' readers: per vehicle of a unit's
 * subtree, the sums of the monthly rollup over a period (kilometres,
 * litres, fuel and repair costs) and the time in service from the status
 * history. At most one rollup row per vehicle and month is read, whatever
 * the number of trips and refuellings. */
#include "fleet_report.h"

#include <stdlib.h>
#include <string.h>

#include "units.h"

/* Vehicles registered before the period's end, with or without rollup
 * rows in it (a vehicle that stood still is in the report with zeros). */
static struct sql q_vehicles = SQL(
	UNITS_SUBTREE
	" SELECT v.id, v.unit_id, sub.code AS unit_code, v.plate, v.make,"
	" v.model, v.norm_l100, COALESCE(SUM(m.km), 0) AS km,"
	" COALESCE(SUM(m.trips), 0) AS trips,"
	" COALESCE(SUM(m.litres), 0) AS litres,"
	" COALESCE(SUM(m.fuel_cost_gr), 0) AS fuel_gr,"
	" COALESCE(SUM(m.repair_cost_gr), 0) AS repair_gr,"
	" COALESCE(SUM(m.repair_days), 0) AS repair_days"
	" FROM fleet_vehicle v JOIN sub ON v.unit_id = sub.id"
	" LEFT JOIN fleet_month m ON m.vehicle_id = v.id"
	"  AND m.month >= ? AND m.month < ?"
	" WHERE v.created_at < ? AND (? = 0 OR v.unit_id = ?)"
	" GROUP BY v.id, v.unit_id, sub.code, v.plate, v.make, v.model,"
	" v.norm_l100 ORDER BY v.plate, v.id");
/* since is UTC and so is every connection's time zone (lib/db.c): the
 * seconds are UTC seconds. */
static struct sql q_status = SQL(
	UNITS_SUBTREE
	" SELECT s.vehicle_id, UNIX_TIMESTAMP(s.since) AS t, s.status"
	" FROM fleet_vehicle_status s JOIN fleet_vehicle v ON v.id = s.vehicle_id"
	" JOIN sub ON v.unit_id = sub.id WHERE s.since < FROM_UNIXTIME(?)"
	" AND (? = 0 OR v.unit_id = ?)"
	" ORDER BY s.vehicle_id, s.since, s.id");

struct load {
	struct arena *a;
	struct fleet_report_vehicle *v;
	long n, max;
};

static const char *dup(struct arena *a, const struct row *row, const char *k)
{
	const char *s = arena_strdup(a, row_get(row, k, ""));

	return s ? s : "";
}

static int vehicle_cb(const struct row *row, void *ctx)
{
	struct load *l = ctx;
	struct fleet_report_vehicle *v;

	if (l->n == l->max)
		return 1;
	v = &l->v[l->n++];
	memset(v, 0, sizeof(*v));
	v->id = row_int(row, "id", 0);
	v->unit_id = row_int(row, "unit_id", 0);
	v->unit_code = dup(l->a, row, "unit_code");
	v->plate = dup(l->a, row, "plate");
	v->make = dup(l->a, row, "make");
	v->model = dup(l->a, row, "model");
	v->norm_l100 = strtod(row_get(row, "norm_l100", "0"), NULL);
	v->km = row_int(row, "km", 0);
	v->trips = row_int(row, "trips", 0);
	v->litres = strtod(row_get(row, "litres", "0"), NULL);
	v->fuel_gr = row_int(row, "fuel_gr", 0);
	v->repair_gr = row_int(row, "repair_gr", 0);
	v->repair_days = row_int(row, "repair_days", 0);
	return 0;
}

long fleet_report_vehicles(struct arena *a, long long root, long long unit,
			   const char *from, const char *to,
			   struct fleet_report_vehicle *v, long max)
{
	struct load l = { a, v, 0, max };

	if (db_each(&q_vehicles, vehicle_cb, &l, "isssii", root, from, to, to,
		    unit, unit) < 0)
		return -1;
	return l.n;
}

void fleet_report_span(const long long *since, const int *status, long n,
		       long long t0, long long t1, double *in_service,
		       double *counted)
{
	*in_service = *counted = 0;
	for (long i = 0; i < n; i++) {
		long long a = since[i] > t0 ? since[i] : t0;
		long long b = i + 1 < n && since[i + 1] < t1 ? since[i + 1]
							     : t1;

		if (b <= a || status[i] == FLEET_DASH_WRITTEN_OFF)
			continue;
		*counted += (double)(b - a);
		if (status[i] == FLEET_DASH_IN_SERVICE)
			*in_service += (double)(b - a);
	}
}

/* The status rows arrive by vehicle, then time: one vehicle's history is
 * gathered, then spanned when the next vehicle's first row comes. */
#define MAX_CHANGES 512

struct hist {
	struct fleet_report_vehicle *v;
	long n;
	long long t0, t1, id;
	long k;
	long long since[MAX_CHANGES];
	int status[MAX_CHANGES];
};

static int by_id(const void *a, const void *b)
{
	const struct fleet_report_vehicle *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static void flush(struct hist *h)
{
	struct fleet_report_vehicle key = { .id = h->id }, *v;

	if (h->k == 0)
		return;
	v = bsearch(&key, h->v, (size_t)h->n, sizeof(*v), by_id);
	if (v)
		fleet_report_span(h->since, h->status, h->k, h->t0, h->t1,
				  &v->in_service_s, &v->counted_s);
	h->k = 0;
}

static int status_cb(const struct row *row, void *ctx)
{
	struct hist *h = ctx;
	long long id = row_int(row, "vehicle_id", 0);
	const char *st = row_get(row, "status", "");
	int s = FLEET_DASH_OUT_OF_SERVICE;

	if (id != h->id) {
		flush(h);
		h->id = id;
	}
	for (int i = 0; i < FLEET_DASH__MAX; i++)
		if (!strcmp(st, fleet_dash_status_codes[i]))
			s = i;
	/* A history longer than the buffer: its oldest changes are merged
	 * into the last kept one (never seen in practice: a status change
	 * is a repair or a write-off). */
	if (h->k == MAX_CHANGES)
		h->k--;
	h->since[h->k] = row_int(row, "t", 0);
	h->status[h->k++] = s;
	return 0;
}

int fleet_report_availability(struct arena *a, long long root, long long unit,
			      long long t0, long long t1,
			      struct fleet_report_vehicle *v, long n)
{
	struct hist *h;
	struct fleet_report_vehicle *sorted;
	int rc;

	h = arena_alloc(a, sizeof(*h));
	sorted = arena_alloc(a, (size_t)(n + 1) * sizeof(*sorted));
	if (!h || !sorted)
		return -1;
	memcpy(sorted, v, (size_t)n * sizeof(*v));
	qsort(sorted, (size_t)n, sizeof(*sorted), by_id);
	memset(h, 0, sizeof(*h));
	h->v = sorted;
	h->n = n;
	h->t0 = t0;
	h->t1 = t1;
	rc = db_each(&q_status, status_cb, h, "iiii", root, t1, unit, unit);
	if (rc < 0)
		return -1;
	flush(h);
	/* back into the caller's order */
	for (long i = 0; i < n; i++) {
		struct fleet_report_vehicle *s = bsearch(
			&v[i], sorted, (size_t)n, sizeof(*s), by_id);

		v[i].in_service_s = s ? s->in_service_s : 0;
		v[i].counted_s = s ? s->counted_s : 0;
	}
	return 0;
}
