/* report_events.c: stored lane events into the traffic and device
 * rollups, in the transaction that stores them (docs/reports.md) */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_bulk.h"
#include "tzpl.h"

/* Events aggregated at a time; a device's batch is at most this many, a
 * larger call is counted in slices (each exact on its own). */
#define SLICE 1000

/* One rollup row being built: key columns (strings s, numbers k), counts
 * c summed and minute bits OR-ed when two events fall on one row. */
struct agg {
	char key[128]; /* the primary key as text, its columns in order */
	const char *s[5];
	long long k[3], c[4], bits;
};

/*
 * A rollup table: its upsert, and how a row binds: one letter a parameter
 * in the statement's column order, S the next s, K the next k, C the next
 * c, B the bits. fill() makes event e's row; 0 when e does not count here.
 */
struct tab {
	struct bulk b;
	const char *bind;
	int (*fill)(const struct report_event *e, int i, struct agg *r);
};

/* The buckets of each event of the slice, computed once. */
static char hour_utc[SLICE][64], day[SLICE][48], month[SLICE][48];
static int wday[SLICE], lhour[SLICE], minute[SLICE];

static void buckets(const struct report_event *e, int i)
{
	struct tzpl_tm l;
	struct tm u;
	time_t t = (time_t)e->t;

	gmtime_r(&t, &u);
	snprintf(hour_utc[i], sizeof(hour_utc[i]), "%04d-%02d-%02d %02d:00:00",
		 u.tm_year + 1900, u.tm_mon + 1, u.tm_mday, u.tm_hour);
	minute[i] = u.tm_min;
	tzpl_from_utc(e->t, &l);
	snprintf(day[i], sizeof(day[i]), "%04d-%02d-%02d", l.year, l.mon,
		 l.day);
	snprintf(month[i], sizeof(month[i]), "%04d-%02d-01", l.year, l.mon);
	wday[i] = l.wday;
	lhour[i] = l.hour;
}

/* Heartbeats tell that a device lives; they are not traffic. */
static int traffic(const struct report_event *e)
{
	return strcmp(e->kind, "heartbeat") != 0;
}

static int traffic_row(const struct report_event *e, const char *bucket,
		       struct agg *r)
{
	if (!traffic(e))
		return 0;
	snprintf(r->key, sizeof(r->key), "%s\x1f%s\x1f%s\x1f%s\x1f%s",
		 e->crossing, bucket, e->lane_kind, e->dir, e->kind);
	r->s[0] = e->crossing;
	r->s[1] = bucket;
	r->s[2] = e->lane_kind;
	r->s[3] = e->dir;
	r->s[4] = e->kind;
	r->c[0] = 1;
	r->c[1] = e->object != 0;
	r->c[2] = strcmp(e->kind, "plate") == 0 && e->country && *e->country &&
		  strcmp(e->country, "PL") != 0;
	r->c[3] = e->doubtful != 0;
	return 1;
}

static int fill_hour(const struct report_event *e, int i, struct agg *r)
{
	return traffic_row(e, hour_utc[i], r);
}
static int fill_day(const struct report_event *e, int i, struct agg *r)
{
	return traffic_row(e, day[i], r);
}
static int fill_month(const struct report_event *e, int i, struct agg *r)
{
	return traffic_row(e, month[i], r);
}

static int fill_country(const struct report_event *e, int i, struct agg *r)
{
	const char *c = e->country && *e->country ? e->country : "";

	if (strcmp(e->kind, "plate") != 0)
		return 0;
	snprintf(r->key, sizeof(r->key), "%s\x1f%s\x1f%s", e->crossing, day[i],
		 c);
	r->s[0] = e->crossing;
	r->s[1] = day[i];
	r->s[2] = c;
	r->c[0] = 1;
	return 1;
}

