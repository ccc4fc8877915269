/* report_alerts.c: the alerts' rollups: each step per crossing, day, kind,
 * priority and outcome, and the alert -> acknowledgement / closing
 * histograms; written by domain/watch in the step's transaction */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

/* The writer's own row (0093: slot): ingest workers raising alerts at one
 * crossing on one day lock different rows (docs/reports.md, "No hot
 * rows"); readers sum over slot. */
static struct sql q_day = SQL(
	"INSERT INTO report_alert_day (crossing, day, kind, priority, step,"
	" outcome, slot, n) VALUES (?, ?, ?, ?, ?, ?, " REPORT_SLOT ", 1)"
	" ON DUPLICATE KEY UPDATE n = n + 1");
static struct sql q_time = SQL(
	"INSERT INTO report_alert_time (crossing, day, step, priority, bucket,"
	" n) VALUES (?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE n = n + 1");

static struct sql q_days = SQL_READ(
	"SELECT " REPORT_PERIOD " AS period, kind, priority, step, outcome,"
	" SUM(n) AS n FROM report_alert_day"
	" WHERE" REPORT_IN_CODES(
		"crossing") " AND day >= ? AND day < ?"
			    " GROUP BY period, kind, priority, step, outcome"
			    " ORDER BY period, kind, priority, step, outcome");
static struct sql q_times = SQL_READ(
	"SELECT " REPORT_PERIOD " AS period, bucket, SUM(n) AS n"
	" FROM report_alert_time WHERE" REPORT_IN_CODES(
		"crossing") " AND day >= ? AND day < ? AND step = ? AND (? = 0 OR priority = ?)"
			    " GROUP BY period, bucket ORDER BY period, bucket");

int report_count_alert(const struct report_alert_step *s)
{
	char day[11];
	int timed = !strcmp(s->step, "acknowledged") ||
		    !strcmp(s->step, "closed");

	report_day(s->at, day);
	if (db_exec(&q_day, "sssiss", s->crossing, day, s->kind,
		    (long long)s->priority, s->step,
		    !strcmp(s->step, "closed") && s->outcome ? s->outcome
							     : "") < 0)
		return -1;
	if (timed && db_exec(&q_time, "sssii", s->crossing, day, s->step,
			     (long long)s->priority,
			     (long long)report_bucket(s->since)) < 0)
		return -1;
	return 0;
}

struct days_acc {
	struct report_alert_row *out;
	int max, n;
};

static int days_cb(const struct row *row, void *ctx)
{
	struct days_acc *acc = ctx;
	struct report_alert_row *r;

	if (acc->n == acc->max)
		return 1;
	r = &acc->out[acc->n++];
	memset(r, 0, sizeof(*r));
	snprintf(r->period, sizeof(r->period), "%s",
		 row_get(row, "period", ""));
	snprintf(r->kind, sizeof(r->kind), "%s", row_get(row, "kind", ""));
	r->priority = (int)row_int(row, "priority", 0);
	snprintf(r->step, sizeof(r->step), "%s", row_get(row, "step", ""));
	snprintf(r->outcome, sizeof(r->outcome), "%s",
		 row_get(row, "outcome", ""));
	r->n = row_int(row, "n", 0);
	return 0;
}

int report_alert_days(const char *const *crossings, int ncross,
		      const char *from, const char *to, enum report_grain g,
		      struct report_alert_row *out, int max)
{
	struct days_acc acc = { out, max, 0 };
	char in[REPORT_JSON_MAX];

	if (report_json_codes(crossings, ncross, in, sizeof(in)) < 0 ||
	    db_each(&q_days, days_cb, &acc, "isss", (long long)g, in, from,
		    to) < 0)
		return -1;
	return acc.n;
}

int report_alert_time(const char *const *crossings, int ncross,
		      const char *from, const char *to, const char *step,
		      int priority, enum report_grain g,
		      struct report_hist *all, struct report_pct_row *out,
		      int max)
{
	struct report_pct_acc acc = { all, out, max, 0, { { 0 }, 0 } };
	char in[REPORT_JSON_MAX];

	if (all)
		memset(all, 0, sizeof(*all));
	if (report_json_codes(crossings, ncross, in, sizeof(in)) < 0 ||
	    db_each(&q_times, report_pct_cb, &acc, "issssii", (long long)g, in,
		    from, to, step, (long long)priority,
		    (long long)priority) < 0)
		return -1;
	return report_pct_end(&acc);
}
