/* main.c: the report program: statistics of the crossings, bookings,
 * alerts, devices and registrations for the officers (/skr/reports),
 * read from the rollups domain/report keeps (docs/reports.md) */
#include "access.h"
#include "report_ui.h"
#include "server.h"
#include "staff.h"

static const struct route routes[] = {
	{ "GET", "/skr/reports", reports_fn, R_STAFF, ACC_REPORTS },
	{ "GET", "/skr/reports/traffic", traffic_fn, R_STAFF,
	  ACC_REPORT_TRAFFIC },
	{ "GET", "/skr/reports/traffic.csv", traffic_csv_fn, R_STAFF,
	  ACC_REPORT_TRAFFIC },
};

static const char *const templates[] = {
	"report/list.cs",
	"report/traffic.cs",
	NULL,
};

static const struct service report = {
	.name = "report",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.sessions = { &staff_session },
	.menu = access_menu,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &report);
}
