/* test-fleet-trip.c: cmocka tests for domain/fleet_trip_rules.c (spans,
 * overlaps, the odometer, Warsaw local time of the forms) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "fleet_trip.h"

static void test_overlap(void **state)
{
	(void)state;
	/* Half-open spans: one ending when the other starts does not clash. */
	assert_true(fleet_span_overlap(10, 20, 15, 25));
	assert_true(fleet_span_overlap(15, 25, 10, 20));
	assert_true(fleet_span_overlap(10, 20, 12, 18));
	assert_true(fleet_span_overlap(12, 18, 10, 20));
	assert_true(fleet_span_overlap(10, 20, 10, 20));
	assert_false(fleet_span_overlap(10, 20, 20, 30));
	assert_false(fleet_span_overlap(20, 30, 10, 20));
	assert_false(fleet_span_overlap(10, 20, 21, 30));
	/* An open trip (end 0) lasts until it is closed. */
	assert_true(fleet_span_overlap(10, 0, 100, 200));
	assert_true(fleet_span_overlap(100, 200, 10, 0));
	assert_false(fleet_span_overlap(10, 0, 0, 10));
	assert_true(fleet_span_overlap(10, 0, 5, 0));
	assert_false(fleet_span_overlap(5, 10, 10, 0));
}

static void test_reserve_span(void **state)
{
	(void)state;
	assert_int_equal(fleet_reserve_span_rule(100, 200, 50), FLEET_OK);
	assert_int_equal(fleet_reserve_span_rule(200, 100, 50),
			 FLEET_SPAN_REVERSED);
	assert_int_equal(fleet_reserve_span_rule(100, 100, 50),
			 FLEET_SPAN_REVERSED);
	assert_int_equal(fleet_reserve_span_rule(100, 200, 200),
			 FLEET_SPAN_PAST);
	/* Begun but not ended: still reservable (the rest of it). */
	assert_int_equal(fleet_reserve_span_rule(100, 200, 150), FLEET_OK);
	assert_int_equal(fleet_reserve_span_rule(0, 31 * 86400LL, 0 - 1),
			 FLEET_OK);
	assert_int_equal(fleet_reserve_span_rule(0, 31 * 86400LL + 1, -1),
			 FLEET_SPAN_LONG);
}

static void test_odometer(void **state)
{
	(void)state;
	assert_int_equal(fleet_trip_open_rule(100, 200, 5000, 5000), FLEET_OK);
	assert_int_equal(fleet_trip_open_rule(100, 200, 4999, 5000),
			 FLEET_ODO_BACK);
	assert_int_equal(fleet_trip_open_rule(100, 100, 5000, 5000),
			 FLEET_SPAN_REVERSED);
	assert_int_equal(fleet_trip_close_rule(100, 100, 5000, 5000), FLEET_OK);
	assert_int_equal(fleet_trip_close_rule(100, 99, 5000, 5100),
			 FLEET_END_BEFORE);
	assert_int_equal(fleet_trip_close_rule(100, 200, 5000, 4999),
			 FLEET_ODO_IN_LOW);
	assert_int_equal(fleet_trip_close_rule(100, 200, 5000, 10000),
			 FLEET_OK);
	assert_int_equal(fleet_trip_close_rule(100, 200, 5000, 10001),
			 FLEET_ODO_ABSURD);
}

/* A card's start: up to ten minutes past the server's clock (a fast
 * device), never later. */
static void test_start_not_ahead(void **state)
{
	(void)state;
	assert_int_equal(fleet_trip_start_rule(1000, 1000), FLEET_OK);
	assert_int_equal(fleet_trip_start_rule(1000 + 600, 1000), FLEET_OK);
	assert_int_equal(fleet_trip_start_rule(1000 + 601, 1000),
			 FLEET_START_FUTURE);
	assert_string_equal(fleet_refusal_key(FLEET_START_FUTURE),
			    "fleet_trip_start_future");
	assert_string_equal(fleet_refusal_field(FLEET_START_FUTURE), "start");
	assert_int_equal(fleet_refusal_status(FLEET_START_FUTURE), 422);
}

