/* ui-alerts.c: the officers' alert list, newest first, and the feed its
 * script polls every second for rows newer than the newest it shows */
#include "ingest.h"

#include <string.h>

#include "db.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

/* id > ? walks the primary key from the newest shown: a poll that finds
 * nothing reads no rows. The crossings are the officer's scope. */
static struct sql q_alerts = SQL(
	"SELECT a.id, a.kind, a.crossing, a.lane, a.priority, a.confidence,"
	" a.booking_number,"
	" a.state, a.outcome, DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i:%s')"
	" AS created_at, e.kind AS ev_kind, e.raw, e.obj_key, e.country,"
	" e.image, DATE_FORMAT(e.t, '%Y-%m-%d %H:%i:%s') AS ev_t,"
	" w.subject, w.value AS entry_value, w.action, d.code AS device"
	" FROM alert a LEFT JOIN event e ON e.id = a.event_id"
	" LEFT JOIN watch_entry w ON w.id = a.entry_id"
	" LEFT JOIN device d ON d.id = COALESCE(a.device_id, e.device_id)"
	" WHERE a.id > ? AND FIND_IN_SET(a.crossing, ?)"
	" AND (? = '' OR a.state <> 'closed')"
	" ORDER BY a.id DESC LIMIT 100");

static int list(struct req *r, long long after)
{
	const char *scope = scope_crossings(r);
	const char *open = req_query(r, "open");
	int n;

	if (!scope)
		return -1;
	watch_devices_down();
	n = db_select_hdf(&q_alerts, r->hdf, "Alerts", "iss", after, scope,
			  open && strcmp(open, "1") == 0 ? "1" : "");
	if (n < 0)
		return -1;
	hdf_set_value(r->hdf, "Scope", scope);
	if (n > 0)
		hdf_set_value(r->hdf, "Newest",
			      hdf_get_value(r->hdf, "Alerts.0.id", "0"));
	else
		hdf_set_valuef(r->hdf, "Newest=%lld", after);
	return n;
}

int alerts_fn(struct req *r)
{
	if (list(r, 0) < 0)
		return -1;
	return view_render(r, 200, "ingest/alerts.cs");
}

/* The rows newer than ?after, as the list's own markup (escaped by the
 * template): the script inserts them above the others. */
int alerts_feed_fn(struct req *r)
{
	const char *after = req_query(r, "after");
	long long a = after && *after ? valid_id(after) : 0;

	if (after && *after && strcmp(after, "0") && a <= 0)
		return resp_error(r, 400, "invalid");
	if (list(r, a) < 0)
		return -1;
	resp_header(r, "Cache-Control", "no-store");
	return view_render(r, 200, "ingest/alerts-rows.cs");
}
