/* tzpl.c: Polish civil time by the EU summer-time rule; pure functions
 * (but today's date, read from the clock), so every worker and every test
 * agrees without TZ or tzset() */
#include "tzpl.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's
 * days_from_civil). */
static long long days_from_civil(int y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int tzpl_dow(int y, int m, int d)
{
	/* 1970-01-01 was a Thursday (4). */
	long long z = days_from_civil(y, m, d);
	int w = (int)(((z % 7) + 7 + 3) % 7);

	return w + 1;
}

/* UTC seconds of the last Sunday of month m in year y, 01:00 UTC. */
static long long last_sunday_0100(int y, int m)
{
	long long z = days_from_civil(y, m + 1, 1) - 1; /* last day */
	int y2, m2, d2, w;

	civil_from_days(z, &y2, &m2, &d2);
	w = tzpl_dow(y2, m2, d2);
	z -= w % 7; /* Sunday is 7: back 0 days */
	return z * 86400 + 3600;
}

static int is_summer(long long t)
{
	int y, m, d;

	civil_from_days(t >= 0 ? t / 86400 : (t - 86399) / 86400, &y, &m, &d);
	return t >= last_sunday_0100(y, 3) && t < last_sunday_0100(y, 10);
}

long long tzpl_to_utc(int y, int m, int d, int h)
{
	long long local = days_from_civil(y, m, d) * 86400 + h * 3600LL;

	if (is_summer(local - 7200))
		return local - 7200;
	if (!is_summer(local - 3600))
		return local - 3600;
	return -1;
}

int tzpl_from_utc(long long t, struct tzpl_tm *out)
{
	int off = is_summer(t) ? 2 : 1;
	long long local = t + off * 3600LL, z, s;

	z = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	s = local - z * 86400;
	civil_from_days(z, &out->year, &out->mon, &out->day);
	out->hour = (int)(s / 3600);
	out->min = (int)(s / 60 % 60);
	out->sec = (int)(s % 60);
	out->wday = tzpl_dow(out->year, out->mon, out->day);
	return off;
}

void tzpl_day(long long t, int plus_days, char out[11])
{
	struct tzpl_tm tm;
	int y, m, d;

	tzpl_from_utc(t, &tm);
	civil_from_days(days_from_civil(tm.year, tm.mon, tm.day) + plus_days,
			&y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

void tzpl_day_utc(long long t, char out[11])
{
	int y, m, d;

	civil_from_days(t >= 0 ? t / 86400 : (t - 86399) / 86400, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

void tzpl_today(int plus_days, char out[11])
{
	tzpl_day(now_unix(), plus_days, out);
}

void tzpl_today_utc(char out[11])
{
	tzpl_day_utc(now_unix(), out);
}

void tzpl_text(long long t, char out[17])
{
	struct tzpl_tm tm;
	char buf[64]; /* what the compiler counts for five ints */

	tzpl_from_utc(t, &tm);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d", tm.year, tm.mon,
		 tm.day, tm.hour, tm.min);
	memcpy(out, buf, 16);
	out[16] = '\0';
}
