/* test-pagecache.c: the per-worker cache of rendered answers
 * (lib/pagecache.c): a hit gives back what was kept, a miss nothing; an
 * entry dies with its counter or its TTL; the budget in bytes drops the
 * least recently used first; keys of different readers, languages or
 * queries never meet; a Set-Cookie is never kept; a HEAD gets no body. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "epoch.h"
#include "fake-fcgi.h"
#include "pagecache.h"
#include "run-dir.h"

/* Two kinds as a module above the platform names them. */
enum { K_REPORT = EPOCH_FIRST_FREE, K_OTHER };

static int teardown(void **state)
{
	pagecache_free();
	return run_dir_teardown(state);
}

static int fresh(void **state)
{
	(void)state;
	pagecache_init(1 << 20);
	return 0;
}

/* The counter of K_REPORT noted now, as before a read. */
static const struct kept_stamp *noted(void)
{
	static struct kept_stamp s;

	s = kept_note(EPOCH_BIT(K_REPORT));
	return &s;
}

static struct pagecache_answer page(int status, const char *body)
{
	return (struct pagecache_answer){ .status = status,
					  .ctype = "text/html; charset=utf-8",
					  .headers = "",
					  .body = body,
					  .len = strlen(body) };
}

static void test_hit_gives_back_what_was_kept(void **state)
{
	struct pagecache_answer a = {
		.status = 200,
		.ctype = "text/csv; charset=utf-8",
		.headers = "Content-Disposition: attachment; "
			   "filename=\"t.csv\"\r\n",
		.body = "a,b\r\n1,2\r\n",
		.len = 10,
	};
	struct pagecache_answer got;
	time_t before = time(NULL);

	(void)state;
	pagecache_put("k1", noted(), 60000, &a);
	assert_int_equal(pagecache_get("k1", &got), 1);
	assert_int_equal(got.status, 200);
	assert_string_equal(got.ctype, "text/csv; charset=utf-8");
	assert_string_equal(got.headers, a.headers);
	assert_int_equal(got.len, 10);
	assert_memory_equal(got.body, "a,b\r\n1,2\r\n", 10);
	assert_true(got.made >= before && got.made <= time(NULL));
	assert_int_equal(pagecache_count(), 1);
}

static void test_miss_and_replace(void **state)
{
	struct pagecache_answer a = page(200, "one"), b = page(200, "two!"),
				got;

	(void)state;
	assert_int_equal(pagecache_get("nothing", &got), 0);
	pagecache_put("k", noted(), 60000, &a);
	pagecache_put("k", noted(), 60000, &b);
	assert_int_equal(pagecache_count(), 1);
	assert_int_equal(pagecache_get("k", &got), 1);
	assert_string_equal(got.body, "two!");
	/* a prefix of a key is another key */
	assert_int_equal(pagecache_get("", &got), 0);
	assert_int_equal(pagecache_get("kk", &got), 0);
}

static void test_counter_change_drops_it(void **state)
{
	struct pagecache_answer a = page(200, "x"), got;
	struct kept_stamp e = kept_note(EPOCH_BIT(K_REPORT));

	(void)state;
	pagecache_put("k", &e, 60000, &a);
	epoch_bump(K_OTHER); /* another kind: still served */
	assert_int_equal(pagecache_get("k", &got), 1);
	epoch_bump(K_REPORT);
	assert_int_equal(pagecache_get("k", &got), 0);
	assert_int_equal(pagecache_count(), 0);
	/* made under a counter read before a change: never served */
	pagecache_put("k", &e, 60000, &a);
	assert_int_equal(pagecache_get("k", &got), 0);
}

static void test_ttl_runs_out(void **state)
{
	struct pagecache_answer a = page(200, "x"), got;

	(void)state;
	pagecache_put("short", noted(), 40, &a);
	pagecache_put("long", noted(), 60000, &a);
	assert_int_equal(pagecache_get("short", &got), 1);
	usleep(80000);
	assert_int_equal(pagecache_get("short", &got), 0);
	assert_int_equal(pagecache_get("long", &got), 1);
	pagecache_put("none", noted(), 0, &a);
	assert_int_equal(pagecache_get("none", &got), 0);
}

static void test_budget_drops_least_recently_used(void **state)
{
	static char body[9000];
	struct pagecache_answer a, got;
	char key[16];

	(void)state;
	memset(body, 'x', sizeof(body) - 1);
	a = page(200, body);
	pagecache_init(40000); /* four bodies of 9,000 fit, five do not */
	for (int i = 0; i < 4; i++) {
		snprintf(key, sizeof(key), "p%d", i);
		pagecache_put(key, noted(), 60000, &a);
	}
	assert_int_equal(pagecache_count(), 4);
	assert_int_equal(pagecache_get("p0", &got), 1); /* p1 is oldest now */
	pagecache_put("p4", noted(), 60000, &a);
	assert_true(pagecache_bytes() <= 40000);
	assert_int_equal(pagecache_get("p1", &got), 0);
	assert_int_equal(pagecache_get("p0", &got), 1);
	assert_int_equal(pagecache_get("p2", &got), 1);
	assert_int_equal(pagecache_get("p4", &got), 1);
	/* more than a quarter of the budget is not kept, nothing dropped */
	static char big[12000];
	memset(big, 'y', sizeof(big) - 1);
	a = page(200, big);
	pagecache_put("big", noted(), 60000, &a);
	assert_int_equal(pagecache_get("big", &got), 0);
	assert_int_equal(pagecache_count(), 4);
	/* a budget of 0: off */
	pagecache_init(0);
	a = page(200, "x");
	pagecache_put("p", noted(), 60000, &a);
	assert_int_equal(pagecache_get("p", &got), 0);
}

