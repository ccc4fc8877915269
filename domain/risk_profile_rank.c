/* risk_profile_rank.c: the profiles ranked by what their controls found:
 * each version's live hit rate next to random selection's (the baseline
 * a profile has to beat), best first */
#include "risk_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "risk.h"
#include "tzpl.h"

struct ranked {
	long long version_id, profile_id, version_no;
	long long selections, controls, irregular;
	double rate; /* -1: nothing controlled yet */
	char name[121];
};

static long long num(HDF *c, const char *name)
{
	return atoll(hdf_get_value(c, name, "0"));
}

/* The best hit rate first; unmeasured last; then more controls first. */
static int by_rate(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->rate != b->rate)
		return a->rate < b->rate ? 1 : -1;
	if (a->controls != b->controls)
		return a->controls < b->controls ? 1 : -1;
	return a->version_id < b->version_id ? -1
					     : a->version_id > b->version_id;
}

int risk_profile_ranking_hdf(HDF *hdf, const char *prefix, long long profile_id,
			     int days)
{
	HDF *tmp = NULL, *c;
	struct ranked *r = NULL;
	long long bc = 0, bi = 0;
	double base = -1;
	int n = 0, cap = 0, rc = -1;
	NEOERR *err;

	if ((err = hdf_init(&tmp))) {
		nerr_ignore(&err);
		return -1;
	}
	if (risk_outcomes_random_hdf(tmp, "Random", days) < 0 ||
	    risk_outcomes_versions_hdf(tmp, "Versions", days) < 0)
		goto out;
	for (c = hdf_obj_child(hdf_get_obj(tmp, "Random")); c;
	     c = hdf_obj_next(c)) {
		bc += num(c, "controls");
		bi += num(c, "irregular");
	}
	if (bc > 0)
		base = 100.0 * (double)bi / (double)bc;
	for (c = hdf_obj_child(hdf_get_obj(tmp, "Versions")); c;
	     c = hdf_obj_next(c)) {
		if (profile_id && num(c, "profile_id") != profile_id)
			continue;
		if (n == cap) {
			struct ranked *m = realloc(
				r, (cap = cap ? 2 * cap : 16) * sizeof(*r));

			if (!m)
				goto out;
			r = m;
		}
		memset(&r[n], 0, sizeof(r[n]));
		r[n].version_id = num(c, "version_id");
		r[n].profile_id = num(c, "profile_id");
		r[n].version_no = num(c, "version_no");
		r[n].selections = num(c, "selections");
		r[n].controls = num(c, "controls");
		r[n].irregular = num(c, "irregular");
		r[n].rate = r[n].controls > 0 ? 100.0 * (double)r[n].irregular /
							(double)r[n].controls
					      : -1;
		snprintf(r[n].name, sizeof(r[n].name), "%s",
			 hdf_get_value(c, "name", ""));
		n++;
	}
	if (n)
		qsort(r, n, sizeof(*r), by_rate);
	hdf_set_valuef(hdf, "%s.days=%d", prefix, days);
	hdf_set_valuef(hdf, "%s.baseline.controls=%lld", prefix, bc);
	hdf_set_valuef(hdf, "%s.baseline.irregular=%lld", prefix, bi);
	if (base >= 0)
		hdf_set_valuef(hdf, "%s.baseline.hit_rate=%.1f", prefix, base);
	for (int i = 0; i < n; i++) {
		hdf_set_valuef(hdf, "%s.List.%d.version_id=%lld", prefix, i,
			       r[i].version_id);
		hdf_set_valuef(hdf, "%s.List.%d.profile_id=%lld", prefix, i,
			       r[i].profile_id);
		hdf_set_valuef(hdf, "%s.List.%d.version_no=%lld", prefix, i,
			       r[i].version_no);
		hdf_set_valuef(hdf, "%s.List.%d.name=%s", prefix, i, r[i].name);
		hdf_set_valuef(hdf, "%s.List.%d.selections=%lld", prefix, i,
			       r[i].selections);
		hdf_set_valuef(hdf, "%s.List.%d.controls=%lld", prefix, i,
			       r[i].controls);
		hdf_set_valuef(hdf, "%s.List.%d.irregular=%lld", prefix, i,
			       r[i].irregular);
		if (r[i].rate >= 0) {
			hdf_set_valuef(hdf, "%s.List.%d.hit_rate=%.1f", prefix,
				       i, r[i].rate);
			/* beats chance only where both were measured */
			if (base >= 0)
				hdf_set_valuef(hdf, "%s.List.%d.beats=%d",
					       prefix, i,
					       r[i].rate > base ? 1 : 0);
		}
	}
	rc = 0;
out:
	free(r);
	hdf_destroy(&tmp);
	return rc;
}

