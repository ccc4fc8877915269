/* ui-alerts.c: the alerts and control report: alerts raised and closed by
 * priority and outcome, the time from an alert to its acknowledgement and
 * to its closing (p50/p90), control decisions by colour and the closed
 * controls by outcome, and per risk profile version its hits and the
 * outcomes of the controls it caused (names asked of domain/risk by id).
 * The whole period's figures, from the rollups (domain/report.h); one set
 * of C arrays feeds the charts, the tables and the CSV. */
#include "report_ui.h"

#include <stdio.h>
#include <string.h>

#include "access.h"
#include "csv.h"
#include "resp.h"
#include "risk.h"
#include "svgchart.h"
#include "view.h"

#define NPRIO 3 /* 1 high .. 3 low */
static const char *const outcomes[] = { "no_irregularity", "irregularity",
					"seizure", "handed_over" };
#define NOUT (sizeof(outcomes) / sizeof(outcomes[0]))
static const char *const colours[] = { "green", "yellow", "red" };
#define NCOL (sizeof(colours) / sizeof(colours[0]))
/* rows of the whole period (grain month): a few hundred keys a month */
#define MAX_ROWS 20000
/* profile versions with a count in the period */
#define MAX_VERSIONS 200

struct alerts {
	struct req *r;
	struct filter f;
	char from[11], to[11];
	const char *codes[REPORT_MAX_CROSSINGS];
	int ncodes;
	double raised[NPRIO], closed[NOUT][NPRIO];
	long long ack_n[NPRIO], close_n[NPRIO];
	int ack50[NPRIO], ack90[NPRIO], close50[NPRIO], close90[NPRIO];
	double decided[NCOL], random[NCOL], outcome[NOUT][NCOL];
	/* per profile version (national: every crossing's) */
	struct version {
		long long id;
		double fired, shadow, out[NOUT];
	} v[MAX_VERSIONS];
	int nv;
	double *fired; /* nv: v[i].fired, the chart's series */
};

static int out_of(const char *o)
{
	for (size_t i = 0; i < NOUT; i++)
		if (!strcmp(outcomes[i], o))
			return (int)i;
	return -1;
}

static int colour_of(const char *c)
{
	for (size_t i = 0; i < NCOL; i++)
		if (!strcmp(colours[i], c))
			return (int)i;
	return -1;
}

