/* bucket.c: a report's period cut into hours, days, weeks or months, and
 * which bucket a rollup row falls in */
#include "report_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tzpl.h"

static long long utc_of_day(long n)
{
	int y, m, d;

	day_civil(n, &y, &m, &d);
	/* Midnight is never the hour DST skips (02:00 in spring). */
	return tzpl_to_utc(y, m, d, 0);
}

static long month_of_day(long n)
{
	int y, m, d;

	day_civil(n, &y, &m, &d);
	return y * 12L + m - 1;
}

/* The Monday of day n's week (1970-01-01 was a Thursday). */
static long monday_of(long n)
{
	long wd = ((n % 7) + 7 + 3) % 7; /* 0 Monday .. 6 Sunday */

	return n - wd;
}

int buckets_make(struct arena *a, enum report_by by, const struct period *p,
		 struct buckets *b)
{
	long long t;
	size_t i;

	b->by = by;
	switch (by) {
	case BY_HOUR:
		b->start = utc_of_day(p->from);
		b->n = (size_t)((utc_of_day(p->to + 1) - b->start) / 3600);
		break;
	case BY_DAY:
		b->start = p->from;
		b->n = (size_t)(p->to - p->from + 1);
		break;
	case BY_WEEK:
		b->start = monday_of(p->from);
		b->n = (size_t)((p->to - b->start) / 7 + 1);
		break;
	case BY_MONTH:
		b->start = month_of_day(p->from);
		b->n = (size_t)(month_of_day(p->to) - b->start + 1);
		break;
	default:
		return -1;
	}
	b->label = arena_alloc(a, b->n * sizeof(*b->label) + 1);
	b->cat = arena_alloc(a, (b->n + 1) * sizeof(*b->cat));
	if (!b->label || !b->cat)
		return -1;
	for (i = 0; i < b->n; i++) {
		b->cat[i] = b->label[i];
		switch (by) {
		case BY_HOUR: /* the local hour, as people read it */
			t = b->start + (long long)i * 3600;
			tzpl_text(t, b->label[i]);
			memcpy(b->label[i] + 14, "00", 3);
			break;
		case BY_DAY:
			day_text(p->from + (long)i, b->label[i]);
			break;
		case BY_WEEK: /* the week's Monday */
			day_text((long)b->start + 7 * (long)i, b->label[i]);
			break;
		default:
			snprintf(b->label[i], sizeof(b->label[i]), "%04u-%02u",
				 (unsigned)((b->start + (long)i) / 12) % 10000u,
				 (unsigned)((b->start + (long)i) % 12 + 1));
		}
	}
	return 0;
}

long buckets_index(const struct buckets *b, const char *bucket)
{
	int y, m, d, h = 0;
	long long k;

	if (!bucket || sscanf(bucket, "%d-%d-%d %d", &y, &m, &d, &h) < 3)
		return -1;
	switch (b->by) {
	case BY_HOUR: {
		long long t = (long long)day_number(y, m, d) * 86400 +
			      h * 3600LL;

		k = (t - b->start) / 3600;
		if (t < b->start)
			return -1;
		break;
	}
	case BY_DAY:
		k = day_number(y, m, d) - b->start;
		break;
	case BY_WEEK:
		k = day_number(y, m, d) - b->start;
		if (k < 0)
			return -1;
		k /= 7;
		break;
	default:
		k = y * 12LL + m - 1 - b->start;
	}
	return k >= 0 && (size_t)k < b->n ? (long)k : -1;
}

static long first_of_month(long n)
{
	int y, m, d;

	day_civil(n, &y, &m, &d);
	return day_number(y, m, 1);
}

static long next_month(long n)
{
	int y, m, d;

	day_civil(n, &y, &m, &d);
	return m == 12 ? day_number(y + 1, 1, 1) : day_number(y, m + 1, 1);
}

static int days(enum report_grain g, long from, long to, const char *crossings,
		db_row_cb cb, void *ctx)
{
	char a[11], z[11];

	if (from >= to)
		return 0;
	return report_traffic_each(g, crossings, day_text(from, a),
				   day_text(to, z), cb, ctx);
}

int buckets_traffic_each(const struct buckets *b, const struct period *p,
			 const char *crossings, db_row_cb cb, void *ctx)
{
	long end = p->to + 1, m1, m2;

	if (b->by == BY_HOUR) {
		char a[20], z[20];
		long long t0 = utc_of_day(p->from), t1 = utc_of_day(end);
		time_t ta = (time_t)t0, tz = (time_t)t1;
		struct tm ua, uz;

		gmtime_r(&ta, &ua);
		gmtime_r(&tz, &uz);
		strftime(a, sizeof(a), "%Y-%m-%d %H:%M:%S", &ua);
		strftime(z, sizeof(z), "%Y-%m-%d %H:%M:%S", &uz);
		return report_traffic_each(REPORT_HOUR, crossings, a, z, cb,
					   ctx);
	}
	if (b->by != BY_MONTH)
		return days(REPORT_DAY, p->from, end, crossings, cb, ctx);
	/* Whole months from the month rows; the days before the first and
	 * after the last whole month from the day rows. */
	m1 = first_of_month(p->from) == p->from ? p->from : next_month(p->from);
	m2 = first_of_month(end);
	if (m1 >= m2)
		return days(REPORT_DAY, p->from, end, crossings, cb, ctx);
	if (days(REPORT_DAY, p->from, m1, crossings, cb, ctx) < 0 ||
	    days(REPORT_MONTH, m1, m2, crossings, cb, ctx) < 0 ||
	    days(REPORT_DAY, m2, end, crossings, cb, ctx) < 0)
		return -1;
	return 0;
}
