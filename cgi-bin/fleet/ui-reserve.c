/* ui-reserve.c: reservations of pool vehicles: the list of a unit or a
 * vehicle (filters in the URL, CSV), the form, cancelling one */
#include "trip_ui.h"

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

/* The list's filter: the units the officer reads (a driver: their own
 * unit's reservations, to plan around them), narrowed by the query. */
static int list_filter(struct req *r, struct fleet_scope *s,
		       struct fleet_res_filter *f, struct trip_list_q *q)
{
	int rc = fleet_ui_scope(r, s);
	char today[11];

	if (rc)
		return rc;
	memset(f, 0, sizeof(*f));
	rc = trip_list_read(r, s, q);
	if (rc == -2)
		return 404;
	if (rc < 0)
		return -1;
	if (!req_query(r, "from")) {
		/* What is ahead, unless the officer asks for the past. */
		tzpl_today(0, today);
		q->from = arena_printf(&r->arena, "%s", today);
		hdf_set_value(r->hdf, "Form.from", today);
	}
	if (s->read_root) {
		f->unit_id = q->unit ? q->unit : s->read_root;
		f->subtree = q->unit == 0;
	} else {
		f->unit_id = s->drive_unit;
		hdf_set_value(r->hdf, "Fleet.DriverOnly", "1");
	}
	f->vehicle_id = q->vehicle;
	f->from = q->from;
	f->to = q->to;
	f->status = q->status;
	if (s->manage_root || s->drive_unit)
		hdf_set_value(r->hdf, "Res.CanReserve", "1");
	/* The cancel buttons: a manager's list is of the managed subtree. */
	if (s->manage_root && s->manage_root == s->read_root)
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	if (rc > 0)
		return 422;
	return 0;
}

