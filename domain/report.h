/* report.h: the reports' rollups (docs/reports.md). The only code that
 * names the report_* tables: writers called from other modules'
 * transactions (report_events.c: lane events), readers for the report
 * program (report_traffic.c, report_devices.c) */
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
 * order (a deadlock retried by the caller's transaction stays one).
 * 0 or -1. */
int report_count_events(const struct report_event *ev, int n);

/* ---- readers ---- */

/* The resolutions a report reads (docs/reports.md): hour rows are keyed
 * by the UTC hour, day rows by the Warsaw date, month rows by the first
 * day of the Warsaw month. */
enum report_grain { REPORT_HOUR, REPORT_DAY, REPORT_MONTH, REPORT__GRAIN };

/*
 * Traffic rows of the crossings named (comma-separated codes, as for
 * FIND_IN_SET; "" none) with bucket in [from, to) ("YYYY-MM-DD" or, for
 * hours, "YYYY-MM-DD HH:MM:SS" UTC), bucket order, columns crossing,
 * bucket, lane_kind, dir, kind, events, objects, foreign_plates, doubtful.
 * As db_each.
 */
int report_traffic_each(enum report_grain g, const char *crossings,
			const char *from, const char *to, db_row_cb cb,
			void *ctx);
/* Plate reads per country over Warsaw days [from, to) of the crossings:
 * columns country ('' unknown), plates, most first. As db_each. */
int report_countries_each(const char *crossings, const char *from,
			  const char *to, db_row_cb cb, void *ctx);
/* The heat map over Warsaw months [from, to) (first days): columns
 * weekday (1 Monday .. 7 Sunday), hour (Warsaw, 0..23), events, objects,
 * summed over the crossings. As db_each. */
int report_busy_each(const char *crossings, const char *from, const char *to,
		     db_row_cb cb, void *ctx);
/* Per device over Warsaw days [from, to): columns device_id, crossing,
 * events, doubtful. As db_each. */
int report_device_days_each(const char *crossings, const char *from,
			    const char *to, db_row_cb cb, void *ctx);
/* Per device and UTC hour in [from, to) ("YYYY-MM-DD HH:MM:SS"), device
 * then hour order: columns device_id, crossing, hour, events, doubtful,
 * alive (the minute bits, as text) and up (minutes alive). As db_each. */
int report_device_hours_each(const char *crossings, const char *from,
			     const char *to, db_row_cb cb, void *ctx);

#endif
