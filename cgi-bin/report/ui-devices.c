/* ui-devices.c: the devices report: per lane device over the period, the
 * share of minutes it was heard from (availability), its silent hours, its
 * events and the share of doubtful reads; its events per day, week, month
 * (or hour) as a series; its silent periods, from-to, longer than its
 * heartbeat allows. From the device rollups (domain/report.h: minute bits
 * per hour, counts per day). One set of C arrays feeds the charts, the
 * tables and the CSV. */
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
/* silent periods listed at most (a device silent every other minute of a
 * year would give more: the page says the list is cut) */
#define MAX_SILENT 2000

/* The CSV's parts. */
static const char *const part_names[] = { "devices", "series", "silent", NULL };
enum { PART_DEVICES, PART_SERIES, PART_SILENT };

struct devs {
	struct req *r;
	struct filter f;
	char from[11], to[11];	 /* Warsaw days [from, to) */
	char ufrom[20], uto[20]; /* the same in UTC */
	double minutes;		 /* of the period */
	long long m0, m1;	 /* the period in UTC minutes [m0, m1) */
	int part;
	struct buckets b;
	size_t n;
	struct dev {
		long long id;
		const char *crossing;
		double events, doubtful, up,
			heard; /* heard: hours with any up */
		double avail, silent, dshare;
		double *series; /* events per bucket, b.n */
		long long last; /* the last minute heard, -1 none yet */
	} d[MAX_DEVICES];
	const char **label;
	double *avail, *dshare;
	/* runs of minutes without a sign of life, two minutes or longer;
	 * those the heartbeat allows are dropped once it is known */
	struct silent {
		long long dev, from, to; /* UTC minutes [from, to) */
	} * sil;
	size_t nsil;
	int cut; /* more runs than MAX_SILENT */
	struct svgchart_series *ser;
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
	s->d[s->n].last = -1;
	s->d[s->n].series = arena_alloc(&s->r->arena,
					(s->b.n + 1) * sizeof(double));
	if (!s->d[s->n].crossing || !s->d[s->n].series)
		return NULL;
	memset(s->d[s->n].series, 0, (s->b.n + 1) * sizeof(double));
	return &s->d[s->n++];
}

/* The run of silent minutes of d before minute m (m1 at the end). */
static void silent_until(struct devs *s, struct dev *d, long long m)
{
	long long from = d->last >= 0 ? d->last + 1 : s->m0;

	if (m - from < 2)
		return;
	if (s->nsil == MAX_SILENT) {
		s->cut = 1;
		return;
	}
	s->sil[s->nsil++] = (struct silent){ d->id, from, m };
}

static int days_cb(const struct row *row, void *ctx)
{
	struct devs *s = ctx;
	struct dev *d = dev_of(s, row_int(row, "device_id", 0),
			       row_get(row, "crossing", ""));

	long k;

	if (!d)
		return 1;
	d->events += (double)row_int(row, "events", 0);
	d->doubtful += (double)row_int(row, "doubtful", 0);
	/* by hour the series comes from the hour rows */
	k = s->b.by == BY_HOUR ? -1
			       : buckets_index(&s->b, row_get(row, "day", ""));
	if (k >= 0)
		d->series[k] += (double)row_int(row, "events", 0);
	return 0;
}