int reservations_fn(struct req *r)
{
	struct fleet_scope s;
	struct fleet_res_filter f;
	struct trip_list_q q;
	int rc = list_filter(r, &s, &f, &q), n;

	if (rc == 403 || rc == 404 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/reservations.cs");
	f.limit = LIST_MAX + 1;
	n = fleet_reservations_hdf(r->hdf, "Res.List", &f, r->sess.account_id);
	if (fleet_ui_list_cap(r, "Res.List", n, LIST_MAX) < 0)
		return -1;
	return view_render(r, 200, "fleet/reservations.cs");
}

/* One CSV line of a reservation read into the HDF (names already in). */
static int csv_line(struct req *r, struct buf *b, HDF *x)
{
	char start[20] = "", end[20] = "", key[64];

	view_local_time(hdf_get_value(x, "start", ""), start, sizeof(start));
	view_local_time(hdf_get_value(x, "end", ""), end, sizeof(end));
	snprintf(key, sizeof(key), "Fleet.Res.status.%s",
		 hdf_get_value(x, "status", ""));
	return csv_cell(b, 1, hdf_get_value(x, "plate", "")) ||
	       csv_cell(b, 0, start) || csv_cell(b, 0, end) ||
	       csv_cell(b, 0, hdf_get_value(x, "driver", "")) ||
	       csv_cell(b, 0, hdf_get_value(x, "purpose", "")) ||
	       csv_cell(b, 0, hdf_get_value(x, "note", "")) ||
	       csv_cell(b, 0, view_text(r, key)) || csv_end(b);
}

static const char *const csv_head[] = {
	"Fleet.v.plate",       "Fleet.Res.start",   "Fleet.Res.end",
	"Fleet.Res.driver",    "Fleet.Res.purpose", "Fleet.Res.note",
	"Fleet.Res.status_th",
};

int reservations_csv_fn(struct req *r)
{
	struct fleet_scope s;
	struct fleet_res_filter f;
	struct trip_list_q q;
	int rc = list_filter(r, &s, &f, &q);

	if (rc == 403 || rc == 404 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/reservations.cs");
	f.limit = CSV_MAX;
	/* Read whole first: a row callback may not ask the database for the
	 * drivers' names while the rows stream. */
	if (fleet_reservations_hdf(r->hdf, "Csv", &f, r->sess.account_id) < 0)
		return -1;
	return fleet_ui_csv_rows(r, "Csv", csv_head,
				 sizeof(csv_head) / sizeof(csv_head[0]),
				 csv_line, "reservations");
}

static int valid_when(const char *s)
{
	long long t;

	return fleet_local_parse(s, &t) == 0;
}

static int valid_purpose(const char *s)
{
	return valid_text(s, 200);
}

static int valid_note(const char *s)
{
	return valid_text(s, 1000);
}

static int valid_pick(const char *s)
{
	return valid_id(s) > 0;
}

enum { F_VEHICLE, F_DRIVER, F_START, F_END, F_PURPOSE, F_NOTE, F__MAX };
static const struct param params[F__MAX] = {
	{ "vehicle", P_REQUIRED, 18, NULL, valid_pick,
	  "fleet_vehicle_pick" }, /* F_VEHICLE */
	{ "driver", 0, 18, NULL, valid_pick,
	  "fleet_driver_pick" }, /* F_DRIVER */
	{ "start", P_REQUIRED, 16, NULL, valid_when,
	  "fleet_when" },					   /* F_START */
	{ "end", P_REQUIRED, 16, NULL, valid_when, "fleet_when" }, /* F_END */
	{ "purpose", P_REQUIRED, 200, NULL, valid_purpose,
	  "invalid" }, /* F_PURPOSE */
	{ "note", P_MULTILINE, 1000, NULL, valid_note, "invalid" }, /* F_NOTE */
};

/* The form's choices; 403 answered when the officer neither manages nor
 * drives. */
static int form_setup(struct req *r, struct fleet_scope *s)
{
	int rc = fleet_ui_scope(r, s);

	if (rc)
		return rc;
	if (!s->manage_root && !s->drive_unit)
		return resp_error(r, 403, "fleet_reserve_forbidden") < 0 ? -1
									 : 403;
	if (trip_vehicle_options(r, s, 1) < 0 || trip_driver_options(r, s) < 0)
		return -1;
	if (s->manage_root)
		hdf_set_value(r->hdf, "Res.PickDriver", "1");
	return 0;
}

int reservation_new_fn(struct req *r)
{
	struct fleet_scope s;
	char when[17];
	long long t;
	int rc = form_setup(r, &s);

	if (rc)
		return rc < 0 ? -1 : 0;
	/* Tomorrow from 8 to 16, a working day's mission. */
	tzpl_today(1, when);
	fleet_local_parse(arena_printf(&r->arena, "%sT08:00", when), &t);
	fleet_local_text(t, when);
	hdf_set_value(r->hdf, "Form.start", when);
	fleet_local_text(t + 8 * 3600, when);
	hdf_set_value(r->hdf, "Form.end", when);
	if (req_query(r, "vehicle"))
		hdf_set_value(r->hdf, "Form.vehicle", req_query(r, "vehicle"));
	return view_render(r, 200, "fleet/reserve-new.cs");
}

struct res_tx {
	struct req *r;
	struct fleet_reservation_in in;
	enum fleet_refusal why;
	long long id;
};

/* The reservation in the audit's words (domain/audit.h): the vehicle by
 * its plate and name, the span in Warsaw time, the officer by name. */
static int res_audit(struct req *r, const char *action, long long id,
		     long long vehicle, const char *start, const char *end,
		     long long staff)
{
	const char *v = fleet_vehicle_audit(&r->arena, vehicle);

	return audit_log(r, action,
			 arena_printf(&r->arena, "fleet_reservation:%lld", id),
			 arena_printf(
				 &r->arena,
				 "@skr.audit.detail.fleet_reserved"
				 "|%s|%s|%s|%s",
				 v, start, end,
				 audit_param(&r->arena,
					     staff_name(&r->arena, staff)))) < 0
		       ? -1
		       : 0;
}

/* One run of the reservation's transaction (db_tx): 1 refused. */
static int res_tx(void *arg)
{
	struct res_tx *t = arg;
	char a[17], b[17];

	t->id = fleet_reserve(&t->in, &t->why);
	if (t->id <= 0)
		return t->id == 0 ? 1 : -1;
	tzpl_text(t->in.start, a);
	tzpl_text(t->in.end, b);
	return res_audit(t->r, "fleet.reservation", t->id, t->in.vehicle_id, a,
			 b, t->in.staff_id);
}

int reservation_create_fn(struct req *r)
{
	struct fleet_scope s;
	const char *v[F__MAX];
	struct res_tx t = { r, { 0 }, FLEET_OK, 0 };
	long long unit = 0;
	enum fleet_refusal w;
	int rc = form_setup(r, &s), bad;

	if (rc)
		return rc < 0 ? -1 : 0;
	bad = form_read(r, params, F__MAX, v);
	if (v[F_VEHICLE]) {
		rc = trip_pick_vehicle(r, &s, v[F_VEHICLE], &t.in.vehicle_id,
				       &unit);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return resp_error(r, 404, "fleet_not_found");
	}
	t.in.staff_id = t.in.by = r->sess.account_id;
	if (v[F_DRIVER] && s.manage_root && unit) {
		/* A manager reserves for a permitted driver of the vehicle's
		 * unit, or for themself (mission planning). */
		t.in.staff_id = valid_id(v[F_DRIVER]);
		rc = t.in.staff_id == r->sess.account_id
			     ? 1
			     : trip_driver_of(r, t.in.staff_id, unit);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			view_field_error(r, "driver", "fleet_driver_pick");
			bad++;
		}
	}
	if (v[F_START] && v[F_END]) {
		fleet_local_parse(v[F_START], &t.in.start);
		fleet_local_parse(v[F_END], &t.in.end);
		w = fleet_reserve_span_rule(t.in.start, t.in.end, now_unix());
		if (w != FLEET_OK) {
			view_field_error(r, fleet_refusal_field(w),
					 fleet_refusal_key(w));
			bad++;
		}
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return view_render(r, 422, "fleet/reserve-new.cs");
	}
	t.in.purpose = v[F_PURPOSE];
	t.in.note = v[F_NOTE];
	rc = db_tx(res_tx, &t);
	if (rc == 1)
		return trip_refused(r, t.why, "fleet/reserve-new.cs");
	if (rc != 0)
		return -1;
	log_info("fleet reservation %lld of vehicle %lld", t.id,
		 t.in.vehicle_id);
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/fleet/reservations?vehicle="
					     "%lld&done=%lld",
					     t.in.vehicle_id, t.id));
}

