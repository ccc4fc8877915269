/* test-db-tx.c: cmocka tests of a transaction that fails inside its run
 * (lib/db.c: db_tx, db_begin, db_commit): whatever the run makes of a
 * deadlock, a Galera brute-force abort or a lock wait timeout, nothing of
 * it is committed and db_tx runs it again. The client library is a fake
 * (the link wraps mysql_*: Makefile) that behaves as MariaDB 10.11.19
 * did when measured: a deadlock rolls the whole transaction back and the
 * next statements run in autocommit, each kept at once; a lock wait
 * timeout undoes only its statement; every answer says whether the
 * session is in a transaction (SERVER_STATUS_IN_TRANS). An error the
 * server sends among a read's rows is kept as Connector/C keeps it: on
 * the connection only (mysql_errno), the statement's error 0, and when it
 * comes after the rows read, met by mysql_stmt_free_result. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <mysqld_error.h>
#include <cmocka.h>
#include <sodium.h>

#include "db.h"

/* The fake server. A statement's text is the name of the row it writes
 * ("A"); the tables are strings of those names. */
static struct {
	char committed[256];	  /* what COMMIT (or autocommit) kept */
	char pending[256];	  /* the open transaction's writes */
	int open;		  /* a transaction is open */
	int sent;		  /* statements executed (not refused) */
	int starts;		  /* START TRANSACTION sent */
	const char *fail_name;	  /* this statement fails ... */
	unsigned fail_err;	  /* ... with this error ... */
	int fail_times;		  /* ... this many times more */
	unsigned fail_start;	  /* the next START TRANSACTION fails so */
	const char *abort_before; /* rolled back, silently, before this */
	unsigned err;		  /* the connection's last error */
	unsigned stmt_err;	  /* the statement's (mysql_stmt_errno) */
	const char *rows_fail;	  /* this read's rows end in an error ... */
	unsigned rows_err;	  /* ... this one ... */
	int rows_fail_at;	  /* ... in place of row N (1: of the end) */
	int fetched;		  /* rows (or the end) of the read in hand */
	int read_open;		  /* its rows not read to the end */
	const char *reading;	  /* the read in hand */
} srv;

static MYSQL fake_conn;
static MYSQL_STMT fake_stmt[8];
static const char *stmt_text[8];
static int nstmt;
/* A read is a statement whose name starts with R: one row, one column. */
static MYSQL_FIELD fake_field = { .name = "v" };
static MYSQL_RES fake_res = { .field_count = 1, .fields = &fake_field };
static MYSQL_BIND *fake_bind;

/* The session's transaction begins or ends; its answers say so. */
static void srv_open(int open)
{
	srv.open = open;
	if (open)
		fake_conn.server_status |= SERVER_STATUS_IN_TRANS;
	else
		fake_conn.server_status &= ~SERVER_STATUS_IN_TRANS;
}

static void srv_reset(void)
{
	memset(&srv, 0, sizeof(srv));
	srv_open(0);
}

static void srv_fail(const char *name, unsigned err, int times)
{
	srv.fail_name = name;
	srv.fail_err = err;
	srv.fail_times = times;
}

static void append(char *to, const char *s)
{
	size_t n = strlen(to);

	snprintf(to + n, sizeof(srv.committed) - n, "%s", s);
}

static void keep(const char *name)
{
	char *to = srv.open ? srv.pending : srv.committed;

	append(to, name);
	append(to, " ");
}

MYSQL *__wrap_mysql_init(MYSQL *m)
{
	(void)m;
	return &fake_conn;
}

int __wrap_mysql_options(MYSQL *m, enum mysql_option o, const void *arg)
{
	(void)m, (void)o, (void)arg;
	return 0;
}

MYSQL *__wrap_mysql_real_connect(MYSQL *m, const char *host, const char *user,
				 const char *pw, const char *db, unsigned port,
				 const char *sock, unsigned long flags)
{
	(void)host, (void)user, (void)pw, (void)db, (void)port, (void)sock;
	(void)flags;
	return m;
}

void __wrap_mysql_close(MYSQL *m)
{
	(void)m;
}

unsigned __wrap_mysql_errno(MYSQL *m)
{
	(void)m;
	return srv.err;
}

