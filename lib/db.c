/* db.c: the data layer: one connection per worker, named prepared statements */
#include "db.h"

#include <errmsg.h>
#include <mysqld_error.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"

static MYSQL *conn;
static unsigned gen = 1; /* bumped on every (re)connect */
static struct sql *prepared;
static unsigned last_errno;
static char last_error[512];
static int in_tx;
/* Run once when the transaction in hand ends (db_on_commit). */
static void (*tx_end_hook)(void);
static char account[64];

static void set_error(unsigned no, const char *msg)
{
	last_errno = no;
	snprintf(last_error, sizeof(last_error), "%s", msg ? msg : "");
}

static void forget_statements(void)
{
	struct sql *q, *next;

	for (q = prepared; q; q = next) {
		next = q->next;
		if (q->st)
			mysql_stmt_close(q->st);
		q->st = NULL;
		q->next = NULL;
	}
	prepared = NULL;
}

static int slot = -1; /* db_set_slot(), -1 none */

void db_set_slot(int s)
{
	slot = s >= 0 && s < DB_SLOTS ? s : -1;
}

static int connect_db(void)
{
	char init[48];
	char key[96];
	const char *user, *pw;
	unsigned timeout = 5;
	my_bool off = 0;

	snprintf(key, sizeof(key), "Db.Password.%s", account);
	user = conf_get("Db.User", NULL);
	pw = conf_get(key, "");
	conn = mysql_init(NULL);
	if (!conn)
		return -1;
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(conn, MYSQL_INIT_COMMAND, "SET time_zone='+00:00'");
	/* Run by the client on every (re)connect, before any statement. The
	 * number is this process's own worker index, never input. Two ingest
	 * workers whose CONNECTION_ID() % 16 collided shared rollup rows and
	 * waited on each other's durable COMMIT (docs/performance.md). */
	if (slot >= 0) {
		snprintf(init, sizeof(init), "SET @zsog_slot = %d", slot);
		mysql_options(conn, MYSQL_INIT_COMMAND, init);
	}
	snprintf(key, sizeof(key), "zsog_%s", account);
	if (!mysql_real_connect(conn, NULL, user ? user : key, pw,
				conf_get("Db.Name", "zsog"), 0,
				conf_get("Db.Socket", NULL), 0)) {
		set_error(mysql_errno(conn), mysql_error(conn));
		log_err("db connect as %s: %s", user ? user : key, last_error);
		mysql_close(conn);
		conn = NULL;
		return -1;
	}
	gen++;
	return 0;
}

int db_open(const char *service)
{
	snprintf(account, sizeof(account), "%s", service);
	return connect_db();
}

void db_close(void)
{
	forget_statements();
	if (conn)
		mysql_close(conn);
	conn = NULL;
}

static int reconnect(void)
{
	forget_statements();
	if (conn)
		mysql_close(conn);
	conn = NULL;
	return connect_db();
}

int db_ping(void)
{
	if (!conn && connect_db() < 0)
		return -1;
	if (mysql_ping(conn) == 0)
		return 0;
	return reconnect() == 0 && mysql_ping(conn) == 0 ? 0 : -1;
}

static int lost(unsigned no)
{
	return no == CR_SERVER_GONE_ERROR || no == CR_SERVER_LOST ||
	       no == CR_CONNECTION_ERROR || no == ER_CONNECTION_KILLED;
}

static MYSQL_STMT *prepare(struct sql *q)
{
	if (!conn && connect_db() < 0)
		return NULL;
	if (q->st && q->gen == gen)
		return q->st;
	q->st = mysql_stmt_init(conn);
	if (!q->st) {
		set_error(mysql_errno(conn), mysql_error(conn));
		return NULL;
	}
	if (mysql_stmt_prepare(q->st, q->text, strlen(q->text))) {
		set_error(mysql_stmt_errno(q->st), mysql_stmt_error(q->st));
		log_err("prepare failed (%u %s): %.200s", last_errno,
			last_error, q->text);
		mysql_stmt_close(q->st);
		q->st = NULL;
		return NULL;
	}
	q->gen = gen;
	q->next = prepared;
	prepared = q;
	return q->st;
}

