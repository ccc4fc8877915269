/* main.c: the ingest program: lane devices post events here; the officers'
 * alert, watch-list, register and device pages under /skr/ */
#include "access.h"
#include "devices.h"
#include "ingest.h"
#include "server.h"
#include "staff.h"

/* "new" comes before "#id": the first route that matches wins. */
static const struct route routes[] = {
	{ "POST", "/ingest/events", events_fn, R_NOSESSION | R_NODE, 0, NULL },
	{ "GET", "/ingest/events.xsd", xsd_fn, R_NOSESSION | R_NODE, 0, NULL },
	{ "GET", "/skr/alerts", alerts_fn, R_STAFF | R_NODE, ROLES_ALERTS,
	  "alerts" },
	{ "GET", "/skr/alerts/feed", alerts_feed_fn, R_STAFF | R_NODE,
	  ROLES_ALERTS, "alerts" },
	{ "GET", "/skr/alerts/#id", alert_fn, R_STAFF | R_NODE, ROLES_ALERTS,
	  "alerts" },
	{ "GET", "/skr/alerts/#id/image", alert_image_fn, R_STAFF | R_NODE,
	  ROLES_ALERTS, "alerts" },
	{ "POST", "/skr/alerts/#id/ack", alert_ack_fn,
	  R_STAFF | R_CSRF | R_NODE, ROLE_CROSSING | ROLE_ADMIN, "alerts" },
	{ "POST", "/skr/alerts/#id/inspect", alert_inspect_fn,
	  R_STAFF | R_CSRF | R_NODE, ROLE_CROSSING | ROLE_ADMIN, "alerts" },
	{ "POST", "/skr/alerts/#id/close", alert_close_fn,
	  R_STAFF | R_CSRF | R_NODE, ROLE_CROSSING | ROLE_ADMIN, "alerts" },
	{ "GET", "/skr/watchlist", watchlist_fn, R_STAFF, ACC_WATCHLIST,
	  "watchlist" },
	{ "GET", "/skr/watchlist/new", watch_new_fn, R_STAFF, ROLE_WATCHLIST,
	  "watchlist" },
	{ "POST", "/skr/watchlist/new", watch_create_fn, R_STAFF | R_CSRF,
	  ROLE_WATCHLIST, "watchlist" },
	{ "GET", "/skr/watchlist/#id", watch_entry_fn, R_STAFF, ACC_WATCHLIST,
	  "watchlist" },
	{ "POST", "/skr/watchlist/#id/decide", watch_decide_fn,
	  R_STAFF | R_CSRF, ROLE_WATCHLIST, "watchlist" },
	{ "GET", "/skr/register", register_fn, R_STAFF | R_NODE, ACC_REGISTER,
	  "register" },
	{ "GET", "/skr/register/images/#id", register_image_fn,
	  R_STAFF | R_NODE, ACC_REGISTER, "register" },
	{ "GET", "/skr/devices", devices_fn, R_STAFF, ACC_DEVICES, "devices" },
	{ "POST", "/skr/devices", device_create_fn, R_STAFF | R_CSRF,
	  ROLE_CROSSING | ROLE_ADMIN, "devices" },
};

static const char *const templates[] = {
	"ingest/alerts.cs",    "ingest/alerts-rows.cs",
	"ingest/alert.cs",     "ingest/watchlist.cs",
	"ingest/watch-new.cs", "ingest/watch-entry.cs",
	"ingest/register.cs",  "ingest/devices.cs",
	"mail/watch_hit.cs",   NULL,
};

static const struct service ingest = {
	.name = "ingest",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	/* Devices post outside /skr/ without a session. */
	.sessions = { &staff_session },
	.worker_init = events_init,
	.menu = access_menu,
	/* Each second the lone events' rollup rows (report_pending); the
	 * event table's partitions hourly; every 5 s on a crossing node the
	 * watch-list entries arriving from the centre, at the centre the
	 * re-inspection orders fulfilled (tick.c). */
	.tick = ingest_tick,
	.tick_seconds = 1,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &ingest);
}
