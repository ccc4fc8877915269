/* ui-traffic.c: the traffic report: events or identified objects per
 * bucket of the period split by crossing, lane kind, direction or event
 * kind, beside the same period a year or a period earlier; the busy hours
 * (weekday × hour); plate reads by country. One set of C arrays feeds the
 * charts (SVG), the tables and the CSV, so they cannot disagree. */
#include "report_ui.h"

#include <stdlib.h>
#include <string.h>

#include "crossings.h"
#include "csv.h"
#include "log.h"
#include "resp.h"
#include "svgchart.h"
#include "view.h"

enum dim { DIM_NONE, DIM_CROSSING, DIM_LANE, DIM_DIR, DIM_KIND, DIM__MAX };
static const char *const dim_names[DIM__MAX + 1] = {
	"none", "crossing", "lane_kind", "dir", "kind", NULL,
};
enum measure { M_EVENTS, M_OBJECTS, M__MAX };
static const char *const measure_names[M__MAX + 1] = { "events", "objects",
						       NULL };
/* The rollups' ENUMs (0083_report_rollup.sql), in the order shown; the
 * words are L.report.traffic.<dim>.<value>. */
static const char *const lane_kinds[] = { "car",	  "truck", "bus",
					  "pedestrian",	  "rail",  "terminal",
					  "waiting_zone", NULL };
static const char *const dirs[] = { "entry", "exit", NULL };
static const char *const kinds[] = { "plate",  "container", "wagon",
				     "weight", "radiation", "document",
				     "lane",   NULL };
/* the column of a traffic row each dimension splits by */
static const int dim_col[DIM__MAX] = { -1, 0, 2, 3, 4 };

#define NCOUNTRY 300

struct traffic {
	struct req *r;
	struct filter f;
	int dim, measure;
	struct buckets b, cb; /* the period's and the compared one's */
	size_t ns;	      /* series */
	const char **key, **label;
	double *m;   /* ns × b.n */
	double *cmp; /* b.n: the compared period's totals, bucket by bucket */
	double heat[7][24];
	size_t nc;
	struct country {
		char code[3];
		double plates;
	} c[NCOUNTRY];
	double plates; /* every plate read */
};

static size_t choices(void *st, struct filter_choice *c)
{
	struct traffic *t = st;

	c[0] = (struct filter_choice){ "dim", dim_names, &t->dim };
	c[1] = (struct filter_choice){ "measure", measure_names, &t->measure };
	return 2;
}

static long series_of(const struct traffic *t, const char *v)
{
	for (size_t i = 0; i < t->ns; i++)
		if (!strcmp(t->key[i], v))
			return (long)i;
	return -1;
}

static double measure_of(const struct traffic *t, const struct row *row)
{
	const char *v = row->v[t->measure == M_OBJECTS ? 6 : 5];

	return v ? strtod(v, NULL) : 0;
}

static int row_cb(const struct row *row, void *ctx)
{
	struct traffic *t = ctx;
	long i = buckets_index(&t->b, row->v[1]), s = 0;

	if (i < 0)
		return 0;
	if (t->dim != DIM_NONE) {
		const char *v = row->v[dim_col[t->dim]];

		if (!v || (s = series_of(t, v)) < 0)
			return 0;
	}
	t->m[(size_t)s * t->b.n + (size_t)i] += measure_of(t, row);
	return 0;
}

static int cmp_cb(const struct row *row, void *ctx)
{
	struct traffic *t = ctx;
	long i = buckets_index(&t->cb, row->v[1]);

	if (i >= 0 && (size_t)i < t->b.n)
		t->cmp[i] += measure_of(t, row);
	return 0;
}

static int busy_cb(const struct row *row, void *ctx)
{
	struct traffic *t = ctx;
	long wd = row_int(row, "weekday", 0), h = row_int(row, "hour", -1);
	const char *v = row->v[t->measure == M_OBJECTS ? 3 : 2];

	if (wd >= 1 && wd <= 7 && h >= 0 && h < 24 && v)
		t->heat[wd - 1][h] += strtod(v, NULL);
	return 0;
}