const char *__wrap_mysql_error(MYSQL *m)
{
	(void)m;
	return srv.err ? "fake failure" : "";
}

int __wrap_mysql_real_query(MYSQL *m, const char *q, unsigned long len)
{
	(void)m, (void)len;
	assert_string_equal(q, "START TRANSACTION");
	srv.starts++;
	srv.err = srv.fail_start;
	srv.fail_start = 0;
	if (srv.err)
		return 1;
	srv_open(1);
	srv.pending[0] = '\0';
	return 0;
}

my_bool __wrap_mysql_commit(MYSQL *m)
{
	(void)m;
	append(srv.committed, srv.pending);
	srv.pending[0] = '\0';
	srv_open(0);
	srv.err = 0;
	return 0;
}

my_bool __wrap_mysql_rollback(MYSQL *m)
{
	(void)m;
	srv.pending[0] = '\0';
	srv_open(0);
	return 0;
}

MYSQL_STMT *__wrap_mysql_stmt_init(MYSQL *m)
{
	(void)m;
	assert_true(nstmt < 8);
	return &fake_stmt[nstmt++];
}

int __wrap_mysql_stmt_prepare(MYSQL_STMT *st, const char *q, unsigned long n)
{
	(void)n;
	stmt_text[st - fake_stmt] = q;
	return 0;
}

my_bool __wrap_mysql_stmt_close(MYSQL_STMT *st)
{
	(void)st;
	return 0;
}

unsigned long __wrap_mysql_stmt_param_count(MYSQL_STMT *st)
{
	(void)st;
	return 0;
}

int __wrap_mysql_stmt_execute(MYSQL_STMT *st)
{
	const char *name = stmt_text[st - fake_stmt];

	srv.sent++;
	srv.err = srv.stmt_err = 0;
	if (srv.abort_before && !strcmp(name, srv.abort_before)) {
		/* A brute-force abort whose error reached no statement. */
		srv.abort_before = NULL;
		srv.pending[0] = '\0';
		srv_open(0);
	}
	if (srv.fail_times > 0 && !strcmp(name, srv.fail_name)) {
		srv.fail_times--;
		srv.err = srv.fail_err;
		/* A deadlock (a brute-force abort) rolls back the whole
		 * transaction, and what follows runs in autocommit; a lock
		 * wait timeout undoes only the statement. */
		if (srv.err == ER_LOCK_DEADLOCK) {
			srv.pending[0] = '\0';
			srv_open(0);
		}
		srv.stmt_err = srv.err;
		return 1;
	}
	/* Every answer carries the session's flag. */
	srv_open(srv.open);
	if (name[0] == 'R') {
		srv.reading = name;
		srv.fetched = 0;
		srv.read_open = 1;
		return 0;
	}
	keep(name);
	return 0;
}

unsigned __wrap_mysql_stmt_errno(MYSQL_STMT *st)
{
	(void)st;
	return srv.stmt_err;
}

const char *__wrap_mysql_stmt_error(MYSQL_STMT *st)
{
	(void)st;
	return srv.stmt_err == ER_DUP_ENTRY ? "Duplicate entry 'x' for key 'uq'"
	       : srv.stmt_err		    ? "Deadlock or lock wait timeout"
					    : "";
}

unsigned __wrap_mysql_stmt_field_count(MYSQL_STMT *st)
{
	return stmt_text[st - fake_stmt][0] == 'R';
}

MYSQL_RES *__wrap_mysql_stmt_result_metadata(MYSQL_STMT *st)
{
	(void)st;
	return &fake_res;
}

void __wrap_mysql_free_result(MYSQL_RES *res)
{
	(void)res;
}

my_bool __wrap_mysql_stmt_bind_result(MYSQL_STMT *st, MYSQL_BIND *bind)
{
	(void)st;
	fake_bind = bind;
	return 0;
}

/* The server sends the read's next row, its end, or (rows_fail) an error
 * in their place: a brute-force abort there rolls the transaction back,
 * and an error packet carries no flag (the connection's stays as it was). */
