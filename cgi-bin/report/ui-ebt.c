/* ui-ebt.c: the e-Booking TRUCK report: bookings made, arrivals,
 * no-shows, walk-ins and cancellations per day, week or month; the time
 * from arrival in the waiting zone to the call to a lane (p50/p90); the
 * capacity used per hour of the day. Counts from the eBT rollups
 * (domain/report.h), capacity from the slots (booking_capacity_each). One
 * set of C arrays feeds the charts, the tables and the CSV. */
#include "report_ui.h"

#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "crossings.h"
#include "csv.h"
#include "resp.h"
#include "svgchart.h"
#include "view.h"

/* The columns shown, in order, of enum report_ebt_col. */
static const int cols[] = { REPORT_EBT_CREATED, REPORT_EBT_ARRIVED,
			    REPORT_EBT_NO_SHOW, REPORT_EBT_WALK_IN,
			    REPORT_EBT_CANCELLED };
#define NCOLS (sizeof(cols) / sizeof(cols[0]))
/* a day's rollup row per period at most */
#define MAX_PERIODS (366 * 10 + 2)

struct ebt {
	struct req *r;
	struct filter f;
	char from[11], to[11]; /* Warsaw days [from, to) */
	long long ids[REPORT_MAX_CROSSINGS];
	int nids;
	struct buckets b;
	double *m[NCOLS]; /* b.n each */
	struct report_hist all;
	int p50, p90;		      /* minutes; -1 none */
	struct report_pct_row *waits; /* by day or month */
	int nwaits;
	double cap[24], used[24], share[24]; /* per hour of the day */
};

static const char *col_word(struct req *r, size_t c)
{
	char key[64];

	snprintf(key, sizeof(key), "report.ebt.col.%s",
		 report_ebt_actions[cols[c]]);
	return view_text(r, key);
}

static int cap_cb(const struct row *row, void *ctx)
{
	struct ebt *e = ctx;
	long long h = row_int(row, "hour", -1);

	if (h < 0 || h > 23 || row_int(row, "closed", 0))
		return 0;
	e->cap[h] += (double)row_int(row, "capacity", 0);
	e->used[h] += (double)row_int(row, "booked", 0);
	return 0;
}

/* The eBT crossings among the filter's codes, by id. */
static int crossing_ids(struct ebt *e)
{
	HDF *n;

	if (crossings_of_codes_hdf(e->f.crossings, e->r->lang, 0, e->r->hdf,
				   "EbtCrossings") < 0)
		return -1;
	n = hdf_get_obj(e->r->hdf, "EbtCrossings");
	for (n = n ? hdf_obj_child(n) : NULL;
	     n && e->nids < REPORT_MAX_CROSSINGS; n = hdf_obj_next(n))
		if (hdf_get_int_value(n, "ebt", 0))
			e->ids[e->nids++] = atoll(hdf_get_value(n, "id", "0"));
	return 0;
}

static int load(struct ebt *e)
{
	struct req *r = e->r;
	enum report_grain g = e->f.by == BY_MONTH ? REPORT_MONTH : REPORT_DAY;
	struct report_ebt_row *rows;
	int n;

	day_text(e->f.p.from, e->from);
	day_text(e->f.p.to + 1, e->to);
	if (crossing_ids(e) < 0 ||
	    buckets_make(&r->arena, e->f.by, &e->f.p, &e->b) < 0)
		return -1;
	for (size_t c = 0; c < NCOLS; c++) {
		e->m[c] = arena_alloc(&r->arena, (e->b.n + 1) * sizeof(double));
		if (!e->m[c])
			return -1;
		memset(e->m[c], 0, (e->b.n + 1) * sizeof(double));
	}
	rows = arena_alloc(&r->arena, MAX_PERIODS * sizeof(*rows));
	e->waits = arena_alloc(&r->arena, MAX_PERIODS * sizeof(*e->waits));
	if (!rows || !e->waits)
		return -1;
	n = report_ebt_days(e->ids, e->nids, e->from, e->to, g, rows,
			    MAX_PERIODS);
	if (n < 0)
		return -1;
	/* Weeks are sums of their days. */
	for (int i = 0; i < n; i++) {
		long k = buckets_index(&e->b, rows[i].period);

		if (k < 0)
			continue;
		for (size_t c = 0; c < NCOLS; c++)
			e->m[c][k] += (double)rows[i].n[cols[c]];
	}
	e->nwaits = report_ebt_wait(e->ids, e->nids, e->from, e->to, g, &e->all,
				    e->waits, MAX_PERIODS);
	if (e->nwaits < 0)
		return -1;
	e->p50 = report_hist_pct(&e->all, 50);
	e->p90 = report_hist_pct(&e->all, 90);
	for (int i = 0; i < e->nids; i++)
		if (booking_capacity_each(e->ids[i], e->from, e->to, cap_cb,
					  e) < 0)
			return -1;
	for (int h = 0; h < 24; h++)
		e->share[h] = e->cap[h] > 0 ? 100.0 * e->used[h] / e->cap[h]
					    : 0;
	return 0;
}

