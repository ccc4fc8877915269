/* ui-ebt.c: the e-Booking TRUCK report: bookings made, arrivals,
 * no-shows, walk-ins and cancellations per day, week or month; the time
 * from arrival in the waiting zone to the call to a lane (p50/p90); the
 * capacity used per hour of the day; bookings by company (top N) and
 * through agencies. Counts from the eBT rollups (domain/report.h),
 * capacity from the slots (booking_capacity_each), the companies' names
 * from their owner (registry_company_names_hdf). One set of C arrays feeds
 * the charts, the tables and the CSV. */
#include "report_ui.h"

#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "crossings.h"
#include "csv.h"
#include "registry.h"
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
/* (company, agency) pairs read to sum the agencies: far more than the
 * agencies of a country */
#define MAX_PAIRS 5000
#define MAX_AGENCIES 200

/* top: how many companies (the first is the default); part: what the CSV
 * holds */
static const char *const top_names[] = { "10", "5", "20", NULL };
static const char *const part_names[] = { "days", "companies", "agencies",
					  NULL };
enum { PART_DAYS, PART_COMPANIES, PART_AGENCIES };

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
	int top, part;			     /* indexes of the choices */
	struct report_company_row comp[20];  /* the top companies */
	int ncomp;
	double comp_n[20];
	/* per agency (agency_id 0 left out): bookings, companies served */
	struct agency {
		long long id;
		double n, companies;
	} agency[MAX_AGENCIES];
	int nagency;
	double own, through,
		guests;		 /* the period's bookings by who made them */
	char mfrom[11], mto[11]; /* the whole months read, [mfrom, mto] */
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

/* The agency's index among those summed, a new one added. */
static int agency_of(struct ebt *e, long long id)
{
	for (int i = 0; i < e->nagency; i++)
		if (e->agency[i].id == id)
			return i;
	if (e->nagency == MAX_AGENCIES)
		return -1;
	e->agency[e->nagency].id = id;
	return e->nagency++;
}

/* Most bookings first, then by id: the order of the companies' table. */
static int by_bookings(const void *a, const void *b)
{
	const struct agency *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return (x->id > y->id) - (x->id < y->id);
}

/* Bookings made per company, the top N; per agency summed from the
 * (company, agency) pairs. The rollup is monthly: whole months. */
static int companies(struct ebt *e)
{
	static const int tops[] = { 10, 5, 20 };
	struct report_company_row *pairs;
	int n, y, m, d;

	e->ncomp = report_ebt_companies(e->ids, e->nids, e->from, e->to, 0,
					e->comp, tops[e->top]);
	if (e->ncomp < 0)
		return -1;
	for (int i = 0; i < e->ncomp; i++)
		e->comp_n[i] = (double)e->comp[i].n;
	pairs = arena_alloc(&e->r->arena, MAX_PAIRS * sizeof(*pairs));
	if (!pairs)
		return -1;
	n = report_ebt_companies(e->ids, e->nids, e->from, e->to, 1, pairs,
				 MAX_PAIRS);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		int a;

		if (pairs[i].company_id == 0) {
			e->guests += (double)pairs[i].n;
			continue;
		}
		if (pairs[i].agency_id == 0) {
			e->own += (double)pairs[i].n;
			continue;
		}
		e->through += (double)pairs[i].n;
		a = agency_of(e, pairs[i].agency_id);
		if (a >= 0) {
			e->agency[a].n += (double)pairs[i].n;
			e->agency[a].companies++;
		}
	}
	qsort(e->agency, (size_t)e->nagency, sizeof(e->agency[0]), by_bookings);
	/* the months the reader counted: from's, up to to's */
	day_civil(e->f.p.from, &y, &m, &d);
	snprintf(e->mfrom, sizeof(e->mfrom), "%04d-%02d", y, m);
	day_civil(e->f.p.to, &y, &m, &d);
	snprintf(e->mto, sizeof(e->mto), "%04d-%02d", y, m);
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
	return companies(e);
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

/* The companies and agencies with their names (asked of their owner by
 * id); a guest booking (company 0) is named in words. */