static int next_packet(void)
{
	int at = srv.fetched++;

	if (srv.rows_fail && !strcmp(srv.reading, srv.rows_fail) &&
	    at == srv.rows_fail_at) {
		srv.rows_fail = NULL;
		srv.read_open = 0;
		srv.err = srv.rows_err;
		if (srv.err == ER_LOCK_DEADLOCK) {
			srv.pending[0] = '\0';
			srv.open = 0;
		}
		return 1;
	}
	if (at == 0) {
		snprintf(fake_bind[0].buffer, fake_bind[0].buffer_length, "1");
		*fake_bind[0].length = 1;
		*fake_bind[0].is_null = 0;
		return 0;
	}
	srv.read_open = 0;
	return MYSQL_NO_DATA;
}

int __wrap_mysql_stmt_fetch(MYSQL_STMT *st)
{
	(void)st;
	if (!srv.read_open)
		return MYSQL_NO_DATA;
	return next_packet();
}

/* Clears the connection's error, then reads what is left of the rows. */
my_bool __wrap_mysql_stmt_free_result(MYSQL_STMT *st)
{
	(void)st;
	srv.err = 0;
	while (srv.read_open && next_packet() == 0)
		;
	return 0;
}

unsigned long long __wrap_mysql_stmt_affected_rows(MYSQL_STMT *st)
{
	(void)st;
	return 1;
}

static struct sql q_a = SQL("A");
static struct sql q_b = SQL("B");
static struct sql q_c = SQL("C");
static struct sql q_r = SQL("R");
static int runs;

/* A run that does not look at B's failure and goes on: a getter that
 * reads a failed query as "none" (booking_get's list of MRNs, in the race
 * of two Galera nodes). */
static int run_ignoring_b(void *ctx)
{
	(void)ctx;
	runs++;
	db_exec(&q_a, NULL);
	db_exec(&q_b, NULL);
	db_exec(&q_c, NULL);
	return 0;
}

/* A run that takes B's failure for a refusal of its own (7), after one
 * more statement whose success (before the fix) cleared the error. */
static int run_refusing_without_b(void *ctx)
{
	int none;

	(void)ctx;
	runs++;
	if (db_exec(&q_a, NULL) < 0)
		return 9;
	none = db_exec(&q_b, NULL) < 0;
	db_exec(&q_c, NULL);
	return none ? 7 : 0;
}

/* A run that tries B again after a duplicate key (a booking number taken:
 * booking.c's create_tx). */
static int run_retrying_dup(void *ctx)
{
	(void)ctx;
	runs++;
	if (db_exec(&q_a, NULL) < 0)
		return 9;
	if (db_exec(&q_b, NULL) < 0 &&
	    (!db_duplicate() || db_exec(&q_b, NULL) < 0))
		return 9;
	return db_exec(&q_c, NULL) < 0 ? 9 : 0;
}

/* A run that reads R between two writes and stops with an error of its
 * own when the read fails (the mail callback's booking_get, BK_ERROR). */
static int run_reading_r(void *ctx)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	(void)ctx;
	runs++;
	if (db_exec(&q_a, NULL) < 0)
		return 9;
	rc = db_get(&a, &q_r, &row, NULL);
	arena_reset(&a);
	if (rc != 1)
		return 9;
	return db_exec(&q_c, NULL) < 0 ? 9 : 0;
}

static int setup(void **state)
{
	(void)state;
	srv_reset();
	runs = 0;
	return 0;
}

static int group_setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	return db_open("test");
}

static void test_deadlock_ignored_by_the_run_commits_nothing_of_it(void **s)
{
	(void)s;
	srv_fail("B", ER_LOCK_DEADLOCK, 1);
	assert_int_equal(db_tx(run_ignoring_b, NULL), 0);
	/* Not "C " (the first run's C, in the server's new transaction):
	 * the first run stopped at B; the second did the whole. */
	assert_string_equal(srv.committed, "A B C ");
	assert_int_equal(runs, 2);
	assert_int_equal(srv.sent, 2 + 3);
	assert_int_equal(srv.starts, 2);
}

static void test_refusal_on_a_failed_read_runs_again(void **s)
{
	(void)s;
	srv_fail("B", ER_LOCK_DEADLOCK, 1);
	assert_int_equal(db_tx(run_refusing_without_b, NULL), 0);
	assert_string_equal(srv.committed, "A B C ");
	assert_int_equal(runs, 2);
}

