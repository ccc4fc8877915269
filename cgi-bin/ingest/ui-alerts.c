/* ui-alerts.c: the officers' alert list, newest first, and the feed its
 * script polls every second for rows newer than the newest it shows */
#include "ingest.h"

#include <string.h>

#include "access.h"
#include "crossings.h"
#include "devices.h"
#include "resp.h"
#include "risk.h"
#include "valid.h"
#include "view.h"
#include "watch.h"

/* A row links its picture only when the store serves it: a link never
 * leads to a 404. */
static int images(struct req *r)
{
	const char *ct;
	HDF *h;

	for (h = hdf_get_child(r->hdf, "Alerts"); h; h = hdf_obj_next(h)) {
		int rc;

		if (!hdf_get_value(h, "image", NULL))
			continue;
		rc = devices_image_read(hdf_get_value(h, "device", ""),
					hdf_get_value(h, "image", ""), NULL,
					&ct);
		if (rc < 0)
			return -1;
		hdf_set_int_value(h, "image_ok", rc);
	}
	return 0;
}

static int list(struct req *r, long long after)
{
	const char *scope = scope_crossings(r);
	const char *open = req_query(r, "open");
	int n;

	if (!scope)
		return -1;
	watch_devices_down();
	n = watch_alerts_hdf(r->hdf, "Alerts", after, scope,
			     open && strcmp(open, "1") == 0);
	/* The feed's rows name their crossings too (alerts_fn asks for the
	 * names of the whole page once more: a handful of rows). */
	if (n < 0 ||
	    (n > 0 &&
	     (risk_decisions_of_events_hdf(r->hdf, "Alerts", "event_id") < 0 ||
	      images(r) < 0 ||
	      crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)))
		return -1;
	/* The event's control decision, in words; its page explains it. */
	if (r->sess.roles & ACC_DECISION)
		hdf_set_value(r->hdf, "Risk.DecisionLink", "1");
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
	if (list(r, 0) < 0 ||
	    crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)
		return -1;
	scope_codes_hdf(r->hdf, "ScopeList",
			hdf_get_value(r->hdf, "Scope", ""));
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
