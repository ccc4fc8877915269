/* ui-devices.c: the devices report: per lane device over the period, the
 * share of minutes it was heard from (availability), its silent hours, its
 * events and the share of doubtful reads; its events per day, week, month
 * (or hour) as a series; its silent periods, from-to, longer than its
 * heartbeat allows: per device their number and total length, and the
 * list newest first, SILENT_PAGE rows a page (page=N; the CSV has them
 * all). From the device rollups (domain/report.h: minute bits per hour,
 * counts per day). One set of C arrays feeds the charts, the tables and
 * the CSV. */
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
#include "valid.h"
#include "view.h"

#define MAX_DEVICES 500
/* silent periods kept for the list and the CSV at most (a device silent
 * every other minute of a year would give more: the page says the list is
 * cut; each device's count and total stay exact) */
#define MAX_SILENT 20000
/* silent periods per page of the list */
#define SILENT_PAGE 50
/* the highest page number read (20000 / 50 = 400 pages at most) */
#define MAX_PAGE 100000

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
		/* the longest silence its heartbeat allows, whole minutes (0:
		 * not known yet); its silent periods longer than that, their
		 * count and minutes (exact, whatever the list's cap) */
		long long allowed, nsil, silmin;
		size_t at; /* its index before the table was sorted */
	} d[MAX_DEVICES];
	const char **label;
	double *avail, *dshare;
	/* runs of minutes without a sign of life longer than the device's
	 * heartbeat allows (of a device whose heartbeat was not known when
	 * its rows were read: two minutes or longer, the rest dropped once
	 * it is known) */
	struct silent {
		size_t dev;	    /* index into d (after load: sorted) */
		long long from, to; /* UTC minutes [from, to) */
	} * sil;
	size_t nsil, cap;
	int cut;  /* more runs than MAX_SILENT */
	int page; /* of the list, from 1 */
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

/* Keeps run [from, to) of device i for the list: 0, or -1 out of
 * memory. */
static int silent_push(struct devs *s, size_t i, long long from, long long to)
{
	if (s->nsil == MAX_SILENT) {
		s->cut = 1;
		return 0;
	}
	if (s->nsil == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		struct silent *p;

		if (cap > MAX_SILENT)
			cap = MAX_SILENT;
		p = arena_alloc(&s->r->arena, cap * sizeof(*p));
		if (!p)
			return -1;
		if (s->nsil)
			memcpy(p, s->sil, s->nsil * sizeof(*p));
		s->sil = p;
		s->cap = cap;
	}
	s->sil[s->nsil++] = (struct silent){ i, from, to };
	return 0;
}

/* The run of silent minutes of d before minute m (m1 at the end): counted
 * and kept when longer than its heartbeat allows (kept at two minutes or
 * longer when that is not known yet). 0 or -1. */
