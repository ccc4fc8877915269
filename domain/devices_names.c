/* devices_names.c: events and device codes for other modules' lists (an
 * alert shows the event that raised it and its device) */
#include "devices.h"

#include "db_join.h"

static struct sql q_events = SQL(
	"SELECT e.id, e.kind AS ev_kind, e.raw, e.obj_key, e.country,"
	" e.image, DATE_FORMAT(e.t, '%Y-%m-%d %H:%i:%s') AS ev_t,"
	" d.code AS device"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN event e ON e.id = j.id LEFT JOIN device d ON d.id = e.device_id");
static struct sql q_codes = SQL(
	"SELECT d.id, d.code"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN device d ON d.id = j.id");

int devices_events_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_events, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}

int devices_codes_hdf(HDF *hdf, const char *prefix, const char *key,
		      const char *as)
{
	return db_join_hdf(&q_codes, hdf, prefix, key, as) < 0 ? -1 : 0;
}
