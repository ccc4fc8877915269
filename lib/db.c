/* db.c: the data layer: one connection per worker, named prepared statements */
#include "db.h"

#include <errmsg.h>
#include <mysqld_error.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"

/* A connection: the servers it may use, in order, and the one in use.
 * DB_MAIN takes every write; DB_READ (Db.Read.Hosts) only the statements
 * their module marked SQL_READ; the monitor connections read a server's
 * replication state with an account that may do nothing else. */
struct conn {
	MYSQL *my;
	unsigned gen; /* of the connection in my; 0 none */
	struct db_host hosts[DB_MAXHOSTS];
	int nhosts;
	int cur;	     /* hosts[cur] is in use, or was tried last */
	const char *account; /* NULL: the program's own */
	time_t down_until;   /* DB_READ: the copy failed; main till then */
};

static struct conn conns[DB__CONNS];
static unsigned gen_next = 1; /* every (re)connect of any connection */
static struct sql *prepared;  /* every connection's, each knows its own */
static unsigned last_errno;
static char last_error[512];
static int in_tx;
/* Run once when the transaction in hand ends (db_on_commit). */
static void (*tx_end_hook)(void);
static char account[64];
static int commit_unknown; /* the last COMMIT's answer was lost */
/* The transaction in hand met a failure that ended it on the server, or
 * must end it: a deadlock or a Galera brute-force abort (InnoDB rolled it
 * back whole), a lock wait timeout (only the statement was undone), its
 * server lost. The first such error, kept until ROLLBACK; 0 while the
 * transaction is sound. Whatever the caller makes of the error (a getter
 * that reads it as "none" and goes on, a later statement that overwrites
 * it), nothing more runs in the transaction and it is not committed:
 * after a deadlock MariaDB runs the next statements in autocommit, each
 * kept at once (measured on 10.11.19): half of the work. */
static unsigned tx_failed;
static char tx_failed_error[512];

static void set_error(unsigned no, const char *msg)
{
	enum db_fail kind = db_fail_kind(no);

	last_errno = no;
	snprintf(last_error, sizeof(last_error), "%s", msg ? msg : "");
	/* Inside a transaction every statement runs on DB_MAIN (conn_for);
	 * the monitors' are not run there. */
	if (in_tx && !tx_failed &&
	    (kind == DB_FAIL_AGAIN || kind == DB_FAIL_SERVER)) {
		tx_failed = no;
		snprintf(tx_failed_error, sizeof(tx_failed_error), "%s",
			 last_error);
	}
}

/* Whether the server still holds the transaction in hand: every answer
 * carries the session's "in a transaction" flag, set from START
 * TRANSACTION until its end. A transaction the server ended without this
 * session seeing the error (a brute-force abort reported to no statement
 * we read) shows as the flag gone: the statement just run ran on its own,
 * in autocommit (measured on 10.11.19), and the transaction is failed as
 * by a deadlock. 0 when it is gone. */
static int server_in_tx(const struct conn *c)
{
	if (!in_tx || c != &conns[DB_MAIN] || !c->my ||
	    (c->my->server_status & SERVER_STATUS_IN_TRANS))
		return 1;
	set_error(ER_LOCK_DEADLOCK, "the transaction ended on the server "
				    "without an error reported");
	log_err("%s", last_error);
	return 0;
}

/* After a read's rows: its last answer (the end of the rows) tells
 * whether the transaction still stands; a read whose answer did not is
 * no read of the transaction (a row it just wrote not found). 1 when it
 * stands or there is none. */
static struct conn *conn_for(struct sql *q);

static int read_in_tx(struct sql *q)
{
	return !in_tx || server_in_tx(conn_for(q));
}

/* A statement in a failed transaction is not sent: 1, with the failure
 * as the error again, so the caller sees why. */