static const char *num(struct req *r, double v, int decimals)
{
	char s[64];

	return arena_strdup(&r->arena, svgchart_num(s, sizeof(s), v, decimals));
}

/* A percentile in words: minutes, "longer than 24 h", or none. */
static const char *minutes(struct req *r, int m)
{
	if (m < 0)
		return view_text(r, "report.ebt.none");
	if (m >= REPORT_LONGER)
		return view_text(r, "report.ebt.longer");
	return num(r, m, 0);
}

static void tables_hdf(struct ebt *e)
{
	struct req *r = e->r;
	double total[NCOLS] = { 0 };

	for (size_t c = 0; c < NCOLS; c++)
		hdf_set_valuef(r->hdf, "Cols.%zu=%s", c, col_word(r, c));
	for (size_t i = 0; i < e->b.n; i++) {
		hdf_set_valuef(r->hdf, "Days.%zu.Label=%s", i, e->b.label[i]);
		for (size_t c = 0; c < NCOLS; c++) {
			total[c] += e->m[c][i];
			hdf_set_valuef(r->hdf, "Days.%zu.V.%zu=%s", i, c,
				       num(r, e->m[c][i], 0));
		}
	}
	for (size_t c = 0; c < NCOLS; c++)
		hdf_set_valuef(r->hdf, "DaysTotal.%zu=%s", c,
			       num(r, total[c], 0));
	hdf_set_valuef(r->hdf, "Wait.n=%lld", e->all.total);
	hdf_set_valuef(r->hdf, "Wait.p50=%s", minutes(r, e->p50));
	hdf_set_valuef(r->hdf, "Wait.p90=%s", minutes(r, e->p90));
	/* a week's percentiles are not the sum of its days': by day or
	 * month only */
	for (int i = 0; e->f.by != BY_WEEK && i < e->nwaits; i++) {
		hdf_set_valuef(r->hdf, "Waits.%d.Label=%s", i,
			       e->waits[i].period);
		hdf_set_valuef(r->hdf, "Waits.%d.n=%lld", i, e->waits[i].n);
		hdf_set_valuef(r->hdf, "Waits.%d.p50=%s", i,
			       minutes(r, e->waits[i].p50));
		hdf_set_valuef(r->hdf, "Waits.%d.p90=%s", i,
			       minutes(r, e->waits[i].p90));
	}
	for (int h = 0; h < 24; h++) {
		hdf_set_valuef(r->hdf, "Hours.%d.Label=%02d:00", h, h);
		hdf_set_valuef(r->hdf, "Hours.%d.cap=%s", h,
			       num(r, e->cap[h], 0));
		hdf_set_valuef(r->hdf, "Hours.%d.used=%s", h,
			       num(r, e->used[h], 0));
		hdf_set_valuef(r->hdf, "Hours.%d.share=%s", h,
			       num(r, e->share[h], 1));
	}
}

