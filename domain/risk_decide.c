/* risk_decide.c: the control decision of an event or a check-in, made in
 * the transaction that stores it: random selection, re-inspection orders,
 * the decision rows (many a statement) and the control tasks they open */
#include "risk_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "control.h"
#include "db_bulk.h"
#include "draw.h"
#include "epochs.h"
#include "kept.h"
#include "log.h"
#include "report.h"
#include "route.h"
#include "risk_profile.h"
#include "tzpl.h"
#include "watch.h"

int risk_decides_kind(const char *k)
{
	return k && (!strcmp(k, "plate") || !strcmp(k, "container") ||
		     !strcmp(k, "wagon") || !strcmp(k, "document"));
}

/* ---- what a worker keeps: the rates and the keys of active orders ---- */

/* Both are read per event, and change seldom: a copy per worker, trusted
 * while EPOCH_RISK stands (every writer bumps it) and for at most
 * CACHE_MS (rates loaded by hand, an order's validity starting). */
#define CACHE_MS 5000
#define MAX_RATES 256
#define MAX_ORDERS 100000

static struct sql q_rates = SQL(
	"SELECT crossing, lane_kind, per_mille, colour FROM risk_rate");
/* Only keys: a key found here is confirmed (dates, status) under a lock.
 * An order's dates are Warsaw's (the analyst's), so is "today" here. */
static struct sql q_order_keys = SQL(
	"SELECT CONCAT(subject, '|', match_key) AS k FROM reinspection"
	" WHERE status = 'active' AND valid_to >= ? LIMIT 100000");

static struct rate {
	char crossing[9], lane_kind[16];
	unsigned per_mille;
	int red;
} rates[MAX_RATES];
static int nrates;
static char **orders;
static int norders;
static struct kept kept; /* of rates[] and orders[] */

static int rate_cb(const struct row *row, void *ctx)
{
	struct rate *r;

	(void)ctx;
	if (nrates == MAX_RATES)
		return 1;
	r = &rates[nrates++];
	snprintf(r->crossing, sizeof(r->crossing), "%s",
		 row_get(row, "crossing", ""));
	snprintf(r->lane_kind, sizeof(r->lane_kind), "%s",
		 row_get(row, "lane_kind", ""));
	r->per_mille = (unsigned)row_int(row, "per_mille", 0);
	r->red = strcmp(row_get(row, "colour", ""), "red") == 0;
	return 0;
}

