/* report_ui.h: the report program (domain/report.h is the module): the
 * reports' pages under /skr/reports, their filters and periods */
#ifndef ZSOG_REPORT_UI_H
#define ZSOG_REPORT_UI_H

#include <stddef.h>

#include "report.h"
#include "req.h"

/* ---- filter.c: the filters every report reads from its URL ---- */

enum report_by { BY_HOUR, BY_DAY, BY_WEEK, BY_MONTH, BY__MAX };
enum report_compare { CMP_NONE, CMP_YEAR, CMP_PREVIOUS, CMP__MAX };

/* Warsaw dates as day numbers (days since 1970-01-01), both included. */
struct period {
	long from, to;
};

/* A report's own choice (a dimension, a measure): the query field name,
 * its values (NULL-ended; the first is the default) and where the index
 * of the chosen one goes. */
struct filter_choice {
	const char *name;
	const char *const *values;
	int *out;
};

struct filter {
	struct period p;
	struct period cmp; /* the period compared with; compare != CMP_NONE */
	enum report_by by;
	enum report_compare compare;
	const char *crossing;  /* the code asked for, "" all in scope */
	const char *crossings; /* the codes the report reads (comma-sep.) */
	const char *scope;     /* every code the officer's unit sees */
	int print;	       /* view=print */
};

/* The longest period each resolution reads, in days (docs/reports.md). */
extern const long filter_max_days[BY__MAX];

/*
 * Reads from, to, by, crossing, compare, view and the report's choices
 * from the query, with defaults (the last 30 days by day, every crossing
 * in scope, no comparison), echoes them to Form.* and the select options
 * to Opt.*. 0 valid; 422 with Form.<name>.Error beside each bad field
 * (malformed date, to before from, a range beyond its resolution's limit,
 * an unknown crossing or choice); 403 a crossing outside the officer's
 * scope (answered here, in words); -1 error.
 */
int filter_read(struct req *r, struct filter *f,
		const struct filter_choice *extra, size_t nextra);

/* Day numbers and dates. */
long day_number(int y, int m, int d);
void day_civil(long n, int *y, int *m, int *d);
/* "YYYY-MM-DD" of day n into out (11 bytes); returns out. */
char *day_text(long n, char out[11]);

/* ---- cache.c: the answers each worker keeps (Report.CacheSeconds) ---- */

/* What run.c starts both routes of a report with: 1 answered from the
 * copy kept for this officer's unit and roles, 0 not kept (make it, end
 * with report_page or report_csv_send, which keep it), -1 error. */
int report_cache_serve(struct req *r);
/* Renders a report's page (tpl) with the time its figures were read
 * (Report.AsOf), keeps its content and sends it in the reader's frame. */
int report_page(struct req *r, const char *tpl);
/* Sends a report's CSV as the attachment "NAME-FROM-TO.csv" (the period's
 * first and last day), keeps it and frees b: what run.c ends every
 * report's .csv route with. */
int report_csv_send(struct req *r, struct buf *b, const char *name,
		    const struct period *p);

/* ---- bucket.c: a period cut into the buckets of its resolution ---- */

struct buckets {
	enum report_by by;
	size_t n;
	long long start; /* hour: UTC second of the first; day: its number;
			    week: its Monday's number; month: y*12+m-1 */
	char (*label)[24];
	const char **cat; /* the labels as an array of pointers (a chart's) */
};

/* The buckets of p (in arena a). 0 or -1. */
int buckets_make(struct arena *a, enum report_by by, const struct period *p,
		 struct buckets *b);
/* The index of the bucket a rollup row's bucket text (UTC hour or Warsaw
 * date) falls in, or -1 outside. */
long buckets_index(const struct buckets *b, const char *bucket);
/* Reads p's traffic rows at the coarsest grain that answers by (months
 * whole from the month rows, their ragged ends from the day rows). */
int buckets_traffic_each(const struct buckets *b, const struct period *p,
			 const char *crossings, db_row_cb cb, void *ctx);

/* ---- run.c: the skeleton every report's two routes share ---- */

#define REPORT_MAX_CHOICES 4

/*
 * What a report is: run.c answers from the kept copy (cache.c) or reads
 * the filters (with its choices), answers a crossing outside the scope
 * (403) and bad filters (422 beside the field on the page, a message for
 * the CSV), then calls load and, for the page, hdf and its template; for
 * the CSV, csv; a 200 is kept. Its state is a struct of its own
 * with `struct req *r` and `struct filter f` members (REPORT_STATE), zeroed
 * and given r before anything is called.
 */
struct report_desc {
	const char *name;		/* /skr/reports/<name> and <name>.csv */
	const char *page;		/* its template */
	size_t size, req_at, filter_at; /* REPORT_STATE(its struct) */
	/* its own choices into c (at most REPORT_MAX_CHOICES): their count;
	 * NULL none */
	size_t (*choices)(void *st, struct filter_choice *c);
	/* after the filters passed: 0, or 422 with the message beside the
	 * field; NULL none */
	int (*check)(void *st);
	/* before the filters are read (what the page shows even with bad
	 * filters); NULL none */
	void (*before)(struct req *r);
	int (*load)(void *st); /* the figures: 0 or -1 */
	int (*hdf)(void *st);  /* the page's tables and charts: 0 or -1 */
	/* the CSV into b, *name the attachment's (defaults to name): 0, -1 */
	int (*csv)(void *st, struct buf *b, const char **name);
};
#define REPORT_STATE(type)                                 \
	.size = sizeof(type), .req_at = offsetof(type, r), \
	.filter_at = offsetof(type, f)

extern const struct report_desc report_traffic;	      /* ui-traffic.c */
extern const struct report_desc report_ebt;	      /* ui-ebt.c */
extern const struct report_desc report_alerts;	      /* ui-alerts.c */
extern const struct report_desc report_devices;	      /* ui-devices.c */
extern const struct report_desc report_registrations; /* ui-registrations.c */

/* handlers */
int reports_fn(struct req *r);	   /* ui-reports.c: the list */
int report_page_fn(struct req *r); /* run.c: /skr/reports/<name> */
int report_csv_fn(struct req *r);  /* run.c: /skr/reports/<name>.csv */

#endif
