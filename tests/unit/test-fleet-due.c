/* test-fleet-due.c: cmocka tests for domain/fleet_due.c (when a vehicle's
 * document falls due, which reminder is due) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "fleet_docs.h"

static const struct fleet_rules rules = {
	.soon_days = 30,
	.soon_km = 1000,
	.summer_by = 415,
	.winter_by = 1101,
};

static long D(const char *s)
{
	long n = -1;

	assert_int_equal(fleet_day_parse(s, &n), 0);
	return n;
}

static const char *T(long n)
{
	static char out[11];

	return fleet_day_text(n, out);
}

static void test_days(void **state)
{
	int y, m, d;
	long n;

	(void)state;
	assert_int_equal(fleet_day(1970, 1, 1), 0);
	assert_int_equal(fleet_day(2000, 3, 1) - fleet_day(2000, 2, 28), 2);
	assert_int_equal(fleet_day(1900, 3, 1) - fleet_day(1900, 2, 28), 1);
	assert_int_equal(fleet_day(2026, 12, 2), 20789);
	for (n = -800; n < 80000; n += 37) {
		fleet_day_civil(n, &y, &m, &d);
		assert_int_equal(fleet_day(y, m, d), n);
	}
	assert_int_equal(fleet_day_parse("2026-02-29", &n), -1);
	assert_int_equal(fleet_day_parse("2026-2-1", &n), -1);
	assert_int_equal(fleet_day_parse("", &n), -1);
	assert_string_equal(T(D("2024-02-29")), "2024-02-29");
}

static void test_months_end_and_leap_years(void **state)
{
	(void)state;
	assert_string_equal(T(fleet_day_add_months(D("2024-01-31"), 1)),
			    "2024-02-29");
	assert_string_equal(T(fleet_day_add_months(D("2023-01-31"), 1)),
			    "2023-02-28");
	assert_string_equal(T(fleet_day_add_months(D("2024-02-29"), 12)),
			    "2025-02-28");
	assert_string_equal(T(fleet_day_add_months(D("2024-02-29"), 48)),
			    "2028-02-29");
	assert_string_equal(T(fleet_day_add_months(D("2026-08-31"), 6)),
			    "2027-02-28");
	assert_string_equal(T(fleet_day_add_months(D("2026-10-31"), 1)),
			    "2026-11-30");
	assert_string_equal(T(fleet_day_add_months(D("2026-11-15"), 3)),
			    "2027-02-15");
	assert_string_equal(T(fleet_day_add_months(D("2026-12-31"), 12)),
			    "2027-12-31");
}

static void test_valid_until(void **state)
{
	struct fleet_terms t = { .kind = FLEET_DOC_INSURANCE,
				 .done_on = -1,
				 .done_km = -1 };
	struct fleet_due d;

	(void)state;
	t.valid_until = D("2026-12-05");
	fleet_due_of(&t, &rules, D("2026-12-02"), 0, &d);
	assert_int_equal(d.state, FLEET_DUE_SOON);
	assert_int_equal(d.days_left, 3);
	fleet_due_of(&t, &rules, D("2026-11-04"), 0, &d);
	assert_int_equal(d.days_left, 31);
	assert_int_equal(d.state, FLEET_DUE_OK);
	fleet_due_of(&t, &rules, D("2026-11-05"), 0, &d);
	assert_int_equal(d.days_left, 30);
	assert_int_equal(d.state, FLEET_DUE_SOON);
	fleet_due_of(&t, &rules, D("2026-12-05"), 0, &d);
	assert_int_equal(d.state, FLEET_DUE_SOON); /* the last valid day */
	fleet_due_of(&t, &rules, D("2026-12-08"), 0, &d);
	assert_int_equal(d.state, FLEET_DUE_OVERDUE);
	assert_int_equal(d.days_left, -3);
	assert_int_equal(d.by_km, 0);
	/* A registration certificate without an end has no deadline. */
	t.kind = FLEET_DOC_REGISTRATION;
	t.valid_until = -1;
	fleet_due_of(&t, &rules, D("2026-12-08"), 0, &d);
	assert_int_equal(d.state, FLEET_DUE_NONE);
	assert_int_equal(d.day, -1);
}

static void test_soon_boundary(void **state)
{
	struct fleet_terms t = { .kind = FLEET_DOC_INSPECTION,
				 .done_on = -1,
				 .done_km = -1 };
	struct fleet_due d;

	(void)state;
	t.valid_until = D("2027-01-31");
	fleet_due_of(&t, &rules, D("2027-01-01"), 0, &d);
	assert_int_equal(d.days_left, 30);
	assert_int_equal(d.state, FLEET_DUE_SOON);
	fleet_due_of(&t, &rules, D("2026-12-31"), 0, &d);
	assert_int_equal(d.state, FLEET_DUE_OK);
}

static void test_service_months_first(void **state)
{
	struct fleet_terms t = { .kind = FLEET_DOC_SERVICE,
				 .valid_until = -1,
				 .every_km = 15000,
				 .every_months = 12 };
	struct fleet_due d;

	(void)state;
	t.done_on = D("2025-12-10");
	t.done_km = 40000;
	/* Driven little: the year ends first. */
	fleet_due_of(&t, &rules, D("2026-12-02"), 46000, &d);
	assert_string_equal(T(d.day), "2026-12-10");
	assert_int_equal(d.km, 55000);
	assert_int_equal(d.days_left, 8);
	assert_int_equal(d.km_left, 9000);
	assert_int_equal(d.state, FLEET_DUE_SOON);
	assert_int_equal(d.by_km, 0);
	fleet_due_of(&t, &rules, D("2026-12-11"), 46000, &d);
	assert_int_equal(d.state, FLEET_DUE_OVERDUE);
	assert_int_equal(d.days_left, -1);
	assert_int_equal(d.by_km, 0);
}

