/* test-route.c: cmocka tests for lib/route.c: path patterns and typed
 * arguments, the kind of session and look serving a path, the table check
 * at start, and the router's answers that need no database (404, 405, 401,
 * 403, 415) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fake-fcgi.h"
#include "fake-req.h"
#include "resp.h"
#include "route.h"
#include "session.h"

/* ---- route_match ---- */

static void test_match_fills_id_segments(void **state)
{
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_true(route_match("/skr/staff/:id", "/skr/staff/12", &r));
	assert_int_equal(r.nargs, 1);
	assert_string_equal(r.args[0], "12");
	assert_true(route_match("/a/:x/b/:y/edit", "/a/one/b/two/edit", &r));
	assert_int_equal(r.nargs, 2);
	assert_string_equal(r.args[0], "one");
	assert_string_equal(r.args[1], "two");
	arena_reset(&r.arena);
}

static void test_match_without_req_only_answers(void **state)
{
	(void)state;
	assert_true(route_match("/skr/staff/:id", "/skr/staff/7", NULL));
	assert_false(route_match("/skr/staff/:id", "/skr/staff", NULL));
}

static void test_match_trailing_slash_is_a_different_path(void **state)
{
	(void)state;
	assert_true(route_match("/skr/", "/skr/", NULL));
	assert_false(route_match("/skr/", "/skr", NULL));
	assert_false(route_match("/skr", "/skr/", NULL));
	assert_false(route_match("/skr/staff/:id", "/skr/staff/12/", NULL));
	assert_false(route_match("/skr/staff/:id/", "/skr/staff/12", NULL));
	assert_true(route_match("/skr/staff/:id/", "/skr/staff/12/", NULL));
}

static void test_match_empty_segment_is_no_id(void **state)
{
	(void)state;
	assert_false(route_match("/skr/staff/:id", "/skr/staff/", NULL));
	assert_false(route_match("/a/:x/b", "/a//b", NULL));
}

static void test_no_match_on_prefix_either_way(void **state)
{
	(void)state;
	assert_false(route_match("/portal", "/portal/signin", NULL));
	assert_false(route_match("/portal/signin", "/portal", NULL));
	assert_false(route_match("/portal/signin", "/portal/signinx", NULL));
	assert_false(route_match("/", "/x", NULL));
	assert_false(
		route_match("/skr/staff/:id", "/skr/staff/12/roles", NULL));
	assert_true(route_match("/", "/", NULL));
}

static void test_match_refuses_more_args_than_req_holds(void **state)
{
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(REQ_MAXARGS, 4);
	assert_true(route_match("/:a/:b/:c/:d", "/1/2/3/4", &r));
	assert_int_equal(r.nargs, 4);
	assert_false(route_match("/:a/:b/:c/:d/:e", "/1/2/3/4/5", &r));
	arena_reset(&r.arena);
}

/* ---- "#x": a record id ---- */

static void test_match_id_segment_like_any_segment(void **state)
{
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	/* Matching takes any segment; whether it is an id is decided after
	 * the route's checks (route_dispatch), so "new" before "#id" still
	 * wins by order. */
	assert_true(route_match("/a/#id/b/:x", "/a/12/b/y", &r));
	assert_int_equal(r.nargs, 2);
	assert_string_equal(r.args[0], "12");
	assert_string_equal(r.args[1], "y");
	assert_true(route_match("/a/#id", "/a/new", NULL));
	assert_false(route_match("/a/#id", "/a/", NULL));
	assert_false(route_match("/a/#id", "/a/1/", NULL));
	arena_reset(&r.arena);
}

/* ---- route_dispatch: answers that need neither database nor templates
 * (JSON clients get their errors without a template) ---- */

static int calls;
static char last_arg[32];

static int ok_fn(struct req *r)
{
	calls++;
	snprintf(last_arg, sizeof(last_arg), "%s", r->nargs ? r->args[0] : "");
	return resp_send(r, 200, "text/plain", "ok", 2);
}

static int fail_fn(struct req *r)
{
	(void)r;
	calls++;
	return -1;
}

static int id_fn(struct req *r)
{
	calls++;
	snprintf(last_arg, sizeof(last_arg), "%lld/%lld", route_arg_id(r, 0),
		 route_arg_id(r, 1));
	return resp_send(r, 200, "text/plain", "ok", 2);
}

