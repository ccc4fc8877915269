/* main.c: the risk program: analysts' pages (/skr/risk: re-inspection
 * orders, decisions and their outcomes) and the crossing officers' control
 * tasks (/skr/control) */
#include "access.h"
#include "exchange_ui.h"
#include "risk_ui.h"
#include "server.h"
#include "staff.h"

/* "new" and "decisions" come before "#id": the first route that matches
 * wins. */
static const struct route routes[] = {
	{ "GET", "/skr/risk", start_fn, R_STAFF, ACC_RISK, "risk" },
	{ "GET", "/skr/risk/reinspections/new", reinspect_new_fn, R_STAFF,
	  ACC_RISK, "risk" },
	{ "POST", "/skr/risk/reinspections/new", reinspect_create_fn,
	  R_STAFF | R_CSRF, ACC_RISK, "risk" },
	{ "POST", "/skr/risk/reinspections/#id/withdraw", reinspect_withdraw_fn,
	  R_STAFF | R_CSRF, ACC_RISK, "risk" },
	/* risk profiles: "new" before "#id" */
	{ "GET", "/skr/risk/profiles", profiles_fn, R_STAFF, ACC_RISK,
	  "risk-profiles" },
	{ "GET", "/skr/risk/profiles/new", profile_new_fn, R_STAFF, ACC_RISK,
	  "risk-profiles" },
	{ "POST", "/skr/risk/profiles/new", profile_create_fn, R_STAFF | R_CSRF,
	  ACC_RISK, "risk-profiles" },
	{ "GET", "/skr/risk/profiles/#id", profile_fn, R_STAFF, ACC_RISK,
	  "risk-profiles" },
	{ "POST", "/skr/risk/profiles/#id", profile_save_fn, R_STAFF | R_CSRF,
	  ACC_RISK, "risk-profiles" },
	{ "POST", "/skr/risk/profiles/#id/state", profile_state_fn,
	  R_STAFF | R_CSRF, ACC_RISK, "risk-profiles" },
	{ "POST", "/skr/risk/profiles/#id/approve", profile_approve_fn,
	  R_STAFF | R_CSRF, ACC_RISK, "risk-profiles" },
	{ "GET", "/skr/risk/profiles/#id/backtest", profile_backtest_fn,
	  R_STAFF, ACC_RISK, "risk-profiles" },
	{ "GET", "/skr/control", control_fn, R_STAFF | R_NODE, ACC_CONTROL,
	  "control-tasks" },
	{ "GET", "/skr/control/decisions/#id", decision_fn, R_STAFF | R_NODE,
	  ACC_DECISION, "control-decisions" },
	{ "GET", "/skr/control/#id", control_task_fn, R_STAFF | R_NODE,
	  ACC_CONTROL, "control-tasks" },
	{ "POST", "/skr/control/#id/close", control_close_fn,
	  R_STAFF | R_CSRF | R_NODE, ACC_CONTROL, "control-tasks" },
	{ "POST", "/skr/control/#id/note", control_note_fn,
	  R_STAFF | R_CSRF | R_NODE, ACC_CONTROL, "control-tasks" },
	/* Exchange with partner services (docs/exchange.md): machines post
	 * signed files, analysts read what came and export. */
	{ "POST", "/exchange/import", exchange_import_fn, R_NOSESSION, 0,
	  NULL },
	{ "GET", "/exchange/schema/risk-exchange.xsd", exchange_xsd_fn,
	  R_NOSESSION, 0, NULL },
	{ "GET", "/exchange/schema/risk-export.xsd", exchange_export_xsd_fn,
	  R_NOSESSION, 0, NULL },
	{ "GET", "/skr/risk/exchange", exchange_files_fn, R_STAFF, ACC_RISK,
	  "exchange" },
	{ "GET", "/skr/risk/exchange/#id", exchange_file_fn, R_STAFF, ACC_RISK,
	  "exchange" },
	{ "GET", "/skr/risk/export", export_form_fn, R_STAFF, ACC_RISK,
	  "exchange" },
	{ "POST", "/skr/risk/export", export_fn, R_STAFF | R_CSRF, ACC_RISK,
	  "exchange" },
};

static const char *const templates[] = {
	"risk/start.cs",	 "risk/reinspect-new.cs", "risk/control.cs",
	"risk/task.cs",		 "risk/decision.cs",	  "risk/profiles.cs",
	"risk/profile-new.cs",	 "risk/profile.cs",	  "risk/exchange.cs",
	"risk/exchange-file.cs", "risk/export.cs",	  NULL,
};

static const struct service risk = {
	.name = "risk",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	.sessions = { &staff_session },
	.menu = access_menu,
	.worker_init = exchange_ui_init,
	/* The exchange inbox (Services.risk.TickSeconds, default below). */
	.tick = exchange_inbox_tick,
	.tick_seconds = 10,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &risk);
}
