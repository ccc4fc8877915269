/* report_control.c: the control decisions' rollups: decisions per
 * crossing, day, lane kind, colour and draw; the closed tasks' outcomes;
 * and per profile version its hits and outcomes; written by domain/risk in
 * the decision's and the closing's transaction */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_bulk.h"

/* Many keys a statement (a batch's decisions fall on a few keys: green
 * and yellow, drawn or not; its hits on one row per profile that fired). */
static struct bulk b_decision = BULK_TAIL(
	"INSERT INTO report_decision_day (crossing, day, lane_kind, colour,"
	" random, slot, n) VALUES ",
	"(?, ?, ?, ?, ?, " REPORT_SLOT ", ?)", 6,
	" ON DUPLICATE KEY UPDATE n = n + VALUES(n)");
static struct sql q_control = SQL(
	"INSERT INTO report_control_day (crossing, day, colour, random,"
	" outcome, n) VALUES (?, ?, ?, ?, ?, 1)"
	" ON DUPLICATE KEY UPDATE n = n + 1");
static struct bulk b_profile = BULK_TAIL(
	"INSERT INTO report_profile_day (profile_version_id, day, live, what,"
	" crossing, slot, n) VALUES ",
	"(?, ?, ?, ?, ?, " REPORT_SLOT ", ?)", 6,
	" ON DUPLICATE KEY UPDATE n = n + VALUES(n)");
static struct sql q_decisions = SQL_READ(
	"SELECT " REPORT_PERIOD " AS period, lane_kind, colour, random,"
	" SUM(n) AS n FROM report_decision_day"
	" WHERE" REPORT_IN_CODES(
		"crossing") " AND day >= ? AND day < ?"
			    " GROUP BY period, lane_kind, colour, random"
			    " ORDER BY period, lane_kind, colour, random");
static struct sql q_controls = SQL_READ(
	"SELECT " REPORT_PERIOD " AS period, colour, random, outcome,"
	" SUM(n) AS n FROM report_control_day"
	" WHERE" REPORT_IN_CODES(
		"crossing") " AND day >= ? AND day < ?"
			    " GROUP BY period, colour, random, outcome"
			    " ORDER BY period, colour, random, outcome");
/* By version first: the key's leading column, one range per version. */
static struct sql q_profiles = SQL_READ(
	"SELECT profile_version_id, live, what, SUM(n) AS n"
	" FROM report_profile_day WHERE day >= ? AND day < ?"
	" GROUP BY profile_version_id, live, what"
	" ORDER BY profile_version_id, live, what");

/* A decision's or a hit's key and its count, to aggregate a batch. */
struct dkey {
	const char *crossing, *lane_kind, *colour;
	char day[11];
	int random;
	long long n;
};
/* The crossing too: each crossing's rows are written by the server that
 * serves it (db/cluster-tables.txt). */
struct hkey {
	long long version_id;
	char day[11];
	int live;
	long long n;
	const char *crossing;
};

/* The tables' key order: rows locked in the same order by every
 * transaction, so two batches cannot deadlock on each other. */
static int dkey_order(const void *a, const void *b)
{
	const struct dkey *x = a, *y = b;
	int c;

	if ((c = strcmp(x->crossing, y->crossing)) ||
	    (c = strcmp(x->day, y->day)) ||
	    (c = strcmp(x->lane_kind, y->lane_kind)) ||
	    (c = strcmp(x->colour, y->colour)))
		return c;
	return x->random - y->random;
}

static int hkey_order(const void *a, const void *b)
{
	const struct hkey *x = a, *y = b;
	int c;

	if (x->version_id != y->version_id)
		return x->version_id < y->version_id ? -1 : 1;
	if ((c = strcmp(x->day, y->day)))
		return c;
	if (x->live != y->live)
		return x->live - y->live;
	return strcmp(x->crossing, y->crossing);
}

/* One chunk's parameters; a worker serves one request at a time. */
static MYSQL_BIND binds[BULK_MAX * 6];
static unsigned long lens[BULK_MAX * 6];
static long long nums[BULK_MAX * 6];

/* The hits' rows (what: fired or an outcome) summed per key and written
 * in key order. */
static int count_hits(struct hkey *k, int n, const char *what)
{
	int i, j, u = 0, m;

	qsort(k, (size_t)n, sizeof(k[0]), hkey_order);
	for (i = 0; i < n; i = j) {
		long long sum = 0;

		for (j = i; j < n && !hkey_order(&k[i], &k[j]); j++)
			sum += k[j].n;
		k[u] = k[i];
		k[u++].n = sum;
	}
	for (i = 0; i < u; i += m) {
		m = db_bulk_chunk(u - i);
		for (j = 0; j < m; j++) {
			MYSQL_BIND *b = &binds[j * 6];
			long long *v = &nums[j * 6];

			v[0] = k[i + j].version_id;
			v[2] = k[i + j].live != 0;
			v[5] = k[i + j].n;
			bulk_bind_int(&b[0], &v[0]);
			bulk_bind_str(&b[1], k[i + j].day, &lens[j * 6 + 1]);
			bulk_bind_int(&b[2], &v[2]);
			bulk_bind_str(&b[3], what, &lens[j * 6 + 3]);
			bulk_bind_str(&b[4], k[i + j].crossing,
				      &lens[j * 6 + 4]);
			bulk_bind_int(&b[5], &v[5]);
		}
		if (db_bulk_exec(&b_profile, binds, m) < 0)
			return -1;
	}
	return 0;
}

