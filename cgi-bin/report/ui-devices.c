/* ui-devices.c: the devices report: per lane device over the period, the
 * share of minutes it was heard from (availability), its silent hours, its
 * events and the share of doubtful reads; from the device rollups
 * (domain/report.h: minute bits per hour, counts per day). One set of C
 * arrays feeds the charts, the table and the CSV. */
#include "report_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crossings.h"
#include "csv.h"
#include "devices.h"
#include "resp.h"
#include "svgchart.h"
#include "tzpl.h"
#include "view.h"

#define MAX_DEVICES 500

struct devs {
	struct req *r;
	struct filter f;
	char from[11], to[11];	 /* Warsaw days [from, to) */
	char ufrom[20], uto[20]; /* the same in UTC */
	double minutes;		 /* of the period */
	size_t n;
	struct dev {
		long long id;
		const char *crossing;
		double events, doubtful, up,
			heard; /* heard: hours with any up */
		double avail, silent, dshare;
	} d[MAX_DEVICES];
	const char **label;
	double *avail, *dshare;
};

static struct dev *dev_of(struct devs *s, long long id, const char *crossing)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->d[i].id == id)
			return &s->d[i];
	if (s->n == MAX_DEVICES)
		return NULL;
	s->d[s->n].id = id;
	s->d[s->n].crossing = arena_strdup(&s->r->arena, crossing);
	return &s->d[s->n++];
}

static int days_cb(const struct row *row, void *ctx)
{
	struct devs *s = ctx;
	struct dev *d = dev_of(s, row_int(row, "device_id", 0),
			       row_get(row, "crossing", ""));

	if (!d)
		return 1;
	d->events += (double)row_int(row, "events", 0);
	d->doubtful += (double)row_int(row, "doubtful", 0);
	return 0;
}

static int hours_cb(const struct row *row, void *ctx)
{
	struct devs *s = ctx;
	struct dev *d = dev_of(s, row_int(row, "device_id", 0),
			       row_get(row, "crossing", ""));
	long long up = row_int(row, "up", 0);

	if (!d)
		return 1;
	d->up += (double)up;
	if (up > 0)
		d->heard++;
	return 0;
}