static void test_local(void **state)
{
	long long t = 0;
	char out[17];

	(void)state;
	/* 2026-07-01 12:00 CEST = 10:00 UTC. */
	assert_int_equal(fleet_local_parse("2026-07-01T12:30", &t), 0);
	assert_int_equal(t, 1782900000LL + 1800);
	assert_int_equal(fleet_local_parse("2026-07-01 12:30", &t), 0);
	assert_int_equal(t, 1782900000LL + 1800);
	fleet_local_text(t, out);
	assert_string_equal(out, "2026-07-01T12:30");
	/* Winter: CET. 2026-12-31 23:00 local = 22:00 UTC. */
	assert_int_equal(fleet_local_parse("2026-12-31T23:05", &t), 0);
	assert_int_equal(t, 1798754400LL + 300);
	/* 02:30 on 2026-03-29 does not exist in Warsaw. */
	assert_int_equal(fleet_local_parse("2026-03-29T02:30", &t), -1);
	assert_int_equal(fleet_local_parse("2026-02-30T10:00", &t), -1);
	assert_int_equal(fleet_local_parse("2026-07-01T24:00", &t), -1);
	assert_int_equal(fleet_local_parse("2026-07-01", &t), -1);
	assert_int_equal(fleet_local_parse("2026-07-01T12:30:00", &t), -1);
	assert_int_equal(fleet_local_parse("", &t), -1);
	/* Beyond what the database's FROM_UNIXTIME reads, or before 2000. */
	assert_int_equal(fleet_local_parse("2038-01-01T01:00", &t), -1);
	assert_int_equal(fleet_local_parse("2037-12-31T23:59", &t), 0);
	assert_int_equal(fleet_local_parse("1999-12-31T23:00", &t), -1);
	assert_int_equal(fleet_local_parse(NULL, &t), -1);
}

static void test_day_span(void **state)
{
	long long t0, t1;

	(void)state;
	/* The autumn day has 25 hours, the spring one 23. */
	fleet_day_span("2026-10-25", "2026-10-25", &t0, &t1);
	assert_int_equal(t0, 1792879200LL); /* 2026-10-24 22:00 UTC */
	assert_int_equal(t1 - t0, 25 * 3600);
	fleet_day_span("2026-03-29", "2026-03-29", &t0, &t1);
	assert_int_equal(t1 - t0, 23 * 3600);
	fleet_day_span("2026-12-01", "2026-12-31", &t0, &t1);
	assert_int_equal(t1 - t0, 31 * 86400);
	fleet_day_span("", "", &t0, &t1);
	assert_int_equal(t0, 0);
	assert_int_equal(t1, 2145916800LL);
	fleet_day_span("2026-01-01", "2040-01-01", &t0, &t1);
	assert_int_equal(t1, 2145916800LL);
	fleet_day_span("2026-13-01", "nope", &t0, &t1);
	assert_int_equal(t0, 0);
	assert_int_equal(t1, 2145916800LL);
}

static void test_refusal_words(void **state)
{
	int i;

	(void)state;
	/* Every refusal has a message and a status. */
	for (i = 1; i < FLEET__MAX; i++) {
		assert_true(strlen(fleet_refusal_key(i)) > 0);
		assert_true(fleet_refusal_status(i) >= 400);
	}
	assert_string_equal(fleet_refusal_field(FLEET_ODO_BACK), "odo_out");
	assert_int_equal(fleet_refusal_status(FLEET_RES_OVERLAP), 409);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_reserve_span),
		cmocka_unit_test(test_odometer),
		cmocka_unit_test(test_start_not_ahead),
		cmocka_unit_test(test_local),
		cmocka_unit_test(test_day_span),
		cmocka_unit_test(test_refusal_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
