/* ui-registrations.c: the registrations report: applications per office
 * and kind, for the period and by day, week, month or hour; the time from
 * submission to decision (p50/p90), for the period and per period; EORI
 * numbers issued, certificates issued and revoked, over the offices of the
 * officer's subtree (certificates: the whole country, the CA being
 * national). The figures are the registry's and the CA's
 * (registry_stats_*, ca_stats_certs); one set of C arrays feeds the
 * charts, the tables and the CSV. */
#include "report_ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ca_store.h"
#include "csv.h"
#include "registry.h"
#include "resp.h"
#include "svgchart.h"
#include "tzpl.h"
#include "units.h"
#include "view.h"

/* application.kind, in the order shown (L.ecustomer.kind.<kind>) */
static const char *const app_kinds[] = { "person", "company", "company_update",
					 "company_deactivation" };
#define NKINDS (sizeof(app_kinds) / sizeof(app_kinds[0]))
#define MAX_OFFICES 200
/* Durations kept for the percentiles: thousands of applications a year. */
#define MAX_DECIDED 100000

enum part {
	PART_OFFICES,
	PART_DECISIONS,
	PART_ISSUED,
	PART_PERIODS,
	PART__MAX
};
static const char *const part_names[PART__MAX + 1] = { "offices", "decisions",
						       "issued", "periods",
						       NULL };
/* the issued part's figures */
enum { S_EORI, S_CERT, S_REVOKED, S__MAX };

struct regs {
	struct req *r;
	struct filter f;
	int part;
	char from[11], to[11]; /* Warsaw days [from, to) */
	size_t noff;
	struct office {
		long long id;
		const char *label;
		double n[NKINDS];
		double *per[NKINDS]; /* submitted per bucket, b.n each */
	} off[MAX_OFFICES];
	struct buckets b;
	double *per_kind[NKINDS]; /* submitted per bucket, all offices */
	double *per_total;
	/* decisions per bucket: each one's bucket and seconds, then per
	 * bucket its count and p50/p90 in hours (-1 none) */
	struct decided {
		long k;
		long long secs;
	} * dec;
	size_t ndec;
	double *dec_n, *dec_p50, *dec_p90;
	/* decisions per kind: counts and their durations in seconds */
	double approved[NKINDS], rejected[NKINDS];
	double p50[NKINDS], p90[NKINDS]; /* hours; -1 none */
	long long *secs[NKINDS];
	size_t nsecs[NKINDS];
	double issued[S__MAX];
};

static int kind_of(const char *k)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (!strcmp(app_kinds[i], k))
			return (int)i;
	return -1;
}

/* The office's row; its label comes after the rows are read (no query
 * may run inside db_each). NULL when there are too many. */
static struct office *office_of(struct regs *g, long long id)
{
	size_t i;

	for (i = 0; i < g->noff; i++)
		if (g->off[i].id == id)
			return &g->off[i];
	if (g->noff == MAX_OFFICES)
		return NULL;
	g->off[i].id = id;
	for (size_t k = 0; k < NKINDS; k++) {
		g->off[i].per[k] = arena_alloc(&g->r->arena,
					       (g->b.n + 1) * sizeof(double));
		if (!g->off[i].per[k])
			return NULL;
		memset(g->off[i].per[k], 0, (g->b.n + 1) * sizeof(double));
	}
	g->noff++;
	return &g->off[i];
}

/* The bucket of a UTC time "YYYY-MM-DD HH:MM:SS": by hour its UTC hour
 * (the buckets are UTC hours), otherwise its Warsaw day. -1 outside. */
static long bucket_of(const struct regs *g, const char *utc)
{
	int y, m, d, h = 0, mi = 0, se = 0;
	char day[11];

	if (sscanf(utc, "%d-%d-%d %d:%d:%d", &y, &m, &d, &h, &mi, &se) < 3)
		return -1;
	if (g->b.by == BY_HOUR)
		return buckets_index(&g->b, utc);
	tzpl_day((long long)day_number(y, m, d) * 86400 + h * 3600LL +
			 mi * 60LL + se,
		 0, day);
	return buckets_index(&g->b, day);
}

