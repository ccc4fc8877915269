/* ui-week.c: the start page's small charts of the unit's last 7 days
 * (Warsaw days, today included): trucks arrived, alerts raised by
 * priority, control tasks opened by colour, applications submitted. Read
 * from the reports' rollups (domain/report.h) and, for the small
 * applications table, from its owner; each chart beside a table of the
 * same numbers, both from one array */
#include "skr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "registry.h"
#include "report.h"
#include "svgchart.h"
#include "tzpl.h"
#include "view.h"

#define WEEK "Week"
#define DAYS 7
#define MAX_SERIES 3
/* A day's rollup rows: kinds x priorities x steps x outcomes, at most. */
#define MAX_ROWS (DAYS * 3 * 3 * 4 * 5)

struct week {
	struct req *r;
	char day[DAYS][11];    /* YYYY-MM-DD, oldest first */
	char end[11];	       /* tomorrow: the readers' [from, to) */
	char label[DAYS][8];   /* DD.MM */
	const char *cat[DAYS]; /* the labels, for svgchart */
	const char *codes[REPORT_MAX_CROSSINGS];
	long long ids[REPORT_MAX_CROSSINGS];
	int ncodes, nids, nchart;
};

static int day_index(const struct week *w, const char *day)
{
	for (int i = 0; i < DAYS; i++)
		if (!strncmp(w->day[i], day, 10))
			return i;
	return -1;
}

/* One chart and its table as Week.Chart.N: Id, Title, Svg (escaped by
 * svgchart) as Chart.<key>, Series.M, Day.K.{Label, V.M}. */
static int chart(struct week *w, const char *id, const char *key, int nseries,
		 const char *const *names, double v[MAX_SERIES][DAYS])
{
	struct req *r = w->r;
	struct svgchart_series s[MAX_SERIES];
	struct buf svg = { 0 };
	char k[64], num[32];
	int n = w->nchart++, rc = -1;
	struct svgchart c = {
		.kind = nseries > 1 ? SVGCHART_STACKED : SVGCHART_BAR,
		.id = id,
		.decimals = 0,
		.ncat = DAYS,
		.cat = w->cat,
		.nseries = (size_t)nseries,
		.series = s,
	};

	snprintf(k, sizeof(k), "skr.week.%s", key);
	c.title = view_text(r, k);
	snprintf(k, sizeof(k), "skr.week.%s_desc", key);
	c.desc = view_text(r, k);
	c.x_title = view_text(r, "skr.week.x");
	c.y_title = view_text(r, "skr.week.y");
	for (int i = 0; i < nseries; i++) {
		s[i].name = names[i];
		s[i].v = v[i];
	}
	if (svgchart_render(&c, &svg) < 0)
		goto out;
	hdf_set_valuef(r->hdf, WEEK ".Chart.%d.Id=%s", n, id);
	hdf_set_valuef(r->hdf, WEEK ".Chart.%d.Title=%s", n, c.title);
	/* Chart.<key>: the one name the templates print unescaped
	 * (test_report_traffic: test_only_charts_are_printed_unescaped). */
	hdf_set_valuef(r->hdf, WEEK ".Chart.%d.Key=%s", n, key);
	hdf_set_valuef(r->hdf, "Chart.%s=%s", key, svg.p ? svg.p : "");
	for (int i = 0; i < nseries; i++)
		hdf_set_valuef(r->hdf, WEEK ".Chart.%d.Series.%d=%s", n, i,
			       names[i]);
	for (int d = 0; d < DAYS; d++) {
		hdf_set_valuef(r->hdf, WEEK ".Chart.%d.Day.%d.Label=%s", n, d,
			       w->label[d]);
		for (int i = 0; i < nseries; i++)
			hdf_set_valuef(
				r->hdf, WEEK ".Chart.%d.Day.%d.V.%d=%s", n, d,
				i, svgchart_num(num, sizeof(num), v[i][d], 0));
	}
	rc = 0;
out:
	buf_free(&svg);
	return rc;
}

static int arrived(struct week *w)
{
	struct report_ebt_row *rows = arena_alloc(&w->r->arena,
						  sizeof(*rows) * DAYS);
	double v[MAX_SERIES][DAYS] = { { 0 } };
	const char *names[1] = { view_text(w->r, "skr.week.arrived_s") };
	int n;

	if (!rows)
		return -1;
	n = report_ebt_days(w->ids, w->nids, w->day[0], w->end, REPORT_DAY,
			    rows, DAYS);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		int d = day_index(w, rows[i].period);

		if (d >= 0)
			v[0][d] += (double)rows[i].n[REPORT_EBT_ARRIVED];
	}
	return chart(w, "week-arrived", "arrived", 1, names, v);
}

