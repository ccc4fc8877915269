/* risk_profile_backtest.c: a profile's newest version evaluated over the
 * stored events of the last days: selections per day, a sample, and the
 * overlap with the active profiles. The rule is compiled once and the
 * events streamed through one prepared statement (domain/devices), so a
 * million events take seconds (docs/performance.md). */
#include "risk_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices.h"
#include "log.h"
#include "risk_int.h"
#include "tzpl.h"

#define MAX_DAYS 90
#define SAMPLE 20
#define MAX_OTHERS 64
/* A rule on the register sees the events of the window and of so many
 * days before it (docs/risk.md, "Backtest"). */
#define LOOKBACK_DAYS 30

struct bt;

/* One event as the rule sees it. */
struct ev {
	struct bt *b;
	long long id, ts;
	const char *crossing, *lane_kind, *dir, *kind, *obj_key, *country;
	const char *confidence;
	int doubtful;
	struct tzpl_tm tm;
	char day[11];
};

struct bt {
	struct risk_active self;
	long long today; /* Warsaw day number of today */
	int days;
	long long scanned, total;
	long long per_day[MAX_DAYS + 1];
	struct {
		long long id;
		char t[17], crossing[9], kind[12], obj_key[65], used[200];
	} sample[SAMPLE];
	int nsample; /* ring: the newest SAMPLE */
	const struct risk_active *others[MAX_OTHERS];
	long long both[MAX_OTHERS];
	int nothers;
	const struct ev *cur;
	struct risk_facts facts;
	/* with a rule on the register: the sightings read so far, since
	 * loaded_from (UTC seconds); the window starts at window_from */
	struct risk_bt_register *reg;
	long long loaded_from, window_from;
};

/* sightings(days), first_sighting, crossings_within(hours) as of the
 * event, from the sightings streamed before it; unknown where the
 * period reaches back before what was read. */
static void register_fact(const struct ev *e, int field, long long arg,
			  struct risk_value *out)
{
	struct bt *b = e->b;
	long long since;

	out->known = 0;
	if (!b->reg || !*e->obj_key)
		return;
	switch (field) {
	case RF_SIGHTINGS:
		since = e->ts - arg * 86400;
		if (since < b->loaded_from)
			return;
		out->i = risk_bt_register_count(b->reg, e->kind, e->obj_key,
						since);
		break;
	case RF_FIRST_SIGHTING:
		out->i = risk_bt_register_count(b->reg, e->kind, e->obj_key,
						b->loaded_from) == 0;
		break;
	default: /* RF_CROSSINGS_WITHIN */
		since = e->ts - arg * 3600;
		if (since < b->loaded_from)
			return;
		out->i = risk_bt_register_crossings(b->reg, e->kind, e->obj_key,
						    since, e->crossing);
		break;
	}
	out->known = 1;
}

/* The event's own facts and the register's; eBT, the lane's other
 * devices, watch and external facts are not known in a backtest. */
static int get(void *ctx, int field, const long long *args, int nargs,
	       struct risk_value *out)
{
	const struct ev *e = ctx;

	out->known = 1;
	switch (field) {
	case RF_SIGHTINGS:
	case RF_FIRST_SIGHTING:
	case RF_CROSSINGS_WITHIN:
		register_fact(e, field, nargs > 0 ? args[0] : 0, out);
		return 0;
	case RF_EVENT_CROSSING:
		out->s = e->crossing;
		break;
	case RF_EVENT_LANE_KIND:
		out->s = e->lane_kind;
		break;
	case RF_EVENT_DIRECTION:
		out->s = e->dir;
		break;
	case RF_EVENT_OBJECT_KIND:
		out->s = e->kind;
		break;
	case RF_EVENT_PLATE_COUNTRY:
		out->s = e->country;
		out->known = e->country && !strcmp(e->kind, "plate");
		break;
	case RF_EVENT_NATIONALITY:
		out->s = e->country;
		out->known = e->country && !strcmp(e->kind, "document");
		break;
	case RF_EVENT_CONFIDENCE:
		out->known = e->confidence != NULL;
		out->d = e->confidence ? strtod(e->confidence, NULL) : 0;
		break;
	case RF_EVENT_HOUR:
		out->i = e->tm.hour;
		break;
	case RF_EVENT_WEEKDAY:
		out->i = e->tm.wday;
		break;
	case RF_DOUBTFUL:
		out->i = e->doubtful;
		break;
	default:
		out->known = 0;
		break;
	}
	if (out->known && (field <= RF_EVENT_OBJECT_KIND) && !out->s)
		out->known = 0;
	return 0;
}

