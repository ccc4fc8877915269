/* fleet_damage.c: damage reports and repairs: a repair puts the vehicle
 * in repair while it lasts, and its closing adds the cost and the days out
 * of service to fleet_month in the same transaction */
#include "fleet_fuel.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "fleet.h"
#include "log.h"

static struct sql q_damage_add = SQL(
	"INSERT INTO fleet_damage (vehicle_id, happened_on, place, description,"
	" reported_by, third_party, third_details) VALUES (?, ?, ?, ?, ?, ?, ?)");

#define DAMAGE_COLS                                                     \
	"SELECT d.id, d.vehicle_id, v.unit_id, v.plate, d.happened_on," \
	" d.place, d.description, d.reported_by, d.third_party,"        \
	" d.third_details, d.status, d.closed_at, d.created_at"         \
	" FROM fleet_damage d JOIN fleet_vehicle v ON v.id = d.vehicle_id"

static struct sql q_damage_get = SQL(DAMAGE_COLS " WHERE d.id = ?");
static struct sql q_damage_close = SQL(
	"UPDATE fleet_damage SET status = 'closed', closed_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'open'");

#define DAMAGE_WHERE                                                       \
	" WHERE FIND_IN_SET(v.unit_id, ?) AND (? = 0 OR d.vehicle_id = ?)" \
	" AND (? = '' OR d.status = ?) AND (? = '' OR d.happened_on >= ?)" \
	" AND (? = '' OR d.happened_on <= ?)"

static struct sql q_damage_list = SQL(DAMAGE_COLS DAMAGE_WHERE
				      " ORDER BY d.happened_on DESC, d.id DESC"
				      " LIMIT ?");
static struct sql q_damage_each = SQL(DAMAGE_COLS DAMAGE_WHERE
				      " ORDER BY d.happened_on, d.id LIMIT ?");

static struct sql q_lock = SQL(
	"SELECT id, status FROM fleet_vehicle WHERE id = ? FOR UPDATE");
static struct sql q_open_of = SQL(
	"SELECT id FROM fleet_repair WHERE vehicle_id = ? AND to_day IS NULL"
	" LIMIT 1");
static struct sql q_repair_add = SQL(
	"INSERT INTO fleet_repair (vehicle_id, damage_id, reason, workshop,"
	" from_day, note, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
static struct sql q_repair_lock = SQL(
	"SELECT id, vehicle_id, from_day, to_day FROM fleet_repair"
	" WHERE id = ? FOR UPDATE");
static struct sql q_repair_close = SQL(
	"UPDATE fleet_repair SET to_day = ?, cost_gr = ? WHERE id = ?"
	" AND to_day IS NULL");
/* The vehicle's status and its history (0087: availability is computed
 * from fleet_vehicle_status). fleet_vehicle_set_status (fleet_vehicle.c)
 * runs a transaction of its own, and the status must change in the
 * repair's: the same two statements, the same rule (written off is
 * final, checked by the callers on the locked row). */
static struct sql q_status = SQL(
	"UPDATE fleet_vehicle SET status = ?, updated_at = UTC_TIMESTAMP()"
	" WHERE id = ?");
static struct sql q_status_row = SQL(
	"INSERT INTO fleet_vehicle_status (vehicle_id, since, status, by_staff)"
	" VALUES (?, UTC_TIMESTAMP(), ?, ?)");

#define REPAIR_COLS                                                   \
	"SELECT p.id, p.vehicle_id, v.unit_id, v.plate, p.damage_id," \
	" p.reason, p.workshop, p.from_day, p.to_day, p.cost_gr,"     \
	" CAST(p.cost_gr / 100 AS DECIMAL(14,2)) AS cost,"            \
	" DATEDIFF(p.to_day, p.from_day) + 1 AS days, p.note"         \
	" FROM fleet_repair p JOIN fleet_vehicle v ON v.id = p.vehicle_id"

static struct sql q_repair_get = SQL(REPAIR_COLS " WHERE p.id = ?");

#define REPAIR_WHERE                                                       \
	" WHERE FIND_IN_SET(v.unit_id, ?) AND (? = 0 OR p.vehicle_id = ?)" \
	" AND (? = 0 OR p.damage_id = ?)"                                  \
	" AND (? = 0 OR (? = 1 AND p.to_day IS NULL)"                      \
	"  OR (? = 2 AND p.to_day IS NOT NULL))"                           \
	" AND (? = '' OR COALESCE(p.to_day, '9999-12-31') >= ?)"           \
	" AND (? = '' OR p.from_day <= ?)"

static struct sql q_repair_list = SQL(REPAIR_COLS REPAIR_WHERE
				      " ORDER BY p.from_day DESC, p.id DESC"
				      " LIMIT ?");
static struct sql q_repair_each = SQL(REPAIR_COLS REPAIR_WHERE
				      " ORDER BY p.from_day, p.id LIMIT ?");

long long fleet_damage_add(struct req *r, const struct fleet_damage_in *in)
{
	long long id;

	if (db_begin() < 0)
		return -1;
	if (db_exec(&q_damage_add, "isssiis", in->vehicle_id, in->happened_on,
		    in->place, in->description, r->sess.account_id,
		    (long long)in->third_party,
		    in->third_party ? in->third_details : NULL) != 1)
		goto fail;
	id = db_insert_id(&q_damage_add);
	if (audit_log(
		    r, "fleet.damage.add",
		    arena_printf(&r->arena, "fleet_vehicle:%lld",
				 in->vehicle_id),
		    /* The place last: free text, it may hold a '|'. */
		    arena_printf(&r->arena,
				 "@skr.audit.detail.fleet_damage_of%s|%s|%s|%s",
				 in->third_party ? "_third" : "",
				 fleet_vehicle_audit(&r->arena, in->vehicle_id),
				 in->happened_on, in->place)) < 0)
		goto fail;
	if (db_commit() < 0)
		return -1;
	return id;
fail:
	db_rollback();
	return -1;
}

int fleet_damage_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_damage_get, row, "i", id);
}

