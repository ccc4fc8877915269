/* ui-trips.c: trip cards (karta drogowa): the list (filters in the URL,
 * CSV), opening one, the card (printable), closing it by the driver and
 * checking it by a manager who did not drive */
#include "trip_ui.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "csv.h"
#include "form.h"
#include "log.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "tzpl.h"
#include "units.h"
#include "valid.h"
#include "view.h"

#define LIST_MAX 500
#define CSV_MAX 20000
#define PASSENGERS_MAX 8

const char *const trip_purposes[] = { "operation", "transfer", "training",
				      "service", NULL };

static int list_filter(struct req *r, struct fleet_scope *s,
		       struct fleet_trip_filter *f, struct trip_list_q *q)
{
	int rc = fleet_ui_scope(r, s);

	if (rc)
		return rc;
	memset(f, 0, sizeof(*f));
	rc = trip_list_read(r, s, q);
	if (rc == -2)
		return 404;
	if (rc < 0 || fleet_ui_options(r, "Opt.purpose", "Trip.purpose",
				       trip_purposes) < 0)
		return -1;
	if (s->read_root) {
		f->unit_id = q->unit ? q->unit : s->read_root;
		f->subtree = q->unit == 0;
	} else {
		/* A driver who reads nothing else: their own trips. */
		f->driver_id = r->sess.account_id;
		hdf_set_value(r->hdf, "Fleet.DriverOnly", "1");
	}
	f->vehicle_id = q->vehicle;
	f->from = q->from;
	f->to = q->to;
	f->status = q->status;
	f->purpose = q->purpose;
	if (s->manage_root || s->drive_unit)
		hdf_set_value(r->hdf, "Trip.CanOpen", "1");
	if (q->print)
		hdf_set_value(r->hdf, "Page.Print", "1");
	return rc > 0 ? 422 : 0;
}