static void test_service_km_first(void **state)
{
	struct fleet_terms t = { .kind = FLEET_DOC_SERVICE,
				 .valid_until = -1,
				 .every_km = 15000,
				 .every_months = 12 };
	struct fleet_due d;

	(void)state;
	t.done_on = D("2026-06-01");
	t.done_km = 40000;
	/* Driven hard: 15,000 km in half a year. */
	fleet_due_of(&t, &rules, D("2026-12-02"), 54500, &d);
	assert_int_equal(d.state, FLEET_DUE_SOON);
	assert_int_equal(d.by_km, 1);
	assert_int_equal(d.km_left, 500);
	fleet_due_of(&t, &rules, D("2026-12-02"), 55000, &d);
	assert_int_equal(d.state, FLEET_DUE_SOON); /* due now, not past */
	fleet_due_of(&t, &rules, D("2026-12-02"), 55001, &d);
	assert_int_equal(d.state, FLEET_DUE_OVERDUE);
	assert_int_equal(d.by_km, 1);
	assert_int_equal(d.km_left, -1);
	assert_int_equal(d.days_left, 181);
	fleet_due_of(&t, &rules, D("2026-12-02"), 50000, &d);
	assert_int_equal(d.state, FLEET_DUE_OK);
	/* Only a km period: no day. */
	t.every_months = 0;
	fleet_due_of(&t, &rules, D("2026-12-02"), 56000, &d);
	assert_int_equal(d.day, -1);
	assert_int_equal(d.state, FLEET_DUE_OVERDUE);
	assert_int_equal(d.by_km, 1);
	/* Only months, from 31 August: the end of February. */
	t.every_months = 6;
	t.every_km = 0;
	t.done_on = D("2027-08-31");
	fleet_due_of(&t, &rules, D("2027-09-01"), 56000, &d);
	assert_string_equal(T(d.day), "2028-02-29");
	assert_int_equal(d.km, -1);
}

static void test_tyres(void **state)
{
	struct fleet_terms t = { .kind = FLEET_DOC_TYRES,
				 .valid_until = -1,
				 .done_km = -1 };
	struct fleet_due d;

	(void)state;
	t.season = FLEET_SEASON_WINTER;
	t.done_on = D("2026-10-20");
	fleet_due_of(&t, &rules, D("2026-12-02"), 0, &d);
	assert_string_equal(T(d.day), "2027-04-15");
	assert_int_equal(d.state, FLEET_DUE_OK);
	t.season = FLEET_SEASON_SUMMER;
	t.done_on = D("2026-04-10");
	fleet_due_of(&t, &rules, D("2026-10-15"), 0, &d);
	assert_string_equal(T(d.day), "2026-11-01");
	assert_int_equal(d.state, FLEET_DUE_SOON);
	/* Summer tyres fitted late, after the winter date: next year's. */
	t.done_on = D("2026-11-01");
	fleet_due_of(&t, &rules, D("2026-11-02"), 0, &d);
	assert_string_equal(T(d.day), "2027-11-01");
	t.season = FLEET_SEASON_NONE;
	fleet_due_of(&t, &rules, D("2026-11-02"), 0, &d);
	assert_int_equal(d.state, FLEET_DUE_NONE);
}

static void test_remind_stage(void **state)
{
	static const int days[] = { 14, 3, 0 };
	struct fleet_due d = { .state = FLEET_DUE_SOON, .day = 100 };

	(void)state;
	d.days_left = 15;
	assert_int_equal(fleet_remind_stage(&d, days, 3), FLEET_STAGE_NONE);
	d.days_left = 14;
	assert_int_equal(fleet_remind_stage(&d, days, 3), 14);
	d.days_left = 4;
	assert_int_equal(fleet_remind_stage(&d, days, 3), 14);
	d.days_left = 3;
	assert_int_equal(fleet_remind_stage(&d, days, 3), 3);
	d.days_left = 1;
	assert_int_equal(fleet_remind_stage(&d, days, 3), 3);
	d.days_left = 0;
	assert_int_equal(fleet_remind_stage(&d, days, 3), 0);
	d.days_left = -1;
	d.state = FLEET_DUE_OVERDUE;
	assert_int_equal(fleet_remind_stage(&d, days, 3), FLEET_STAGE_OVERDUE);
	/* Overdue by km before the day. */
	d.days_left = 40;
	assert_int_equal(fleet_remind_stage(&d, days, 3), FLEET_STAGE_OVERDUE);
	d.state = FLEET_DUE_NONE;
	d.day = -1;
	assert_int_equal(fleet_remind_stage(&d, days, 3), FLEET_STAGE_NONE);
}

static void test_remind_days(void **state)
{
	int days[8], n;

	(void)state;
	n = fleet_remind_days("14,3,0", days, 8);
	assert_int_equal(n, 3);
	assert_int_equal(days[0], 14);
	assert_int_equal(days[2], 0);
	n = fleet_remind_days(" 7 , 1", days, 8);
	assert_int_equal(n, 2);
	assert_int_equal(days[1], 1);
	n = fleet_remind_days("", days, 8);
	assert_int_equal(n, 1);
	assert_int_equal(days[0], 14);
	n = fleet_remind_days("x", days, 8);
	assert_int_equal(n, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_months_end_and_leap_years),
		cmocka_unit_test(test_valid_until),
		cmocka_unit_test(test_soon_boundary),
		cmocka_unit_test(test_service_months_first),
		cmocka_unit_test(test_service_km_first),
		cmocka_unit_test(test_tyres),
		cmocka_unit_test(test_remind_stage),
		cmocka_unit_test(test_remind_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
