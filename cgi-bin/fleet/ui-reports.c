/* ui-reports.c: the fleet reports (/skr/fleet/reports): per vehicle of a
 * unit's subtree over a period of whole months, kilometres, fuel litres
 * and cost, repair cost, cost per kilometre, consumption against the norm
 * and availability (the share of the time on the books spent in service).
 * Sums of the monthly rollup (domain/fleet_report.h); one set of C arrays
 * feeds the charts, the table and the CSV. The page shows the totals of
 * every vehicle and one page of vehicles (charts and rows); the CSV and
 * the print view hold them all. */
#include "fleet_report_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "fleet_report.h"
#include "form.h"
#include "resp.h"
#include "svgchart.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

/* The vehicles one report shows at most (the bench's 2,000 fit). */
#define MAX_VEHICLES 5000
/* Five years of months. */
#define MAX_MONTHS 60
/* The vehicles of one page: its four charts stay readable on a phone and
 * the page small (a branch of 50 vehicles on one page was 77 kB, two
 * thirds of it charts, and its bytes cost nginx more than the kept page
 * cost us: docs/performance.md, "Fleet"). */
#define PAGE_VEHICLES 10
#define MAX_PAGE 9999
/* A worker's copy (fleet_cache.c) lives at most this long (the current
 * month's availability grows with the clock), and only while EPOCH_FLEET
 * is unchanged. */
#define REPORT_TTL_MS 30000

struct rep {
	struct req *r;
	long long root, unit;  /* unit 0: every unit of root's subtree */
	int y0, m0, y1, m1;    /* first and last month, included */
	char from[11], to[11]; /* "YYYY-MM-01": [from, to) */
	long long t0, t1;      /* the same in UTC seconds, t1 not after now */
	int print;
	long page;	   /* 1.., clamped to the last page */
	long first, count; /* the vehicles shown: [first, first + count) */
	long n;
	struct fleet_report_vehicle *v;
	/* derived, per vehicle, for the charts */
	const char **label;
	double *km, *fuel_km, *repair_km, *cons, *norm, *avail;
	struct fleet_report_vehicle total;
};

/* "YYYY-MM" with a month 01..12 and a year 2000..2099. */
static int parse_month(const char *s, int *y, int *m)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return 0;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = atoi(s);
	*m = atoi(s + 5);
	return *y >= 2000 && *y <= 2099 && *m >= 1 && *m <= 12;
}

static int valid_month(const char *s)
{
	int y, m;

	return parse_month(s, &y, &m);
}

static int valid_page(const char *s)
{
	long long n = valid_id(s);

	return n >= 1 && n <= MAX_PAGE;
}

enum { F_FROM, F_TO, F_VIEW, F_PAGE, F__MAX };
static const struct param params[F__MAX] = {
	{ "from", P_QUERY, 7, NULL, valid_month, "fleet_month" }, /* F_FROM */
	{ "to", P_QUERY, 7, NULL, valid_month, "fleet_month" },	  /* F_TO */
	{ "view", P_QUERY, 8, NULL, NULL, NULL },		  /* F_VIEW */
	{ "page", P_QUERY, 6, NULL, valid_page, "fleet_page" },	  /* F_PAGE */
};