static int alerts(struct week *w)
{
	struct report_alert_row *rows = arena_alloc(&w->r->arena,
						    sizeof(*rows) * MAX_ROWS);
	double v[MAX_SERIES][DAYS] = { { 0 } };
	const char *names[3] = { view_text(w->r, "ingest.priority.1"),
				 view_text(w->r, "ingest.priority.2"),
				 view_text(w->r, "ingest.priority.3") };
	int n;

	if (!rows)
		return -1;
	n = report_alert_days(w->codes, w->ncodes, w->day[0], w->end,
			      REPORT_DAY, rows, MAX_ROWS);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		int d = day_index(w, rows[i].period), p = rows[i].priority;

		/* An alert is raised by its step "new". */
		if (d >= 0 && p >= 1 && p <= 3 && !strcmp(rows[i].step, "new"))
			v[p - 1][d] += (double)rows[i].n;
	}
	return chart(w, "week-alerts", "alerts", 3, names, v);
}

static int tasks(struct week *w)
{
	struct report_decision_row *rows = arena_alloc(
		&w->r->arena, sizeof(*rows) * MAX_ROWS);
	double v[MAX_SERIES][DAYS] = { { 0 } };
	const char *names[2] = { view_text(w->r, "risk.colour.yellow"),
				 view_text(w->r, "risk.colour.red") };
	int n;

	if (!rows)
		return -1;
	n = report_decision_days(w->codes, w->ncodes, w->day[0], w->end,
				 REPORT_DAY, rows, MAX_ROWS);
	if (n < 0)
		return -1;
	/* A yellow or red decision opens a control task (domain/control). */
	for (int i = 0; i < n; i++) {
		int d = day_index(w, rows[i].period);

		if (d < 0)
			continue;
		if (!strcmp(rows[i].colour, "yellow"))
			v[0][d] += (double)rows[i].n;
		else if (!strcmp(rows[i].colour, "red"))
			v[1][d] += (double)rows[i].n;
	}
	return chart(w, "week-tasks", "tasks", 2, names, v);
}

struct apps {
	struct week *w;
	double *v;
};

static int apps_cb(const struct row *row, void *ctx)
{
	struct apps *a = ctx;
	char local[32];
	int d;

	if (view_local_time(row_get(row, "hour", ""), local, sizeof(local)) < 0)
		return 0;
	d = day_index(a->w, local);
	if (d >= 0)
		a->v[d] += (double)row_int(row, "n", 0);
	return 0;
}

static int applications(struct week *w)
{
	double v[MAX_SERIES][DAYS] = { { 0 } };
	const char *names[1] = { view_text(w->r, "skr.week.applications_s") };
	struct apps a = { w, v[0] };
	char since[20], before[11];

	/* The first Warsaw day begins after 00:00 UTC of the day before it
	 * (UTC+1 or +2); hours outside the week are left out by day_index. */
	tzpl_today(-DAYS, before);
	snprintf(since, sizeof(since), "%s 00:00:00", before);
	if (registry_stats_submitted_each(w->r->sess.unit_id, since, apps_cb,
					  &a) < 0)
		return -1;
	return chart(w, "week-applications", "applications", 1, names, v);
}

/* The crossings of Today.Crossings (ui-today.c) as the readers take them:
 * codes, and the ids of the eBT ones. */
static void scope(struct week *w)
{
	HDF *n = hdf_get_obj(w->r->hdf, "Today.Crossings");

	for (n = n ? hdf_obj_child(n) : NULL;
	     n && w->ncodes < REPORT_MAX_CROSSINGS; n = hdf_obj_next(n)) {
		w->codes[w->ncodes++] = hdf_get_value(n, "code", "");
		if (hdf_get_int_value(n, "ebt", 0))
			w->ids[w->nids++] = atoll(hdf_get_value(n, "id", "0"));
	}
}

int week_hdf(struct req *r)
{
	struct week w = { .r = r };

	for (int i = 0; i < DAYS; i++) {
		tzpl_today(i - (DAYS - 1), w.day[i]);
		snprintf(w.label[i], sizeof(w.label[i]), "%.2s.%.2s",
			 w.day[i] + 8, w.day[i] + 5);
		w.cat[i] = w.label[i];
	}
	tzpl_today(1, w.end);
	if (today_crossings(r) < 0)
		return -1;
	scope(&w);
	if (w.ncodes > 0 && ((w.nids > 0 && arrived(&w) < 0) ||
			     alerts(&w) < 0 || tasks(&w) < 0))
		return -1;
	return applications(&w);
}

/* The As-of line goes with the charts, kept or not. */
static int week_fill(struct req *r)
{
	struct tzpl_tm now;

	tzpl_from_utc(now_unix(), &now);
	hdf_set_valuef(r->hdf, WEEK ".AsOf=%02d:%02d", now.hour, now.min);
	return week_hdf(r);
}

int week_part(struct req *r)
{
	char today[11];

	/* The unit is the scope: the charts count its crossings. */
	tzpl_today(0, today);
	return part_kept(r,
			 arena_printf(&r->arena, "skr-week|%s|unit=%lld;day=%s",
				      r->lang, r->sess.unit_id, today),
			 "skr/week.cs", week_fill, "week");
}
