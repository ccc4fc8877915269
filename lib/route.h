/* route.h: a service is a table of routes; the router checks method,
 * session, role, CSRF token and typed arguments before a handler runs */
#ifndef ZSOG_ROUTE_H
#define ZSOG_ROUTE_H

#include "req.h"

enum route_flag {
	/* Needs a signed-in session of the kind serving the path (struct
	 * service .sessions); with roles, one of them too. */
	R_SIGNIN = 1 << 0,
	R_CSRF = 1 << 1,      /* changes state: the form carries the token */
	R_NOSESSION = 1 << 2, /* never looks a session up (health, static) */
	/* Also served where the installation serves one site only
	 * (Cluster.Role = crossing: docs/operations.md); there every other
	 * route answers 404 "done at the centre" before touching the
	 * database, whose central tables are read-only on such a node. */
	R_NODE = 1 << 3,
};

/* Handlers fill r->hdf and finish with view_render() or resp_*(); they
 * return 0, or -1 when something failed that the user cannot fix (the
 * router then answers 500 if nothing was sent yet). */
typedef int (*handler_fn)(struct req *r);

/*
 * A pattern's segment ":x" matches any one path segment, "#x" a record id
 * (valid_id: 1 to 18 digits, no sign, space or leading zero). The router
 * answers 404 for an id that is none, after the route's other checks and
 * before its handler, which reads it with route_arg_id().
 */
struct route {
	const char *method;
	const char *pattern; /* "/things/#id", "/things/by-name/:name" */
	handler_fn fn;
	unsigned flags;
	unsigned roles; /* with R_SIGNIN: any of these; 0: anyone */
	/* The help topic of the page (docs/help/<lang>/<help>.md): the
	 * layout links the page's header to it (Page.Help). Every route of
	 * the intranet names one (tests/http/test_help.py). */
	const char *help;
};

#define SERVICE_MAXKINDS 4

struct service {
	const char *name; /* log tag, database account, metrics label */
	const struct route *routes;
	size_t nroutes;
	const char *const *templates; /* parsed once per worker, NULL-ended */
	/* The kinds of session its pages use; each request is served by the
	 * one whose path is the longest prefix of its own (session.h). */
	const struct session_kind *sessions[SERVICE_MAXKINDS];
	int (*worker_init)(void);
	/* EPOCH_BIT()s of the shared data any of its non-GET requests may
	 * change: bumped before each such answer goes out (epoch.h), so no
	 * program serves a cached copy of it after the user saw "done". */
	unsigned write_epochs;
	/* Background work (sweeping what fell due): run in a process of its
	 * own beside the workers, every tick_seconds, with the program's
	 * database account; respawned and stopped like a worker. 0, or -1
	 * when part of it failed (logged by the tick; counted on /metrics as
	 * zsog_tick_failures_total). What it left for the next tick it tells
	 * metrics_backlog(). */
	int (*tick)(void);
	int tick_seconds;
	/* Fills the layout's menu (Menu.*) for the signed-in account before
	 * a page is drawn: the domain decides what the account may open. */
	void (*menu)(struct req *r);
	/* The configuration key of the largest body its requests may send
	 * (NULL: Limits.MaxBody); nginx keeps the limit of each location. */
	const char *max_body_key;
};

/* 1 when this installation serves one site only (Cluster.Role =
 * crossing): routes without R_NODE are refused, menus offer less. */
int route_on_node(void);

/* Matches path against pattern, filling r->args; 1 on match. */
int route_match(const char *pattern, const char *path, struct req *r);
/* Answers one parsed request through the service's table. */
void route_dispatch(struct req *r);
/* The value of the n-th argument of a "#x" segment; 0 for any other. */
long long route_arg_id(const struct req *r, int n);
/* The kind of session serving path in svc, or NULL. */
const struct session_kind *route_kind(const struct service *svc,
				      const char *path);
/* Page.Look and Page.Home from the kind serving r->path, for every answer
 * including the router's and the parser's errors. */
void route_look(struct req *r);
/* At start: every route that needs a session or roles has a kind serving
 * its path, with role names if it names roles; 0, or -1 (logged). */
int route_check(const struct service *svc);

#endif
