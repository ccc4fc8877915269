/* test-csrf.c: cmocka tests for the CSRF tokens in lib/session.c */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "fake-req.h"
#include "session.h"

#define SECRET_A \
	"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define SECRET_B \
	"ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define ANON "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define ANON2 "1123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void test_compute_is_hmac_sha256_of_the_key(void **state)
{
	char t[65];

	(void)state;
	csrf_set_secret(SECRET_A);
	csrf_compute("abc", t);
	/* HMAC-SHA256(secret 00..1f, "csrf:abc"), from Python's hmac. */
	assert_string_equal(t, "a4619b4dd7befc2a98b6da19ddb032b5"
			       "dfee1387475f10c1e02139e3bdbd6966");
}

static void test_compute_deterministic_per_key_and_secret(void **state)
{
	char a1[65], a2[65], b[65], other[65];

	(void)state;
	csrf_set_secret(SECRET_A);
	csrf_compute(ANON, a1);
	csrf_compute(ANON, a2);
	assert_string_equal(a1, a2);
	csrf_compute(ANON2, other);
	assert_string_not_equal(a1, other);
	csrf_set_secret(SECRET_B);
	csrf_compute(ANON, b);
	assert_string_not_equal(a1, b);
	csrf_set_secret(SECRET_A);
	csrf_compute(ANON, a2);
	assert_string_equal(a1, a2);
}

static void test_malformed_secret_falls_back_to_a_random_one(void **state)
{
	char a[65], x[65], y[65];

	(void)state;
	csrf_set_secret(SECRET_A);
	csrf_compute("k", a);
	csrf_set_secret("zz"); /* not 64 hex digits */
	csrf_compute("k", x);
	assert_string_not_equal(a, x);
	csrf_set_secret(NULL);
	csrf_compute("k", y);
	assert_string_not_equal(x, y);
}

struct post {
	struct req r;
	struct field f[2];
};

static void post(struct post *p, const char *cookie, const char *token)
{
	memset(p, 0, sizeof(*p));
	p->r.method = "POST";
	p->r.cookie_hdr = cookie;
	p->r.ffields = p->f;
	if (token) {
		p->f[0] = (struct field){ "csrf", token, strlen(token), NULL };
		p->r.nf = 1;
	}
}

static void post_done(struct post *p)
{
	buf_free(&p->r.headers);
	arena_reset(&p->r.arena);
}

static void test_check_accepts_the_token_of_the_anonymous_cookie(void **state)
{
	struct post p;
	char t[65];

	(void)state;
	csrf_set_secret(SECRET_A);
	csrf_compute(ANON, t);
	post(&p, "lang=en; zsog_anon=" ANON, t);
	assert_true(csrf_check(&p.r));
	post_done(&p);
}

static void test_check_refuses_wrong_short_and_missing_tokens(void **state)
{
	struct post p;
	char t[65], wrong[65], shortt[65];

	(void)state;
	csrf_set_secret(SECRET_A);
	csrf_compute(ANON, t);
	memcpy(wrong, t, sizeof(t));
	wrong[10] = wrong[10] == 'a' ? 'b' : 'a';
	memcpy(shortt, t, 63);
	shortt[63] = '\0';

	post(&p, "zsog_anon=" ANON, wrong);
	assert_false(csrf_check(&p.r));
	post_done(&p);
	post(&p, "zsog_anon=" ANON, shortt);
	assert_false(csrf_check(&p.r));
	post_done(&p);
	post(&p, "zsog_anon=" ANON, "");
	assert_false(csrf_check(&p.r));
	post_done(&p);
	post(&p, "zsog_anon=" ANON, NULL);
	assert_false(csrf_check(&p.r));
	post_done(&p);
	/* Right token, but one character longer. */
	{
		char longer[66];

		snprintf(longer, sizeof(longer), "%s0", t);
		post(&p, "zsog_anon=" ANON, longer);
		assert_false(csrf_check(&p.r));
		post_done(&p);
	}
}

static void test_check_refuses_a_token_of_another_key(void **state)
{
	struct post p;
	char t[65];

	(void)state;
	csrf_set_secret(SECRET_A);
	csrf_compute(ANON, t);
	/* another browser's cookie */
	post(&p, "zsog_anon=" ANON2, t);
	assert_false(csrf_check(&p.r));
	post_done(&p);
	/* no cookie at all: nothing to check against */
	post(&p, NULL, t);
	assert_false(csrf_check(&p.r));
	post_done(&p);
	/* a cookie that is not 64 characters is no key */
	post(&p, "zsog_anon=0123", t);
	assert_false(csrf_check(&p.r));
	post_done(&p);
	/* a cookie named like it but longer is another cookie */
	post(&p, "xzsog_anon=" ANON, t);
	assert_false(csrf_check(&p.r));
	post_done(&p);
}

static void test_signed_in_token_is_keyed_by_the_session(void **state)
{
	struct post p;
	char anon_t[65], sess_t[65];
	const char *sess = ANON2;

	(void)state;
	csrf_set_secret(SECRET_A);
	csrf_compute(ANON, anon_t);
	csrf_compute(sess, sess_t);
	/* After sign-in, the pre-sign-in token no longer counts. */
	post(&p, "zsog_anon=" ANON, anon_t);
	p.r.sess.kind = &fake_member;
	snprintf(p.r.sess.token, sizeof(p.r.sess.token), "%s", sess);
	assert_false(csrf_check(&p.r));
	post_done(&p);
	post(&p, "zsog_anon=" ANON, sess_t);
	p.r.sess.kind = &fake_member;
	snprintf(p.r.sess.token, sizeof(p.r.sess.token), "%s", sess);
	assert_true(csrf_check(&p.r));
	post_done(&p);
}

static void test_token_makes_an_anonymous_cookie_that_checks(void **state)
{
	struct post p;
	const char *t1, *t2, *set;
	char cookie[200];

	(void)state;
	csrf_set_secret(SECRET_A);
	post(&p, NULL, NULL);
	t1 = csrf_token(&p.r);
	assert_int_equal(strlen(t1), 64);
	set = strstr(p.r.headers.p, "Set-Cookie: zsog_anon=");
	assert_non_null(set);
	assert_non_null(strstr(p.r.headers.p, "HttpOnly"));
	/* The same request asks again: same token, no second cookie. */
	t2 = csrf_token(&p.r);
	assert_string_equal(t1, t2);
	assert_null(strstr(set + 1, "Set-Cookie: zsog_anon="));
	/* The browser sends the cookie back with the token. */
	snprintf(cookie, sizeof(cookie), "zsog_anon=%.64s",
		 set + strlen("Set-Cookie: zsog_anon="));
	{
		struct post back;

		post(&back, cookie, t1);
		assert_true(csrf_check(&back.r));
		post_done(&back);
	}
	post_done(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compute_is_hmac_sha256_of_the_key),
		cmocka_unit_test(test_compute_deterministic_per_key_and_secret),
		cmocka_unit_test(
			test_malformed_secret_falls_back_to_a_random_one),
		cmocka_unit_test(
			test_check_accepts_the_token_of_the_anonymous_cookie),
		cmocka_unit_test(
			test_check_refuses_wrong_short_and_missing_tokens),
		cmocka_unit_test(test_check_refuses_a_token_of_another_key),
		cmocka_unit_test(test_signed_in_token_is_keyed_by_the_session),
		cmocka_unit_test(
			test_token_makes_an_anonymous_cookie_that_checks),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