/* The filter's codes as the readers take them (in arena memory). */
static int codes(struct alerts *a)
{
	const char *p = a->f.crossings;

	while (p && *p && a->ncodes < REPORT_MAX_CROSSINGS) {
		size_t n = strcspn(p, ",");

		a->codes[a->ncodes] = arena_strndup(&a->r->arena, p, n);
		if (!a->codes[a->ncodes++])
			return -1;
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

static struct version *version_of(struct alerts *a, long long id)
{
	/* rows come ordered by version: the last one or a new one */
	if (a->nv > 0 && a->v[a->nv - 1].id == id)
		return &a->v[a->nv - 1];
	if (a->nv == MAX_VERSIONS)
		return NULL;
	a->v[a->nv].id = id;
	return &a->v[a->nv++];
}

/* Per profile version: live hits, hits while in testing (shadow), and the
 * outcomes of the controls its live hits caused. */
static int profiles(struct alerts *a)
{
	struct report_profile_row *pr;
	int n;

	pr = arena_alloc(&a->r->arena, MAX_ROWS * sizeof(*pr));
	if (!pr)
		return -1;
	n = report_profile_counts(a->from, a->to, pr, MAX_ROWS);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct version *v = version_of(a, pr[i].version_id);
		int o = out_of(pr[i].what);

		if (!v)
			break;
		if (!strcmp(pr[i].what, "fired"))
			*(pr[i].live ? &v->fired
				     : &v->shadow) += (double)pr[i].n;
		else if (o >= 0 && pr[i].live)
			v->out[o] += (double)pr[i].n;
	}
	a->fired = arena_alloc(&a->r->arena,
			       (size_t)(a->nv + 1) * sizeof(double));
	if (!a->fired)
		return -1;
	for (int i = 0; i < a->nv; i++)
		a->fired[i] = a->v[i].fired;
	return 0;
}

static int load(struct alerts *a)
{
	struct req *r = a->r;
	struct report_alert_row *ar;
	struct report_decision_row *dr;
	struct report_control_row *cr;
	struct report_hist h;
	int n;

	day_text(a->f.p.from, a->from);
	day_text(a->f.p.to + 1, a->to);
	if (codes(a) < 0)
		return -1;
	ar = arena_alloc(&r->arena, MAX_ROWS * sizeof(*ar));
	dr = arena_alloc(&r->arena, MAX_ROWS * sizeof(*dr));
	cr = arena_alloc(&r->arena, MAX_ROWS * sizeof(*cr));
	if (!ar || !dr || !cr)
		return -1;
	n = report_alert_days(a->codes, a->ncodes, a->from, a->to, REPORT_MONTH,
			      ar, MAX_ROWS);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		int p = ar[i].priority, o = out_of(ar[i].outcome);

		if (p < 1 || p > NPRIO)
			continue;
		if (!strcmp(ar[i].step, "new"))
			a->raised[p - 1] += (double)ar[i].n;
		else if (!strcmp(ar[i].step, "closed") && o >= 0)
			a->closed[o][p - 1] += (double)ar[i].n;
	}
	for (int p = 1; p <= NPRIO; p++) {
		if (report_alert_time(a->codes, a->ncodes, a->from, a->to,
				      "acknowledged", p, REPORT_MONTH, &h, NULL,
				      0) < 0)
			return -1;
		a->ack_n[p - 1] = h.total;
		a->ack50[p - 1] = report_hist_pct(&h, 50);
		a->ack90[p - 1] = report_hist_pct(&h, 90);
		if (report_alert_time(a->codes, a->ncodes, a->from, a->to,
				      "closed", p, REPORT_MONTH, &h, NULL,
				      0) < 0)
			return -1;
		a->close_n[p - 1] = h.total;
		a->close50[p - 1] = report_hist_pct(&h, 50);
		a->close90[p - 1] = report_hist_pct(&h, 90);
	}
	n = report_decision_days(a->codes, a->ncodes, a->from, a->to,
				 REPORT_MONTH, dr, MAX_ROWS);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		int c = colour_of(dr[i].colour);

		if (c < 0)
			continue;
		a->decided[c] += (double)dr[i].n;
		if (dr[i].random)
			a->random[c] += (double)dr[i].n;
	}
	n = report_control_days(a->codes, a->ncodes, a->from, a->to,
				REPORT_MONTH, cr, MAX_ROWS);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		int c = colour_of(cr[i].colour), o = out_of(cr[i].outcome);

		if (c >= 0 && o >= 0)
			a->outcome[o][c] += (double)cr[i].n;
	}
	return profiles(a);
}

static const char *num(struct req *r, double v)
{
	char s[64];

	return arena_strdup(&r->arena, svgchart_num(s, sizeof(s), v, 0));
}

static const char *minutes(struct req *r, int m)
{
	if (m < 0)
		return view_text(r, "report.alerts.none");
	if (m >= REPORT_LONGER)
		return view_text(r, "report.alerts.longer");
	return num(r, m);
}

/* The word L.<group>.<v>. */
static const char *word(struct req *r, const char *group, const char *v)
{
	char key[96];

	snprintf(key, sizeof(key), "%s.%s", group, v);
	return view_text(r, key);
}

static const char *prio_word(struct req *r, int p)
{
	char v[4];

	snprintf(v, sizeof(v), "%d", p);
	return word(r, "ingest.priority", v);
}

