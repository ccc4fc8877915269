/* ui-repair.c: repairs (/skr/fleet/repairs): the list with its filters
 * and CSV, and a fleet manager's opening (the vehicle goes in repair) and
 * closing (cost and days counted, the vehicle back in service) */
#include "fleet_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fleet_fuel.h"
#include "form.h"
#include "resp.h"
#include "route.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

#define LIST_MAX 500
#define CSV_MAX 50000
/* A repair's cost: at most 10 million zł, in grosze. */
#define COST_MAX_GR 1000000000LL

static int valid_idtext(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

/* The list's filter (shared.c): 0, 422 (Form.*.Error), 403 answered,
 * -1. */
static int read_filter(struct req *r, struct fleet_repair_filter *f)
{
	struct fleet_ui_list_q q;
	int rc = fleet_ui_list_read(r, "state", &q);

	memset(f, 0, sizeof(*f));
	f->units = q.units;
	f->vehicle = q.vehicle;
	f->open = !q.state ? 0 : !strcmp(q.state, "open") ? 1 : 2;
	f->from = q.from;
	f->to = q.to;
	return rc;
}

static int list_render(struct req *r, int status)
{
	struct fleet_repair_filter f;
	int rc, n;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/repairs.cs");
	n = fleet_repair_list_hdf(r->hdf, "Repairs", &f, LIST_MAX + 1);
	if (fleet_ui_list_cap(r, "Repairs", n, LIST_MAX) < 0)
		return -1;
	return view_render(r, status, "fleet/repairs.cs");
}

int repairs_fn(struct req *r)
{
	if (req_query(r, "done"))
		hdf_set_value(r->hdf, "Page.Notice",
			      view_text(r, "Fleet.Repair.done"));
	return list_render(r, 200);
}

static int csv_cb(const struct row *row, void *ctx)
{
	struct fleet_ui_csv *c = ctx;
	struct req *r = c->r;
	int bad;

	bad = csv_cell(&c->b, 1, row_get(row, "plate", "")) ||
	      csv_cell(&c->b, 0,
		       view_text(r, arena_printf(
					    &r->arena, "Fleet.Repair.reason.%s",
					    row_get(row, "reason", "")))) ||
	      csv_cell(&c->b, 0, row_get(row, "workshop", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "from_day", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "to_day", "")) ||
	      (row_get(row, "days", NULL)
		       ? csv_num(&c->b, 0, (double)row_int(row, "days", 0), 0)
		       : csv_cell(&c->b, 0, "")) ||
	      (row_get(row, "cost_gr", NULL)
		       ? csv_num(&c->b, 0, row_int(row, "cost_gr", 0) / 100.0,
				 2)
		       : csv_cell(&c->b, 0, "")) ||
	      csv_cell(&c->b, 0, row_get(row, "note", "")) || csv_end(&c->b);
	if (bad) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

static const char *const csv_head[] = {
	"Fleet.v.plate",	 "Fleet.Repair.reason_label",
	"Fleet.Repair.workshop", "Fleet.Repair.from",
	"Fleet.Repair.to",	 "Fleet.Repair.days",
	"Fleet.Repair.cost",	 "Fleet.Repair.note",
};

int repairs_csv_fn(struct req *r)
{
	struct fleet_repair_filter f;
	struct fleet_ui_csv c = { r, { NULL, 0, 0 }, 0 };
	int rc;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/repairs.cs");
	if (fleet_ui_csv_head(r, &c.b, csv_head,
			      sizeof(csv_head) / sizeof(csv_head[0])) < 0 ||
	    fleet_repair_each(&f, CSV_MAX, csv_cb, &c) < 0 || c.failed) {
		buf_free(&c.b);
		return -1;
	}
	return fleet_ui_csv_send(r, &c.b, "repairs");
}

/* ---- opening ---- */

/* The vehicle of a repair: outside the officer's reading 404, read but
 * not managed 403. 0 theirs, the status answered, -1. */
static int managed_vehicle(struct req *r, long long id, struct row *row)
{
	struct fleet_scope s;
	long long unit;
	int rc;

	if (fleet_scope(r, &s) < 0)
		return -1;
	if ((rc = fleet_fuel_vehicle(&r->arena, id, row)) < 0)
		return -1;
	unit = rc ? row_int(row, "unit_id", 0) : 0;
	/* A driver sees their own unit's vehicles. */
	if (rc && !(s.drive_unit && s.drive_unit == unit) &&
	    (rc = fleet_can_read(r, unit)) < 0)
		return -1;
	if (!rc)
		return resp_error(r, 404, "fleet_not_found") < 0 ? -1 : 404;
	if ((rc = fleet_can_manage(r, unit)) < 0)
		return -1;
	if (!rc)
		return resp_error(r, 403, "fleet_manage_only") < 0 ? -1 : 403;
	return 0;
}

static int valid_workshop(const char *s)
{
	return valid_text(s, 160);
}

static int valid_note(const char *s)
{
	return valid_text(s, 500);
}

enum { O_VEHICLE, O_DAMAGE, O_WORKSHOP, O_FROM, O_NOTE, O__MAX };
static const struct param open_params[O__MAX] = {
	{ "vehicle", P_REQUIRED, 18, NULL, valid_idtext,
	  "fleet_choice" },					 /* O_VEHICLE */
	{ "damage", 0, 18, NULL, valid_idtext, "fleet_choice" }, /* O_DAMAGE */
	{ "workshop", P_REQUIRED, 160, NULL, valid_workshop,
	  NULL },					      /* O_WORKSHOP */
	{ "from", P_REQUIRED, 10, NULL, valid_day, "date" },  /* O_FROM */
	{ "note", P_MULTILINE, 500, NULL, valid_note, NULL }, /* O_NOTE */
};

static int new_form(struct req *r, int status)
{
	if (fleet_ui_vehicle_options(r, NULL) < 0)
		return -1;
	return view_render(r, status, "fleet/repair-new.cs");
}

int repair_new_fn(struct req *r)
{
	struct fleet_scope s;
	const char *v;
	char today[11];
	int rc;

	if ((rc = fleet_ui_scope(r, &s)))
		return rc < 0 ? -1 : 0;
	if (!s.manage_root)
		return resp_error(r, 403, "fleet_manage_only");
	if ((v = req_query(r, "vehicle")) && valid_id(v))
		hdf_set_value(r->hdf, "Form.vehicle", v);
	if ((v = req_query(r, "damage")) && valid_id(v))
		hdf_set_value(r->hdf, "Form.damage", v);
	tzpl_today(0, today);
	hdf_set_value(r->hdf, "Form.from", today);
	return new_form(r, 200);
}

int repair_open_fn(struct req *r)
{
	const char *v[O__MAX];
	struct fleet_repair_in in = { 0 };
	struct fleet_scope s;
	struct row row, dmg;
	char today[11];
	long long id;
	int bad, rc;

	if ((rc = fleet_ui_scope(r, &s)))
		return rc < 0 ? -1 : 0;
	bad = form_read(r, open_params, O__MAX, v);
	if (v[O_VEHICLE]) {
		in.vehicle_id = valid_id(v[O_VEHICLE]);
		if ((rc = managed_vehicle(r, in.vehicle_id, &row)))
			return rc < 0 ? -1 : 0;
	}
	/* The damage repaired must be this vehicle's. */
	if (v[O_DAMAGE]) {
		in.damage_id = valid_id(v[O_DAMAGE]);
		rc = fleet_damage_get(&r->arena, in.damage_id, &dmg);
		if (rc < 0)
			return -1;
		if (!rc || row_int(&dmg, "vehicle_id", 0) != in.vehicle_id) {
			view_field_error(r, "damage",
					 "Fleet.Repair.err_damage");
			bad++;
		}
	}
	tzpl_today(0, today);
	if (v[O_FROM] && strcmp(v[O_FROM], today) > 0) {
		view_field_error(r, "from", "Fleet.Repair.err_future");
		bad++;
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return new_form(r, 422);
	}
	in.workshop = v[O_WORKSHOP];
	in.from_day = v[O_FROM];
	in.note = v[O_NOTE];
	rc = fleet_repair_open(r, &in, &id);
	if (rc < 0)
		return -1;
	if (rc == FLEET_REPAIR_NO_VEHICLE)
		return resp_error(r, 404, "fleet_not_found");
	if (rc == FLEET_REPAIR_OPEN || rc == FLEET_REPAIR_FINAL) {
		view_field_error(r, "vehicle",
				 rc == FLEET_REPAIR_OPEN
					 ? "Fleet.Repair.err_open"
					 : "err.fleet_final");
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return new_form(r, 422);
	}
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/fleet/repairs?vehicle=%lld&"
					     "done=open",
					     in.vehicle_id));
}