static int tx_refused(void)
{
	if (!in_tx || !tx_failed)
		return 0;
	last_errno = tx_failed;
	snprintf(last_error, sizeof(last_error), "%s", tx_failed_error);
	return 1;
}

/* Closes the statements prepared on connection c (all when c is NULL):
 * after a reconnect they are prepared again on first use. */
static void forget_statements(struct conn *c)
{
	struct sql *q, *next, **link = &prepared;

	for (q = prepared; q; q = next) {
		next = q->next;
		if (c && q->on != c - conns) {
			link = &q->next;
			continue;
		}
		if (q->st)
			mysql_stmt_close(q->st);
		q->st = NULL;
		q->next = NULL;
		*link = next;
	}
}

static int slot = -1; /* db_set_slot(), -1 none */

void db_set_slot(int s)
{
	slot = s >= 0 && s <= DB_SLOTS ? s : -1;
}

int db_hosts_parse(const char *list, struct db_host *out, int max)
{
	const char *p = list, *end, *colon;
	int n = 0;

	while (p && *p) {
		size_t len;
		char *stop;
		long port;

		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		end = p + strcspn(p, ", ");
		len = (size_t)(end - p);
		if (n >= max)
			return -1;
		memset(&out[n], 0, sizeof(out[n]));
		if (*p == '/') {
			/* A unix socket: a one-machine server, or a test's. */
			if (len >= sizeof(out[n].host))
				return -1;
			memcpy(out[n].host, p, len);
			out[n].socket = 1;
		} else {
			colon = memchr(p, ':', len);
			if (!colon || colon == p ||
			    (size_t)(colon - p) >= sizeof(out[n].host))
				return -1;
			memcpy(out[n].host, p, (size_t)(colon - p));
			if (colon + 1 == end || colon[1] < '0' ||
			    colon[1] > '9')
				return -1;
			port = strtol(colon + 1, &stop, 10);
			if (stop != end || port < 1 || port > 65535)
				return -1;
			out[n].port = (unsigned)port;
		}
		n++;
		p = end;
	}
	return n;
}

enum db_fail db_fail_kind(unsigned no)
{
	switch (no) {
	case 0:
		return DB_FAIL_NONE;
	case ER_LOCK_DEADLOCK:	   /* also a Galera certification conflict */
	case ER_LOCK_WAIT_TIMEOUT: /* rolled back by db_tx */
		return DB_FAIL_AGAIN;
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case ER_CONNECTION_KILLED:
	case ER_UNKNOWN_COM_ERROR: /* 1047: a Galera node not ready */
	case ER_SERVER_SHUTDOWN:
		return DB_FAIL_SERVER;
	default:
		return DB_FAIL_OTHER;
	}
}

/* The connection's servers from the configuration: a list of host:port
 * or socket paths, else the one socket (Db.Socket), else the client
 * library's default. 0, or -1 when the list does not parse. */
static int conn_hosts(struct conn *c, const char *list, const char *socket)
{
	c->nhosts = 0;
	c->cur = 0;
	if (list && *list) {
		c->nhosts = db_hosts_parse(list, c->hosts, DB_MAXHOSTS);
		if (c->nhosts <= 0) {
			log_err("database host list does not parse: %s", list);
			c->nhosts = 0;
			return -1;
		}
		return 0;
	}
	memset(&c->hosts[0], 0, sizeof(c->hosts[0]));
	if (socket) {
		snprintf(c->hosts[0].host, sizeof(c->hosts[0].host), "%s",
			 socket);
		c->hosts[0].socket = 1;
	}
	c->nhosts = 1;
	return 0;
}

