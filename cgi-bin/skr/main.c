/* main.c: the SKR program: the customs staff intranet (sign-in, staff and
 * roles administration with second-administrator approval, audit log,
 * help pages) */
#include "access.h"
#include "server.h"
#include "skr.h"
#include "staff.h"

/* "new" comes before "#id": the first route that matches wins. */
static const struct route routes[] = {
	{ "GET", "/skr/", dashboard_fn, R_STAFF | R_NODE, 0, "start" },
	{ "GET", "/skr/signin", signin_form_fn, R_NODE, 0, NULL },
	{ "POST", "/skr/signin", signin_fn, R_CSRF | R_NODE, 0, NULL },
	{ "POST", "/skr/signout", signout_fn, R_STAFF | R_CSRF | R_NODE, 0,
	  "start" },
	{ "GET", "/skr/admin/staff", staff_list_fn, R_STAFF, ACC_STAFF_ADMIN,
	  "staff" },
	{ "GET", "/skr/admin/staff/new", staff_new_fn, R_STAFF, ROLE_ADMIN,
	  "staff" },
	{ "POST", "/skr/admin/staff/new", staff_create_fn, R_STAFF | R_CSRF,
	  ROLE_ADMIN, "staff" },
	{ "GET", "/skr/admin/staff/#id", staff_edit_fn, R_STAFF, ROLE_ADMIN,
	  "staff" },
	{ "POST", "/skr/admin/staff/#id", staff_update_fn, R_STAFF | R_CSRF,
	  ROLE_ADMIN, "staff" },
	{ "POST", "/skr/admin/staff/#id/status", staff_status_fn,
	  R_STAFF | R_CSRF, ROLE_ADMIN, "staff" },
	{ "POST", "/skr/admin/staff/#id/password", staff_password_fn,
	  R_STAFF | R_CSRF, ROLE_ADMIN, "staff" },
	{ "GET", "/skr/admin/grants", grants_fn, R_STAFF, ACC_STAFF_ADMIN,
	  "grants" },
	{ "POST", "/skr/admin/grants/#id", grant_decide_fn, R_STAFF | R_CSRF,
	  ROLE_ADMIN, "grants" },
	{ "GET", "/skr/admin/units", units_fn, R_STAFF, ACC_STAFF_ADMIN,
	  "units" },
	{ "GET", "/skr/audit", audit_fn, R_STAFF, ACC_AUDIT, "audit" },
	{ "GET", "/skr/help", help_index_fn, R_STAFF | R_NODE, 0, "index" },
	{ "GET", "/skr/help/:topic", help_topic_fn, R_STAFF | R_NODE, 0,
	  "index" },
};

static const char *const templates[] = {
	"skr/dashboard.cs",
	"skr/today.cs",
	"skr/week.cs",
	"skr/signin.cs",
	"skr/staff-list.cs",
	"skr/staff-new.cs",
	"skr/staff-edit.cs",
	"skr/grants.cs",
	"skr/units.cs",
	"skr/audit.cs",
	"skr/help.cs",
	"skr/help-topic.cs",
	"mail/signin_failures.cs",
	NULL,
};

static const struct service skr = {
	.name = "skr",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.sessions = { &staff_session },
	.menu = access_menu_cards,
	.worker_init = help_init,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &skr);
}
