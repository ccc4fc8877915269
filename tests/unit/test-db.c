/* test-db.c: cmocka tests for the pure parts of lib/db.c: the transaction
 * with retry (db_tx): which failures run the transaction again (on the
 * same server or the next), how many times, how long the pause before
 * each new run is, when a lost COMMIT is reported instead; and the list
 * of servers (Db.Hosts). (The runs
 * themselves need a database: the HTTP suites book, change and cancel
 * through db_tx.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <errmsg.h>
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
	 * duplicate key, a syntax error: running the same thing again
	 * cannot give another answer. */
	assert_false(db_tx_again(0, 0));
	assert_false(db_tx_again(0, ER_DUP_ENTRY));
	assert_false(db_tx_again(0, ER_PARSE_ERROR));
	assert_false(db_tx_again(0, ER_ACCESS_DENIED_ERROR));
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

/* Which failures mean "another server": the connection lost or refused,
 * a Galera node not ready or shutting down. */
static void test_fail_kinds(void **state)
{
	(void)state;
	assert_int_equal(db_fail_kind(0), DB_FAIL_NONE);
	assert_int_equal(db_fail_kind(CR_SERVER_GONE_ERROR), DB_FAIL_SERVER);
	assert_int_equal(db_fail_kind(CR_SERVER_LOST), DB_FAIL_SERVER);
	assert_int_equal(CR_SERVER_GONE_ERROR, 2006);
	assert_int_equal(CR_SERVER_LOST, 2013);
	assert_int_equal(db_fail_kind(CR_CONNECTION_ERROR), DB_FAIL_SERVER);
	assert_int_equal(db_fail_kind(CR_CONN_HOST_ERROR), DB_FAIL_SERVER);
	assert_int_equal(db_fail_kind(1047), DB_FAIL_SERVER); /* WSREP */
	assert_int_equal(db_fail_kind(1053), DB_FAIL_SERVER); /* shutdown */
	assert_int_equal(db_fail_kind(ER_CONNECTION_KILLED), DB_FAIL_SERVER);
	assert_int_equal(db_fail_kind(ER_LOCK_DEADLOCK), DB_FAIL_AGAIN);
	assert_int_equal(db_fail_kind(ER_LOCK_WAIT_TIMEOUT), DB_FAIL_AGAIN);
	assert_int_equal(db_fail_kind(ER_DUP_ENTRY), DB_FAIL_OTHER);
	assert_int_equal(db_fail_kind(ER_TABLEACCESS_DENIED_ERROR),
			 DB_FAIL_OTHER);
	assert_int_equal(db_fail_kind(ER_OPTION_PREVENTS_STATEMENT),
			 DB_FAIL_OTHER); /* read_only */
}

/* Before COMMIT a lost server took nothing: the transaction runs again
 * (on the next server). */
static void test_lost_before_commit_runs_again(void **state)
{
	(void)state;
	assert_int_equal(db_tx_next(0, CR_SERVER_LOST, 0), DB_TX_AGAIN);
	assert_int_equal(db_tx_next(0, CR_SERVER_GONE_ERROR, 0), DB_TX_AGAIN);
	assert_int_equal(db_tx_next(1, 1047, 0), DB_TX_AGAIN);
	assert_true(db_tx_again(0, CR_SERVER_LOST));
	/* ... but not for ever. */
	assert_int_equal(db_tx_next(DB_TX_ATTEMPTS - 1, CR_SERVER_LOST, 0),
			 DB_TX_STOP);
}

/* A COMMIT whose answer was lost may have landed: never run again, the
 * client is told (503). A node not ready refused it before anything. */
static void test_lost_commit_is_unknown(void **state)
{
	(void)state;
	assert_int_equal(db_tx_next(0, CR_SERVER_LOST, 1), DB_TX_UNKNOWN);
	assert_int_equal(db_tx_next(0, CR_SERVER_GONE_ERROR, 1), DB_TX_UNKNOWN);
	assert_int_equal(db_tx_next(0, 1053, 1), DB_TX_UNKNOWN);
	assert_int_equal(db_tx_next(DB_TX_ATTEMPTS - 1, CR_SERVER_LOST, 1),
			 DB_TX_UNKNOWN);
	assert_int_equal(db_tx_next(0, 1047, 1), DB_TX_AGAIN);
	/* Galera's certification conflict surfaces at COMMIT as 1213. */
	assert_int_equal(db_tx_next(0, ER_LOCK_DEADLOCK, 1), DB_TX_AGAIN);
	assert_int_equal(db_tx_next(0, ER_DUP_ENTRY, 1), DB_TX_STOP);
	assert_int_equal(db_tx_next(0, 0, 1), DB_TX_STOP);
}

static void test_hosts_parse(void **state)
{
	struct db_host h[DB_MAXHOSTS];

	(void)state;
	assert_int_equal(db_hosts_parse("127.0.0.1:3311,127.0.0.1:3312,"
					"127.0.0.1:3313",
					h, DB_MAXHOSTS),
			 3);
	assert_string_equal(h[0].host, "127.0.0.1");
	assert_int_equal(h[0].port, 3311);
	assert_int_equal(h[2].port, 3313);
	assert_false(h[1].socket);
	/* Spaces after commas, names, sockets. */
	assert_int_equal(db_hosts_parse("g1.zsog:3306, /var/run/db2.sock", h,
					DB_MAXHOSTS),
			 2);
	assert_string_equal(h[0].host, "g1.zsog");
	assert_int_equal(h[0].port, 3306);
	assert_string_equal(h[1].host, "/var/run/db2.sock");
	assert_true(h[1].socket);
	assert_int_equal(h[1].port, 0);
	assert_int_equal(db_hosts_parse("", h, DB_MAXHOSTS), 0);
	assert_int_equal(db_hosts_parse(" , ", h, DB_MAXHOSTS), 0);
}

static void test_hosts_parse_refuses(void **state)
{
	struct db_host h[DB_MAXHOSTS];
	char big[400];

	(void)state;
	assert_int_equal(db_hosts_parse("127.0.0.1", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse("127.0.0.1:", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse(":3306", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse("h:0", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse("h:65536", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse("h:33x6", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse("h:-1", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse("a:1,b", h, DB_MAXHOSTS), -1);
	assert_int_equal(db_hosts_parse("a:1,b:2,c:3", h, 2), -1);
	memset(big, 'x', sizeof(big) - 3);
	memcpy(big + sizeof(big) - 3, ":1", 3);
	assert_int_equal(db_hosts_parse(big, h, DB_MAXHOSTS), -1);
	big[0] = '/';
	assert_int_equal(db_hosts_parse(big, h, DB_MAXHOSTS), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadlock_and_lock_wait_run_again),
		cmocka_unit_test(test_other_failures_do_not),
		cmocka_unit_test(test_runs_are_bounded),
		cmocka_unit_test(test_pause_is_short_and_jittered),
		cmocka_unit_test(test_fail_kinds),
		cmocka_unit_test(test_lost_before_commit_runs_again),
		cmocka_unit_test(test_lost_commit_is_unknown),
		cmocka_unit_test(test_hosts_parse),
		cmocka_unit_test(test_hosts_parse_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