/* The period from the URL: 0, or 422 with the messages beside the fields. */
static int period_read(struct req *r, struct rep *s)
{
	const char *v[F__MAX];
	char today[11];
	int bad = form_read(r, params, F__MAX, v), ty, tm, span;

	s->print = v[F_VIEW] && !strcmp(v[F_VIEW], "print");
	if (s->print)
		hdf_set_value(r->hdf, "Page.Print", "1");
	s->page = v[F_PAGE] && valid_page(v[F_PAGE]) ? valid_id(v[F_PAGE]) : 1;
	if (bad)
		return 422;
	/* By default the twelve months up to this one. */
	tzpl_today(0, today);
	ty = atoi(today);
	tm = atoi(today + 5);
	if (!v[F_TO] || !parse_month(v[F_TO], &s->y1, &s->m1)) {
		s->y1 = ty;
		s->m1 = tm;
		hdf_set_valuef(r->hdf, "Form.to=%04d-%02d", ty, tm);
	}
	if (!v[F_FROM] || !parse_month(v[F_FROM], &s->y0, &s->m0)) {
		int k = s->y1 * 12 + s->m1 - 1 - 11;

		s->y0 = k / 12;
		s->m0 = k % 12 + 1;
		hdf_set_valuef(r->hdf, "Form.from=%04d-%02d", s->y0, s->m0);
	}
	span = (s->y1 * 12 + s->m1) - (s->y0 * 12 + s->m0) + 1;
	if (span < 1) {
		view_field_error(r, "to", "fleet_order");
		return 422;
	}
	if (span > MAX_MONTHS) {
		view_field_error(r, "to", "fleet_range");
		return 422;
	}
	return 0;
}

static void period_bounds(struct rep *s)
{
	int y = s->y1 + s->m1 / 12, m = s->m1 % 12 + 1; /* the month after */
	long long now = (long long)time(NULL);

	snprintf(s->from, sizeof(s->from), "%04u-%02u-01",
		 (unsigned)s->y0 % 10000u, (unsigned)s->m0 % 100u);
	snprintf(s->to, sizeof(s->to), "%04u-%02u-01", (unsigned)y % 10000u,
		 (unsigned)m % 100u);
	/* Midnight is never the hour DST skips (02:00 in spring). */
	s->t0 = tzpl_to_utc(s->y0, s->m0, 1, 0);
	s->t1 = tzpl_to_utc(y, m, 1, 0);
	if (s->t1 > now)
		s->t1 = now;
}

static double per(double a, double b, double scale)
{
	return b > 0 ? a * scale / b : 0;
}

static void derive(struct rep *s, long i, struct fleet_report_vehicle *v)
{
	s->label[i] = v->plate;
	s->km[i] = (double)v->km;
	s->fuel_km[i] = per((double)v->fuel_gr, (double)v->km, 0.01);
	s->repair_km[i] = per((double)v->repair_gr, (double)v->km, 0.01);
	s->cons[i] = per(v->litres, (double)v->km, 100);
	s->norm[i] = v->norm_l100;
	s->avail[i] = per(v->in_service_s, v->counted_s, 100);
}

static int load(struct rep *s)
{
	struct req *r = s->r;
	struct fleet_report_vehicle *t = &s->total;
	size_t k;

	period_bounds(s);
	s->v = arena_alloc(&r->arena, MAX_VEHICLES * sizeof(*s->v));
	if (!s->v)
		return -1;
	s->n = fleet_report_vehicles(&r->arena, s->root, s->unit, s->from,
				     s->to, s->v, MAX_VEHICLES);
	if (s->n < 0 || fleet_report_availability(&r->arena, s->root, s->unit,
						  s->t0, s->t1, s->v, s->n) < 0)
		return -1;
	k = (size_t)s->n + 1;
	s->label = arena_alloc(&r->arena, k * sizeof(*s->label));
	s->km = arena_alloc(&r->arena, 6 * k * sizeof(double));
	if (!s->label || !s->km)
		return -1;
	s->fuel_km = s->km + k;
	s->repair_km = s->fuel_km + k;
	s->cons = s->repair_km + k;
	s->norm = s->cons + k;
	s->avail = s->norm + k;
	memset(t, 0, sizeof(*t));
	for (long i = 0; i < s->n; i++) {
		struct fleet_report_vehicle *v = &s->v[i];

		derive(s, i, v);
		t->km += v->km;
		t->trips += v->trips;
		t->litres += v->litres;
		t->fuel_gr += v->fuel_gr;
		t->repair_gr += v->repair_gr;
		t->repair_days += v->repair_days;
		t->in_service_s += v->in_service_s;
		t->counted_s += v->counted_s;
	}
	/* A page past the end (the unit shrank since the link was made)
	 * shows the last one. */
	if (s->print) {
		s->first = 0;
		s->count = s->n;
	} else {
		long pages = (s->n + PAGE_VEHICLES - 1) / PAGE_VEHICLES;

		if (s->page > pages)
			s->page = pages > 0 ? pages : 1;
		s->first = (s->page - 1) * PAGE_VEHICLES;
		s->count = s->n - s->first < PAGE_VEHICLES ? s->n - s->first
							   : PAGE_VEHICLES;
	}
	return 0;
}

