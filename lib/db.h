/* db.h: the data layer: one MariaDB connection per worker and named
 * prepared statements, prepared on first use and again after a reconnect */
#ifndef ZSOG_DB_H
#define ZSOG_DB_H

#include <ClearSilver.h>
#include <mysql.h>

#include "util.h"

/* A worker's connections. DB_MAIN takes every write and every statement
 * not marked otherwise (Db.Hosts, or Db.Socket); DB_READ, when Db.Read.Hosts
 * names a copy (a read replica), the statements their module marked
 * SQL_READ; the monitors read their server's replication state as
 * zsog_monitor (lib/dbstate.c). */
enum db_conn { DB_MAIN, DB_READ, DB_MONITOR, DB_MONITOR_READ, DB__CONNS };

/* A named statement. Declare them static in the module that owns them;
 * the handle is private to the worker process (workers are forked). */
struct sql {
	const char *text;
	MYSQL_STMT *st;
	unsigned gen;	    /* connection generation st was prepared on */
	struct sql *next;   /* list of prepared statements, for closing */
	unsigned char conn; /* enum db_conn it runs on */
	unsigned char on;   /* enum db_conn st was prepared on */
};
/* A braced initialiser, which clang-format would lay out as a block. */
/* clang-format off */
#define SQL(text) { (text), NULL, 0, NULL, DB_MAIN, 0 }
/* A read-only statement that may read a copy a few seconds old: only
 * when the module owning it decides that is good enough (reports,
 * searches). Inside a transaction, without a copy, or while the copy is
 * down, it runs on DB_MAIN (db_read_state says which). */
#define SQL_READ(text) { (text), NULL, 0, NULL, DB_READ, 0 }
#define SQL_ON(conn, text) { (text), NULL, 0, NULL, (conn), 0 }
/* clang-format on */

/* The servers of a list: "host:port,host:port" or unix socket paths
 * ("/run/mysqld.sock"), in the order they are tried. */
#define DB_MAXHOSTS 8
struct db_host {
	char host[200]; /* name or address; the path of a socket */
	unsigned port;	/* 0 for a socket */
	int socket;
};
/* Fills out with at most max hosts; the count, or -1 when the list does
 * not parse (a missing or bad port, too many, too long). */
int db_hosts_parse(const char *list, struct db_host *out, int max);

/* What a failure means (the decision of db_tx and of a statement outside
 * a transaction): run again on the same server (a deadlock, Galera's
 * certification conflict, a lock wait timeout), on the next server (lost
 * connection 2006/2013, cannot connect, killed, 1047 Galera node not
 * ready, 1053 shutdown), or not at all. */
enum db_fail { DB_FAIL_NONE, DB_FAIL_AGAIN, DB_FAIL_SERVER, DB_FAIL_OTHER };
enum db_fail db_fail_kind(unsigned err);

/* A copy that failed is left alone this long; reads go to DB_MAIN. */
#define DB_READ_RETRY_SECONDS 10
enum db_read {
	DB_READ_MAIN,	  /* no copy configured: everything on DB_MAIN */
	DB_READ_COPY,	  /* reads go to the copy */
	DB_READ_FALLBACK, /* the copy is down: reads went to DB_MAIN */
};
enum db_read db_read_state(void);

#define DB_MAXCOLS 96 /* SHOW ALL SLAVES STATUS has about 70 */
#define DB_MAXPARAMS 64

/* A row copied into a request arena; NULL columns are NULL. */
struct row {
	int n;
	const char *v[DB_MAXCOLS];
	const char *name[DB_MAXCOLS];
};

/* Rows written by many workers at once are spread over DB_SLOTS rows
 * keyed by the writer (the reports' rollups), read back summed. A worker
 * calls db_set_slot(its index % DB_SLOTS) before db_open(): each
 * (re)connect then sets the session's @zsog_slot, which such statements
 * read (IFNULL(@zsog_slot, CONNECTION_ID() % 16) where none was set).
 * A program's background process writes as slot DB_SLOTS. */
#define DB_SLOTS 16
void db_set_slot(int slot);

/* Connects with the account named in the config for this service, to the
 * first live server of Db.Hosts (else Db.Socket). A server lost later
 * (or not ready) is replaced by the next live one of the list; statements
 * are prepared again there. */
int db_open(const char *service);
void db_close(void);
int db_ping(void);

/*
 * Parameters are described by fmt, one letter each:
 *   s  const char *        (NULL binds SQL NULL)
 *   i  long long
 *   b  const void *, size_t (a blob)
 */