int fleet_damage_close(struct req *r, long long id)
{
	struct row d;
	long long n;

	if (db_begin() < 0)
		return -1;
	if ((n = db_exec(&q_damage_close, "i", id)) < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return 0;
	}
	/* Which damage, in words: the vehicle, the day, the place last. */
	if (fleet_damage_get(&r->arena, id, &d) != 1 ||
	    audit_log(r, "fleet.damage.close",
		      arena_printf(&r->arena, "fleet_damage:%lld", id),
		      arena_printf(
			      &r->arena,
			      "@skr.audit.detail.fleet_damage_of|%s|%s|%s",
			      fleet_vehicle_audit(&r->arena,
						  row_int(&d, "vehicle_id", 0)),
			      row_get(&d, "happened_on", ""),
			      row_get(&d, "place", ""))) < 0)
		goto fail;
	return db_commit() < 0 ? -1 : 1;
fail:
	db_rollback();
	return -1;
}

#define DAMAGE_ARGS(f)                                                    \
	(f)->units, (f)->vehicle, (f)->vehicle, (f)->status, (f)->status, \
		(f)->from, (f)->from, (f)->to, (f)->to

int fleet_damage_list_hdf(HDF *hdf, const char *prefix,
			  const struct fleet_damage_filter *f, long long limit)
{
	return db_select_hdf(&q_damage_list, hdf, prefix, "siissssssi",
			     DAMAGE_ARGS(f), limit);
}

int fleet_damage_each(const struct fleet_damage_filter *f, long long limit,
		      db_row_cb cb, void *ctx)
{
	return db_each(&q_damage_each, cb, ctx, "siissssssi", DAMAGE_ARGS(f),
		       limit);
}

/* The vehicle's status now, with a row of its history. */
static int set_status(long long vehicle, const char *status, long long by)
{
	if (db_exec(&q_status, "si", status, vehicle) < 0 ||
	    db_exec(&q_status_row, "isi", vehicle, status, by) != 1)
		return -1;
	return 0;
}

struct open_tx {
	struct req *r;
	const struct fleet_repair_in *in;
	long long id;
};

static int open_run(void *ctx)
{
	struct open_tx *t = ctx;
	const struct fleet_repair_in *in = t->in;
	struct arena a = { 0 };
	struct row row;
	char damage[24];
	const char *status;
	int in_repair, rc = db_get(&a, &q_lock, &row, "i", in->vehicle_id);

	if (rc != 1) {
		rc = rc < 0 ? -1 : FLEET_REPAIR_NO_VEHICLE;
		goto out;
	}
	if (!strcmp(row_get(&row, "status", ""), "written_off")) {
		rc = FLEET_REPAIR_FINAL;
		goto out;
	}
	status = row_get(&row, "status", "");
	in_repair = !strcmp(status, "in_repair");
	/* One repair at a time: the vehicle is in one workshop. */
	rc = db_get(&a, &q_open_of, &row, "i", in->vehicle_id);
	if (rc != 0) {
		rc = rc < 0 ? -1 : FLEET_REPAIR_OPEN;
		goto out;
	}
	rc = -1;
	snprintf(damage, sizeof(damage), "%lld", in->damage_id);
	if (db_exec(&q_repair_add, "isssssi", in->vehicle_id,
		    in->damage_id ? damage : NULL,
		    in->damage_id ? "damage" : "service", in->workshop,
		    in->from_day, in->note, t->r->sess.account_id) != 1)
		goto out;
	t->id = db_insert_id(&q_repair_add);
	if (!in_repair &&
	    set_status(in->vehicle_id, "in_repair", t->r->sess.account_id) < 0)
		goto out;
	if (audit_log(t->r, "fleet.repair.open",
		      arena_printf(&a, "fleet_vehicle:%lld", in->vehicle_id),
		      /* The workshop last: free text, it may hold a '|'. */
		      arena_printf(&a,
				   "@skr.audit.detail.fleet_repair_of|%s|%s|%s",
				   fleet_vehicle_audit(&a, in->vehicle_id),
				   in->from_day, in->workshop)) < 0)
		goto out;
	rc = FLEET_REPAIR_DONE;
out:
	arena_reset(&a);
	return rc;
}

