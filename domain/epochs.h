/* epochs.h: the domain's kinds of shared change counter (lib/epoch.h), in
 * one list so that no two kinds share a slot. A cache of one of them notes
 * its counter before reading; every writer of the data bumps it. */
#ifndef ZSOG_EPOCHS_H
#define ZSOG_EPOCHS_H

#include "epoch.h"

enum {
	/* registry: people, companies, representations */
	EPOCH_REGISTRY = EPOCH_FIRST_FREE,
	EPOCH_SLOTS,   /* booking: crossings' settings, free places */
	EPOCH_DEVICES, /* lane devices: keys, state, down marks */
	EPOCH_WATCH,   /* the watch list (watch_state.version) */
	EPOCH_RISK,    /* risk: active profile versions, random rates, active
			 * re-inspection orders */
	/* the reports' pages and charts kept by the programs (lib/pagecache):
	 * bumped by nothing but zsog-admin flush-caches; the rollups under
	 * them change at every event, so a TTL ends those copies */
	EPOCH_REPORT,
	/* fleet: every write of the fleet program (its dashboard's and
	 * reports' copies: cgi-bin/fleet/ui-dashboard.c, ui-reports.c) */
	EPOCH_FLEET,
	/* inbox: an item filed or read, any addressee's (domain/inbox.c: the
	 * counts a worker keeps for the header and the inbox page) */
	EPOCH_INBOX,
	/* notices: a staff_notice written here (domain/notice.c: each
	 * officer's newest notices, kept for the start page) */
	EPOCH_NOTICE,
	EPOCH_DOMAIN_END
};
_Static_assert(EPOCH_DOMAIN_END <= EPOCH_MAX, "more kinds than epoch slots");

#endif