static int country_cb(const struct row *row, void *ctx)
{
	struct traffic *t = ctx;
	const char *code = row->v[0] ? row->v[0] : "";
	double n = row->v[1] ? strtod(row->v[1], NULL) : 0;
	size_t i;

	t->plates += n;
	for (i = 0; i < t->nc; i++)
		if (!strcmp(t->c[i].code, code))
			break;
	if (i == t->nc) {
		if (t->nc == NCOUNTRY || strlen(code) > 2)
			return 0;
		strcpy(t->c[t->nc++].code, code);
	}
	t->c[i].plates += n;
	return 0;
}

static int by_plates(const void *a, const void *b)
{
	const struct country *x = a, *y = b;

	if (x->plates != y->plates)
		return x->plates < y->plates ? 1 : -1;
	return strcmp(x->code, y->code);
}

/* The series the dimension splits into, in words. */
static int make_series(struct traffic *t)
{
	struct req *r = t->r;
	const char *const *list = NULL;
	size_t n = 0, i;
	char key[96];

	switch (t->dim) {
	case DIM_CROSSING:
		if (crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)
			return -1;
		for (const char *p = t->f.crossings; *p; n++) {
			p += strcspn(p, ",");
			if (*p)
				p++;
		}
		break;
	case DIM_LANE:
		list = lane_kinds;
		break;
	case DIM_DIR:
		list = dirs;
		break;
	case DIM_KIND:
		list = kinds;
		break;
	default:
		n = 1;
	}
	while (list && list[n])
		n++;
	t->key = arena_alloc(&r->arena, (n + 1) * sizeof(*t->key));
	t->label = arena_alloc(&r->arena, (n + 1) * sizeof(*t->label));
	if (!t->key || !t->label)
		return -1;
	if (t->dim == DIM_CROSSING) {
		const char *p = t->f.crossings;

		for (i = 0; i < n; i++) {
			size_t k = strcspn(p, ",");

			t->key[i] = arena_strndup(&r->arena, p, k);
			if (!t->key[i])
				return -1;
			t->label[i] = hdf_get_valuef(r->hdf, "CrossingName.%s",
						     t->key[i]);
			if (!t->label[i])
				t->label[i] = t->key[i];
			p += k;
			if (*p)
				p++;
		}
	} else if (list) {
		for (i = 0; i < n; i++) {
			t->key[i] = list[i];
			snprintf(key, sizeof(key), "report.traffic.%s.%s",
				 dim_names[t->dim], list[i]);
			t->label[i] = view_text(r, key);
		}
	} else {
		t->key[0] = "";
		t->label[0] = view_text(r, "report.traffic.all");
	}
	t->ns = n;
	return 0;
}

/* Series that count nothing in the period are left out (a crossing
 * without a lane of that kind); the total alone stays. */
static void drop_empty(struct traffic *t)
{
	size_t k = 0;

	if (t->dim == DIM_NONE)
		return;
	for (size_t s = 0; s < t->ns; s++) {
		double sum = 0;

		for (size_t i = 0; i < t->b.n; i++)
			sum += t->m[s * t->b.n + i];
		if (sum == 0)
			continue;
		if (k != s) {
			t->key[k] = t->key[s];
			t->label[k] = t->label[s];
			memmove(t->m + k * t->b.n, t->m + s * t->b.n,
				t->b.n * sizeof(double));
		}
		k++;
	}
	t->ns = k;
}

