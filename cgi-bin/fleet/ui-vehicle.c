/* ui-vehicle.c: /skr/fleet/vehicles/#id, one vehicle's page: its data,
 * status and history, and the sections the other fleet features fill
 * (documents, trips, fuel, repairs); and its status change */
#include "fleet_ui.h"

#include <string.h>

#include "audit.h"
#include "log.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "units.h"
#include "view.h"

/* The sections' hooks, empty here on purpose: each is weak, so the
 * feature named beside it defines its own in its own ui-*.c and that one
 * is linked instead, without anyone editing this file. */
__attribute__((weak)) int
fleet_section_documents(struct req *r, long long vehicle_id, long long unit_id)
{
	return 0; /* fleet-docs: documents and deadlines */
}

__attribute__((weak)) int
fleet_section_trips(struct req *r, long long vehicle_id, long long unit_id)
{
	return 0; /* fleet-trips: reservations and trip cards */
}

__attribute__((weak)) int
fleet_section_fuel(struct req *r, long long vehicle_id, long long unit_id)
{
	return 0; /* fleet-fuel: refuellings and consumption */
}

__attribute__((weak)) int
fleet_section_repairs(struct req *r, long long vehicle_id, long long unit_id)
{
	return 0; /* fleet-fuel: damage and repairs */
}

/* Vehicle.* from row, the equipment as Vehicle.Equipment.N (codes the
 * template words), the unit's code and name. 0 or -1. */
static int put_vehicle(struct req *r, const struct row *row,
		       enum fleet_access acc)
{
	struct unit_info u;
	char *eq, *save = NULL;
	int n = 0;

	for (int i = 0; i < row->n; i++)
		if (row->v[i])
			hdf_set_valuef(r->hdf, "Vehicle.%s=%s", row->name[i],
				       row->v[i]);
	eq = arena_strdup(&r->arena, row_get(row, "equipment", ""));
	if (!eq)
		return -1;
	for (char *t = strtok_r(eq, ",", &save); t;
	     t = strtok_r(NULL, ",", &save))
		hdf_set_valuef(r->hdf, "Vehicle.Equipment.%d=%s", n++, t);
	if (units_get(&r->arena, row_int(row, "unit_id", 0), &u) < 0)
		return -1;
	hdf_set_value(r->hdf, "Vehicle.unit_code", u.code);
	hdf_set_value(r->hdf, "Vehicle.unit_name",
		      !strcmp(r->lang, "en") ? u.name_en : u.name_pl);
	hdf_set_int_value(r->hdf, "Vehicle.Access", acc);
	if (acc == FLEET_MANAGE &&
	    strcmp(row_get(row, "status", ""), "written_off") != 0)
		hdf_set_value(r->hdf, "Vehicle.CanChange", "1");
	return 0;
}

/* The page for the vehicle in row, with status (200, or 422 after a bad
 * status change). */
static int render(struct req *r, int status, const struct row *row,
		  enum fleet_access acc)
{
	long long id = row_int(row, "id", 0), unit = row_int(row, "unit_id", 0);

	if (put_vehicle(r, row, acc) < 0 ||
	    fleet_ui_options(r, "Opt.status", "status", fleet_statuses) < 0 ||
	    fleet_vehicle_history_hdf(r->hdf, "Vehicle.History", id) < 0 ||
	    staff_names_hdf(r->hdf, "Vehicle.History", "by_staff", "by_name") <
		    0)
		return -1;
	if (fleet_section_documents(r, id, unit) < 0 ||
	    fleet_section_trips(r, id, unit) < 0 ||
	    fleet_section_fuel(r, id, unit) < 0 ||
	    fleet_section_repairs(r, id, unit) < 0)
		return -1;
	return view_render(r, status, "fleet/vehicle.cs");
}

int vehicle_fn(struct req *r)
{
	struct row row;
	enum fleet_access acc;
	int rc;

	rc = fleet_ui_vehicle(r, &row, &acc);
	if (rc)
		return rc < 0 ? -1 : 0;
	if (req_query(r, "saved"))
		hdf_set_value(r->hdf, "Vehicle.Saved", "1");
	return render(r, 200, &row, acc);
}

int vehicle_status_fn(struct req *r)
{
	struct row row;
	enum fleet_access acc;
	const char *to = req_form(r, "status");
	long long id;
	int rc;

	rc = fleet_ui_vehicle(r, &row, &acc);
	if (rc)
		return rc < 0 ? -1 : 0;
	if (acc != FLEET_MANAGE)
		return resp_error(r, 403, "fleet_read_only");
	id = row_int(&row, "id", 0);
	if (!fleet_is_code(fleet_statuses, to)) {
		view_field_error(r, "status", "fleet_choice");
		return render(r, 422, &row, acc);
	}
	hdf_set_value(r->hdf, "Form.status", to);
	rc = fleet_vehicle_set_status(id, to, r->sess.account_id);
	if (rc == FLEET_FINAL) {
		view_field_error(r, "status", "fleet_final");
		return render(r, 422, &row, acc);
	}
	if (rc < 0)
		return -1;
	if (rc == 1 &&
	    audit_log(r, arena_printf(&r->arena, "fleet.vehicle.%s", to),
		      arena_printf(&r->arena, "vehicle:%lld", id),
		      row_get(&row, "plate", "")) < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/fleet/vehicles/%lld?saved=1",
					     id));
}
