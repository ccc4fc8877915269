/* ui-today.c: the start page's figures of the officer's unit for today:
 * trucks waiting and booked for the rest of the day, alerts open by
 * priority, control tasks open, devices down, registrations waiting; each
 * asked of its owner, each linking to its page when that opens. Drawn
 * alone (skr/today.cs) and kept for the unit, the language and the links
 * for Report.CacheSeconds (part.c): the page says as of when */
#include "skr.h"

#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "booking.h"
#include "conf.h"
#include "control.h"
#include "crossings.h"
#include "devices.h"
#include "log.h"
#include "registry.h"
#include "tzpl.h"
#include "util.h"
#include "watch.h"

#define TODAY "Today"
#define PRIORITIES 3 /* alert priorities 1 (high) .. 3 (low) */

struct today {
	struct req *r;
	long long alerts[PRIORITIES + 1];
};

/* The row of Today.Crossings with this code, or NULL (not in scope). */
static HDF *crossing_row(struct req *r, const char *code)
{
	HDF *n = hdf_get_obj(r->hdf, TODAY ".Crossings");

	for (n = n ? hdf_obj_child(n) : NULL; n; n = hdf_obj_next(n))
		if (!strcmp(hdf_get_value(n, "code", ""), code))
			return n;
	return NULL;
}

/* Adds n to the crossing's figure and to the unit's total. */
static void add(struct req *r, const char *code, const char *figure,
		long long n)
{
	HDF *row = crossing_row(r, code);
	char path[64];

	if (row)
		hdf_set_int_value(row, figure,
				  hdf_get_int_value(row, figure, 0) + (int)n);
	snprintf(path, sizeof(path), TODAY ".Total.%s", figure);
	hdf_set_int_value(r->hdf, path,
			  hdf_get_int_value(r->hdf, path, 0) + (int)n);
}

static int alert_cb(const struct row *row, void *ctx)
{
	struct today *t = ctx;
	long long p = row_int(row, "priority", 0), n = row_int(row, "n", 0);

	add(t->r, row_get(row, "crossing", ""), "alerts", n);
	if (p >= 1 && p <= PRIORITIES)
		t->alerts[p] += n;
	return 0;
}

static int task_cb(const struct row *row, void *ctx)
{
	struct today *t = ctx;

	add(t->r, row_get(row, "crossing", ""), "tasks", row_int(row, "n", 0));
	return 0;
}

static int down_cb(const struct row *row, void *ctx)
{
	struct today *t = ctx;

	add(t->r, row_get(row, "crossing", ""), "down", row_int(row, "n", 0));
	return 0;
}

/* Waiting and booked for the rest of today at each eBT crossing: one
 * indexed look-up per crossing (a unit runs a few). */
static int trucks(struct req *r, const char *day, int hour)
{
	HDF *n = hdf_get_obj(r->hdf, TODAY ".Crossings");

	for (n = n ? hdf_obj_child(n) : NULL; n; n = hdf_obj_next(n)) {
		long long waiting = 0, booked = 0;
		const char *code = hdf_get_value(n, "code", "");

		if (!hdf_get_int_value(n, "ebt", 0))
			continue;
		if (booking_today(atoll(hdf_get_value(n, "id", "0")), day, hour,
				  &waiting, &booked) < 0)
			return -1;
		add(r, code, "waiting", waiting);
		add(r, code, "booked", booked);
		/* Its day's page opens only to the branch running it. */
		if (hdf_get_int_value(n, "own", 0) &&
		    access_offers(r, "crossing"))
			hdf_set_valuef(n, "Href=/skr/ebt/%s",
				       hdf_get_value(n, "id", ""));
	}
	return 0;
}

/* The page each figure links to, when it opens to this officer: the
 * menu's own decision (domain/access.c). The bits of those that open: the
 * kept part's key, so that nobody is shown a link (or the registrations
 * figure) drawn for an officer of other rights. */