static void test_lock_wait_timeout_ignored_commits_nothing(void **s)
{
	(void)s;
	/* InnoDB undid B only: A is still in the transaction. */
	srv_fail("B", ER_LOCK_WAIT_TIMEOUT, 1);
	assert_int_equal(db_tx(run_ignoring_b, NULL), 0);
	assert_string_equal(srv.committed, "A B C ");
	assert_int_equal(runs, 2);
}

static void test_failing_every_run_gives_up_with_nothing(void **s)
{
	(void)s;
	srv_fail("B", ER_LOCK_DEADLOCK, DB_TX_ATTEMPTS);
	assert_int_equal(db_tx(run_ignoring_b, NULL), -1);
	assert_int_equal(db_errno(), ER_LOCK_DEADLOCK);
	assert_string_equal(srv.committed, "");
	assert_int_equal(runs, DB_TX_ATTEMPTS);
	assert_int_equal(srv.sent, 2 * DB_TX_ATTEMPTS);
}

static void test_deadlock_at_start_runs_again(void **s)
{
	(void)s;
	/* A brute-force abort reported once more, to the next statement. */
	srv.fail_start = ER_LOCK_DEADLOCK;
	assert_int_equal(db_tx(run_ignoring_b, NULL), 0);
	assert_string_equal(srv.committed, "A B C ");
	assert_int_equal(runs, 1);
	assert_int_equal(srv.starts, 2);
}

static void test_other_start_failure_is_not_run_again(void **s)
{
	(void)s;
	srv.fail_start = ER_OPTION_PREVENTS_STATEMENT;
	assert_int_equal(db_tx(run_ignoring_b, NULL), -1);
	assert_int_equal(runs, 0);
	assert_int_equal(srv.starts, 1);
}

static void test_duplicate_key_does_not_fail_the_transaction(void **s)
{
	(void)s;
	srv_fail("B", ER_DUP_ENTRY, 1);
	assert_int_equal(db_tx(run_retrying_dup, NULL), 0);
	assert_string_equal(srv.committed, "A B C ");
	assert_int_equal(runs, 1);
}

static void test_refusal_of_the_run_itself_is_kept(void **s)
{
	(void)s;
	/* No failure: a refusal the run decided, rolled back, not rerun. */
	srv_fail("B", ER_DUP_ENTRY, 1);
	assert_int_equal(db_tx(run_refusing_without_b, NULL), 7);
	assert_string_equal(srv.committed, "");
	assert_int_equal(runs, 1);
}

/* The server ended the transaction without an error to any statement:
 * the statement sent next ran alone, in autocommit, and is kept (what a
 * client cannot undo); the answer to it shows the transaction gone, so
 * nothing more runs in it and the run is made again. */
static void test_abort_reported_to_no_statement_stops_the_run(void **s)
{
	(void)s;
	srv.abort_before = "B";
	assert_int_equal(db_tx(run_ignoring_b, NULL), 0);
	assert_string_equal(srv.committed, "B A B C ");
	assert_int_equal(runs, 2);
	assert_int_equal(srv.sent, 2 + 3);
}

/* A transaction of db_begin and db_commit (not db_tx): after the failure
 * no statement is sent, COMMIT keeps nothing. */
static void test_failed_transaction_refuses_statements(void **s)
{
	(void)s;
	srv_fail("B", ER_LOCK_DEADLOCK, 1);
	assert_int_equal(db_begin(), 0);
	assert_int_equal(db_exec(&q_a, NULL), 1);
	assert_int_equal(db_tx_failed(), 0);
	assert_int_equal(db_exec(&q_b, NULL), -1);
	assert_int_equal(db_tx_failed(), ER_LOCK_DEADLOCK);
	assert_int_equal(db_exec(&q_c, NULL), -1);
	assert_int_equal(db_errno(), ER_LOCK_DEADLOCK);
	assert_int_equal(srv.sent, 2);
	assert_int_equal(db_commit(), -1);
	assert_int_equal(db_errno(), ER_LOCK_DEADLOCK);
	assert_string_equal(srv.committed, "");
	assert_int_equal(db_tx_failed(), 0);
	/* The next transaction is sound. */
	assert_int_equal(db_begin(), 0);
	assert_int_equal(db_exec(&q_c, NULL), 1);
	assert_int_equal(db_commit(), 0);
	assert_string_equal(srv.committed, "C ");
}

