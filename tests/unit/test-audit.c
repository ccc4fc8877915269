/* test-audit.c: cmocka tests for the audit details' words in
 * domain/audit.c: a number and an amount as each language writes them,
 * a parameter that cannot split a detail, a vehicle's name. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "audit.h"
#include "util.h"

static struct arena a;

static const char *num(const char *in, const char *lang, int money)
{
	return audit_number(&a, in, strlen(in), lang, money);
}

static void test_numbers(void **state)
{
	(void)state;
	assert_string_equal(num("0", "pl", 0), "0");
	assert_string_equal(num("120", "pl", 0), "120");
	/* Four digits and more grouped by thousands. */
	assert_string_equal(num("10450", "pl", 0), "10 450");
	assert_string_equal(num("10450", "en", 0), "10,450");
	assert_string_equal(num("1234", "en", 0), "1,234");
	assert_string_equal(num("1234567", "pl", 0), "1 234 567");
	assert_string_equal(num("48.37", "pl", 0), "48,37");
	assert_string_equal(num("48.37", "en", 0), "48.37");
	assert_string_equal(num("-1234.5", "pl", 0), "-1 234,5");
	/* Only the given characters count. */
	assert_string_equal(audit_number(&a, "12345|x", 5, "en", 0), "12,345");
	arena_reset(&a);
}

static void test_money(void **state)
{
	(void)state;
	assert_string_equal(num("1234.50", "pl", 1), "1 234,50 zł");
	assert_string_equal(num("1234.50", "en", 1), "PLN 1,234.50");
	assert_string_equal(num("123.45", "pl", 1), "123,45 zł");
	assert_string_equal(num("123.45", "en", 1), "PLN 123.45");
	assert_string_equal(num("7", "pl", 1), "7,00 zł");
	assert_string_equal(num("7.5", "en", 1), "PLN 7.50");
	assert_string_equal(num("1000000.00", "en", 1), "PLN 1,000,000.00");
	arena_reset(&a);
}

static void test_not_numbers(void **state)
{
	(void)state;
	/* Anything else is shown as written by the caller. */
	assert_null(num("", "pl", 0));
	assert_null(num("-", "pl", 0));
	assert_null(num("12a", "pl", 0));
	assert_null(num("1.", "pl", 0));
	assert_null(num(".5", "pl", 0));
	assert_null(num("1,5", "en", 0));
	assert_null(num("1 234", "pl", 0));
	assert_null(num("1.234", "pl", 1)); /* no third decimal of a złoty */
	assert_null(num("1234567890123456789012345678901", "en", 0));
	arena_reset(&a);
}

static void test_params(void **state)
{
	(void)state;
	assert_string_equal(audit_param(&a, "Jan Kowalski"), "Jan Kowalski");
	assert_string_equal(audit_param(&a, "a|b||c"), "a/b//c");
	assert_string_equal(audit_param(&a, NULL), "");
	assert_string_equal(audit_vehicle(&a, "WI 1234A", "Volkswagen", "Golf"),
			    "WI 1234A (Volkswagen Golf)");
	assert_string_equal(audit_vehicle(&a, "NO 1", "Ford|X", "Transit"),
			    "NO 1 (Ford/X Transit)");
	arena_reset(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_not_numbers),
		cmocka_unit_test(test_params),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
