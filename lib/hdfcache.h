/* hdfcache.h: a worker's copies of small view-model subtrees (a calendar's
 * days, a crossing's settings) for a short time and only while the shared
 * counters of the data they come from are unchanged (kept.h). For pages
 * read far more often than the data under them changes. */
#ifndef ZSOG_HDFCACHE_H
#define ZSOG_HDFCACHE_H

#include <ClearSilver.h>
#include <stdint.h>

#include "kept.h"

/* Copies the subtree kept under key to hdf at name: 1 (a kept empty
 * subtree copies nothing), 0 not kept or no longer valid (kept_good), -1
 * error. */
int hdfcache_get(const char *key, HDF *hdf, const char *name);
/* Keeps a copy of hdf's subtree name (none: an empty one) under key for
 * ttl_ms, valid while the counters noted in s (kept_note, before the data
 * was read) stand. Not kept when kept_may says no; a copy that fails is
 * simply not kept. */
void hdfcache_put(const char *key, const struct kept_stamp *s, long long ttl_ms,
		  HDF *hdf, const char *name);

#endif
