/* risk_profile_active.c: the active profiles' approved versions and the
 * testing profiles' newest versions (shadow: evaluated, without effect),
 * compiled once per worker and compiled again only when a profile
 * changes (EPOCH_RISK), for the decision at every event */
#include "risk_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "epoch.h"
#include "epochs.h"
#include "kept.h"
#include "log.h"
#include "tzpl.h"

/* The decision's bound on active profiles: the issue plans for 50. */
#define MAX_ACTIVE 256

static struct sql q_active = SQL(
	"SELECT p.id, v.id AS version_id, p.name, v.rule_text, v.weight, v.fixed,"
	" v.random_per_mille,"
	" v.crossings, v.lane_kinds, v.valid_from, v.valid_to,"
	" p.state = 'testing' AS shadow"
	" FROM risk_profile p JOIN risk_profile_version v"
	"  ON v.id = IF(p.state = 'active', p.active_version_id, p.version_id)"
	" WHERE p.state IN ('active', 'testing') ORDER BY p.id");

/* No time limit but EPOCH_RISK's: a profile's validity is checked per
 * decision (risk_active_applies), the set changes only by its writers. */
#define KEEP_MS (1000LL * 86400 * 365)

static struct risk_active active[MAX_ACTIVE];
static int nactive;
static struct kept kept; /* of active[] */
static int loaded;
static unsigned generation; /* of active[], moved by every load */

/* The profiles in scope of the last crossing, lane kind and day asked
 * for: a batch's subjects share them, and matching 50 profiles' lists
 * per subject was a tenth of the decision's CPU. */
static struct {
	char crossing[16], lane_kind[24], day[16];
	unsigned generation;
	int valid, n;
	const struct risk_active *list[MAX_ACTIVE];
} scope;

static void clear(void)
{
	for (int i = 0; i < nactive; i++)
		risk_rule_free(active[i].rule);
	nactive = 0;
	loaded = 0;
}

/* ",A,B," so that a lookup is one strstr of ",X," */
static void fenced(const char *list, char *out, size_t outsz)
{
	if (!list || !*list)
		out[0] = '\0';
	else
		snprintf(out, outsz, ",%s,", list);
}

static int add_cb(const struct row *row, void *ctx)
{
	struct risk_active *a;
	struct risk_error err;
	const char *fixed = row_get(row, "fixed", NULL);

	(void)ctx;
	if (nactive == MAX_ACTIVE) {
		log_err("risk: more than %d active profiles, the rest ignored",
			MAX_ACTIVE);
		return 1;
	}
	a = &active[nactive];
	memset(a, 0, sizeof(*a));
	/* saved versions compiled when saved: a failure here is a bug or a
	 * language change, and must not stop the other profiles */
	if (risk_rule_compile(row_get(row, "rule_text", ""), &a->rule, &err) <
	    0) {
		log_err("risk: profile %s does not compile: %s at %d:%d",
			row_get(row, "id", "?"), err.msg, err.line, err.col);
		return 0;
	}
	a->profile_id = row_int(row, "id", 0);
	a->version_id = row_int(row, "version_id", 0);
	snprintf(a->name, sizeof(a->name), "%s", row_get(row, "name", ""));
	a->weight = row_int(row, "weight", 0);
	a->shadow = row_int(row, "shadow", 0) != 0;
	a->random_per_mille = (int)row_int(row, "random_per_mille", -1);
	a->fixed = !fixed		      ? RISK_FIXED_NONE
		   : !strcmp(fixed, "green")  ? RISK_FIXED_GREEN
		   : !strcmp(fixed, "yellow") ? RISK_FIXED_YELLOW
					      : RISK_FIXED_RED;
	fenced(row_get(row, "crossings", NULL), a->crossings,
	       sizeof(a->crossings));
	fenced(row_get(row, "lane_kinds", NULL), a->lane_kinds,
	       sizeof(a->lane_kinds));
	snprintf(a->valid_from, sizeof(a->valid_from), "%s",
		 row_get(row, "valid_from", ""));
	snprintf(a->valid_to, sizeof(a->valid_to), "%s",
		 row_get(row, "valid_to", ""));
	nactive++;
	return 0;
}

