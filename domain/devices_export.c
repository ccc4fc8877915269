/* devices_export.c: the objects the lanes read over a period, for the
 * analysts' export of a risk data set (docs/exchange.md) */
#include "devices.h"

/* From ix_event_crossing when crossings are named, else by time; objects
 * only (no weights, radiation, lane states or heartbeats). */
static struct sql q_export = SQL(
	"SELECT e.id, DATE_FORMAT(e.t, '%Y-%m-%d %H:%i:%s') AS t, e.crossing,"
	" e.lane, e.dir, e.kind, e.raw, e.obj_key, e.country, e.confidence,"
	" e.doubtful FROM event e"
	" WHERE e.t >= ? AND e.t < ?"
	" AND (? = '' OR FIND_IN_SET(e.crossing, ?))"
	" AND e.kind IN ('plate','container','wagon','document')"
	" AND (? = '' OR e.kind = ?)"
	" ORDER BY e.t, e.id LIMIT ?");

int devices_export_hdf(HDF *hdf, const char *prefix, const char *from,
		       const char *to, const char *crossings, const char *kind,
		       long long limit)
{
	const char *c = crossings ? crossings : "", *k = kind ? kind : "";

	return db_select_hdf(&q_export, hdf, prefix, "ssssssi", from, to, c, c,
			     k, k, limit);
}
