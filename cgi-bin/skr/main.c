/* main.c: the SKR program: the customs staff intranet (sign-in, staff and
 * roles administration, audit log) */
#include "server.h"
#include "skr.h"

static const struct route routes[] = {
	{ "GET", "/skr/", dashboard_fn, R_STAFF, 0 },
};

static const char *const templates[] = {
	"skr/dashboard.cs",
	NULL,
};

static const struct service skr = {
	.name = "skr",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.session = SESS_STAFF,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &skr);
}
