/* fleet_report_ui.h: the fleet program's dashboard and reports pages
 * (fleet-reports' part of cgi-bin/fleet; domain/fleet_report.h is the
 * domain side) */
#ifndef ZSOG_FLEET_REPORT_UI_H
#define ZSOG_FLEET_REPORT_UI_H

#include <stdint.h>

#include "fleet_ui.h"
#include "kept.h"
#include "req.h"
#include "util.h"

/* The unit a dashboard or report is about, from ?unit= (as the fleet's
 * lists read it: a unit, that unit's vehicles only; none, *unit 0: every
 * unit s reads), with the picker's options (Opt.unit) and
 * Fleet.Unit.{code, name} (the chosen unit, or the top of s; all: 1 when
 * none was chosen): 0; 422 with the message beside the field (not a
 * unit); 403 answered here in words (a unit outside what s reads, or s
 * reads none); -1 error. */
int fleet_unit_read(struct req *r, const struct fleet_scope *s,
		    long long *unit);

/* ---- fleet_cache.c: the worker's copies of the pages below ---- */

struct fleet_cache {
	const char *key;	 /* NULL: nothing to keep */
	struct kept_stamp stamp; /* EPOCH_FLEET before anything was read */
};
/* Sends r's answer from the worker's copy: 1 sent, 0 none kept (c
 * noted for the answer to keep), -1 error. */
int fleet_cache_serve(struct req *r, struct fleet_cache *c);
/* Renders tpl, keeps its content for ttl_ms and sends it in r's frame
 * (a 200 page). 0 or -1. */
int fleet_cache_page(struct req *r, struct fleet_cache *c, const char *tpl,
		     long long ttl_ms);
/* Sends b as the CSV attachment filename (made by the program, no
 * quotes), keeps it for ttl_ms and frees b. 0 or -1. */
int fleet_cache_csv(struct req *r, struct fleet_cache *c, struct buf *b,
		    const char *filename, long long ttl_ms);

/* handlers */
int fleet_dash_fn(struct req *r);	/* ui-dashboard.c: /skr/fleet */
int fleet_reports_fn(struct req *r);	/* ui-reports.c */
int fleet_report_fn(struct req *r);	/* ui-reports.c */
int fleet_report_csv_fn(struct req *r); /* ui-reports.c */

#endif
