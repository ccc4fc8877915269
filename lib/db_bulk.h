/* db_bulk.h: multi-row prepared INSERTs: one statement, one round trip
 * for many rows, its SQL text a constant per row count */
#ifndef ZSOG_DB_BULK_H
#define ZSOG_DB_BULK_H

#include "db.h"

/* Row counts a statement is prepared for (largest first); a batch is cut
 * into chunks of these sizes, so a worker prepares at most this many. */
#define BULK_NSIZES 7
#define BULK_MAX 100

/*
 * head: "INSERT INTO t (a, b, c) VALUES "; row: "(?, ?, NOW())" with
 * nparams '?'. Both are constants of the caller: the statement text is
 * head + row repeated, never anything from input.
 */
struct bulk {
	const char *head, *row;
	unsigned nparams;
	struct sql q[BULK_NSIZES];
	const char *tail; /* after the rows (ON DUPLICATE KEY UPDATE …), or
			     NULL */
};
/* A braced initialiser, which clang-format would lay out as a block. */
/* clang-format off */
#define BULK(head, row, nparams) { (head), (row), (nparams), { { 0 } }, NULL }
/* The same with a constant tail: an upsert of many rows, one statement. */
#define BULK_TAIL(head, row, nparams, tail) \
	{ (head), (row), (nparams), { { 0 } }, (tail) }
/* clang-format on */

/* The number of rows the next statement should take out of remaining
 * (> 0): the largest prepared size not above it. */
int db_bulk_chunk(int remaining);
/* Inserts nrows rows (a db_bulk_chunk() size) bound row after row in
 * bind (nrows * nparams entries); returns affected rows or -1 (see
 * db_duplicate(); a failed statement leaves the transaction open). */
long long db_bulk_exec(struct bulk *b, MYSQL_BIND *bind, int nrows);
/* Id of row i of the last successful db_bulk_exec(b, ..): a statement of
 * known row count gets consecutive AUTO_INCREMENT values; 0 when the
 * server does not promise that (innodb_autoinc_lock_mode 2), then the
 * caller inserts row by row. */
long long db_bulk_id(struct bulk *b, int nrows, int i);
/* 1 when db_bulk_id() can be trusted on this server; -1 on error. */
int db_bulk_ok(void);

/* Bind helpers: s NULL binds SQL NULL; len and v must outlive the call. */
void bulk_bind_str(MYSQL_BIND *b, const char *s, unsigned long *len);
void bulk_bind_int(MYSQL_BIND *b, long long *v);

#endif
