/* tick.c: the ingest program's background process (lib/server's ticker,
 * every Services.ingest.TickSeconds, default 1 s): the lone events'
 * rollup rows waiting in report_pending (each tick), the event table's
 * monthly partitions (once an hour), on a crossing node the watch-list
 * entries that arrived from the centre (watch.c: watch_match_arrived), at
 * the centre the re-inspection orders the crossings fulfilled (every 5 s). */
#include "ingest.h"

#include <string.h>

#include "devices.h"
#include "log.h"
#include "metrics.h"
#include "report.h"
#include "risk.h"
#include "route.h"
#include "util.h"

static void match_arrived(void)
{
	struct req r;

	/* A request that only carries the mails to the entry's unit, each
	 * rendered in its officer's language (as zsog-admin's reminders). */
	memset(&r, 0, sizeof(r));
	r.lang = "pl";
	if (hdf_init(&r.hdf) != STATUS_OK) {
		log_err("tick: no memory for the mails");
		return;
	}
	watch_match_arrived(&r);
	hdf_destroy(&r.hdf);
	arena_reset(&r.arena);
}

/* The report_pending rows committed so far, a transaction of at most
 * DRAIN_ROWS each, for at most about half a second: what arrives during
 * the drain waits for the next tick. */
#define DRAIN_ROWS 1000

static int drain(void)
{
	double until = now_mono() + 0.5;
	long long left;
	int n;

	do
		n = report_drain(DRAIN_ROWS);
	while (n == DRAIN_ROWS && now_mono() < until);
	if (n < 0)
		log_err("tick: the lone events' rollups: %s", db_error());
	/* The rows still waiting: a figure that grows means the reports fall
	 * behind, or a row the drain cannot count (the log names it). */
	left = report_pending_count();
	metrics_backlog(left);
	return n < 0 || left < 0 ? -1 : 0;
}

int ingest_tick(void)
{
	static double parts_at, sweep_at;
	int rc = drain();

	if (parts_at == 0 || now_mono() - parts_at >= 3600) {
		devices_partitions_tick();
		parts_at = now_mono();
	}
	if (sweep_at != 0 && now_mono() - sweep_at < 5)
		return rc;
	sweep_at = now_mono();
	if (route_on_node())
		match_arrived();
	else if (risk_orders_settle() < 0) {
		log_err("tick: re-inspection orders: %s", db_error());
		rc = -1;
	}
	return rc;
}
