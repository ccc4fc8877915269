/* kept.h: the one rule for a worker's kept copy of a database read.
 *
 * A worker may keep what it read (a session, a right to act, a crossing's
 * settings, a rendered page) and serve it again while nobody changed the
 * data under it. Whoever changes such data bumps its counter after the
 * commit (epoch.h); a copy is trusted only while every counter it depends
 * on still has the value it had BEFORE the read, and only for a time
 * limit (a change behind the programs' backs, or one the clock makes).
 *
 *	struct kept_stamp s = kept_note(EPOCH_BIT(EPOCH_X));  before the read
 *	rc = read ...;
 *	if (rc >= 0 && kept_may(&s, ttl_ms)) {
 *		copy the answer into e;
 *		kept_set(&e->k, &s, ttl_ms);
 *	}
 *	...
 *	if (kept_good(&e->k) && e is the same question) use e's copy
 *
 * Nothing is kept while the counters are not mapped (epoch_usable), nor
 * what was read inside an open transaction: it may see rows of its own
 * that roll back, and its snapshot may be older than the counters noted.
 * One worker, one request at a time: no locks. No allocation, no system
 * call but the clock's. */
#ifndef ZSOG_KEPT_H
#define ZSOG_KEPT_H

#include <stdint.h>

#include "epoch.h"

/* What was noted before the read. The counters only grow, so the sum of
 * the mask's counters is unchanged exactly when each of them is. */
struct kept_stamp {
	uint64_t sum;
	unsigned mask; /* EPOCH_BIT()s */
	int ok;	       /* caches on and no transaction open when noted */
};

/* A kept copy's stamp and time limit; all zero: nothing kept. */
struct kept {
	uint64_t sum;
	unsigned mask;
	double until; /* now_mono() it runs out at */
};

/* The counters of mask, noted before the read whose answer may be kept. */
struct kept_stamp kept_note(unsigned mask);
/* 1 when an answer read after s was noted may be kept for ttl_ms: the
 * counters are mapped, no transaction was open at the note nor is now,
 * and ttl_ms > 0. */
int kept_may(const struct kept_stamp *s, long long ttl_ms);
/* k holds a copy read under s for ttl_ms from now when kept_may, else k
 * holds nothing. */
void kept_set(struct kept *k, const struct kept_stamp *s, long long ttl_ms);
/* 1 while k's copy may be served: not run out, and every counter of its
 * mask still at the value noted before it was read. */
int kept_good(const struct kept *k);
/* k holds nothing. */
void kept_drop(struct kept *k);

/* The slot of a table of n copies for a number (an account, an id):
 * Knuth's multiplicative hash, so neighbouring ids spread. */
static inline unsigned kept_slot(long long id, unsigned n)
{
	return (unsigned)((unsigned long long)id * 2654435761u % n);
}

#endif