int trips_fn(struct req *r)
{
	struct fleet_scope s;
	struct fleet_trip_filter f;
	struct trip_list_q q;
	int rc = list_filter(r, &s, &f, &q), n;

	if (rc == 403 || rc == 404 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/trips.cs");
	f.limit = LIST_MAX + 1;
	n = fleet_trips_hdf(r->hdf, "Trip.List", &f);
	if (fleet_ui_list_cap(r, "Trip.List", n, LIST_MAX) < 0)
		return -1;
	return view_render(r, 200, "fleet/trips.cs");
}

/* One CSV line of a trip read into the HDF (names already in). */
static int csv_line(struct req *r, struct buf *b, HDF *x)
{
	char start[20] = "", end[20] = "", key[64], st[64];

	view_local_time(hdf_get_value(x, "start", ""), start, sizeof(start));
	if (hdf_get_value(x, "end", NULL))
		view_local_time(hdf_get_value(x, "end", ""), end, sizeof(end));
	snprintf(key, sizeof(key), "Fleet.Trip.purpose.%s",
		 hdf_get_value(x, "purpose", ""));
	snprintf(st, sizeof(st), "Fleet.Trip.status.%s",
		 hdf_get_value(x, "status", ""));
	return csv_cell(b, 1, hdf_get_value(x, "id", "")) ||
	       csv_cell(b, 0, hdf_get_value(x, "plate", "")) ||
	       csv_cell(b, 0, hdf_get_value(x, "driver", "")) ||
	       csv_cell(b, 0, view_text(r, key)) ||
	       csv_cell(b, 0, hdf_get_value(x, "route", "")) ||
	       csv_cell(b, 0, start) || csv_cell(b, 0, end) ||
	       csv_cell(b, 0, hdf_get_value(x, "odo_out", "")) ||
	       csv_cell(b, 0, hdf_get_value(x, "odo_in", "")) ||
	       csv_cell(b, 0, hdf_get_value(x, "km", "")) ||
	       csv_cell(b, 0, view_text(r, st)) || csv_end(b);
}

static const char *const csv_head[] = {
	"Fleet.Trip.number",	 "Fleet.v.plate",	 "Fleet.Trip.driver",
	"Fleet.Trip.purpose_th", "Fleet.Trip.route",	 "Fleet.Trip.start",
	"Fleet.Trip.end",	 "Fleet.Trip.odo_out",	 "Fleet.Trip.odo_in",
	"Fleet.Trip.km",	 "Fleet.Trip.status_th",
};

int trips_csv_fn(struct req *r)
{
	struct fleet_scope s;
	struct fleet_trip_filter f;
	struct trip_list_q q;
	int rc = list_filter(r, &s, &f, &q);

	if (rc == 403 || rc == 404 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/trips.cs");
	f.limit = CSV_MAX;
	/* Read whole first: a row callback may not ask the database for the
	 * drivers' names while the rows stream. */
	if (fleet_trips_hdf(r->hdf, "Csv", &f) < 0)
		return -1;
	return fleet_ui_csv_rows(r, "Csv", csv_head,
				 sizeof(csv_head) / sizeof(csv_head[0]),
				 csv_line, "trips");
}

/* ---- opening a trip ---- */

static int valid_when(const char *s)
{
	long long t;

	return fleet_local_parse(s, &t) == 0;
}

static int valid_pick(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_purpose(const char *s)
{
	return fleet_is_code(trip_purposes, s);
}

static int valid_route(const char *s)
{
	return valid_text(s, 500);
}

static int valid_km(const char *s)
{
	return valid_digits(s, strlen(s)) && strlen(s) <= 7;
}

enum {
	O_VEHICLE,
	O_DRIVER,
	O_START,
	O_UNTIL,
	O_PURPOSE,
	O_ROUTE,
	O_ODO,
	O__MAX
};
static const struct param open_params[O__MAX] = {
	{ "vehicle", P_REQUIRED, 18, NULL, valid_pick,
	  "fleet_vehicle_pick" }, /* O_VEHICLE */
	{ "driver", 0, 18, NULL, valid_pick,
	  "fleet_driver_pick" }, /* O_DRIVER */
	{ "start", P_REQUIRED, 16, NULL, valid_when,
	  "fleet_when" }, /* O_START */
	{ "until", P_REQUIRED, 16, NULL, valid_when,
	  "fleet_when" }, /* O_UNTIL */
	{ "purpose", P_REQUIRED, 12, NULL, valid_purpose,
	  "fleet_choice" }, /* O_PURPOSE */
	{ "route", P_REQUIRED, 500, NULL, valid_route,
	  "invalid" }, /* O_ROUTE */
	{ "odo_out", P_REQUIRED, 7, NULL, valid_km,
	  "fleet_trip_km" }, /* O_ODO */
};

/* The people who may ride along: the staff of the officer's units. */
struct staff_opts {
	struct req *r;
	int n;
};

static int staff_cb(const struct row *row, void *ctx)
{
	struct staff_opts *o = ctx;

	if (row_int(row, "id", 0) == o->r->sess.account_id)
		return 0;
	hdf_set_valuef(o->r->hdf, "Opt.passenger.%d.Value=%s", o->n,
		       row_get(row, "id", ""));
	hdf_set_valuef(o->r->hdf, "Opt.passenger.%d.Label=%s · %s", o->n,
		       row_get(row, "full_name", ""),
		       row_get(row, "unit_code", ""));
	o->n++;
	return 0;
}

static int open_setup(struct req *r, struct fleet_scope *s)
{
	struct staff_opts o = { r, 0 };
	int rc = fleet_ui_scope(r, s);

	if (rc)
		return rc;
	if (!s->manage_root && !s->drive_unit)
		return resp_error(r, 403, "fleet_trip_forbidden") < 0 ? -1
								      : 403;
	if (trip_vehicle_options(r, s, !s->manage_root) < 0 ||
	    trip_driver_options(r, s) < 0 ||
	    fleet_ui_options(r, "Opt.purpose", "Trip.purpose", trip_purposes) <
		    0 ||
	    staff_each_in_subtree(s->manage_root ? s->manage_root
						 : s->drive_unit,
				  "", 0, staff_cb, &o) < 0)
		return -1;
	if (s->manage_root)
		hdf_set_value(r->hdf, "Trip.PickDriver", "1");
	return 0;
}

int trip_new_fn(struct req *r)
{
	struct fleet_scope s;
	char when[17];
	long long now = now_unix() / 300 * 300;
	int rc = open_setup(r, &s);

	if (rc)
		return rc < 0 ? -1 : 0;
	fleet_local_text(now, when);
	hdf_set_value(r->hdf, "Form.start", when);
	fleet_local_text(now + 8 * 3600, when);
	hdf_set_value(r->hdf, "Form.until", when);
	if (req_query(r, "vehicle")) {
		struct row row;
		long long v = valid_id(req_query(r, "vehicle"));

		hdf_set_value(r->hdf, "Form.vehicle", req_query(r, "vehicle"));
		if (v > 0 && fleet_trip_vehicle(&r->arena, v, &row) == 1)
			hdf_set_value(r->hdf, "Form.odo_out",
				      row_get(&row, "odometer_km", ""));
	}
	return view_render(r, 200, "fleet/trip-new.cs");
}

struct trip_tx {
	struct req *r;
	struct fleet_trip_in in;
	enum fleet_refusal why;
	struct fleet_blockers b;
	long long id;
};

/* The trip in the audit's words (domain/audit.h), written inside the
 * transaction that changed it: the vehicle by its plate and name, the
 * driver by name, the times in Warsaw time, then the odometer (odo >= 0)
 * — "fleet_trip_opened" names the start only. 0, -1. */
static int trip_audit(struct req *r, const char *action, long long id,
		      const char *key, long long odo)
{
	struct row row;
	char start[20] = "", end[20] = "";
	const char *who, *when, *km = "";

	if (fleet_trip_get(&r->arena, id, &row) != 1)
		return -1;
	view_local_time(row_get(&row, "start", ""), start, sizeof(start));
	view_local_time(row_get(&row, "end", ""), end, sizeof(end));
	who = audit_param(&r->arena,
			  staff_name(&r->arena, row_int(&row, "driver_id", 0)));
	when = !strcmp(key, "fleet_trip_opened")
		       ? start
		       : arena_printf(&r->arena, "%s|%s", start, end);
	if (odo >= 0)
		km = arena_printf(&r->arena, "|%lld", odo);
	return audit_log(r, action,
			 arena_printf(&r->arena, "fleet_trip:%lld", id),
			 arena_printf(&r->arena,
				      "@skr.audit.detail.%s|%s|%s|%s%s", key,
				      audit_vehicle(&r->arena,
						    row_get(&row, "plate", ""),
						    row_get(&row, "make", ""),
						    row_get(&row, "model", "")),
				      who, when, km)) < 0
		       ? -1
		       : 0;
}

/* One run of the opening's transaction (db_tx): 1 refused. */
static int open_tx(void *arg)
{
	struct trip_tx *t = arg;

	t->id = fleet_trip_open(&t->in, &t->why, &t->b);
	if (t->id <= 0)
		return t->id == 0 ? 1 : -1;
	return trip_audit(t->r, "fleet.trip.open", t->id, "fleet_trip_opened",
			  t->in.odo_out);
}

/* The blockers in words beside their fields: the vehicle's (status,
 * inspection, insurance) and the driver's (licence, permission). */
static int blocked(struct req *r, const struct fleet_blockers *b)
{
	struct buf v = { NULL, 0, 0 }, d = { NULL, 0, 0 };
	static const struct {
		size_t off;
		const char *key;
		int driver;
	} why[] = {
		{ offsetof(struct fleet_blockers, not_in_service),
		  "err.fleet_blocked_status", 0 },
		{ offsetof(struct fleet_blockers, inspection),
		  "err.fleet_blocked_inspection", 0 },
		{ offsetof(struct fleet_blockers, insurance),
		  "err.fleet_blocked_insurance", 0 },
		{ offsetof(struct fleet_blockers, licence),
		  "err.fleet_blocked_licence", 1 },
		{ offsetof(struct fleet_blockers, no_permission),
		  "err.fleet_blocked_permission", 1 },
	};
	int rc;

	for (size_t i = 0; i < sizeof(why) / sizeof(why[0]); i++) {
		struct buf *o = why[i].driver ? &d : &v;

		if (!*(const int *)((const char *)b + why[i].off))
			continue;
		if (buf_puts(o, o->len ? " " : "") < 0 ||
		    buf_puts(o, view_text(r, why[i].key)) < 0) {
			buf_free(&v);
			buf_free(&d);
			return -1;
		}
	}
	if (v.len)
		hdf_set_value(r->hdf, "Form.vehicle.Error", v.p);
	if (d.len)
		hdf_set_value(r->hdf, "Form.driver.Error", d.p);
	buf_free(&v);
	buf_free(&d);
	hdf_set_value(r->hdf, "Page.FormErrors", "1");
	rc = view_render(r, 422, "fleet/trip-new.cs");
	return rc;
}

/* The passengers ticked, found among the staff of the vehicle's unit. */
struct pax {
	long long *id;
	int n, found;
};

static int pax_cb(const struct row *row, void *ctx)
{
	struct pax *p = ctx;
	long long id = row_int(row, "id", 0);

	for (int i = 0; i < p->n; i++)
		if (p->id[i] == id)
			p->found++;
	return 0;
}

/* The passengers ticked: active staff of the vehicle's unit (its
 * subtree), not the driver, each once. n, -1 error, -2 a bad one. */
static int passengers(struct req *r, long long unit, long long driver,
		      long long *out)
{
	struct pax p = { out, 0, 0 };

	for (size_t i = 0; i < r->nf; i++) {
		long long id;

		if (strcmp(r->ffields[i].name, "passenger") != 0)
			continue;
		id = valid_id(r->ffields[i].value);
		if (id <= 0 || id == driver || p.n == PASSENGERS_MAX)
			return -2;
		for (int j = 0; j < p.n; j++)
			if (out[j] == id)
				return -2;
		hdf_set_valuef(r->hdf, "Form.passenger.%lld=1", id);
		out[p.n++] = id;
	}
	if (p.n == 0)
		return 0;
	if (staff_each_in_subtree(unit, "", 0, pax_cb, &p) < 0)
		return -1;
	return p.found == p.n ? p.n : -2;
}

int trip_create_fn(struct req *r)
{
	struct fleet_scope s;
	const char *v[O__MAX];
	long long unit = 0, pax[PASSENGERS_MAX];
	struct trip_tx t = { 0 };
	int rc = open_setup(r, &s), bad, n = 0;

	if (rc)
		return rc < 0 ? -1 : 0;
	t.r = r;
	bad = form_read(r, open_params, O__MAX, v);
	if (v[O_VEHICLE]) {
		rc = trip_pick_vehicle(r, &s, v[O_VEHICLE], &t.in.vehicle_id,
				       &unit);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return resp_error(r, 404, "fleet_not_found");
	}
	/* A driver opens their own card; a manager may open one for a
	 * driver of the vehicle's unit (the blockers check the permission
	 * and the licence). */
	t.in.driver_id = t.in.by = r->sess.account_id;
	if (v[O_DRIVER] && s.manage_root && unit &&
	    units_in_subtree(&r->arena, s.manage_root, unit) == 1)
		t.in.driver_id = valid_id(v[O_DRIVER]);
	if (unit) {
		n = passengers(r, unit, t.in.driver_id, pax);
		if (n == -1)
			return -1;
		if (n < 0) {
			view_field_error(r, "passenger", "fleet_passenger");
			bad++;
		}
	}
	if (v[O_START] && v[O_UNTIL]) {
		fleet_local_parse(v[O_START], &t.in.start);
		fleet_local_parse(v[O_UNTIL], &t.in.planned_end);
		if (t.in.planned_end <= t.in.start) {
			view_field_error(r, "until", "fleet_span_reversed");
			bad++;
		}
		/* A card records a trip being made; one planned ahead is a
		 * reservation (docs/fleet.md). */
		if (fleet_trip_start_rule(t.in.start, now_unix()) != FLEET_OK) {
			view_field_error(r, "start", "fleet_trip_start_future");
			bad++;
		}
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return view_render(r, 422, "fleet/trip-new.cs");
	}
	t.in.purpose = v[O_PURPOSE];
	t.in.route = v[O_ROUTE];
	t.in.odo_out = strtoll(v[O_ODO], NULL, 10);
	t.in.passengers = pax;
	t.in.npassengers = n > 0 ? (size_t)n : 0;
	rc = db_tx(open_tx, &t);
	if (rc == 1 && t.why == FLEET_BLOCKED)
		return blocked(r, &t.b);
	if (rc == 1)
		return trip_refused(r, t.why, "fleet/trip-new.cs");
	if (rc != 0)
		return -1;
	log_info("fleet trip %lld opened, vehicle %lld", t.id, t.in.vehicle_id);
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/fleet/trips/%lld", t.id));
}

/* ---- the card ---- */

/* The trip of the URL into Card.* with what the officer may do; 0, 404
 * answered (not theirs to see), -1 error. */
static int card_load(struct req *r, struct fleet_scope *s, struct row *row)
{
	long long id = route_arg_id(r, 0), me = r->sess.account_id, unit;
	int rc = fleet_ui_scope(r, s), may;

	if (rc)
		return rc < 0 ? -1 : 403;
	rc = fleet_trip_get(&r->arena, id, row);
	if (rc < 0)
		return -1;
	unit = rc ? row_int(row, "unit_id", 0) : 0;
	if (rc && row_int(row, "driver_id", 0) != me) {
		rc = fleet_can_read(r, unit);
		if (rc < 0)
			return -1;
	}
	if (rc == 0)
		return resp_error(r, 404, "fleet_trip_not_found") < 0 ? -1
								      : 404;
	for (int i = 0; i < row->n; i++)
		if (row->v[i])
			hdf_set_valuef(r->hdf, "Card.%s=%s", row->name[i],
				       row->v[i]);
	hdf_set_value(r->hdf, "Card.driver",
		      staff_name(&r->arena, row_int(row, "driver_id", 0)));
	if (row_get(row, "checked_by", NULL))
		hdf_set_value(
			r->hdf, "Card.checker",
			staff_name(&r->arena, row_int(row, "checked_by", 0)));
	if (fleet_trip_passengers_hdf(r->hdf, "Card.Passengers", id) < 0)
		return -1;
	may = fleet_can_manage(r, unit);
	if (may < 0)
		return -1;
	if (!strcmp(row_get(row, "status", ""), "open") &&
	    row_int(row, "driver_id", 0) == me)
		hdf_set_value(r->hdf, "Card.CanClose", "1");
	if (!strcmp(row_get(row, "status", ""), "closed") && may &&
	    row_int(row, "driver_id", 0) != me)
		hdf_set_value(r->hdf, "Card.CanCheck", "1");
	if (may)
		hdf_set_value(r->hdf, "Card.Manager", "1");
	return 0;
}

int trip_fn(struct req *r)
{
	struct fleet_scope s;
	struct row row;
	int rc = card_load(r, &s, &row);

	if (rc)
		return rc < 0 ? -1 : 0;
	if (req_query(r, "view") && !strcmp(req_query(r, "view"), "print"))
		hdf_set_value(r->hdf, "Page.Print", "1");
	if (hdf_get_value(r->hdf, "Card.CanClose", NULL)) {
		char when[17];

		fleet_local_text(now_unix() / 60 * 60, when);
		hdf_set_value(r->hdf, "Form.end", when);
	}
	return view_render(r, 200, "fleet/trip.cs");
}

enum { C_END, C_ODO, C__MAX };
static const struct param close_params[C__MAX] = {
	{ "end", P_REQUIRED, 16, NULL, valid_when, "fleet_when" }, /* C_END */
	{ "odo_in", P_REQUIRED, 7, NULL, valid_km,
	  "fleet_trip_km" }, /* C_ODO */
};

struct close_tx {
	struct req *r;
	long long id, end, odo_in;
	enum fleet_refusal why;
};

static int close_tx(void *arg)
{
	struct close_tx *t = arg;
	int rc = fleet_trip_close(t->id, t->end, t->odo_in, &t->why);

	if (rc <= 0)
		return rc == 0 ? 1 : -1;
	return trip_audit(t->r, "fleet.trip.close", t->id, "fleet_trip_closed",
			  t->odo_in);
}

int trip_close_fn(struct req *r)
{
	struct fleet_scope s;
	struct row row;
	const char *v[C__MAX];
	struct close_tx t = { r, route_arg_id(r, 0), 0, 0, FLEET_OK };
	int rc = card_load(r, &s, &row);

	if (rc)
		return rc < 0 ? -1 : 0;
	if (row_int(&row, "driver_id", 0) != r->sess.account_id)
		return resp_error(r, 403, "fleet_close_forbidden");
	if (strcmp(row_get(&row, "status", ""), "open") != 0)
		return trip_refused(r, FLEET_NOT_OPEN, NULL);
	if (form_read(r, close_params, C__MAX, v)) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return view_render(r, 422, "fleet/trip.cs");
	}
	fleet_local_parse(v[C_END], &t.end);
	t.odo_in = strtoll(v[C_ODO], NULL, 10);
	rc = db_tx(close_tx, &t);
	if (rc == 1)
		return trip_refused(r, t.why, "fleet/trip.cs");
	if (rc != 0)
		return -1;
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/fleet/trips/%lld", t.id));
}

struct check_tx {
	struct req *r;
	long long id;
	enum fleet_refusal why;
};

static int check_tx(void *arg)
{
	struct check_tx *t = arg;
	int rc = fleet_trip_check(t->id, t->r->sess.account_id, &t->why);

	if (rc <= 0)
		return rc == 0 ? 1 : -1;
	return trip_audit(t->r, "fleet.trip.check", t->id, "fleet_trip_checked",
			  -1);
}

int trip_check_fn(struct req *r)
{
	struct fleet_scope s;
	struct row row;
	struct check_tx t = { r, route_arg_id(r, 0), FLEET_OK };
	int rc = card_load(r, &s, &row);

	if (rc)
		return rc < 0 ? -1 : 0;
	/* Nobody approves their own trip; a manager of the unit the rest. */
	if (row_int(&row, "driver_id", 0) == r->sess.account_id)
		return trip_refused(r, FLEET_OWN_TRIP, NULL);
	if (!hdf_get_value(r->hdf, "Card.Manager", NULL))
		return resp_error(r, 403, "fleet_check_forbidden");
	rc = db_tx(check_tx, &t);
	if (rc == 1)
		return trip_refused(r, t.why, NULL);
	if (rc != 0)
		return -1;
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/fleet/trips/%lld", t.id));
}
