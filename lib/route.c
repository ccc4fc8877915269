/* route.c: matching a path against the service's table and the checks
 * every route declares: method, session, role, CSRF token, typed args */
#include "route.h"

#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "log.h"
#include "resp.h"
#include "session.h"
#include "valid.h"
#include "view.h"

int route_match(const char *pattern, const char *path, struct req *r)
{
	const char *p = pattern, *s = path;
	int nargs = 0;

	while (*p && *s) {
		if (*p == ':' || *p == '#') {
			size_t n = strcspn(s, "/");

			if (n == 0 || nargs >= REQ_MAXARGS)
				return 0;
			if (r) {
				r->args[nargs] = arena_strndup(&r->arena, s, n);
				r->arg_ids[nargs] = 0;
			}
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

/* Parses the "#x" arguments of a matched route into r->arg_ids; 0 when
 * one is no id. */
static int read_ids(const char *pattern, struct req *r)
{
	int n = 0;

	for (const char *p = pattern; *p; p++) {
		if (*p != ':' && *p != '#')
			continue;
		if (*p == '#' && !(r->arg_ids[n] = valid_id(r->args[n])))
			return 0;
		n++;
	}
	return 1;
}

long long route_arg_id(const struct req *r, int n)
{
	return n >= 0 && n < r->nargs ? r->arg_ids[n] : 0;
}

const struct session_kind *route_kind(const struct service *svc,
				      const char *path)
{
	const struct session_kind *best = NULL;
	size_t best_len = 0;

	for (int i = 0; i < SERVICE_MAXKINDS && svc->sessions[i]; i++) {
		const struct session_kind *k = svc->sessions[i];
		size_t n = strlen(k->path);

		if (strncmp(path, k->path, n) == 0 && (!best || n > best_len)) {
			best = k;
			best_len = n;
		}
	}
	return best;
}

void route_look(struct req *r)
{
	/* A path that failed to decode (a 400) still has its prefix in the
	 * raw URI: nginx sent it here for that prefix. */
	const char *path = r->path   ? r->path
			   : r->fcgi ? req_env(r, "REQUEST_URI")
				     : NULL;
	const struct session_kind *k = route_kind(r->svc, path ? path : "/");

	if (!k)
		return;
	hdf_set_value(r->hdf, "Page.Look", k->look);
	hdf_set_value(r->hdf, "Page.Home", k->home);
}

int route_check(const struct service *svc)
{
	int rc = 0;

	for (size_t i = 0; i < svc->nroutes; i++) {
		const struct route *rt = &svc->routes[i];
		const struct session_kind *k;
		/* The literal part before the first argument. */
		char head[256];

		snprintf(head, sizeof(head), "%.*s",
			 (int)strcspn(rt->pattern, ":#"), rt->pattern);
		k = route_kind(svc, head);
		if (rt->roles && !(rt->flags & R_SIGNIN)) {
			log_err("route %s names roles but needs no sign-in",
				rt->pattern);
			rc = -1;
		}
		if ((rt->flags & R_SIGNIN) && !k) {
			log_err("route %s needs a sign-in but no session kind "
				"of %s serves it",
				rt->pattern, svc->name);
			rc = -1;
		} else if (rt->roles && (!k || !k->roles)) {
			log_err("route %s names roles its session kind lacks",
				rt->pattern);
			rc = -1;
		}
	}
	return rc;
}

static int same_method(const char *want, const char *got)
{
	return strcmp(want, got) == 0 ||
	       (strcmp(want, "GET") == 0 && strcmp(got, "HEAD") == 0);
}

static int need_session(struct req *r, const struct session_kind *kind)
{
	/* A page visit goes to the sign-in form and comes back after; a
	 * form post (e.g. after the session expired) is refused, since
	 * replaying it later would surprise the user. */
	if (strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0) {
		char *loc = arena_printf(&r->arena, "%s?next=%s", kind->signin,
					 r->path);

		/* The path came percent-decoded; only plain paths are worth
		 * returning to. */
		if (strpbrk(r->path, "?#& %"))
			loc = arena_strdup(&r->arena, kind->signin);
		return resp_redirect(r, loc);
	}
	return resp_error(r, 401,
			  hdf_get_value(r->hdf, "Page.SessionExpired", NULL)
				  ? "session_expired"
				  : "signin_required");
}

int route_on_node(void)
{
	return strcmp(conf_get("Cluster.Role", "centre"), "crossing") == 0;
}

void route_dispatch(struct req *r)
{
	const struct service *svc = r->svc;
	const struct route *rt = NULL;
	struct buf allow = { 0 };
	const struct session_kind *kind;
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
	/* Set before the checks: a refusal or a form with errors is where
	 * help is wanted most. */
	if (rt->help)
		hdf_set_value(r->hdf, "Page.Help", rt->help);
	/* A node serving one site: what is not done there is said so, not
	 * refused later by a grant of its database (a 500). 404: the page is
	 * not on this server, whoever asks. */
	if (!(rt->flags & R_NODE) && route_on_node()) {
		resp_error(r, 404, "centre_only");
		return;
	}

	kind = route_kind(svc, r->path);
	if ((rt->flags & R_SIGNIN) && !kind) {
		/* route_check refuses such a table at start. */
		resp_error(r, 500, "internal");
		return;
	}
	if (!(rt->flags & R_NOSESSION) && kind) {
		if (session_load(r, kind) < 0) {
			resp_error(r, 503, "unavailable");
			return;
		}
		hdf_set_value(r->hdf, "Page.Csrf", csrf_token(r));
		/* A signed-in person who switches language (?lang=, the
		 * layout's link) gets their mail in it from now on. */
		if (r->sess.kind == kind && r->lang_chosen &&
		    req_query(r, "lang"))
			session_remember_lang(r);
	}
	if ((rt->flags & R_SIGNIN) && r->sess.kind != kind) {
		need_session(r, kind);
		return;
	}
	if ((rt->flags & R_SIGNIN) && rt->roles &&
	    !(r->sess.roles & rt->roles)) {
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
	/* After the checks: an id of a page one may not open tells nothing. */
	if (!read_ids(rt->pattern, r)) {
		resp_error(r, 404, "not_found");
		return;
	}
	/* A database server lost under the handler: 503, "try again"; a
	 * COMMIT whose answer was lost: 503, "check whether it was done"
	 * (never run twice behind the client's back: lib/db.c). */
	if (rt->fn(r) < 0 && !r->sent)
		resp_error(r, db_unavailable() ? 503 : 500,
			   db_commit_unknown() ? "commit_unknown"
			   : db_unavailable()  ? "unavailable"
					       : "internal");
}
