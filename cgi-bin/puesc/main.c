/* main.c: the puesc program: SOAP services for business systems (EORI
 * validation, eBT bookings, e-Customer status) and the archive page */
#include "access.h"
#include "puesc.h"
#include "route.h"
#include "server.h"
#include "staff.h"

/* SOAP posts carry no CSRF token: they are not browser forms, and each
 * signed message authenticates itself. */
static const struct route routes[] = {
	{ "GET", "/puesc/ws", soap_wsdl_fn, R_NOSESSION, 0, NULL },
	{ "POST", "/puesc/ws", soap_post_fn, R_NOSESSION, 0, NULL },
	{ "POST", "/puesc/eori", soap_eori_fn, R_NOSESSION, 0, NULL },
	{ "GET", "/skr/puesc/archive", archive_list_fn, R_STAFF,
	  ACC_PUESC_ARCHIVE, "puesc-archive" },
	{ "GET", "/skr/puesc/archive/#id", archive_show_fn, R_STAFF,
	  ACC_PUESC_ARCHIVE, "puesc-archive" },
};

static const char *const templates[] = {
	"skr/puesc-archive.cs",
	"skr/puesc-message.cs",
	NULL,
};

static const struct service puesc = {
	.name = "puesc",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	/* SOAP clients sign their messages; the archive is the intranet's. */
	.sessions = { &staff_session },
	.worker_init = soap_worker_init,
	.menu = access_menu,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &puesc);
}
