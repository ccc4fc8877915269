/* route.c: matching a path against the service's table and the checks
 * every route declares: method, session, role, CSRF token */
#include "route.h"

#include <stdio.h>
#include <string.h>

#include "log.h"
#include "resp.h"
#include "session.h"
#include "view.h"

static const char *const role_names[] = {
	"admin", "registration", "crossing", "risk", "fleet", "auditor",
	"watchlist",
};

unsigned role_bit(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(role_names) / sizeof(role_names[0]); i++)
		if (strcmp(role_names[i], name) == 0)
			return 1u << i;
	return 0;
}

const char *role_name(unsigned bit)
{
	size_t i;

	for (i = 0; i < sizeof(role_names) / sizeof(role_names[0]); i++)
		if (bit == 1u << i)
			return role_names[i];
	return "";
}

int route_match(const char *pattern, const char *path, struct req *r)
{
	const char *p = pattern, *s = path;
	int nargs = 0;

	while (*p && *s) {
		if (*p == ':') {
			size_t n = strcspn(s, "/");

			if (n == 0 || nargs >= REQ_MAXARGS)
				return 0;
			if (r)
				r->args[nargs] =
					arena_strndup(&r->arena, s, n);
			nargs++;
			s += n;
			p += strcspn(p, "/");
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*p || *s)
		return 0;
	if (r)
		r->nargs = nargs;
	return 1;
}

static int same_method(const char *want, const char *got)
{
	return strcmp(want, got) == 0 ||
	       (strcmp(want, "GET") == 0 && strcmp(got, "HEAD") == 0);
}

static const char *signin_path(enum session_kind kind)
{
	return kind == SESS_STAFF ? "/skr/signin" : "/portal/signin";
}

static int need_session(struct req *r, enum session_kind kind)
{
	/* A page visit goes to the sign-in form and comes back after; a
	 * form post (e.g. after the session expired) is refused, since
	 * replaying it later would surprise the user. */
	if (strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0) {
		char *loc = arena_printf(&r->arena, "%s?next=%s",
					 signin_path(kind), r->path);

		/* The path came percent-decoded; only plain paths are worth
		 * returning to. */
		if (strpbrk(r->path, "?#& %"))
			loc = arena_strdup(&r->arena, signin_path(kind));
		return resp_redirect(r, loc);
	}
	return resp_error(r, 401,
			  hdf_get_value(r->hdf, "Page.SessionExpired", NULL)
				  ? "session_expired"
				  : "signin_required");
}

/* The look (portal or intranet) is the route's: staff routes and, for a
 * path no route answers, the program's staff prefixes. Set before any
 * answer, so error pages wear it too. */
static void set_look(struct req *r, const struct route *rt)
{
	const char *const *p;
	int staff = 0;

	if (rt)
		staff = (rt->flags & R_STAFF) != 0;
	else
		for (p = r->svc->staff_prefixes; p && *p && !staff; p++)
			staff = strncmp(r->path, *p, strlen(*p)) == 0;
	hdf_set_int_value(r->hdf, "Page.Staff", staff);
}

void route_dispatch(struct req *r)
{
	const struct service *svc = r->svc;
	const struct route *rt = NULL;
	struct buf allow = { 0 };
	enum session_kind kind;
	size_t i;

	for (i = 0; i < svc->nroutes; i++) {
		const struct route *c = &svc->routes[i];

		if (!route_match(c->pattern, r->path, NULL))
			continue;
		if (same_method(c->method, r->method)) {
			rt = c;
			break;
		}
		buf_printf(&allow, "%s%s", allow.len ? ", " : "", c->method);
	}
	set_look(r, rt);
	if (!rt) {
		if (allow.len) {
			resp_header(r, "Allow", allow.p);
			buf_free(&allow);
			resp_error(r, 405, "method");
		} else {
			resp_error(r, 404, "not_found");
		}
		return;
	}
	buf_free(&allow);
	route_match(rt->pattern, r->path, r);
	r->route = rt;

	kind = (rt->flags & R_STAFF)    ? SESS_STAFF
	       : (rt->flags & R_PORTAL) ? SESS_PORTAL
					: svc->session;
	if (!(rt->flags & R_NOSESSION) && kind != SESS_NONE) {
		if (session_load(r, kind) < 0) {
			resp_error(r, 503, "unavailable");
			return;
		}
		hdf_set_value(r->hdf, "Page.Csrf", csrf_token(r));
	}
	if ((rt->flags & (R_STAFF | R_PORTAL)) && r->sess.kind != kind) {
		need_session(r, kind);
		return;
	}
	if ((rt->flags & R_STAFF) && rt->roles && !(r->sess.roles & rt->roles)) {
		resp_error(r, 403, "role");
		return;
	}
	/* A route with a CSRF token reads a browser form; any other body
	 * type is not one it understands. */
	if ((rt->flags & R_CSRF) && r->raw_body) {
		resp_error(r, 415, "media_type");
		return;
	}
	if ((rt->flags & R_CSRF) && !csrf_check(r)) {
		log_warn("CSRF token missing or wrong on %s %s", r->method,
			 r->path);
		resp_error(r, 403, "csrf");
		return;
	}
	if (rt->fn(r) < 0 && !r->sent)
		resp_error(r, 500, "internal");
}
