/* devices_recent.c: the register read back: the recent events carrying a
 * key (a newly approved watch-list entry is matched against them) and the
 * devices gone silent */
#include "devices.h"

static struct sql q_recent_fold = SQL(
	"SELECT id, crossing, lane, country, raw, obj_key,"
	" DATEDIFF(t, '1970-01-01') AS day FROM event"
	" WHERE obj_fold = ? AND kind = ? AND t >= UTC_TIMESTAMP() - INTERVAL ? HOUR"
	" ORDER BY id LIMIT 1000");
static struct sql q_recent_vin = SQL(
	"SELECT id, crossing, lane, country, vin AS raw, vin AS obj_key,"
	" DATEDIFF(t, '1970-01-01') AS day FROM event"
	" WHERE vin = ? AND t >= UTC_TIMESTAMP() - INTERVAL ? HOUR"
	" ORDER BY id LIMIT 1000");
static struct sql q_recent_person = SQL(
	"SELECT id, crossing, lane, country, person_key AS raw,"
	" person_key AS obj_key, DATEDIFF(t, '1970-01-01') AS day FROM event"
	" WHERE person_key = ? AND t >= UTC_TIMESTAMP() - INTERVAL ? HOUR"
	" ORDER BY id LIMIT 1000");
static struct sql q_silent = SQL(
	"SELECT d.id, d.crossing, d.lane FROM device d"
	" JOIN device_seen s ON s.device_id = d.id WHERE d.disabled = 0"
	" AND s.down_alerted = 0"
	" AND s.last_seen < UTC_TIMESTAMP(3) - INTERVAL d.heartbeat_seconds SECOND"
	" LIMIT 100");
/* The condition again: the worker whose UPDATE matches raises the alert. */
static struct sql q_mark_down = SQL(
	"UPDATE device_seen s JOIN device d ON d.id = s.device_id"
	" SET s.down_alerted = 1 WHERE s.device_id = ? AND s.down_alerted = 0"
	" AND s.last_seen < UTC_TIMESTAMP(3) - INTERVAL d.heartbeat_seconds SECOND");

int devices_recent_fold(const char *fold, const char *kind, long long hours,
			db_row_cb cb, void *ctx)
{
	return db_each(&q_recent_fold, cb, ctx, "ssi", fold, kind, hours);
}

int devices_recent_vin(const char *vin, long long hours, db_row_cb cb,
		       void *ctx)
{
	return db_each(&q_recent_vin, cb, ctx, "si", vin, hours);
}

int devices_recent_person(const char *person_key, long long hours, db_row_cb cb,
			  void *ctx)
{
	return db_each(&q_recent_person, cb, ctx, "si", person_key, hours);
}

int devices_silent_each(db_row_cb cb, void *ctx)
{
	return db_each(&q_silent, cb, ctx, "");
}

long long devices_mark_down(long long dev_id)
{
	return db_exec(&q_mark_down, "i", dev_id);
}
