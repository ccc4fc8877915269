/* booking_upcoming.c: a person's bookings still to come, for the portal's
 * home page */
#include "booking.h"

#include "db.h"
#include "tzpl.h"

/* Made by the person (person_id), not yet served, cancelled or missed,
 * from today (the local day, as the slots keep it) on, soonest first. */
static struct sql q_upcoming = SQL(
	"SELECT number, crossing_id, day, hour, status, plate, company_name"
	" FROM booking WHERE person_id = ? AND day >= ?"
	" AND status IN ('booked', 'arrived', 'called')"
	" ORDER BY start_utc, id LIMIT ?");

int booking_upcoming_hdf(long long person_id, int limit, HDF *hdf,
			 const char *prefix)
{
	char today[11];

	tzpl_today(0, today);
	return db_select_hdf(&q_upcoming, hdf, prefix, "isi", person_id, today,
			     (long long)limit);
}
