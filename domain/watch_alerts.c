/* watch_alerts.c: the officers' alert list, polled every second */
#include "watch.h"

#include "devices.h"

/* id > ? walks the primary key from the newest shown: a poll that finds
 * nothing reads no rows (and asks devices nothing). */
static struct sql q_alerts = SQL(
	"SELECT a.id, a.kind, a.crossing, a.lane, a.priority, a.confidence,"
	" a.booking_number,"
	" a.state, a.outcome, DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i:%s')"
	" AS created_at, a.event_id, a.device_id,"
	" w.subject, w.value AS entry_value, w.action"
	" FROM alert a LEFT JOIN watch_entry w ON w.id = a.entry_id"
	" WHERE a.id > ? AND FIND_IN_SET(a.crossing, ?)"
	" AND (? = '' OR a.state <> 'closed')"
	" ORDER BY a.id DESC LIMIT 100");

int watch_alerts_hdf(HDF *hdf, const char *prefix, long long after,
		     const char *scope, int open_only)
{
	int n = db_select_hdf(&q_alerts, hdf, prefix, "iss", after, scope,
			      open_only ? "1" : "");

	if (n <= 0)
		return n;
	/* The event's columns and its device; the alert's own device
	 * (device_down has no event) goes last, so it wins. */
	if (devices_events_hdf(hdf, prefix, "event_id") < 0 ||
	    devices_codes_hdf(hdf, prefix, "device_id", "device") < 0)
		return -1;
	return n;
}
