/* test-booking.c: cmocka tests for domain/booking_rules.c, eBT's rules
 * without a database: the form's fields, MRN lists, plates, which days
 * and hours can be booked, the arrival window and the status changes a
 * booking allows (what the pages offer and the actions accept) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "booking.h"
#include "tzpl.h"
#include "valid.h"

/* 2026-07-01 12:00 in Warsaw (CEST): "now" of every test. */
#define NOW 1782900000LL

static char mrn1[19], mrn2[19];

/* An MRN with the right check character. */
static void make_mrn(const char *first17, char out[19])
{
	snprintf(out, 19, "%.17s%c", first17, valid_mrn_check_char(first17));
}

static struct booking_form good(void)
{
	struct booking_form f = { 0 };

	make_mrn("26PL0000000000001", mrn1);
	make_mrn("26PL0000000000002", mrn2);
	f.crossing_id = 2;
	f.day = "2026-07-02";
	f.hour = 10;
	f.company_id = 1;
	f.plate = "WGM12345";
	f.plate_country = "PL";
	f.trailer_plate = NULL;
	f.driver_name = "Marek Kierowca";
	f.driver_doc = "ABC123456";
	f.driver_phone = "+48 600 700 800";
	f.mrn[0] = mrn1;
	f.mrn[1] = mrn2;
	f.nmrn = 2;
	f.goods = "Meble drewniane";
	f.mass_kg = 18000;
	f.packages = 24;
	f.idem_key = NULL;
	return f;
}

static void test_form_good(void **state)
{
	struct booking_form f = good();

	(void)state;
	assert_null(booking_check_form(&f));
	f.trailer_plate = "";
	assert_null(booking_check_form(&f));
	f.trailer_plate = "WGM777P";
	f.idem_key = "0123456789abcdef0123456789abcdef";
	f.packages = 0;
	f.mass_kg = BOOKING_MAX_MASS;
	assert_null(booking_check_form(&f));
}

/* Each bad field is named: the form marks that one. */
static void test_form_each_field(void **state)
{
	struct booking_form f;
	static const char *const many[11] = {
		"26PL0000000000011", "26PL0000000000012", "26PL0000000000013",
		"26PL0000000000014", "26PL0000000000015", "26PL0000000000016",
		"26PL0000000000017", "26PL0000000000018", "26PL0000000000019",
		"26PL0000000000020", "26PL0000000000021",
	};
	static char mrns[11][19], wrong[19];

	(void)state;
	f = good();
	memcpy(wrong, mrn2, sizeof(wrong));
	wrong[17] = wrong[17] == '9' ? '0' : wrong[17] + 1;
#define BAD(field, change)                                          \
	do {                                                        \
		f = good();                                         \
		change;                                             \
		assert_non_null(booking_check_form(&f));            \
		assert_string_equal(booking_check_form(&f), field); \
	} while (0)
	BAD("crossing", f.crossing_id = 0);
	BAD("day", f.day = "2026-02-30");
	BAD("day", f.day = NULL);
	BAD("hour", f.hour = 24);
	BAD("hour", f.hour = -1);
	/* Plates as stored: upper case, no separators. */
	BAD("plate", f.plate = "wgm12345");
	BAD("plate", f.plate = "WGM 12345");
	BAD("plate", f.plate = "");
	BAD("plate_country", f.plate_country = "P1");
	BAD("plate_country", f.plate_country = "pl");
	BAD("trailer_plate", f.trailer_plate = "wgm-1");
	BAD("driver_name", f.driver_name = "   ");
	BAD("driver_doc",
	    f.driver_doc = "12345678901234567890123456789012345678901");
	BAD("driver_phone", f.driver_phone = "call me");
	BAD("mrn", f.nmrn = 0);
	BAD("mrn", f.mrn[1] = wrong); /* wrong check */
	BAD("mrn", f.mrn[1] = mrn1);  /* twice */
	for (int i = 0; i < 11; i++)
		make_mrn(many[i], mrns[i]);
	BAD("mrn", f.nmrn = BOOKING_MAX_MRN + 1);
	BAD("goods", f.goods = "");
	BAD("mass_kg", f.mass_kg = 0);
	BAD("mass_kg", f.mass_kg = BOOKING_MAX_MASS + 1);
	BAD("packages", f.packages = -1);
	BAD("packages", f.packages = 1000000);
	BAD("idem", f.idem_key = "0123456789ABCDEF0123456789ABCDEF");
	BAD("idem", f.idem_key = "0123");
#undef BAD
	/* Ten is the most. */
	f = good();
	for (int i = 0; i < BOOKING_MAX_MRN; i++)
		f.mrn[i] = mrns[i];
	f.nmrn = BOOKING_MAX_MRN;
	assert_null(booking_check_form(&f));
}