struct params {
	MYSQL_BIND bind[DB_MAXPARAMS];
	long long ints[DB_MAXPARAMS];
	unsigned long lens[DB_MAXPARAMS];
	int n;
};

static int bind_params(struct params *p, const char *fmt, va_list ap)
{
	const char *s;

	memset(p->bind, 0, sizeof(p->bind));
	for (p->n = 0; fmt && fmt[p->n]; p->n++) {
		MYSQL_BIND *b = &p->bind[p->n];
		int i = p->n;

		if (i >= DB_MAXPARAMS)
			return -1;
		switch (fmt[i]) {
		case 's':
			s = va_arg(ap, const char *);
			if (!s) {
				b->buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = (void *)s;
			p->lens[i] = strlen(s);
			b->buffer_length = p->lens[i];
			b->length = &p->lens[i];
			break;
		case 'i':
			p->ints[i] = va_arg(ap, long long);
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &p->ints[i];
			break;
		case 'b':
			b->buffer_type = MYSQL_TYPE_BLOB;
			b->buffer = (void *)va_arg(ap, const void *);
			p->lens[i] = (unsigned long)va_arg(ap, size_t);
			b->buffer_length = p->lens[i];
			b->length = &p->lens[i];
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/* Prepares (again if the connection was replaced) and executes q. A lost
 * connection outside a transaction is retried once: nothing can have been
 * half-done on a connection that is gone, except an autocommit statement
 * whose acknowledgement was lost; callers that must not repeat such a write
 * guard it with a unique key (idempotency). */
static MYSQL_STMT *run(struct sql *q, struct params *p)
{
	MYSQL_STMT *st;
	int attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		st = prepare(q);
		if (!st) {
			if (!in_tx && attempt == 0 &&
			    (lost(last_errno) || !conn) && reconnect() == 0)
				continue;
			return NULL;
		}
		if ((unsigned long)p->n != mysql_stmt_param_count(st)) {
			set_error(0, "parameter count mismatch");
			log_err("param count %d != %lu: %.200s", p->n,
				mysql_stmt_param_count(st), q->text);
			return NULL;
		}
		if ((p->n && mysql_stmt_bind_param(st, p->bind)) ||
		    mysql_stmt_execute(st)) {
			set_error(mysql_stmt_errno(st), mysql_stmt_error(st));
			if (!in_tx && attempt == 0 && lost(last_errno) &&
			    reconnect() == 0)
				continue;
			if (last_errno != ER_DUP_ENTRY)
				log_err("execute failed (%u %s): %.200s",
					last_errno, last_error, q->text);
			return NULL;
		}
		last_errno = 0;
		return st;
	}
	return NULL;
}

long long db_exec(struct sql *q, const char *fmt, ...)
{
	struct params p;
	MYSQL_STMT *st;
	va_list ap;

	va_start(ap, fmt);
	if (bind_params(&p, fmt, ap) < 0) {
		va_end(ap);
		set_error(0, "bad parameter format");
		return -1;
	}
	va_end(ap);
	st = run(q, &p);
	if (!st)
		return -1;
	return (long long)mysql_stmt_affected_rows(st);
}

/* For lib/db_bulk.c: executes q with a caller-built bind array of any
 * length (db_exec stops at DB_MAXPARAMS). Used inside a transaction only,
 * so a lost connection is not retried here. */
long long db_exec_bind(struct sql *q, MYSQL_BIND *bind, unsigned long n)
{
	MYSQL_STMT *st = prepare(q);

	if (!st)
		return -1;
	if (n != mysql_stmt_param_count(st)) {
		set_error(0, "parameter count mismatch");
		return -1;
	}
	if ((n && mysql_stmt_bind_param(st, bind)) || mysql_stmt_execute(st)) {
		set_error(mysql_stmt_errno(st), mysql_stmt_error(st));
		return -1;
	}
	last_errno = 0;
	return (long long)mysql_stmt_affected_rows(st);
}

int db_ddl(const char *text)
{
	MYSQL_STMT *st;
	int rc = -1;

	if (!conn && connect_db() < 0)
		return -1;
	/* Prepared like every other statement (MariaDB prepares ALTER TABLE
	 * and SET), though it binds nothing: one path for all SQL. */
	if (!(st = mysql_stmt_init(conn))) {
		set_error(mysql_errno(conn), mysql_error(conn));
		return -1;
	}
	if (mysql_stmt_prepare(st, text, strlen(text)) ||
	    mysql_stmt_execute(st)) {
		set_error(mysql_stmt_errno(st), mysql_stmt_error(st));
		goto out;
	}
	rc = 0;
out:
	mysql_stmt_close(st);
	return rc;
}

long long db_insert_id(struct sql *q)
{
	return q->st ? (long long)mysql_stmt_insert_id(q->st) : 0;
}

/* Result columns are fetched as text; a value longer than the first
 * buffer is fetched again whole. */
struct result {
	MYSQL_STMT *st;
	MYSQL_RES *meta;
	MYSQL_FIELD *fields;
	unsigned n;
	MYSQL_BIND bind[DB_MAXCOLS];
	char small[DB_MAXCOLS][256];
	unsigned long len[DB_MAXCOLS];
	my_bool null[DB_MAXCOLS];
	my_bool trunc[DB_MAXCOLS];
	char *big[DB_MAXCOLS];
};

static int result_open(struct result *r, MYSQL_STMT *st)
{
	unsigned i;

	memset(r, 0, sizeof(*r));
	r->st = st;
	r->meta = mysql_stmt_result_metadata(st);
	if (!r->meta) {
		set_error(0, "statement returns no rows");
		return -1;
	}
	r->n = mysql_num_fields(r->meta);
	if (r->n > DB_MAXCOLS) {
		set_error(0, "too many columns");
		mysql_free_result(r->meta);
		return -1;
	}
	r->fields = mysql_fetch_fields(r->meta);
	for (i = 0; i < r->n; i++) {
		r->bind[i].buffer_type = MYSQL_TYPE_STRING;
		r->bind[i].buffer = r->small[i];
		r->bind[i].buffer_length = sizeof(r->small[i]) - 1;
		r->bind[i].length = &r->len[i];
		r->bind[i].is_null = &r->null[i];
		r->bind[i].error = &r->trunc[i];
	}
	if (mysql_stmt_bind_result(st, r->bind)) {
		set_error(mysql_stmt_errno(st), mysql_stmt_error(st));
		mysql_free_result(r->meta);
		return -1;
	}
	return 0;
}

/* 1 row ready, 0 no more, -1 error. Values: result_value(). */
static int result_next(struct result *r)
{
	unsigned i;
	int rc;

	for (i = 0; i < r->n; i++) {
		free(r->big[i]);
		r->big[i] = NULL;
	}
	rc = mysql_stmt_fetch(r->st);
	if (rc == MYSQL_NO_DATA)
		return 0;
	if (rc == 1) {
		set_error(mysql_stmt_errno(r->st), mysql_stmt_error(r->st));
		return -1;
	}
	for (i = 0; i < r->n; i++) {
		MYSQL_BIND b;

		if (r->null[i]) {
			continue;
		}
		if (r->len[i] < sizeof(r->small[i])) {
			r->small[i][r->len[i]] = '\0';
			continue;
		}
		r->big[i] = malloc(r->len[i] + 1);
		if (!r->big[i])
			return -1;
		memset(&b, 0, sizeof(b));
		b.buffer_type = MYSQL_TYPE_STRING;
		b.buffer = r->big[i];
		b.buffer_length = r->len[i] + 1;
		if (mysql_stmt_fetch_column(r->st, &b, i, 0)) {
			set_error(mysql_stmt_errno(r->st),
				  mysql_stmt_error(r->st));
			return -1;
		}
		r->big[i][r->len[i]] = '\0';
	}
	return 1;
}

static const char *result_value(struct result *r, unsigned i)
{
	if (r->null[i])
		return NULL;
	return r->big[i] ? r->big[i] : r->small[i];
}

static void result_close(struct result *r)
{
	unsigned i;

	for (i = 0; i < r->n; i++)
		free(r->big[i]);
	if (r->meta)
		mysql_free_result(r->meta);
	mysql_stmt_free_result(r->st);
}

static MYSQL_STMT *start_select(struct sql *q, const char *fmt, va_list ap)
{
	struct params p;

	if (bind_params(&p, fmt, ap) < 0) {
		set_error(0, "bad parameter format");
		return NULL;
	}
	return run(q, &p);
}

int db_select_hdf(struct sql *q, HDF *hdf, const char *prefix, const char *fmt,
		  ...)
{
	struct result r;
	MYSQL_STMT *st;
	va_list ap;
	int rows = 0, rc;
	unsigned i;

	va_start(ap, fmt);
	st = start_select(q, fmt, ap);
	va_end(ap);
	if (!st || result_open(&r, st) < 0)
		return -1;
	while ((rc = result_next(&r)) == 1) {
		for (i = 0; i < r.n; i++) {
			const char *v = result_value(&r, i);
			NEOERR *err;

			if (!v)
				continue;
			err = hdf_set_valuef(hdf, "%s.%d.%s=%s", prefix, rows,
					     r.fields[i].name, v);
			if (err) {
				nerr_ignore(&err);
				rc = -1;
				break;
			}
		}
		if (rc < 0)
			break;
		rows++;
	}
	result_close(&r);
	return rc < 0 ? -1 : rows;
}

static void fill_row(struct arena *a, struct result *r, struct row *row)
{
	unsigned i;

	row->n = (int)r->n;
	for (i = 0; i < r->n; i++) {
		const char *v = result_value(r, i);

		row->name[i] = r->fields[i].name;
		row->v[i] = v ? arena_strndup(a, v, r->len[i]) : NULL;
	}
}

int db_get(struct arena *a, struct sql *q, struct row *row, const char *fmt,
	   ...)
{
	struct result r;
	MYSQL_STMT *st;
	va_list ap;
	int rc;

	memset(row, 0, sizeof(*row));
	va_start(ap, fmt);
	st = start_select(q, fmt, ap);
	va_end(ap);
	if (!st || result_open(&r, st) < 0)
		return -1;
	rc = result_next(&r);
	if (rc == 1) {
		fill_row(a, &r, row);
		/* Column names belong to the metadata freed below. */
		for (int i = 0; i < row->n; i++)
			row->name[i] = arena_strdup(a, row->name[i]);
	}
	result_close(&r);
	return rc;
}

int db_each(struct sql *q, db_row_cb cb, void *ctx, const char *fmt, ...)
{
	struct arena a = { 0 };
	struct result r;
	struct row row;
	MYSQL_STMT *st;
	va_list ap;
	int rc, rows = 0;

	va_start(ap, fmt);
	st = start_select(q, fmt, ap);
	va_end(ap);
	if (!st || result_open(&r, st) < 0)
		return -1;
	while ((rc = result_next(&r)) == 1) {
		fill_row(&a, &r, &row);
		rows++;
		if (cb(&row, ctx))
			break;
		arena_reset(&a);
	}
	arena_reset(&a);
	result_close(&r);
	return rc < 0 ? -1 : rows;
}

unsigned db_errno(void)
{
	return last_errno;
}

const char *db_error(void)
{
	return last_error;
}

int db_duplicate(void)
{
	return last_errno == ER_DUP_ENTRY;
}

/* Also after a rollback or a failed commit: the hook's users (epoch.c)
 * only ever do something harmless twice, never something needed once. */
static void run_tx_end_hook(void)
{
	void (*fn)(void) = tx_end_hook;

	tx_end_hook = NULL;
	if (fn)
		fn();
}

/*
 * A transaction is START TRANSACTION ... COMMIT on a session that stays in
 * autocommit mode: two round trips. Turning autocommit off and on again
 * around it (mysql_autocommit) cost a third, on every write of every
 * program (docs/performance.md, "Ingestion": a single event went from 5
 * round trips to 4). InnoDB behaves the same: a deadlock rolls the whole
 * transaction back either way, and the caller rolls back on any error.
 */
static int start(void)
{
	/* A fixed text, no input: sent as a plain query, since preparing it
	 * would cost the round trip this saves. */
	static const char q[] = "START TRANSACTION";

	if (mysql_real_query(conn, q, sizeof(q) - 1)) {
		set_error(mysql_errno(conn), mysql_error(conn));
		return -1;
	}
	return 0;
}

int db_begin(void)
{
	if (!conn && connect_db() < 0)
		return -1;
	if (start() < 0) {
		if (lost(last_errno) && reconnect() == 0 && start() == 0) {
			in_tx = 1;
			return 0;
		}
		return -1;
	}
	in_tx = 1;
	return 0;
}

int db_commit(void)
{
	int rc = 0;

	if (mysql_commit(conn)) {
		set_error(mysql_errno(conn), mysql_error(conn));
		log_err("commit failed: %u %s", last_errno, last_error);
		mysql_rollback(conn);
		rc = -1;
	}
	in_tx = 0;
	run_tx_end_hook();
	return rc;
}

void db_rollback(void)
{
	if (conn && in_tx)
		mysql_rollback(conn);
	in_tx = 0;
	run_tx_end_hook();
}

int db_in_transaction(void)
{
	return in_tx;
}

void db_on_commit(void (*fn)(void))
{
	tx_end_hook = fn;
}

int db_tx_again(int attempt, unsigned err)
{
	/* Both leave nothing of the transaction behind to keep: InnoDB rolls
	 * a deadlock victim back whole, and a lock wait timeout is rolled
	 * back here, so running it again from the start is safe. */
	return attempt + 1 < DB_TX_ATTEMPTS &&
	       (err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT);
}

unsigned db_tx_pause_us(int attempt, unsigned rnd)
{
	/* 1-5 ms after the first collision, 1-9 ms after the second: long
	 * enough for the winner's short transaction to commit, too short for
	 * a person to notice. */
	int shift = attempt < 0 ? 0 : attempt > 4 ? 4 : attempt;

	return 1000u + rnd % (4000u << shift);
}

int db_tx(int (*fn)(void *ctx), void *ctx)
{
	int attempt, rc = -1;

	if (in_tx) {
		log_err("db_tx called inside a transaction");
		return -1;
	}
	for (attempt = 0; attempt < DB_TX_ATTEMPTS; attempt++) {
		if (attempt)
			usleep(db_tx_pause_us(attempt - 1,
					      randombytes_random()));
		if (db_begin() < 0)
			return -1;
		set_error(0, NULL);
		rc = fn(ctx);
		if (rc == 0) {
			if (db_commit() == 0)
				return 0;
			rc = -1; /* db_commit rolled back */
		} else {
			db_rollback();
		}
		if (!db_tx_again(attempt, last_errno))
			break;
		log_warn("transaction run again after %u %s", last_errno,
			 last_error);
	}
	return rc;
}

const char *row_get(const struct row *row, const char *name, const char *def)
{
	int i;

	for (i = 0; i < row->n; i++)
		if (row->name[i] && strcmp(row->name[i], name) == 0)
			return row->v[i] ? row->v[i] : def;
	return def;
}

long long row_int(const struct row *row, const char *name, long long def)
{
	const char *v = row_get(row, name, NULL);

	return v ? strtoll(v, NULL, 10) : def;
}
