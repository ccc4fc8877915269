/* tick.c: the ingest program's background process (lib/server's ticker,
 * every Services.ingest.TickSeconds, default 5 s): the event table's
 * monthly partitions once an hour, on a crossing node the watch-list
 * entries that arrived from the centre (watch.c: watch_match_arrived), at
 * the centre the re-inspection orders the crossings fulfilled. */
#include "ingest.h"

#include <string.h>

#include "devices.h"
#include "log.h"
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

void ingest_tick(void)
{
	static double parts_at;

	if (parts_at == 0 || now_mono() - parts_at >= 3600) {
		devices_partitions_tick();
		parts_at = now_mono();
	}
	if (route_on_node())
		match_arrived();
	else if (risk_orders_settle() < 0)
		log_err("tick: re-inspection orders: %s", db_error());
}