static const char *num(struct req *r, double v, int decimals)
{
	char b[64];

	return arena_strdup(&r->arena, svgchart_num(b, sizeof(b), v, decimals));
}

/* One table row (prefix.*) of v; a per-kilometre figure of a vehicle that
 * did not move is left unset (the table shows a dash). */
static void row_hdf(struct rep *s, const char *prefix,
		    const struct fleet_report_vehicle *v)
{
	struct req *r = s->r;
	HDF *h = r->hdf;
	double cons = per(v->litres, (double)v->km, 100);

	hdf_set_valuef(h, "%s.km=%s", prefix, num(r, (double)v->km, 0));
	hdf_set_valuef(h, "%s.trips=%lld", prefix, v->trips);
	hdf_set_valuef(h, "%s.litres=%s", prefix, num(r, v->litres, 2));
	hdf_set_valuef(h, "%s.fuel=%s", prefix,
		       num(r, (double)v->fuel_gr / 100.0, 2));
	hdf_set_valuef(h, "%s.repair=%s", prefix,
		       num(r, (double)v->repair_gr / 100.0, 2));
	hdf_set_valuef(h, "%s.repair_days=%lld", prefix, v->repair_days);
	if (v->km > 0) {
		hdf_set_valuef(h, "%s.cost_km=%s", prefix,
			       num(r,
				   per((double)(v->fuel_gr + v->repair_gr),
				       (double)v->km, 0.01),
				   2));
		hdf_set_valuef(h, "%s.cons=%s", prefix, num(r, cons, 1));
	}
	if (v->norm_l100 > 0) {
		hdf_set_valuef(h, "%s.norm=%s", prefix,
			       num(r, v->norm_l100, 1));
		if (v->km > 0 && v->litres > 0) {
			double over = (cons / v->norm_l100 - 1) * 100;

			hdf_set_valuef(h, "%s.over=%s", prefix,
				       num(r, over, 1));
			if (over > 0)
				hdf_set_valuef(h, "%s.over_norm=1", prefix);
		}
	}
	if (v->counted_s > 0)
		hdf_set_valuef(
			h, "%s.avail=%s", prefix,
			num(r, per(v->in_service_s, v->counted_s, 100), 1));
}

/* The rows of vehicles [first, first + count) as Fleet.Rep.V.0.., the
 * total of all of them, the count and the pager. */
static void table_hdf(struct rep *s, long first, long count)
{
	struct req *r = s->r;
	char p[48];

	for (long i = 0; i < count; i++) {
		const struct fleet_report_vehicle *v = &s->v[first + i];

		snprintf(p, sizeof(p), "Fleet.Rep.V.%ld", i);
		hdf_set_valuef(r->hdf, "%s.id=%lld", p, v->id);
		hdf_set_valuef(r->hdf, "%s.plate=%s", p, v->plate);
		hdf_set_valuef(r->hdf, "%s.model=%s %s", p, v->make, v->model);
		hdf_set_valuef(r->hdf, "%s.unit=%s", p, v->unit_code);
		row_hdf(s, p, v);
	}
	row_hdf(s, "Fleet.Rep.Total", &s->total);
	hdf_set_valuef(r->hdf, "Fleet.Rep.Count=%ld", s->n);
	if (count < s->n) {
		hdf_set_valuef(r->hdf, "Fleet.Rep.First=%ld", first + 1);
		hdf_set_valuef(r->hdf, "Fleet.Rep.Last=%ld", first + count);
		if (first > 0)
			hdf_set_valuef(r->hdf, "Fleet.Rep.Prev=%ld",
				       s->page - 1);
		if (first + count < s->n)
			hdf_set_valuef(r->hdf, "Fleet.Rep.Next=%ld",
				       s->page + 1);
	}
}

