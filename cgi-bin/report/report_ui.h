/* report_ui.h: the report program (domain/report.h is the module): the
 * reports' pages under /skr/reports, their filters and periods */
#ifndef ZSOG_REPORT_UI_H
#define ZSOG_REPORT_UI_H

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

/* What every report's handler starts with: 1 answered from the copy kept
 * for this officer's unit, 0 not kept (make it, end with report_page or
 * report_csv_send, which keep it), -1 error. */
int report_cache_serve(struct req *r);
/* Renders a report's page (tpl) with the time its figures were read
 * (Report.AsOf), keeps its content and sends it in the reader's frame. */
int report_page(struct req *r, const char *tpl);
/* Sends a report's CSV as the attachment "NAME-FROM-TO.csv" (the period's
 * first and last day), keeps it and frees b: what every report's .csv
 * route ends with. */
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

/* handlers */
int reports_fn(struct req *r);		  /* ui-reports.c */
int traffic_fn(struct req *r);		  /* ui-traffic.c */
int traffic_csv_fn(struct req *r);	  /* ui-traffic.c */
int ebt_fn(struct req *r);		  /* ui-ebt.c */
int ebt_csv_fn(struct req *r);		  /* ui-ebt.c */
int alerts_report_fn(struct req *r);	  /* ui-alerts.c */
int alerts_report_csv_fn(struct req *r);  /* ui-alerts.c */
int devices_report_fn(struct req *r);	  /* ui-devices.c */
int devices_report_csv_fn(struct req *r); /* ui-devices.c */
int registrations_fn(struct req *r);	  /* ui-registrations.c */
int registrations_csv_fn(struct req *r);  /* ui-registrations.c */

#endif
