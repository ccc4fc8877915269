/* ui-vehicle-form.c: a vehicle's create and edit forms
 * (/skr/fleet/vehicles/new, /skr/fleet/vehicles/#id/edit): every field
 * checked beside it (422, nothing stored), the unit within the manager's
 * subtree, the VIN's rule (fleet_vin.c), the edit's optimistic version
 * (409 when someone saved first) */
#include "fleet_ui.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "form.h"
#include "log.h"
#include "resp.h"
#include "route.h"
#include "units.h"
#include "valid.h"
#include "view.h"

static int valid_unit(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_kind(const char *s)
{
	return fleet_is_code(fleet_kinds, s);
}

static int valid_fuel(const char *s)
{
	return fleet_is_code(fleet_fuels, s);
}

/* A plate as people write it: letters and digits, single spaces. */
static size_t norm_plate(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *in; in++) {
		char c = *in;

		if (c == ' ' && (n == 0 || out[n - 1] == ' '))
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (n + 1 >= outsz)
			return 0;
		out[n++] = c;
	}
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return n;
}

/* 2 to 10 letters and digits (spaces aside), at least one digit: a
 * Polish plate (NO 1234A), a service plate (HPA 1234). */
static int valid_plate(const char *s)
{
	int chars = 0, digits = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (!(*s >= 'A' && *s <= 'Z') && *s != ' ')
			return 0;
		chars += *s != ' ';
	}
	return chars >= 2 && chars <= 10 && digits > 0;
}

/* A whole number from 0 to max, without sign or leading zeros. */
static int whole(const char *s, long long max)
{
	char *end;
	long long v;

	if (!s || !*s || strspn(s, "0123456789") != strlen(s) ||
	    (s[0] == '0' && s[1]))
		return 0;
	v = strtoll(s, &end, 10);
	return v <= max;
}

static int valid_tank(const char *s)
{
	return whole(s, 2000);
}

static int valid_odometer(const char *s)
{
	return whole(s, 3000000);
}

/* l/100 km: 0 to 99.9, at most one decimal, a comma allowed as in
 * Polish. */
static size_t norm_norm(const char *in, char *out, size_t outsz)
{
	size_t n = strlen(in);

	if (n + 1 > outsz)
		return 0;
	for (size_t i = 0; i <= n; i++)
		out[i] = in[i] == ',' ? '.' : in[i];
	return n;
}

static int valid_norm(const char *s)
{
	const char *dot = strchr(s, '.');
	size_t whole_len = dot ? (size_t)(dot - s) : strlen(s);

	if (whole_len < 1 || whole_len > 2 ||
	    strspn(s, "0123456789") != whole_len)
		return 0;
	return !dot || (strlen(dot + 1) == 1 && dot[1] >= '0' && dot[1] <= '9');
}

enum {
	V_PLATE,
	V_VIN,
	V_MAKE,
	V_MODEL,
	V_KIND,
	V_UNIT,
	V_FUEL,
	V_TANK,
	V_NORM,
	V_ODOMETER,
	V_MARKED,
	V_POOL,
	V__MAX
};
static const struct param params[V__MAX] = {
	{ "plate", P_REQUIRED, 16, norm_plate, valid_plate,
	  "fleet_plate" }, /* V_PLATE */
	{ "vin", P_REQUIRED, 24, fleet_vin_normalise, NULL, NULL }, /* V_VIN */
	{ "make", P_REQUIRED, 60, NULL, NULL, NULL },		    /* V_MAKE */
	{ "model", P_REQUIRED, 60, NULL, NULL, NULL }, /* V_MODEL */
	{ "kind", P_REQUIRED, 16, NULL, valid_kind,
	  "fleet_choice" },					    /* V_KIND */
	{ "unit", P_REQUIRED, 18, NULL, valid_unit, "fleet_unit" }, /* V_UNIT */
	{ "fuel", P_REQUIRED, 16, NULL, valid_fuel,
	  "fleet_choice" }, /* V_FUEL */
	{ "tank_l", P_REQUIRED, 8, NULL, valid_tank,
	  "fleet_tank" }, /* V_TANK */
	{ "norm_l100", P_REQUIRED, 8, norm_norm, valid_norm,
	  "fleet_norm" }, /* V_NORM */
	{ "odometer_km", P_REQUIRED, 10, NULL, valid_odometer,
	  "fleet_odometer" },		      /* V_ODOMETER */
	{ "marked", 0, 1, NULL, NULL, NULL }, /* V_MARKED */
	{ "pool", 0, 1, NULL, NULL, NULL },   /* V_POOL */
};

