/* dbstate.c: replication state for /metrics and the freshness of the copy
 * the reads go to (cluster_heartbeat, 0095: written every second at the
 * centre by MariaDB's event scheduler, never by a program) */
#include "dbstate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "log.h"

/* On the monitoring account (db/grants/monitor.sql): SLAVE MONITOR only.
 * The status variables need no privilege; without Galera the size is 0. */
static struct sql q_slaves = SQL_ON(DB_MONITOR, "SHOW ALL SLAVES STATUS");
static struct sql q_slaves_read = SQL_ON(DB_MONITOR_READ,
					 "SHOW ALL SLAVES STATUS");
static const char galera[] =
	"SELECT LOWER(VARIABLE_NAME) AS name, VARIABLE_VALUE AS value"
	" FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN"
	" ('WSREP_CLUSTER_SIZE', 'WSREP_LOCAL_STATE')";
static struct sql q_galera = SQL_ON(DB_MONITOR, galera);
static struct sql q_galera_read = SQL_ON(DB_MONITOR_READ, galera);

/* The newest heartbeat the copy holds, and how long ago that was by the
 * copy's clock (the servers keep time by NTP: docs/operations.md). */
static struct sql q_fresh = SQL_READ(
	"SELECT DATE_FORMAT(MAX(ts), '%Y-%m-%d %H:%i:%s') AS asof,"
	" TIMESTAMPDIFF(SECOND, MAX(ts), UTC_TIMESTAMP(6)) AS behind"
	" FROM cluster_heartbeat");

void dbstate_label(const char *in, char *out, size_t outsz)
{
	size_t o = 0;

	for (; in && *in && o + 3 < outsz; in++) {
		if (*in == '\\' || *in == '"') {
			out[o++] = '\\';
			out[o++] = *in;
		} else if (*in == '\n') {
			out[o++] = '\\';
			out[o++] = 'n';
		} else {
			out[o++] = *in;
		}
	}
	out[o] = '\0';
}

struct slaves {
	struct buf *b;
	const char *db;
};

static int yes(const char *v)
{
	return v && strcmp(v, "Yes") == 0;
}

static int slave_cb(const struct row *row, void *ctx)
{
	struct slaves *s = ctx;
	const char *behind = row_get(row, "Seconds_Behind_Master", NULL);
	char conn[200];

	dbstate_label(row_get(row, "Connection_name", ""), conn, sizeof(conn));
	buf_printf(
		s->b,
		"zsog_replication_io_running{db=\"%s\",connection=\"%s\"} %d\n",
		s->db, conn, yes(row_get(row, "Slave_IO_Running", NULL)));
	buf_printf(
		s->b,
		"zsog_replication_sql_running{db=\"%s\",connection=\"%s\"} %d\n",
		s->db, conn, yes(row_get(row, "Slave_SQL_Running", NULL)));
	/* NULL while a thread is stopped: no number to give. */
	buf_printf(
		s->b,
		"zsog_replication_seconds_behind{db=\"%s\",connection=\"%s\"} %s\n",
		s->db, conn, behind ? behind : "NaN");
	buf_printf(
		s->b,
		"zsog_replication_last_io_errno{db=\"%s\",connection=\"%s\"} %lld\n",
		s->db, conn, row_int(row, "Last_IO_Errno", 0));
	buf_printf(
		s->b,
		"zsog_replication_last_sql_errno{db=\"%s\",connection=\"%s\"} %lld\n",
		s->db, conn, row_int(row, "Last_SQL_Errno", 0));
	return 0;
}

static int galera_cb(const struct row *row, void *ctx)
{
	struct slaves *s = ctx;
	const char *name = row_get(row, "name", "");
	long long v = row_int(row, "value", 0);

	/* A server without Galera has the variables, all zero. */
	if (strcmp(name, "wsrep_cluster_size") == 0 && v > 0)
		buf_printf(s->b, "zsog_galera_cluster_size{db=\"%s\"} %lld\n",
			   s->db, v);
	else if (strcmp(name, "wsrep_local_state") == 0 && v > 0)
		buf_printf(s->b, "zsog_galera_local_state{db=\"%s\"} %lld\n",
			   s->db, v);
	return 0;
}

static void server_metrics(struct buf *b, const char *db, struct sql *slaves,
			   struct sql *gal)
{
	struct slaves s = { b, db };
	int up = db_each(slaves, slave_cb, &s, "") >= 0;

	if (!up)
		log_warn("replication state of %s: %u %s", db, db_errno(),
			 db_error());
	else
		db_each(gal, galera_cb, &s, "");
	buf_printf(b, "zsog_db_monitor_up{db=\"%s\"} %d\n", db, up);
}

void dbstate_metrics(struct buf *b)
{
	buf_puts(b,
		 "# HELP zsog_db_monitor_up Whether the monitoring account"
		 " reached the server (db: main, or the read copy).\n"
		 "# TYPE zsog_db_monitor_up gauge\n"
		 "# HELP zsog_replication_io_running Replication IO thread"
		 " running, per connection.\n"
		 "# TYPE zsog_replication_io_running gauge\n"
		 "# HELP zsog_replication_sql_running Replication SQL thread"
		 " running, per connection.\n"
		 "# TYPE zsog_replication_sql_running gauge\n"
		 "# HELP zsog_replication_seconds_behind Seconds_Behind_Master"
		 " (NaN while a thread is stopped).\n"
		 "# TYPE zsog_replication_seconds_behind gauge\n"
		 "# HELP zsog_replication_last_io_errno Last IO error number.\n"
		 "# TYPE zsog_replication_last_io_errno gauge\n"
		 "# HELP zsog_replication_last_sql_errno Last SQL error"
		 " number.\n"
		 "# TYPE zsog_replication_last_sql_errno gauge\n"
		 "# HELP zsog_galera_cluster_size Nodes in the Galera"
		 " cluster this server is in.\n"
		 "# TYPE zsog_galera_cluster_size gauge\n"
		 "# HELP zsog_galera_local_state Galera node state (4:"
		 " synced).\n"
		 "# TYPE zsog_galera_local_state gauge\n");
	server_metrics(b, "main", &q_slaves, &q_galera);
	if (db_read_state() != DB_READ_MAIN)
		server_metrics(b, "read", &q_slaves_read, &q_galera_read);
}

static void set(HDF *hdf, const char *prefix, const char *name,
		const char *value)
{
	NEOERR *err = hdf_set_valuef(hdf, "%s.%s=%s", prefix, name, value);

	if (err) {
		log_err("dbstate: HDF %s.%s not set", prefix, name);
		nerr_ignore(&err);
	}
}

void dbstate_fresh_hdf(HDF *hdf, const char *prefix)
{
	struct arena a = { 0 };
	struct row row;
	char n[24];
	long long behind;
	int rc;

	if (db_read_state() == DB_READ_MAIN)
		return;
	rc = db_get(&a, &q_fresh, &row, "");
	switch (db_read_state()) {
	case DB_READ_MAIN:
		break;
	case DB_READ_FALLBACK:
		set(hdf, prefix, "Mode", "main");
		break;
	case DB_READ_COPY:
		set(hdf, prefix, "Mode", "copy");
		if (rc != 1 || !row_get(&row, "asof", NULL))
			break;
		set(hdf, prefix, "AsOf", row_get(&row, "asof", ""));
		behind = row_int(&row, "behind", 0);
		snprintf(n, sizeof(n), "%lld", behind > 0 ? behind : 0);
		set(hdf, prefix, "Behind", n);
		break;
	}
	arena_reset(&a);
}