static int chart_hdf(struct ebt *e, const char *name, const struct svgchart *c)
{
	struct buf b = { 0 };
	int rc = svgchart_render(c, &b);

	if (rc == 0)
		hdf_set_valuef(e->r->hdf, "Chart.%s=%s", name, b.p ? b.p : "");
	buf_free(&b);
	return rc;
}

static int charts_hdf(struct ebt *e)
{
	struct req *r = e->r;
	struct svgchart_series s[NCOLS];
	const char *hours[24];
	char key[48];

	for (size_t c = 0; c < NCOLS; c++)
		s[c] = (struct svgchart_series){ col_word(r, c), e->m[c] };
	for (int h = 0; h < 24; h++)
		hours[h] = hdf_get_valuef(r->hdf, "Hours.%d.Label", h);
	snprintf(key, sizeof(key), "report.by_title.%s",
		 e->f.by == BY_WEEK    ? "week"
		 : e->f.by == BY_MONTH ? "month"
				       : "day");
	if (chart_hdf(e, "days",
		      &(struct svgchart){
			      .kind = SVGCHART_BAR,
			      .id = "chart-days",
			      .title = view_text(r, "report.ebt.days"),
			      .desc = view_text(r, "report.ebt.days_desc"),
			      .x_title = view_text(r, key),
			      .y_title = view_text(r, "report.ebt.trucks"),
			      .ncat = e->b.n,
			      .cat = e->b.cat,
			      .nseries = NCOLS,
			      .series = s }) < 0)
		return -1;
	return chart_hdf(
		e, "hours",
		&(struct svgchart){
			.kind = SVGCHART_BAR,
			.id = "chart-hours",
			.title = view_text(r, "report.ebt.hours"),
			.desc = view_text(r, "report.ebt.hours_desc"),
			.x_title = view_text(r, "report.ebt.hour"),
			.y_title = view_text(r, "report.ebt.share"),
			.decimals = 1,
			.ncat = 24,
			.cat = hours,
			.nseries = 1,
			.series = &(struct svgchart_series){
				view_text(r, "report.ebt.share"), e->share } });
}

/* Filters and data; 0 ready, 1 answered (403), 422, -1. */
static int prepare(struct req *r, struct ebt *e)
{
	int rc;

	e->r = r;
	rc = filter_read(r, &e->f, NULL, 0);
	if (rc == 403)
		return 1;
	if (rc != 0)
		return rc;
	/* The eBT rollups are daily: no report by hour. */
	if (e->f.by == BY_HOUR) {
		view_field_error(r, "by", "report.ebt.by_hour");
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	return load(e) < 0 ? -1 : 0;
}

static struct ebt *ebt_new(struct req *r)
{
	struct ebt *e = arena_alloc(&r->arena, sizeof(*e));

	if (e)
		memset(e, 0, sizeof(*e));
	return e;
}

int ebt_fn(struct req *r)
{
	struct ebt *e = ebt_new(r);
	int rc;

	if (!e)
		return -1;
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, e);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return view_render(r, 422, "report/ebt.cs");
	if (rc < 0)
		return -1;
	hdf_set_value(r->hdf, "Report.Ready", "1");
	tables_hdf(e);
	if (charts_hdf(e) < 0)
		return -1;
	return report_page(r, "report/ebt.cs");
}

int ebt_csv_fn(struct req *r)
{
	struct ebt *e = ebt_new(r);
	struct buf b = { 0 };
	int rc;

	if (!e)
		return -1;
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, e);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return resp_error(r, 422, "report_filter");
	if (rc < 0)
		return -1;
	csv_cell(&b, 1, view_text(r, "report.ebt.period"));
	for (size_t c = 0; c < NCOLS; c++)
		csv_cell(&b, 0, col_word(r, c));
	csv_end(&b);
	for (size_t i = 0; i < e->b.n; i++) {
		csv_cell(&b, 1, e->b.label[i]);
		for (size_t c = 0; c < NCOLS; c++)
			csv_num(&b, 0, e->m[c][i], 0);
		if (csv_end(&b) < 0) {
			buf_free(&b);
			return -1;
		}
	}
	return report_csv_send(r, &b, "ebt", &e->f.p);
}
