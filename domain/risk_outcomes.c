/* risk_outcomes.c: outcomes fed back: a closed control task's outcome on
 * its decision, and the hit rates per profile version and of random
 * selection per crossing (the baseline a profile has to beat) */
#include "risk.h"

#include <stdio.h>
#include <stdlib.h>

#include "control.h"
#include "report.h"

static struct sql q_outcome = SQL(
	"UPDATE risk_decision SET outcome = ? WHERE id = ?");

static struct sql q_decision = SQL(
	"SELECT crossing, colour, random FROM risk_decision WHERE id = ?");
static struct sql q_hits = SQL(
	"SELECT profile_version_id, live FROM risk_decision_hit"
	" WHERE decision_id = ? ORDER BY id");

struct hits {
	struct report_hit h[64];
	int n;
};

static int hit_cb(const struct row *row, void *ctx)
{
	struct hits *hs = ctx;

	if (hs->n == (int)(sizeof(hs->h) / sizeof(hs->h[0])))
		return 1;
	hs->h[hs->n].version_id = row_int(row, "profile_version_id", 0);
	hs->h[hs->n].live = (int)row_int(row, "live", 0);
	hs->n++;
	return 0;
}

/* The outcome counted in the reports' rollups (domain/report): per colour
 * and draw, and per profile version that fired, on the day the task was
 * closed (its closed_at, as stored). */
static int count(long long decision_id, const char *outcome)
{
	struct arena a = { 0 };
	struct row d, t;
	struct hits hs = { .n = 0 };
	struct report_outcome o;
	int rc = -1;

	if (db_get(&a, &q_decision, &d, "i", decision_id) != 1 ||
	    control_task_of_decision(&a, decision_id, &t) != 1 ||
	    db_each(&q_hits, hit_cb, &hs, "i", decision_id) < 0)
		goto out;
	o = (struct report_outcome){
		.crossing = row_get(&d, "crossing", ""),
		.colour = row_get(&d, "colour", ""),
		.random = (int)row_int(&d, "random", 0),
		.outcome = outcome,
		.at = row_int(&t, "closed_at", 0),
		.hits = hs.h,
		.nhits = hs.n,
	};
	rc = report_count_outcome(&o);
out:
	arena_reset(&a);
	return rc;
}

int risk_decision_outcome(long long decision_id, const char *outcome)
{
	if (db_exec(&q_outcome, "si", outcome, decision_id) < 0)
		return -1;
	return count(decision_id, outcome);
}

#define COUNTS                                     \
	" COUNT(*) AS selections,"                 \
	" SUM(d.outcome IS NOT NULL) AS controls," \
	" SUM(d.outcome IN ('irregularity', 'seizure')) AS irregular"

static struct sql q_random = SQL(
	"SELECT d.crossing," COUNTS " FROM risk_decision d"
	" WHERE d.random = 1 AND d.created_at >= UTC_TIMESTAMP() - INTERVAL ? DAY"
	" GROUP BY d.crossing ORDER BY d.crossing");
/* Live hits only: a profile in testing changed nothing on the lanes. */
static struct sql q_versions = SQL(
	"SELECT h.profile_version_id AS version_id, v.profile_id, v.no AS"
	" version_no, p.name," COUNTS
	" FROM risk_decision_hit h JOIN risk_decision d ON d.id = h.decision_id"
	" LEFT JOIN risk_profile_version v ON v.id = h.profile_version_id"
	" LEFT JOIN risk_profile p ON p.id = v.profile_id"
	" WHERE h.live = 1 AND d.created_at >= UTC_TIMESTAMP() - INTERVAL ? DAY"
	" GROUP BY h.profile_version_id, v.profile_id, v.no, p.name");

/* hit_rate (percent, one decimal) of each child: irregular / controls,
 * empty when nothing was controlled yet. */
static int rates(HDF *hdf, const char *prefix)
{
	HDF *c;
	char buf[16];
	NEOERR *err;

	for (c = hdf_obj_child(hdf_get_obj(hdf, prefix)); c;
	     c = hdf_obj_next(c)) {
		long long n = atoll(hdf_get_value(c, "controls", "0"));
		long long k = atoll(hdf_get_value(c, "irregular", "0"));

		if (n <= 0)
			continue;
		snprintf(buf, sizeof(buf), "%.1f",
			 100.0 * (double)k / (double)n);
		if ((err = hdf_set_value(c, "hit_rate", buf))) {
			nerr_ignore(&err);
			return -1;
		}
	}
	return 0;
}

int risk_outcomes_random_hdf(HDF *hdf, const char *prefix, int days)
{
	if (db_select_hdf(&q_random, hdf, prefix, "i", (long long)days) < 0)
		return -1;
	return rates(hdf, prefix);
}

int risk_outcomes_versions_hdf(HDF *hdf, const char *prefix, int days)
{
	if (db_select_hdf(&q_versions, hdf, prefix, "i", (long long)days) < 0)
		return -1;
	return rates(hdf, prefix);
}
