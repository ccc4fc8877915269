/* epoch.h: change counters shared by every worker of every program of a
 * stack, so a worker may keep a copy of hot data (a session, a right to act,
 * a crossing's free places) and still never serve it once it changed.
 *
 * One small file under Paths.Run, mapped by each program. Whoever changes
 * data a cache copies bumps that kind's counter after the change is
 * committed; a cache notes the counter before it reads the database and
 * trusts its copy only while the counter still has that value. */
#ifndef ZSOG_EPOCH_H
#define ZSOG_EPOCH_H

#include <stdint.h>

enum epoch_kind {
	EPOCH_SESSION,	/* sessions, and the account data a session shows */
	EPOCH_REGISTRY,	/* e-Customer: people, companies, representations */
	EPOCH_SLOTS,	/* eBT: crossings' settings and free places */
	EPOCH_DEVICES,	/* lane devices: keys, state, down marks */
	EPOCH_WATCH,	/* the watch list (watch_state.version) */
	EPOCH__MAX
};
#define EPOCH_BIT(k) (1u << (k))

/* Maps Paths.Run/epochs (made on first use, never reset: a counter that
 * went back would make old copies valid again). 0, or -1 and caches off. */
int epoch_open(void);
/* 1 when the counters are mapped and caches may be used. */
int epoch_usable(void);
uint64_t epoch_get(enum epoch_kind k);
/* Outside a transaction: now. Inside one: when it commits (a reader that
 * saw the new value before the commit would copy the old data under it). */
void epoch_bump(enum epoch_kind k);
void epoch_bump_mask(unsigned mask);

#endif