static const struct route routes[] = {
	{ "GET", "/things/:id", ok_fn, 0, 0, "things" },
	{ "POST", "/things/:id", ok_fn, R_CSRF, 0, NULL },
	{ "GET", "/broken", fail_fn, 0, 0, NULL },
	{ "GET", "/mine", ok_fn, R_SIGNIN, 0, NULL },
	{ "POST", "/mine", ok_fn, R_SIGNIN | R_CSRF, 0, NULL },
	{ "GET", "/items/new", ok_fn, 0, 0, NULL },
	{ "GET", "/items/#id", id_fn, 0, 0, NULL },
	{ "GET", "/items/#id/parts/#part", id_fn, 0, 0, NULL },
	{ "POST", "/items/#id", id_fn, R_CSRF, 0, NULL },
	{ "GET", "/desk/items/#id", id_fn, R_SIGNIN, 2, NULL },
};

static const struct service svc = {
	.name = "test",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.sessions = { &fake_member, &fake_clerk },
};

struct call {
	struct fake_fcgi f;
	struct req r;
	const char *out;
};

static void dispatch(struct call *c, const char *method, const char *path,
		     int raw_body)
{
	fake_init(&c->f, NULL, "", 0);
	fake_req_init(&c->r, method, path);
	c->r.fcgi = &c->f.fr;
	c->r.svc = &svc;
	c->r.want_json = 1;
	c->r.raw_body = raw_body;
	if (raw_body) {
		static struct field raw = { "", "<x/>", 4, "" };

		c->r.ffields = &raw;
		c->r.nf = 1;
	}
	calls = 0;
	route_dispatch(&c->r);
	c->out = fake_output(&c->f);
}

static void undispatch(struct call *c)
{
	fake_req_free(&c->r);
	fake_free(&c->f);
}

static void test_dispatch_calls_the_handler_with_args(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "GET", "/things/42", 0);
	assert_int_equal(calls, 1);
	assert_string_equal(last_arg, "42");
	assert_int_equal(c.r.status, 200);
	assert_non_null(strstr(c.out, "Status: 200 OK\r\n"));
	undispatch(&c);
	/* HEAD is answered by the GET route. */
	dispatch(&c, "HEAD", "/things/1", 0);
	assert_int_equal(calls, 1);
	assert_int_equal(c.r.status, 200);
	undispatch(&c);
}

/* The layout's Help link names the topic of the route that answers, set
 * before the handler (which may name another) and before any refusal. */
static void test_dispatch_sets_the_routes_help_topic(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "GET", "/things/42", 0);
	assert_string_equal(hdf_get_value(c.r.hdf, "Page.Help", ""), "things");
	undispatch(&c);
	dispatch(&c, "POST", "/things/42", 0); /* no topic; refused (CSRF) */
	assert_null(hdf_get_value(c.r.hdf, "Page.Help", NULL));
	undispatch(&c);
	dispatch(&c, "GET", "/nothing", 0);
	assert_null(hdf_get_value(c.r.hdf, "Page.Help", NULL));
	undispatch(&c);
}

static void test_dispatch_unknown_path_is_404(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "GET", "/nothing", 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 404);
	assert_non_null(strstr(c.out, "\"error\":\"not_found\""));
	undispatch(&c);
}

static void test_dispatch_wrong_method_is_405_with_allow(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "DELETE", "/things/1", 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 405);
	assert_non_null(strstr(c.out, "Allow: GET, POST\r\n"));
	assert_non_null(strstr(c.out, "\"error\":\"method\""));
	undispatch(&c);
	dispatch(&c, "POST", "/broken", 0);
	assert_int_equal(c.r.status, 405);
	assert_non_null(strstr(c.out, "Allow: GET\r\n"));
	undispatch(&c);
}

static void test_dispatch_csrf_route_without_token_is_403(void **state)
{
	struct call c;

	(void)state;
	csrf_set_secret(NULL);
	dispatch(&c, "POST", "/things/1", 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 403);
	assert_non_null(strstr(c.out, "\"error\":\"csrf\""));
	undispatch(&c);
}

static void test_dispatch_csrf_route_with_non_form_body_is_415(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "POST", "/things/1", 1);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 415);
	assert_non_null(strstr(c.out, "\"error\":\"media_type\""));
	undispatch(&c);
}

static void test_dispatch_failed_handler_is_500(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "GET", "/broken", 0);
	assert_int_equal(calls, 1);
	assert_int_equal(c.r.status, 500);
	undispatch(&c);
}

static void test_dispatch_page_without_session_goes_to_signin(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "GET", "/mine", 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 303);
	assert_non_null(strstr(c.out, "Location: /signin?next=/mine\r\n"));
	undispatch(&c);
}

