/* report_traffic.c: the traffic report's readers over the rollups (never
 * the raw event table): rows by hour, day or month, plate countries, the
 * busy hours (report.h) */
#include "report.h"

#include <string.h>

/* One statement per crossing: the primary keys start with the crossing,
 * so each reads a range of the key. FIND_IN_SET over a list of codes
 * would read every row of the table instead, and a report's cost would
 * grow with years of rollups. */
static struct sql q_traffic[REPORT__GRAIN] = {
	/* REPORT_HOUR */
	SQL_READ(
		"SELECT crossing, DATE_FORMAT(hour, '%Y-%m-%d %H:%i:%s'),"
		" lane_kind, dir, kind, events, objects, foreign_plates, doubtful"
		" FROM report_traffic_hour"
		" WHERE crossing = ? AND hour >= ? AND hour < ?"),
	/* REPORT_DAY */
	SQL_READ(
		"SELECT crossing, DATE_FORMAT(day, '%Y-%m-%d'),"
		" lane_kind, dir, kind, events, objects, foreign_plates, doubtful"
		" FROM report_traffic_day"
		" WHERE crossing = ? AND day >= ? AND day < ?"),
	/* REPORT_MONTH */
	SQL_READ(
		"SELECT crossing, DATE_FORMAT(month, '%Y-%m-%d'),"
		" lane_kind, dir, kind, events, objects, foreign_plates, doubtful"
		" FROM report_traffic_month"
		" WHERE crossing = ? AND month >= ? AND month < ?"),
};

static struct sql q_countries = SQL_READ(
	"SELECT country, SUM(plates) FROM report_plate_country_day"
	" WHERE crossing = ? AND day >= ? AND day < ? GROUP BY country");

static struct sql q_busy = SQL_READ(
	"SELECT weekday, hour, SUM(events), SUM(objects)"
	" FROM report_busy_hour"
	" WHERE crossing = ? AND month >= ? AND month < ?"
	" GROUP BY weekday, hour");

/* q for each code of the comma-separated list: 0, or the first failure
 * (-1) or cb's stop. */
static int each_crossing(struct sql *q, const char *crossings, const char *from,
			 const char *to, db_row_cb cb, void *ctx)
{
	const char *p = crossings;

	while (p && *p) {
		size_t n = strcspn(p, ",");
		char code[16];
		int rc;

		if (n > 0 && n < sizeof(code)) {
			memcpy(code, p, n);
			code[n] = '\0';
			rc = db_each(q, cb, ctx, "sss", code, from, to);
			if (rc < 0)
				return -1;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

int report_traffic_each(enum report_grain g, const char *crossings,
			const char *from, const char *to, db_row_cb cb,
			void *ctx)
{
	if ((unsigned)g >= REPORT__GRAIN)
		return -1;
	return each_crossing(&q_traffic[g], crossings, from, to, cb, ctx);
}

int report_countries_each(const char *crossings, const char *from,
			  const char *to, db_row_cb cb, void *ctx)
{
	return each_crossing(&q_countries, crossings, from, to, cb, ctx);
}

int report_busy_each(const char *crossings, const char *from, const char *to,
		     db_row_cb cb, void *ctx)
{
	return each_crossing(&q_busy, crossings, from, to, cb, ctx);
}
