/* booking_occupancy.c: a crossing's occupancy per day and hour (places
 * taken; booked, arrived, served, no-show, walk-ins, cancelled), for the
 * officers' page and its CSV */
#include "booking_int.h"

/* One pass over ix_booking_crossing_day for the day. */
static struct sql q_occ = SQL(
	"SELECT s.hour, s.capacity, s.booked AS taken,"
	" COALESCE(SUM(" BK_SQL_STATE " = 'booked'), 0) AS booked,"
	" COALESCE(SUM(l.status IN ('arrived', 'called')), 0) AS arrived,"
	" COALESCE(SUM(l.status = 'served'), 0) AS served,"
	" COALESCE(SUM(l.status = 'no_show'), 0) AS no_show,"
	" COALESCE(SUM(b.walk_in = 1), 0) AS walk_in,"
	" COALESCE(SUM(" BK_SQL_STATE " = 'cancelled'), 0) AS cancelled"
	" FROM slot s LEFT JOIN booking b ON b.slot_id = s.id" BK_SQL_LANE
	" WHERE s.crossing_id = ? AND s.day = ? AND s.capacity > 0"
	" GROUP BY s.id, s.hour, s.capacity, s.booked ORDER BY s.hour");

int booking_occupancy_hdf(long long crossing_id, const char *day, HDF *hdf,
			  const char *prefix)
{
	return db_select_hdf(&q_occ, hdf, prefix, "is", crossing_id, day);
}

int booking_occupancy_each(long long crossing_id, const char *day, db_row_cb cb,
			   void *ctx)
{
	return db_each(&q_occ, cb, ctx, "is", crossing_id, day) < 0 ? -1 : 0;
}