static int hours_cb(const struct row *row, void *ctx)
{
	struct regs *g = ctx;
	int k = kind_of(row_get(row, "kind", ""));
	long b = bucket_of(g, row_get(row, "hour", ""));
	double n = (double)row_int(row, "n", 0);
	struct office *o;

	if (k < 0 || b < 0)
		return 0;
	o = office_of(g, row_int(row, "office", 0));
	if (!o)
		return 1;
	o->per[k][b] += n;
	g->per_kind[k][b] += n;
	g->per_total[b] += n;
	return 0;
}

/* "code · name" of each office (domain/units). 0 or -1. */
static int office_labels(struct regs *g)
{
	struct unit_info u;

	for (size_t i = 0; i < g->noff; i++) {
		if (units_get(&g->r->arena, g->off[i].id, &u) != 1)
			return -1;
		g->off[i].label = arena_printf(
			&g->r->arena, "%s · %s", u.code,
			!strcmp(g->r->lang, "en") ? u.name_en : u.name_pl);
		if (!g->off[i].label)
			return -1;
	}
	return 0;
}

static int apps_cb(const struct row *row, void *ctx)
{
	struct regs *g = ctx;
	int k = kind_of(row_get(row, "kind", ""));
	long long submitted = row_int(row, "submitted", 0);
	struct office *o;

	if (k < 0)
		return 0;
	g->approved[k] += (double)row_int(row, "approved", 0);
	g->rejected[k] += (double)row_int(row, "rejected", 0);
	if (submitted == 0)
		return 0; /* decided only: no column of its own */
	o = office_of(g, row_int(row, "office", 0));
	if (!o)
		return 1;
	o->n[k] += (double)submitted;
	return 0;
}

static int decided_cb(const struct row *row, void *ctx)
{
	struct regs *g = ctx;
	int k = kind_of(row_get(row, "kind", ""));

	if (k >= 0 && g->nsecs[k] < MAX_DECIDED)
		g->secs[k][g->nsecs[k]++] = row_int(row, "secs", 0);
	if (g->ndec < MAX_DECIDED) {
		g->dec[g->ndec].k = bucket_of(g, row_get(row, "decided", ""));
		g->dec[g->ndec++].secs = row_int(row, "secs", 0);
	}
	return 0;
}

static int by_bucket(const void *a, const void *b)
{
	const struct decided *x = a, *y = b;

	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	return x->secs < y->secs ? -1 : x->secs > y->secs;
}