static int order_cb(const struct row *row, void *ctx)
{
	char *k;

	(void)ctx;
	if (norders == MAX_ORDERS || !(k = strdup(row_get(row, "k", ""))))
		return 1;
	orders[norders++] = k;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void drop_orders(void)
{
	for (int i = 0; i < norders; i++)
		free(orders[i]);
	norders = 0;
}

/* Read inside the decision's transaction they are used and not kept
 * (kept.h: its snapshot may be older than the counter): risk_prepare reads
 * them before it. */
static int refresh(void)
{
	struct kept_stamp s;
	char today[11];

	if (kept_good(&kept))
		return 0;
	s = kept_note(EPOCH_BIT(EPOCH_RISK));
	kept_drop(&kept);
	tzpl_today(0, today);
	nrates = 0;
	drop_orders();
	if (!orders && !(orders = calloc(MAX_ORDERS, sizeof(*orders))))
		return -1;
	if (db_each(&q_rates, rate_cb, NULL, "") < 0 ||
	    db_each(&q_order_keys, order_cb, NULL, "s", today) < 0)
		return -1;
	qsort(orders, norders, sizeof(*orders), cmp_str);
	kept_set(&kept, &s, CACHE_MS);
	return 0;
}

int risk_prepare(void)
{
	if (refresh() < 0 || risk_profiles_prepare() < 0)
		return -1;
	return watch_near_prepare();
}

static const struct rate *rate_of(const char *crossing, const char *lane_kind)
{
	for (int i = 0; i < nrates; i++)
		if (!strcmp(rates[i].crossing, crossing) &&
		    !strcmp(rates[i].lane_kind, lane_kind ? lane_kind : ""))
			return &rates[i];
	return NULL;
}

static int may_be_ordered(const char *subject, const char *key)
{
	char k[160], *p = k;

	if (!norders || !key || !*key)
		return 0;
	snprintf(k, sizeof(k), "%s|%s", subject, key);
	return bsearch(&p, orders, norders, sizeof(*orders), cmp_str) != NULL;
}

/* ---- one subject ---- */

/* An order is central: made, withdrawn and marked done at the centre
 * only. Its sighting is decided where the crossing is served (often a
 * crossing node, which may not write a central row): the decision writes
 * the crossing's own reinspection_done row (node class, 0106), which
 * replication carries up; the centre marks the order done from it
 * (risk_orders_settle) and that comes down to every node. A crossing that
 * fulfilled an order meanwhile does not fulfil it again. */
static struct sql q_order_take = SQL(
	"SELECT id FROM reinspection r WHERE subject = ? AND match_key = ?"
	" AND status = 'active' AND valid_from <= ? AND valid_to >= ?"
	" AND NOT EXISTS (SELECT 1 FROM reinspection_done d"
	" WHERE d.reinspection_id = r.id AND d.crossing = ?)"
	" ORDER BY id LIMIT 1 FOR UPDATE");
/* IGNORE: a sighting at the same crossing committed first took it. */
static struct sql q_order_fulfil = SQL(
	"INSERT IGNORE INTO reinspection_done (reinspection_id, crossing,"
	" done_at) VALUES (?, ?, UTC_TIMESTAMP(3))");
static struct sql q_order_fulfil_decision = SQL(
	"UPDATE reinspection_done SET decision_id = ?"
	" WHERE reinspection_id = ? AND crossing = ?");
/* At the centre, for a crossing it serves itself: at once, in the
 * decision's transaction, as before the cluster. */
static struct sql q_order_done = SQL(
	"UPDATE reinspection SET status = 'done', done_at = UTC_TIMESTAMP(3)"
	" WHERE id = ? AND status = 'active'");
static struct sql q_order_decision = SQL(
	"UPDATE reinspection SET decision_id = ? WHERE id = ?");

/* The order for subject/key that this sighting at crossing fulfils: its
 * id, 0 none, -1 error. Two sightings in one batch: the first takes it. */
static long long order_take(const char *subject, const char *key,
			    const char *crossing)
{
	struct arena a = { 0 };
	struct row row;
	long long id = 0, n;
	char today[11];
	int rc;

	if (!may_be_ordered(subject, key))
		return 0;
	tzpl_today(0, today);
	rc = db_get(&a, &q_order_take, &row, "sssss", subject, key, today,
		    today, crossing);
	if (rc == 1) {
		id = row_int(&row, "id", 0);
		n = db_exec(&q_order_fulfil, "is", id, crossing);
		if (n < 0)
			id = -1;
		else if (n == 0)
			id = 0;
		else if (!route_on_node() &&
			 db_exec(&q_order_done, "i", id) != 1)
			id = -1;
	} else if (rc < 0) {
		id = -1;
	}
	arena_reset(&a);
	if (id > 0)
		epoch_bump(EPOCH_RISK);
	return id;
}

/* ---- the profiles ---- */

#define MAX_PROFILES 256
#define MAX_HITS 4096
/* Tasks opened per control_tasks_open() call. */
#define TASKS_MAX 1000

/* The profile versions that fired, for all subjects of one call. */
static struct hit {
	int subject;
	long long version;
	int live;
	int random; /* the profile's own rate chose it among its matches */
	char used[200];
} hits[MAX_HITS];
static int nhits;
static long long last_profiles; /* in scope of the last subject */

enum { GREEN, YELLOW, RED };
static const char *const colours[] = { "green", "yellow", "red" };

/* The active profiles in scope evaluated on s: the highest fixed
 * decision and the sum of the weights of those that fired, each hit kept
 * for subject i. 0 or -1. */
static int profiles(int i, const struct risk_subject *s, const char *day,
		    int *fixed, long long *score, int *fired)
{
	const struct risk_active *act[MAX_PROFILES];
	struct risk_fact_ctx ctx;
	struct risk_facts facts;
	struct hit *h;
	char used[200];
	int n, m, drawn;

	n = risk_profiles_active(s->crossing, s->lane_kind, day, act,
				 MAX_PROFILES);
	last_profiles = n;
	if (n <= 0)
		return n;
	risk_facts_init(&ctx, s, &facts);
	for (int k = 0; k < n; k++) {
		m = risk_rule_eval(act[k]->rule, &facts, used, sizeof(used));
		if (m < 0)
			return -1;
		if (!m)
			continue;
		/* A profile with its own rate selects among its matches: a
		 * match not drawn is as if the rule had not matched. */
		drawn = act[k]->random_per_mille >= 0;
		if (drawn &&
		    draw_uniform(1000) >= (unsigned)act[k]->random_per_mille)
			continue;
		/* a testing profile's hit is only counted (live = 0) */
		if (!act[k]->shadow) {
			++*fired;
			if (act[k]->fixed == RISK_FIXED_RED)
				*fixed = RED;
			else if (act[k]->fixed == RISK_FIXED_YELLOW &&
				 *fixed < YELLOW)
				*fixed = YELLOW;
			else if (act[k]->fixed == RISK_FIXED_NONE)
				*score += act[k]->weight;
		}
		if (nhits == MAX_HITS) {
			log_warn("risk: more than %d hits in one call",
				 MAX_HITS);
			continue;
		}
		h = &hits[nhits++];
		h->subject = i;
		h->version = act[k]->version_id;
		h->live = !act[k]->shadow;
		h->random = drawn;
		snprintf(h->used, sizeof(h->used), "%s", used);
	}
	return 0;
}

/* The verdict of subject i before it is stored. */
static int judge(int i, const struct risk_subject *s, const char *day,
		 struct risk_verdict *v)
{
	const struct rate *rate = rate_of(s->crossing, s->lane_kind);
	long long order;
	char company[24];
	int c = GREEN, fixed = GREEN;

	memset(v, 0, sizeof(*v));
	if (profiles(i, s, day, &fixed, &v->score, &v->hits) < 0)
		return -1;
	if (v->score >= RISK_RED_SCORE)
		c = RED;
	else if (v->score >= RISK_YELLOW_SCORE)
		c = YELLOW;
	if (fixed > c)
		c = fixed;
	/* Drawn for every subject, chosen or not: whether a draw happened
	 * tells nothing either. */
	if (rate && rate->per_mille > 0 &&
	    draw_uniform(1000) < rate->per_mille) {
		v->random = 1;
		if (c < (rate->red ? RED : YELLOW))
			c = rate->red ? RED : YELLOW;
	}
	v->colour = colours[c];
	order = order_take(s->object_kind, s->object_key, s->crossing);
	if (order == 0 && s->company_id > 0) {
		snprintf(company, sizeof(company), "%lld", s->company_id);
		order = order_take("company", company, s->crossing);
	}
	if (order < 0)
		return -1;
	if (order > 0) {
		v->reinspection_id = order;
		v->colour = "red";
	}
	return 0;
}

/* ---- storing ---- */

/* The decisions of one call carry one time, taken here rather than by the
 * server: the reports' rollups count them on its Warsaw day without
 * reading the rows back (a round trip per call on the ingest path). */
#define DEC_COLS 12
static struct bulk b_decision = BULK(
	"INSERT INTO risk_decision (crossing, lane_kind, object_kind,"
	" object_key, event_id, booking_id, company_id, colour, score, random,"
	" reinspection_id, created_at) VALUES ",
	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", DEC_COLS);
static struct sql q_decision = SQL(
	"INSERT INTO risk_decision (crossing, lane_kind, object_kind,"
	" object_key, event_id, booking_id, company_id, colour, score, random,"
	" reinspection_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?)");
static char decided_at[48]; /* "YYYY-MM-DD HH:MM:SS.mmm" UTC */
static long long decided_sec;

static void decided_now(void)
{
	struct timespec ts;
	struct tm tm;
	char sec[24];

	clock_gettime(CLOCK_REALTIME, &ts);
	decided_sec = (long long)ts.tv_sec;
	gmtime_r(&ts.tv_sec, &tm);
	strftime(sec, sizeof(sec), "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(decided_at, sizeof(decided_at), "%s.%03ld", sec,
		 ts.tv_nsec / 1000000);
}
/* The profiles that fired, many a statement: with 50 active profiles one
 * firing on every event, a batch of 100 wrote 100 single-row INSERTs
 * (docs/performance.md, "Ingestion"). */
#define HIT_COLS 5
static struct bulk b_hit = BULK(
	"INSERT INTO risk_decision_hit (decision_id, profile_version_id, live,"
	" random, used) VALUES ",
	"(?, ?, ?, ?, ?)", HIT_COLS);

static MYSQL_BIND binds[BULK_MAX * DEC_COLS];
static struct {
	long long ev, bk, co, score, random, order;
	unsigned long len[DEC_COLS];
} vals[BULK_MAX];

static const char *id_or_null(long long id, char *buf, size_t n)
{
	if (id <= 0)
		return NULL;
	snprintf(buf, n, "%lld", id);
	return buf;
}

static int store_one(const struct risk_subject *s, struct risk_verdict *v)
{
	char ev[24], bk[24], co[24], order[24];

	if (db_exec(&q_decision, "ssssssssiiss", s->crossing, s->lane_kind,
		    s->object_kind, s->object_key,
		    id_or_null(s->event_id, ev, sizeof(ev)),
		    id_or_null(s->booking_id, bk, sizeof(bk)),
		    id_or_null(s->company_id, co, sizeof(co)), v->colour,
		    v->score, (long long)v->random,
		    id_or_null(v->reinspection_id, order, sizeof(order)),
		    decided_at) != 1)
		return -1;
	v->decision_id = db_insert_id(&q_decision);
	return 0;
}

/* k subjects (a db_bulk_chunk() size) in one statement. */
static int store_many(const struct risk_subject *s, struct risk_verdict *v,
		      int k)
{
	for (int j = 0; j < k; j++) {
		MYSQL_BIND *b = &binds[j * DEC_COLS];

		vals[j].ev = s[j].event_id;
		vals[j].bk = s[j].booking_id;
		vals[j].co = s[j].company_id;
		vals[j].score = v[j].score;
		vals[j].random = v[j].random;
		vals[j].order = v[j].reinspection_id;
		bulk_bind_str(&b[0], s[j].crossing, &vals[j].len[0]);
		bulk_bind_str(&b[1], s[j].lane_kind, &vals[j].len[1]);
		bulk_bind_str(&b[2], s[j].object_kind, &vals[j].len[2]);
		bulk_bind_str(&b[3], s[j].object_key, &vals[j].len[3]);
		if (vals[j].ev > 0)
			bulk_bind_int(&b[4], &vals[j].ev);
		else
			bulk_bind_str(&b[4], NULL, &vals[j].len[4]);
		if (vals[j].bk > 0)
			bulk_bind_int(&b[5], &vals[j].bk);
		else
			bulk_bind_str(&b[5], NULL, &vals[j].len[5]);
		if (vals[j].co > 0)
			bulk_bind_int(&b[6], &vals[j].co);
		else
			bulk_bind_str(&b[6], NULL, &vals[j].len[6]);
		bulk_bind_str(&b[7], v[j].colour, &vals[j].len[7]);
		bulk_bind_int(&b[8], &vals[j].score);
		bulk_bind_int(&b[9], &vals[j].random);
		if (vals[j].order > 0)
			bulk_bind_int(&b[10], &vals[j].order);
		else
			bulk_bind_str(&b[10], NULL, &vals[j].len[10]);
		bulk_bind_str(&b[11], decided_at, &vals[j].len[11]);
	}
	if (db_bulk_exec(&b_decision, binds, k) != k)
		return -1;
	for (int j = 0; j < k; j++)
		v[j].decision_id = db_bulk_id(&b_decision, k, j);
	return 0;
}

/* The hits of one call, many a statement: they need no ids back, so
 * whatever the server's auto-increment mode. */
static int store_hits(const struct risk_verdict *v)
{
	static struct {
		long long decision, version, live, random;
		unsigned long len;
	} hv[BULK_MAX];
	int k;

	for (int pos = 0; pos < nhits; pos += k) {
		k = db_bulk_chunk(nhits - pos);
		for (int j = 0; j < k; j++) {
			const struct hit *h = &hits[pos + j];
			MYSQL_BIND *b = &binds[j * HIT_COLS];

			hv[j].decision = v[h->subject].decision_id;
			hv[j].version = h->version;
			hv[j].live = h->live;
			hv[j].random = h->random;
			bulk_bind_int(&b[0], &hv[j].decision);
			bulk_bind_int(&b[1], &hv[j].version);
			bulk_bind_int(&b[2], &hv[j].live);
			bulk_bind_int(&b[3], &hv[j].random);
			bulk_bind_str(&b[4], h->used, &hv[j].len);
		}
		if (db_bulk_exec(&b_hit, binds, k) != k)
			return -1;
	}
	return 0;
}

/* The tasks collected by follow(), opened; their ids on the verdicts. */
static struct control_open tasks[TASKS_MAX];
static int task_of[TASKS_MAX];

static int open_tasks(struct risk_verdict *v, int k)
{
	if (control_tasks_open(tasks, k) < 0)
		return -1;
	for (int j = 0; j < k; j++)
		v[task_of[j]].task_id = tasks[j].task_id;
	return 0;
}

/* What follows from the stored decisions: an order names its decision,
 * a yellow or red one opens a control task (many a statement,
 * domain/control). */
static int follow(const struct risk_subject *s, struct risk_verdict *v, int n)
{
	int k = 0;

	for (int i = 0; i < n; i++) {
		if (v[i].reinspection_id > 0 &&
		    (db_exec(&q_order_fulfil_decision, "iis", v[i].decision_id,
			     v[i].reinspection_id, s[i].crossing) != 1 ||
		     (!route_on_node() &&
		      db_exec(&q_order_decision, "ii", v[i].decision_id,
			      v[i].reinspection_id) != 1)))
			return -1;
		if (!strcmp(v[i].colour, "green"))
			continue;
		if (k == TASKS_MAX) {
			if (open_tasks(v, k) < 0)
				return -1;
			k = 0;
		}
		tasks[k] = (struct control_open){
			.decision_id = v[i].decision_id,
			.crossing = s[i].crossing,
			.colour = v[i].colour,
			.company_id = s[i].company_id,
		};
		task_of[k++] = i;
	}
	return open_tasks(v, k);
}

/* What a decision costs (make bench-ingest reads it from the log): the
 * worker's decisions and their time, logged every DECIDE_LOG of them or
 * DECIDE_LOG_SECONDS, whichever comes first. */
#define DECIDE_LOG 2000
#define DECIDE_LOG_SECONDS 10.0
static long long decided;
static double decide_seconds, logged_at;

static void account(double t0, int n)
{
	double now = now_mono();

	decide_seconds += now - t0;
	decided += n;
	if (!logged_at)
		logged_at = now;
	if (decided >= DECIDE_LOG || now - logged_at >= DECIDE_LOG_SECONDS) {
		logged_at = now;
		log_info("risk: %lld decisions, %.1f us each, %lld active"
			 " profiles",
			 decided, 1e6 * decide_seconds / decided,
			 last_profiles);
		decided = 0;
		decide_seconds = 0;
	}
}

/* ---- the reports' rollups ---- */

/* The decisions' own times (created_at, as stored), so each is counted on
 * the day its row says; i is 1-based in the JSON array of ids. */
static struct report_decision counted[MAX_HITS];
static struct report_hit counted_hits[MAX_HITS];

/* The batch's decisions and hits counted in the reports' rollups
 * (domain/report) in the transaction that stores them. */
static int count(const struct risk_subject *s, const struct risk_verdict *v,
		 int n)
{
	int h = 0;

	if (n > MAX_HITS)
		return -1;
	for (int i = 0; i < n; i++) {
		counted[i] = (struct report_decision){
			.crossing = s[i].crossing,
			.lane_kind = s[i].lane_kind,
			.colour = v[i].colour,
			.random = v[i].random,
			.at = decided_sec,
			.hits = &counted_hits[h],
		};
		/* judge() appends each subject's hits in subject order. */
		for (; h < nhits && hits[h].subject == i; h++) {
			counted_hits[h].version_id = hits[h].version;
			counted_hits[h].live = hits[h].live;
			counted[i].nhits++;
		}
	}
	return report_count_decisions(counted, n);
}

int risk_decide(const struct risk_subject *s, struct risk_verdict *v, int n)
{
	double t0 = now_mono();
	char day[11];
	int bulk, k;

	if (n <= 0)
		return 0;
	if (refresh() < 0)
		return -1;
	tzpl_today(0, day);
	nhits = 0;
	decided_now();
	for (int i = 0; i < n; i++)
		if (judge(i, &s[i], day, &v[i]) < 0)
			return -1;
	bulk = n > 1 ? db_bulk_ok() : 0;
	if (bulk < 0)
		return -1;
	for (int pos = 0; pos < n; pos += k) {
		k = bulk ? db_bulk_chunk(n - pos) : 1;
		if (k > 1 ? store_many(s + pos, v + pos, k)
			  : store_one(s + pos, v + pos))
			return -1;
	}
	if (follow(s, v, n) < 0 || store_hits(v) < 0 || count(s, v, n) < 0)
		return -1;
	account(t0, n);
	return 0;
}
