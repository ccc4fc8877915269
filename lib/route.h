/* route.h: a service is a table of routes; the router checks method,
 * session, role and CSRF token before a handler runs */
#ifndef ZSOG_ROUTE_H
#define ZSOG_ROUTE_H

#include "req.h"

enum route_flag {
	R_PORTAL = 1 << 0,	/* needs a signed-in portal account */
	R_STAFF = 1 << 1,	/* needs a signed-in staff account */
	R_CSRF = 1 << 2,	/* changes state: the form carries the token */
	R_NOSESSION = 1 << 3,	/* never looks a session up (health, static-like) */
};

/* Staff roles; a staff route lists the roles of which any one suffices. */
enum role {
	ROLE_ADMIN = 1 << 0,
	ROLE_REGISTRATION = 1 << 1,
	ROLE_CROSSING = 1 << 2,
	ROLE_RISK = 1 << 3,
	ROLE_FLEET = 1 << 4,
	ROLE_AUDITOR = 1 << 5,
	ROLE_WATCHLIST = 1 << 6,
	ROLE__ALL = (1 << 7) - 1
};

/* The roles the alert pages open to (the ingest program's routes); the skr
 * start page links alerts only for them. */
#define ROLES_ALERTS (ROLE_CROSSING | ROLE_RISK | ROLE_WATCHLIST | ROLE_ADMIN)

/* Handlers fill r->hdf and finish with view_render() or resp_*(); they
 * return 0, or -1 when something failed that the user cannot fix (the
 * router then answers 500 if nothing was sent yet). */
typedef int (*handler_fn)(struct req *r);

struct route {
	const char *method;
	const char *pattern;	/* "/skr/staff/:id": ":x" matches a segment */
	handler_fn fn;
	unsigned flags;
	unsigned roles;		/* with R_STAFF: any of these; 0 = any staff */
};

struct service {
	const char *name;	/* log tag, database account, metrics label */
	const struct route *routes;
	size_t nroutes;
	const char *const *templates;	/* parsed once per worker, NULL-ended */
	enum session_kind session;	/* the kind public pages look up */
	int (*worker_init)(void);
	/* EPOCH_BIT()s of the shared data any of its non-GET requests may
	 * change: bumped before each such answer goes out (epoch.h), so no
	 * program serves a cached copy of it after the user saw "done". */
	unsigned write_epochs;
	/* Background work (eBT's no-show sweep): run in a process of its own
	 * beside the workers, every tick_seconds, with the program's database
	 * account; respawned and stopped like a worker. */
	void (*tick)(void);
	int tick_seconds;
	/* Fills the layout's menu (Menu.*) for the signed-in account before
	 * a page is drawn: the domain decides what the account may open. */
	void (*menu)(struct req *r);
	/* Path prefixes of the program's staff pages (NULL-ended): a request
	 * under one that matches no route (404, 405) still wears the staff
	 * look; a matched route wears it when it has R_STAFF. */
	const char *const *staff_prefixes;
};

/* Matches path against pattern, filling r->args; 1 on match. */
int route_match(const char *pattern, const char *path, struct req *r);
/* Answers one parsed request through the service's table. */
void route_dispatch(struct req *r);

unsigned role_bit(const char *name);
const char *role_name(unsigned bit);

#endif
