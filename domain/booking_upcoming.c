/* booking_upcoming.c: a person's bookings still to come, for the portal's
 * home page */
#include "booking_int.h"

#include "db.h"
#include "tzpl.h"

/* Made by the person (person_id), not yet served, cancelled or missed,
 * from today (the local day, as the slots keep it) on, soonest first. */
static struct sql q_upcoming = SQL(
	"SELECT b.number, b.crossing_id, b.day, b.hour, " BK_SQL_STATE
	" AS status, b.plate, b.company_name FROM booking b" BK_SQL_LANE
	" WHERE b.person_id = ? AND b.day >= ? AND " BK_SQL_ACTIVE
	" ORDER BY b.start_utc, b.id LIMIT ?");

int booking_upcoming_hdf(long long person_id, int limit, HDF *hdf,
			 const char *prefix)
{
	char today[11];

	tzpl_today(0, today);
	return db_select_hdf(&q_upcoming, hdf, prefix, "isi", person_id, today,
			     (long long)limit);
}