/* Outside a transaction a deadlock is the statement's own (autocommit):
 * the next statement runs. */
static void test_autocommit_is_not_refused_after_a_deadlock(void **s)
{
	(void)s;
	srv_fail("B", ER_LOCK_DEADLOCK, 1);
	assert_int_equal(db_exec(&q_b, NULL), -1);
	assert_int_equal(db_exec(&q_c, NULL), 1);
	assert_string_equal(srv.committed, "C ");
}

/* The Galera race's 500: the abort came among the read's rows, the
 * statement's error said 0, the run stopped with its own error and was
 * not run again. */
static void test_abort_among_the_rows_runs_again(void **s)
{
	(void)s;
	srv.rows_fail = "R";
	srv.rows_err = ER_LOCK_DEADLOCK;
	srv.rows_fail_at = 0;
	assert_int_equal(db_tx(run_reading_r, NULL), 0);
	assert_string_equal(srv.committed, "A C ");
	assert_int_equal(runs, 2);
	assert_int_equal(srv.sent, 2 + 3);
}

/* The abort came after the row db_get wanted, in place of the end of the
 * rows, read by mysql_stmt_free_result: the read is failed, and C is not
 * sent (it would have run alone, in autocommit, and been kept). */
static void test_abort_after_the_row_read_runs_again(void **s)
{
	(void)s;
	srv.rows_fail = "R";
	srv.rows_err = ER_LOCK_DEADLOCK;
	srv.rows_fail_at = 1;
	assert_int_equal(db_tx(run_reading_r, NULL), 0);
	assert_string_equal(srv.committed, "A C ");
	assert_int_equal(runs, 2);
	assert_int_equal(srv.sent, 2 + 3);
}

/* Outside a transaction too, a read whose rows end in an error is no
 * read, and says which error. */
static void test_error_after_the_rows_fails_the_read(void **s)
{
	struct arena a = { 0 };
	struct row row;

	(void)s;
	srv.rows_fail = "R";
	srv.rows_err = ER_SUBQUERY_NO_1_ROW;
	srv.rows_fail_at = 1;
	assert_int_equal(db_get(&a, &q_r, &row, NULL), -1);
	assert_int_equal(db_errno(), ER_SUBQUERY_NO_1_ROW);
	assert_int_equal(db_get(&a, &q_r, &row, NULL), 1);
	assert_string_equal(row_get(&row, "v", ""), "1");
	arena_reset(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(
			test_deadlock_ignored_by_the_run_commits_nothing_of_it,
			setup),
		cmocka_unit_test_setup(test_refusal_on_a_failed_read_runs_again,
				       setup),
		cmocka_unit_test_setup(
			test_lock_wait_timeout_ignored_commits_nothing, setup),
		cmocka_unit_test_setup(
			test_failing_every_run_gives_up_with_nothing, setup),
		cmocka_unit_test_setup(test_deadlock_at_start_runs_again,
				       setup),
		cmocka_unit_test_setup(
			test_other_start_failure_is_not_run_again, setup),
		cmocka_unit_test_setup(
			test_duplicate_key_does_not_fail_the_transaction,
			setup),
		cmocka_unit_test_setup(test_refusal_of_the_run_itself_is_kept,
				       setup),
		cmocka_unit_test_setup(
			test_abort_reported_to_no_statement_stops_the_run,
			setup),
		cmocka_unit_test_setup(
			test_failed_transaction_refuses_statements, setup),
		cmocka_unit_test_setup(
			test_autocommit_is_not_refused_after_a_deadlock, setup),
		cmocka_unit_test_setup(test_abort_among_the_rows_runs_again,
				       setup),
		cmocka_unit_test_setup(test_abort_after_the_row_read_runs_again,
				       setup),
		cmocka_unit_test_setup(test_error_after_the_rows_fails_the_read,
				       setup),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
