/* main.c: the report program: statistics of the crossings, bookings,
 * alerts, devices and registrations for the officers (/skr/reports),
 * read from the rollups domain/report keeps (docs/reports.md) */
#include "access.h"
#include "report_ui.h"
#include "server.h"
#include "staff.h"

static const struct route routes[] = {
	{ "GET", "/skr/reports", reports_fn, R_STAFF, ACC_REPORTS, "reports" },
	{ "GET", "/skr/reports/traffic", traffic_fn, R_STAFF,
	  ACC_REPORT_TRAFFIC, "reports" },
	{ "GET", "/skr/reports/traffic.csv", traffic_csv_fn, R_STAFF,
	  ACC_REPORT_TRAFFIC, "reports" },
	{ "GET", "/skr/reports/ebt", ebt_fn, R_STAFF, ACC_REPORT_EBT,
	  "reports" },
	{ "GET", "/skr/reports/ebt.csv", ebt_csv_fn, R_STAFF, ACC_REPORT_EBT,
	  "reports" },
	{ "GET", "/skr/reports/alerts", alerts_report_fn, R_STAFF,
	  ACC_REPORT_ALERTS, "reports" },
	{ "GET", "/skr/reports/alerts.csv", alerts_report_csv_fn, R_STAFF,
	  ACC_REPORT_ALERTS, "reports" },
	{ "GET", "/skr/reports/devices", devices_report_fn, R_STAFF,
	  ACC_REPORT_DEVICES, "reports" },
	{ "GET", "/skr/reports/devices.csv", devices_report_csv_fn, R_STAFF,
	  ACC_REPORT_DEVICES, "reports" },
	{ "GET", "/skr/reports/registrations", registrations_fn, R_STAFF,
	  ACC_REPORT_REGISTRATIONS, "reports" },
	{ "GET", "/skr/reports/registrations.csv", registrations_csv_fn,
	  R_STAFF, ACC_REPORT_REGISTRATIONS, "reports" },
};

static const char *const templates[] = {
	"report/list.cs",
	"report/traffic.cs",
	"report/registrations.cs",
	"report/ebt.cs",
	"report/alerts.cs",
	"report/devices.cs",
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
