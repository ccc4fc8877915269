/* test-session.c: cmocka tests for what lib/session.c decides before it
 * asks the database: which cookie is a session's, which tokens are worth a
 * look-up, a kind's role names, and that a signed-in request's CSRF key is
 * its session token.
 * Expiry itself lives in SQL and is tested over HTTP
 * (tests/http/test_core_bad_input.py). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <mysql.h>
#include <sodium.h>

#include "conf.h"
#include "db.h"
#include "fake-req.h"
#include "session.h"

#define TOKEN "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define SECRET \
	"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

static char conf_path[] = "/tmp/zsog-test-session-XXXXXX";

/* A configuration whose database socket does not exist: a look-up that
 * reaches the database fails (-1) instead of answering "not signed in"
 * (0), which tells the two apart without a server. */
static int setup(void **state)
{
	int fd = mkstemp(conf_path);
	static const char text[] =
		"Db.Socket = /nonexistent/zsog-test-session.sock\n"
		"Db.Name = zsog\n";

	(void)state;
	if (fd < 0 || write(fd, text, sizeof(text) - 1) < 0)
		return -1;
	close(fd);
	if (sodium_init() < 0 || mysql_library_init(0, NULL, NULL) ||
	    conf_load(conf_path) < 0)
		return -1;
	csrf_set_secret(SECRET);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close();
	conf_free();
	mysql_library_end();
	unlink(conf_path);
	return 0;
}

struct rq {
	struct req r;
};

static void rq_init(struct rq *q, const char *cookie)
{
	fake_req_init(&q->r, "GET", NULL);
	q->r.cookie_hdr = cookie;
}

static void rq_done(struct rq *q)
{
	fake_req_free(&q->r);
}

static void test_role_names_of_a_kind(void **state)
{
	(void)state;
	assert_int_equal(session_role_bit(&fake_clerk, "teller"), 1);
	assert_int_equal(session_role_bit(&fake_clerk, "audit"), 4);
	assert_string_equal(session_role_name(&fake_clerk, 2), "manager");
	/* Unknown names and bits, a mask of two, a kind without roles. */
	assert_int_equal(session_role_bit(&fake_clerk, "Teller"), 0);
	assert_int_equal(session_role_bit(&fake_clerk, ""), 0);
	assert_string_equal(session_role_name(&fake_clerk, 0), "");
	assert_string_equal(session_role_name(&fake_clerk, 3), "");
	assert_string_equal(session_role_name(&fake_clerk, 8), "");
	assert_int_equal(session_role_bit(&fake_member, "teller"), 0);
	assert_string_equal(session_role_name(&fake_member, 1), "");
}

static void expect_no_lookup(const char *cookie,
			     const struct session_kind *kind)
{
	struct rq q;

	rq_init(&q, cookie);
	q.r.sess.kind = &fake_clerk; /* stale value must be cleared */
	q.r.sess.id = 99;
	assert_int_equal(session_load(&q.r, kind), 0);
	assert_null(q.r.sess.kind);
	assert_int_equal(q.r.sess.id, 0);
	/* Nothing was looked up, so nothing "expired". */
	assert_null(hdf_get_value(q.r.hdf, "Page.SessionExpired", NULL));
	rq_done(&q);
}

static void test_no_cookie_is_signed_out_without_a_lookup(void **state)
{
	(void)state;
	expect_no_lookup(NULL, &fake_member);
	expect_no_lookup("lang=en", &fake_member);
}

static void test_token_of_wrong_length_is_not_looked_up(void **state)
{
	(void)state;
	expect_no_lookup("t_member=" TOKEN "0", &fake_member);
	expect_no_lookup("t_member=abc", &fake_member);
	expect_no_lookup("t_member=", &fake_member);
}

static void test_cookie_of_the_other_kind_is_not_used(void **state)
{
	(void)state;
	expect_no_lookup("t_clerk=" TOKEN, &fake_member);
	expect_no_lookup("t_member=" TOKEN, &fake_clerk);
}

static void test_cookie_name_suffix_does_not_match(void **state)
{
	(void)state;
	expect_no_lookup("xt_member=" TOKEN, &fake_member);
	expect_no_lookup("t_memberx=" TOKEN, &fake_member);
}

static void test_well_formed_token_reaches_the_database(void **state)
{
	struct rq q;

	(void)state;
	rq_init(&q, "lang=en; t_member=" TOKEN);
	/* The database is unreachable: an error, never "signed in". */
	assert_int_equal(session_load(&q.r, &fake_member), -1);
	assert_null(q.r.sess.kind);
	assert_int_equal(q.r.sess.account_id, 0);
	assert_null(hdf_get_value(q.r.hdf, "Session.Name", NULL));
	rq_done(&q);
}

static void test_end_without_a_session_does_nothing(void **state)
{
	struct rq q;

	(void)state;
	rq_init(&q, NULL);
	assert_int_equal(session_end(&q.r), 0);
	/* No cookie is cleared either. */
	assert_null(strstr(q.r.headers.p ? q.r.headers.p : "", "Set-Cookie"));
	rq_done(&q);
}

#define ANON "f123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void test_signed_in_csrf_key_is_the_session_token(void **state)
{
	struct rq q;
	struct field f;
	char want[65], anon_token[65];

	(void)state;
	csrf_compute(TOKEN, want);
	csrf_compute(ANON, anon_token);
	rq_init(&q, "zsog_anon=" ANON);
	q.r.method = "POST";
	q.r.sess.kind = &fake_member;
	snprintf(q.r.sess.token, sizeof(q.r.sess.token), "%s", TOKEN);
	assert_string_equal(csrf_token(&q.r), want);
	q.r.ffields = &f;
	q.r.nf = 1;
	f = (struct field){ "csrf", want, 64, NULL };
	assert_true(csrf_check(&q.r));
	/* The token of the anonymous cookie no longer counts once signed
	 * in: a token handed out before sign-in dies with it. */
	f = (struct field){ "csrf", anon_token, 64, NULL };
	assert_false(csrf_check(&q.r));
	rq_done(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_names_of_a_kind),
		cmocka_unit_test(test_no_cookie_is_signed_out_without_a_lookup),
		cmocka_unit_test(test_token_of_wrong_length_is_not_looked_up),
		cmocka_unit_test(test_cookie_of_the_other_kind_is_not_used),
		cmocka_unit_test(test_cookie_name_suffix_does_not_match),
		cmocka_unit_test(test_well_formed_token_reaches_the_database),
		cmocka_unit_test(test_end_without_a_session_does_nothing),
		cmocka_unit_test(test_signed_in_csrf_key_is_the_session_token),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