static const char *const vin_errors[] = { NULL, "fleet_vin_length",
					  "fleet_vin_chars",
					  "fleet_vin_check" };

/* The equipment boxes ticked: codes comma-separated into *out, echoed to
 * Form.equipment.<code>; an unknown code is a 422 beside the field. 0 or
 * 1 (bad). */
static int read_equipment(struct req *r, const char **out)
{
	struct buf b = { NULL, 0, 0 };
	int bad = 0;

	for (size_t i = 0; i < r->nf; i++) {
		const char *v = r->ffields[i].value;

		if (strcmp(r->ffields[i].name, "equipment"))
			continue;
		if (!fleet_is_code(fleet_equipment, v)) {
			bad = 1;
			continue;
		}
		hdf_set_valuef(r->hdf, "Form.equipment.%s=1", v);
		if ((b.len && buf_puts(&b, ",") < 0) || buf_puts(&b, v) < 0)
			bad = 1;
	}
	*out = arena_strdup(&r->arena, b.p ? b.p : "");
	buf_free(&b);
	if (bad)
		view_field_error(r, "equipment", "fleet_choice");
	return bad || !*out;
}

/* The form's options: units of the managed subtree, kinds, fuels, the
 * equipment boxes. 0 or -1. */
static int options(struct req *r, long long root)
{
	if (fleet_ui_unit_options(r, "Opt.unit", root) < 0 ||
	    fleet_ui_options(r, "Opt.kind", "kind", fleet_kinds) < 0 ||
	    fleet_ui_options(r, "Opt.fuel", "fuel", fleet_fuels) < 0 ||
	    fleet_ui_options(r, "Opt.equipment", "equipment", fleet_equipment) <
		    0)
		return -1;
	return 0;
}

/* Reads and checks the form into in; the count of bad fields (each with
 * its message beside it), or -1. */
static int read_form(struct req *r, long long root, struct fleet_vehicle_in *in)
{
	const char *v[V__MAX];
	int bad, rc;

	memset(in, 0, sizeof(*in));
	bad = form_read(r, params, V__MAX, v);
	if (v[V_VIN]) {
		enum fleet_vin_error e = fleet_vin_check(v[V_VIN]);

		if (e != FLEET_VIN_OK) {
			view_field_error(r, "vin", vin_errors[e]);
			v[V_VIN] = NULL;
			bad++;
		}
	}
	if (v[V_UNIT]) {
		in->unit = valid_id(v[V_UNIT]);
		rc = units_in_subtree(&r->arena, root, in->unit);
		if (rc < 0)
			return -1;
		if (!rc) {
			view_field_error(r, "unit", "fleet_unit");
			bad++;
		}
	}
	bad += read_equipment(r, &in->equipment);
	in->plate = v[V_PLATE];
	in->vin = v[V_VIN];
	in->make = v[V_MAKE];
	in->model = v[V_MODEL];
	in->kind = v[V_KIND];
	in->fuel = v[V_FUEL];
	in->norm = v[V_NORM];
	in->tank_l = v[V_TANK] ? strtoll(v[V_TANK], NULL, 10) : 0;
	in->odometer_km = v[V_ODOMETER] ? strtoll(v[V_ODOMETER], NULL, 10) : 0;
	in->marked = v[V_MARKED] && !strcmp(v[V_MARKED], "1");
	in->pool = v[V_POOL] && !strcmp(v[V_POOL], "1");
	return bad;
}