/* Only a testing version's hits are stored with live = 0, so these are
 * the profile's testing periods (each decision once). */
static struct sql q_shadow = SQL(
	"SELECT COUNT(DISTINCT h.decision_id) AS n FROM risk_decision_hit h"
	" JOIN risk_profile_version v ON v.id = h.profile_version_id"
	" WHERE v.profile_id = ? AND h.live = 0");

long long risk_profile_shadow_hits(long long id)
{
	struct arena a = { 0 };
	struct row row;
	long long n = -1;

	if (db_get(&a, &q_shadow, &row, "i", id) == 1)
		n = row_int(&row, "n", 0);
	arena_reset(&a);
	return n;
}

/* ---- per week ---- */

#define MAX_WEEKS 53

/* Each live hit with its moment (seconds since 1970, UTC: TIMESTAMPDIFF
 * of two DATETIMEs needs no time zone in the server): the week is
 * counted in Warsaw time in C. A decision hit by two versions of the
 * profile counts once. */
static struct sql q_weeks = SQL(
	"SELECT TIMESTAMPDIFF(SECOND, '1970-01-01', d.created_at) AS t, d.outcome"
	" FROM risk_decision d WHERE d.id IN (SELECT h.decision_id"
	"  FROM risk_decision_hit h JOIN risk_profile_version v ON v.id = h.profile_version_id"
	"  WHERE v.profile_id = ? AND h.live = 1)"
	" AND d.created_at >= UTC_TIMESTAMP() - INTERVAL ? DAY");

struct week {
	char monday[11];
	long long selections, controls, irregular;
};

struct weeks {
	struct week w[MAX_WEEKS];
	int n;
};

static int week_cb(const struct row *row, void *ctx)
{
	struct weeks *ws = ctx;
	const char *outcome = row_get(row, "outcome", NULL);
	long long t = row_int(row, "t", 0);
	struct tzpl_tm tm;
	char monday[11];
	int i;

	tzpl_from_utc(t, &tm);
	tzpl_day(t, 1 - tzpl_dow(tm.year, tm.mon, tm.day), monday);
	for (i = 0; i < ws->n; i++)
		if (!strcmp(ws->w[i].monday, monday))
			break;
	if (i == ws->n) {
		if (ws->n == MAX_WEEKS)
			return 0;
		memset(&ws->w[i], 0, sizeof(ws->w[i]));
		memcpy(ws->w[i].monday, monday, sizeof(monday));
		ws->n++;
	}
	ws->w[i].selections++;
	if (outcome) {
		ws->w[i].controls++;
		if (!strcmp(outcome, "irregularity") ||
		    !strcmp(outcome, "seizure"))
			ws->w[i].irregular++;
	}
	return 0;
}

static int newest_first(const void *pa, const void *pb)
{
	return -strcmp(((const struct week *)pa)->monday,
		       ((const struct week *)pb)->monday);
}

int risk_profile_weeks_hdf(HDF *hdf, const char *prefix, long long id,
			   int weeks)
{
	struct weeks *ws = calloc(1, sizeof(*ws));
	int rc = -1;

	if (!ws)
		return -1;
	if (weeks > MAX_WEEKS - 1)
		weeks = MAX_WEEKS - 1;
	if (db_each(&q_weeks, week_cb, ws, "ii", id, (long long)weeks * 7) < 0)
		goto out;
	qsort(ws->w, ws->n, sizeof(ws->w[0]), newest_first);
	for (int i = 0; i < ws->n; i++) {
		struct week *w = &ws->w[i];

		hdf_set_valuef(hdf, "%s.%d.monday=%s", prefix, i, w->monday);
		hdf_set_valuef(hdf, "%s.%d.selections=%lld", prefix, i,
			       w->selections);
		hdf_set_valuef(hdf, "%s.%d.controls=%lld", prefix, i,
			       w->controls);
		hdf_set_valuef(hdf, "%s.%d.irregular=%lld", prefix, i,
			       w->irregular);
		if (w->controls > 0)
			hdf_set_valuef(hdf, "%s.%d.hit_rate=%.1f", prefix, i,
				       100.0 * (double)w->irregular /
					       (double)w->controls);
	}
	rc = 0;
out:
	free(ws);
	return rc;
}