static int chart_hdf(struct rep *s, const char *name, const struct svgchart *c)
{
	struct buf b = { 0 };
	int rc = svgchart_render(c, &b);

	if (rc == 0)
		hdf_set_valuef(s->r->hdf, "Fleet.Rep.Chart.%s=%s", name,
			       b.p ? b.p : "");
	buf_free(&b);
	return rc;
}

static int charts_hdf(struct rep *s)
{
	struct req *r = s->r;
	const char *veh = view_text(r, "Fleet.Rep.vehicle");

	if (chart_hdf(s, "km",
		      &(struct svgchart){
			      .kind = SVGCHART_BAR,
			      .id = "chart-km",
			      .title = view_text(r, "Fleet.Rep.km_title"),
			      .desc = view_text(r, "Fleet.Rep.km_desc"),
			      .x_title = veh,
			      .y_title = view_text(r, "Fleet.Rep.km"),
			      .ncat = (size_t)s->count,
			      .cat = s->label + s->first,
			      .nseries = 1,
			      .series = &(struct svgchart_series){
				      view_text(r, "Fleet.Rep.km"),
				      s->km + s->first } }) < 0)
		return -1;
	if (chart_hdf(s, "cost",
		      &(struct svgchart){
			      .kind = SVGCHART_STACKED,
			      .id = "chart-cost",
			      .title = view_text(r, "Fleet.Rep.cost_title"),
			      .desc = view_text(r, "Fleet.Rep.cost_desc"),
			      .x_title = veh,
			      .y_title = view_text(r, "Fleet.Rep.cost_km"),
			      .decimals = 2,
			      .ncat = (size_t)s->count,
			      .cat = s->label + s->first,
			      .nseries = 2,
			      .series = (struct svgchart_series[]){
				      { view_text(r, "Fleet.Rep.fuel_km"),
					s->fuel_km + s->first },
				      { view_text(r, "Fleet.Rep.repair_km"),
					s->repair_km + s->first } } }) < 0)
		return -1;
	if (chart_hdf(s, "cons",
		      &(struct svgchart){
			      .kind = SVGCHART_BAR,
			      .id = "chart-cons",
			      .title = view_text(r, "Fleet.Rep.cons_title"),
			      .desc = view_text(r, "Fleet.Rep.cons_desc"),
			      .x_title = veh,
			      .y_title = view_text(r, "Fleet.Rep.l100"),
			      .decimals = 1,
			      .ncat = (size_t)s->count,
			      .cat = s->label + s->first,
			      .nseries = 2,
			      .series = (struct svgchart_series[]){
				      { view_text(r, "Fleet.Rep.cons"),
					s->cons + s->first },
				      { view_text(r, "Fleet.Rep.norm"),
					s->norm + s->first } } }) < 0)
		return -1;
	return chart_hdf(s, "avail",
			 &(struct svgchart){
				 .kind = SVGCHART_BAR,
				 .id = "chart-avail",
				 .title = view_text(r, "Fleet.Rep.avail_title"),
				 .desc = view_text(r, "Fleet.Rep.avail_desc"),
				 .x_title = veh,
				 .y_title = view_text(r, "Fleet.Rep.avail"),
				 .decimals = 1,
				 .ncat = (size_t)s->count,
				 .cat = s->label + s->first,
				 .nseries = 1,
				 .series = &(struct svgchart_series){
					 view_text(r, "Fleet.Rep.avail"),
					 s->avail + s->first } });
}