static void test_set_cookie_never_kept(void **state)
{
	struct pagecache_answer a = page(200, "x"), got;

	(void)state;
	a.headers = "X-A: 1\r\nset-cookie: s=secret; Path=/\r\n";
	pagecache_put("c", noted(), 60000, &a);
	assert_int_equal(pagecache_get("c", &got), 0);
	assert_int_equal(pagecache_count(), 0);
}

static void req_with(struct req *r, struct field *q, size_t nq,
		     const char *lang)
{
	memset(r, 0, sizeof(*r));
	r->path = "/skr/reports/traffic";
	r->qfields = q;
	r->nq = nq;
	r->lang = lang;
}

static void test_key_isolates_readers_and_orders_the_query(void **state)
{
	struct field q1[] = { { "to", "2026-11-30", 10, NULL },
			      { "by", "day", 3, NULL },
			      { "lang", "en", 2, NULL },
			      { "from", "2026-11-01", 10, NULL } };
	struct field q2[] = { { "from", "2026-11-01", 10, NULL },
			      { "by", "day", 3, NULL },
			      { "to", "2026-11-30", 10, NULL } };
	/* a value holding the separators cannot pass for two fields */
	struct field q3[] = { { "by", "day&from=2026-11-01", 19, NULL },
			      { "to", "2026-11-30", 10, NULL } };
	struct field q4[] = { { "crossing", "PL01", 4, NULL },
			      { "crossing", "PL02", 4, NULL } };
	struct field q5[] = { { "crossing", "PL02", 4, NULL },
			      { "crossing", "PL01", 4, NULL } };
	struct pagecache_answer a = page(200, "unit 7"), got;
	struct req r;
	const char *k1, *k2, *k3, *other_unit, *other_lang, *k4, *k5;

	(void)state;
	req_with(&r, q1, 4, "en");
	k1 = pagecache_key(&r, "unit=7");
	assert_string_equal(
		k1, "/skr/reports/traffic?by=day&from=2026-11-01&to=2026-11-30"
		    "|en|unit=7");
	other_unit = pagecache_key(&r, "unit=8");
	req_with(&r, q2, 3, "en");
	k2 = pagecache_key(&r, "unit=7");
	assert_string_equal(k1, k2); /* the same query in another order */
	req_with(&r, q2, 3, "pl");
	other_lang = pagecache_key(&r, "unit=7");
	req_with(&r, q3, 2, "en");
	k3 = pagecache_key(&r, "unit=7");
	assert_string_not_equal(k3, k1);
	req_with(&r, q4, 2, "en");
	k4 = pagecache_key(&r, "unit=7");
	req_with(&r, q5, 2, "en");
	k5 = pagecache_key(&r, "unit=7");
	assert_string_not_equal(k4, k5); /* the first of a name counts */

	pagecache_put(k1, noted(), 60000, &a);
	assert_int_equal(pagecache_get(k2, &got), 1);
	assert_int_equal(pagecache_get(other_unit, &got), 0);
	assert_int_equal(pagecache_get(other_lang, &got), 0);
	assert_int_equal(pagecache_get(k3, &got), 0);
	arena_reset(&r.arena);
}

static void test_send_and_head_without_body(void **state)
{
	static const char *const get[] = { "REQUEST_METHOD=GET", NULL };
	static const char *const head[] = { "REQUEST_METHOD=HEAD", NULL };
	struct pagecache_answer a = {
		.status = 200,
		.ctype = "text/csv; charset=utf-8",
		.headers = "Content-Disposition: attachment\r\n",
		.body = "n\r\n1\r\n",
		.len = 6,
	};
	const char *const *envs[2] = { get, head };

	(void)state;
	for (int i = 0; i < 2; i++) {
		struct fake_fcgi f;
		struct req r;
		const char *out;

		fake_init(&f, envs[i], "", 0);
		memset(&r, 0, sizeof(r));
		r.fcgi = &f.fr;
		r.method = i ? "HEAD" : "GET";
		assert_int_equal(pagecache_send(&r, &a), 0);
		out = fake_output(&f);
		assert_non_null(strstr(out, "Status: 200 OK\r\n"));
		assert_non_null(strstr(out, "Content-Length: 6\r\n"));
		assert_non_null(
			strstr(out, "Content-Disposition: attachment\r\n"));
		assert_int_equal(strstr(out, "n\r\n1\r\n") != NULL, i == 0);
		buf_free(&r.headers);
		fake_free(&f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_hit_gives_back_what_was_kept,
				       fresh),
		cmocka_unit_test_setup(test_miss_and_replace, fresh),
		cmocka_unit_test_setup(test_counter_change_drops_it, fresh),
		cmocka_unit_test_setup(test_ttl_runs_out, fresh),
		cmocka_unit_test_setup(test_budget_drops_least_recently_used,
				       fresh),
		cmocka_unit_test_setup(test_set_cookie_never_kept, fresh),
		cmocka_unit_test_setup(
			test_key_isolates_readers_and_orders_the_query, fresh),
		cmocka_unit_test_setup(test_send_and_head_without_body, fresh),
	};

	return cmocka_run_group_tests(tests, run_dir_setup, teardown);
}