static void tables_hdf(struct alerts *a)
{
	struct req *r = a->r;

	for (size_t o = 0; o < NOUT; o++)
		hdf_set_valuef(r->hdf, "Outcomes.%zu=%s", o,
			       word(r, "ingest.outcome", outcomes[o]));
	for (int p = 0; p < NPRIO; p++) {
		hdf_set_valuef(r->hdf, "Prio.%d.Label=%s", p,
			       prio_word(r, p + 1));
		hdf_set_valuef(r->hdf, "Prio.%d.raised=%s", p,
			       num(r, a->raised[p]));
		for (size_t o = 0; o < NOUT; o++)
			hdf_set_valuef(r->hdf, "Prio.%d.V.%zu=%s", p, o,
				       num(r, a->closed[o][p]));
		hdf_set_valuef(r->hdf, "Prio.%d.ack_n=%lld", p, a->ack_n[p]);
		hdf_set_valuef(r->hdf, "Prio.%d.ack50=%s", p,
			       minutes(r, a->ack50[p]));
		hdf_set_valuef(r->hdf, "Prio.%d.ack90=%s", p,
			       minutes(r, a->ack90[p]));
		hdf_set_valuef(r->hdf, "Prio.%d.close_n=%lld", p,
			       a->close_n[p]);
		hdf_set_valuef(r->hdf, "Prio.%d.close50=%s", p,
			       minutes(r, a->close50[p]));
		hdf_set_valuef(r->hdf, "Prio.%d.close90=%s", p,
			       minutes(r, a->close90[p]));
	}
	for (size_t c = 0; c < NCOL; c++) {
		hdf_set_valuef(r->hdf, "Colour.%zu.Label=%s", c,
			       word(r, "risk.colour", colours[c]));
		hdf_set_valuef(r->hdf, "Colour.%zu.decided=%s", c,
			       num(r, a->decided[c]));
		hdf_set_valuef(r->hdf, "Colour.%zu.random=%s", c,
			       num(r, a->random[c]));
		for (size_t o = 0; o < NOUT; o++)
			hdf_set_valuef(r->hdf, "Colour.%zu.V.%zu=%s", c, o,
				       num(r, a->outcome[o][c]));
	}
}

/* The versions with their profiles' names (domain/risk, by id); an
 * analyst gets a link to each profile. */
static int profiles_hdf(struct alerts *a)
{
	struct req *r = a->r;

	hdf_set_int_value(r->hdf, "Report.ProfileLinks",
			  access_offers(r, "risk"));
	for (int i = 0; i < a->nv; i++) {
		hdf_set_valuef(r->hdf, "Profiles.%d.version_id=%lld", i,
			       a->v[i].id);
		hdf_set_valuef(r->hdf, "Profiles.%d.fired=%s", i,
			       num(r, a->v[i].fired));
		hdf_set_valuef(r->hdf, "Profiles.%d.shadow=%s", i,
			       num(r, a->v[i].shadow));
		for (size_t o = 0; o < NOUT; o++)
			hdf_set_valuef(r->hdf, "Profiles.%d.V.%zu=%s", i, o,
				       num(r, a->v[i].out[o]));
	}
	return risk_version_names_hdf(r->hdf, "Profiles", "version_id");
}

/* "name (version N)" of version i, as the table shows it. */
static const char *version_label(struct alerts *a, int i)
{
	struct req *r = a->r;
	const char *name = hdf_get_valuef(r->hdf, "Profiles.%d.name", i);
	const char *no = hdf_get_valuef(r->hdf, "Profiles.%d.version_no", i);

	return arena_printf(&r->arena, "%s (%s %s)",
			    name ? name : view_text(r, "report.alerts.none"),
			    view_text(r, "report.alerts.version"),
			    no ? no : "?");
}

static int chart_hdf(struct alerts *a, const char *name,
		     const struct svgchart *c)
{
	struct buf b = { 0 };
	int rc = svgchart_render(c, &b);

	if (rc == 0)
		hdf_set_valuef(a->r->hdf, "Chart.%s=%s", name, b.p ? b.p : "");
	buf_free(&b);
	return rc;
}

static int profiles_chart(struct alerts *a)
{
	struct req *r = a->r;
	const char **cat;

	cat = arena_alloc(&r->arena, (size_t)(a->nv + 1) * sizeof(*cat));
	if (!cat)
		return -1;
	for (int i = 0; i < a->nv; i++)
		cat[i] = version_label(a, i);
	return chart_hdf(
		a, "profiles",
		&(struct svgchart){
			.kind = SVGCHART_BAR,
			.id = "chart-profiles",
			.title = view_text(r, "report.alerts.profiles"),
			.desc = view_text(r, "report.alerts.profiles_desc"),
			.x_title = view_text(r, "report.alerts.profile"),
			.y_title = view_text(r, "report.alerts.fired"),
			.ncat = (size_t)a->nv,
			.cat = cat,
			.nseries = 1,
			.series = &(struct svgchart_series){
				view_text(r, "report.alerts.fired"),
				a->fired } });
}

