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

/* The counters are numbered slots. The platform uses one; the modules
 * above it name theirs from EPOCH_FIRST_FREE on, in one list of their own
 * so that no two kinds share a slot. */
#define EPOCH_SESSION 0 /* sessions, and the account data a session shows */
#define EPOCH_FIRST_FREE 1
#define EPOCH_MAX 16 /* slots in the file; a mask of EPOCH_BIT()s fits */
#define EPOCH_BIT(k) (1u << (k))
#define EPOCH_ALL ((1u << EPOCH_MAX) - 1) /* zsog-admin flush-caches */

/* Maps Paths.Run/epochs (made on first use, never reset: a counter that
 * went back would make old copies valid again). 0, or -1 and caches off. */
int epoch_open(void);
/* 1 when the counters are mapped and caches may be used. */
int epoch_usable(void);
uint64_t epoch_get(unsigned k);
/* Outside a transaction: now. Inside one: when it commits (a reader that
 * saw the new value before the commit would copy the old data under it). */
void epoch_bump(unsigned k);
void epoch_bump_mask(unsigned mask);

#endif
