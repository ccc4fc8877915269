/* booking_capacity.c: capacity used per hour for the eBT report, read
 * from the slots (uq_slot's crossing, day, hour: a period's rows only) */
#include "booking_int.h"

static struct sql q_capacity = SQL(
	"SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, hour, capacity, booked,"
	" closed FROM slot WHERE crossing_id = ? AND day >= ? AND day < ?"
	" ORDER BY day, hour");

int booking_capacity_each(long long crossing_id, const char *from,
			  const char *to, db_row_cb cb, void *ctx)
{
	return db_each(&q_capacity, cb, ctx, "iss", crossing_id, from, to);
}
