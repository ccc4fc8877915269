/* main.c: the puesc program: SOAP services for business systems (EORI
 * validation, eBT bookings, e-Customer status) and the archive page */
#include "access.h"
#include "puesc.h"
#include "route.h"
#include "server.h"

/* SOAP posts carry no CSRF token: they are not browser forms, and each
 * signed message authenticates itself. */
static const struct route routes[] = {
	{ "GET", "/puesc/ws", soap_wsdl_fn, R_NOSESSION, 0 },
	{ "POST", "/puesc/ws", soap_post_fn, R_NOSESSION, 0 },
	{ "POST", "/puesc/eori", soap_eori_fn, R_NOSESSION, 0 },
	{ "GET", "/skr/puesc/archive", archive_list_fn, R_STAFF,
	  ACC_PUESC_ARCHIVE },
	{ "GET", "/skr/puesc/archive/:id", archive_show_fn, R_STAFF,
	  ACC_PUESC_ARCHIVE },
};

static const char *const templates[] = {
	"skr/puesc-archive.cs",
	"skr/puesc-message.cs",
	NULL,
};

/* Its staff pages: their 404s wear the intranet look too. */
static const char *const staff_prefixes[] = { "/skr/puesc/", NULL };

static const struct service puesc = {
	.name = "puesc",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.session = SESS_STAFF,
	.worker_init = soap_worker_init,
	.menu = access_menu,
	.staff_prefixes = staff_prefixes,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &puesc);
}