static int fill_busy(const struct report_event *e, int i, struct agg *r)
{
	if (!traffic(e))
		return 0;
	snprintf(r->key, sizeof(r->key), "%s\x1f%s\x1f%d\x1f%02d", e->crossing,
		 month[i], wday[i], lhour[i]);
	r->s[0] = e->crossing;
	r->s[1] = month[i];
	r->k[0] = wday[i];
	r->k[1] = lhour[i];
	r->c[0] = 1;
	r->c[1] = e->object != 0;
	return 1;
}

static int fill_dev_hour(const struct report_event *e, int i, struct agg *r)
{
	snprintf(r->key, sizeof(r->key), "%020lld\x1f%s", e->device_id,
		 hour_utc[i]);
	r->k[0] = e->device_id;
	r->s[0] = hour_utc[i];
	r->s[1] = e->crossing;
	r->c[0] = 1;
	r->c[1] = e->doubtful != 0;
	r->bits = 1LL << minute[i];
	return 1;
}

static int fill_dev_day(const struct report_event *e, int i, struct agg *r)
{
	snprintf(r->key, sizeof(r->key), "%020lld\x1f%s", e->device_id, day[i]);
	r->k[0] = e->device_id;
	r->s[0] = day[i];
	r->s[1] = e->crossing;
	r->c[0] = 1;
	r->c[1] = e->doubtful != 0;
	return 1;
}

/* The writer's own rows (0083: slot, the worker's index: lib/db.h), so two
 * workers counting one crossing's hour at once lock different rows and
 * neither waits for the other's durable COMMIT. Readers sum over slot. */
#define SLOT REPORT_SLOT ", "

#define TRAFFIC_SET                                                  \
	" ON DUPLICATE KEY UPDATE events = events + VALUES(events)," \
	" objects = objects + VALUES(objects),"                      \
	" foreign_plates = foreign_plates + VALUES(foreign_plates)," \
	" doubtful = doubtful + VALUES(doubtful)"
#define TRAFFIC_COLS                                                        \
	" lane_kind, dir, kind, events, objects, foreign_plates, doubtful)" \
	" VALUES "

/* In this order, every transaction: rows locked in one order never
 * deadlock on each other. */
static struct tab tabs[] = {
	{ BULK_TAIL(
		  "INSERT INTO report_traffic_hour (slot, crossing, hour," TRAFFIC_COLS,
		  "(" SLOT "?, ?, ?, ?, ?, ?, ?, ?, ?)", 9, TRAFFIC_SET),
	  "SSSSSCCCC", fill_hour },
	{ BULK_TAIL(
		  "INSERT INTO report_traffic_day (slot, crossing, day," TRAFFIC_COLS,
		  "(" SLOT "?, ?, ?, ?, ?, ?, ?, ?, ?)", 9, TRAFFIC_SET),
	  "SSSSSCCCC", fill_day },
	{ BULK_TAIL(
		  "INSERT INTO report_traffic_month (slot, crossing, month," TRAFFIC_COLS,
		  "(" SLOT "?, ?, ?, ?, ?, ?, ?, ?, ?)", 9, TRAFFIC_SET),
	  "SSSSSCCCC", fill_month },
	{ BULK_TAIL("INSERT INTO report_plate_country_day (slot, crossing, day,"
		    " country, plates) VALUES ",
		    "(" SLOT "?, ?, ?, ?)", 4,
		    " ON DUPLICATE KEY UPDATE plates = plates + VALUES(plates)"),
	  "SSSC", fill_country },
	{ BULK_TAIL(
		  "INSERT INTO report_busy_hour (slot, crossing, month, weekday,"
		  " hour, events, objects) VALUES ",
		  "(" SLOT "?, ?, ?, ?, ?, ?)", 6,
		  " ON DUPLICATE KEY UPDATE events = events + VALUES(events),"
		  " objects = objects + VALUES(objects)"),
	  "SSKKCC", fill_busy },
	{ BULK_TAIL(
		  "INSERT INTO report_device_hour (slot, device_id, hour, crossing,"
		  " events, doubtful, alive) VALUES ",
		  "(" SLOT "?, ?, ?, ?, ?, ?)", 6,
		  " ON DUPLICATE KEY UPDATE events = events + VALUES(events),"
		  " doubtful = doubtful + VALUES(doubtful),"
		  " alive = alive | VALUES(alive)"),
	  "KSSCCB", fill_dev_hour },
	{ BULK_TAIL(
		  "INSERT INTO report_device_day (slot, device_id, day, crossing,"
		  " events, doubtful) VALUES ",
		  "(" SLOT "?, ?, ?, ?, ?)", 5,
		  " ON DUPLICATE KEY UPDATE events = events + VALUES(events),"
		  " doubtful = doubtful + VALUES(doubtful)"),
	  "KSSCC", fill_dev_day },
};