/* Days since 1970-01-01 of a local date. */
static long long day_number(int y, int m, int d)
{
	/* H. Hinnant's days_from_civil */
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

/* One event of the window evaluated: 0 on, 1 stop (an error). */
static int evaluate(struct bt *b, const struct ev *e)
{
	struct risk_facts f = { (void *)e, get };
	long long idx;
	int m;

	/* the validity period is not applied: the backtest asks what the
	 * rule would have done on those days */
	if (!risk_active_applies(&b->self, e->crossing, e->lane_kind, NULL))
		return 0;
	if ((m = risk_rule_eval(b->self.rule, &f, NULL, 0)) < 0)
		return 1;
	if (!m)
		return 0;
	b->total++;
	idx = day_number(e->tm.year, e->tm.mon, e->tm.day) -
	      (b->today - b->days);
	if (idx >= 0 && idx <= b->days)
		b->per_day[idx]++;
	{
		int k = b->nsample % SAMPLE;

		b->sample[k].id = e->id;
		tzpl_text(e->ts, b->sample[k].t);
		snprintf(b->sample[k].crossing, sizeof(b->sample[k].crossing),
			 "%s", e->crossing ? e->crossing : "");
		snprintf(b->sample[k].kind, sizeof(b->sample[k].kind), "%s",
			 e->kind);
		snprintf(b->sample[k].obj_key, sizeof(b->sample[k].obj_key),
			 "%s", e->obj_key);
		/* again with the inputs written down: only for the selected */
		risk_rule_eval(b->self.rule, &f, b->sample[k].used,
			       sizeof(b->sample[k].used));
		b->nsample++;
	}
	for (int i = 0; i < b->nothers; i++)
		if (risk_active_applies(b->others[i], e->crossing, e->lane_kind,
					e->day) &&
		    risk_rule_eval(b->others[i]->rule, &f, NULL, 0) == 1)
			b->both[i]++;
	return 0;
}

static int row_cb(const struct row *row, void *ctx)
{
	struct bt *b = ctx;
	struct ev e;
	int stop;

	memset(&e, 0, sizeof(e));
	e.b = b;
	e.id = row_int(row, "id", 0);
	e.ts = row_int(row, "ts", 0);
	e.crossing = row_get(row, "crossing", NULL);
	e.lane_kind = row_get(row, "lane_kind", NULL);
	e.dir = row_get(row, "dir", NULL);
	e.kind = row_get(row, "kind", "");
	e.obj_key = row_get(row, "obj_key", "");
	e.country = row_get(row, "country", NULL);
	e.confidence = row_get(row, "confidence", NULL);
	e.doubtful = (int)row_int(row, "doubtful", 0);
	tzpl_from_utc(e.ts, &e.tm);
	snprintf(e.day, sizeof(e.day), "%04d-%02d-%02d", e.tm.year, e.tm.mon,
		 e.tm.day);
	/* before the window: only a sighting for the events after it */
	stop = 0;
	if (!b->reg || e.ts >= b->window_from) {
		b->scanned++;
		stop = evaluate(b, &e);
	}
	if (!stop && b->reg &&
	    risk_bt_register_add(b->reg, e.kind, e.obj_key, e.ts, e.crossing) <
		    0)
		stop = 1;
	return stop;
}

static void fenced(const char *list, char *out, size_t outsz)
{
	if (!list || !*list)
		out[0] = '\0';
	else
		snprintf(out, outsz, ",%s,", list);
}

static void put_hdf(const struct bt *b, HDF *hdf, const char *prefix)
{
	char day[11];
	int n, k;

	hdf_set_valuef(hdf, "%s.days=%d", prefix, b->days);
	hdf_set_valuef(hdf, "%s.total=%lld", prefix, b->total);
	hdf_set_valuef(hdf, "%s.scanned=%lld", prefix, b->scanned);
	for (int i = 0; i <= b->days; i++) {
		tzpl_today(i - b->days, day);
		hdf_set_valuef(hdf, "%s.Day.%d.day=%s", prefix, i, day);
		hdf_set_valuef(hdf, "%s.Day.%d.count=%lld", prefix, i,
			       b->per_day[i]);
	}
	/* the newest first */
	n = b->nsample < SAMPLE ? b->nsample : SAMPLE;
	for (int i = 0; i < n; i++) {
		k = ((b->nsample - 1 - i) % SAMPLE + SAMPLE) % SAMPLE;
		hdf_set_valuef(hdf, "%s.Sample.%d.event_id=%lld", prefix, i,
			       b->sample[k].id);
		hdf_set_valuef(hdf, "%s.Sample.%d.t=%s", prefix, i,
			       b->sample[k].t);
		hdf_set_valuef(hdf, "%s.Sample.%d.crossing=%s", prefix, i,
			       b->sample[k].crossing);
		hdf_set_valuef(hdf, "%s.Sample.%d.kind=%s", prefix, i,
			       b->sample[k].kind);
		hdf_set_valuef(hdf, "%s.Sample.%d.obj_key=%s", prefix, i,
			       b->sample[k].obj_key);
		hdf_set_valuef(hdf, "%s.Sample.%d.used=%s", prefix, i,
			       b->sample[k].used);
	}
	for (int i = 0; i < b->nothers; i++) {
		hdf_set_valuef(hdf, "%s.Overlap.%d.id=%lld", prefix, i,
			       b->others[i]->profile_id);
		hdf_set_valuef(hdf, "%s.Overlap.%d.name=%s", prefix, i,
			       b->others[i]->name);
		hdf_set_valuef(hdf, "%s.Overlap.%d.both=%lld", prefix, i,
			       b->both[i]);
	}
}

int risk_profile_backtest(long long id, int days, HDF *hdf, const char *prefix)
{
	struct arena a = { 0 };
	struct risk_error err;
	struct row row;
	struct bt *b = NULL;
	const struct risk_active *all[MAX_OTHERS + 1];
	struct tzpl_tm now;
	int rc, n;

	if (days < 1 || days > MAX_DAYS)
		return -1;
	if ((rc = risk_profile_get(&a, id, &row)) != 1)
		goto out;
	rc = -1;
	if (!(b = calloc(1, sizeof(*b))))
		goto out;
	b->days = days;
	tzpl_from_utc(now_unix(), &now);
	b->today = day_number(now.year, now.mon, now.day);
	if (risk_rule_compile(row_get(&row, "rule_text", ""), &b->self.rule,
			      &err) < 0) {
		log_err("risk: profile %lld does not compile: %s", id, err.msg);
		goto out;
	}
	fenced(row_get(&row, "crossings", NULL), b->self.crossings,
	       sizeof(b->self.crossings));
	fenced(row_get(&row, "lane_kinds", NULL), b->self.lane_kinds,
	       sizeof(b->self.lane_kinds));
	if ((n = risk_profiles_active_all(all, MAX_OTHERS + 1)) < 0)
		goto out;
	for (int i = 0; i < n && b->nothers < MAX_OTHERS; i++)
		if (all[i]->profile_id != id)
			b->others[b->nothers++] = all[i];
	/* A rule on the register reads the sightings before each event:
	 * streamed from LOOKBACK_DAYS before the window, kept in memory. */
	if (risk_rule_uses(b->self.rule, RF_SIGHTINGS) ||
	    risk_rule_uses(b->self.rule, RF_FIRST_SIGHTING) ||
	    risk_rule_uses(b->self.rule, RF_CROSSINGS_WITHIN)) {
		if (!(b->reg = risk_bt_register_new()))
			goto out;
		b->window_from = now_unix() - (long long)days * 86400;
		b->loaded_from = b->window_from - LOOKBACK_DAYS * 86400LL;
	}
	if (devices_backtest_each(b->reg ? days + LOOKBACK_DAYS : days, row_cb,
				  b) < 0) {
		log_err("risk: backtest of profile %lld: %s", id, db_error());
		goto out;
	}
	put_hdf(b, hdf, prefix);
	rc = 1;
out:
	if (b) {
		risk_rule_free(b->self.rule);
		risk_bt_register_free(b->reg);
	}
	free(b);
	arena_reset(&a);
	return rc;
}