int reservation_cancel_fn(struct req *r)
{
	struct fleet_scope s;
	long long id = route_arg_id(r, 0), unit, me = r->sess.account_id;
	int rc = fleet_ui_scope(r, &s), mine, may;
	struct row row;
	char a[20], b[20];

	if (rc)
		return rc < 0 ? -1 : 0;
	rc = fleet_reservation_get(&r->arena, id, &row);
	if (rc < 0)
		return -1;
	unit = rc ? row_int(&row, "unit_id", 0) : 0;
	mine = rc && (row_int(&row, "staff_id", 0) == me ||
		      row_int(&row, "created_by", 0) == me);
	may = rc ? fleet_can_manage(r, unit) : 0;
	if (may < 0)
		return -1;
	/* Seen by whoever reads the unit, the driver's colleagues, and its
	 * owner; anyone else: there is no such reservation. */
	if (rc && !mine && !may && s.drive_unit != unit) {
		rc = fleet_can_read(r, unit);
		if (rc < 0)
			return -1;
	}
	if (rc == 0)
		return resp_error(r, 404, "fleet_res_not_found");
	if (!mine && !may)
		return resp_error(r, 403, "fleet_res_cancel_forbidden");
	if (strcmp(row_get(&row, "status", ""), "active") != 0)
		return trip_refused(r, FLEET_NOT_ACTIVE, NULL);
	view_local_time(row_get(&row, "start", ""), a, sizeof(a));
	view_local_time(row_get(&row, "end", ""), b, sizeof(b));
	if (!view_confirmed(r)) {
		hdf_set_value(r->hdf, "Confirm.Arg.plate",
			      row_get(&row, "plate", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.start", a);
		return view_confirm(r, "Fleet.Res.confirm_cancel",
				    "/skr/fleet/reservations");
	}
	if (db_begin() < 0)
		return -1;
	rc = fleet_reservation_cancel(id, me);
	if (rc < 0 ||
	    (rc == 1 && res_audit(r, "fleet.reservation.cancel", id,
				  row_int(&row, "vehicle_id", 0), a, b,
				  row_int(&row, "staff_id", 0)) < 0)) {
		db_rollback();
		return -1;
	}
	if (db_commit() < 0)
		return -1;
	if (rc == 0)
		return trip_refused(r, FLEET_NOT_ACTIVE, NULL);
	return resp_redirect(r, mine && !may ? "/skr/fleet/my"
					     : "/skr/fleet/reservations");
}
