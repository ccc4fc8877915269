/* main.c: the fleet program: SKR-Flota, the service vehicles of the customs
 * crime-combating departments (/skr/fleet, docs/fleet.md). Every route is
 * open to any officer: the fleet's scope (domain/fleet_scope.c) decides in
 * the handler, since a driver holds no fleet role. */
#include "access.h"
#include "fleet_ui.h"
#include "server.h"
#include "staff.h"

/* Each feature adds its routes as one block under a comment naming it;
 * "new" comes before "#id": the first route that matches wins. */
static const struct route routes[] = {
	/* the start page: the vehicles until the dashboard comes
	 * (fleet-reports replaces it) */
	{ "GET", "/skr/fleet", vehicles_fn, R_STAFF, 0, "fleet-vehicles" },
	/* vehicles (fleet-core) */
	{ "GET", "/skr/fleet/vehicles", vehicles_fn, R_STAFF, 0,
	  "fleet-vehicles" },
	{ "GET", "/skr/fleet/vehicles.csv", vehicles_csv_fn, R_STAFF, 0,
	  "fleet-vehicles" },
	{ "GET", "/skr/fleet/vehicles/new", vehicle_new_fn, R_STAFF, 0,
	  "fleet-vehicles" },
	{ "POST", "/skr/fleet/vehicles/new", vehicle_create_fn,
	  R_STAFF | R_CSRF, 0, "fleet-vehicles" },
	{ "GET", "/skr/fleet/vehicles/#id", vehicle_fn, R_STAFF, 0,
	  "fleet-vehicles" },
	{ "GET", "/skr/fleet/vehicles/#id/edit", vehicle_edit_fn, R_STAFF, 0,
	  "fleet-vehicles" },
	{ "POST", "/skr/fleet/vehicles/#id/edit", vehicle_update_fn,
	  R_STAFF | R_CSRF, 0, "fleet-vehicles" },
	{ "POST", "/skr/fleet/vehicles/#id/status", vehicle_status_fn,
	  R_STAFF | R_CSRF, 0, "fleet-vehicles" },
	/* fuel, anomalies, damage and repairs (fleet-fuel) */
	{ "GET", "/skr/fleet/fuel", fuel_fn, R_STAFF, 0, "fleet-fuel" },
	{ "GET", "/skr/fleet/fuel.csv", fuel_csv_fn, R_STAFF, 0, "fleet-fuel" },
	{ "GET", "/skr/fleet/fuel/new", fuel_new_fn, R_STAFF, 0, "fleet-fuel" },
	{ "POST", "/skr/fleet/fuel", fuel_add_fn, R_STAFF | R_CSRF, 0,
	  "fleet-fuel" },
	{ "GET", "/skr/fleet/anomalies", anomalies_fn, R_STAFF, 0,
	  "fleet-fuel" },
	{ "GET", "/skr/fleet/damage", damage_fn, R_STAFF, 0, "fleet-damage" },
	{ "GET", "/skr/fleet/damage.csv", damage_csv_fn, R_STAFF, 0,
	  "fleet-damage" },
	{ "GET", "/skr/fleet/damage/new", damage_new_fn, R_STAFF, 0,
	  "fleet-damage" },
	{ "POST", "/skr/fleet/damage", damage_add_fn, R_STAFF | R_CSRF, 0,
	  "fleet-damage" },
	{ "GET", "/skr/fleet/damage/#id", damage_one_fn, R_STAFF, 0,
	  "fleet-damage" },
	{ "POST", "/skr/fleet/damage/#id/close", damage_close_fn,
	  R_STAFF | R_CSRF, 0, "fleet-damage" },
	{ "GET", "/skr/fleet/repairs", repairs_fn, R_STAFF, 0, "fleet-damage" },
	{ "GET", "/skr/fleet/repairs.csv", repairs_csv_fn, R_STAFF, 0,
	  "fleet-damage" },
	{ "GET", "/skr/fleet/repairs/new", repair_new_fn, R_STAFF, 0,
	  "fleet-damage" },
	{ "POST", "/skr/fleet/repairs", repair_open_fn, R_STAFF | R_CSRF, 0,
	  "fleet-damage" },
	{ "POST", "/skr/fleet/repairs/#id/close", repair_close_fn,
	  R_STAFF | R_CSRF, 0, "fleet-damage" },
};

static const char *const templates[] = {
	"fleet/vehicles.cs",
	"fleet/vehicle.cs",
	"fleet/vehicle-form.cs",
	/* fleet-fuel */
	"fleet/fuel.cs",
	"fleet/fuel-new.cs",
	"fleet/anomalies.cs",
	"fleet/damage.cs",
	"fleet/damage-new.cs",
	"fleet/damage-one.cs",
	"fleet/repairs.cs",
	"fleet/repair-new.cs",
	NULL,
};

static const struct service fleet = {
	.name = "fleet",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.sessions = { &staff_session },
	.menu = access_menu,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &fleet);
}
