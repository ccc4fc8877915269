/* filter.c: the filters of every report (from, to, by, crossing, compare,
 * view and the report's own choices): read from the URL, checked, with
 * the message beside the field */
#include "report_ui.h"

#include <stdio.h>
#include <string.h>

#include "crossings.h"
#include "form.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

/* hour: 31 days, day: a leap year, week: 3 years, month: 10 years. */
const long filter_max_days[BY__MAX] = { 31, 366, 3 * 365 + 1, 10 * 365 + 3 };

static const char *const by_names[BY__MAX + 1] = { "hour", "day", "week",
						   "month", NULL };
static const char *const compare_names[CMP__MAX + 1] = { "none", "year",
							 "previous", NULL };

/* Howard Hinnant's days_from_civil: proleptic Gregorian. */
long day_number(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void day_civil(long n, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	n += 719468;
	era = (n >= 0 ? n : n - 146096) / 146097;
	doe = n - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

char *day_text(long n, char out[11])
{
	int y, m, d;

	day_civil(n, &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
	return out;
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

static int parse_day(const char *s, long *n)
{
	int y, m, d;

	if (!valid_date(s, &y, &m, &d))
		return 0;
	*n = day_number(y, m, d);
	return 1;
}

/* The same day a year earlier; 29 February becomes the 28th. */
static long year_before(long n)
{
	int y, m, d;

	day_civil(n, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	return day_number(y - 1, m, d);
}

/* The index of v in names, or -1. */
static int index_of(const char *const *names, const char *v)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], v))
			return i;
	return -1;
}

/* A choice among names; absent or empty: def. */
static int choice(struct req *r, const char *name, const char *v,
		  const char *const *names, int def, int *out)
{
	int i = v && *v ? index_of(names, v) : def;

	if (i < 0) {
		view_field_error(r, name, "report_choice");
		return 0;
	}
	*out = i;
	hdf_set_valuef(r->hdf, "Form.%s=%s", name, names[i]);
	return 1;
}

/* by, compare and the report's choices are read by choice(): their
 * values are a list, and a value outside it is answered beside the field
 * whatever its length. */
enum { F_FROM, F_TO, F_CROSSING, F_VIEW, F__MAX };
static const struct param params[F__MAX] = {
	{ "from", P_QUERY, 10, NULL, valid_day, "date" }, /* F_FROM */
	{ "to", P_QUERY, 10, NULL, valid_day, "date" },	  /* F_TO */
	{ "crossing", P_QUERY, 8, NULL, NULL, NULL },	  /* F_CROSSING */
	{ "view", P_QUERY, 8, NULL, NULL, NULL },	  /* F_VIEW */
};

/* The crossing asked for: "" every one in scope; 0 valid, 422 beside the
 * field, 403 answered, -1 error. */
static int read_crossing(struct req *r, struct filter *f, const char *code)
{
	struct crossing c;
	int rc;

	f->crossings = f->scope;
	f->crossing = "";
	if (!code || !*code)
		return 0;
	rc = crossings_by_code(code, &c);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		view_field_error(r, "crossing", "report_crossing");
		return 422;
	}
	if (!crossings_code_in(f->scope, c.code))
		return 403;
	f->crossing = f->crossings = arena_strdup(&r->arena, c.code);
	return f->crossing ? 0 : -1;
}

int filter_read(struct req *r, struct filter *f,
		const struct filter_choice *extra, size_t nextra)
{
	const char *v[F__MAX];
	char today[11], text[11];
	int bad, by = BY_DAY, cmp = CMP_NONE, rc, dates_ok;

	memset(f, 0, sizeof(*f));
	f->scope = crossings_subtree_codes(&r->arena, r->sess.unit_id);
	if (!f->scope || crossings_code_options(f->scope, r->lang, r->hdf,
						"Opt.crossing") < 0)
		return -1;
	bad = form_read(r, params, F__MAX, v);
	f->print = v[F_VIEW] && !strcmp(v[F_VIEW], "print");
	if (f->print)
		hdf_set_value(r->hdf, "Page.Print", "1");

	/* The period: the last 30 days unless asked; a malformed date has
	 * its message from form_read already. */
	dates_ok = !hdf_get_value(r->hdf, "Form.from.Error", NULL) &&
		   !hdf_get_value(r->hdf, "Form.to.Error", NULL);
	tzpl_today(0, today);
	if (dates_ok && !v[F_TO]) {
		v[F_TO] = today;
		hdf_set_value(r->hdf, "Form.to", today);
	}
	if (dates_ok && !parse_day(v[F_TO], &f->p.to))
		return -1; /* checked by form_read, or today */
	if (dates_ok && !v[F_FROM]) {
		f->p.from = f->p.to - 29;
		hdf_set_value(r->hdf, "Form.from", day_text(f->p.from, text));
	} else if (dates_ok && !parse_day(v[F_FROM], &f->p.from))
		return -1;
	if (!choice(r, "by", req_query(r, "by"), by_names, BY_DAY, &by))
		bad++;
	if (!choice(r, "compare", req_query(r, "compare"), compare_names,
		    CMP_NONE, &cmp))
		bad++;
	f->by = (enum report_by)by;
	f->compare = (enum report_compare)cmp;
	for (size_t i = 0; i < nextra; i++)
		if (!choice(r, extra[i].name, req_query(r, extra[i].name),
			    extra[i].values, 0, extra[i].out))
			bad++;
	if (dates_ok && f->p.to < f->p.from) {
		view_field_error(r, "to", "report_order");
		bad++;
	} else if (dates_ok && !hdf_get_value(r->hdf, "Form.by.Error", NULL) &&
		   f->p.to - f->p.from + 1 > filter_max_days[f->by]) {
		char key[32];

		snprintf(key, sizeof(key), "report_range_%s", by_names[f->by]);
		view_field_error(r, "to", key);
		bad++;
	}
	rc = read_crossing(r, f, v[F_CROSSING]);
	if (rc < 0)
		return -1;
	if (rc == 403)
		return resp_error(r, 403, "report_scope") < 0 ? -1 : 403;
	if (rc == 422)
		bad++;
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	if (f->compare == CMP_YEAR) {
		f->cmp.from = year_before(f->p.from);
		f->cmp.to = year_before(f->p.to);
	} else if (f->compare == CMP_PREVIOUS) {
		f->cmp.to = f->p.from - 1;
		f->cmp.from = f->cmp.to - (f->p.to - f->p.from);
	}
	return 0;
}