static int write_decisions(const struct report_decision *d, int n)
{
	static struct dkey keys[REPORT_HITS_MAX];
	static struct hkey hk[REPORT_HITS_MAX];
	int i, j, nh = 0, u = 0, m;

	if (n <= 0)
		return 0;
	if (n > REPORT_HITS_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		keys[i] = (struct dkey){
			d[i].crossing,	  d[i].lane_kind ? d[i].lane_kind : "",
			d[i].colour,	  "",
			d[i].random != 0, 1
		};
		report_day(d[i].at, keys[i].day);
		for (j = 0; j < d[i].nhits; j++) {
			if (nh == REPORT_HITS_MAX)
				return -1;
			hk[nh] = (struct hkey){ d[i].hits[j].version_id, "",
						d[i].hits[j].live != 0, 1,
						d[i].crossing };
			memcpy(hk[nh].day, keys[i].day, sizeof(hk[nh].day));
			nh++;
		}
	}
	qsort(keys, (size_t)n, sizeof(keys[0]), dkey_order);
	for (i = 0; i < n; i = j) {
		long long sum = 0;

		for (j = i; j < n && !dkey_order(&keys[i], &keys[j]); j++)
			sum += keys[j].n;
		keys[u] = keys[i];
		keys[u++].n = sum;
	}
	for (i = 0; i < u; i += m) {
		m = db_bulk_chunk(u - i);
		for (j = 0; j < m; j++) {
			MYSQL_BIND *b = &binds[j * 6];
			unsigned long *len = &lens[j * 6];
			long long *v = &nums[j * 6];

			v[4] = keys[i + j].random;
			v[5] = keys[i + j].n;
			bulk_bind_str(&b[0], keys[i + j].crossing, &len[0]);
			bulk_bind_str(&b[1], keys[i + j].day, &len[1]);
			bulk_bind_str(&b[2], keys[i + j].lane_kind, &len[2]);
			bulk_bind_str(&b[3], keys[i + j].colour, &len[3]);
			bulk_bind_int(&b[4], &v[4]);
			bulk_bind_int(&b[5], &v[5]);
		}
		if (db_bulk_exec(&b_decision, binds, m) < 0)
			return -1;
	}
	return count_hits(hk, nh, "fired");
}

/* ---- a lone event's decision, held for the event's pending row ---- */

/* A decision with more hits than a pending row takes
 * (REPORT_HELD_HITS_MAX) is written unheld (its own statements). */
#define HELD_HITS_MAX REPORT_HELD_HITS_MAX
static int holding, have_held;
static struct report_held held;
/* The held decision as write_decisions() takes it, for report_held_write. */
static struct report_decision held_d;
static struct report_hit held_hits[HELD_HITS_MAX];

void report_hold_decision(void)
{
	holding = 1;
	have_held = 0;
}

void report_drop_held(void)
{
	holding = have_held = 0;
}

const struct report_held *report_held(void)
{
	return have_held ? &held : NULL;
}

static int hit_order(const void *a, const void *b)
{
	const struct report_hit *x = a, *y = b;

	if (x->version_id != y->version_id)
		return x->version_id < y->version_id ? -1 : 1;
	return (x->live != 0) - (y->live != 0);
}

/* d kept in held; 0 when it does not fit (written unheld then). */
static int hold(const struct report_decision *d)
{
	size_t len = 0;
	int w;

	if (d->nhits > HELD_HITS_MAX ||
	    snprintf(held.crossing, sizeof(held.crossing), "%s", d->crossing) >=
		    (int)sizeof(held.crossing) ||
	    snprintf(held.lane_kind, sizeof(held.lane_kind), "%s",
		     d->lane_kind ? d->lane_kind : "") >=
		    (int)sizeof(held.lane_kind) ||
	    snprintf(held.colour, sizeof(held.colour), "%s", d->colour) >=
		    (int)sizeof(held.colour))
		return 0;
	held.random = d->random != 0;
	held.at = d->at;
	memcpy(held_hits, d->hits, sizeof(held_hits[0]) * (size_t)d->nhits);
	/* In the table's key order, as write_decisions() writes them. */
	qsort(held_hits, (size_t)d->nhits, sizeof(held_hits[0]), hit_order);
	held.hits[0] = 0;
	for (int i = 0; i < d->nhits; i++) {
		w = snprintf(held.hits + len, sizeof(held.hits) - len,
			     "%s%lld:%d", i ? "," : "", held_hits[i].version_id,
			     held_hits[i].live != 0);
		if (w < 0 || (size_t)w >= sizeof(held.hits) - len)
			return 0;
		len += (size_t)w;
	}
	held_d = *d;
	held_d.crossing = held.crossing;
	held_d.lane_kind = held.lane_kind;
	held_d.colour = held.colour;
	held_d.hits = held_hits;
	return 1;
}

