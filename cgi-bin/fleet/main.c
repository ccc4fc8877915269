/* main.c: the fleet program: SKR-Flota, the service vehicles of the customs
 * crime-combating departments (/skr/fleet, docs/fleet.md). Every route is
 * open to any officer: the fleet's scope (domain/fleet_scope.c) decides in
 * the handler, since a driver holds no fleet role. */
#include "access.h"
#include "epochs.h"
#include "fleet_report_ui.h"
#include "fleet_ui.h"
#include "server.h"
#include "staff.h"

/* Each feature adds its routes as one block under a comment naming it. */
static const struct route routes[] = {
	/* dashboard and reports (fleet-reports) */
	{ "GET", "/skr/fleet", fleet_dash_fn, R_STAFF, 0, "fleet" },
	{ "GET", "/skr/fleet/reports", fleet_reports_fn, R_STAFF, 0,
	  "fleet-reports" },
	{ "GET", "/skr/fleet/reports/vehicles", fleet_report_fn, R_STAFF, 0,
	  "fleet-reports" },
	{ "GET", "/skr/fleet/reports/vehicles.csv", fleet_report_csv_fn,
	  R_STAFF, 0, "fleet-reports" },
	/* vehicles (fleet-core) */
	{ "GET", "/skr/fleet/vehicles", vehicles_fn, R_STAFF, 0,
	  "fleet-vehicles" },
	{ "GET", "/skr/fleet/vehicles.csv", vehicles_csv_fn, R_STAFF, 0,
	  "fleet-vehicles" },
};

static const char *const templates[] = {
	"fleet/vehicles.cs",
	"fleet/dashboard.cs",
	"fleet/report.cs",
	NULL,
};

static const struct service fleet = {
	.name = "fleet",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.sessions = { &staff_session },
	.menu = access_menu,
	/* the dashboard's and reports' kept pages (fleet_cache.c) */
	.write_epochs = EPOCH_BIT(EPOCH_FLEET),
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &fleet);
}
