/* main.c: the fleet program: SKR-Flota, the service vehicles of the customs
 * crime-combating departments (/skr/fleet, docs/fleet.md). Every route is
 * open to any officer: the fleet's scope (domain/fleet_scope.c) decides in
 * the handler, since a driver holds no fleet role. */
#include "access.h"
#include "epochs.h"
#include "fleet_report_ui.h"
#include "fleet_ui.h"
#include "trip_ui.h"
#include "server.h"
#include "staff.h"

/* Each feature adds its routes as one block under a comment naming it;
 * "new" comes before "#id": the first route that matches wins. */
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
	/* reservations, trip cards and the driver's page (fleet-trips) */
	{ "GET", "/skr/fleet/reservations", reservations_fn, R_STAFF, 0,
	  "fleet-reservations" },
	{ "GET", "/skr/fleet/reservations.csv", reservations_csv_fn, R_STAFF, 0,
	  "fleet-reservations" },
	{ "GET", "/skr/fleet/reservations/new", reservation_new_fn, R_STAFF, 0,
	  "fleet-reservations" },
	{ "POST", "/skr/fleet/reservations/new", reservation_create_fn,
	  R_STAFF | R_CSRF, 0, "fleet-reservations" },
	{ "POST", "/skr/fleet/reservations/#id/cancel", reservation_cancel_fn,
	  R_STAFF | R_CSRF, 0, "fleet-reservations" },
	{ "GET", "/skr/fleet/trips", trips_fn, R_STAFF, 0, "fleet-trips" },
	{ "GET", "/skr/fleet/trips.csv", trips_csv_fn, R_STAFF, 0,
	  "fleet-trips" },
	{ "GET", "/skr/fleet/trips/new", trip_new_fn, R_STAFF, 0,
	  "fleet-trips" },
	{ "POST", "/skr/fleet/trips/new", trip_create_fn, R_STAFF | R_CSRF, 0,
	  "fleet-trips" },
	{ "GET", "/skr/fleet/trips/#id", trip_fn, R_STAFF, 0, "fleet-trips" },
	{ "POST", "/skr/fleet/trips/#id/close", trip_close_fn, R_STAFF | R_CSRF,
	  0, "fleet-trips" },
	{ "POST", "/skr/fleet/trips/#id/check", trip_check_fn, R_STAFF | R_CSRF,
	  0, "fleet-trips" },
	{ "GET", "/skr/fleet/my", my_fn, R_STAFF, 0, "fleet-trips" },
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
	"fleet/documents.cs",
	"fleet/document-form.cs",
	"fleet/deadlines.cs",
	"fleet/drivers.cs",
	"fleet/driver-form.cs",
	"fleet/reservations.cs",
	"fleet/reserve-new.cs",
	"fleet/trips.cs",
	"fleet/trip-new.cs",
	"fleet/trip.cs",
	"fleet/my.cs",
	"fleet/dashboard.cs",
	"fleet/report.cs",
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
	/* the dashboard's and reports' kept pages (fleet_cache.c) */
	.write_epochs = EPOCH_BIT(EPOCH_FLEET),
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &fleet);
}