static void test_split_mrns(void **state)
{
	struct booking_form f = { 0 };
	char a[19], b[19], c[19], s[400];

	(void)state;
	make_mrn("26PL0000000000001", a);
	make_mrn("26PL0000000000002", b);
	make_mrn("26PL0000000000003", c);
	/* One per line, or separated by spaces, commas, semicolons. */
	snprintf(s, sizeof(s), " %s\r\n%s, %s;", a, b, c);
	assert_int_equal(booking_split_mrns(s, &f), 0);
	assert_int_equal(f.nmrn, 3);
	assert_string_equal(f.mrn[0], a);
	assert_string_equal(f.mrn[1], b);
	assert_string_equal(f.mrn[2], c);
	snprintf(s, sizeof(s), "%s %s", a, a);
	assert_int_equal(booking_split_mrns(s, &f), -1); /* twice */
	snprintf(s, sizeof(s), "%s X", a);
	assert_int_equal(booking_split_mrns(s, &f), -1); /* not one */
	snprintf(s, sizeof(s), " ,\n");
	assert_int_equal(booking_split_mrns(s, &f), -1); /* none */
	s[0] = '\0';
	for (int i = 0; i < 11; i++) {
		char m[19], first[32];

		snprintf(first, sizeof(first), "26PL00000000000%02d", 30 + i);
		make_mrn(first, m);
		strcat(s, m);
		strcat(s, " ");
	}
	assert_int_equal(booking_split_mrns(s, &f), -1); /* eleven */
}

static void test_plates(void **state)
{
	char out[16];

	(void)state;
	assert_true(booking_plate_norm("wgm 12-345", out, sizeof(out)) > 0);
	assert_string_equal(out, "WGM12345");
	booking_plate_fold("KR0OI12", out, sizeof(out));
	assert_string_equal(out, "KR00112");
	booking_plate_fold("WOOOOOOOOOOOO", out, 4);
	assert_string_equal(out, "W00");
}

static void test_number_like(void **state)
{
	char out[17];

	(void)state;
	assert_true(booking_number_like("KOR-2345ABCD", out));
	assert_string_equal(out, "KOR-2345ABCD");
	assert_false(
		booking_number_like("kor-2345abcd", out)); /* upper first */
	assert_false(booking_number_like("KOR2345ABCD", out));
	assert_false(booking_number_like("KOR-2345ABC", out));
	assert_false(booking_number_like("KOR-2345ABCDE", out));
	assert_false(booking_number_like("KOR-2345AB D", out));
	assert_false(booking_number_like("WGM12345", out)); /* a plate */
	assert_false(booking_number_like(NULL, out));
}

/* Days: from today (local) to today + horizon. */
static void test_day_rule(void **state)
{
	(void)state;
	assert_int_equal(booking_day_rule(30, "2026-07-01", NOW), BK_OK);
	assert_int_equal(booking_day_rule(30, "2026-07-31", NOW), BK_OK);
	assert_int_equal(booking_day_rule(30, "2026-08-01", NOW), BK_HORIZON);
	assert_int_equal(booking_day_rule(30, "2026-06-30", NOW), BK_PAST);
	assert_int_equal(booking_day_rule(1, "2026-07-03", NOW), BK_HORIZON);
	/* 22:30 UTC on 30 June is already 1 July in Warsaw. */
	assert_int_equal(booking_day_rule(0, "2026-07-01",
					  tzpl_to_utc(2026, 7, 1, 1) - 1800),
			 BK_OK);
}

/* Hours: a slot ahead, open, with capacity; no slot is closed or past. */
static void test_hour_rule(void **state)
{
	struct bk_slot s = { 1, NOW + 3600, 6, 0, 0 };

	(void)state;
	assert_int_equal(booking_hour_rule("2026-07-01", 13, &s, NOW), BK_OK);
	s.booked = 6; /* full: taking the place refuses it, not this */
	assert_int_equal(booking_hour_rule("2026-07-01", 13, &s, NOW), BK_OK);
	s.start = NOW; /* begun */
	assert_int_equal(booking_hour_rule("2026-07-01", 12, &s, NOW), BK_PAST);
	s.start = NOW + 3600;
	s.capacity = 0; /* outside the opening hours */
	assert_int_equal(booking_hour_rule("2026-07-01", 13, &s, NOW),
			 BK_CLOSED);
	s.capacity = 6;
	s.closed = 1; /* a closure */
	assert_int_equal(booking_hour_rule("2026-07-01", 13, &s, NOW),
			 BK_CLOSED);
	/* No slot row: gone by, or not there to book. */
	assert_int_equal(booking_hour_rule("2026-07-01", 11, NULL, NOW),
			 BK_PAST);
	assert_int_equal(booking_hour_rule("2026-07-01", 13, NULL, NOW),
			 BK_CLOSED);
	/* The hour summer time skips. */
	assert_int_equal(booking_hour_rule("2027-03-28", 2, NULL, NOW),
			 BK_CLOSED);
}

