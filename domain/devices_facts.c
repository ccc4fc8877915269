/* devices_facts.c: what the register tells a risk rule about an object
 * (sightings, first sighting, crossings within hours) and what the
 * lane's scale and radiation portal read around an event */
#include "devices.h"

#include <stdlib.h>
#include <string.h>

/* ix_event_obj (obj_key, t) finds the object's recent rows; the event
 * being decided (except_id) is not one of its earlier sightings. */
static struct sql q_sightings = SQL(
	"SELECT COUNT(*) AS n FROM event WHERE obj_key = ? AND kind = ?"
	" AND t >= UTC_TIMESTAMP(3) - INTERVAL ? HOUR AND id <> ?");
static struct sql q_seen_before = SQL(
	"SELECT EXISTS (SELECT 1 FROM event WHERE obj_key = ? AND kind = ?"
	" AND id <> ?) AS n");
static struct sql q_crossings = SQL(
	"SELECT COUNT(DISTINCT crossing) AS n FROM event WHERE obj_key = ?"
	" AND kind = ? AND t >= UTC_TIMESTAMP(3) - INTERVAL ? HOUR");

static long long count(struct sql *q, const char *fmt, const char *key,
		       const char *kind, long long a, long long b)
{
	struct arena ar = { 0 };
	struct row row;
	long long n = -1;
	int rc = fmt[3] ? db_get(&ar, q, &row, fmt, key, kind, a, b)
			: db_get(&ar, q, &row, fmt, key, kind, a);

	if (rc == 1)
		n = row_int(&row, "n", 0);
	arena_reset(&ar);
	return n;
}

long long devices_sightings(const char *kind, const char *key,
			    long long except_id, long long hours)
{
	return count(&q_sightings, "ssii", key, kind, hours, except_id);
}

int devices_seen_before(const char *kind, const char *key, long long except_id)
{
	return (int)count(&q_seen_before, "ssi", key, kind, except_id, 0);
}

long long devices_crossings_within(const char *kind, const char *key,
				   long long hours)
{
	return count(&q_crossings, "ssi", key, kind, hours, 0);
}

/* The lane's other devices around the event being decided, by
 * ix_event_crossing (crossing, t): the scale's reading nearest in time,
 * the radiation portal's highest level and any alarm. An event of
 * another request is there only once committed; weight and radiation
 * events identify nothing, so the event itself is never one of them. */
static struct sql q_readings = SQL(
	"SELECT (SELECT w.num_value FROM event w WHERE w.crossing = e.crossing"
	"  AND w.t BETWEEN e.t - INTERVAL ? SECOND AND e.t + INTERVAL ? SECOND"
	"  AND w.lane = e.lane AND w.kind = 'weight'"
	"  ORDER BY ABS(TIMESTAMPDIFF(MICROSECOND, w.t, e.t)) LIMIT 1) AS kg,"
	" (SELECT MAX(r.num_value) FROM event r WHERE r.crossing = e.crossing"
	"  AND r.t BETWEEN e.t - INTERVAL ? SECOND AND e.t + INTERVAL ? SECOND"
	"  AND r.lane = e.lane AND r.kind = 'radiation') AS level,"
	" (SELECT MAX(r.alarm) FROM event r WHERE r.crossing = e.crossing"
	"  AND r.t BETWEEN e.t - INTERVAL ? SECOND AND e.t + INTERVAL ? SECOND"
	"  AND r.lane = e.lane AND r.kind = 'radiation') AS alarm"
	" FROM event e WHERE e.id = ?");

int devices_lane_readings(long long event_id, struct devices_readings *out)
{
	struct arena ar = { 0 };
	const long long w = DEVICES_READING_SECONDS;
	struct row row;
	const char *v;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_get(&ar, &q_readings, &row, "iiiiiii", w, w, w, w, w, w,
		    event_id);
	if (rc == 1) {
		if ((v = row_get(&row, "kg", NULL))) {
			out->has_weight = 1;
			out->weight = strtod(v, NULL);
		}
		if ((v = row_get(&row, "level", NULL))) {
			out->has_radiation = 1;
			out->radiation = strtod(v, NULL);
		}
		if ((v = row_get(&row, "alarm", NULL))) {
			out->has_alarm = 1;
			out->alarm = atoi(v) != 0;
		}
	}
	arena_reset(&ar);
	return rc < 0 ? -1 : 0;
}