int report_held_write(void)
{
	if (!have_held)
		return 0;
	have_held = 0;
	return write_decisions(&held_d, 1);
}

int report_count_decisions(const struct report_decision *d, int n)
{
	int keep = holding && n == 1;

	holding = 0;
	if (keep && hold(d)) {
		have_held = 1;
		return 0;
	}
	return write_decisions(d, n);
}

int report_count_outcome(const struct report_outcome *o)
{
	struct hkey hk[64];
	char day[11];
	int i;

	if (o->nhits > (int)(sizeof(hk) / sizeof(hk[0])))
		return -1;
	report_day(o->at, day);
	if (db_exec(&q_control, "sssis", o->crossing, day, o->colour,
		    (long long)(o->random != 0), o->outcome) < 0)
		return -1;
	for (i = 0; i < o->nhits; i++) {
		hk[i] = (struct hkey){ o->hits[i].version_id, "",
				       o->hits[i].live != 0, 1, o->crossing };
		memcpy(hk[i].day, day, sizeof(day));
	}
	return count_hits(hk, o->nhits, o->outcome);
}

struct acc {
	void *out;
	int max, n;
};

static int decisions_cb(const struct row *row, void *ctx)
{
	struct acc *acc = ctx;
	struct report_decision_row *r;

	if (acc->n == acc->max)
		return 1;
	r = (struct report_decision_row *)acc->out + acc->n++;
	memset(r, 0, sizeof(*r));
	snprintf(r->period, sizeof(r->period), "%s",
		 row_get(row, "period", ""));
	snprintf(r->lane_kind, sizeof(r->lane_kind), "%s",
		 row_get(row, "lane_kind", ""));
	snprintf(r->colour, sizeof(r->colour), "%s",
		 row_get(row, "colour", ""));
	r->random = (int)row_int(row, "random", 0);
	r->n = row_int(row, "n", 0);
	return 0;
}

static int controls_cb(const struct row *row, void *ctx)
{
	struct acc *acc = ctx;
	struct report_control_row *r;

	if (acc->n == acc->max)
		return 1;
	r = (struct report_control_row *)acc->out + acc->n++;
	memset(r, 0, sizeof(*r));
	snprintf(r->period, sizeof(r->period), "%s",
		 row_get(row, "period", ""));
	snprintf(r->colour, sizeof(r->colour), "%s",
		 row_get(row, "colour", ""));
	r->random = (int)row_int(row, "random", 0);
	snprintf(r->outcome, sizeof(r->outcome), "%s",
		 row_get(row, "outcome", ""));
	r->n = row_int(row, "n", 0);
	return 0;
}

static int profiles_cb(const struct row *row, void *ctx)
{
	struct acc *acc = ctx;
	struct report_profile_row *r;

	if (acc->n == acc->max)
		return 1;
	r = (struct report_profile_row *)acc->out + acc->n++;
	memset(r, 0, sizeof(*r));
	r->version_id = row_int(row, "profile_version_id", 0);
	r->live = (int)row_int(row, "live", 0);
	snprintf(r->what, sizeof(r->what), "%s", row_get(row, "what", ""));
	r->n = row_int(row, "n", 0);
	return 0;
}

int report_decision_days(const char *const *crossings, int ncross,
			 const char *from, const char *to, enum report_grain g,
			 struct report_decision_row *out, int max)
{
	struct acc acc = { out, max, 0 };
	char in[REPORT_JSON_MAX];

	if (report_json_codes(crossings, ncross, in, sizeof(in)) < 0 ||
	    db_each(&q_decisions, decisions_cb, &acc, "isss", (long long)g, in,
		    from, to) < 0)
		return -1;
	return acc.n;
}

int report_control_days(const char *const *crossings, int ncross,
			const char *from, const char *to, enum report_grain g,
			struct report_control_row *out, int max)
{
	struct acc acc = { out, max, 0 };
	char in[REPORT_JSON_MAX];

	if (report_json_codes(crossings, ncross, in, sizeof(in)) < 0 ||
	    db_each(&q_controls, controls_cb, &acc, "isss", (long long)g, in,
		    from, to) < 0)
		return -1;
	return acc.n;
}

int report_profile_counts(const char *from, const char *to,
			  struct report_profile_row *out, int max)
{
	struct acc acc = { out, max, 0 };

	if (db_each(&q_profiles, profiles_cb, &acc, "ss", from, to) < 0)
		return -1;
	return acc.n;
}
