/* report_devices.c: the readers report.h declares for the device rollups
 * (0083): crossing by crossing, so each read stays on its (crossing,
 * day|hour) index */
#include "report_int.h"

#include <string.h>

static struct sql q_days = SQL_READ(
	"SELECT device_id, crossing, DATE_FORMAT(day, '%Y-%m-%d') AS day,"
	" SUM(events) AS events, SUM(doubtful) AS doubtful"
	" FROM report_device_day WHERE crossing = ? AND day >= ? AND day < ?"
	" GROUP BY device_id, crossing, day ORDER BY device_id, day");
/* Grouped by device and hour: a rollup row may be split by the writer
 * (i15-rollup's slot), so the minutes are OR-ed, not added. */
static struct sql q_hours = SQL_READ(
	"SELECT device_id, crossing,"
	" DATE_FORMAT(hour, '%Y-%m-%d %H:%i:%s') AS hour, SUM(events) AS events,"
	" SUM(doubtful) AS doubtful, CAST(BIT_OR(alive) AS CHAR) AS alive,"
	" BIT_COUNT(BIT_OR(alive)) AS up FROM report_device_hour"
	" WHERE crossing = ? AND hour >= ? AND hour < ?"
	" GROUP BY device_id, crossing, hour ORDER BY device_id, hour");

/* Runs q for each code of crossings (comma-separated). */
static int each_crossing(struct sql *q, const char *crossings, const char *from,
			 const char *to, db_row_cb cb, void *ctx)
{
	char code[16];

	while (crossings && *crossings) {
		size_t n = strcspn(crossings, ",");

		if (n > 0 && n < sizeof(code)) {
			memcpy(code, crossings, n);
			code[n] = '\0';
			if (db_each(q, cb, ctx, "sss", code, from, to) < 0)
				return -1;
		}
		crossings += n;
		if (*crossings == ',')
			crossings++;
	}
	return 0;
}

int report_device_days_each(const char *crossings, const char *from,
			    const char *to, db_row_cb cb, void *ctx)
{
	return each_crossing(&q_days, crossings, from, to, cb, ctx);
}

int report_device_hours_each(const char *crossings, const char *from,
			     const char *to, db_row_cb cb, void *ctx)
{
	return each_crossing(&q_hours, crossings, from, to, cb, ctx);
}
