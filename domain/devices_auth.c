/* devices_auth.c: the device behind a signed request, by its code */
#include "devices.h"

static struct sql q_device = SQL(
	"SELECT d.id, d.code, d.crossing, d.lane, d.lane_kind, d.secret,"
	" COALESCE(s.down_alerted = 0 AND s.last_seen >="
	" UTC_TIMESTAMP(3) - INTERVAL 1 SECOND, 0) AS seen_now"
	" FROM device d LEFT JOIN device_seen s ON s.device_id = d.id"
	" WHERE d.code = ? AND d.disabled = 0");

int devices_by_code(struct arena *a, const char *code, struct row *row)
{
	return db_get(a, &q_device, row, "s", code);
}
