/* test-tzpl.c: cmocka tests for lib/tzpl.c (Polish civil time without the
 * tz database). Expected seconds come from Python's zoneinfo with
 * Europe/Warsaw (IANA tz data), computed outside the repo. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "tzpl.h"
#include "util.h"

static void test_to_utc(void **state)
{
	(void)state;
	/* Spring forward 2026-03-29: 01:00 CET, 02:00 does not exist,
	 * 03:00 CEST. */
	assert_int_equal(tzpl_to_utc(2026, 3, 29, 1), 1774742400LL);
	assert_int_equal(tzpl_to_utc(2026, 3, 29, 2), -1);
	assert_int_equal(tzpl_to_utc(2026, 3, 29, 3), 1774746000LL);
	/* Fall back 2026-10-25: 02:00 twice, the first (CEST) one counts. */
	assert_int_equal(tzpl_to_utc(2026, 10, 25, 1), 1792882800LL);
	assert_int_equal(tzpl_to_utc(2026, 10, 25, 2), 1792886400LL);
	assert_int_equal(tzpl_to_utc(2026, 10, 25, 3), 1792893600LL);
	assert_int_equal(tzpl_to_utc(2026, 7, 1, 12), 1782900000LL);
	assert_int_equal(tzpl_to_utc(2026, 12, 31, 23), 1798754400LL);
	assert_int_equal(tzpl_to_utc(2027, 3, 28, 3), 1806195600LL);
}

static void test_from_utc(void **state)
{
	struct tzpl_tm tm;

	(void)state;
	assert_int_equal(tzpl_from_utc(1774749600LL, &tm), 2);
	assert_int_equal(tm.hour, 4);
	assert_int_equal(tm.day, 29);
	assert_int_equal(tzpl_from_utc(1792896000LL, &tm), 1);
	assert_int_equal(tm.hour, 3);
	assert_int_equal(tm.min, 40);
	assert_int_equal(tm.wday, 7); /* a Sunday */
}

static void test_day(void **state)
{
	char d[11];

	(void)state;
	/* 2026-12-31 23:30 local is 22:30 UTC: still the 31st here. */
	tzpl_day(1798756200LL, 0, d);
	assert_string_equal(d, "2026-12-31");
	tzpl_day(1798756200LL, 1, d);
	assert_string_equal(d, "2027-01-01");
	tzpl_day(1798756200LL, 60, d);
	assert_string_equal(d, "2027-03-01");
	assert_int_equal(tzpl_dow(2026, 11, 23), 1);
	assert_int_equal(tzpl_dow(2024, 2, 29), 4);
}

/* Local midnight around both switches: "today" turns at 00:00 in Warsaw,
 * 23:00 UTC in winter and 22:00 UTC in summer, while UTC's day turns at
 * 00:00 UTC. Values from zoneinfo Europe/Warsaw. */
static void test_today_turns_at_warsaw_midnight(void **state)
{
	static const struct {
		long long t;
		const char *warsaw, *utc;
	} at[] = {
		/* The night before spring forward: midnight CET. */
		{ 1774738799LL, "2026-03-28", "2026-03-28" },
		{ 1774738800LL, "2026-03-29", "2026-03-28" },
		/* Spring forward itself: 01:59:59 CET, then 03:00 CEST. */
		{ 1774745999LL, "2026-03-29", "2026-03-29" },
		{ 1774746000LL, "2026-03-29", "2026-03-29" },
		/* The first midnight in summer time comes at 22:00 UTC. */
		{ 1774821599LL, "2026-03-29", "2026-03-29" },
		{ 1774821600LL, "2026-03-30", "2026-03-29" },
		/* The night before fall back: midnight CEST. */
		{ 1792879199LL, "2026-10-24", "2026-10-24" },
		{ 1792879200LL, "2026-10-25", "2026-10-24" },
		/* Fall back: 02:59:59 CEST, then 02:00 CET again. */
		{ 1792889999LL, "2026-10-25", "2026-10-25" },
		{ 1792890000LL, "2026-10-25", "2026-10-25" },
		/* The first midnight in winter time comes at 23:00 UTC. */
		{ 1792969199LL, "2026-10-25", "2026-10-25" },
		{ 1792969200LL, "2026-10-26", "2026-10-25" },
		/* New year: Warsaw's 2027 begins an hour before UTC's. */
		{ 1798758000LL, "2027-01-01", "2026-12-31" },
	};
	char d[11];

	(void)state;
	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		tzpl_day(at[i].t, 0, d);
		assert_string_equal(d, at[i].warsaw);
		tzpl_day_utc(at[i].t, d);
		assert_string_equal(d, at[i].utc);
	}
	/* Days ahead count Warsaw days, across the 23-hour day too. */
	tzpl_day(1774738800LL, 1, d);
	assert_string_equal(d, "2026-03-30");
	tzpl_day(1792879200LL, 1, d);
	assert_string_equal(d, "2026-10-26");
}

static void test_today_reads_the_clock(void **state)
{
	char w[11], u[11], a[11], b[11];
	long long t0, t1;

	(void)state;
	/* Asked between two clock readings, it says what either says. */
	t0 = now_unix();
	tzpl_today(0, w);
	tzpl_today_utc(u);
	t1 = now_unix();
	tzpl_day(t0, 0, a);
	tzpl_day(t1, 0, b);
	assert_true(strcmp(w, a) == 0 || strcmp(w, b) == 0);
	tzpl_day_utc(t0, a);
	tzpl_day_utc(t1, b);
	assert_true(strcmp(u, a) == 0 || strcmp(u, b) == 0);
	tzpl_today(2, w);
	assert_int_equal(strlen(w), 10);
	assert_true(strcmp(w, u) > 0);
}

static void test_text(void **state)
{
	char t[17];

	(void)state;
	tzpl_text(1774749600LL,
		  t); /* 02:00 UTC, just after the spring switch */
	assert_string_equal(t, "2026-03-29 04:00");
	tzpl_text(1792896000LL, t); /* 02:40 UTC, after the autumn one */
	assert_string_equal(t, "2026-10-25 03:40");
	tzpl_text(1798756200LL, t);
	assert_string_equal(t, "2026-12-31 23:30");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_to_utc),
		cmocka_unit_test(test_from_utc),
		cmocka_unit_test(test_day),
		cmocka_unit_test(test_today_turns_at_warsaw_midnight),
		cmocka_unit_test(test_today_reads_the_clock),
		cmocka_unit_test(test_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
