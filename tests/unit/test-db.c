/* test-db.c: cmocka tests for the pure parts of lib/db.c's transaction
 * with retry (db_tx): which failures run the transaction again, how many
 * times, and how long the pause before each new run is. (The runs
 * themselves need a database: the HTTP suites book, change and cancel
 * through db_tx.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <mysqld_error.h>
#include <cmocka.h>

#include "db.h"

static void test_deadlock_and_lock_wait_run_again(void **state)
{
	(void)state;
	assert_int_equal(ER_LOCK_DEADLOCK, 1213);
	assert_int_equal(ER_LOCK_WAIT_TIMEOUT, 1205);
	assert_true(db_tx_again(0, ER_LOCK_DEADLOCK));
	assert_true(db_tx_again(0, ER_LOCK_WAIT_TIMEOUT));
	assert_true(db_tx_again(1, ER_LOCK_DEADLOCK));
}

static void test_other_failures_do_not(void **state)
{
	(void)state;
	/* A refusal decided by the transaction itself (no error), a
	 * duplicate key, a lost connection, a syntax error: running the
	 * same thing again cannot give another answer, or must not. */
	assert_false(db_tx_again(0, 0));
	assert_false(db_tx_again(0, ER_DUP_ENTRY));
	assert_false(db_tx_again(0, 2013)); /* CR_SERVER_LOST */
	assert_false(db_tx_again(0, ER_PARSE_ERROR));
	assert_false(db_tx_again(0, ER_LOCK_DEADLOCK + 1));
}

static void test_runs_are_bounded(void **state)
{
	int runs = 1;

	(void)state;
	assert_int_equal(DB_TX_ATTEMPTS, 3);
	while (db_tx_again(runs - 1, ER_LOCK_DEADLOCK))
		runs++;
	assert_int_equal(runs, DB_TX_ATTEMPTS);
	assert_false(db_tx_again(DB_TX_ATTEMPTS - 1, ER_LOCK_DEADLOCK));
	assert_false(db_tx_again(1000, ER_LOCK_DEADLOCK));
}

static void test_pause_is_short_and_jittered(void **state)
{
	(void)state;
	/* After the first failed run: 1..5 ms; after the second: 1..9 ms. */
	assert_int_equal(db_tx_pause_us(0, 0), 1000);
	assert_int_equal(db_tx_pause_us(0, 3999), 4999);
	assert_int_equal(db_tx_pause_us(0, 4000), 1000);
	assert_int_equal(db_tx_pause_us(1, 0), 1000);
	assert_int_equal(db_tx_pause_us(1, 7999), 8999);
	assert_int_equal(db_tx_pause_us(1, 8000), 1000);
	/* Any random number keeps it below 10 ms for every run we make,
	 * and a wild attempt number never makes it long. */
	for (unsigned rnd = 0; rnd < 100000; rnd += 997) {
		assert_true(db_tx_pause_us(0, rnd) < 5000);
		assert_true(db_tx_pause_us(1, rnd) < 9000);
		assert_true(db_tx_pause_us(1000, rnd) <= 65000);
	}
	assert_true(db_tx_pause_us(1000, 0xffffffffu) <= 65000);
	assert_true(db_tx_pause_us(-1, 0xffffffffu) <= 65000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadlock_and_lock_wait_run_again),
		cmocka_unit_test(test_other_failures_do_not),
		cmocka_unit_test(test_runs_are_bounded),
		cmocka_unit_test(test_pause_is_short_and_jittered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
