/* test-route.c: cmocka tests for lib/route.c: path patterns, role names,
 * and the router's answers that need no database (404, 405, 401, 403, 415) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fake-fcgi.h"
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
	assert_false(route_match("/skr/staff/:id", "/skr/staff/12/roles", NULL));
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

/* ---- roles ---- */

static void test_role_bit_and_name_round_trip(void **state)
{
	unsigned seen = 0;

	(void)state;
	for (unsigned bit = 1; bit & ROLE__ALL; bit <<= 1) {
		const char *name = role_name(bit);

		assert_true(*name);
		assert_int_equal(role_bit(name), bit);
		seen |= bit;
	}
	assert_int_equal(seen, ROLE__ALL);
	assert_int_equal(role_bit("admin"), ROLE_ADMIN);
	assert_int_equal(role_bit("watchlist"), ROLE_WATCHLIST);
	assert_string_equal(role_name(ROLE_AUDITOR), "auditor");
}

static void test_role_unknown_names_and_bits(void **state)
{
	(void)state;
	assert_int_equal(role_bit("root"), 0);
	assert_int_equal(role_bit(""), 0);
	assert_int_equal(role_bit("Admin"), 0);
	assert_string_equal(role_name(0), "");
	assert_string_equal(role_name(ROLE_ADMIN | ROLE_RISK), "");
	assert_string_equal(role_name(ROLE__ALL + 1), "");
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

static const struct route routes[] = {
	{ "GET", "/things/:id", ok_fn, 0, 0 },
	{ "POST", "/things/:id", ok_fn, R_CSRF, 0 },
	{ "GET", "/broken", fail_fn, 0, 0 },
	{ "GET", "/mine", ok_fn, R_PORTAL, 0 },
	{ "POST", "/mine", ok_fn, R_PORTAL | R_CSRF, 0 },
};

static const struct service svc = {
	.name = "test",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.session = SESS_NONE,
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
	memset(&c->r, 0, sizeof(c->r));
	c->r.fcgi = &c->f.fr;
	c->r.svc = &svc;
	c->r.method = method;
	c->r.path = path;
	c->r.lang = "en";
	c->r.want_json = 1;
	c->r.raw_body = raw_body;
	if (raw_body) {
		static struct field raw = { "", "<x/>", 4, "" };

		c->r.ffields = &raw;
		c->r.nf = 1;
	}
	assert_int_equal(hdf_init(&c->r.hdf), STATUS_OK);
	calls = 0;
	route_dispatch(&c->r);
	c->out = fake_output(&c->f);
}

static void undispatch(struct call *c)
{
	hdf_destroy(&c->r.hdf);
	buf_free(&c->r.headers);
	arena_reset(&c->r.arena);
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
	assert_non_null(strstr(c.out, "Location: /portal/signin?next=/mine\r\n"));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_fills_id_segments),
		cmocka_unit_test(test_match_without_req_only_answers),
		cmocka_unit_test(test_match_trailing_slash_is_a_different_path),
		cmocka_unit_test(test_match_empty_segment_is_no_id),
		cmocka_unit_test(test_no_match_on_prefix_either_way),
		cmocka_unit_test(test_match_refuses_more_args_than_req_holds),
		cmocka_unit_test(test_role_bit_and_name_round_trip),
		cmocka_unit_test(test_role_unknown_names_and_bits),
		cmocka_unit_test(test_dispatch_calls_the_handler_with_args),
		cmocka_unit_test(test_dispatch_unknown_path_is_404),
		cmocka_unit_test(test_dispatch_wrong_method_is_405_with_allow),
		cmocka_unit_test(test_dispatch_csrf_route_without_token_is_403),
		cmocka_unit_test(test_dispatch_csrf_route_with_non_form_body_is_415),
		cmocka_unit_test(test_dispatch_failed_handler_is_500),
		cmocka_unit_test(test_dispatch_page_without_session_goes_to_signin),
		cmocka_unit_test(test_dispatch_post_without_session_is_401),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