static int charts_hdf(struct alerts *a)
{
	struct req *r = a->r;
	struct svgchart_series ps[NOUT], cs[NOUT];
	const char *pcat[NPRIO], *ccat[NCOL];

	for (int p = 0; p < NPRIO; p++)
		pcat[p] = prio_word(r, p + 1);
	for (size_t c = 0; c < NCOL; c++)
		ccat[c] = word(r, "risk.colour", colours[c]);
	for (size_t o = 0; o < NOUT; o++) {
		const char *w = word(r, "ingest.outcome", outcomes[o]);

		ps[o] = (struct svgchart_series){ w, a->closed[o] };
		cs[o] = (struct svgchart_series){ w, a->outcome[o] };
	}
	if (chart_hdf(a, "alerts",
		      &(struct svgchart){
			      .kind = SVGCHART_STACKED,
			      .id = "chart-alerts",
			      .title = view_text(r, "report.alerts.closed"),
			      .desc = view_text(r, "report.alerts.closed_desc"),
			      .x_title = view_text(r, "report.alerts.priority"),
			      .y_title = view_text(r, "report.alerts.count"),
			      .ncat = NPRIO,
			      .cat = pcat,
			      .nseries = NOUT,
			      .series = ps }) < 0)
		return -1;
	if (profiles_chart(a) < 0)
		return -1;
	return chart_hdf(
		a, "control",
		&(struct svgchart){
			.kind = SVGCHART_STACKED,
			.id = "chart-control",
			.title = view_text(r, "report.alerts.control"),
			.desc = view_text(r, "report.alerts.control_desc"),
			.x_title = view_text(r, "report.alerts.colour"),
			.y_title = view_text(r, "report.alerts.count"),
			.ncat = NCOL,
			.cat = ccat,
			.nseries = NOUT,
			.series = cs });
}

static int load_fn(void *st)
{
	return load(st);
}

static int page_hdf(void *st)
{
	struct alerts *a = st;

	tables_hdf(a);
	return profiles_hdf(a) < 0 || charts_hdf(a) < 0 ? -1 : 0;
}

/* The CSV: one row per priority (alerts) then per colour (control), the
 * outcomes as columns. */
static int csv_fn(void *st, struct buf *b, const char **name)
{
	struct alerts *a = st;
	struct req *r = a->r;

	(void)name;
	csv_cell(b, 1, view_text(r, "report.alerts.what"));
	csv_cell(b, 0, view_text(r, "report.alerts.of"));
	csv_cell(b, 0, view_text(r, "report.alerts.count"));
	for (size_t o = 0; o < NOUT; o++)
		csv_cell(b, 0, word(r, "ingest.outcome", outcomes[o]));
	csv_end(b);
	for (int p = 0; p < NPRIO; p++) {
		csv_cell(b, 1, view_text(r, "report.alerts.priority"));
		csv_cell(b, 0, prio_word(r, p + 1));
		csv_num(b, 0, a->raised[p], 0);
		for (size_t o = 0; o < NOUT; o++)
			csv_num(b, 0, a->closed[o][p], 0);
		csv_end(b);
	}
	for (size_t c = 0; c < NCOL; c++) {
		csv_cell(b, 1, view_text(r, "report.alerts.colour"));
		csv_cell(b, 0, word(r, "risk.colour", colours[c]));
		csv_num(b, 0, a->decided[c], 0);
		for (size_t o = 0; o < NOUT; o++)
			csv_num(b, 0, a->outcome[o][c], 0);
		if (csv_end(b) < 0)
			return -1;
	}
	if (profiles_hdf(a) < 0)
		return -1;
	/* a row per profile version: its live hits, the controls' outcomes */
	for (int i = 0; i < a->nv; i++) {
		csv_cell(b, 1, view_text(r, "report.alerts.profile"));
		csv_cell(b, 0, version_label(a, i));
		csv_num(b, 0, a->v[i].fired, 0);
		for (size_t o = 0; o < NOUT; o++)
			csv_num(b, 0, a->v[i].out[o], 0);
		if (csv_end(b) < 0)
			return -1;
	}
	return 0;
}

const struct report_desc report_alerts = {
	.name = "alerts",
	.page = "report/alerts.cs",
	REPORT_STATE(struct alerts),
	.load = load_fn,
	.hdf = page_hdf,
	.csv = csv_fn,
};