/* ---- closing ---- */

static int valid_cost(const char *s)
{
	long long v;

	return fleet_fuel_hundredths(s, &v) && v <= COST_MAX_GR;
}

enum { C_TO, C_COST, C__MAX };
static const struct param close_params[C__MAX] = {
	{ "to_day", P_REQUIRED, 10, NULL, valid_day, "date" }, /* C_TO */
	{ "cost", P_REQUIRED, 14, NULL, valid_cost,
	  "fleet_repair_cost" }, /* C_COST */
};

int repair_close_fn(struct req *r)
{
	const char *v[C__MAX];
	struct fleet_scope s;
	struct row row, veh;
	char today[11];
	long long id = route_arg_id(r, 0), cost = 0;
	int bad, rc;

	if ((rc = fleet_ui_scope(r, &s)))
		return rc < 0 ? -1 : 0;
	if ((rc = fleet_repair_get(&r->arena, id, &row)) < 0)
		return -1;
	if (!rc)
		return resp_error(r, 404, "fleet_not_found");
	if ((rc = managed_vehicle(r, row_int(&row, "vehicle_id", 0), &veh)))
		return rc < 0 ? -1 : 0;
	bad = form_read(r, close_params, C__MAX, v);
	if (v[C_COST])
		fleet_fuel_hundredths(v[C_COST], &cost);
	tzpl_today(0, today);
	if (v[C_TO] && strcmp(v[C_TO], today) > 0) {
		view_field_error(r, "to_day", "Fleet.Repair.err_future");
		bad++;
	}
	if (!bad) {
		rc = fleet_repair_close(r, id, v[C_TO], cost);
		if (rc < 0)
			return -1;
		if (rc == FLEET_REPAIR_NOT_OPEN)
			return resp_error(r, 409, "fleet_repair_closed");
		if (rc == FLEET_REPAIR_REVERSED) {
			view_field_error(r, "to_day",
					 "Fleet.Repair.err_reversed");
			bad++;
		}
	}
	if (bad) {
		/* The list again, the form of this repair with its errors. */
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		hdf_set_valuef(r->hdf, "Form.repair=%lld", id);
		return list_render(r, 422);
	}
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/fleet/repairs?vehicle=%lld&"
					     "done=close",
					     row_int(&row, "vehicle_id", 0)));
}

/* ---- the vehicle page's damage and repairs section ---- */

#define SECTION_ROWS 10

int fleet_section_repairs(struct req *r, long long vehicle_id,
			  long long unit_id)
{
	struct fleet_repair_filter f = { 0 };
	struct fleet_damage_filter d = { 0 };
	int rc;

	f.units = d.units = arena_printf(&r->arena, "%lld", unit_id);
	f.vehicle = d.vehicle = vehicle_id;
	f.from = f.to = d.from = d.to = "";
	d.status = "open";
	if ((rc = fleet_can_manage(r, unit_id)) < 0)
		return -1;
	if (rc)
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	if (fleet_repair_list_hdf(r->hdf, "Vehicle.Repairs", &f, SECTION_ROWS) <
		    0 ||
	    fleet_damage_list_hdf(r->hdf, "Vehicle.Damage", &d, SECTION_ROWS) <
		    0)
		return -1;
	return 0;
}
