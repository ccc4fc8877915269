/* report.h: the reports' rollups (docs/reports.md). The only code that
 * names the report_* tables: writers called from other modules'
 * transactions (report_events.c: lane events; report_ebt.c, report_alerts.c,
 * report_control.c: booking changes, alert steps, control decisions),
 * readers for the report program (report_traffic.c, report_devices.c and
 * the same three) */
#ifndef ZSOG_REPORT_H
#define ZSOG_REPORT_H

#include "db.h"

/* ---- writers: in the caller's open transaction ---- */

/* One stored event as the rollups count it. */
struct report_event {
	long long t;	       /* its time t, UTC seconds (the device's) */
	long long device_id;   /* the device that sent it */
	const char *crossing;  /* code */
	const char *lane_kind; /* the device's lane kind */
	const char *dir;       /* entry | exit */
	const char *kind;      /* event kind (heartbeat counts for the device
				  only) */
	const char *country;   /* plate's country, NULL none */
	int object;	       /* it identified an object (obj_key present) */
	int doubtful;	       /* a read kept but flagged */
};

/* Counts ev[0..n) (events just stored, duplicates left out by the caller)
 * into every traffic and device rollup: rows aggregated in C, one
 * multi-row INSERT … ON DUPLICATE KEY UPDATE per table, keys in a fixed
 * order (a deadlock retried by the caller's transaction stays one). A lone
 * event (n == 1) is stored instead as one report_pending row, counted by
 * report_drain(): one cheap INSERT in the event's transaction instead of
 * nine upserts (docs/reports.md, "Exact, and when"). 0 or -1. */
int report_count_events(const struct report_event *ev, int n);
/*
 * A lone event's decision counted with the event: after
 * report_hold_decision(), the next report_count_decisions() of one decision
 * keeps it (no statement), and report_count_events() writes it with its
 * events (one event: in its report_pending row; more: the decision's rows
 * first, as unheld). report_drop_held() forgets it (a rolled-back
 * transaction). The ingest path's single event: docs/performance.md.
 */
void report_hold_decision(void);
void report_drop_held(void);
/* Counts up to max committed report_pending rows into the rollups and
 * deletes them, in a transaction of its own (the ingest tick, each
 * second): each row counted once, whatever crashes when. The rows
 * counted (max: call again), or -1. */
int report_drain(int max);
/* The report_pending rows waiting (committed), or -1. */
long long report_pending_count(void);

/* ---- readers ---- */

/* The resolutions a report reads (docs/reports.md): hour rows are keyed
 * by the UTC hour, day rows by the Warsaw date, month rows by the first
 * day of the Warsaw month. */
enum report_grain { REPORT_HOUR, REPORT_DAY, REPORT_MONTH, REPORT__GRAIN };

/*
 * The traffic readers (report_traffic.c) read crossing by crossing (each
 * a range of the rollup's key), so rows of several crossings come one
 * crossing after the other and the caller sums what it groups.
 *
 * Traffic rows of the crossings named (comma-separated codes, as
 * crossings_subtree_codes gives; "" none) with bucket in [from, to)
 * ("YYYY-MM-DD" or, for hours, "YYYY-MM-DD HH:MM:SS" UTC), columns
 * crossing, bucket, lane_kind, dir, kind, events, objects, foreign_plates,
 * doubtful. 0 or -1.
 */
int report_traffic_each(enum report_grain g, const char *crossings,
			const char *from, const char *to, db_row_cb cb,
			void *ctx);
/* Plate reads per country over Warsaw days [from, to), a row per crossing
 * and country: columns country ('' unknown), plates. 0 or -1. */
int report_countries_each(const char *crossings, const char *from,
			  const char *to, db_row_cb cb, void *ctx);
/* The heat map over Warsaw months [from, to) (first days), a row per
 * crossing, weekday (1 Monday .. 7 Sunday) and hour (Warsaw, 0..23):
 * columns weekday, hour, events, objects. 0 or -1. */
int report_busy_each(const char *crossings, const char *from, const char *to,
		     db_row_cb cb, void *ctx);
/* Per device and Warsaw day in [from, to), device then day order: columns
 * device_id, crossing, day, events, doubtful. As db_each. */
