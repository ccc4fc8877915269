/* ui-registrations.c: the registrations report: applications per office
 * and kind, the time from submission to decision (p50/p90), EORI numbers
 * issued, certificates issued and revoked, over the offices of the
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
#include "units.h"
#include "view.h"

/* application.kind, in the order shown (L.ecustomer.kind.<kind>) */
static const char *const app_kinds[] = { "person", "company", "company_update",
					 "company_deactivation" };
#define NKINDS (sizeof(app_kinds) / sizeof(app_kinds[0]))
#define MAX_OFFICES 200
/* Durations kept for the percentiles: thousands of applications a year. */
#define MAX_DECIDED 100000

enum part { PART_OFFICES, PART_DECISIONS, PART_ISSUED, PART__MAX };
static const char *const part_names[PART__MAX + 1] = { "offices", "decisions",
						       "issued", NULL };
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
	} off[MAX_OFFICES];
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
	g->noff++;
	return &g->off[i];
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
	return 0;
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

static int load(struct regs *g)
{
	struct req *r = g->r;
	long long eoris, issued, revoked;

	day_text(g->f.p.from, g->from);
	day_text(g->f.p.to + 1, g->to);
	for (size_t k = 0; k < NKINDS; k++) {
		g->secs[k] = arena_alloc(&r->arena,
					 MAX_DECIDED * sizeof(long long));
		if (!g->secs[k])
			return -1;
	}
	if (registry_stats_apps_each(r->sess.unit_id, g->from, g->to, apps_cb,
				     g) < 0 ||
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

/* Filters and data; 0 ready, 1 answered (403), 422, -1. */
static int prepare(struct req *r, struct regs *g)
{
	struct filter_choice c = { "part", part_names, &g->part };
	int rc;

	g->r = r;
	rc = filter_read(r, &g->f, &c, 1);
	if (rc == 403)
		return 1;
	if (rc != 0)
		return rc;
	return load(g) < 0 ? -1 : 0;
}

static struct regs *regs_new(struct req *r)
{
	struct regs *g = arena_alloc(&r->arena, sizeof(*g));

	if (g)
		memset(g, 0, sizeof(*g));
	return g;
}

int registrations_fn(struct req *r)
{
	struct regs *g = regs_new(r);
	int rc;

	if (!g)
		return -1;
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, g);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return view_render(r, 422, "report/registrations.cs");
	if (rc < 0)
		return -1;
	hdf_set_value(r->hdf, "Report.Ready", "1");
	tables_hdf(g);
	if (charts_hdf(g) < 0)
		return -1;
	return report_page(r, "report/registrations.cs");
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

int registrations_csv_fn(struct req *r)
{
	struct regs *g = regs_new(r);
	struct buf b = { 0 };
	int rc;

	if (!g)
		return -1;
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, g);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return resp_error(r, 422, "report_filter");
	if (rc < 0 || csv_of(g, &b) < 0) {
		buf_free(&b);
		return -1;
	}
	return report_csv_send(r, &b,
			       arena_printf(&r->arena, "registrations-%s",
					    part_names[g->part]),
			       &g->f.p);
}
