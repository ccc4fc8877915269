/* main.c: the fleet program: SKR-Flota, the service vehicles of the customs
 * crime-combating departments (/skr/fleet, docs/fleet.md). Every route is
 * open to any officer: the fleet's scope (domain/fleet_scope.c) decides in
 * the handler, since a driver holds no fleet role. */
#include "access.h"
#include "fleet_ui.h"
#include "server.h"
#include "staff.h"

/* Each feature adds its routes as one block under a comment naming it. */
static const struct route routes[] = {
	/* the start page: the vehicles until the dashboard comes
	 * (fleet-reports replaces it) */
	{ "GET", "/skr/fleet", vehicles_fn, R_STAFF, 0, "fleet-vehicles" },
	/* vehicles (fleet-core) */
	{ "GET", "/skr/fleet/vehicles", vehicles_fn, R_STAFF, 0,
	  "fleet-vehicles" },
	{ "GET", "/skr/fleet/vehicles.csv", vehicles_csv_fn, R_STAFF, 0,
	  "fleet-vehicles" },
};

static const char *const templates[] = {
	"fleet/vehicles.cs",
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
