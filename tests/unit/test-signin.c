/* test-signin.c: cmocka tests for domain/signin.c's wait after failed
 * sign-ins (the rest needs a database: tests/http) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "signin.h"

static void test_free_failures_wait_nothing(void **state)
{
	(void)state;
	for (long long n = 0; n <= 5; n++)
		assert_int_equal(signin_wait(n, 5, 60, 3600), 0);
}

static void test_wait_doubles_per_failure_up_to_the_cap(void **state)
{
	(void)state;
	assert_int_equal(signin_wait(6, 5, 60, 3600), 60);
	assert_int_equal(signin_wait(7, 5, 60, 3600), 120);
	assert_int_equal(signin_wait(8, 5, 60, 3600), 240);
	assert_int_equal(signin_wait(11, 5, 60, 3600), 1920);
	assert_int_equal(signin_wait(12, 5, 60, 3600), 3600);
	/* No overflow however long an address keeps failing. */
	assert_int_equal(signin_wait(1000000, 5, 60, 3600), 3600);
	assert_int_equal(signin_wait(21, 20, 60, 3600), 60);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_free_failures_wait_nothing),
		cmocka_unit_test(test_wait_doubles_per_failure_up_to_the_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