static int hours_cb(const struct row *row, void *ctx)
{
	struct devs *s = ctx;
	struct dev *d = dev_of(s, row_int(row, "device_id", 0),
			       row_get(row, "crossing", ""));
	long long up = row_int(row, "up", 0);
	const char *hour = row_get(row, "hour", "");
	unsigned long long alive = strtoull(row_get(row, "alive", "0"), NULL,
					    10);
	int y, mo, dd, h;
	long long m;
	long k;

	if (!d)
		return 1;
	d->up += (double)up;
	if (up > 0)
		d->heard++;
	if (s->b.by == BY_HOUR && (k = buckets_index(&s->b, hour)) >= 0)
		d->series[k] += (double)row_int(row, "events", 0);
	if (sscanf(hour, "%d-%d-%d %d", &y, &mo, &dd, &h) != 4)
		return 0;
	/* rows come in hour order per device: each minute heard closes the
	 * silence before it */
	m = (long long)day_number(y, mo, dd) * 1440 + h * 60LL;
	for (int i = 0; i < 60; i++)
		if (alive >> i & 1) {
			silent_until(s, d, m + i);
			d->last = m + i;
		}
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

/* Keeps the silent runs longer than the device's heartbeat allows (in
 * whole minutes, at least one: a heartbeat every 5 minutes leaves 4 or 5
 * minutes without a sign of life between two), in the table's device
 * order, then by time. After the devices' table is sorted and named. */
static int silent_keep(struct devs *s)
{
	struct silent *kept;
	size_t n = 0;

	kept = arena_alloc(&s->r->arena, (s->nsil + 1) * sizeof(*kept));
	if (!kept)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		const char *v = hdf_get_valuef(s->r->hdf,
					       "Dev.%zu.heartbeat_seconds", i);
		long long hb = v ? atoll(v) : 0;
		long long allowed = hb > 60 ? (hb + 59) / 60 : 1;

		for (size_t j = 0; j < s->nsil; j++)
			if (s->sil[j].dev == s->d[i].id &&
			    s->sil[j].to - s->sil[j].from > allowed)
				kept[n++] = s->sil[j];
	}
	s->sil = kept;
	s->nsil = n;
	return 0;
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
	s->m0 = t0 / 60;
	s->m1 = t1 / 60;
	s->sil = arena_alloc(&r->arena, MAX_SILENT * sizeof(*s->sil));
	if (!s->sil || buckets_make(&r->arena, s->f.by, &s->f.p, &s->b) < 0)
		return -1;
	if (report_device_days_each(s->f.crossings, s->from, s->to, days_cb,
				    s) < 0 ||
	    report_device_hours_each(s->f.crossings, s->ufrom, s->uto, hours_cb,
				     s) < 0)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		silent_until(s, &s->d[i], s->m1);
	qsort(s->d, s->n, sizeof(s->d[0]), by_label);
	/* the devices' codes, in one query after the rows were read */
	for (size_t i = 0; i < s->n; i++)
		hdf_set_valuef(r->hdf, "Dev.%zu.id=%lld", i, s->d[i].id);
	if (devices_codes_hdf(r->hdf, "Dev", "id", "code") < 0 ||
	    devices_heartbeats_hdf(r->hdf, "Dev", "id") < 0)
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
	return silent_keep(s);
}

static const char *num(struct req *r, double v, int decimals)
{
	char s[64];

	return arena_strdup(&r->arena, svgchart_num(s, sizeof(s), v, decimals));
}

/* The code of silent run j's device. */
static const char *silent_code(struct devs *s, size_t j)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->d[i].id == s->sil[j].dev)
			return s->label[i];
	return "";
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
	for (size_t k = 0; k < s->b.n; k++) {
		hdf_set_valuef(r->hdf, "Series.%zu.Label=%s", k, s->b.label[k]);
		for (size_t i = 0; i < s->n; i++)
			hdf_set_valuef(r->hdf, "Series.%zu.V.%zu=%s", k, i,
				       num(r, s->d[i].series[k], 0));
	}
	for (size_t j = 0; j < s->nsil; j++) {
		char from[17], to[17];

		tzpl_text(s->sil[j].from * 60, from);
		tzpl_text(s->sil[j].to * 60, to);
		hdf_set_valuef(r->hdf, "Silent.%zu.device=%s", j,
			       silent_code(s, j));
		hdf_set_valuef(r->hdf, "Silent.%zu.from=%s", j, from);
		hdf_set_valuef(r->hdf, "Silent.%zu.to=%s", j, to);
		hdf_set_valuef(r->hdf, "Silent.%zu.minutes=%lld", j,
			       s->sil[j].to - s->sil[j].from);
	}
	hdf_set_int_value(r->hdf, "SilentCut", s->cut);
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

