/* ui-export.c: an analyst exports a risk data set: the objects the lanes
 * read over a period at the crossings of their unit's subtree, with their
 * control decisions, control tasks, alerts and outcomes, as XML
 * (risk-export.xsd) or CSV; every export is audited with its filter and
 * row count */
#include "exchange_ui.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "conf.h"
#include "control.h"
#include "crossings.h"
#include "devices.h"
#include "form.h"
#include "resp.h"
#include "risk.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"
#include "watch.h"
#include "xmlsafe.h"

#define NS "urn:zsog:risk-export:1"

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

static int valid_kind(const char *s)
{
	return !strcmp(s, "plate") || !strcmp(s, "container") ||
	       !strcmp(s, "wagon") || !strcmp(s, "document");
}

static int valid_format(const char *s)
{
	return !strcmp(s, "xml") || !strcmp(s, "csv");
}

static int valid_colour(const char *s)
{
	return !strcmp(s, "green") || !strcmp(s, "yellow") || !strcmp(s, "red");
}

static int valid_alert(const char *s)
{
	return !strcmp(s, "none") || !strcmp(s, "open") || !strcmp(s, "closed");
}

enum { X_FROM, X_TO, X_KIND, X_FORMAT, X__MAX };
static const struct param params[X__MAX] = {
	{ "from", P_REQUIRED, 10, NULL, valid_day, "date" }, /* X_FROM */
	{ "to", P_REQUIRED, 10, NULL, valid_day, "date" },   /* X_TO */
	{ "kind", 0, 10, NULL, valid_kind, "invalid" },	     /* X_KIND */
	{ "format", P_REQUIRED, 3, NULL, valid_format, "invalid" },
	/* X_FORMAT */
};

/* The crossings the analyst may export: their unit's subtree's. */
static const char *scope(struct req *r)
{
	return crossings_subtree_codes(&r->arena, r->sess.unit_id);
}

/* The form's options, and what it echoes back when refused. */
static int form_page(struct req *r, int status, const char *codes)
{
	char day[11];

	if (crossings_code_options(codes, view_pick_lang(r), r->hdf,
				   "Export.Crossings") < 0)
		return -1;
	if (!hdf_get_value(r->hdf, "Form.to", NULL)) {
		tzpl_today(0, day);
		hdf_set_value(r->hdf, "Form.to", day);
		tzpl_today(-30, day);
		hdf_set_value(r->hdf, "Form.from", day);
		hdf_set_value(r->hdf, "Form.format", "csv");
	}
	return view_render(r, status, "risk/export.cs");
}

int export_form_fn(struct req *r)
{
	const char *codes = scope(r);

	return codes ? form_page(r, 200, codes) : -1;
}

