/* test-exchange.c: cmocka tests for domain/exchange's decisions without a
 * database: the key an object is found by (what a record must be to be
 * imported), the partners' HMAC, and the watch list's lookalike key of an
 * imported candidate (the import itself runs in tests/http) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <string.h>

#include "exchange.h"
#include "hmac.h"
#include "watch.h"

static const char *key(const char *kind, const char *value)
{
	static char out[144];

	return exchange_value_key(kind, value, out, sizeof(out)) ? out : NULL;
}

static void test_plates_are_keyed_like_the_register(void **state)
{
	(void)state;
	assert_string_equal(key("plate", "wa 12.345-b"), "WA12345B");
	assert_null(key("plate", "W"));		      /* too short */
	assert_null(key("plate", "WA1234567890123")); /* too long */
	assert_null(key("plate", "WA_123"));
}

static void test_containers_need_their_check_digit(void **state)
{
	(void)state;
	assert_string_equal(key("container", "csqu 305438-3"), "CSQU3054383");
	assert_null(key("container", "CSQU3054384"));
	assert_null(key("container", "CSQU305438"));
}

static void test_companies_need_a_valid_eori(void **state)
{
	(void)state;
	assert_string_equal(key("company", "PL5260250274-00000"),
			    "PL526025027400000");
	assert_null(key("company", "PL1234567890"));
}

static void test_documents_and_unknown_kinds(void **state)
{
	(void)state;
	assert_string_equal(key("document", "ab 123456"), "AB123456");
	assert_null(key("document", "A"));
	assert_null(key("document", "AB1234567890123456789"));
	assert_null(key("vin", "WVWZZZ1JZ3W386752"));
	assert_null(key(NULL, "AB"));
	assert_null(key("plate", NULL));
}

/* The same vector as tests/http/exchange_lib.py computes. */
static void test_sign_matches_the_documented_scheme(void **state)
{
	char out[65];

	(void)state;
	assert_int_equal(
		hmac_sign_request(
			"956b0961f165be5e7d4b550b9f6670780680382fdfca343ccdfb514f3978ed0b",
			"PL-KGP", "1700000000", "<x/>", 4, out),
		0);
	assert_string_equal(
		out,
		"93a5814d35766e019aab556889703e99905cc3f3f97f518d0453abfd9860102a");
	assert_int_equal(hmac_sign_request("00", "PL-KGP", "1", "", 0, out),
			 -1);
	assert_int_equal(
		hmac_sign_request(
			"zz5b0961f165be5e7d4b550b9f6670780680382fdfca343ccdfb514f3978ed0b",
			"PL-KGP", "1", "", 0, out),
		-1);
}

static void test_fold_key_folds_what_readers_confuse(void **state)
{
	char out[16];

	(void)state;
	assert_int_equal(watch_fold_key("OIB0X", out, sizeof(out)), 5);
	assert_string_equal(out, "0180X");
	assert_int_equal(
		watch_fold_key("ABCDEFGHIJKLMNOPQRS", out, sizeof(out)), 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plates_are_keyed_like_the_register),
		cmocka_unit_test(test_containers_need_their_check_digit),
		cmocka_unit_test(test_companies_need_a_valid_eori),
		cmocka_unit_test(test_documents_and_unknown_kinds),
		cmocka_unit_test(test_sign_matches_the_documented_scheme),
		cmocka_unit_test(test_fold_key_folds_what_readers_confuse),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
