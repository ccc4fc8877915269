/* test-fleet-fuel.c: the pure rules of fuel (domain/fleet_fuel_calc.c):
 * decimals as typed, the full-tank consumption and each anomaly, against
 * figures computed by hand in the comments */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fleet_fuel.h"

static void test_hundredths(void **state)
{
	long long v = -7;

	(void)state;
	assert_true(fleet_fuel_hundredths("48", &v));
	assert_int_equal(v, 4800);
	assert_true(fleet_fuel_hundredths("48.5", &v));
	assert_int_equal(v, 4850);
	assert_true(fleet_fuel_hundredths("48,05", &v));
	assert_int_equal(v, 4805);
	assert_true(fleet_fuel_hundredths("0", &v));
	assert_int_equal(v, 0);
	assert_true(fleet_fuel_hundredths("999999999.99", &v));
	assert_int_equal(v, 99999999999LL);
	v = -7;
	assert_false(fleet_fuel_hundredths("", &v));
	assert_false(fleet_fuel_hundredths("-1", &v));
	assert_false(fleet_fuel_hundredths("1.234", &v));
	assert_false(fleet_fuel_hundredths("1.", &v));
	assert_false(fleet_fuel_hundredths(".5", &v));
	assert_false(fleet_fuel_hundredths("1e3", &v));
	assert_false(fleet_fuel_hundredths(" 1", &v));
	assert_false(fleet_fuel_hundredths("1 ", &v));
	assert_false(fleet_fuel_hundredths("1000000000", &v));
	assert_false(fleet_fuel_hundredths(NULL, &v));
	assert_int_equal(v, -7);
}

static void test_consumption(void **state)
{
	/* 10,000 → 10,500 → 11,000 → 11,800 km; fills after the first:
	 * 40.00 + 35.50 + 60.25 = 135.75 l over 1,800 km
	 * = 7.5416… l/100 km → 7.54 */
	const struct fleet_fill f[] = {
		{ 10000, 5000 },
		{ 10500, 4000 },
		{ 11000, 3550 },
		{ 11800, 6025 },
	};
	struct fleet_consumption c;

	(void)state;
	assert_true(fleet_fuel_consumption(f, 4, &c));
	assert_int_equal(c.km, 1800);
	assert_int_equal(c.cl, 13575);
	assert_int_equal(c.cl100, 754);
	/* The first two: 40.00 l over 500 km = 8.00 l/100 km. */
	assert_true(fleet_fuel_consumption(f, 2, &c));
	assert_int_equal(c.cl100, 800);
	/* Half up: 10.01 l over 200 km = 5.005 → 5.01. */
	const struct fleet_fill g[] = { { 0, 1 }, { 200, 1001 } };
	assert_true(fleet_fuel_consumption(g, 2, &c));
	assert_int_equal(c.cl100, 501);
	/* Cannot be told: one fill, or no kilometre between. */
	assert_false(fleet_fuel_consumption(f, 1, &c));
	assert_false(fleet_fuel_consumption(f, 0, &c));
	const struct fleet_fill h[] = { { 500, 1000 }, { 500, 2000 } };
	assert_false(fleet_fuel_consumption(h, 2, &c));
}

static struct fleet_fuel_facts base(void)
{
	/* A car: 50 l tank, norm 8.0 l/100 km, 20 %: the limit is 9.60. */
	struct fleet_fuel_facts f = { .cl = 4000,
				      .odo_km = 10500,
				      .tank_l = 50,
				      .norm_dl = 80,
				      .pct = 20,
				      .fuel_km = 10000,
				      .before_km = 10000,
				      .after_km = -1 };
	return f;
}

static void test_judge_normal(void **state)
{
	struct fleet_fuel_facts f = base();
	struct fleet_fuel_verdict v;

	(void)state;
	/* 40.00 l over 500 km = 8.00 l/100 km: within the norm. */
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, 0);
	assert_int_equal(v.since_km, 500);
	assert_int_equal(v.cl100, 800);
	assert_int_equal(v.limit_cl100, 960);
	assert_int_equal(v.tank_cl, 5250);
}

static void test_judge_norm(void **state)
{
	struct fleet_fuel_facts f = base();
	struct fleet_fuel_verdict v;

	(void)state;
	/* 48.00 l over 500 km = 9.60: exactly the limit, not above. */
	f.cl = 4800;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, 0);
	assert_int_equal(v.cl100, 960);
	/* 48.01 l = 9.602: above by a hair, flagged although it rounds to
	 * the limit (the comparison is exact). */
	f.cl = 4801;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, FLEET_FA_NORM);
	assert_int_equal(v.cl100, 960);
	/* 30 %: the limit is 10.40; 52.00 l / 500 km = 10.40 passes. */
	f.pct = 30;
	f.cl = 5200;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.limit_cl100, 1040);
	assert_int_equal(v.anomalies, 0);
	/* No previous refuelling or no norm: nothing to judge it by. */
	f = base();
	f.cl = 5000;
	f.fuel_km = -1;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, 0);
	assert_int_equal(v.since_km, -1);
	assert_int_equal(v.cl100, -1);
	f = base();
	f.cl = 5000;
	f.norm_dl = -1;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, 0);
	assert_int_equal(v.cl100, 1000);
	assert_int_equal(v.limit_cl100, -1);
}

