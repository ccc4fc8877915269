/* report_ebt.c: eBT's rollups: each booking change per crossing and day,
 * the waiting zone's arrival -> call histogram and bookings per company
 * and month; written by domain/booking in the change's transaction */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

const char *const report_ebt_actions[REPORT_EBT__MAX] = {
	"created",   /* REPORT_EBT_CREATED */
	"changed",   /* REPORT_EBT_CHANGED */
	"cancelled", /* REPORT_EBT_CANCELLED */
	"arrived",   /* REPORT_EBT_ARRIVED */
	"called",    /* REPORT_EBT_CALLED */
	"served",    /* REPORT_EBT_SERVED */
	"no_show",   /* REPORT_EBT_NO_SHOW */
	"walk_in",   /* REPORT_EBT_WALK_IN */
};

static struct sql q_day = SQL(
	"INSERT INTO report_ebt_day (crossing_id, day, action, n)"
	" VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE n = n + 1");
static struct sql q_wait = SQL(
	"INSERT INTO report_ebt_wait (crossing_id, day, bucket, n)"
	" VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE n = n + 1");
static struct sql q_company = SQL(
	"INSERT INTO report_ebt_company_month (month, crossing_id, company_id,"
	" agency_id, n) VALUES (?, ?, ?, ?, 1)"
	" ON DUPLICATE KEY UPDATE n = n + 1");

static struct sql q_days = SQL_READ(
	"SELECT " REPORT_PERIOD " AS period, action, SUM(n) AS n"
	" FROM report_ebt_day WHERE" REPORT_IN_IDS(
		"crossing_id") " AND day >= ? AND day < ? GROUP BY period, action ORDER BY period");
static struct sql q_waits = SQL_READ(
	"SELECT " REPORT_PERIOD " AS period, bucket, SUM(n) AS n"
	" FROM report_ebt_wait WHERE" REPORT_IN_IDS(
		"crossing_id") " AND day >= ? AND day < ? GROUP BY period, bucket"
			       " ORDER BY period, bucket");
/* Whole months: from's month up to the last that begins before to. */
static struct sql q_companies = SQL_READ(
	"SELECT company_id, IF(? = 1, agency_id, 0) AS agency, SUM(n) AS n"
	" FROM report_ebt_company_month WHERE month >="
	" ? - INTERVAL (DAYOFMONTH(?) - 1) DAY AND month < ?"
	" AND" REPORT_IN_IDS(
		"crossing_id") " GROUP BY company_id, agency ORDER BY n DESC, company_id, agency"
			       " LIMIT ?");

/* Rows in a fixed key order (crossing, day, then the table): two changes
 * of one crossing's day in two transactions lock in the same order. */
int report_count_booking(const struct report_booking_change *c)
{
	char day[11], month[11];

	report_day(c->at, day);
	if (db_exec(&q_day, "iss", c->crossing_id, day, c->action) < 0)
		return -1;
	if (!strcmp(c->action, "called") &&
	    db_exec(&q_wait, "isi", c->crossing_id, day,
		    (long long)report_bucket(c->wait_secs)) < 0)
		return -1;
	if (!strcmp(c->action, "created")) {
		report_month(c->at, month);
		if (db_exec(&q_company, "siii", month, c->crossing_id,
			    c->company_id > 0 ? c->company_id : 0,
			    c->agency_id > 0 ? c->agency_id : 0) < 0)
			return -1;
	}
	return 0;
}

struct days_acc {
	struct report_ebt_row *out;
	int max, n;
};

static int days_cb(const struct row *row, void *ctx)
{
	struct days_acc *acc = ctx;
	const char *period = row_get(row, "period", "");
	const char *action = row_get(row, "action", "");
	int i;

	if (acc->n == 0 || strcmp(acc->out[acc->n - 1].period, period) != 0) {
		if (acc->n == acc->max)
			return 1;
		memset(&acc->out[acc->n], 0, sizeof(acc->out[0]));
		snprintf(acc->out[acc->n].period,
			 sizeof(acc->out[acc->n].period), "%s", period);
		acc->n++;
	}
	for (i = 0; i < REPORT_EBT__MAX; i++)
		if (!strcmp(report_ebt_actions[i], action))
			acc->out[acc->n - 1].n[i] += row_int(row, "n", 0);
	return 0;
}

int report_ebt_days(const long long *crossing_ids, int ncross, const char *from,
		    const char *to, enum report_grain g,
		    struct report_ebt_row *out, int max)
{
	struct days_acc acc = { out, max, 0 };
	char in[REPORT_JSON_MAX];

	if (report_json_ids(crossing_ids, ncross, in, sizeof(in)) < 0 ||
	    db_each(&q_days, days_cb, &acc, "isss", (long long)g, in, from,
		    to) < 0)
		return -1;
	return acc.n;
}

int report_ebt_wait(const long long *crossing_ids, int ncross, const char *from,
		    const char *to, enum report_grain g,
		    struct report_hist *all, struct report_pct_row *out,
		    int max)
{
	struct report_pct_acc acc = { all, out, max, 0, { { 0 }, 0 } };
	char in[REPORT_JSON_MAX];

	if (all)
		memset(all, 0, sizeof(*all));
	if (report_json_ids(crossing_ids, ncross, in, sizeof(in)) < 0 ||
	    db_each(&q_waits, report_pct_cb, &acc, "isss", (long long)g, in,
		    from, to) < 0)
		return -1;
	return report_pct_end(&acc);
}

struct companies_acc {
	struct report_company_row *out;
	int max, n;
};

static int companies_cb(const struct row *row, void *ctx)
{
	struct companies_acc *acc = ctx;

	if (acc->n == acc->max)
		return 1;
	acc->out[acc->n].company_id = row_int(row, "company_id", 0);
	acc->out[acc->n].agency_id = row_int(row, "agency", 0);
	acc->out[acc->n].n = row_int(row, "n", 0);
	acc->n++;
	return 0;
}

int report_ebt_companies(const long long *crossing_ids, int ncross,
			 const char *from, const char *to, int by_agency,
			 struct report_company_row *out, int max)
{
	struct companies_acc acc = { out, max, 0 };
	char in[REPORT_JSON_MAX];

	if (report_json_ids(crossing_ids, ncross, in, sizeof(in)) < 0 ||
	    db_each(&q_companies, companies_cb, &acc, "issssi",
		    (long long)(by_agency != 0), from, from, to, in,
		    (long long)max) < 0)
		return -1;
	return acc.n;
}
