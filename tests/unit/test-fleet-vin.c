/* test-fleet-vin.c: cmocka tests for domain/fleet_vin.c: the VIN's
 * characters, length and check digit on real VINs */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fleet.h"

static void test_the_classic_check_digit_example(void **state)
{
	(void)state;
	/* 49 CFR 565's worked example: check digit X. */
	assert_int_equal(fleet_vin_check_digit("1M8GDM9AXKP042788"), 'X');
	assert_int_equal(fleet_vin_check("1M8GDM9AXKP042788"), FLEET_VIN_OK);
}

static void test_real_north_american_vins_pass(void **state)
{
	(void)state;
	/* Published VINs of real vehicles (Honda Accord, Saturn, Ford
	 * Mustang, Chevrolet Tahoe with the digit X). */
	assert_int_equal(fleet_vin_check("1HGCM82633A004352"), FLEET_VIN_OK);
	assert_int_equal(fleet_vin_check("5GZCZ43D13S812715"), FLEET_VIN_OK);
	assert_int_equal(fleet_vin_check("1FAFP40634F172825"), FLEET_VIN_OK);
	assert_int_equal(fleet_vin_check("1GNEK13ZX3R298984"), FLEET_VIN_OK);
	assert_int_equal(fleet_vin_check_digit("1GNEK13ZX3R298984"), 'X');
	/* A Japanese Honda carries a correct digit too. */
	assert_int_equal(fleet_vin_check_digit("JHMCM56557C404453"), '5');
}

static void test_a_wrong_check_digit_is_refused_in_north_america(void **state)
{
	(void)state;
	assert_int_equal(fleet_vin_check("1M8GDM9A1KP042788"), FLEET_VIN_CHECK);
	assert_int_equal(fleet_vin_check("1HGCM82643A004352"), FLEET_VIN_CHECK);
	assert_int_equal(fleet_vin_check("5GZCZ43D23S812715"), FLEET_VIN_CHECK);
}

static void test_european_vins_need_no_check_digit(void **state)
{
	(void)state;
	/* Volkswagen and Škoda write Z or a letter in the ninth place. */
	assert_int_equal(fleet_vin_check("WVWZZZ1JZXW000001"), FLEET_VIN_OK);
	assert_int_equal(fleet_vin_check("TMBJJ7NE5K0000505"), FLEET_VIN_OK);
	/* A European VIN that carries the right digit passes too. */
	assert_int_equal(fleet_vin_check("WVWZZZAUXJP000101"), FLEET_VIN_OK);
}

static void test_length_and_characters(void **state)
{
	(void)state;
	assert_int_equal(fleet_vin_check(""), FLEET_VIN_LENGTH);
	assert_int_equal(fleet_vin_check(NULL), FLEET_VIN_LENGTH);
	assert_int_equal(fleet_vin_check("1M8GDM9AXKP04278"), FLEET_VIN_LENGTH);
	assert_int_equal(fleet_vin_check("1M8GDM9AXKP0427888"),
			 FLEET_VIN_LENGTH);
	/* I, O and Q are never used (they read as 1 and 0). */
	assert_int_equal(fleet_vin_check("WVWZZZ1JZXW00000I"), FLEET_VIN_CHARS);
	assert_int_equal(fleet_vin_check("WVWZZZ1JZXW00000O"), FLEET_VIN_CHARS);
	assert_int_equal(fleet_vin_check("WVWZZZ1JZXW00000Q"), FLEET_VIN_CHARS);
	assert_int_equal(fleet_vin_check("wvwzzz1jzxw000001"), FLEET_VIN_CHARS);
	assert_int_equal(fleet_vin_check("WVWZZZ1JZXW00000-"), FLEET_VIN_CHARS);
	assert_int_equal(fleet_vin_check_digit("1M8GDM9AXKP04278O"), 0);
}

static void test_normalise(void **state)
{
	char out[18];

	(void)state;
	assert_int_equal(
		fleet_vin_normalise(" 1m8gdm9axkp-042788 ", out, sizeof(out)),
		17);
	assert_string_equal(out, "1M8GDM9AXKP042788");
	/* Too long for the buffer: nothing. */
	assert_int_equal(
		fleet_vin_normalise("1M8GDM9AXKP0427889", out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_classic_check_digit_example),
		cmocka_unit_test(test_real_north_american_vins_pass),
		cmocka_unit_test(
			test_a_wrong_check_digit_is_refused_in_north_america),
		cmocka_unit_test(test_european_vins_need_no_check_digit),
		cmocka_unit_test(test_length_and_characters),
		cmocka_unit_test(test_normalise),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
