/* dbstate.h: the state of the database servers a program uses: each
 * replication connection of its server and a Galera node's place in its
 * cluster (for /metrics), and how fresh the copy its reads go to is */
#ifndef ZSOG_DBSTATE_H
#define ZSOG_DBSTATE_H

#include <ClearSilver.h>

#include "util.h"

/* Prometheus text: per server the program uses ("main", and "read" with
 * a copy), whether the monitor reached it, per replication connection
 * (SHOW ALL SLAVES STATUS) the IO and SQL threads, seconds behind and
 * last error numbers, and a Galera node's cluster size and local state. */
void dbstate_metrics(struct buf *b);

/* Under prefix, when the reads go to a copy: Mode = copy, AsOf (UTC
 * "YYYY-MM-DD HH:MM:SS", the newest heartbeat the copy holds; unset when
 * it holds none) and Behind (whole seconds, never negative); when the
 * copy is down and the reads went to the main server: Mode = main.
 * Nothing without a copy configured. Call after the page's reads. */
void dbstate_fresh_hdf(HDF *hdf, const char *prefix);

/* The pure part, for tests: the label value escaped for Prometheus
 * (backslash, quote, newline) into out. */
void dbstate_label(const char *in, char *out, size_t outsz);

#endif