static struct crossing crossing(void)
{
	struct crossing c = { 0 };

	c.id = 2;
	c.ebt = 1;
	c.horizon = 30;
	c.deadline = 120;
	c.before = 120;
	c.after = 60;
	c.noshow = 60;
	c.lanes = 4;
	return c;
}

/* The arrival window: 120 min before the hour to 60 min after it. */
static void test_window(void **state)
{
	struct crossing c = crossing();

	(void)state;
	assert_true(booking_in_window(&c, NOW + 7200, NOW));
	assert_false(booking_in_window(&c, NOW + 7201, NOW));
	assert_true(booking_in_window(&c, NOW - 3600, NOW));
	assert_false(booking_in_window(&c, NOW - 3601, NOW));
	assert_false(booking_window_over(&c, NOW - 3600, NOW));
	assert_true(booking_window_over(&c, NOW - 3601, NOW));
	assert_false(booking_window_over(&c, NOW + 7201, NOW));
}

/* The company changes or cancels a booked hour until the deadline. */
static void test_can_change(void **state)
{
	struct crossing c = crossing();

	(void)state;
	assert_true(booking_can_change(&c, "booked", NOW + 7201, NOW));
	assert_false(booking_can_change(&c, "booked", NOW + 7200, NOW));
	assert_false(booking_can_change(&c, "booked", NOW - 1, NOW));
	assert_false(booking_can_change(&c, "arrived", NOW + 86400, NOW));
	assert_false(booking_can_change(&c, "cancelled", NOW + 86400, NOW));
	c.deadline = 0;
	assert_true(booking_can_change(&c, "booked", NOW + 1, NOW));
}

/* The officer's buttons: booked -> arrived (in the window) -> called ->
 * served; booked -> no-show once the window has closed. */
static void test_transitions(void **state)
{
	static const char *const all[] = { "booked", "arrived",	  "called",
					   "served", "cancelled", "no_show" };
	struct crossing c = crossing();

	(void)state;
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		const char *st = all[i];

		assert_int_equal(booking_can_call(st), !strcmp(st, "arrived"));
		assert_int_equal(booking_can_serve(st), !strcmp(st, "called"));
		/* The lane side (booking_lane): no change or cancel. */
		assert_int_equal(booking_at_crossing(st),
				 strcmp(st, "booked") &&
					 strcmp(st, "cancelled"));
		assert_int_equal(booking_can_arrive(&c, st, NOW, NOW),
				 !strcmp(st, "booked"));
		assert_int_equal(
			booking_can_mark_no_show(&c, st, NOW - 3601, NOW),
			!strcmp(st, "booked"));
	}
	assert_false(booking_can_call(NULL));
	assert_false(booking_at_crossing(NULL));
	assert_false(booking_at_crossing("done"));
	/* Still in its window, or not yet there: no no-show. */
	assert_false(booking_can_mark_no_show(&c, "booked", NOW - 3600, NOW));
	assert_false(booking_can_mark_no_show(&c, "booked", NOW + 86400, NOW));
	/* Outside the window: not checked in (a walk-in instead). */
	assert_false(booking_can_arrive(&c, "booked", NOW + 7201, NOW));
	assert_false(booking_can_arrive(&c, "booked", NOW - 3601, NOW));
}

static void test_lanes(void **state)
{
	struct crossing c = crossing();

	(void)state;
	assert_false(booking_lane_ok(&c, 0));
	assert_true(booking_lane_ok(&c, 1));
	assert_true(booking_lane_ok(&c, 4));
	assert_false(booking_lane_ok(&c, 5));
	assert_false(booking_lane_ok(&c, 99));
}

static void test_status_names(void **state)
{
	(void)state;
	assert_string_equal(booking_status_key(BK_FULL), "full");
	assert_string_equal(booking_status_code(BK_FULL), "SLOT_FULL");
	assert_string_equal(booking_status_key(BK_PLATE_ACTIVE),
			    "plate_active");
	assert_string_equal(booking_status_code(BK_DEADLINE),
			    "DEADLINE_PASSED");
	assert_string_equal(booking_status_key((enum bk_status)99), "error");
	assert_string_equal(booking_status_code((enum bk_status)99),
			    "INTERNAL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_good),
		cmocka_unit_test(test_form_each_field),
		cmocka_unit_test(test_split_mrns),
		cmocka_unit_test(test_plates),
		cmocka_unit_test(test_number_like),
		cmocka_unit_test(test_day_rule),
		cmocka_unit_test(test_hour_rule),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_can_change),
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_lanes),
		cmocka_unit_test(test_status_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
