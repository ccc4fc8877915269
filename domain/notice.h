/* notice.h: notices on an officer's intranet start page. A program writes
 * one in the transaction of its cause, as it writes the outbox; the skr
 * start page shows them. Implemented in notice.c (table staff_notice). */
#ifndef ZSOG_NOTICE_H
#define ZSOG_NOTICE_H

#include "req.h"

/* A hit of a watch-list entry whose action is to notify its unit. */
struct notice_hit {
	long long alert_id, entry_id;
	const char *subject, *value; /* what the entry watches */
	const char *crossing;	     /* where it was hit */
	long long crossing_unit;     /* the unit that runs the crossing */
};

/* Tells staff_id of the hit; in the caller's transaction. 0 or -1. */
int notice_watch_hit(long long staff_id, const struct notice_hit *h);

/* The signed-in officer's newest notices, newest first, as
 * prefix.N.{kind, alert_id, entry_id, subject, value, crossing, at} with
 * `at` in local (Warsaw) time, and prefix.N.open = 1 where may_open_alerts
 * and the crossing lies in the officer's unit subtree (the alert page
 * would show it). Kept by the worker while EPOCH_NOTICE stands (a
 * notice written here bumps it at its commit), for at most 10 s (rows
 * replicated from a crossing node bump nothing here). Returns the count
 * or -1. */
int notice_list(struct req *r, const char *prefix, int may_open_alerts);

#endif
