/* devices_facts.c: what the register tells a risk rule about an object
 * (sightings, first sighting, crossings within hours) */
#include "devices.h"

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