static void test_judge_tank(void **state)
{
	struct fleet_fuel_facts f = base();
	struct fleet_fuel_verdict v;

	(void)state;
	/* 50 l × 1.05 = 52.50 l: the most; 52.51 is too much. Far enough
	 * (2,000 km) that the norm says nothing. */
	f.odo_km = 12000;
	f.cl = 5250;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, 0);
	f.cl = 5251;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, FLEET_FA_TANK);
	/* Both: 60 l over 500 km = 12.00 l/100 km, and above the tank. */
	f = base();
	f.cl = 6000;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, FLEET_FA_NORM | FLEET_FA_TANK);
	assert_int_equal(v.cl100, 1200);
	/* An unknown tank is not checked. */
	f.tank_l = -1;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, FLEET_FA_NORM);
}

static void test_judge_odometer(void **state)
{
	struct fleet_fuel_facts f = base();
	struct fleet_fuel_verdict v;

	(void)state;
	/* A trip came back at 10,600 before this refuelling at 10,500. */
	f.before_km = 10600;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, FLEET_FA_ODOMETER);
	/* Entered late: a reading after it says 10,400. */
	f = base();
	f.after_km = 10400;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, FLEET_FA_ODOMETER);
	/* Between the readings, both included: fine. */
	f.before_km = 10500;
	f.after_km = 10500;
	fleet_fuel_judge(&f, &v);
	assert_int_equal(v.anomalies, 0);
}

static void test_cost(void **state)
{
	(void)state;
	/* 48.37 l × 6.49 zł = 313.9213 zł → 313.92 */
	assert_int_equal(fleet_fuel_cost_gr(4837, 649), 31392);
	/* 10.50 l × 6.49 = 68.145 → 68.15 (half up) */
	assert_int_equal(fleet_fuel_cost_gr(1050, 649), 6815);
	/* the largest: 2,000 l × 50 zł = 100,000 zł */
	assert_int_equal(
		fleet_fuel_cost_gr(FLEET_FUEL_MAX_CL, FLEET_FUEL_MAX_PRICE_GR),
		10000000);
}

static void test_repair_days(void **state)
{
	struct fleet_repair_month mo[4];

	(void)state;
	assert_int_equal(fleet_repair_days("2026-03-10", "2026-03-10"), 1);
	assert_int_equal(fleet_repair_days("2026-03-10", "2026-03-14"), 5);
	/* over a leap day: 27, 28, 29 Feb, 1 Mar */
	assert_int_equal(fleet_repair_days("2028-02-27", "2028-03-01"), 4);
	assert_int_equal(fleet_repair_days("2026-03-14", "2026-03-10"), -1);
	assert_int_equal(fleet_repair_days("2026-02-30", "2026-03-10"), -1);
	assert_int_equal(fleet_repair_days(NULL, "2026-03-10"), -1);
	/* 28 Jan - 3 Feb: 4 days in January, 3 in February */
	assert_int_equal(fleet_repair_months("2026-01-28", "2026-02-03", mo, 4),
			 2);
	assert_string_equal(mo[0].month, "2026-01-01");
	assert_int_equal(mo[0].days, 4);
	assert_string_equal(mo[1].month, "2026-02-01");
	assert_int_equal(mo[1].days, 3);
	/* over the new year and three months: 1 + 31 + 28 + 2 */
	assert_int_equal(fleet_repair_months("2025-12-31", "2026-03-02", mo, 4),
			 4);
	assert_string_equal(mo[0].month, "2025-12-01");
	assert_int_equal(mo[0].days, 1);
	assert_int_equal(mo[1].days, 31);
	assert_int_equal(mo[2].days, 28);
	assert_string_equal(mo[3].month, "2026-03-01");
	assert_int_equal(mo[3].days, 2);
	/* more months than room, and reversed */
	assert_int_equal(fleet_repair_months("2025-12-31", "2026-03-02", mo, 3),
			 -1);
	assert_int_equal(fleet_repair_months("2026-03-02", "2026-03-01", mo, 4),
			 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hundredths),
		cmocka_unit_test(test_consumption),
		cmocka_unit_test(test_judge_normal),
		cmocka_unit_test(test_judge_norm),
		cmocka_unit_test(test_judge_tank),
		cmocka_unit_test(test_judge_odometer),
		cmocka_unit_test(test_cost),
		cmocka_unit_test(test_repair_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
