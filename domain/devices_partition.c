/* devices_partition.c: the event table's monthly partitions
 * (0084_event_partitions.sql): next months added ahead, months past the
 * retention dropped whole, never a DELETE over the raw table */
#include "devices.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "log.h"

/* The catalogue, not a table of ours: the partitions in position order,
 * each with its upper bound ('YYYY-MM-DD' quoted, or MAXVALUE). */
static struct sql q_parts = SQL(
	"SELECT partition_name AS name, partition_description AS bound"
	" FROM information_schema.partitions WHERE table_schema = DATABASE()"
	" AND table_name = 'event' AND partition_name IS NOT NULL"
	" ORDER BY partition_ordinal_position");

#define MAXPARTS 400

struct parts {
	int n;
	char name[MAXPARTS][16];
	int month[MAXPARTS]; /* bound as year * 12 + month - 1; -1 MAXVALUE */
};

static int part_cb(const struct row *row, void *ctx)
{
	struct parts *p = ctx;
	const char *b = row_get(row, "bound", "");
	int y, m;

	if (p->n >= MAXPARTS)
		return 1;
	snprintf(p->name[p->n], sizeof(p->name[0]), "%s",
		 row_get(row, "name", ""));
	if (sscanf(b, "'%4d-%2d-01'", &y, &m) == 2)
		p->month[p->n] = y * 12 + m - 1;
	else
		p->month[p->n] = -1;
	p->n++;
	return 0;
}

/* Months are counted as year * 12 + month - 1: a bound is its month's
 * first day. */
static void month_text(int mo, char out[11])
{
	snprintf(out, 11, "%04d-%02d-01", (mo / 12) % 10000, mo % 12 + 1);
}

/* Adds monthly partitions ahead by splitting p_max (kept empty, so the
 * split moves no rows) in one statement; none for a month before from
 * (past the retention already: after a long stop). */
static int add_ahead(const struct parts *p, int from, int upto, int *added)
{
	char sql[4096], bound[11];
	size_t len;
	int last = -1;

	for (int i = 0; i < p->n; i++)
		if (p->month[i] > last)
			last = p->month[i];
	if (last < 0 || last >= upto)
		return 0;
	if (last < from)
		last = from;
	len = (size_t)snprintf(sql, sizeof(sql),
			       "ALTER TABLE event REORGANIZE PARTITION p_max"
			       " INTO (");
	for (int mo = last; mo < upto && len < sizeof(sql) - 200; mo++) {
		month_text(mo + 1, bound);
		len += (size_t)snprintf(sql + len, sizeof(sql) - len,
					"PARTITION p%04d%02d VALUES LESS THAN"
					" ('%s'), ",
					mo / 12, mo % 12 + 1, bound);
		(*added)++;
	}
	snprintf(sql + len, sizeof(sql) - len,
		 "PARTITION p_max VALUES LESS THAN (MAXVALUE))");
	return db_ddl(sql);
}

/* Drops every partition whose whole month lies before the cutoff month
 * (p_old too, once its bound passed), in one statement. */
static int drop_old(const struct parts *p, int cutoff, int *dropped)
{
	char sql[4096];
	size_t len;
	int k = 0;

	len = (size_t)snprintf(sql, sizeof(sql),
			       "ALTER TABLE event DROP PARTITION ");
	for (int i = 0; i < p->n && len < sizeof(sql) - 32; i++) {
		if (p->month[i] < 0 || p->month[i] > cutoff)
			continue;
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, "%s%s",
					k ? ", " : "", p->name[i]);
		k++;
	}
	if (k == 0)
		return 0;
	*dropped = k;
	return db_ddl(sql);
}

int devices_partitions_keep(long long now, int keep_months, int *added,
			    int *dropped)
{
	static struct parts p;
	struct tm u;
	time_t t = (time_t)now;
	int cur;

	*added = *dropped = 0;
	if (keep_months < 1)
		keep_months = 1;
	gmtime_r(&t, &u);
	cur = (u.tm_year + 1900) * 12 + u.tm_mon;
	p.n = 0;
	if (db_each(&q_parts, part_cb, &p, "") < 0)
		return -1;
	/* Not partitioned (a migration not run): nothing to keep. */
	if (p.n == 0 || strcmp(p.name[p.n - 1], "p_max") != 0)
		return 0;
	/* DDL waits for the transactions reading the table; not forever,
	 * and the next tick tries again. */
	if (db_ddl("SET SESSION lock_wait_timeout = 10") < 0)
		return -1;
	/* A partition whose bound is the cutoff's first day holds the month
	 * before it: kept are the current month and keep_months before. */
	if (drop_old(&p, cur - keep_months, dropped) < 0)
		return -1;
	/* Up to the partition ending on the first day after cur + ahead. */
	if (add_ahead(&p, cur - keep_months, cur + DEVICES_MONTHS_AHEAD + 1,
		      added) < 0)
		return -1;
	return 0;
}

void devices_partitions_tick(void)
{
	int added, dropped;

	if (devices_partitions_keep((long long)time(NULL),
				    conf_int("Ingest.RetentionMonths", 24),
				    &added, &dropped) < 0) {
		log_err("event partitions: %s", db_error());
		return;
	}
	if (added || dropped)
		log_info("event partitions: %d added, %d dropped", added,
			 dropped);
}
