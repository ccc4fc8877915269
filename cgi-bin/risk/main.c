/* main.c: the risk program: analysts' pages (/skr/risk: re-inspection
 * orders, decisions and their outcomes) and the crossing officers' control
 * tasks (/skr/control) */
#include "access.h"
#include "risk_ui.h"
#include "server.h"
#include "staff.h"

static const struct route routes[] = {
	{ "GET", "/skr/risk", start_fn, R_STAFF, ACC_RISK },
};

static const char *const templates[] = {
	"risk/start.cs",
	NULL,
};

static const struct service risk = {
	.name = "risk",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.sessions = { &staff_session },
	.menu = access_menu,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &risk);
}
