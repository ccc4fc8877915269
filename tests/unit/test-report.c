/* test-report.c: cmocka tests for the pure parts of the eBT, alert and
 * control rollups (domain/report_counts.c): the histogram buckets, the
 * Warsaw day and month of a UTC time, and p50/p90 read from a histogram,
 * which must equal the exact percentile of the raw durations rounded down
 * to its bucket (a hand-made set). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report.h"

static void test_buckets(void **state)
{
	(void)state;
	assert_int_equal(report_bucket(-5), 0);
	assert_int_equal(report_bucket(0), 0);
	assert_int_equal(report_bucket(59), 0);
	assert_int_equal(report_bucket(60), 1);
	assert_int_equal(report_bucket(7199), 119);
	assert_int_equal(report_bucket(7200), 120);
	assert_int_equal(report_bucket(7499), 120);
	assert_int_equal(report_bucket(7500), 125);
	assert_int_equal(report_bucket(86399), 1435);
	assert_int_equal(report_bucket(86400), REPORT_LONGER);
	assert_int_equal(report_bucket(10000000), REPORT_LONGER);
	/* Every bucket has its own index, in order, and back. */
	for (int i = 0; i < REPORT_NBUCKETS; i++) {
		assert_int_equal(report_bucket_index(report_bucket_of_index(i)),
				 i);
		if (i)
			assert_true(report_bucket_of_index(i) >
				    report_bucket_of_index(i - 1));
	}
	assert_int_equal(report_bucket_of_index(REPORT_NBUCKETS - 1),
			 REPORT_LONGER);
}

static void test_warsaw_day_and_month(void **state)
{
	char d[11];

	(void)state;
	/* 2026-03-28 23:30 UTC is 00:30 CET on the 29th. */
	report_day(1774740600LL, d);
	assert_string_equal(d, "2026-03-29");
	/* 2026-07-31 22:30 UTC is 00:30 CEST on 1 August. */
	report_day(1785537000LL, d);
	assert_string_equal(d, "2026-08-01");
	report_month(1785537000LL, d);
	assert_string_equal(d, "2026-08-01");
	/* 2026-07-31 21:30 UTC: still July in Warsaw. */
	report_month(1785533400LL, d);
	assert_string_equal(d, "2026-07-01");
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* The value at rank ceil(pct/100 * n) of the sorted set. */
static long long exact(long long *v, int n, int pct)
{
	long long rank = ((long long)n * pct + 99) / 100;

	qsort(v, (size_t)n, sizeof(v[0]), cmp_ll);
	return v[(rank < 1 ? 1 : rank) - 1];
}

static void check(long long *secs, int n)
{
	struct report_hist h;
	int pct[] = { 50, 90 };

	memset(&h, 0, sizeof(h));
	for (int i = 0; i < n; i++)
		report_hist_add(&h, report_bucket(secs[i]), 1);
	for (int k = 0; k < 2; k++)
		assert_int_equal(report_hist_pct(&h, pct[k]),
				 report_bucket(exact(secs, n, pct[k])));
}

static void test_percentiles_from_the_histogram(void **state)
{
	/* Waits in seconds: minutes, the five-minute range, beyond a day. */
	long long waits[] = { 30,   95,	  61,	 600,	 601,  659,  7300,
			      7600, 9000, 40000, 90000,	 120,  3599, 3600,
			      0,    59,	  86399, 200000, 7199, 7200 };
	long long one[] = { 4000 };
	long long two[] = { 100, 100000 };
	long long many[1000];
	struct report_hist empty;

	(void)state;
	check(waits, (int)(sizeof(waits) / sizeof(waits[0])));
	check(one, 1);
	check(two, 2);
	/* A pseudo-random set: every rank lands in the right bucket. */
	srand(15);
	for (int i = 0; i < 1000; i++)
		many[i] = rand() % 100000;
	check(many, 1000);
	for (int n = 1; n < 40; n++)
		check(many, n);
	memset(&empty, 0, sizeof(empty));
	assert_int_equal(report_hist_pct(&empty, 50), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buckets),
		cmocka_unit_test(test_warsaw_day_and_month),
		cmocka_unit_test(test_percentiles_from_the_histogram),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
