/* kept.c: a worker's kept copy of a database read, trusted while its
 * counters stand and its time lasts (kept.h) */
#include "kept.h"

#include <string.h>

#include "db.h"
#include "util.h"

static uint64_t sum_of(unsigned mask)
{
	uint64_t sum = 0;

	mask &= EPOCH_ALL;
	for (unsigned k = 0; mask; k++, mask >>= 1)
		if (mask & 1)
			sum += epoch_get(k);
	return sum;
}

struct kept_stamp kept_note(unsigned mask)
{
	struct kept_stamp s;

	s.ok = epoch_usable() && !db_in_transaction();
	s.mask = mask;
	s.sum = sum_of(mask);
	return s;
}

int kept_may(const struct kept_stamp *s, long long ttl_ms)
{
	return s->ok && ttl_ms > 0 && !db_in_transaction();
}

void kept_set(struct kept *k, const struct kept_stamp *s, long long ttl_ms)
{
	if (!kept_may(s, ttl_ms)) {
		kept_drop(k);
		return;
	}
	k->sum = s->sum;
	k->mask = s->mask;
	k->until = now_mono() + (double)ttl_ms / 1000.0;
}

int kept_good(const struct kept *k)
{
	return k->until > 0 && k->until > now_mono() &&
	       k->sum == sum_of(k->mask);
}

void kept_drop(struct kept *k)
{
	memset(k, 0, sizeof(*k));
}