static int silent_until(struct devs *s, struct dev *d, long long m)
{
	long long from = d->last >= 0 ? d->last + 1 : s->m0;

	if (m - from < 2 || (d->allowed > 0 && m - from <= d->allowed))
		return 0;
	if (d->allowed > 0) {
		d->nsil++;
		d->silmin += m - from;
	}
	return silent_push(s, (size_t)(d - s->d), from, m);
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
			if (silent_until(s, d, m + i) < 0)
				return -1;
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

/* The longest silence each heartbeat of devices [i0, i1) allows, in
 * whole minutes, at least one: a heartbeat every 5 minutes leaves 4 or 5
 * minutes without a sign of life between two (a single clear minute is
 * jitter). One query. 0 or -1. */
static int allowed_of(struct devs *s, size_t i0, size_t i1)
{
	HDF *hdf = s->r->hdf;
	int rc = 0;

	if (i0 >= i1)
		return 0;
	for (size_t i = i0; i < i1; i++)
		hdf_set_valuef(hdf, "Hb.%zu.id=%lld", i - i0, s->d[i].id);
	if (devices_heartbeats_hdf(hdf, "Hb", "id") < 0)
		rc = -1;
	for (size_t i = i0; rc == 0 && i < i1; i++) {
		const char *v = hdf_get_valuef(hdf, "Hb.%zu.heartbeat_seconds",
					       i - i0);
		long long hb = v ? atoll(v) : 0;

		s->d[i].allowed = hb > 60 ? (hb + 59) / 60 : 1;
	}
	hdf_remove_tree(hdf, "Hb");
	return rc;
}

/* Devices first seen in the hour rows, from index i0 on, got their
 * heartbeat after their rows were read: their runs the heartbeat allows
 * are dropped now, the others counted. 0 or -1. */
static int silent_late(struct devs *s, size_t i0)
{
	size_t n = 0;

	if (i0 >= s->n)
		return 0;
	if (allowed_of(s, i0, s->n) < 0)
		return -1;
	for (size_t j = 0; j < s->nsil; j++) {
		struct silent *p = &s->sil[j];
		struct dev *d = &s->d[p->dev];

		if (p->dev >= i0) {
			if (p->to - p->from <= d->allowed)
				continue;
			d->nsil++;
			d->silmin += p->to - p->from;
		}
		s->sil[n++] = *p;
	}
	s->nsil = n;
	return 0;
}

static int load(struct devs *s)
{
	struct req *r = s->r;
	long long t0, t1;
	size_t known, *at;

	day_text(s->f.p.from, s->from);
	day_text(s->f.p.to + 1, s->to);
	utc_midnight(s->f.p.from, s->ufrom, &t0);
	utc_midnight(s->f.p.to + 1, s->uto, &t1);
	s->minutes = (double)(t1 - t0) / 60.0;
	s->m0 = t0 / 60;
	s->m1 = t1 / 60;
	if (buckets_make(&r->arena, s->f.by, &s->f.p, &s->b) < 0)
		return -1;
	if (report_device_days_each(s->f.crossings, s->from, s->to, days_cb,
				    s) < 0)
		return -1;
	/* The heartbeats of the devices the day rows named, before their
	 * hour rows are walked, so each silent period is counted as it ends
	 * (the list may be cut, the counts not). */
	known = s->n;
	if (allowed_of(s, 0, known) < 0 ||
	    report_device_hours_each(s->f.crossings, s->ufrom, s->uto, hours_cb,
				     s) < 0)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		if (silent_until(s, &s->d[i], s->m1) < 0)
			return -1;
	if (silent_late(s, known) < 0)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		s->d[i].at = i;
	qsort(s->d, s->n, sizeof(s->d[0]), by_label);
	/* the runs follow their devices to their sorted places */
	at = arena_alloc(&r->arena, (s->n + 1) * sizeof(*at));
	if (!at)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		at[s->d[i].at] = i;
	for (size_t j = 0; j < s->nsil; j++)
		s->sil[j].dev = at[s->sil[j].dev];
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

/* The CSV's order: device by device (the table's), then by time. */
static int by_device(const void *a, const void *b)
{
	const struct silent *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return (x->from > y->from) - (x->from < y->from);
}

/* The page's order: the newest first (by start; the same start in the
 * table's device order). */
static int newest_first(const void *a, const void *b)
{
	const struct silent *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? 1 : -1;
	return (x->dev > y->dev) - (x->dev < y->dev);
}

static const char *num(struct req *r, double v, int decimals)
{
	char s[64];

	return arena_strdup(&r->arena, svgchart_num(s, sizeof(s), v, decimals));
}

/* The code of silent run j's device. */
static const char *silent_code(struct devs *s, size_t j)
{
	return s->sil[j].dev < s->n ? s->label[s->sil[j].dev] : "";
}

/* The list's page: SILENT_PAGE runs, newest first, from the page asked
 * for (one past the last shows the last); per device its count and total
 * length (hours and minutes, each set only when not 0: the template says
 * them in words). */
static void silent_hdf(struct devs *s)
{
	struct req *r = s->r;
	size_t pages = (s->nsil + SILENT_PAGE - 1) / SILENT_PAGE, first, last;

	for (size_t i = 0; i < s->n; i++) {
		struct dev *d = &s->d[i];

		if (d->nsil == 0)
			continue;
		hdf_set_valuef(r->hdf, "Dev.%zu.sil_n=%lld", i, d->nsil);
		if (d->silmin / 60 > 0)
			hdf_set_valuef(r->hdf, "Dev.%zu.sil_h=%lld", i,
				       d->silmin / 60);
		if (d->silmin % 60 > 0)
			hdf_set_valuef(r->hdf, "Dev.%zu.sil_m=%lld", i,
				       d->silmin % 60);
	}
	hdf_set_int_value(r->hdf, "SilentCut", s->cut);
	if (s->nsil == 0)
		return;
	if ((size_t)s->page > pages)
		s->page = (int)pages;
	qsort(s->sil, s->nsil, sizeof(*s->sil), newest_first);
	first = (size_t)(s->page - 1) * SILENT_PAGE;
	last = first + SILENT_PAGE < s->nsil ? first + SILENT_PAGE : s->nsil;
	for (size_t j = first; j < last; j++) {
		char from[17], to[17];

		tzpl_text(s->sil[j].from * 60, from);
		tzpl_text(s->sil[j].to * 60, to);
		hdf_set_valuef(r->hdf, "Silent.%zu.device=%s", j - first,
			       silent_code(s, j));
		hdf_set_valuef(r->hdf, "Silent.%zu.from=%s", j - first, from);
		hdf_set_valuef(r->hdf, "Silent.%zu.to=%s", j - first, to);
		hdf_set_valuef(r->hdf, "Silent.%zu.minutes=%lld", j - first,
			       s->sil[j].to - s->sil[j].from);
	}
	hdf_set_valuef(r->hdf, "SilentPage.Page=%d", s->page);
	hdf_set_valuef(r->hdf, "SilentPage.Pages=%zu", pages);
	hdf_set_valuef(r->hdf, "SilentPage.First=%zu", first + 1);
	hdf_set_valuef(r->hdf, "SilentPage.Last=%zu", last);
	hdf_set_valuef(r->hdf, "SilentPage.Count=%zu", s->nsil);
	if (s->page > 1)
		hdf_set_valuef(r->hdf, "SilentPage.Prev=%d", s->page - 1);
	if ((size_t)s->page < pages)
		hdf_set_valuef(r->hdf, "SilentPage.Next=%d", s->page + 1);
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
	silent_hdf(s);
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

/* page=N of the silent periods' list: a whole number from 1, else 422
 * (a page past the last shows the last). The CSV has them all. */
static int check(void *st)
{
	struct devs *s = st;
	const char *v = req_query(s->r, "page");
	long long n = v && *v ? valid_id(v) : 1;

	if (n < 1 || n > MAX_PAGE) {
		view_field_error(s->r, "page", "report_page");
		hdf_set_value(s->r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	s->page = (int)n;
	hdf_set_valuef(s->r->hdf, "Form.page=%lld", n);
	return 0;
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
	qsort(s->sil, s->nsil, sizeof(*s->sil), by_device);
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
	.check = check,
	.load = load_fn,
	.hdf = page_hdf,
	.csv = csv_fn,
};
