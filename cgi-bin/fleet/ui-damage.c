/* ui-damage.c: damage reports (/skr/fleet/damage): the list with its
 * filters and CSV, the report a driver or a fleet manager files, one
 * report with its repairs, and its closing by a fleet manager */
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

static int valid_vehicle(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

int fleet_ui_fuel_units(struct req *r, const char **units)
{
	struct fleet_scope s;
	int rc;

	if ((rc = fleet_ui_scope(r, &s)))
		return rc;
	if (s.read_root) {
		if (!(*units = fleet_scope_units(r, s.read_root)))
			return -1;
	} else {
		*units = arena_printf(&r->arena, "%lld", s.drive_unit);
		/* A driver's vehicle pages are the pool's: no plate links. */
		hdf_set_value(r->hdf, "Fleet.DriverOnly", "1");
	}
	if (s.manage_root || s.drive_unit)
		hdf_set_value(r->hdf, "Fleet.CanEnter", "1");
	if (s.manage_root)
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	return 0;
}

int fleet_ui_period(struct req *r, const char *from, const char *to)
{
	if (from && to && strcmp(from, to) > 0 &&
	    !hdf_get_value(r->hdf, "Form.to.Error", NULL)) {
		view_field_error(r, "to", "Fleet.Fuel.err_reversed");
		return 1;
	}
	return 0;
}

/* The list's filter (shared.c, its state called "status" here): 0, 422
 * (Form.*.Error), 403 answered, -1. */
static int read_filter(struct req *r, struct fleet_damage_filter *f)
{
	struct fleet_ui_list_q q;
	int rc = fleet_ui_list_read(r, "status", &q);

	memset(f, 0, sizeof(*f));
	f->units = q.units;
	f->vehicle = q.vehicle;
	f->status = q.state ? q.state : "";
	f->from = q.from;
	f->to = q.to;
	return rc;
}

int damage_fn(struct req *r)
{
	struct fleet_damage_filter f;
	int rc, n;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/damage.cs");
	n = fleet_damage_list_hdf(r->hdf, "Damage", &f, LIST_MAX + 1);
	if (fleet_ui_list_cap(r, "Damage", n, LIST_MAX) < 0)
		return -1;
	return view_render(r, 200, "fleet/damage.cs");
}

static int csv_cb(const struct row *row, void *ctx)
{
	struct fleet_ui_csv *c = ctx;
	struct req *r = c->r;
	int third = row_int(row, "third_party", 0), bad;

	bad = csv_cell(&c->b, 1, row_get(row, "happened_on", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "plate", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "place", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "description", "")) ||
	      csv_cell(&c->b, 0,
		       view_text(r, third ? "Fleet.yes" : "Fleet.no")) ||
	      csv_cell(&c->b, 0, row_get(row, "third_details", "")) ||
	      csv_cell(&c->b, 0,
		       view_text(r, arena_printf(
					    &r->arena, "Fleet.Damage.status.%s",
					    row_get(row, "status", "")))) ||
	      csv_end(&c->b);
	if (bad) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

static const char *const csv_head[] = {
	"Fleet.Damage.happened_on", "Fleet.v.plate",
	"Fleet.Damage.place",	    "Fleet.Damage.description",
	"Fleet.Damage.third_party", "Fleet.Damage.third_details",
	"Fleet.Damage.state",
};

int damage_csv_fn(struct req *r)
{
	struct fleet_damage_filter f;
	struct fleet_ui_csv c = { r, { NULL, 0, 0 }, 0 };
	int rc;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/damage.cs");
	if (fleet_ui_csv_head(r, &c.b, csv_head,
			      sizeof(csv_head) / sizeof(csv_head[0])) < 0 ||
	    fleet_damage_each(&f, CSV_MAX, csv_cb, &c) < 0 || c.failed) {
		buf_free(&c.b);
		return -1;
	}
	return fleet_ui_csv_send(r, &c.b, "damage");
}

/* ---- a new report ---- */

static int valid_place(const char *s)
{
	return valid_text(s, 160);
}

static int valid_description(const char *s)
{
	return valid_text(s, 2000);
}

static int valid_details(const char *s)
{
	return valid_text(s, 500);
}

static int valid_yes(const char *s)
{
	return !strcmp(s, "1");
}

enum { D_VEHICLE, D_DAY, D_PLACE, D_DESCRIPTION, D_THIRD, D_DETAILS, D__MAX };
static const struct param add_params[D__MAX] = {
	{ "vehicle", P_REQUIRED, 18, NULL, valid_vehicle,
	  "fleet_choice" },				       /* D_VEHICLE */
	{ "day", P_REQUIRED, 10, NULL, valid_day, "date" },    /* D_DAY */
	{ "place", P_REQUIRED, 160, NULL, valid_place, NULL }, /* D_PLACE */
	{ "description", P_REQUIRED | P_MULTILINE, 2000, NULL,
	  valid_description, NULL }, /* D_DESCRIPTION */
	{ "third_party", 0, 1, NULL, valid_yes, "fleet_choice" }, /* D_THIRD */
	{ "third_details", P_MULTILINE, 500, NULL, valid_details,
	  NULL }, /* D_DETAILS */
};

int damage_new_fn(struct req *r)
{
	const char *units, *v;
	char today[11];
	int rc;

	if ((rc = fleet_ui_fuel_units(r, &units)))
		return rc < 0 ? -1 : 0;
	if (!hdf_get_value(r->hdf, "Fleet.CanEnter", NULL))
		return resp_error(r, 403, "fleet_fuel_forbidden");
	if (fleet_ui_vehicle_options(r, NULL) < 0)
		return -1;
	if ((v = req_query(r, "vehicle")) && valid_id(v))
		hdf_set_value(r->hdf, "Form.vehicle", v);
	tzpl_today(0, today);
	hdf_set_value(r->hdf, "Form.day", today);
	return view_render(r, 200, "fleet/damage-new.cs");
}

int damage_add_fn(struct req *r)
{
	const char *v[D__MAX];
	struct fleet_damage_in in = { 0 };
	struct row row;
	char today[11];
	long long id;
	int bad, rc;

	if ((rc = fleet_ui_scope(r, &(struct fleet_scope){ 0 })))
		return rc < 0 ? -1 : 0;
	bad = form_read(r, add_params, D__MAX, v);
	if (v[D_VEHICLE]) {
		in.vehicle_id = valid_id(v[D_VEHICLE]);
		if ((rc = fleet_ui_fuel_vehicle(r, in.vehicle_id, &row)))
			return rc < 0 ? -1 : 0;
	}
	tzpl_today(0, today);
	if (v[D_DAY] && strcmp(v[D_DAY], today) > 0) {
		view_field_error(r, "day", "Fleet.Damage.err_future");
		bad++;
	}
	if (v[D_THIRD] && !v[D_DETAILS]) {
		view_field_error(r, "third_details",
				 "Fleet.Damage.err_details");
		bad++;
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		if (fleet_ui_vehicle_options(r, NULL) < 0)
			return -1;
		return view_render(r, 422, "fleet/damage-new.cs");
	}
	in.happened_on = v[D_DAY];
	in.place = v[D_PLACE];
	in.description = v[D_DESCRIPTION];
	in.third_party = v[D_THIRD] != NULL;
	in.third_details = v[D_DETAILS];
	if ((id = fleet_damage_add(r, &in)) < 0)
		return -1;
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/fleet/damage/%lld", id));
}

/* ---- one report ---- */

/* The report of the URL, readable by the officer: 0, 404 answered, -1. */
static int damage_of(struct req *r, struct row *row)
{
	struct fleet_scope s;
	long long unit;
	int rc;

	if ((rc = fleet_ui_scope(r, &s)))
		return rc < 0 ? -1 : 403;
	if (!s.read_root)
		hdf_set_value(r->hdf, "Fleet.DriverOnly", "1");
	rc = fleet_damage_get(&r->arena, route_arg_id(r, 0), row);
	if (rc < 0)
		return -1;
	unit = rc ? row_int(row, "unit_id", 0) : 0;
	if (rc && !(s.drive_unit && s.drive_unit == unit) &&
	    (rc = fleet_can_read(r, unit)) < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "fleet_damage_not_found") < 0 ? -1
									: 404;
	return 0;
}

int damage_one_fn(struct req *r)
{
	struct fleet_repair_filter f = { 0 };
	struct row row;
	int rc;

	if ((rc = damage_of(r, &row)))
		return rc < 0 ? -1 : 0;
	for (int i = 0; i < row.n; i++)
		if (row.v[i])
			hdf_set_valuef(r->hdf, "Damage.%s=%s", row.name[i],
				       row.v[i]);
	if ((rc = fleet_can_manage(r, row_int(&row, "unit_id", 0))) < 0)
		return -1;
	if (rc)
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	f.units = arena_printf(&r->arena, "%lld", row_int(&row, "unit_id", 0));
	f.damage = row_int(&row, "id", 0);
	f.from = f.to = "";
	if (fleet_repair_list_hdf(r->hdf, "Repairs", &f, 100) < 0)
		return -1;
	return view_render(r, 200, "fleet/damage-one.cs");
}

int damage_close_fn(struct req *r)
{
	struct row row;
	int rc;

	if ((rc = damage_of(r, &row)))
		return rc < 0 ? -1 : 0;
	if ((rc = fleet_can_manage(r, row_int(&row, "unit_id", 0))) < 0)
		return -1;
	if (!rc)
		return resp_error(r, 403, "fleet_manage_only");
	if ((rc = fleet_damage_close(r, route_arg_id(r, 0))) < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 409, "fleet_damage_closed");
	return resp_redirect(r,
			     arena_printf(&r->arena, "/skr/fleet/damage/%lld",
					  route_arg_id(r, 0)));
}