static void utc_midnight(long n, char out[20], long long *t)
{
	int y, m, d;
	time_t tt;
	struct tm tm;

	day_civil(n, &y, &m, &d);
	/* Midnight is never the hour DST skips (02:00 in spring). */
	*t = tzpl_to_utc(y, m, d, 0);
	tt = (time_t)*t;
	gmtime_r(&tt, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

static int by_label(const void *a, const void *b)
{
	const struct dev *x = a, *y = b;
	int c = strcmp(x->crossing, y->crossing);

	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static int load(struct devs *s)
{
	struct req *r = s->r;
	long long t0, t1;

	day_text(s->f.p.from, s->from);
	day_text(s->f.p.to + 1, s->to);
	utc_midnight(s->f.p.from, s->ufrom, &t0);
	utc_midnight(s->f.p.to + 1, s->uto, &t1);
	s->minutes = (double)(t1 - t0) / 60.0;
	if (report_device_days_each(s->f.crossings, s->from, s->to, days_cb,
				    s) < 0 ||
	    report_device_hours_each(s->f.crossings, s->ufrom, s->uto, hours_cb,
				     s) < 0)
		return -1;
	qsort(s->d, s->n, sizeof(s->d[0]), by_label);
	/* the devices' codes, in one query after the rows were read */
	for (size_t i = 0; i < s->n; i++)
		hdf_set_valuef(r->hdf, "Dev.%zu.id=%lld", i, s->d[i].id);
	if (devices_codes_hdf(r->hdf, "Dev", "id", "code") < 0)
		return -1;
	s->label = arena_alloc(&r->arena, (s->n + 1) * sizeof(*s->label));
	s->avail = arena_alloc(&r->arena, (s->n + 1) * sizeof(double));
	s->dshare = arena_alloc(&r->arena, (s->n + 1) * sizeof(double));
	if (!s->label || !s->avail || !s->dshare)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		struct dev *d = &s->d[i];

		s->label[i] = hdf_get_valuef(r->hdf, "Dev.%zu.code", i);
		if (!s->label[i])
			s->label[i] = "";
		d->avail = s->minutes > 0 ? 100.0 * d->up / s->minutes : 0;
		d->silent = s->minutes / 60.0 - d->heard;
		d->dshare = d->events > 0 ? 100.0 * d->doubtful / d->events : 0;
		s->avail[i] = d->avail;
		s->dshare[i] = d->dshare;
	}
	return 0;
}

static const char *num(struct req *r, double v, int decimals)
{
	char s[64];

	return arena_strdup(&r->arena, svgchart_num(s, sizeof(s), v, decimals));
}

static void tables_hdf(struct devs *s)
{
	struct req *r = s->r;

	if (crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)
		return;
	for (size_t i = 0; i < s->n; i++) {
		struct dev *d = &s->d[i];
		const char *cn = hdf_get_valuef(r->hdf, "CrossingName.%s",
						d->crossing);

		hdf_set_valuef(r->hdf, "Dev.%zu.crossing=%s", i,
			       cn ? cn : d->crossing);
		hdf_set_valuef(r->hdf, "Dev.%zu.avail=%s", i,
			       num(r, d->avail, 1));
		hdf_set_valuef(r->hdf, "Dev.%zu.silent=%s", i,
			       num(r, d->silent, 0));
		hdf_set_valuef(r->hdf, "Dev.%zu.events=%s", i,
			       num(r, d->events, 0));
		hdf_set_valuef(r->hdf, "Dev.%zu.doubtful=%s", i,
			       num(r, d->doubtful, 0));
		hdf_set_valuef(r->hdf, "Dev.%zu.dshare=%s", i,
			       num(r, d->dshare, 1));
	}
}

static int chart_hdf(struct devs *s, const char *name, const struct svgchart *c)
{
	struct buf b = { 0 };
	int rc = svgchart_render(c, &b);

	if (rc == 0)
		hdf_set_valuef(s->r->hdf, "Chart.%s=%s", name, b.p ? b.p : "");
	buf_free(&b);
	return rc;
}

static int charts_hdf(struct devs *s)
{
	struct req *r = s->r;

	if (chart_hdf(s, "avail",
		      &(struct svgchart){
			      .kind = SVGCHART_BAR,
			      .id = "chart-avail",
			      .title = view_text(r, "report.dev.avail"),
			      .desc = view_text(r, "report.dev.avail_desc"),
			      .x_title = view_text(r, "report.dev.device"),
			      .y_title = view_text(r, "report.dev.avail_pct"),
			      .decimals = 1,
			      .ncat = s->n,
			      .cat = s->label,
			      .nseries = 1,
			      .series = &(struct svgchart_series){
				      view_text(r, "report.dev.avail_pct"),
				      s->avail } }) < 0)
		return -1;
	return chart_hdf(
		s, "doubtful",
		&(struct svgchart){
			.kind = SVGCHART_BAR,
			.id = "chart-doubtful",
			.title = view_text(r, "report.dev.doubtful"),
			.desc = view_text(r, "report.dev.doubtful_desc"),
			.x_title = view_text(r, "report.dev.device"),
			.y_title = view_text(r, "report.dev.dshare"),
			.decimals = 1,
			.ncat = s->n,
			.cat = s->label,
			.nseries = 1,
			.series = &(struct svgchart_series){
				view_text(r, "report.dev.dshare"),
				s->dshare } });
}

static int prepare(struct req *r, struct devs *s)
{
	int rc;

	s->r = r;
	rc = filter_read(r, &s->f, NULL, 0);
	if (rc == 403)
		return 1;
	if (rc != 0)
		return rc;
	return load(s) < 0 ? -1 : 0;
}

static struct devs *devs_new(struct req *r)
{
	struct devs *s = arena_alloc(&r->arena, sizeof(*s));

	if (s)
		memset(s, 0, sizeof(*s));
	return s;
}

int devices_report_fn(struct req *r)
{
	struct devs *s = devs_new(r);
	int rc;

	if (!s)
		return -1;
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, s);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return view_render(r, 422, "report/devices.cs");
	if (rc < 0)
		return -1;
	hdf_set_value(r->hdf, "Report.Ready", "1");
	tables_hdf(s);
	if (charts_hdf(s) < 0)
		return -1;
	return report_page(r, "report/devices.cs");
}

int devices_report_csv_fn(struct req *r)
{
	struct devs *s = devs_new(r);
	struct buf b = { 0 };
	int rc;

	if (!s)
		return -1;
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = prepare(r, s);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return resp_error(r, 422, "report_filter");
	if (rc < 0)
		return -1;
	csv_cell(&b, 1, view_text(r, "report.dev.device"));
	csv_cell(&b, 0, view_text(r, "report.dev.crossing"));
	csv_cell(&b, 0, view_text(r, "report.dev.avail_pct"));
	csv_cell(&b, 0, view_text(r, "report.dev.silent"));
	csv_cell(&b, 0, view_text(r, "report.dev.events"));
	csv_cell(&b, 0, view_text(r, "report.dev.doubtful_n"));
	csv_cell(&b, 0, view_text(r, "report.dev.dshare"));
	csv_end(&b);
	for (size_t i = 0; i < s->n; i++) {
		csv_cell(&b, 1, s->label[i]);
		csv_cell(&b, 0, s->d[i].crossing);
		csv_num(&b, 0, s->d[i].avail, 1);
		csv_num(&b, 0, s->d[i].silent, 0);
		csv_num(&b, 0, s->d[i].events, 0);
		csv_num(&b, 0, s->d[i].doubtful, 0);
		csv_num(&b, 0, s->d[i].dshare, 1);
		if (csv_end(&b) < 0) {
			buf_free(&b);
			return -1;
		}
	}
	return report_csv_send(r, &b, "devices", &s->f.p);
}