static unsigned links(struct req *r)
{
	static const struct {
		const char *id, *href;
	} l[] = {
		{ "crossing", "/skr/ebt/" },
		{ "alerts", "/skr/alerts" },
		{ "control", "/skr/control" },
		{ "devices", "/skr/devices" },
		{ "registrations", "/skr/ecustomer/queue" },
	};
	unsigned bits = 0;

	for (size_t i = 0; i < sizeof(l) / sizeof(l[0]); i++)
		if (access_offers(r, l[i].id)) {
			hdf_set_valuef(r->hdf, TODAY ".Link.%s=%s", l[i].id,
				       l[i].href);
			bits |= 1u << i;
		}
	return bits;
}

int today_crossings(struct req *r)
{
	const char *scope;

	if (hdf_get_int_value(r->hdf, TODAY ".Scoped", 0))
		return 0;
	scope = crossings_subtree_codes(&r->arena, r->sess.unit_id);
	if (!scope ||
	    (*scope && crossings_of_codes_hdf(scope, r->lang, r->sess.unit_id,
					      r->hdf, TODAY ".Crossings") < 0))
		return -1;
	hdf_set_value(r->hdf, TODAY ".Scope", scope);
	hdf_set_value(r->hdf, TODAY ".Scoped", "1");
	return 0;
}

int today_hdf(struct req *r)
{
	struct today t = { r, { 0 } };
	struct tzpl_tm now;
	char day[11];
	const char *scope;

	if (today_crossings(r) < 0)
		return -1;
	scope = hdf_get_value(r->hdf, TODAY ".Scope", "");
	tzpl_from_utc(now_unix(), &now);
	snprintf(day, sizeof(day), "%04d-%02d-%02d", now.year, now.mon,
		 now.day);
	hdf_set_value(r->hdf, TODAY ".Day", day);
	hdf_set_valuef(r->hdf, TODAY ".Time=%02d:%02d", now.hour, now.min);
	hdf_set_int_value(r->hdf, TODAY ".Seconds",
			  conf_int("Report.CacheSeconds", 30));
	/* Every figure is there, 0 included: an empty cell would say
	 * "unknown". */
	hdf_set_value(r->hdf, TODAY ".Total.waiting", "0");
	hdf_set_value(r->hdf, TODAY ".Total.booked", "0");
	hdf_set_value(r->hdf, TODAY ".Total.alerts", "0");
	hdf_set_value(r->hdf, TODAY ".Total.tasks", "0");
	hdf_set_value(r->hdf, TODAY ".Total.down", "0");
	if (*scope && (trucks(r, day, now.hour) < 0 ||
		       watch_open_each(scope, alert_cb, &t) < 0 ||
		       control_open_each(scope, task_cb, &t) < 0 ||
		       devices_down_each(scope, down_cb, &t) < 0))
		return -1;
	for (int p = 1; p <= PRIORITIES; p++) {
		hdf_set_valuef(r->hdf, TODAY ".Alerts.%d.priority=%d", p - 1,
			       p);
		hdf_set_valuef(r->hdf, TODAY ".Alerts.%d.n=%lld", p - 1,
			       t.alerts[p]);
	}
	/* Counted only for those whom the queue opens (since issue 18 the
	 * one-stop-shop's): a figure nobody here can act on is noise. */
	if (hdf_get_obj(r->hdf, TODAY ".Link.registrations")) {
		long long n = registry_stats_waiting(r->sess.unit_id);

		if (n < 0)
			return -1;
		hdf_set_valuef(r->hdf, TODAY ".Total.registrations=%lld", n);
	}
	return 0;
}

int today_part(struct req *r)
{
	/* Links first: their bits are part of the key, and the figures'
	 * reads (on a miss) look at them. */
	unsigned bits = links(r);

	return part_kept(r,
			 arena_printf(&r->arena,
				      "skr-today|%s|unit=%lld;links=%u",
				      r->lang, r->sess.unit_id, bits),
			 "skr/today.cs", today_hdf, "today");
}
