/* devices_register.c: the lane devices of a scope with their status, and
 * registering a new one */
#include "devices.h"

static struct sql q_list = SQL(
	"SELECT d.id, d.code, d.crossing, d.lane, d.lane_kind, d.device_kind,"
	" d.heartbeat_seconds, d.disabled,"
	" DATE_FORMAT(s.last_seen, '%Y-%m-%d %H:%i:%s') AS last_seen,"
	" CASE WHEN s.last_seen IS NULL THEN 'never'"
	"  WHEN s.last_seen < UTC_TIMESTAMP(3) - INTERVAL d.heartbeat_seconds SECOND"
	"  THEN 'down' ELSE 'up' END AS status"
	" FROM device d LEFT JOIN device_seen s ON s.device_id = d.id"
	" WHERE FIND_IN_SET(d.crossing, ?) ORDER BY d.crossing, d.lane,"
	" d.code LIMIT 500");
static struct sql q_insert = SQL(
	"INSERT INTO device (code, crossing, lane, lane_kind, device_kind,"
	" secret, heartbeat_seconds, created_at, created_by)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), ?)");

int devices_list(HDF *hdf, const char *prefix, const char *scope)
{
	return db_select_hdf(&q_list, hdf, prefix, "s", scope);
}

/* The same test of down as q_list's status. */
static struct sql q_down = SQL(
	"SELECT d.crossing, COUNT(*) AS n FROM device d"
	" LEFT JOIN device_seen s ON s.device_id = d.id"
	" WHERE FIND_IN_SET(d.crossing, ?) AND d.disabled = 0"
	" AND (s.last_seen IS NULL"
	"  OR s.last_seen < UTC_TIMESTAMP(3) - INTERVAL d.heartbeat_seconds SECOND)"
	" GROUP BY d.crossing");

int devices_down_each(const char *scope, db_row_cb cb, void *ctx)
{
	return db_each(&q_down, cb, ctx, "s", scope);
}

long long devices_create(const char *code, const char *crossing,
			 const char *lane, const char *lane_kind,
			 const char *device_kind, const char *secret,
			 long long heartbeat, long long by)
{
	if (db_exec(&q_insert, "ssssssii", code, crossing, lane, lane_kind,
		    device_kind, secret, heartbeat, by) < 0)
		return db_duplicate() ? -2 : -1;
	return db_insert_id(&q_insert);
}
