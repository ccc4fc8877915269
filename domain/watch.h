/* watch.h: the watch list, its matching and the alerts with their
 * procedure. The only code that names watch_entry, watch_state, alert and
 * alert_step (watch_*.c; more moves here from cgi-bin/ingest) */
#ifndef ZSOG_WATCH_H
#define ZSOG_WATCH_H

/* The watch list's version (it moves on every change of the active list)
 * into *v, -1 when none is recorded: 0, or -1 on error. */
int watch_version(long long *v);

#endif