/* The axis title of the period's resolution. */
static const char *by_key(const struct devs *s)
{
	static const char *const keys[BY__MAX] = { "report.by_title.hour",
						   "report.by_title.day",
						   "report.by_title.week",
						   "report.by_title.month" };

	return keys[s->f.by];
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
	s->ser = arena_alloc(&r->arena, (s->n + 1) * sizeof(*s->ser));
	if (!s->ser)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		s->ser[i] = (struct svgchart_series){ s->label[i],
						      s->d[i].series };
	if (chart_hdf(s, "series",
		      &(struct svgchart){
			      .kind = SVGCHART_LINE,
			      .id = "chart-series",
			      .title = view_text(r, "report.dev.series"),
			      .desc = view_text(r, "report.dev.series_desc"),
			      .x_title = view_text(r, by_key(s)),
			      .y_title = view_text(r, "report.dev.events"),
			      .ncat = s->b.n,
			      .cat = s->b.cat,
			      .nseries = s->n,
			      .series = s->ser }) < 0)
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

static size_t choices(void *st, struct filter_choice *c)
{
	struct devs *s = st;

	c[0] = (struct filter_choice){ "part", part_names, &s->part };
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

/* part=series: a row per period, a column per device. */
static int series_csv(struct devs *s, struct buf *b)
{
	csv_cell(b, 1, view_text(s->r, "report.dev.period"));
	for (size_t i = 0; i < s->n; i++)
		csv_cell(b, 0, s->label[i]);
	csv_end(b);
	for (size_t k = 0; k < s->b.n; k++) {
		csv_cell(b, 1, s->b.label[k]);
		for (size_t i = 0; i < s->n; i++)
			csv_num(b, 0, s->d[i].series[k], 0);
		if (csv_end(b) < 0)
			return -1;
	}
	return 0;
}

/* part=silent: a row per silent period, local times. */
static int silent_csv(struct devs *s, struct buf *b)
{
	struct req *r = s->r;

	csv_cell(b, 1, view_text(r, "report.dev.device"));
	csv_cell(b, 0, view_text(r, "report.dev.silent_from"));
	csv_cell(b, 0, view_text(r, "report.dev.silent_to"));
	csv_cell(b, 0, view_text(r, "report.dev.silent_minutes"));
	csv_end(b);
	for (size_t j = 0; j < s->nsil; j++) {
		char from[17], to[17];

		tzpl_text(s->sil[j].from * 60, from);
		tzpl_text(s->sil[j].to * 60, to);
		csv_cell(b, 1, silent_code(s, j));
		csv_cell(b, 0, from);
		csv_cell(b, 0, to);
		csv_num(b, 0, (double)(s->sil[j].to - s->sil[j].from), 0);
		if (csv_end(b) < 0)
			return -1;
	}
	return 0;
}

static int csv_fn(void *st, struct buf *b, const char **name)
{
	struct devs *s = st;
	struct req *r = s->r;

	if (s->part != PART_DEVICES) {
		*name = s->part == PART_SERIES ? "devices-series"
					       : "devices-silent";
		return s->part == PART_SERIES ? series_csv(s, b)
					      : silent_csv(s, b);
	}
	csv_cell(b, 1, view_text(r, "report.dev.device"));
	csv_cell(b, 0, view_text(r, "report.dev.crossing"));
	csv_cell(b, 0, view_text(r, "report.dev.avail_pct"));
	csv_cell(b, 0, view_text(r, "report.dev.silent"));
	csv_cell(b, 0, view_text(r, "report.dev.events"));
	csv_cell(b, 0, view_text(r, "report.dev.doubtful_n"));
	csv_cell(b, 0, view_text(r, "report.dev.dshare"));
	csv_end(b);
	for (size_t i = 0; i < s->n; i++) {
		csv_cell(b, 1, s->label[i]);
		csv_cell(b, 0, s->d[i].crossing);
		csv_num(b, 0, s->d[i].avail, 1);
		csv_num(b, 0, s->d[i].silent, 0);
		csv_num(b, 0, s->d[i].events, 0);
		csv_num(b, 0, s->d[i].doubtful, 0);
		csv_num(b, 0, s->d[i].dshare, 1);
		if (csv_end(b) < 0)
			return -1;
	}
	return 0;
}

const struct report_desc report_devices = {
	.name = "devices",
	.page = "report/devices.cs",
	REPORT_STATE(struct devs),
	.choices = choices,
	.load = load_fn,
	.hdf = page_hdf,
	.csv = csv_fn,
};