int fleet_repair_open(struct req *r, const struct fleet_repair_in *in,
		      long long *id)
{
	struct open_tx t = { r, in, 0 };
	int rc = db_tx(open_run, &t);

	*id = t.id;
	return rc;
}

struct close_tx {
	struct req *r;
	long long id, cost_gr, vehicle;
	const char *to_day;
};

#define MONTHS_MAX 120

static int close_run(void *ctx)
{
	struct close_tx *t = ctx;
	struct fleet_repair_month mo[MONTHS_MAX];
	struct arena a = { 0 };
	struct row row;
	int rc, n, in_repair;

	/* The vehicle before the repair, as every fleet write locks. */
	rc = db_get(&a, &q_repair_get, &row, "i", t->id);
	if (rc != 1) {
		rc = rc < 0 ? -1 : FLEET_REPAIR_NOT_OPEN;
		goto out;
	}
	t->vehicle = row_int(&row, "vehicle_id", 0);
	if ((rc = db_get(&a, &q_lock, &row, "i", t->vehicle)) != 1) {
		rc = rc < 0 ? -1 : FLEET_REPAIR_NOT_OPEN;
		goto out;
	}
	in_repair = !strcmp(row_get(&row, "status", ""), "in_repair");
	if ((rc = db_get(&a, &q_repair_lock, &row, "i", t->id)) != 1) {
		rc = rc < 0 ? -1 : FLEET_REPAIR_NOT_OPEN;
		goto out;
	}
	if (row_get(&row, "to_day", NULL)) {
		rc = FLEET_REPAIR_NOT_OPEN;
		goto out;
	}
	n = fleet_repair_months(row_get(&row, "from_day", ""), t->to_day, mo,
				MONTHS_MAX);
	if (n <= 0) {
		rc = FLEET_REPAIR_REVERSED;
		goto out;
	}
	rc = -1;
	if (db_exec(&q_repair_close, "sii", t->to_day, t->cost_gr, t->id) != 1)
		goto out;
	for (int i = 0; i < n; i++)
		if (fleet_rollup_repair(t->vehicle, mo[i].month,
					i == n - 1 ? t->cost_gr : 0,
					mo[i].days) < 0)
			goto out;
	if (in_repair &&
	    set_status(t->vehicle, "in_service", t->r->sess.account_id) < 0)
		goto out;
	if (audit_log(t->r, "fleet.repair.close",
		      arena_printf(&a, "fleet_vehicle:%lld", t->vehicle),
		      arena_printf(&a,
				   "@skr.audit.detail.fleet_repair_of_closed"
				   "|%s|%s|%lld.%02lld",
				   fleet_vehicle_audit(&a, t->vehicle),
				   t->to_day, t->cost_gr / 100,
				   t->cost_gr % 100)) < 0)
		goto out;
	rc = FLEET_REPAIR_DONE;
out:
	arena_reset(&a);
	return rc;
}

int fleet_repair_close(struct req *r, long long id, const char *to_day,
		       long long cost_gr)
{
	struct close_tx t = { r, id, cost_gr, 0, to_day };

	return db_tx(close_run, &t);
}

int fleet_repair_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_repair_get, row, "i", id);
}

#define REPAIR_ARGS(f)                                                    \
	(f)->units, (f)->vehicle, (f)->vehicle, (f)->damage, (f)->damage, \
		(long long)(f)->open, (long long)(f)->open,               \
		(long long)(f)->open, (f)->from, (f)->from, (f)->to, (f)->to

int fleet_repair_list_hdf(HDF *hdf, const char *prefix,
			  const struct fleet_repair_filter *f, long long limit)
{
	return db_select_hdf(&q_repair_list, hdf, prefix, "siiiiiiissssi",
			     REPAIR_ARGS(f), limit);
}

int fleet_repair_each(const struct fleet_repair_filter *f, long long limit,
		      db_row_cb cb, void *ctx)
{
	return db_each(&q_repair_each, cb, ctx, "siiiiiiissssi", REPAIR_ARGS(f),
		       limit);
}