/* Without shared counters nothing tells a change, and a set read inside
 * a transaction may be of its snapshot (kept.h): then read every time,
 * until risk_prepare reads it outside one. */
static int load(void)
{
	struct kept_stamp s;

	if (loaded && kept_good(&kept))
		return 0;
	s = kept_note(EPOCH_BIT(EPOCH_RISK));
	clear();
	kept_drop(&kept);
	generation++;
	if (db_each(&q_active, add_cb, NULL, "") < 0) {
		clear();
		return -1;
	}
	loaded = 1;
	kept_set(&kept, &s, KEEP_MS);
	return 0;
}

int risk_profiles_prepare(void)
{
	return load();
}

static int in_list(const char *fenced_list, const char *item)
{
	char key[40];

	if (!fenced_list[0])
		return 1;
	if (!item || !*item)
		return 0;
	snprintf(key, sizeof(key), ",%s,", item);
	return strstr(fenced_list, key) != NULL;
}

int risk_active_applies(const struct risk_active *a, const char *crossing,
			const char *lane_kind, const char *day)
{
	if (!in_list(a->crossings, crossing) ||
	    !in_list(a->lane_kinds, lane_kind))
		return 0;
	/* dates as YYYY-MM-DD compare as text */
	if (day && a->valid_from[0] && strcmp(day, a->valid_from) < 0)
		return 0;
	if (day && a->valid_to[0] && strcmp(day, a->valid_to) > 0)
		return 0;
	return 1;
}

/* 1 if the last scope answers for these (each fits its buffer). */
static int same_scope(const char *crossing, const char *lane_kind,
		      const char *day)
{
	lane_kind = lane_kind ? lane_kind : "";
	crossing = crossing ? crossing : "";
	return scope.valid && scope.generation == generation &&
	       strlen(crossing) < sizeof(scope.crossing) &&
	       strlen(lane_kind) < sizeof(scope.lane_kind) &&
	       !strcmp(scope.crossing, crossing) &&
	       !strcmp(scope.lane_kind, lane_kind) && !strcmp(scope.day, day);
}

static void keep_scope(const char *crossing, const char *lane_kind,
		       const char *day)
{
	scope.n = 0;
	for (int i = 0; i < nactive; i++)
		if (risk_active_applies(&active[i], crossing, lane_kind, day))
			scope.list[scope.n++] = &active[i];
	snprintf(scope.crossing, sizeof(scope.crossing), "%s",
		 crossing ? crossing : "");
	snprintf(scope.lane_kind, sizeof(scope.lane_kind), "%s",
		 lane_kind ? lane_kind : "");
	snprintf(scope.day, sizeof(scope.day), "%s", day);
	scope.generation = generation;
	scope.valid = 1;
}

int risk_profiles_active(const char *crossing, const char *lane_kind,
			 const char *day, const struct risk_active **out,
			 int max)
{
	char today[11];
	int n;

	if (load() < 0)
		return -1;
	if (!day) {
		tzpl_today(0, today);
		day = today;
	}
	if (!same_scope(crossing, lane_kind, day))
		keep_scope(crossing, lane_kind, day);
	n = scope.n < max ? scope.n : max;
	memcpy(out, scope.list, sizeof(*out) * (size_t)n);
	return n;
}

int risk_profiles_active_all(const struct risk_active **out, int max)
{
	int n = 0;

	if (load() < 0)
		return -1;
	/* the testing ones decide nothing: no overlap with them */
	for (int i = 0; i < nactive && n < max; i++)
		if (!active[i].shadow)
			out[n++] = &active[i];
	return n;
}