static int by_value(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* Exact, not from a histogram: a decision takes days, and a period has a
 * few thousand. Nearest rank: the value at rank ceil(pct/100 * n), in
 * hours; -1 for none. */
static double pct_hours(const long long *v, size_t n, int pct)
{
	size_t rank;

	if (n == 0)
		return -1;
	rank = (size_t)ceil((double)pct * (double)n / 100.0);
	if (rank < 1)
		rank = 1;
	return (double)v[rank - 1] / 3600.0;
}

static int by_label(const void *a, const void *b)
{
	return strcmp(((const struct office *)a)->label,
		      ((const struct office *)b)->label);
}

static double *zeros(struct req *r, size_t n)
{
	double *v = arena_alloc(&r->arena, (n + 1) * sizeof(double));

	if (v)
		memset(v, 0, (n + 1) * sizeof(double));
	return v;
}

/* Per bucket: the decisions' count and their p50/p90 in hours (every
 * kind; nearest rank as for the whole period). */
static void decided_per_bucket(struct regs *g)
{
	long long *v;
	size_t i = 0;

	qsort(g->dec, g->ndec, sizeof(g->dec[0]), by_bucket);
	v = arena_alloc(&g->r->arena, (g->ndec + 1) * sizeof(*v));
	for (size_t k = 0; k < g->b.n; k++) {
		size_t n = 0;

		while (i < g->ndec && g->dec[i].k < (long)k)
			i++;
		while (v && i < g->ndec && g->dec[i].k == (long)k)
			v[n++] = g->dec[i++].secs;
		g->dec_n[k] = (double)n;
		g->dec_p50[k] = v ? pct_hours(v, n, 50) : -1;
		g->dec_p90[k] = v ? pct_hours(v, n, 90) : -1;
	}
}

static int load(struct regs *g)
{
	struct req *r = g->r;
	long long eoris, issued, revoked;

	day_text(g->f.p.from, g->from);
	day_text(g->f.p.to + 1, g->to);
	if (buckets_make(&r->arena, g->f.by, &g->f.p, &g->b) < 0)
		return -1;
	for (size_t k = 0; k < NKINDS; k++) {
		g->secs[k] = arena_alloc(&r->arena,
					 MAX_DECIDED * sizeof(long long));
		g->per_kind[k] = zeros(r, g->b.n);
		if (!g->secs[k] || !g->per_kind[k])
			return -1;
	}
	g->per_total = zeros(r, g->b.n);
	g->dec_n = zeros(r, g->b.n);
	g->dec_p50 = zeros(r, g->b.n);
	g->dec_p90 = zeros(r, g->b.n);
	g->dec = arena_alloc(&r->arena, MAX_DECIDED * sizeof(*g->dec));
	if (!g->per_total || !g->dec_n || !g->dec_p50 || !g->dec_p90 || !g->dec)
		return -1;
	if (registry_stats_apps_each(r->sess.unit_id, g->from, g->to, apps_cb,
				     g) < 0 ||
	    registry_stats_apps_hours_each(r->sess.unit_id, g->from, g->to,
					   hours_cb, g) < 0 ||
	    registry_stats_decisions_each(r->sess.unit_id, g->from, g->to,
					  decided_cb, g) < 0 ||
	    ca_stats_certs(g->from, g->to, &issued, &revoked) < 0)
		return -1;
	eoris = registry_stats_eori(r->sess.unit_id, g->from, g->to);
	if (eoris < 0)
		return -1;
	g->issued[S_EORI] = (double)eoris;
	g->issued[S_CERT] = (double)issued;
	g->issued[S_REVOKED] = (double)revoked;
	if (office_labels(g) < 0)
		return -1;
	qsort(g->off, g->noff, sizeof(g->off[0]), by_label);
	for (size_t k = 0; k < NKINDS; k++) {
		qsort(g->secs[k], g->nsecs[k], sizeof(long long), by_value);
		g->p50[k] = pct_hours(g->secs[k], g->nsecs[k], 50);
		g->p90[k] = pct_hours(g->secs[k], g->nsecs[k], 90);
	}
	decided_per_bucket(g);
	return 0;
}

static const char *num(struct req *r, double v, int decimals)
{
	char s[64];

	if (v < 0)
		return view_text(r, "report.reg.none");
	return arena_strdup(&r->arena, svgchart_num(s, sizeof(s), v, decimals));
}

static const char *kind_word(struct req *r, size_t k)
{
	char key[64];

	snprintf(key, sizeof(key), "ecustomer.kind.%s", app_kinds[k]);
	return view_text(r, key);
}

static const char *series_word(struct req *r, int s)
{
	static const char *const keys[S__MAX] = { "report.reg.eoris",
						  "report.reg.certs",
						  "report.reg.revoked" };

	return view_text(r, keys[s]);
}

/* Per bucket: Periods.B.{Label, V.K (kinds), Total, O.N (offices, in
 * the table's order), dn, p50, p90}. */
static void periods_hdf(struct regs *g)
{
	struct req *r = g->r;

	for (size_t b = 0; b < g->b.n; b++) {
		hdf_set_valuef(r->hdf, "Periods.%zu.Label=%s", b,
			       g->b.label[b]);
		for (size_t k = 0; k < NKINDS; k++)
			hdf_set_valuef(r->hdf, "Periods.%zu.V.%zu=%s", b, k,
				       num(r, g->per_kind[k][b], 0));
		hdf_set_valuef(r->hdf, "Periods.%zu.Total=%s", b,
			       num(r, g->per_total[b], 0));
		for (size_t i = 0; i < g->noff; i++) {
			double sum = 0;

			for (size_t k = 0; k < NKINDS; k++)
				sum += g->off[i].per[k][b];
			hdf_set_valuef(r->hdf, "Periods.%zu.O.%zu=%s", b, i,
				       num(r, sum, 0));
		}
		hdf_set_valuef(r->hdf, "Periods.%zu.dn=%s", b,
			       num(r, g->dec_n[b], 0));
		hdf_set_valuef(r->hdf, "Periods.%zu.p50=%s", b,
			       num(r, g->dec_p50[b], 1));
		hdf_set_valuef(r->hdf, "Periods.%zu.p90=%s", b,
			       num(r, g->dec_p90[b], 1));
	}
}

/* The tables: Offices.N.{Label, V.K, Total}, Kinds.K, Decisions.K.{Kind,
 * Approved, Rejected, P50, P90}, Issued.S.{Label, V}. */
static void tables_hdf(struct regs *g)
{
	struct req *r = g->r;

	for (size_t k = 0; k < NKINDS; k++)
		hdf_set_valuef(r->hdf, "Kinds.%zu=%s", k, kind_word(r, k));
	for (size_t i = 0; i < g->noff; i++) {
		double sum = 0;

		hdf_set_valuef(r->hdf, "Offices.%zu.Label=%s", i,
			       g->off[i].label);
		for (size_t k = 0; k < NKINDS; k++) {
			sum += g->off[i].n[k];
			hdf_set_valuef(r->hdf, "Offices.%zu.V.%zu=%s", i, k,
				       num(r, g->off[i].n[k], 0));
		}
		hdf_set_valuef(r->hdf, "Offices.%zu.Total=%s", i,
			       num(r, sum, 0));
	}
	for (size_t k = 0; k < NKINDS; k++) {
		hdf_set_valuef(r->hdf, "Decisions.%zu.Kind=%s", k,
			       kind_word(r, k));
		hdf_set_valuef(r->hdf, "Decisions.%zu.Approved=%s", k,
			       num(r, g->approved[k], 0));
		hdf_set_valuef(r->hdf, "Decisions.%zu.Rejected=%s", k,
			       num(r, g->rejected[k], 0));
		hdf_set_valuef(r->hdf, "Decisions.%zu.P50=%s", k,
			       num(r, g->p50[k], 1));
		hdf_set_valuef(r->hdf, "Decisions.%zu.P90=%s", k,
			       num(r, g->p90[k], 1));
	}
	for (int s = 0; s < S__MAX; s++) {
		hdf_set_valuef(r->hdf, "Issued.%d.Label=%s", s,
			       series_word(r, s));
		hdf_set_valuef(r->hdf, "Issued.%d.V=%s", s,
			       num(r, g->issued[s], 0));
	}
	periods_hdf(g);
}

static int chart_hdf(struct regs *g, const char *name, const struct svgchart *c)
{
	struct buf b = { 0 };
	int rc = svgchart_render(c, &b);

	if (rc == 0)
		hdf_set_valuef(g->r->hdf, "Chart.%s=%s", name, b.p ? b.p : "");
	buf_free(&b);
	return rc;
}

/* Submitted per period stacked by kind; p50/p90 of the decisions per
 * period (a period without one draws 0; the table says none). */
static int periods_chart(struct regs *g)
{
	struct req *r = g->r;
	struct svgchart_series ks[NKINDS], ds[2];
	double *p50 = zeros(r, g->b.n), *p90 = zeros(r, g->b.n);
	char key[48];

	if (!p50 || !p90)
		return -1;
	for (size_t k = 0; k < NKINDS; k++)
		ks[k] = (struct svgchart_series){ kind_word(r, k),
						  g->per_kind[k] };
	for (size_t b = 0; b < g->b.n; b++) {
		p50[b] = g->dec_p50[b] < 0 ? 0 : g->dec_p50[b];
		p90[b] = g->dec_p90[b] < 0 ? 0 : g->dec_p90[b];
	}
	ds[0] = (struct svgchart_series){ "p50", p50 };
	ds[1] = (struct svgchart_series){ "p90", p90 };
	snprintf(key, sizeof(key), "report.by_title.%s",
		 (const char *const[]){ "hour", "day", "week",
					"month" }[g->f.by]);
	if (chart_hdf(g, "periods",
		      &(struct svgchart){
			      .kind = SVGCHART_STACKED,
			      .id = "chart-periods",
			      .title = view_text(r, "report.reg.periods"),
			      .desc = view_text(r, "report.reg.periods_desc"),
			      .x_title = view_text(r, key),
			      .y_title = view_text(r, "report.reg.apps"),
			      .ncat = g->b.n,
			      .cat = g->b.cat,
			      .nseries = NKINDS,
			      .series = ks }) < 0)
		return -1;
	return chart_hdf(
		g, "perioddecisions",
		&(struct svgchart){
			.kind = SVGCHART_LINE,
			.id = "chart-period-decisions",
			.title = view_text(r, "report.reg.period_decisions"),
			.desc = view_text(r,
					  "report.reg.period_decisions_desc"),
			.x_title = view_text(r, key),
			.y_title = view_text(r, "report.reg.hours"),
			.decimals = 1,
			.ncat = g->b.n,
			.cat = g->b.cat,
			.nseries = 2,
			.series = ds });
}

static int charts_hdf(struct regs *g)
{
	struct req *r = g->r;
	struct svgchart_series ks[NKINDS], ds[2];
	const char **ocat, *kcat[NKINDS], *icat[S__MAX];
	double *ov[NKINDS], p50[NKINDS], p90[NKINDS];

	ocat = arena_alloc(&r->arena, (g->noff + 1) * sizeof(*ocat));
	if (!ocat)
		return -1;
	for (size_t i = 0; i < g->noff; i++)
		ocat[i] = g->off[i].label;
	for (size_t k = 0; k < NKINDS; k++) {
		ov[k] = arena_alloc(&r->arena, (g->noff + 1) * sizeof(double));
		if (!ov[k])
			return -1;
		for (size_t i = 0; i < g->noff; i++)
			ov[k][i] = g->off[i].n[k];
		ks[k] = (struct svgchart_series){ kind_word(r, k), ov[k] };
		kcat[k] = kind_word(r, k);
		/* no decision draws as 0; the table says "none" */
		p50[k] = g->p50[k] < 0 ? 0 : g->p50[k];
		p90[k] = g->p90[k] < 0 ? 0 : g->p90[k];
	}
	ds[0] = (struct svgchart_series){ "p50", p50 };
	ds[1] = (struct svgchart_series){ "p90", p90 };
	for (int s = 0; s < S__MAX; s++)
		icat[s] = series_word(r, s);
	if (chart_hdf(g, "offices",
		      &(struct svgchart){
			      .kind = SVGCHART_STACKED,
			      .id = "chart-offices",
			      .title = view_text(r, "report.reg.offices"),
			      .desc = view_text(r, "report.reg.offices_desc"),
			      .x_title = view_text(r, "report.reg.office"),
			      .y_title = view_text(r, "report.reg.apps"),
			      .ncat = g->noff,
			      .cat = ocat,
			      .nseries = NKINDS,
			      .series = ks }) < 0 ||
	    chart_hdf(g, "decisions",
		      &(struct svgchart){
			      .kind = SVGCHART_BAR,
			      .id = "chart-decisions",
			      .title = view_text(r, "report.reg.decisions"),
			      .desc = view_text(r, "report.reg.decisions_desc"),
			      .x_title = view_text(r, "report.reg.kind"),
			      .y_title = view_text(r, "report.reg.hours"),
			      .decimals = 1,
			      .ncat = NKINDS,
			      .cat = kcat,
			      .nseries = 2,
			      .series = ds }) < 0)
		return -1;
	if (periods_chart(g) < 0)
		return -1;
	return chart_hdf(g, "issued",
			 &(struct svgchart){
				 .kind = SVGCHART_BAR,
				 .id = "chart-issued",
				 .title = view_text(r, "report.reg.issued"),
				 .desc = view_text(r, "report.reg.issued_desc"),
				 .y_title = view_text(r, "report.reg.count"),
				 .ncat = S__MAX,
				 .cat = icat,
				 .nseries = 1,
				 .series = &(struct svgchart_series){
					 view_text(r, "report.reg.count"),
					 g->issued } });
}

static size_t choices(void *st, struct filter_choice *c)
{
	struct regs *g = st;

	c[0] = (struct filter_choice){ "part", part_names, &g->part };
	return 1;
}

static int load_fn(void *st)
{
	return load(st);
}

static int page_hdf(void *st)
{
	tables_hdf(st);
	return charts_hdf(st);
}

static int csv_of(struct regs *g, struct buf *b)
{
	struct req *r = g->r;

	switch (g->part) {
	case PART_DECISIONS:
		csv_cell(b, 1, view_text(r, "report.reg.kind"));
		csv_cell(b, 0, view_text(r, "report.reg.approved"));
		csv_cell(b, 0, view_text(r, "report.reg.rejected"));
		csv_cell(b, 0, view_text(r, "report.reg.p50"));
		csv_cell(b, 0, view_text(r, "report.reg.p90"));
		csv_end(b);
		for (size_t k = 0; k < NKINDS; k++) {
			csv_cell(b, 1, kind_word(r, k));
			csv_num(b, 0, g->approved[k], 0);
			csv_num(b, 0, g->rejected[k], 0);
			if (g->p50[k] < 0) {
				csv_cell(b, 0, "");
				csv_cell(b, 0, "");
			} else {
				csv_num(b, 0, g->p50[k], 1);
				csv_num(b, 0, g->p90[k], 1);
			}
			if (csv_end(b) < 0)
				return -1;
		}
		return 0;
	case PART_PERIODS:
		/* a row per period and office that has any application */
		csv_cell(b, 1, view_text(r, "report.reg.period"));
		csv_cell(b, 0, view_text(r, "report.reg.office"));
		for (size_t k = 0; k < NKINDS; k++)
			csv_cell(b, 0, kind_word(r, k));
		csv_end(b);
		for (size_t p = 0; p < g->b.n; p++)
			for (size_t i = 0; i < g->noff; i++) {
				double sum = 0;

				for (size_t k = 0; k < NKINDS; k++)
					sum += g->off[i].per[k][p];
				if (sum == 0)
					continue;
				csv_cell(b, 1, g->b.label[p]);
				csv_cell(b, 0, g->off[i].label);
				for (size_t k = 0; k < NKINDS; k++)
					csv_num(b, 0, g->off[i].per[k][p], 0);
				if (csv_end(b) < 0)
					return -1;
			}
		return 0;
	case PART_ISSUED:
		for (int s = 0; s < S__MAX; s++)
			csv_cell(b, s == 0, series_word(r, s));
		csv_end(b);
		for (int s = 0; s < S__MAX; s++)
			csv_num(b, s == 0, g->issued[s], 0);
		return csv_end(b);
	default:
		csv_cell(b, 1, view_text(r, "report.reg.office"));
		for (size_t k = 0; k < NKINDS; k++)
			csv_cell(b, 0, kind_word(r, k));
		csv_end(b);
		for (size_t i = 0; i < g->noff; i++) {
			csv_cell(b, 1, g->off[i].label);
			for (size_t k = 0; k < NKINDS; k++)
				csv_num(b, 0, g->off[i].n[k], 0);
			if (csv_end(b) < 0)
				return -1;
		}
		return 0;
	}
}

/* One of its tables, named registrations-<part>. */
static int csv_fn(void *st, struct buf *b, const char **name)
{
	struct regs *g = st;

	*name = arena_printf(&g->r->arena, "registrations-%s",
			     part_names[g->part]);
	return *name ? csv_of(g, b) : -1;
}

const struct report_desc report_registrations = {
	.name = "registrations",
	.page = "report/registrations.cs",
	REPORT_STATE(struct regs),
	.choices = choices,
	.load = load_fn,
	.hdf = page_hdf,
	.csv = csv_fn,
};
