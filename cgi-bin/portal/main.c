/* main.c: the portal program (PUESC): home page, portal accounts, health,
 * metrics and the development outbox */
#include "metrics.h"
#include "outbox.h"
#include "portal.h"
#include "server.h"

static const struct route routes[] = {
	{ "GET", "/", home_fn, 0, 0 },
	{ "GET", "/health", health_fn, R_NOSESSION, 0 },
	{ "GET", "/metrics", metrics_fn, R_NOSESSION, 0 },
	{ "GET", "/dev/outbox", outbox_fn, R_NOSESSION, 0 },
};

static const char *const templates[] = {
	"portal/home.cs",
	"dev/outbox.cs",
	NULL,
};

static const struct service portal = {
	.name = "portal",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.session = SESS_PORTAL,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &portal);
}