static void test_dispatch_post_without_session_is_401(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "POST", "/mine", 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 401);
	assert_non_null(strstr(c.out, "\"error\":\"signin_required\""));
	undispatch(&c);
}

/* ---- typed arguments through the router ---- */

static void expect_id(const char *path, const char *want)
{
	struct call c;

	dispatch(&c, "GET", path, 0);
	assert_int_equal(calls, 1);
	assert_int_equal(c.r.status, 200);
	assert_string_equal(last_arg, want);
	undispatch(&c);
}

static void expect_404(const char *method, const char *path)
{
	struct call c;

	dispatch(&c, method, path, 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 404);
	assert_non_null(strstr(c.out, "\"error\":\"not_found\""));
	undispatch(&c);
}

static void test_dispatch_passes_ids_parsed(void **state)
{
	(void)state;
	expect_id("/items/42", "42/0");
	expect_id("/items/7/parts/9", "7/9");
	expect_id("/items/999999999999999999", "999999999999999999/0");
	expect_id("/items/1", "1/0");
	/* A literal route listed first still wins. */
	expect_id("/items/new", "");
}

static void test_dispatch_answers_404_for_what_is_no_id(void **state)
{
	static const char *const bad[] = {
		"/items/0",
		"/items/007",
		"/items/-1",
		"/items/+1",
		"/items/ 1",
		"/items/1x",
		"/items/x1",
		"/items/1.0",
		"/items/1e3",
		"/items/0x10",
		"/items/1000000000000000000", /* 19 digits */
		"/items/99999999999999999999",
		"/items/7/parts/0",
		"/items/0/parts/7",
		"/items/edit",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_404("GET", bad[i]);
}

static void test_dispatch_checks_come_before_the_id(void **state)
{
	struct call c;

	(void)state;
	/* No CSRF token: refused as such, whatever the id. */
	csrf_set_secret(NULL);
	dispatch(&c, "POST", "/items/abc", 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 403);
	undispatch(&c);
	/* A page that needs a sign-in sends one there first: an id tells
	 * nobody anything before that. */
	dispatch(&c, "GET", "/desk/items/abc", 0);
	assert_int_equal(calls, 0);
	assert_int_equal(c.r.status, 303);
	assert_non_null(strstr(
		c.out, "Location: /desk/signin?next=/desk/items/abc\r\n"));
	undispatch(&c);
}

static void test_arg_id_of_other_arguments_is_zero(void **state)
{
	struct call c;

	(void)state;
	dispatch(&c, "GET", "/things/42", 0);
	assert_int_equal(c.r.status, 200);
	assert_int_equal(route_arg_id(&c.r, 0), 0); /* ":id" */
	assert_int_equal(route_arg_id(&c.r, 1), 0);
	assert_int_equal(route_arg_id(&c.r, -1), 0);
	undispatch(&c);
}

/* ---- the kind of session and the look serving a path ---- */

static const struct service desk_only = {
	.name = "desk",
	.routes = routes,
	.nroutes = 0,
	.sessions = { &fake_clerk },
};

static void test_kind_is_the_longest_path_prefix(void **state)
{
	(void)state;
	assert_ptr_equal(route_kind(&svc, "/"), &fake_member);
	assert_ptr_equal(route_kind(&svc, "/things/1"), &fake_member);
	assert_ptr_equal(route_kind(&svc, "/desk/"), &fake_clerk);
	assert_ptr_equal(route_kind(&svc, "/desk/items/1"), &fake_clerk);
	/* The cookie's Path is "/desk/": "/desk" and "/desks" are not
	 * under it. */
	assert_ptr_equal(route_kind(&svc, "/desk"), &fake_member);
	assert_ptr_equal(route_kind(&svc, "/desks/1"), &fake_member);
	assert_ptr_equal(route_kind(&desk_only, "/desk/x"), &fake_clerk);
	assert_null(route_kind(&desk_only, "/api/x"));
	assert_null(route_kind(&desk_only, "/"));
}

static void look_of(const struct service *s, const char *path, const char *look,
		    const char *home)
{
	struct req r;

	fake_req_init(&r, "GET", path);
	r.svc = s;
	route_look(&r);
	if (look) {
		assert_string_equal(hdf_get_value(r.hdf, "Page.Look", ""),
				    look);
		assert_string_equal(hdf_get_value(r.hdf, "Page.Home", ""),
				    home);
	} else {
		assert_null(hdf_get_value(r.hdf, "Page.Look", NULL));
		assert_null(hdf_get_value(r.hdf, "Page.Home", NULL));
	}
	fake_req_free(&r);
}

static void test_look_follows_the_path_on_every_answer(void **state)
{
	struct call c;

	(void)state;
	look_of(&svc, "/things/1", "plain", "/");
	look_of(&svc, "/desk/items/1", "desk", "/desk/");
	/* No route at all: the look still follows the path. */
	look_of(&svc, "/desk/no/such/page", "desk", "/desk/");
	look_of(&desk_only, "/api/x", NULL, NULL);
	/* The router's own 404 under /desk/ knows its kind. */
	dispatch(&c, "GET", "/desk/nothing", 0);
	assert_int_equal(c.r.status, 404);
	assert_ptr_equal(route_kind(c.r.svc, c.r.path), &fake_clerk);
	undispatch(&c);
}

/* ---- route_check: the table against its kinds, at start ---- */

static int check_of(const struct route *rt, size_t n,
		    const struct session_kind *k1,
		    const struct session_kind *k2)
{
	struct service s = { .name = "t", .routes = rt, .nroutes = n };

	s.sessions[0] = k1;
	s.sessions[1] = k2;
	return route_check(&s);
}

static void test_check_accepts_a_consistent_table(void **state)
{
	(void)state;
	assert_int_equal(route_check(&svc), 0);
}

static void test_check_refuses_what_fails_every_request(void **state)
{
	static const struct route signin_nowhere[] = {
		{ "GET", "/api/me", ok_fn, R_SIGNIN, 0, NULL },
	};
	static const struct route roles_of_nobody[] = {
		{ "GET", "/mine", ok_fn, R_SIGNIN, 1, NULL },
	};
	static const struct route roles_without_signin[] = {
		{ "GET", "/desk/x", ok_fn, 0, 1, NULL },
	};
	static const struct route fine[] = {
		{ "GET", "/desk/#id", ok_fn, R_SIGNIN, 1, NULL },
		{ "GET", "/api/x", ok_fn, R_NOSESSION, 0, NULL },
	};

	(void)state;
	/* A sign-in no kind of the program serves. */
	assert_int_equal(check_of(signin_nowhere, 1, &fake_clerk, NULL), -1);
	assert_int_equal(check_of(signin_nowhere, 1, &fake_member, NULL), 0);
	/* Roles on a kind that has none (a bit the wrong kind would never
	 * hold), or on a route that needs no session. */
	assert_int_equal(
		check_of(roles_of_nobody, 1, &fake_member, &fake_clerk), -1);
	assert_int_equal(check_of(roles_without_signin, 1, &fake_clerk, NULL),
			 -1);
	assert_int_equal(check_of(fine, 2, &fake_clerk, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_fills_id_segments),
		cmocka_unit_test(test_match_without_req_only_answers),
		cmocka_unit_test(test_match_trailing_slash_is_a_different_path),
		cmocka_unit_test(test_match_empty_segment_is_no_id),
		cmocka_unit_test(test_no_match_on_prefix_either_way),
		cmocka_unit_test(test_match_refuses_more_args_than_req_holds),
		cmocka_unit_test(test_match_id_segment_like_any_segment),
		cmocka_unit_test(test_dispatch_calls_the_handler_with_args),
		cmocka_unit_test(test_dispatch_sets_the_routes_help_topic),
		cmocka_unit_test(test_dispatch_unknown_path_is_404),
		cmocka_unit_test(test_dispatch_wrong_method_is_405_with_allow),
		cmocka_unit_test(test_dispatch_csrf_route_without_token_is_403),
		cmocka_unit_test(
			test_dispatch_csrf_route_with_non_form_body_is_415),
		cmocka_unit_test(test_dispatch_failed_handler_is_500),
		cmocka_unit_test(
			test_dispatch_page_without_session_goes_to_signin),
		cmocka_unit_test(test_dispatch_post_without_session_is_401),
		cmocka_unit_test(test_dispatch_passes_ids_parsed),
		cmocka_unit_test(test_dispatch_answers_404_for_what_is_no_id),
		cmocka_unit_test(test_dispatch_checks_come_before_the_id),
		cmocka_unit_test(test_arg_id_of_other_arguments_is_zero),
		cmocka_unit_test(test_kind_is_the_longest_path_prefix),
		cmocka_unit_test(test_look_follows_the_path_on_every_answer),
		cmocka_unit_test(test_check_accepts_a_consistent_table),
		cmocka_unit_test(test_check_refuses_what_fails_every_request),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