int report_device_days_each(const char *crossings, const char *from,
			    const char *to, db_row_cb cb, void *ctx);
/* Per device and UTC hour in [from, to) ("YYYY-MM-DD HH:MM:SS"), device
 * then hour order: columns device_id, crossing, hour, events, doubtful,
 * alive (the minute bits, as text) and up (minutes alive). As db_each. */
int report_device_hours_each(const char *crossings, const char *from,
			     const char *to, db_row_cb cb, void *ctx);

/* ---- eBT, alerts and control decisions (0085_report_rollup2.sql) ---- */

/* Histogram buckets, named by their lower bound in minutes: one minute up
 * to 2 h, five minutes up to 24 h, then REPORT_LONGER ("longer"). */
#define REPORT_LONGER 1440
#define REPORT_NBUCKETS (120 + (1440 - 120) / 5 + 1)

/* The bucket (its lower bound in minutes) of a duration in seconds; a
 * negative duration reads as 0. The same rule as SQL's report_bucket(). */
int report_bucket(long long secs);
/* Index 0..REPORT_NBUCKETS-1 of a bucket's lower bound, and back. */
int report_bucket_index(int bucket);
int report_bucket_of_index(int i);
/* The Warsaw date of UTC time t (YYYY-MM-DD), and its month's first day. */
void report_day(long long t, char out[11]);
void report_month(long long t, char out[11]);

/* --- Writers: each in the caller's open transaction; 0 or -1. --- */

/* A booking change as booking_history records it. */
struct report_booking_change {
	long long crossing_id;
	const char *action;   /* booking_history.action */
	long long at;	      /* the history line's time, UTC seconds */
	long long company_id; /* created: the company (0: none, a guest) */
	long long agency_id;  /* created: booked through this agency, or 0 */
	long long wait_secs;  /* called: arrival -> call in seconds */
};
int report_count_booking(const struct report_booking_change *c);

/* An alert's step as alert_step records it ("new" when it is raised). */
struct report_alert_step {
	const char *crossing;
	const char *kind; /* alert.kind */
	int priority;
	const char *step;    /* alert_step.step */
	const char *outcome; /* closed: the outcome; otherwise NULL */
	long long at;	     /* the step's time, UTC seconds */
	long long since;     /* seconds from the alert's creation */
};
int report_count_alert(const struct report_alert_step *s);

/* A profile version that fired for a decision (risk_decision_hit). */
struct report_hit {
	long long version_id;
	int live;
};
/* Control decisions stored (a batch of the ingest, or one check-in), each
 * with the versions that fired: counted per key, aggregated in C first and
 * written in key order. */
struct report_decision {
	const char *crossing;
	const char *lane_kind; /* NULL: none */
	const char *colour;
	int random;
	long long at; /* the decision's time, UTC seconds */
	const struct report_hit *hits;
	int nhits;
};
int report_count_decisions(const struct report_decision *d, int n);
/* A decision's control task closed with outcome at time at. */
struct report_outcome {
	const char *crossing;
	const char *colour; /* yellow or red */
	int random;
	const char *outcome;
	long long at;
	const struct report_hit *hits;
	int nhits;
};
int report_count_outcome(const struct report_outcome *o);

/* --- Readers --- */

/* The readers below take enum report_grain: their rollups are daily, so
 * REPORT_HOUR reads as REPORT_DAY; a row's period is its Warsaw day or the
 * first day of its Warsaw month (weeks are the page's sums of days). From
 * and to are Warsaw dates, the period [from, to) as for the traffic. */

/* Crossings in scope: eBT's rollups are keyed by crossing id, the others
 * by crossing code (as their raw tables). At most REPORT_MAX_CROSSINGS. */
#define REPORT_MAX_CROSSINGS 64

/* A histogram of minutes and its percentiles. */
struct report_hist {
	long long n[REPORT_NBUCKETS];
	long long total;
};
/* The lower bound (minutes) of the bucket holding the pct-th percentile by
 * nearest rank (the value at rank ceil(pct/100 * total) in order), or -1
 * when empty. REPORT_LONGER: beyond 24 h. */
