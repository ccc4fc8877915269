/* booking_today.c: a crossing's trucks today for the officers' start page:
 * waiting in the zone now, and still booked for the rest of the day */
#include "booking_int.h"

/* Waiting is any day's (a truck that arrived before midnight still waits
 * after it), the lane rows of ix_booking_lane_zone; the rest of the day
 * through ix_booking_crossing_day, those not yet at the crossing. */
static struct sql q_today = SQL(
	"SELECT (SELECT COUNT(*) FROM booking_lane WHERE crossing_id = ?"
	"  AND status IN ('arrived', 'called')) AS waiting,"
	" (SELECT COUNT(*) FROM booking b" BK_SQL_LANE
	" WHERE b.crossing_id = ?"
	"  AND b.day = ? AND b.hour >= ? AND b.status = 'booked'"
	"  AND l.booking_id IS NULL) AS booked");

int booking_today(long long crossing_id, const char *day, int hour,
		  long long *waiting, long long *booked)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_today, &row, "iisi", crossing_id, crossing_id,
			day, (long long)hour);

	if (rc == 1) {
		*waiting = row_int(&row, "waiting", 0);
		*booked = row_int(&row, "booked", 0);
	}
	arena_reset(&a);
	return rc < 0 ? -1 : 0;
}