/* The form again with status (422, 409) and its message. */
static int form_page(struct req *r, int status, long long root)
{
	if (options(r, root) < 0)
		return -1;
	if (status != 200)
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
	return view_render(r, status, "fleet/vehicle-form.cs");
}

/* 0 the officer manages some subtree (its root into *root); 403 answered
 * (in words: reading is not managing); -1. */
static int manager(struct req *r, long long *root)
{
	struct fleet_scope s;
	int rc = fleet_ui_scope(r, &s);

	if (rc)
		return rc;
	if (!s.manage_root)
		return resp_error(r, 403, "fleet_read_only") < 0 ? -1 : 403;
	*root = s.manage_root;
	return 0;
}

/* A taken plate or VIN beside its field. */
static void taken(struct req *r, int rc)
{
	if (rc == FLEET_TAKEN_VIN)
		view_field_error(r, "vin", "fleet_vin_taken");
	else
		view_field_error(r, "plate", "fleet_plate_taken");
}

int vehicle_new_fn(struct req *r)
{
	long long root;
	int rc = manager(r, &root);

	if (rc)
		return rc < 0 ? -1 : 0;
	/* A new vehicle is a car of the manager's own unit, in the pool. */
	hdf_set_value(r->hdf, "Form.kind", "car");
	hdf_set_int_value(r->hdf, "Form.unit", (int)root);
	hdf_set_value(r->hdf, "Form.odometer_km", "0");
	return form_page(r, 200, root);
}

int vehicle_create_fn(struct req *r)
{
	struct fleet_vehicle_in in;
	long long root, id;
	int rc = manager(r, &root);

	if (rc)
		return rc < 0 ? -1 : 0;
	rc = read_form(r, root, &in);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return form_page(r, 422, root);
	rc = fleet_vehicle_create(&in, r->sess.account_id, &id);
	if (rc == FLEET_TAKEN_PLATE || rc == FLEET_TAKEN_VIN) {
		taken(r, rc);
		return form_page(r, 422, root);
	}
	if (rc < 0)
		return -1;
	if (audit_log(r, "fleet.vehicle.create",
		      arena_printf(&r->arena, "vehicle:%lld", id),
		      /* Make and model last: free text, they may hold a '|'. */
		      arena_printf(&r->arena,
				   "@skr.audit.detail.fleet_vehicle_create"
				   "|%s|%s|%s|%s %s",
				   in.plate, in.vin,
				   units_label(&r->arena, in.unit), in.make,
				   in.model)) < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/fleet/vehicles/%lld?saved=1",
					     id));
}

/* The vehicle of the route for a manager: 0 with row and the managed
 * root; 403/404 answered; -1. */
static int managed_vehicle(struct req *r, struct row *row, long long *root)
{
	struct fleet_scope s;
	enum fleet_access acc;
	int rc = fleet_ui_vehicle(r, row, &acc);

	if (rc)
		return rc;
	if (acc != FLEET_MANAGE)
		return resp_error(r, 403, "fleet_read_only") < 0 ? -1 : 403;
	if (!strcmp(row_get(row, "status", ""), "written_off"))
		return resp_error(r, 403, "fleet_final") < 0 ? -1 : 403;
	if (fleet_scope(r, &s) < 0)
		return -1;
	*root = s.manage_root;
	hdf_set_value(r->hdf, "Vehicle.id", row_get(row, "id", ""));
	hdf_set_value(r->hdf, "Vehicle.plate", row_get(row, "plate", ""));
	return 0;
}

/* The form filled from the stored vehicle (Form.*). */
static void fill_form(struct req *r, const struct row *row)
{
	static const char *const cols[] = {
		"plate",   "vin",  "make",   "model",	  "kind",
		"unit_id", "fuel", "tank_l", "norm_l100", "odometer_km",
		"marked",  "pool", "version"
	};
	char *eq, *save = NULL;

	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		hdf_set_valuef(r->hdf, "Form.%s=%s",
			       !strcmp(cols[i], "unit_id") ? "unit" : cols[i],
			       row_get(row, cols[i], ""));
	hdf_remove_tree(r->hdf, "Form.equipment");
	eq = arena_strdup(&r->arena, row_get(row, "equipment", ""));
	for (char *t = eq ? strtok_r(eq, ",", &save) : NULL; t;
	     t = strtok_r(NULL, ",", &save))
		hdf_set_valuef(r->hdf, "Form.equipment.%s=1", t);
}

