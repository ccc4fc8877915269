/* main.c: the SKR program: the customs staff intranet (sign-in, staff and
 * roles administration with second-administrator approval, audit log) */
#include "access.h"
#include "server.h"
#include "skr.h"

/* "new" comes before ":id": the first route that matches wins. */
static const struct route routes[] = {
	{ "GET", "/skr/", dashboard_fn, R_STAFF, 0 },
	{ "GET", "/skr/signin", signin_form_fn, 0, 0 },
	{ "POST", "/skr/signin", signin_fn, R_CSRF, 0 },
	{ "POST", "/skr/signout", signout_fn, R_STAFF | R_CSRF, 0 },
	{ "GET", "/skr/admin/staff", staff_list_fn, R_STAFF, ACC_STAFF_ADMIN },
	{ "GET", "/skr/admin/staff/new", staff_new_fn, R_STAFF, ROLE_ADMIN },
	{ "POST", "/skr/admin/staff/new", staff_create_fn, R_STAFF | R_CSRF,
	  ROLE_ADMIN },
	{ "GET", "/skr/admin/staff/:id", staff_edit_fn, R_STAFF, ROLE_ADMIN },
	{ "POST", "/skr/admin/staff/:id", staff_update_fn, R_STAFF | R_CSRF,
	  ROLE_ADMIN },
	{ "POST", "/skr/admin/staff/:id/status", staff_status_fn,
	  R_STAFF | R_CSRF, ROLE_ADMIN },
	{ "POST", "/skr/admin/staff/:id/password", staff_password_fn,
	  R_STAFF | R_CSRF, ROLE_ADMIN },
	{ "GET", "/skr/admin/grants", grants_fn, R_STAFF, ACC_STAFF_ADMIN },
	{ "POST", "/skr/admin/grants/:id", grant_decide_fn, R_STAFF | R_CSRF,
	  ROLE_ADMIN },
	{ "GET", "/skr/admin/units", units_fn, R_STAFF, ACC_STAFF_ADMIN },
	{ "GET", "/skr/audit", audit_fn, R_STAFF, ACC_AUDIT },
};

static const char *const templates[] = {
	"skr/dashboard.cs",
	"skr/signin.cs",
	"skr/staff-list.cs",
	"skr/staff-new.cs",
	"skr/staff-edit.cs",
	"skr/grants.cs",
	"skr/units.cs",
	"skr/audit.cs",
	"mail/signin_failures.cs",
	NULL,
};

/* Its staff pages: their 404s wear the intranet look too. */
static const char *const staff_prefixes[] = { "/skr/", NULL };

static const struct service skr = {
	.name = "skr",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.session = SESS_STAFF,
	.menu = access_menu,
	.staff_prefixes = staff_prefixes,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &skr);
}