/* Returns affected rows, or -1 (see db_errno()). */
long long db_exec(struct sql *q, const char *fmt, ...);
/* Rows into hdf as prefix.N.column (NULL columns left unset); returns the
 * row count or -1. */
int db_select_hdf(struct sql *q, HDF *hdf, const char *prefix, const char *fmt,
		  ...);
/* First row into *row (strings in arena a); 1 found, 0 none, -1 error. */
int db_get(struct arena *a, struct sql *q, struct row *row, const char *fmt,
	   ...);
/* Calls cb for each row; cb returns 0 to go on, non-zero to stop. */
typedef int (*db_row_cb)(const struct row *row, void *ctx);
int db_each(struct sql *q, db_row_cb cb, void *ctx, const char *fmt, ...);

/* One statement without parameters, outside a transaction: DDL whose text
 * the caller builds from its own constants and the clock (a partition's name
 * and bound), never from input. 0 or -1. */
int db_ddl(const char *text);

long long db_insert_id(struct sql *q);
/* q with n parameters bound by the caller (lib/db_bulk.c); affected
 * rows or -1. */
long long db_exec_bind(struct sql *q, MYSQL_BIND *bind, unsigned long n);
unsigned db_errno(void);
const char *db_error(void);
/* True when the last error was a duplicate key. */
int db_duplicate(void);

/* A transaction: a deadlock, a Galera brute-force abort, a lock wait
 * timeout or a lost server inside it fails it for good (db_tx_failed):
 * every later statement returns -1 with that error without being sent,
 * and db_commit rolls back and returns -1. After a deadlock the server
 * has rolled the transaction back and runs the next statements in
 * autocommit: each would be kept, half of the work. An answer that shows
 * the session out of its transaction (ended by the server with no error
 * to us) fails it the same way, as a 1213; so does an error the server
 * sends among a read's rows or in place of their end (the client library
 * keeps that one on the connection, not on the statement). */
int db_begin(void);
int db_commit(void);
void db_rollback(void);
int db_in_transaction(void);
/* The error that failed the transaction in hand; 0 while it is sound. */
unsigned db_tx_failed(void);

/*
 * fn(ctx) inside a transaction: COMMIT when it returns 0, ROLLBACK when it
 * returns anything else. A deadlock or lock wait timeout (in fn, at
 * COMMIT, or left over at START TRANSACTION) rolls back and runs fn again
 * from the start, DB_TX_ATTEMPTS times at most, after a short random
 * pause (two requests that collided once should not collide again in
 * step). A failure inside fn counts whatever fn made of it: a run whose
 * transaction failed (db_tx_failed) is rolled back and run again even
 * when fn returned 0 or a refusal of its own, decided on reads that
 * failed. So fn must not keep state from one run to the next, and must
 * not begin, commit or roll back itself. Returns 0 committed, fn's own
 * non-zero value (rolled back: a refusal, or an error fn saw), or -1 when
 * BEGIN or COMMIT failed or the last run's transaction failed.
 */
#define DB_TX_ATTEMPTS 3
int db_tx(int (*fn)(void *ctx), void *ctx);
/* The pure parts, for tests: after run `attempt` (0-based) failed with
 * err (at_commit: the COMMIT itself failed), what next? And how long to
 * pause before another run, given a random number. A server lost before
 * COMMIT: again on the next server. A COMMIT whose answer was lost:
 * DB_TX_UNKNOWN, never run again (it may have landed); the router then
 * answers 503 "check and try again" (db_commit_unknown). */
enum db_tx_next { DB_TX_STOP, DB_TX_AGAIN, DB_TX_UNKNOWN };
enum db_tx_next db_tx_next(int attempt, unsigned err, int at_commit);
int db_tx_again(int attempt, unsigned err);
/* The last COMMIT was sent and its answer lost. */
int db_commit_unknown(void);
/* The last failure was the server's (lost, not ready) or an unknown
 * COMMIT: a 503 for the client, not a 500. */
int db_unavailable(void);
unsigned db_tx_pause_us(int attempt, unsigned rnd);
/* fn runs when the transaction in hand ends (after COMMIT; also after a
 * rollback, where it must be harmless). One hook at a time. */
void db_on_commit(void (*fn)(void));

/* Value of column name in row, or def. */
const char *row_get(const struct row *row, const char *name, const char *def);
long long row_int(const struct row *row, const char *name, long long def);

#endif
