/* ui-vehicles.c: /skr/fleet/vehicles and its CSV: the vehicles of the
 * officer's scope, filtered by unit, kind, status and a text in the URL;
 * a driver sees the pool vehicles of their own unit */
#include "fleet_ui.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "form.h"
#include "log.h"
#include "resp.h"
#include "tzpl.h"
#include "units.h"
#include "valid.h"
#include "view.h"

#define LIST_MAX 500
#define CSV_MAX 20000

static int valid_unit(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_kind(const char *s)
{
	return fleet_is_code(fleet_kinds, s);
}

static int valid_status(const char *s)
{
	return fleet_is_code(fleet_statuses, s);
}

enum { F_UNIT, F_KIND, F_STATUS, F_Q, F__MAX };
static const struct param params[F__MAX] = {
	{ "unit", P_QUERY, 18, NULL, valid_unit, "fleet_unit" },   /* F_UNIT */
	{ "kind", P_QUERY, 16, NULL, valid_kind, "fleet_choice" }, /* F_KIND */
	{ "status", P_QUERY, 16, NULL, valid_status,
	  "fleet_choice" },			/* F_STATUS */
	{ "q", P_QUERY, 60, NULL, NULL, NULL }, /* F_Q */
};

/* The filters of the URL into f; 0 valid, 422 (Form.*.Error beside each
 * bad field), 403 answered, -1 error. */
static int read_filter(struct req *r, struct fleet_vehicle_filter *f)
{
	struct fleet_scope s;
	const char *v[F__MAX];
	int rc, bad;

	memset(f, 0, sizeof(*f));
	rc = fleet_ui_scope(r, &s);
	if (rc)
		return rc;
	if (s.read_root) {
		f->root = s.read_root;
	} else {
		/* Only a driver: the pool of their own unit. */
		f->root = s.drive_unit;
		f->only_unit = f->pool_only = 1;
		hdf_set_value(r->hdf, "Fleet.DriverOnly", "1");
	}
	if (s.manage_root)
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	bad = form_read(r, params, F__MAX, v);
	if (v[F_UNIT]) {
		f->unit = strtoll(v[F_UNIT], NULL, 10);
		rc = units_in_subtree(&r->arena, f->root, f->unit);
		if (rc < 0)
			return -1;
		if (rc == 0 || (f->only_unit && f->unit != f->root)) {
			view_field_error(r, "unit", "fleet_unit");
			bad++;
		}
	}
	f->kind = v[F_KIND];
	f->status = v[F_STATUS];
	f->text = v[F_Q];
	if (f->only_unit)
		rc = 0;
	else
		rc = fleet_ui_unit_options(r, "Opt.unit", f->root);
	if (rc < 0 ||
	    fleet_ui_options(r, "Opt.kind", "kind", fleet_kinds) < 0 ||
	    fleet_ui_options(r, "Opt.status", "status", fleet_statuses) < 0)
		return -1;
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	return 0;
}

int vehicles_fn(struct req *r)
{
	struct fleet_vehicle_filter f;
	int rc, n;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/vehicles.cs");
	n = fleet_vehicle_list_hdf(r->hdf, "Vehicles", &f, LIST_MAX + 1);
	if (fleet_ui_list_cap(r, "Vehicles", n, LIST_MAX) < 0)
		return -1;
	/* The CSV link carries the same filters. */
	hdf_set_value(r->hdf, "List.Query", r->query ? r->query : "");
	return view_render(r, 200, "fleet/vehicles.cs");
}

/* A code in the words of the request's language. */
static const char *word(struct req *r, const char *set, const char *code)
{
	char key[96];

	snprintf(key, sizeof(key), "Fleet.%s.%s", set, code);
	return view_text(r, key);
}

static int csv_cb(const struct row *row, void *ctx)
{
	struct fleet_ui_csv *c = ctx;
	struct req *r = c->r;
	const char *yes = view_text(r, "Fleet.yes"),
		   *no = view_text(r, "Fleet.no");
	int bad;

	bad = csv_cell(&c->b, 1, row_get(row, "plate", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "vin", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "make", "")) ||
	      csv_cell(&c->b, 0, row_get(row, "model", "")) ||
	      csv_cell(&c->b, 0, word(r, "kind", row_get(row, "kind", ""))) ||
	      csv_cell(&c->b, 0, row_int(row, "marked", 0) ? yes : no) ||
	      csv_cell(&c->b, 0, row_get(row, "unit_code", "")) ||
	      csv_cell(&c->b, 0,
		       word(r, "status", row_get(row, "status", ""))) ||
	      csv_num(&c->b, 0, (double)row_int(row, "odometer_km", 0), 0) ||
	      csv_cell(&c->b, 0, word(r, "fuel", row_get(row, "fuel", ""))) ||
	      csv_num(&c->b, 0, (double)row_int(row, "tank_l", 0), 0) ||
	      csv_num(&c->b, 0, atof(row_get(row, "norm_l100", "0")), 1) ||
	      csv_cell(&c->b, 0, row_int(row, "pool", 0) ? yes : no) ||
	      csv_end(&c->b);
	if (bad) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

static const char *const csv_head[] = {
	"Fleet.v.plate",    "Fleet.v.vin",    "Fleet.v.make", "Fleet.v.model",
	"Fleet.v.kind",	    "Fleet.v.marked", "Fleet.v.unit", "Fleet.v.status",
	"Fleet.v.odometer", "Fleet.v.fuel",   "Fleet.v.tank", "Fleet.v.norm",
	"Fleet.v.pool",
};

int vehicles_csv_fn(struct req *r)
{
	struct fleet_vehicle_filter f;
	struct fleet_ui_csv c = { r, { NULL, 0, 0 }, 0 };
	int rc;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/vehicles.cs");
	if (fleet_ui_csv_head(r, &c.b, csv_head,
			      sizeof(csv_head) / sizeof(csv_head[0])) < 0 ||
	    fleet_vehicle_each(&f, CSV_MAX, csv_cb, &c) < 0 || c.failed) {
		buf_free(&c.b);
		return -1;
	}
	return fleet_ui_csv_send(r, &c.b, "vehicles");
}
