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
	assert_int_equal(tm.wday, 7);	/* a Sunday */
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

static void test_text(void **state)
{
	char t[17];

	(void)state;
	tzpl_text(1774749600LL, t);	/* 02:00 UTC, just after the spring switch */
	assert_string_equal(t, "2026-03-29 04:00");
	tzpl_text(1792896000LL, t);	/* 02:40 UTC, after the autumn one */
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
		cmocka_unit_test(test_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
