/* devices_auth.c: the device behind a signed request, by its code */
#include "devices.h"

static struct sql q_device = SQL(
	"SELECT d.id, d.code, d.crossing, d.lane, d.lane_kind, d.secret,"
	" d.down_alerted = 0 AND d.last_seen >="
	" UTC_TIMESTAMP(3) - INTERVAL 1 SECOND AS seen_now"
	" FROM device d WHERE d.code = ? AND d.disabled = 0");

int devices_by_code(struct arena *a, const char *code, struct row *row)
{
	return db_get(a, &q_device, row, "s", code);
}