static int try_host(struct conn *c, const struct db_host *h)
{
	char init[48];
	char key[96], user_buf[96];
	const char *acct = c->account ? c->account : account;
	const char *user, *pw;
	/* With servers to choose from, a dead one must not hold a request
	 * for long; a single server gets the old patience. */
	unsigned timeout = c->nhosts > 1 ? 1 : 5;
	my_bool off = 0;

	snprintf(key, sizeof(key), "Db.Password.%s", acct);
	snprintf(user_buf, sizeof(user_buf), "zsog_%s", acct);
	user = c->account ? NULL : conf_get("Db.User", NULL);
	pw = conf_get(key, "");
	c->my = mysql_init(NULL);
	if (!c->my)
		return -1;
	mysql_options(c->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(c->my, MYSQL_OPT_RECONNECT, &off);
	mysql_options(c->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(c->my, MYSQL_INIT_COMMAND, "SET time_zone='+00:00'");
	/* Run by the client on every (re)connect, before any statement. The
	 * number is this process's own worker index, never input. Two ingest
	 * workers whose CONNECTION_ID() % 16 collided shared rollup rows and
	 * waited on each other's durable COMMIT (docs/performance.md). */
	if (slot >= 0) {
		snprintf(init, sizeof(init), "SET @zsog_slot = %d", slot);
		mysql_options(c->my, MYSQL_INIT_COMMAND, init);
	}
	/* The monitor opens no database: it may read none. */
	if (!mysql_real_connect(c->my, h->socket ? NULL : h->host,
				user ? user : user_buf, pw,
				c->account ? NULL : conf_get("Db.Name", "zsog"),
				h->socket ? 0 : h->port,
				h->socket && h->host[0] ? h->host : NULL, 0)) {
		set_error(mysql_errno(c->my), mysql_error(c->my));
		if (h->socket)
			log_err("db connect as %s to %s: %s",
				user ? user : user_buf,
				h->host[0] ? h->host : "(default socket)",
				last_error);
		else
			log_err("db connect as %s to %s:%u: %s",
				user ? user : user_buf, h->host, h->port,
				last_error);
		mysql_close(c->my);
		c->my = NULL;
		return -1;
	}
	c->gen = gen_next++;
	return 0;
}

/* Connects c to a live server: from hosts[from] on, in order, each once.
 * At start from 0 (the first live host); after a loss from the next one,
 * so a dead server is not asked again before the others. */
static int conn_open(struct conn *c, int from)
{
	int i;

	if (c->nhosts == 0)
		return -1;
	for (i = 0; i < c->nhosts; i++) {
		int k = (from + i) % c->nhosts;

		if (try_host(c, &c->hosts[k]) == 0) {
			if ((k != c->cur || i) && c->hosts[k].socket)
				log_info("database: connected to %s",
					 c->hosts[k].host);
			else if (k != c->cur || i)
				log_info("database: connected to %s:%u",
					 c->hosts[k].host, c->hosts[k].port);
			c->cur = k;
			return 0;
		}
	}
	return -1;
}

static void conn_drop(struct conn *c)
{
	forget_statements(c);
	if (c->my)
		mysql_close(c->my);
	c->my = NULL;
	c->gen = 0;
}

/* c's server failed (lost, not ready, shutting down): the next connect
 * starts at the next server of the list. A copy that failed is left for
 * a while: the reads go to the main server meanwhile. */
static void conn_lost(struct conn *c)
{
	conn_drop(c);
	if (c->nhosts)
		c->cur = (c->cur + 1) % c->nhosts;
	if (c == &conns[DB_READ])
		c->down_until = time(NULL) + DB_READ_RETRY_SECONDS;
}

static int connect_db(void)
{
	return conn_open(&conns[DB_MAIN], conns[DB_MAIN].cur);
}

int db_open(const char *service)
{
	struct conn *m = &conns[DB_MAIN];

	snprintf(account, sizeof(account), "%s", service);
	conns[DB_MONITOR].account = conns[DB_MONITOR_READ].account = "monitor";
	if (conn_hosts(m, conf_get("Db.Hosts", NULL),
		       conf_get("Db.Socket", NULL)) < 0)
		return -1;
	/* The monitors ask the servers the program uses (their lists, in
	 * the same order); a program without a copy has no read monitor. */
	conn_hosts(&conns[DB_MONITOR], conf_get("Db.Hosts", NULL),
		   conf_get("Db.Socket", NULL));
	conns[DB_READ].nhosts = conns[DB_MONITOR_READ].nhosts = 0;
	if (conf_get("Db.Read.Hosts", NULL) ||
	    conf_get("Db.Read.Socket", NULL)) {
		conn_hosts(&conns[DB_READ], conf_get("Db.Read.Hosts", NULL),
			   conf_get("Db.Read.Socket", NULL));
		conn_hosts(&conns[DB_MONITOR_READ],
			   conf_get("Db.Read.Hosts", NULL),
			   conf_get("Db.Read.Socket", NULL));
	}
	return connect_db();
}

void db_close(void)
{
	int i;

	for (i = 0; i < DB__CONNS; i++)
		conn_drop(&conns[i]);
}

/* The server of c failed: the next live one in its list (a copy: the
 * main server, conn_for). 0 when the statement may be tried again. */
static int reconnect_conn(struct conn *c)
{
	conn_lost(c);
	if (c == &conns[DB_READ])
		return 0;
	return conn_open(c, c->cur);
}

static int reconnect(void)
{
	return reconnect_conn(&conns[DB_MAIN]);
}

int db_ping(void)
{
	struct conn *m = &conns[DB_MAIN];

	if (!m->my && connect_db() < 0)
		return -1;
	if (mysql_ping(m->my) == 0)
		return 0;
	return reconnect() == 0 && mysql_ping(m->my) == 0 ? 0 : -1;
}

static int lost(unsigned no)
{
	return db_fail_kind(no) == DB_FAIL_SERVER;
}

/* The connection q runs on: its own, except that a read from a copy goes
 * to the main server inside a transaction (which must see its own
 * writes), without a copy configured, or while the copy is down (tried
 * again after a pause, so a dead copy costs one connect timeout per
 * pause, not one per request). */
static struct conn *conn_for(struct sql *q)
{
	struct conn *c;

	if (q->conn == DB_MONITOR && !conns[DB_MONITOR].my)
		/* The server the program's writes go to, first. */
		conns[DB_MONITOR].cur = conns[DB_MAIN].cur;
	if (q->conn != DB_READ)
		return &conns[q->conn];
	c = &conns[DB_READ];
	if (in_tx || c->nhosts == 0)
		return &conns[DB_MAIN];
	if (!c->my) {
		if (time(NULL) < c->down_until || conn_open(c, c->cur) < 0) {
			if (time(NULL) >= c->down_until)
				c->down_until = time(NULL) +
						DB_READ_RETRY_SECONDS;
			return &conns[DB_MAIN];
		}
	}
	return c;
}

static MYSQL_STMT *prepare(struct sql *q, struct conn *c)
{
	/* A transaction whose server was lost stays lost: a statement on a
	 * new connection would run outside it, in autocommit. db_tx runs the
	 * whole transaction again instead. */
	if (!c->my && in_tx && c == &conns[DB_MAIN]) {
		set_error(CR_SERVER_LOST, "connection lost in the transaction");
		return NULL;
	}
	if (!c->my && conn_open(c, c->cur) < 0)
		return NULL;
	if (q->st && q->gen == c->gen)
		return q->st;
	if (q->st) {
		/* Prepared on the other connection (a read that fell back,
		 * or came back): closed and unlinked before it moves. */
		struct sql **link = &prepared;

		while (*link && *link != q)
			link = &(*link)->next;
		if (*link)
			*link = q->next;
		mysql_stmt_close(q->st);
		q->st = NULL;
		q->next = NULL;
	}
	q->st = mysql_stmt_init(c->my);
	if (!q->st) {
		set_error(mysql_errno(c->my), mysql_error(c->my));
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
	q->gen = c->gen;
	q->on = (unsigned char)(c - conns);
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
 * connection (or a server not ready) outside a transaction is retried
 * once on the next live server: nothing can have been half-done on a
 * connection that is gone, except an autocommit statement whose
 * acknowledgement was lost; callers that must not repeat such a write
 * guard it with a unique key (idempotency). Inside a transaction the
 * failure goes up to db_tx, which runs the whole transaction again. */
static MYSQL_STMT *run(struct sql *q, struct params *p)
{
	MYSQL_STMT *st;
	struct conn *c;
	int attempt;

	if (tx_refused())
		return NULL;
	for (attempt = 0; attempt < 2; attempt++) {
		c = conn_for(q);
		st = prepare(q, c);
		if (!st) {
			/* No server of the list answered: asking them all
			 * again at once would not help. */
			if (!c->my)
				return NULL;
			if (!lost(last_errno))
				return NULL;
			if (in_tx) {
				conn_lost(c);
				return NULL;
			}
			if (attempt == 0 && reconnect_conn(c) == 0)
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
			if (lost(last_errno) && in_tx) {
				/* db_tx runs the transaction again on the
				 * next server. */
				conn_lost(c);
				return NULL;
			}
			if (attempt == 0 && lost(last_errno) &&
			    reconnect_conn(c) == 0)
				continue;
			if (last_errno != ER_DUP_ENTRY)
				log_err("execute failed (%u %s): %.200s",
					last_errno, last_error, q->text);
			return NULL;
		}
		/* A read is checked after its rows (read_in_tx): its rows
		 * must be read before the connection can answer anything
		 * else, and its first answer may not carry the flag yet. */
		if (mysql_stmt_field_count(st) == 0 && !server_in_tx(c))
			return NULL;
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
	MYSQL_STMT *st;

	if (tx_refused())
		return -1;
	st = prepare(q, conn_for(q));
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
	if (!server_in_tx(conn_for(q)))
		return -1;
	last_errno = 0;
	return (long long)mysql_stmt_affected_rows(st);
}

int db_ddl(const char *text)
{
	MYSQL_STMT *st;
	int rc = -1;

	MYSQL *conn;

	if (!conns[DB_MAIN].my && connect_db() < 0)
		return -1;
	conn = conns[DB_MAIN].my;
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
	MYSQL *my;	  /* st's connection: an error among the rows is its */
	const char *text; /* the statement, for the log */
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

static int result_open(struct result *r, struct sql *q, MYSQL_STMT *st)
{
	unsigned i;

	memset(r, 0, sizeof(*r));
	r->st = st;
	r->my = conn_for(q)->my;
	r->text = q->text;
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

/* The server's answer in place of a row (or of the end of the rows): a
 * deadlock, a Galera brute-force abort (the race of
 * tests/cluster/test_booking_race.py), a lost server. Connector/C (the
 * libmariadb of 10.11.19, measured with an error raised at the third row)
 * keeps it on the connection only: mysql_stmt_fetch returns 1 and
 * mysql_stmt_errno says 0. Read from there, it fails the transaction as
 * any other statement's error does; read from the statement, it was
 * "0", nothing failed, and the run stopped with an error of its own that
 * db_tx did not run again (a 500). */
static void fetch_failed(struct result *r)
{
	unsigned no = mysql_stmt_errno(r->st);
	const char *msg = mysql_stmt_error(r->st);

	if (!no && r->my && mysql_errno(r->my)) {
		no = mysql_errno(r->my);
		msg = mysql_error(r->my);
	}
	if (!no) {
		no = CR_UNKNOWN_ERROR;
		msg = "reading the rows failed with no error reported";
	}
	set_error(no, msg);
	log_err("fetch failed (%u %s): %.200s", last_errno, last_error,
		r->text);
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
		fetch_failed(r);
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
		if (!r->big[i]) {
			set_error(CR_OUT_OF_MEMORY, "out of memory");
			return -1;
		}
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

/* 0, or -1 when the rows not read (db_get's after the first, db_each's
 * after the callback stopped) ended in an error. mysql_stmt_free_result
 * reads them: it clears the connection's error first, then reads up to
 * the end, and an error met there stays on the connection, reported to
 * nobody (measured as in fetch_failed). A brute-force abort told there,
 * after the row a db_get wanted, left the transaction gone on the server
 * with nothing failed here: the next write ran alone, in autocommit. */
static int result_close(struct result *r)
{
	unsigned i;

	for (i = 0; i < r->n; i++)
		free(r->big[i]);
	if (r->meta)
		mysql_free_result(r->meta);
	mysql_stmt_free_result(r->st);
	if (r->my && mysql_errno(r->my)) {
		set_error(mysql_errno(r->my), mysql_error(r->my));
		log_err("fetch failed after the rows read (%u %s): %.200s",
			last_errno, last_error, r->text);
		return -1;
	}
	return 0;
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
	if (!st || result_open(&r, q, st) < 0)
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
	if (result_close(&r) < 0 || !read_in_tx(q))
		return -1;
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
	if (!st || result_open(&r, q, st) < 0)
		return -1;
	rc = result_next(&r);
	if (rc == 1) {
		fill_row(a, &r, row);
		/* Column names belong to the metadata freed below. */
		for (int i = 0; i < row->n; i++)
			row->name[i] = arena_strdup(a, row->name[i]);
	}
	if (result_close(&r) < 0 || !read_in_tx(q))
		return -1;
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
	if (!st || result_open(&r, q, st) < 0)
		return -1;
	while ((rc = result_next(&r)) == 1) {
		fill_row(&a, &r, &row);
		rows++;
		if (cb(&row, ctx))
			break;
		arena_reset(&a);
	}
	arena_reset(&a);
	if (result_close(&r) < 0 || !read_in_tx(q))
		return -1;
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
	MYSQL *conn = conns[DB_MAIN].my;

	if (mysql_real_query(conn, q, sizeof(q) - 1)) {
		set_error(mysql_errno(conn), mysql_error(conn));
		return -1;
	}
	return 0;
}

int db_begin(void)
{
	commit_unknown = 0;
	tx_failed = 0;
	if (!conns[DB_MAIN].my && connect_db() < 0)
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
	MYSQL *conn = conns[DB_MAIN].my;
	int rc = 0;

	/* The last answer (a statement's, or START TRANSACTION's) says
	 * whether there is still a transaction to commit. */
	server_in_tx(&conns[DB_MAIN]);
	if (tx_refused()) {
		/* Failed on the server: what ran after the failure is not
		 * the transaction, and must not be committed as it. */
		if (conn)
			mysql_rollback(conn);
		rc = -1;
	} else if (!conn) {
		/* The server went away inside the transaction (conn_lost):
		 * nothing of it was committed. */
		set_error(last_errno ? last_errno : CR_SERVER_LOST,
			  last_errno ? last_error : "connection lost");
		rc = -1;
	} else if (mysql_commit(conn)) {
		set_error(mysql_errno(conn), mysql_error(conn));
		log_err("commit failed: %u %s", last_errno, last_error);
		if (lost(last_errno)) {
			/* The COMMIT may have landed before the answer was
			 * lost (measured: docs/performance.md): it is not
			 * run again, the client is told to check. */
			commit_unknown = last_errno != ER_UNKNOWN_COM_ERROR;
			conn_lost(&conns[DB_MAIN]);
		} else {
			mysql_rollback(conn);
		}
		rc = -1;
	}
	in_tx = 0;
	tx_failed = 0;
	run_tx_end_hook();
	return rc;
}

void db_rollback(void)
{
	if (conns[DB_MAIN].my && in_tx)
		mysql_rollback(conns[DB_MAIN].my);
	in_tx = 0;
	tx_failed = 0;
	run_tx_end_hook();
}

unsigned db_tx_failed(void)
{
	return in_tx ? tx_failed : 0;
}

int db_commit_unknown(void)
{
	return commit_unknown;
}

int db_unavailable(void)
{
	return commit_unknown || lost(last_errno);
}

enum db_read db_read_state(void)
{
	const struct conn *c = &conns[DB_READ];

	if (c->nhosts == 0)
		return DB_READ_MAIN;
	return c->my && time(NULL) >= c->down_until ? DB_READ_COPY
						    : DB_READ_FALLBACK;
}

int db_in_transaction(void)
{
	return in_tx;
}

void db_on_commit(void (*fn)(void))
{
	tx_end_hook = fn;
}

enum db_tx_next db_tx_next(int attempt, unsigned err, int at_commit)
{
	enum db_fail kind = db_fail_kind(err);

	/* A COMMIT sent whose answer was lost may have landed: running the
	 * transaction again could write it twice. Only "not ready" (1047)
	 * is a refusal before anything was done. */
	if (at_commit && kind == DB_FAIL_SERVER && err != ER_UNKNOWN_COM_ERROR)
		return DB_TX_UNKNOWN;
	if (attempt + 1 >= DB_TX_ATTEMPTS)
		return DB_TX_STOP;
	/* A deadlock (or Galera's certification conflict, the same 1213)
	 * and a lock wait timeout leave nothing of the transaction behind:
	 * InnoDB rolls a victim back whole, a timeout is rolled back here. A
	 * server lost before COMMIT took nothing of it either: the run
	 * starts again on the next server. */
	if (kind == DB_FAIL_AGAIN || kind == DB_FAIL_SERVER)
		return DB_TX_AGAIN;
	return DB_TX_STOP;
}

int db_tx_again(int attempt, unsigned err)
{
	return db_tx_next(attempt, err, 0) == DB_TX_AGAIN;
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
	int attempt, at_commit, rc = -1;
	unsigned failed;

	if (in_tx) {
		log_err("db_tx called inside a transaction");
		return -1;
	}
	for (attempt = 0; attempt < DB_TX_ATTEMPTS; attempt++) {
		if (attempt)
			usleep(db_tx_pause_us(attempt - 1,
					      randombytes_random()));
		if (db_begin() < 0) {
			/* A Galera abort can be reported once more, to the
			 * next statement (START TRANSACTION): a run lost,
			 * like any other deadlock. */
			if (db_fail_kind(last_errno) != DB_FAIL_AGAIN ||
			    db_tx_next(attempt, last_errno, 0) != DB_TX_AGAIN)
				return -1;
			log_warn("transaction run again after %u %s at its "
				 "start",
				 last_errno, last_error);
			continue;
		}
		set_error(0, NULL);
		rc = fn(ctx);
		/* fn may have stopped on what a read found (or did not) after
		 * the server ended the transaction: the last answer says. */
		server_in_tx(&conns[DB_MAIN]);
		at_commit = 0;
		if ((failed = tx_failed)) {
			/* The transaction failed on the server (a deadlock,
			 * a brute-force abort, its server lost) and fn went
			 * on, or stopped with a refusal of its own decided
			 * on what it could not read: the run is void,
			 * whatever fn returned, and runs again. */
			if (rc == 0)
				log_warn("transaction failed (%u %s) and "
					 "its run went on to COMMIT: rolled "
					 "back",
					 failed, tx_failed_error);
			db_rollback();
			set_error(failed, tx_failed_error);
			rc = -1;
		} else if (rc == 0) {
			/* A server lost inside fn committed nothing. */
			at_commit = conns[DB_MAIN].my != NULL;
			if (db_commit() == 0)
				return 0;
			rc = -1; /* db_commit rolled back */
		} else {
			db_rollback();
		}
		if (db_tx_next(attempt, last_errno, at_commit) != DB_TX_AGAIN)
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
