/* main.c: the portal program (PUESC): home page, portal accounts, health,
 * metrics and the development outbox */
#include "access.h"
#include "accounts.h"
#include "metrics.h"
#include "outbox.h"
#include "portal.h"
#include "server.h"

static const struct route routes[] = {
	{ "GET", "/", home_fn, 0, 0, NULL },
	{ "GET", "/portal/signup", signup_form_fn, 0, 0, NULL },
	{ "POST", "/portal/signup", signup_fn, R_CSRF, 0, NULL },
	{ "GET", "/portal/signup/sent", signup_sent_fn, 0, 0, NULL },
	{ "GET", "/portal/confirm", confirm_form_fn, 0, 0, NULL },
	{ "POST", "/portal/confirm", confirm_fn, R_CSRF, 0, NULL },
	{ "GET", "/portal/signin", signin_form_fn, 0, 0, NULL },
	{ "POST", "/portal/signin", signin_fn, R_CSRF, 0, NULL },
	{ "POST", "/portal/signout", signout_fn, R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/portal/account", account_fn, R_PORTAL, 0, NULL },
	{ "POST", "/portal/password", password_fn, R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/portal/reset", reset_form_fn, 0, 0, NULL },
	{ "POST", "/portal/reset", reset_fn, R_CSRF, 0, NULL },
	{ "GET", "/portal/reset/sent", reset_sent_fn, 0, 0, NULL },
	{ "GET", "/portal/reset/confirm", reset_confirm_form_fn, 0, 0, NULL },
	{ "POST", "/portal/reset/confirm", reset_confirm_fn, R_CSRF, 0, NULL },
	{ "GET", "/health", health_fn, R_NOSESSION | R_NODE, 0, NULL },
	{ "GET", "/metrics", metrics_fn, R_NOSESSION | R_NODE, 0, NULL },
	{ "GET", "/dev/outbox", outbox_fn, R_NOSESSION | R_NODE, 0, NULL },
};

static const char *const templates[] = {
	"portal/home.cs",	   "portal/signup.cs",	 "portal/signin.cs",
	"portal/confirm.cs",	   "portal/account.cs",	 "portal/reset.cs",
	"portal/reset_confirm.cs", "portal/message.cs",	 "mail/confirm.cs",
	"mail/reset.cs",	   "mail/reset_none.cs", "mail/signup_taken.cs",
	"mail/signin_failures.cs", "dev/outbox.cs",	 NULL,
};

static const struct service portal = {
	.name = "portal",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.sessions = { &portal_session },
	.menu = access_menu,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &portal);
}