int report_hist_pct(const struct report_hist *h, int pct);
/* Adds n durations of bucket (a lower bound in minutes) to h. */
void report_hist_add(struct report_hist *h, int bucket, long long n);
/* One period's count and percentiles. */
struct report_pct_row {
	char period[11];
	long long n;
	int p50, p90; /* minutes, bucket lower bounds; -1 when n == 0 */
};

/* eBT per period: the columns of report_ebt_day.action. */
enum report_ebt_col {
	REPORT_EBT_CREATED,   /* bookings made */
	REPORT_EBT_CHANGED,   /* moved to another hour */
	REPORT_EBT_CANCELLED, /* cancellations */
	REPORT_EBT_ARRIVED,   /* arrivals of booked trucks */
	REPORT_EBT_CALLED,    /* called to a lane */
	REPORT_EBT_SERVED,    /* served */
	REPORT_EBT_NO_SHOW,   /* no-shows */
	REPORT_EBT_WALK_IN,   /* walk-ins (they arrive as registered) */
	REPORT_EBT__MAX
};
/* The action names, indexed by enum report_ebt_col. */
extern const char *const report_ebt_actions[REPORT_EBT__MAX];
struct report_ebt_row {
	char period[11];
	long long n[REPORT_EBT__MAX];
};
/* Rows of the periods in [from, to) that have any count, oldest first, summed over the crossings; returns the row
 * count (at most max) or -1. */
int report_ebt_days(const long long *crossing_ids, int ncross, const char *from,
		    const char *to, enum report_grain g,
		    struct report_ebt_row *out, int max);
/* Waiting zone arrival -> call: the whole period's histogram, and per
 * period the count, p50 and p90. Either out may be NULL. Row count or -1. */
int report_ebt_wait(const long long *crossing_ids, int ncross, const char *from,
		    const char *to, enum report_grain g,
		    struct report_hist *all, struct report_pct_row *out,
		    int max);
/* Bookings made per company over the Warsaw months that meet [from, to)
 * (whole months), the top max first (ties by company id); agency_id 0: the
 * company's own people, company_id 0: guests. Row count or -1. */
struct report_company_row {
	long long company_id;
	long long agency_id;
	long long n;
};
int report_ebt_companies(const long long *crossing_ids, int ncross,
			 const char *from, const char *to, int by_agency,
			 struct report_company_row *out, int max);

/* Alerts per period: one row per kind, priority, step and outcome. */
struct report_alert_row {
	char period[11];
	char kind[16];	  /* watch, radiation, device_down */
	int priority;	  /* 1 highest */
	char step[16];	  /* new (raised), acknowledged, inspection, closed */
	char outcome[20]; /* closed: the outcome; otherwise "" */
	long long n;
};
int report_alert_days(const char *const *crossings, int ncross,
		      const char *from, const char *to, enum report_grain g,
		      struct report_alert_row *out, int max);
/* Alert -> acknowledgement (step "acknowledged") or -> closing ("closed"):
 * the period's histogram and per period rows, as report_ebt_wait. priority
 * 0: all. */
int report_alert_time(const char *const *crossings, int ncross,
		      const char *from, const char *to, const char *step,
		      int priority, enum report_grain g,
		      struct report_hist *all, struct report_pct_row *out,
		      int max);

/* Control decisions per period by lane kind ("" none), colour, random. */
struct report_decision_row {
	char period[11];
	char lane_kind[16];
	char colour[8];
	int random;
	long long n;
};
int report_decision_days(const char *const *crossings, int ncross,
			 const char *from, const char *to, enum report_grain g,
			 struct report_decision_row *out, int max);
/* Closed control tasks per period (of the closing) by colour, random and
 * outcome. */
struct report_control_row {
	char period[11];
	char colour[8];
	int random;
	char outcome[20];
	long long n;
};
int report_control_days(const char *const *crossings, int ncross,
			const char *from, const char *to, enum report_grain g,
			struct report_control_row *out, int max);
/* Per profile version over [from, to): hits (what "fired") and the outcomes
 * of the decisions it fired on; every crossing (profiles are national). */
struct report_profile_row {
	long long version_id;
	int live;
	char what[20]; /* fired, or an outcome */
	long long n;
};
int report_profile_counts(const char *from, const char *to,
			  struct report_profile_row *out, int max);

#endif
