/* fleet_due.c: when a vehicle's document falls due -- pure arithmetic on
 * Warsaw day numbers, no database (tests/unit/test-fleet-due.c) */
#include "fleet_docs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "valid.h"

/* H. Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, leap years included, without a table. */
long fleet_day(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void fleet_day_civil(long n, int *y, int *m, int *d)
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

int fleet_day_parse(const char *s, long *n)
{
	int y, m, d;

	if (!s || !valid_date(s, &y, &m, &d))
		return -1;
	*n = fleet_day(y, m, d);
	return 0;
}

char *fleet_day_text(long n, char out[11])
{
	int y, m, d;

	fleet_day_civil(n, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return out;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

long fleet_day_add_months(long day, int months)
{
	int y, m, d, last;
	long k;

	fleet_day_civil(day, &y, &m, &d);
	k = (long)y * 12 + (m - 1) + months;
	y = (int)(k / 12);
	m = (int)(k % 12) + 1;
	last = month_days(y, m);
	return fleet_day(y, m, d > last ? last : d);
}

/* The first day after `after` that is month-day md (month*100+day); a
 * 29 February rule falls on the 28th in other years. */
static long next_md(long after, int md)
{
	int y, m, d, mm = md / 100, dd = md % 100;
	long n;

	fleet_day_civil(after, &y, &m, &d);
	for (;; y++) {
		int last = month_days(y, mm);

		n = fleet_day(y, mm, dd > last ? last : dd);
		if (n > after)
			return n;
	}
}

static enum fleet_due_state state_of_days(long left, int soon)
{
	if (left < 0)
		return FLEET_DUE_OVERDUE;
	return left <= soon ? FLEET_DUE_SOON : FLEET_DUE_OK;
}

void fleet_due_of(const struct fleet_terms *t, const struct fleet_rules *rules,
		  long today, long long odometer, struct fleet_due *out)
{
	enum fleet_due_state by_day = FLEET_DUE_NONE, by_km = FLEET_DUE_NONE;

	memset(out, 0, sizeof(*out));
	out->day = -1;
	out->km = -1;
	switch (t->kind) {
	case FLEET_DOC_SERVICE:
		if (t->done_on >= 0 && t->every_months > 0)
			out->day = fleet_day_add_months(t->done_on,
							t->every_months);
		if (t->done_km >= 0 && t->every_km > 0)
			out->km = t->done_km + t->every_km;
		break;
	case FLEET_DOC_TYRES:
		if (t->done_on >= 0 && t->season == FLEET_SEASON_WINTER)
			out->day = next_md(t->done_on, rules->summer_by);
		else if (t->done_on >= 0 && t->season == FLEET_SEASON_SUMMER)
			out->day = next_md(t->done_on, rules->winter_by);
		break;
	default:
		out->day = t->valid_until;
	}
	if (out->day >= 0) {
		out->days_left = out->day - today;
		by_day = state_of_days(out->days_left, rules->soon_days);
	}
	if (out->km >= 0) {
		out->km_left = out->km - odometer;
		by_km = out->km_left < 0		 ? FLEET_DUE_OVERDUE
			: out->km_left <= rules->soon_km ? FLEET_DUE_SOON
							 : FLEET_DUE_OK;
	}
	out->by_km = by_km > by_day;
	out->state = out->by_km ? by_km : by_day;
}

int fleet_remind_stage(const struct fleet_due *d, const int *days, int ndays)
{
	int i, best = FLEET_STAGE_NONE;

	if (d->state == FLEET_DUE_OVERDUE)
		return FLEET_STAGE_OVERDUE;
	if (d->day < 0 || d->days_left < 0)
		return FLEET_STAGE_NONE;
	for (i = 0; i < ndays; i++)
		if (d->days_left <= days[i] &&
		    (best == FLEET_STAGE_NONE || days[i] < best))
			best = days[i];
	return best;
}

int fleet_remind_days(const char *list, int *days, int max)
{
	int n = 0;
	const char *s = list ? list : "";

	while (*s && n < max) {
		char *end;
		long v = strtol(s, &end, 10);

		if (end == s)
			break;
		if (v >= 0 && v <= 366)
			days[n++] = (int)v;
		s = end;
		while (*s == ',' || *s == ' ')
			s++;
	}
	if (!n)
		days[n++] = 14;
	return n;
}