static int load(struct traffic *t)
{
	struct req *r = t->r;
	char a[11], z[11];
	long m0, m1;
	int y, mo, d;

	if (buckets_make(&r->arena, t->f.by, &t->f.p, &t->b) < 0 ||
	    make_series(t) < 0)
		return -1;
	t->m = arena_alloc(&r->arena, (t->ns * t->b.n + 1) * sizeof(double));
	t->cmp = arena_alloc(&r->arena, (t->b.n + 1) * sizeof(double));
	if (!t->m || !t->cmp)
		return -1;
	memset(t->m, 0, (t->ns * t->b.n + 1) * sizeof(double));
	memset(t->cmp, 0, (t->b.n + 1) * sizeof(double));
	if (buckets_traffic_each(&t->b, &t->f.p, t->f.crossings, row_cb, t) < 0)
		return -1;
	drop_empty(t);
	if (t->f.compare != CMP_NONE &&
	    (buckets_make(&r->arena, t->f.by, &t->f.cmp, &t->cb) < 0 ||
	     buckets_traffic_each(&t->cb, &t->f.cmp, t->f.crossings, cmp_cb,
				  t) < 0))
		return -1;
	/* The busy hours are kept by month: the whole months the period
	 * touches. */
	day_civil(t->f.p.from, &y, &mo, &d);
	m0 = day_number(y, mo, 1);
	day_civil(t->f.p.to, &y, &mo, &d);
	m1 = mo == 12 ? day_number(y + 1, 1, 1) : day_number(y, mo + 1, 1);
	if (report_busy_each(t->f.crossings, day_text(m0, a), day_text(m1, z),
			     busy_cb, t) < 0)
		return -1;
	if (report_countries_each(t->f.crossings, day_text(t->f.p.from, a),
				  day_text(t->f.p.to + 1, z), country_cb,
				  t) < 0)
		return -1;
	qsort(t->c, t->nc, sizeof(t->c[0]), by_plates);
	return 0;
}

static const char *num(struct req *r, double v, int decimals)
{
	char s[64];

	return arena_strdup(&r->arena, svgchart_num(s, sizeof(s), v, decimals));
}

static double share(const struct traffic *t, double n)
{
	return t->plates > 0 ? 100.0 * n / t->plates : 0;
}

static const char *country_label(struct traffic *t, const char *code)
{
	char key[32];

	if (!*code)
		return view_text(t->r, "report.traffic.no_country");
	snprintf(key, sizeof(key), "country.%s", code);
	return view_has_text(t->r->lang, key) ? view_text(t->r, key) : code;
}

/* The tables as HDF: Time.{Series.K.Label, Rows.I.{Label, V.K, Total,
 * Cmp, CmpLabel}, Total.{V.K, Total, Cmp}}, Heat.Rows.D.{Label, V.H},
 * Countries.N.{Label, Plates, Share}. */
static void tables_hdf(struct traffic *t)
{
	struct req *r = t->r;
	HDF *h = r->hdf;
	double all = 0, allcmp = 0;
	char key[64];

	for (size_t s = 0; s < t->ns; s++)
		hdf_set_valuef(h, "Time.Series.%zu.Label=%s", s, t->label[s]);
	for (size_t i = 0; i < t->b.n; i++) {
		double sum = 0;

		hdf_set_valuef(h, "Time.Rows.%zu.Label=%s", i, t->b.label[i]);
		for (size_t s = 0; s < t->ns; s++) {
			double v = t->m[s * t->b.n + i];

			sum += v;
			hdf_set_valuef(h, "Time.Rows.%zu.V.%zu=%s", i, s,
				       num(r, v, 0));
		}
		all += sum;
		hdf_set_valuef(h, "Time.Rows.%zu.Total=%s", i, num(r, sum, 0));
		if (t->f.compare != CMP_NONE) {
			allcmp += t->cmp[i];
			hdf_set_valuef(h, "Time.Rows.%zu.Cmp=%s", i,
				       num(r, t->cmp[i], 0));
			hdf_set_valuef(h, "Time.Rows.%zu.CmpLabel=%s", i,
				       i < t->cb.n ? t->cb.label[i] : "");
		}
	}
	for (size_t s = 0; s < t->ns; s++) {
		double sum = 0;

		for (size_t i = 0; i < t->b.n; i++)
			sum += t->m[s * t->b.n + i];
		hdf_set_valuef(h, "Time.Total.V.%zu=%s", s, num(r, sum, 0));
	}
	hdf_set_valuef(h, "Time.Total.Total=%s", num(r, all, 0));
	if (t->f.compare != CMP_NONE)
		hdf_set_valuef(h, "Time.Total.Cmp=%s", num(r, allcmp, 0));
	for (int d = 0; d < 7; d++) {
		snprintf(key, sizeof(key), "ebt.dow.%d", d + 1);
		hdf_set_valuef(h, "Heat.Rows.%d.Label=%s", d,
			       view_text(r, key));
		for (int hr = 0; hr < 24; hr++)
			hdf_set_valuef(h, "Heat.Rows.%d.V.%d=%s", d, hr,
				       num(r, t->heat[d][hr], 0));
	}
	for (size_t i = 0; i < t->nc; i++) {
		hdf_set_valuef(h, "Countries.%zu.Label=%s", i,
			       country_label(t, t->c[i].code));
		hdf_set_valuef(h, "Countries.%zu.Plates=%s", i,
			       num(r, t->c[i].plates, 0));
		hdf_set_valuef(h, "Countries.%zu.Share=%s", i,
			       num(r, share(t, t->c[i].plates), 1));
		if (!*t->c[i].code || !strcmp(t->c[i].code, "PL"))
			hdf_set_valuef(h, "Countries.%zu.Home=1", i);
	}
	hdf_set_valuef(h, "CountriesTotal=%s", num(r, t->plates, 0));
}