static int companies_hdf(struct ebt *e)
{
	struct req *r = e->r;

	hdf_set_valuef(r->hdf, "Months.from=%s", e->mfrom);
	hdf_set_valuef(r->hdf, "Months.to=%s", e->mto);
	for (int i = 0; i < e->ncomp; i++) {
		hdf_set_valuef(r->hdf, "Companies.%d.rank=%d", i, i + 1);
		hdf_set_valuef(r->hdf, "Companies.%d.company_id=%lld", i,
			       e->comp[i].company_id);
		hdf_set_valuef(r->hdf, "Companies.%d.n=%s", i,
			       num(r, e->comp_n[i], 0));
		if (e->comp[i].company_id == 0)
			hdf_set_valuef(r->hdf, "Companies.%d.name=%s", i,
				       view_text(r, "report.ebt.guests"));
	}
	for (int i = 0; i < e->nagency; i++) {
		hdf_set_valuef(r->hdf, "Agencies.%d.agency_id=%lld", i,
			       e->agency[i].id);
		hdf_set_valuef(r->hdf, "Agencies.%d.n=%s", i,
			       num(r, e->agency[i].n, 0));
		hdf_set_valuef(r->hdf, "Agencies.%d.companies=%s", i,
			       num(r, e->agency[i].companies, 0));
	}
	hdf_set_valuef(r->hdf, "Who.own=%s", num(r, e->own, 0));
	hdf_set_valuef(r->hdf, "Who.through=%s", num(r, e->through, 0));
	hdf_set_valuef(r->hdf, "Who.guests=%s", num(r, e->guests, 0));
	if (registry_company_names_hdf(r->hdf, "Companies", "company_id",
				       "name") < 0 ||
	    registry_company_names_hdf(r->hdf, "Agencies", "agency_id",
				       "name") < 0)
		return -1;
	return 0;
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

/* The top companies as bars, named as in the table. */
static int companies_chart(struct ebt *e)
{
	struct req *r = e->r;
	const char *cat[20];

	for (int i = 0; i < e->ncomp; i++)
		cat[i] = hdf_get_valuef(r->hdf, "Companies.%d.name", i);
	for (int i = 0; i < e->ncomp; i++)
		if (!cat[i])
			cat[i] = view_text(r, "report.ebt.none");
	return chart_hdf(
		e, "companies",
		&(struct svgchart){
			.kind = SVGCHART_BAR,
			.id = "chart-companies",
			.title = view_text(r, "report.ebt.companies"),
			.desc = view_text(r, "report.ebt.companies_desc"),
			.x_title = view_text(r, "report.ebt.company"),
			.y_title = view_text(r, "report.ebt.bookings"),
			.ncat = (size_t)e->ncomp,
			.cat = cat,
			.nseries = 1,
			.series = &(struct svgchart_series){
				view_text(r, "report.ebt.bookings"),
				e->comp_n } });
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
			       .series =
				       &(struct svgchart_series){
					       view_text(r, "report.ebt.share"),
					       e->share } }) < 0
		       ? -1
		       : companies_chart(e);
}

static size_t choices(void *st, struct filter_choice *c)
{
	struct ebt *e = st;

	c[0] = (struct filter_choice){ "top", top_names, &e->top };
	c[1] = (struct filter_choice){ "part", part_names, &e->part };
	return 2;
}

/* The eBT rollups are daily: no report by hour. */
static int check(void *st)
{
	struct ebt *e = st;

	if (e->f.by != BY_HOUR)
		return 0;
	view_field_error(e->r, "by", "report.ebt.by_hour");
	hdf_set_value(e->r->hdf, "Page.FormErrors", "1");
	return 422;
}

static int load_fn(void *st)
{
	return load(st);
}

static int page_hdf(void *st)
{
	struct ebt *e = st;

	tables_hdf(e);
	return companies_hdf(e) < 0 || charts_hdf(e) < 0 ? -1 : 0;
}

/* The CSV of the companies (part=companies: rank, company, bookings) or
 * the agencies (part=agencies: agency, bookings, companies). */
static int companies_csv(struct ebt *e, struct buf *b)
{
	struct req *r = e->r;
	int agencies = e->part == PART_AGENCIES;
	int n = agencies ? e->nagency : e->ncomp;
	const char *list = agencies ? "Agencies" : "Companies";

	if (companies_hdf(e) < 0)
		return -1;
	if (!agencies)
		csv_cell(b, 1, view_text(r, "report.ebt.rank"));
	csv_cell(b, agencies,
		 view_text(r, agencies ? "report.ebt.agency"
				       : "report.ebt.company"));
	csv_cell(b, 0, view_text(r, "report.ebt.bookings"));
	if (agencies)
		csv_cell(b, 0, view_text(r, "report.ebt.served"));
	csv_end(b);
	for (int i = 0; i < n; i++) {
		const char *name = hdf_get_valuef(r->hdf, "%s.%d.name", list,
						  i);

		if (!agencies)
			csv_num(b, 1, i + 1, 0);
		csv_cell(b, agencies, name ? name : "");
		csv_num(b, 0, agencies ? e->agency[i].n : e->comp_n[i], 0);
		if (agencies)
			csv_num(b, 0, e->agency[i].companies, 0);
		if (csv_end(b) < 0)
			return -1;
	}
	return 0;
}

/* part=days (a row per period), companies or agencies. */
static int csv_fn(void *st, struct buf *b, const char **name)
{
	struct ebt *e = st;
	struct req *r = e->r;

	if (e->part != PART_DAYS) {
		*name = e->part == PART_AGENCIES ? "ebt-agencies"
						 : "ebt-companies";
		return companies_csv(e, b);
	}
	csv_cell(b, 1, view_text(r, "report.ebt.period"));
	for (size_t c = 0; c < NCOLS; c++)
		csv_cell(b, 0, col_word(r, c));
	csv_end(b);
	for (size_t i = 0; i < e->b.n; i++) {
		csv_cell(b, 1, e->b.label[i]);
		for (size_t c = 0; c < NCOLS; c++)
			csv_num(b, 0, e->m[c][i], 0);
		if (csv_end(b) < 0)
			return -1;
	}
	return 0;
}

const struct report_desc report_ebt = {
	.name = "ebt",
	.page = "report/ebt.cs",
	REPORT_STATE(struct ebt),
	.choices = choices,
	.check = check,
	.load = load_fn,
	.hdf = page_hdf,
	.csv = csv_fn,
};
