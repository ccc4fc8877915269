/* main.c: the report program: statistics of the crossings, bookings,
 * alerts, devices and registrations for the officers (/skr/reports),
 * read from the rollups domain/report keeps (docs/reports.md) */
#include "access.h"
#include "report_ui.h"
#include "server.h"
#include "staff.h"

static const struct route routes[] = {
	{ "GET", "/skr/reports", reports_fn, R_STAFF, ACC_REPORTS, "reports" },
	{ "GET", "/skr/reports/traffic", report_page_fn, R_STAFF,
	  ACC_REPORT_TRAFFIC, "reports" },
	{ "GET", "/skr/reports/traffic.csv", report_csv_fn, R_STAFF,
	  ACC_REPORT_TRAFFIC, "reports" },
	{ "GET", "/skr/reports/ebt", report_page_fn, R_STAFF, ACC_REPORT_EBT,
	  "reports" },
	{ "GET", "/skr/reports/ebt.csv", report_csv_fn, R_STAFF, ACC_REPORT_EBT,
	  "reports" },
	{ "GET", "/skr/reports/alerts", report_page_fn, R_STAFF,
	  ACC_REPORT_ALERTS, "reports" },
	{ "GET", "/skr/reports/alerts.csv", report_csv_fn, R_STAFF,
	  ACC_REPORT_ALERTS, "reports" },
	{ "GET", "/skr/reports/devices", report_page_fn, R_STAFF,
	  ACC_REPORT_DEVICES, "reports" },
	{ "GET", "/skr/reports/devices.csv", report_csv_fn, R_STAFF,
	  ACC_REPORT_DEVICES, "reports" },
	{ "GET", "/skr/reports/registrations", report_page_fn, R_STAFF,
	  ACC_REPORT_REGISTRATIONS, "reports" },
	{ "GET", "/skr/reports/registrations.csv", report_csv_fn, R_STAFF,
	  ACC_REPORT_REGISTRATIONS, "reports" },
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