static int chart_hdf(struct traffic *t, const char *name,
		     const struct svgchart *c)
{
	struct buf b = { 0 };
	NEOERR *err;

	if (svgchart_render(c, &b) < 0) {
		buf_free(&b);
		return -1;
	}
	err = hdf_set_valuef(t->r->hdf, "Chart.%s=%s", name, b.p);
	buf_free(&b);
	if (err) {
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

static const char *text_of(struct traffic *t, const char *key)
{
	return view_text(t->r, key);
}

static int charts_hdf(struct traffic *t)
{
	struct req *r = t->r;
	struct svgchart_series *ser, two[2], heat[7];
	const char *hours[24], *ccat[10];
	double *cmpv, cv[10];
	const char *y_title = text_of(t, t->measure == M_OBJECTS
						 ? "report.traffic.m.objects"
						 : "report.traffic.m.events");
	char key[64];
	size_t nc = 0;

	ser = arena_alloc(&r->arena, (t->ns + 1) * sizeof(*ser));
	cmpv = arena_alloc(&r->arena, (t->b.n + 1) * sizeof(double));
	if (!ser || !cmpv)
		return -1;
	for (size_t s = 0; s < t->ns; s++)
		ser[s] = (struct svgchart_series){ t->label[s],
						   t->m + s * t->b.n };
	snprintf(key, sizeof(key), "report.by_title.%s",
		 (const char *[]){ "hour", "day", "week", "month" }[t->f.by]);
	if (chart_hdf(t, "time",
		      &(struct svgchart){
			      .kind = SVGCHART_STACKED,
			      .id = "chart-time",
			      .title = text_of(t, "report.traffic.chart.time"),
			      .desc = text_of(t,
					      "report.traffic.chart.time_desc"),
			      .x_title = text_of(t, key),
			      .y_title = y_title,
			      .ncat = t->b.n,
			      .cat = t->b.cat,
			      .nseries = t->ns,
			      .series = ser }) < 0)
		return -1;
	if (t->f.compare != CMP_NONE) {
		memset(cmpv, 0, t->b.n * sizeof(double));
		for (size_t s = 0; s < t->ns; s++)
			for (size_t i = 0; i < t->b.n; i++)
				cmpv[i] += t->m[s * t->b.n + i];
		two[0] = (struct svgchart_series){
			text_of(t, "report.traffic.this_period"), cmpv
		};
		two[1] = (struct svgchart_series){
			text_of(t, t->f.compare == CMP_YEAR
					   ? "report.traffic.year_before"
					   : "report.traffic.period_before"),
			t->cmp
		};
		if (chart_hdf(
			    t, "cmp",
			    &(struct svgchart){
				    .kind = SVGCHART_LINE,
				    .id = "chart-cmp",
				    .title = text_of(
					    t, "report.traffic.chart.cmp"),
				    .desc = text_of(
					    t, "report.traffic.chart.cmp_desc"),
				    .x_title = text_of(t, key),
				    .y_title = y_title,
				    .ncat = t->b.n,
				    .cat = t->b.cat,
				    .nseries = 2,
				    .series = two }) < 0)
			return -1;
	}
	for (int h = 0; h < 24; h++)
		hours[h] = hdf_get_valuef(r->hdf, "Heat.Hours.%d", h);
	for (int d = 0; d < 7; d++)
		heat[d] = (struct svgchart_series){
			hdf_get_valuef(r->hdf, "Heat.Rows.%d.Label", d),
			t->heat[d]
		};
	if (chart_hdf(
		    t, "heat",
		    &(struct svgchart){
			    .kind = SVGCHART_HEATMAP,
			    .id = "chart-heat",
			    .title = text_of(t, "report.traffic.chart.heat"),
			    .desc = text_of(t, "report.traffic.chart.heat_desc"),
			    .x_title = text_of(t, "report.traffic.hour_of_day"),
			    .ncat = 24,
			    .cat = hours,
			    .nseries = 7,
			    .series = heat }) < 0)
		return -1;
	/* the foreign countries, most first, ten at most */
	for (size_t i = 0; i < t->nc && nc < 10; i++) {
		if (!*t->c[i].code || !strcmp(t->c[i].code, "PL"))
			continue;
		ccat[nc] = country_label(t, t->c[i].code);
		cv[nc++] = share(t, t->c[i].plates);
	}
	return chart_hdf(
		t, "countries",
		&(struct svgchart){
			.kind = SVGCHART_BAR,
			.id = "chart-countries",
			.title = text_of(t, "report.traffic.chart.countries"),
			.desc = text_of(t,
					"report.traffic.chart.countries_desc"),
			.y_title = text_of(t, "report.traffic.share"),
			.decimals = 1,
			.ncat = nc,
			.cat = ccat,
			.nseries = 1,
			.series = &(struct svgchart_series){
				text_of(t, "report.traffic.share_of_plates"),
				cv } });
}

static void hours_hdf(struct req *r)
{
	for (int h = 0; h < 24; h++)
		hdf_set_valuef(r->hdf, "Heat.Hours.%d=%d", h, h);
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

static int csv_fn(void *st, struct buf *b, const char **name)
{
	struct traffic *t = st;
	struct req *r = t->r;

	(void)name; /* "traffic" */
	csv_cell(b, 1, view_text(r, "report.traffic.csv.bucket"));
	for (size_t s = 0; s < t->ns; s++)
		csv_cell(b, 0, t->label[s]);
	csv_cell(b, 0, view_text(r, "report.traffic.total"));
	if (t->f.compare != CMP_NONE) {
		csv_cell(b, 0, view_text(r, "report.traffic.csv.cmp_bucket"));
		csv_cell(b, 0, view_text(r, "report.traffic.csv.cmp_total"));
	}
	csv_end(b);
	for (size_t i = 0; i < t->b.n; i++) {
		double sum = 0;

		csv_cell(b, 1, t->b.label[i]);
		for (size_t s = 0; s < t->ns; s++) {
			sum += t->m[s * t->b.n + i];
			csv_num(b, 0, t->m[s * t->b.n + i], 0);
		}
		csv_num(b, 0, sum, 0);
		if (t->f.compare != CMP_NONE) {
			csv_cell(b, 0, i < t->cb.n ? t->cb.label[i] : "");
			csv_num(b, 0, t->cmp[i], 0);
		}
		if (csv_end(b) < 0)
			return -1;
	}
	return 0;
}

const struct report_desc report_traffic = {
	.name = "traffic",
	.page = "report/traffic.cs",
	REPORT_STATE(struct traffic),
	.choices = choices,
	.before = hours_hdf,
	.load = load_fn,
	.hdf = page_hdf,
	.csv = csv_fn,
};
