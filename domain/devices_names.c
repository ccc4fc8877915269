/* devices_names.c: events and device codes for other modules' lists (an
 * alert shows the event that raised it and its device) */
#include "devices.h"

#include "db_join.h"

static struct sql q_events = SQL(
	"SELECT e.id, e.kind AS ev_kind, e.raw, e.obj_key, e.country,"
	" e.image, DATE_FORMAT(e.t, '%Y-%m-%d %H:%i:%s') AS ev_t,"
	" d.code AS device, d.lane_kind"
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

static struct sql q_heartbeats = SQL(
	"SELECT d.id, d.heartbeat_seconds"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN device d ON d.id = j.id");

int devices_heartbeats_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_heartbeats, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}

static struct sql q_event = SQL(
	"SELECT e.kind AS ev_kind, e.raw, e.obj_key, e.country, e.image,"
	" e.vin, e.doubtful, e.confidence AS read_confidence, e.person_name,"
	" DATE_FORMAT(e.t, '%Y-%m-%d %H:%i:%s') AS ev_t, d.code AS device,"
	" d.lane_kind, e.crossing AS ev_crossing, e.dir AS ev_dir"
	" FROM event e LEFT JOIN device d ON d.id = e.device_id"
	" WHERE e.id = ?");
static struct sql q_code = SQL("SELECT code FROM device WHERE id = ?");

int devices_event_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_event, row, "i", id);
}

const char *devices_code(struct arena *a, long long id)
{
	struct row row;

	if (id <= 0 || db_get(a, &q_code, &row, "i", id) != 1)
		return NULL;
	return row_get(&row, "code", NULL);
}
