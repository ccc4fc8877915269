/* report_int.h: what the report module's files share: the crossings in
 * scope as one JSON parameter and the period of a grain in SQL */
#ifndef ZSOG_REPORT_INT_H
#define ZSOG_REPORT_INT_H

#include "db.h"
#include "report.h"

/* A rollup's day column as the period of the grain bound to one ? (enum
 * report_grain): the first day of its Warsaw month for REPORT_MONTH, the
 * day itself otherwise (the rollups are daily), as text YYYY-MM-DD. */
#define REPORT_PERIOD                                                     \
	"DATE_FORMAT(IF(? = 2, day - INTERVAL (DAYOFMONTH(day) - 1) DAY," \
	" day), '%Y-%m-%d')"
_Static_assert(REPORT_MONTH == 2, "REPORT_PERIOD names REPORT_MONTH as 2");
/* The crossings bound to one ? as a JSON array, read with JSON_TABLE. A
 * string column of JSON_TABLE names the tables' collation: MariaDB
 * 10.11.18 gives it utf8mb4_general_ci whatever the connection's, and a
 * comparison with a column then fails (1267; found on a fresh Debian 12,
 * docs/testing.md "A fresh machine"). */
#define REPORT_IN_IDS(col)                                          \
	" " col " IN (SELECT j.v FROM JSON_TABLE(?, '$[*]' COLUMNS" \
	" (v INT UNSIGNED PATH '$')) j)"
#define REPORT_IN_CODES(col)                                        \
	" " col " IN (SELECT j.v FROM JSON_TABLE(?, '$[*]' COLUMNS" \
	" (v VARCHAR(8) COLLATE utf8mb4_unicode_ci PATH '$')) j)"

/* The JSON array of ids or codes into out (size n); 0, or -1 when too many
 * or a code is not plain letters and digits. */
int report_json_ids(const long long *ids, int n, char *out, size_t size);
int report_json_codes(const char *const *codes, int n, char *out, size_t size);
#define REPORT_JSON_MAX (REPORT_MAX_CROSSINGS * 24 + 4)

/* The percentile rows of a (period, bucket, n) result ordered by period:
 * db_each callback state. */
struct report_pct_acc {
	struct report_hist *all;
	struct report_pct_row *out;
	int max, n;
	struct report_hist cur;
};
int report_pct_cb(const struct row *row, void *ctx);
/* Closes the last period; the row count. */
int report_pct_end(struct report_pct_acc *acc);

/* The writer's slot of a rollup row (lib/db.h, db_set_slot): the
 * worker's own, or CONNECTION_ID() % 16 in a process that set none. */
#define REPORT_SLOT "IFNULL(@zsog_slot, CONNECTION_ID() % 16)"

/* The decision report_hold_decision() kept (report_control.c), as a
 * report_pending row (0108) takes it: hits "version:live,…" in key order,
 * at most REPORT_HELD_HITS_MAX of them. */
#define REPORT_HELD_HITS_MAX 40
/* Decisions' hits one report_count_decisions() call takes at most. */
#define REPORT_HITS_MAX 4096
struct report_held {
	char crossing[16], lane_kind[24], colour[8];
	long long at;
	int random;
	char hits[1024];
};
/* The held decision, or NULL when none is held. */
const struct report_held *report_held(void);
/* Writes the held decision (if any) as report_count_decisions() writes an
 * unheld one, and forgets it. 0 or -1. */
int report_held_write(void);

/* Counts ev[0..n) into the traffic and device rollups now, in the open
 * transaction (report_events.c; what report_count_events() does for a
 * batch). 0 or -1. */
int report_count_now(const struct report_event *ev, int n);
/* Stores one event, and the held decision if any, as a report_pending row
 * for report_drain() (report_pending.c). 0 or -1. */
int report_pend_one(const struct report_event *e);

#endif