/* A Warsaw day's start as UTC "YYYY-MM-DD HH:MM:SS", plus_days after. */
static const char *day_start_utc(struct arena *a, const char *day,
				 int plus_days)
{
	struct tm tm = { 0 };
	long long t;
	time_t u;
	int y, m, d;

	valid_date(day, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + plus_days;
	tm.tm_hour = 12;
	u = timegm(&tm); /* normalises the day */
	gmtime_r(&u, &tm);
	t = tzpl_to_utc(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0);
	u = (time_t)t;
	gmtime_r(&u, &tm);
	return arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d",
			    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static long long days_between(const char *from, const char *to)
{
	struct tm a = { 0 }, b = { 0 };
	int y, m, d;

	valid_date(from, &y, &m, &d);
	a.tm_year = y - 1900, a.tm_mon = m - 1, a.tm_mday = d;
	valid_date(to, &y, &m, &d);
	b.tm_year = y - 1900, b.tm_mon = m - 1, b.tm_mday = d;
	return (long long)(timegm(&b) - timegm(&a)) / 86400;
}

/* The alert a row's "id:state:outcome,…" ends with (the newest), as state
 * and outcome; *state "" without one. */
static void last_alert(struct arena *a, const char *alerts, const char **id,
		       const char **state, const char **outcome)
{
	const char *p = alerts ? strrchr(alerts, ',') : NULL, *c1, *c2;

	*id = *state = *outcome = "";
	if (!alerts || !*alerts)
		return;
	p = p ? p + 1 : alerts;
	c1 = strchr(p, ':');
	c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	if (!c1 || !c2)
		return;
	*id = arena_strndup(a, p, (size_t)(c1 - p));
	*state = arena_strndup(a, c1 + 1, (size_t)(c2 - c1 - 1));
	*outcome = strcmp(c2 + 1, "-") ? c2 + 1 : "";
}

/* Is word one of the comma-separated words of list? */
static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; p && *p;
	     p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		if (!strncmp(p, word, n) && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

/* A ticked box of a repeated field: valid, it joins the comma list and
 * is echoed checked; 1 when it is not one of the choices. */
static int tick(struct req *r, const char *name, const char *v,
		int (*valid)(const char *), char *list, size_t sz)
{
	if (!valid(v)) {
		view_field_error(r, name, "invalid");
		return 1;
	}
	if (!in_list(list, v))
		snprintf(list + strlen(list), sz - strlen(list), "%s%s",
			 *list ? "," : "", v);
	hdf_set_valuef(r->hdf, "Form.%s.%s=1", name, v);
	return 0;
}

/* Whether a row passes the alert filter (comma list of none, open,
 * closed; "" all). */
static int alert_wanted(const char *filter, const char *state)
{
	const char *what = !*state		     ? "none"
			   : strcmp(state, "closed") ? "open"
						     : "closed";

	return !*filter || in_list(filter, what);
}

/* A CSV cell: quoted, quotes doubled, and a value a spreadsheet would run
 * as a formula (= + - @ tab CR first) prefixed with an apostrophe. */
static void csv_cell(struct buf *b, const char *v, int last)
{
	v = v ? v : "";
	buf_puts(b, "\"");
	if (*v == '=' || *v == '+' || *v == '-' || *v == '@' || *v == '\t' ||
	    *v == '\r')
		buf_puts(b, "'");
	for (; *v; v++)
		buf_add(b, *v == '"' ? "\"\"" : v, *v == '"' ? 2 : 1);
	buf_puts(b, last ? "\"\r\n" : "\",");
}

static void xml_attr(struct buf *b, const char *name, const char *v)
{
	if (!v || !*v)
		return;
	buf_printf(b, " %s=\"", name);
	xmlsafe_escape(b, v);
	buf_puts(b, "\"");
}

/* "YYYY-MM-DD HH:MM:SS" UTC as xs:dateTime. */
static const char *iso(struct arena *a, const char *t)
{
	char *s = arena_printf(a, "%sZ", t ? t : "");

	if (strlen(s) > 10)
		s[10] = 'T';
	return s;
}

static const char *const columns[] = {
	"event_id", "time_utc", "crossing",    "lane",		"direction",
	"kind",	    "value",	"key",	       "country",	"confidence",
	"doubtful", "alert_id", "alert_state", "alert_outcome", "decision",
	"random",   "score",	"task_state",  "task_outcome",	"task_category",
};
#define NCOLS (sizeof(columns) / sizeof(columns[0]))

int export_fn(struct req *r)
{
	const char *v[X__MAX], *codes = scope(r), *from, *to;
	char filter_alerts[32] = "", filter_colours[32] = "", created[32];
	struct buf sel = { 0 }, out = { 0 };
	long long max = conf_int("Exchange.ExportMaxRows", 100000);
	int bad, n, rows = 0, rc = -1, xml;
	HDF *h = NULL, *node;
	time_t now = time(NULL);
	struct tm tm;

	if (!codes)
		return -1;
	bad = form_read(r, params, X__MAX, v);
	/* Repeated boxes: crossings of the scope, alert states. */
	for (size_t i = 0; i < r->nf; i++) {
		const struct field *f = &r->ffields[i];

		if (f->name && !strcmp(f->name, "crossing")) {
			if (!crossings_code_in(codes, f->value) ||
			    strchr(f->value, ',')) {
				view_field_error(r, "crossing", "invalid");
				bad++;
				continue;
			}
			buf_printf(&sel, "%s%s", sel.len ? "," : "", f->value);
			hdf_set_valuef(r->hdf, "Form.crossing.%s=1", f->value);
		} else if (f->name && !strcmp(f->name, "alert")) {
			bad += tick(r, "alert", f->value, valid_alert,
				    filter_alerts, sizeof(filter_alerts));
		} else if (f->name && !strcmp(f->name, "colour")) {
			bad += tick(r, "colour", f->value, valid_colour,
				    filter_colours, sizeof(filter_colours));
		}
	}
	if (!bad && strcmp(v[X_FROM], v[X_TO]) > 0) {
		view_field_error(r, "to", "exchange_period");
		bad++;
	}
	if (!bad && days_between(v[X_FROM], v[X_TO]) > 365) {
		view_field_error(r, "to", "exchange_range");
		bad++;
	}
	if (bad) {
		buf_free(&sel);
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return form_page(r, 422, codes);
	}
	from = day_start_utc(&r->arena, v[X_FROM], 0);
	to = day_start_utc(&r->arena, v[X_TO], 1);
	if (hdf_init(&h))
		goto out;
	/* No crossing ticked: all of the scope (none in scope: nothing). */
	n = *codes ? devices_export_hdf(h, "X", from, to,
					sel.len ? sel.p : codes, v[X_KIND], max)
		   : 0;
	/* Each owner completes the rows: alerts (domain/watch), decisions
	 * (domain/risk), their control tasks (domain/control). */
	if (n < 0 ||
	    (n > 0 && (watch_event_alerts_hdf(h, "X", "id") < 0 ||
		       risk_event_decisions_hdf(h, "X", "id") < 0 ||
		       control_decision_tasks_hdf(h, "X", "decision_id") < 0)))
		goto out;
	xml = !strcmp(v[X_FORMAT], "xml");
	gmtime_r(&now, &tm);
	strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (xml) {
		buf_printf(&out,
			   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			   "<riskExport xmlns=\"" NS "\" created=\"%s\"",
			   created);
		xml_attr(&out, "from", v[X_FROM]);
		xml_attr(&out, "to", v[X_TO]);
		buf_puts(&out, ">\n <filter");
		xml_attr(&out, "crossings", sel.len ? sel.p : NULL);
		xml_attr(&out, "kind", v[X_KIND]);
		xml_attr(&out, "alerts", filter_alerts);
		xml_attr(&out, "decisions", filter_colours);
		buf_puts(&out, "/>\n");
	} else {
		for (size_t i = 0; i < NCOLS; i++)
			csv_cell(&out, columns[i], i + 1 == NCOLS);
	}
	for (node = hdf_obj_child(hdf_get_obj(h, "X")); node;
	     node = hdf_obj_next(node)) {
		const char *aid, *state, *outcome;
		const char *c[NCOLS];

		last_alert(&r->arena, hdf_get_value(node, "alerts", NULL), &aid,
			   &state, &outcome);
		if (!alert_wanted(filter_alerts, state) ||
		    (*filter_colours &&
		     !in_list(filter_colours,
			      hdf_get_value(node, "colour", "-"))))
			continue;
		rows++;
		c[0] = hdf_get_value(node, "id", "");
		c[1] = iso(&r->arena, hdf_get_value(node, "t", ""));
		c[2] = hdf_get_value(node, "crossing", "");
		c[3] = hdf_get_value(node, "lane", "");
		c[4] = hdf_get_value(node, "dir", "");
		c[5] = hdf_get_value(node, "kind", "");
		c[6] = hdf_get_value(node, "raw", "");
		c[7] = hdf_get_value(node, "obj_key", "");
		c[8] = hdf_get_value(node, "country", "");
		c[9] = hdf_get_value(node, "confidence", "");
		c[10] = strcmp(hdf_get_value(node, "doubtful", "0"), "0")
				? "true"
				: "false";
		c[11] = aid;
		c[12] = state;
		c[13] = outcome;
		c[14] = hdf_get_value(node, "colour", "");
		c[15] = !*c[14] ? ""
			: strcmp(hdf_get_value(node, "random", "0"), "0")
				? "true"
				: "false";
		c[16] = hdf_get_value(node, "score", "");
		c[17] = hdf_get_value(node, "task_state", "");
		c[18] = hdf_get_value(node, "task_outcome", "");
		c[19] = hdf_get_value(node, "task_category", "");
		if (!xml) {
			for (size_t i = 0; i < NCOLS; i++)
				csv_cell(&out, c[i], i + 1 == NCOLS);
			continue;
		}
		buf_puts(&out, " <object");
		xml_attr(&out, "id", c[0]);
		xml_attr(&out, "time", c[1]);
		xml_attr(&out, "crossing", c[2]);
		xml_attr(&out, "lane", c[3]);
		xml_attr(&out, "dir", c[4]);
		xml_attr(&out, "kind", c[5]);
		xml_attr(&out, "value", c[6]);
		xml_attr(&out, "key", c[7]);
		xml_attr(&out, "country", c[8]);
		xml_attr(&out, "confidence", c[9]);
		xml_attr(&out, "doubtful", c[10]);
		if (!*aid && !*c[14]) {
			buf_puts(&out, "/>\n");
			continue;
		}
		buf_puts(&out, ">");
		if (*c[14]) {
			buf_puts(&out, "<decision");
			xml_attr(&out, "colour", c[14]);
			xml_attr(&out, "random", c[15]);
			xml_attr(&out, "score", c[16]);
			if (*c[17]) {
				buf_puts(&out, "><task");
				xml_attr(&out, "state", c[17]);
				xml_attr(&out, "outcome", c[18]);
				xml_attr(&out, "category", c[19]);
				buf_puts(&out, "/></decision>");
			} else {
				buf_puts(&out, "/>");
			}
		}
		if (*aid) {
			buf_puts(&out, "<alert");
			xml_attr(&out, "id", aid);
			xml_attr(&out, "state", state);
			xml_attr(&out, "outcome", outcome);
			buf_puts(&out, "/>");
		}
		buf_puts(&out, "</object>\n");
	}
	if (xml)
		buf_printf(&out, " <count>%d</count>\n</riskExport>\n", rows);
	/* Who exported what: before the data leaves. */
	if (audit_log(r, "risk.export", "risk_export",
		      arena_printf(&r->arena,
				   "@skr.audit.detail.risk_export"
				   "|%s|%s|%s|%s|%s|%s|%s|%d",
				   v[X_FORMAT], v[X_FROM], v[X_TO],
				   sel.len ? sel.p : "all",
				   v[X_KIND] ? v[X_KIND] : "any",
				   *filter_colours ? filter_colours : "all",
				   *filter_alerts ? filter_alerts : "all",
				   rows)) < 0)
		goto out;
	resp_header(
		r, "Content-Disposition",
		arena_printf(&r->arena,
			     "attachment; filename=\"risk-export-%s-%s.%s\"",
			     v[X_FROM], v[X_TO], v[X_FORMAT]));
	rc = resp_send(r, 200,
		       xml ? "application/xml; charset=utf-8"
			   : "text/csv; charset=utf-8",
		       out.p ? out.p : "", out.len);
out:
	if (h)
		hdf_destroy(&h);
	buf_free(&sel);
	buf_free(&out);
	return rc;
}