int vehicle_edit_fn(struct req *r)
{
	struct row row;
	long long root;
	int rc = managed_vehicle(r, &row, &root);

	if (rc)
		return rc < 0 ? -1 : 0;
	fill_form(r, &row);
	return form_page(r, 200, root);
}

/* What changed, by field name, for the audit ("plate, model"). */
static const char *changes(struct req *r, const struct row *row,
			   const struct fleet_vehicle_in *in)
{
	struct {
		const char *name, *was, *now;
	} f[] = {
		{ "plate", row_get(row, "plate", ""), in->plate },
		{ "vin", row_get(row, "vin", ""), in->vin },
		{ "make", row_get(row, "make", ""), in->make },
		{ "model", row_get(row, "model", ""), in->model },
		{ "kind", row_get(row, "kind", ""), in->kind },
		{ "fuel", row_get(row, "fuel", ""), in->fuel },
		{ "equipment", row_get(row, "equipment", ""), in->equipment },
	};
	const char *plate = row_get(row, "plate", ""), *fields = "";
	int unit = row_int(row, "unit_id", 0) != in->unit;

	/* The fields' names are codes (skr.audit.field), words on the audit
	 * page; no change at all leaves the plate alone, as before. */
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (strcmp(f[i].was, f[i].now))
			fields = arena_printf(&r->arena, "%s%s%s", fields,
					      *fields ? "," : "", f[i].name);
	if (!*fields && !unit)
		return plate;
	if (!unit)
		return arena_printf(&r->arena,
				    "@skr.audit.detail.fleet_vehicle_update"
				    "|%s|%s",
				    plate, fields);
	return arena_printf(
		&r->arena, "@skr.audit.detail.fleet_vehicle_%s|%s%s%s|%s",
		*fields ? "update_unit" : "unit", plate, *fields ? "|" : "",
		fields, units_label(&r->arena, in->unit));
}

int vehicle_update_fn(struct req *r)
{
	struct fleet_vehicle_in in;
	struct row row;
	const char *version = req_form(r, "version");
	long long root, id;
	int rc = managed_vehicle(r, &row, &root);

	if (rc)
		return rc < 0 ? -1 : 0;
	id = row_int(&row, "id", 0);
	hdf_set_value(r->hdf, "Form.version", version ? version : "");
	rc = read_form(r, root, &in);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return form_page(r, 422, root);
	rc = fleet_vehicle_update(id, version ? atoll(version) : 0, &in);
	switch (rc) {
	case 0:
		break;
	case FLEET_TAKEN_PLATE:
	case FLEET_TAKEN_VIN:
		taken(r, rc);
		return form_page(r, 422, root);
	case FLEET_ODOMETER_BACK:
		view_field_error(r, "odometer_km", "fleet_odometer_back");
		hdf_set_value(r->hdf, "Form.odometer_km.Last",
			      row_get(&row, "odometer_km", ""));
		return form_page(r, 422, root);
	case FLEET_STALE:
		/* Someone saved first: their version in the form, and say so;
		 * the person makes the change again on what is there now. */
		if (fleet_vehicle_get(&r->arena, id, &row) != 1)
			return -1;
		fill_form(r, &row);
		hdf_set_value(r->hdf, "Vehicle.Stale",
			      view_text(r, "err.fleet_stale"));
		return form_page(r, 409, root);
	case FLEET_FINAL:
	case FLEET_GONE:
		return resp_error(r, 409, "fleet_final");
	default:
		return -1;
	}
	if (audit_log(r, "fleet.vehicle.update",
		      arena_printf(&r->arena, "vehicle:%lld", id),
		      changes(r, &row, &in)) < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/fleet/vehicles/%lld?saved=1",
					     id));
}
