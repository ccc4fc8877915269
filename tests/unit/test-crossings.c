/* test-crossings.c: cmocka tests for domain/crossings_rules.c: the ranges
 * of eBT's settings, a day's hours, closures, the places of an hour by the
 * schedule (which hours get bookable slots) and a code in an officer's
 * scope */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "crossings.h"

static void test_settings(void **state)
{
	(void)state;
	assert_false(crossings_setting_ok(CS_HORIZON, 0));
	assert_true(crossings_setting_ok(CS_HORIZON, 1));
	assert_true(crossings_setting_ok(CS_HORIZON, 365));
	assert_false(crossings_setting_ok(CS_HORIZON, 366));
	assert_true(crossings_setting_ok(CS_DEADLINE, 0));
	assert_true(crossings_setting_ok(CS_NOSHOW, 1440));
	assert_false(crossings_setting_ok(CS_BEFORE, 1441));
	assert_false(crossings_setting_ok(CS_AFTER, -1));
	assert_false(crossings_setting_ok(CS_LANES, 0));
	assert_true(crossings_setting_ok(CS_LANES, 20));
	assert_false(crossings_setting_ok(CS_LANES, 21));
	assert_false(crossings_setting_ok(CS__MAX, 1));
	/* The form's names are the columns'. */
	assert_string_equal(crossings_settings[CS_HORIZON].name,
			    "horizon_days");
	assert_string_equal(crossings_settings[CS_LANES].name, "lanes");
}

static void test_day_and_closure(void **state)
{
	(void)state;
	assert_true(crossings_day_ok(6, 22, 6));
	assert_true(crossings_day_ok(0, 24, CROSSINGS_MAX_CAPACITY));
	assert_true(crossings_day_ok(8, 8, 0));	 /* closed all day */
	assert_false(crossings_day_ok(9, 8, 1)); /* closes before it opens */
	assert_false(crossings_day_ok(0, 25, 1));
	assert_false(crossings_day_ok(-1, 5, 1));
	assert_false(crossings_day_ok(0, 24, CROSSINGS_MAX_CAPACITY + 1));
	assert_true(crossings_closure_ok(3, 5));
	assert_true(crossings_closure_ok(0, 24));
	assert_true(crossings_closure_ok(23, 24));
	assert_false(crossings_closure_ok(5, 3));
	assert_false(crossings_closure_ok(4, 4));
	assert_false(crossings_closure_ok(24, 24));
	assert_false(crossings_closure_ok(0, 25));
}

/* Grzechotki's week (0020_ebt.sql): 06-22 at 6 an hour on weekdays,
 * 08-18 at 4 at weekends; a closure of 3:00-5:00 one day. */
static void test_hours(void **state)
{
	static struct crossing_schedule s;

	(void)state;
	memset(&s, 0, sizeof(s));
	for (int d = 1; d <= 7; d++) {
		s.open[d] = d <= 5 ? 6 : 8;
		s.close[d] = d <= 5 ? 22 : 18;
		s.cap[d] = d <= 5 ? 6 : 4;
	}
	assert_int_equal(crossings_hour_capacity(&s, 1, 5), 0);
	assert_int_equal(crossings_hour_capacity(&s, 1, 6), 6);
	assert_int_equal(crossings_hour_capacity(&s, 3, 21), 6);
	assert_int_equal(crossings_hour_capacity(&s, 3, 22), 0);
	assert_int_equal(crossings_hour_capacity(&s, 6, 7), 0);
	assert_int_equal(crossings_hour_capacity(&s, 7, 8), 4);
	assert_int_equal(crossings_hour_capacity(&s, 7, 17), 4);
	assert_int_equal(crossings_hour_capacity(&s, 0, 10), 0);
	assert_int_equal(crossings_hour_capacity(&s, 8, 10), 0);
	/* Round the clock (Koroszczyn). */
	s.open[2] = 0;
	s.close[2] = 24;
	assert_int_equal(crossings_hour_capacity(&s, 2, 0), 6);
	assert_int_equal(crossings_hour_capacity(&s, 2, 23), 6);
	s.nclosures = 1;
	strcpy(s.closures[0].day, "2026-07-01");
	s.closures[0].from = 3;
	s.closures[0].to = 5;
	assert_false(crossings_hour_closed(&s, "2026-07-01", 2));
	assert_true(crossings_hour_closed(&s, "2026-07-01", 3));
	assert_true(crossings_hour_closed(&s, "2026-07-01", 4));
	assert_false(crossings_hour_closed(&s, "2026-07-01", 5));
	assert_false(crossings_hour_closed(&s, "2026-07-02", 3));
}

static void test_code_in(void **state)
{
	(void)state;
	assert_true(crossings_code_in("GRZ,KOR,KUZ", "GRZ"));
	assert_true(crossings_code_in("GRZ,KOR,KUZ", "KOR"));
	assert_true(crossings_code_in("GRZ,KOR,KUZ", "KUZ"));
	assert_true(crossings_code_in("KOR", "KOR"));
	assert_false(crossings_code_in("GRZ,KOR,KUZ", "KO"));
	assert_false(crossings_code_in("GRZX,XKOR", "GRZ"));
	assert_false(crossings_code_in("GRZX,XKOR", "KOR"));
	assert_false(crossings_code_in("", "KOR"));
	assert_false(crossings_code_in(NULL, "KOR"));
	assert_false(crossings_code_in("GRZ", ""));
	assert_false(crossings_code_in("GRZ", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_day_and_closure),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_code_in),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
