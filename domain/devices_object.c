/* devices_object.c: the register of what crossed: one object's summary,
 * its events and the lookalike reads of it */
#include "devices.h"

static struct sql q_summary = SQL(
	"SELECT kind, obj_key, COUNT(*) AS n,"
	" DATE_FORMAT(MIN(t), '%Y-%m-%d %H:%i:%s') AS first,"
	" DATE_FORMAT(MAX(t), '%Y-%m-%d %H:%i:%s') AS last,"
	" GROUP_CONCAT(DISTINCT crossing ORDER BY crossing) AS crossings,"
	" MAX(doubtful) AS doubtful"
	" FROM event WHERE obj_key = ? AND kind = ? GROUP BY kind, obj_key");
static struct sql q_history = SQL(
	"SELECT e.id, DATE_FORMAT(e.t, '%Y-%m-%d %H:%i:%s') AS t, e.crossing,"
	" e.lane, e.dir, e.raw, e.country, e.confidence, e.image, e.doubtful,"
	" e.person_name, d.code AS device, d.lane_kind"
	" FROM event e JOIN device d ON d.id = e.device_id"
	" WHERE e.obj_key = ? AND e.kind = ? ORDER BY e.t DESC LIMIT 200");
/* Reads that differ only by O/0, I/1, B/8: the same object misread. */
static struct sql q_alike = SQL(
	"SELECT obj_key, COUNT(*) AS n FROM event"
	" WHERE obj_fold = ? AND kind = ? AND obj_key <> ?"
	" GROUP BY obj_key ORDER BY n DESC LIMIT 20");

int devices_object_hdf(HDF *hdf, const char *key, const char *fold,
		       const char *kind)
{
	if (db_select_hdf(&q_summary, hdf, "Object", "ss", key, kind) < 0 ||
	    db_select_hdf(&q_history, hdf, "History", "ss", key, kind) < 0 ||
	    db_select_hdf(&q_alike, hdf, "Alike", "sss", fold, kind, key) < 0)
		return -1;
	return 0;
}
