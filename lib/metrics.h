/* metrics.h: request counters shared by a service's workers through a
 * mapped file, read by GET /metrics */
#ifndef ZSOG_METRICS_H
#define ZSOG_METRICS_H

#include "req.h"

int metrics_open(const char *service);
void metrics_request(int status, double seconds);
void metrics_workers(int alive);
/* The background process (route.h, tick): one tick done, failed or not;
 * and the work it left for the next one, in the program's own unit
 * (docs/operations.md, "Health and monitoring"). */
void metrics_tick(int failed);
void metrics_backlog(long long left);
/* Prometheus text of every service's file in the run directory. */
int metrics_fn(struct req *r);
int health_fn(struct req *r);

#endif
