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
	/* documents, deadlines and drivers (fleet-docs) */
	{ "GET", "/skr/fleet/deadlines", deadlines_fn, R_STAFF, 0,
	  "fleet-deadlines" },
	{ "GET", "/skr/fleet/deadlines.csv", deadlines_csv_fn, R_STAFF, 0,
	  "fleet-deadlines" },
	{ "GET", "/skr/fleet/vehicles/#id/documents", documents_fn, R_STAFF, 0,
	  "fleet-deadlines" },
	{ "GET", "/skr/fleet/vehicles/#id/documents/new", document_new_fn,
	  R_STAFF, 0, "fleet-deadlines" },
	{ "POST", "/skr/fleet/vehicles/#id/documents", document_add_fn,
	  R_STAFF | R_CSRF, 0, "fleet-deadlines" },
	{ "GET", "/skr/fleet/documents/#id", document_edit_fn, R_STAFF, 0,
	  "fleet-deadlines" },
	{ "POST", "/skr/fleet/documents/#id", document_save_fn,
	  R_STAFF | R_CSRF, 0, "fleet-deadlines" },
	{ "GET", "/skr/fleet/drivers", drivers_fn, R_STAFF, 0,
	  "fleet-drivers" },
	{ "GET", "/skr/fleet/drivers/#id", driver_fn, R_STAFF, 0,
	  "fleet-drivers" },
	{ "POST", "/skr/fleet/drivers/#id", driver_save_fn, R_STAFF | R_CSRF, 0,
	  "fleet-drivers" },
	{ "POST", "/skr/fleet/drivers/#id/permission", driver_permit_fn,
	  R_STAFF | R_CSRF, 0, "fleet-drivers" },
};

static const char *const templates[] = {
	"fleet/vehicles.cs",  "fleet/dashboard.cs",	"fleet/report.cs",
	"fleet/documents.cs", "fleet/document-form.cs", "fleet/deadlines.cs",
	"fleet/drivers.cs",   "fleet/driver-form.cs",	NULL,
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