/* Unit, then period: 0 ready, 1 answered (403), 422, -1. */
static int prepare(struct req *r, struct rep *s)
{
	struct fleet_scope scope;
	int rc, rp;

	memset(s, 0, sizeof(*s));
	s->r = r;
	rc = fleet_ui_scope(r, &scope);
	if (rc)
		return rc < 0 ? -1 : 1;
	s->root = scope.read_root;
	rc = fleet_unit_read(r, &scope, &s->unit);
	if (rc == 403)
		return 1;
	if (rc < 0)
		return -1;
	rp = period_read(r, s);
	if (rc == 422 || rp == 422) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	return 0;
}

int fleet_reports_fn(struct req *r)
{
	return resp_redirect(r, "/skr/fleet/reports/vehicles");
}

int fleet_report_fn(struct req *r)
{
	struct rep *s = arena_alloc(&r->arena, sizeof(*s));
	struct fleet_cache c;
	int rc;

	if (!s)
		return -1;
	rc = fleet_cache_serve(r, &c);
	if (rc)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, s);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/report.cs");
	if (rc < 0)
		return -1;
	if (load(s) < 0)
		return -1;
	table_hdf(s, s->first, s->count);
	if (charts_hdf(s) < 0)
		return -1;
	hdf_set_value(r->hdf, "Fleet.Rep.Ready", "1");
	return fleet_cache_page(r, &c, "fleet/report.cs", REPORT_TTL_MS);
}

/* A number cell, or an empty one where the table shows a dash. */
static void csv_opt(struct buf *b, const char *v)
{
	if (v)
		csv_num(b, 0, strtod(v, NULL),
			strchr(v, '.') ? (int)strlen(strchr(v, '.') + 1) : 0);
	else
		csv_cell(b, 0, NULL);
}

int fleet_report_csv_fn(struct req *r)
{
	struct rep *s = arena_alloc(&r->arena, sizeof(*s));
	static const char *const cols[] = { "km",      "trips",	 "litres",
					    "fuel",    "repair", "repair_days",
					    "cost_km", "cons",	 "norm",
					    "over",    "avail" };
	struct fleet_cache c;
	struct buf b = { 0 };
	int rc;

	if (!s)
		return -1;
	rc = fleet_cache_serve(r, &c);
	if (rc)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, s);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return resp_error(r, 422, "fleet_filter");
	if (rc < 0 || load(s) < 0)
		return -1;
	/* The CSV is the whole report, whatever page the link was on. */
	table_hdf(s, 0, s->n);
	csv_cell(&b, 1, view_text(r, "Fleet.Rep.plate"));
	csv_cell(&b, 0, view_text(r, "Fleet.Rep.model"));
	csv_cell(&b, 0, view_text(r, "Fleet.Rep.unit"));
	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		csv_cell(
			&b, 0,
			view_text(r, arena_printf(&r->arena, "Fleet.Rep.col.%s",
						  cols[k])));
	csv_end(&b);
	for (long i = 0; i <= s->n; i++) {
		HDF *row = hdf_get_obj(
			r->hdf,
			i < s->n ? arena_printf(&r->arena, "Fleet.Rep.V.%ld", i)
				 : "Fleet.Rep.Total");

		if (i < s->n) {
			csv_cell(&b, 1, s->v[i].plate);
			csv_cell(&b, 0, hdf_get_value(row, "model", ""));
			csv_cell(&b, 0, s->v[i].unit_code);
		} else {
			csv_cell(&b, 1, view_text(r, "Fleet.Rep.total"));
			csv_cell(&b, 0, NULL);
			csv_cell(&b, 0, NULL);
		}
		for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
			csv_opt(&b, hdf_get_value(row, cols[k], NULL));
		if (csv_end(&b) < 0) {
			buf_free(&b);
			return -1;
		}
	}
	return fleet_cache_csv(
		r, &c, &b,
		arena_printf(&r->arena, "fleet-%s-%04d-%02d-%04d-%02d.csv",
			     hdf_get_value(r->hdf, "Fleet.Unit.code", ""),
			     s->y0, s->m0, s->y1, s->m1),
		REPORT_TTL_MS);
}
