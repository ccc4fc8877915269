/* report_pending.c: a lone event's rollup rows counted by the ingest
 * tick, exactly once: the event's transaction stores one report_pending
 * row (0108), report_drain() counts the committed rows and deletes them in
 * one transaction (docs/reports.md, "Exact, and when") */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_bulk.h"
#include "log.h"

/* Rows one drain transaction counts at most. */
#define DRAIN_MAX 1000

static struct sql q_pend = SQL(
	"INSERT INTO report_pending (t, device_id, crossing, lane_kind, dir,"
	" kind, country, object, doubtful, dec_crossing, dec_lane_kind,"
	" dec_at, colour, random, hits)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

int report_pend_one(const struct report_event *e)
{
	const struct report_held *h = report_held();
	long long rc;

	rc = db_exec(&q_pend, "iisssssiissisis", e->t, e->device_id,
		     e->crossing, e->lane_kind, e->dir, e->kind,
		     e->country ? e->country : "", (long long)(e->object != 0),
		     (long long)(e->doubtful != 0), h ? h->crossing : NULL,
		     h ? h->lane_kind : NULL, h ? h->at : 0LL,
		     h ? h->colour : NULL, (long long)(h && h->random),
		     h ? h->hits : NULL);
	report_drop_held();
	return rc < 0 ? -1 : 0;
}

/* ---- the drain ---- */

/* A consistent read: only committed rows, no lock, so an event's
 * transaction never waits for the drain; the DELETE below locks the rows
 * read, one by one by their key. */
static struct sql q_read = SQL(
	"SELECT id, t, device_id, crossing, lane_kind, dir, kind, country,"
	" object, doubtful, dec_crossing, dec_lane_kind, dec_at, colour,"
	" random, hits FROM report_pending ORDER BY id LIMIT ?");
static struct bulk b_delete = BULK_TAIL(
	"DELETE FROM report_pending WHERE id IN (", "?", 1, ")");

/* One row read, its strings kept for the counting. */
struct pend {
	char crossing[16], lane_kind[24], dir[12], kind[20], country[4];
	char dec_crossing[16], dec_lane_kind[24], colour[12];
	struct report_hit hits[REPORT_HELD_HITS_MAX];
};

static struct pend pend[DRAIN_MAX];
static long long ids[DRAIN_MAX];
static struct report_event evs[DRAIN_MAX];
static struct report_decision decs[DRAIN_MAX];

struct drain {
	int max, n, ndec, nhits;
	long long bad; /* the row whose hits were not "version:live,…" */
};

static void copy(char *to, size_t size, const struct row *row, const char *col)
{
	snprintf(to, size, "%s", row_get(row, col, ""));
}

/* "version:live,…" into hits; the count, or -1 when it is not that. */
static int parse_hits(const char *s, struct report_hit *hits, int max)
{
	int n = 0;

	while (*s) {
		char *end;
		long long v = strtoll(s, &end, 10);

		if (n == max || end == s || *end != ':' || v <= 0)
			return -1;
		s = end + 1;
		if (*s != '0' && *s != '1')
			return -1;
		hits[n++] = (struct report_hit){ v, *s == '1' };
		s++;
		if (*s == ',')
			s++;
		else if (*s)
			return -1;
	}
	return n;
}

static int read_cb(const struct row *row, void *ctx)
{
	struct drain *d = ctx;
	struct pend *p = &pend[d->n];
	struct report_event *e = &evs[d->n];

	/* One report_count_decisions() call takes all the hits read. */
	if (d->nhits > REPORT_HITS_MAX - REPORT_HELD_HITS_MAX)
		return 1;
	copy(p->crossing, sizeof(p->crossing), row, "crossing");
	copy(p->lane_kind, sizeof(p->lane_kind), row, "lane_kind");
	copy(p->dir, sizeof(p->dir), row, "dir");
	copy(p->kind, sizeof(p->kind), row, "kind");
	copy(p->country, sizeof(p->country), row, "country");
	ids[d->n] = row_int(row, "id", 0);
	*e = (struct report_event){
		.t = row_int(row, "t", 0),
		.device_id = row_int(row, "device_id", 0),
		.crossing = p->crossing,
		.lane_kind = p->lane_kind,
		.dir = p->dir,
		.kind = p->kind,
		.country = p->country,
		.object = (int)row_int(row, "object", 0),
		.doubtful = (int)row_int(row, "doubtful", 0),
	};
	if (*row_get(row, "colour", "")) {
		struct report_decision *dec = &decs[d->ndec];
		int nh = parse_hits(row_get(row, "hits", ""), p->hits,
				    REPORT_HELD_HITS_MAX);

		if (nh < 0) {
			d->bad = ids[d->n];
			return 1;
		}
		copy(p->dec_crossing, sizeof(p->dec_crossing), row,
		     "dec_crossing");
		copy(p->dec_lane_kind, sizeof(p->dec_lane_kind), row,
		     "dec_lane_kind");
		copy(p->colour, sizeof(p->colour), row, "colour");
		*dec = (struct report_decision){
			.crossing = p->dec_crossing,
			.lane_kind = p->dec_lane_kind,
			.colour = p->colour,
			.random = (int)row_int(row, "random", 0),
			.at = row_int(row, "dec_at", 0),
			.hits = p->hits,
			.nhits = nh,
		};
		d->ndec++;
		d->nhits += nh;
	}
	return ++d->n == d->max;
}

/* Deletes exactly the rows read: another drain (a second Galera node of
 * the centre) that counted one of them first makes the count short. */
static int delete_read(int n)
{
	static MYSQL_BIND binds[BULK_MAX];
	long long done = 0, rc;
	int k;

	for (int at = 0; at < n; at += k) {
		k = db_bulk_chunk(n - at);
		for (int j = 0; j < k; j++)
			bulk_bind_int(&binds[j], &ids[at + j]);
		rc = db_bulk_exec(&b_delete, binds, k);
		if (rc < 0)
			return -1;
		done += rc;
	}
	return done == n ? 0 : -1;
}

/* In the order every transaction writes the rollups: decisions, then the
 * traffic and device rows (docs/reports.md, "Lock order"). */
static int drain_tx(void *ctx)
{
	struct drain *d = ctx;

	d->n = d->ndec = d->nhits = d->bad = 0;
	if (db_each(&q_read, read_cb, d, "i", (long long)d->max) < 0 || d->bad)
		return -1;
	if (d->n == 0)
		return 0;
	if (report_count_decisions(decs, d->ndec) < 0 ||
	    report_count_now(evs, d->n) < 0 || delete_read(d->n) < 0)
		return -1;
	return 0;
}

int report_drain(int max)
{
	struct drain d = { .max = max > 0 && max < DRAIN_MAX ? max
							     : DRAIN_MAX };

	if (db_tx(drain_tx, &d) == 0)
		return d.n;
	/* It blocks the drain: nothing after it is counted until it is
	 * mended (docs/operations.md, "Health and monitoring"). */
	if (d.bad)
		log_err("report_pending row %lld: its hits are not"
			" \"version:live,...\"; not counted",
			d.bad);
	return -1;
}

static struct sql q_count = SQL("SELECT COUNT(*) AS n FROM report_pending");

long long report_pending_count(void)
{
	struct arena a = { 0 };
	struct row row;
	long long n = -1;

	if (db_get(&a, &q_count, &row, "") == 1)
		n = row_int(&row, "n", -1);
	arena_reset(&a);
	return n;
}