/* One table's rows of a slice; a worker serves one request at a time. */
static struct agg rows[SLICE];
static struct agg *order[SLICE];
#define MAXPARAMS 9
static MYSQL_BIND binds[BULK_MAX * MAXPARAMS];
static unsigned long lens[BULK_MAX * MAXPARAMS];

static int by_key(const void *a, const void *b)
{
	return strcmp((*(struct agg *const *)a)->key,
		      (*(struct agg *const *)b)->key);
}

static void bind_row(const struct tab *t, struct agg *r, MYSQL_BIND *b,
		     unsigned long *len)
{
	int s = 0, k = 0, c = 0;

	for (int p = 0; t->bind[p]; p++) {
		switch (t->bind[p]) {
		case 'S':
			bulk_bind_str(&b[p], r->s[s++], &len[p]);
			break;
		case 'K':
			bulk_bind_int(&b[p], &r->k[k++]);
			break;
		case 'C':
			bulk_bind_int(&b[p], &r->c[c++]);
			break;
		case 'B':
			bulk_bind_int(&b[p], &r->bits);
			break;
		}
	}
}

/* Rows of ev[0..n) for table t, merged by key, written in key order. */
static int write_tab(struct tab *t, const struct report_event *ev, int n)
{
	int m = 0, u = 0, k;

	for (int i = 0; i < n; i++) {
		memset(&rows[m], 0, sizeof(rows[m]));
		if (t->fill(&ev[i], i, &rows[m])) {
			order[m] = &rows[m];
			m++;
		}
	}
	if (m == 0)
		return 0;
	qsort(order, (size_t)m, sizeof(order[0]), by_key);
	for (int i = 0; i < m; i++) {
		struct agg *r = order[i];

		if (u > 0 && strcmp(order[u - 1]->key, r->key) == 0) {
			struct agg *to = order[u - 1];

			for (int c = 0; c < 4; c++)
				to->c[c] += r->c[c];
			to->bits |= r->bits;
			continue;
		}
		order[u++] = r;
	}
	for (int pos = 0; pos < u; pos += k) {
		k = db_bulk_chunk(u - pos);
		for (int j = 0; j < k; j++)
			bind_row(t, order[pos + j], &binds[j * t->b.nparams],
				 &lens[j * t->b.nparams]);
		if (db_bulk_exec(&t->b, binds, k) < 0)
			return -1;
	}
	return 0;
}

int report_count_now(const struct report_event *ev, int n)
{
	for (int at = 0; at < n; at += SLICE) {
		int k = n - at < SLICE ? n - at : SLICE;

		for (int i = 0; i < k; i++)
			buckets(&ev[at + i], i);
		for (size_t t = 0; t < sizeof(tabs) / sizeof(tabs[0]); t++)
			if (write_tab(&tabs[t], ev + at, k) < 0)
				return -1;
	}
	return 0;
}

int report_count_events(const struct report_event *ev, int n)
{
	/* A lone event (the common request) and its held decision: one row
	 * for the ingest tick to count (report_pending.c). */
	if (n == 1)
		return report_pend_one(ev);
	/* A held decision whose event is not counted alone: its rows first,
	 * in the order every transaction locks them. */
	if (report_held_write() < 0)
		return -1;
	report_drop_held();
	return report_count_now(ev, n);
}
