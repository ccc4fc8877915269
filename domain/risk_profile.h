/* risk_profile.h: risk profiles: a named rule (docs/risk-rules.md) with a
 * weight or a fixed decision, a scope and a validity; every version kept;
 * life cycle draft -> testing -> active -> retired, active only after a
 * second analyst approved (risk_profile*.c, tables risk_profile,
 * risk_profile_version, risk_approval of domain/risk) */
#ifndef ZSOG_RISK_PROFILE_H
#define ZSOG_RISK_PROFILE_H

#include <ClearSilver.h>

#include "db.h"
#include "risk_rule.h"
#include "util.h"

/* What an analyst saves, already valid (the handler's params): fixed is
 * "green", "yellow" or "red", or NULL with weight > 0; crossings and
 * lane_kinds comma-separated codes or NULL for all; dates YYYY-MM-DD or
 * NULL. */
struct risk_profile_in {
	const char *name;
	const char *rule;
	long long weight;
	const char *fixed;
	const char *crossings;
	const char *lane_kinds;
	const char *valid_from, *valid_to;
	int random_per_mille; /* the profile's own rate 0..1000, -1 none */
};

/* SQL: a rate in per mille (column col) as the analyst wrote it, in
 * percent with one decimal when not whole ("2.5", "50"); NULL stays NULL. */
#define RISK_RATE_PCT(col)                                                 \
	"CONCAT(" col " DIV 10, IF(" col " % 10 = 0, '', CONCAT('.', " col \
	" % 10)))"

/* The lane kinds a scope may name (device.lane_kind), NULL-ended. */
extern const char *const risk_lane_kinds[];

/* Normalises a comma/space separated list of crossing codes (upper case,
 * "GRZ,KOR") or lane kinds into out; returns its length, 0 when one item
 * is not a crossing's code / not a lane kind (or the list is empty). */
size_t risk_scope_crossings(const char *in, char *out, size_t outsz);
size_t risk_scope_lane_kinds(const char *in, char *out, size_t outsz);

/* Creates a draft with version 1 in one transaction: its id, -2 the name
 * is taken, -1 error. The rule must have compiled. */
long long risk_profile_create(const struct risk_profile_in *in, long long by);
/* Saves a new version of profile id (and its name) while it is a draft
 * or in testing: 1 saved, 0 not in such a state (or none), -2 name
 * taken, -1 error. */
int risk_profile_save(long long id, const struct risk_profile_in *in,
		      long long by);

/* The profiles, by state then name, as prefix.N: id, name, state,
 * author_id, author (name), version_no, active_no, changed_at, fixed, weight. 0 or -1. */
int risk_profile_list_hdf(HDF *hdf, const char *prefix);
/* One profile with its newest version as *row: id, name, state,
 * author_id, version_id, version_no, rule_text, weight, fixed,
 * random_pct (the rate in percent, e.g. "2.5"; unset none), crossings,
 * lane_kinds, valid_from, valid_to, version_by (the writer's id),
 * active_version_id, created_at, changed_at. 1, 0 none, -1. */
int risk_profile_get(struct arena *a, long long id, struct row *row);
/* Its versions, newest first, as prefix.N: id, no, rule_text, weight,
 * fixed, random_pct, crossings, lane_kinds, valid_from, valid_to, created_by_id,
 * created_by (name), created_at, approved_by_id, approved_by (name),
 * approved_at. 0 or -1. */
int risk_profile_versions_hdf(HDF *hdf, const char *prefix, long long id);

/* What the state allows; the page shows only these actions and the
 * handlers refuse the others. me: the analyst looking; writer: who wrote
 * the newest version (the four eyes). */
struct risk_profile_can {
	int edit, test, draft, approve, retire, backtest;
	int own; /* me wrote the newest version: approving is for another */
};
void risk_profile_can(const char *state, long long writer, long long me,
		      struct risk_profile_can *c);
/* Moves profile id from one state to another where the life cycle
 * allows it without approval (draft <-> testing, active -> retired):
 * 1 moved, 0 not from that state, -1 error. */
int risk_profile_move(long long id, const char *from, const char *to);
/* testing -> active with the newest version approved by `by`: 1 done,
 * 0 not in testing (or none), -2 by wrote that version, -1 error. */
int risk_profile_approve(long long id, long long by);

/* ---- the active profiles, for the decision (risk_profile_active.c) ---- */

enum risk_fixed {
	RISK_FIXED_NONE,
	RISK_FIXED_GREEN,
	RISK_FIXED_YELLOW,
	RISK_FIXED_RED
};

struct risk_active {
	long long profile_id, version_id;
	char name[121];
	struct risk_rule *rule;
	long long weight; /* with RISK_FIXED_NONE */
	enum risk_fixed fixed;
	char crossings[256];		   /* "" all, else ",GRZ,KOR," */
	char lane_kinds[256];		   /* "" all, else ",truck,car," */
	char valid_from[11], valid_to[11]; /* "" open */
	int shadow;	      /* in testing: its hit is stored with live = 0
				 * and changes neither colour, score nor task */
	int random_per_mille; /* -1: every match fires; else a match fires
			       * when a draw of 1000 falls below it */
};

/* The compiled active versions, and the testing profiles' newest
 * versions flagged shadow, that apply at crossing and lane_kind on
 * Warsaw date day (YYYY-MM-DD; NULL today), into out[] (at most max);
 * returns their count or -1. Compiled once per worker and kept until a
 * profile changes (EPOCH_RISK); the pointers stay valid until the next
 * call. */
int risk_profiles_active(const char *crossing, const char *lane_kind,
			 const char *day, const struct risk_active **out,
			 int max);
/* Every active one (not the shadow ones), whatever its scope (the
 * backtest's overlap). */
int risk_profiles_active_all(const struct risk_active **out, int max);
/* The compiled set read again if EPOCH_RISK moved: called outside a
 * transaction (risk_prepare), so the decisions inside find it kept. 0 or
 * -1. */
int risk_profiles_prepare(void);
/* Whether a in scope at crossing / lane_kind on day (as above). */
int risk_active_applies(const struct risk_active *a, const char *crossing,
			const char *lane_kind, const char *day);

/* ---- outcomes fed back (risk_profile_rank.c) ---- */

/* The live profile versions of the last `days` days (only profile_id's
 * when it is not 0), best hit rate first, as prefix.List.N: version_id,
 * profile_id, version_no, name, selections, controls, irregular, and
 * hit_rate (percent, one decimal) and beats (1 above the baseline, 0 not)
 * once measured; prefix.baseline: controls, irregular, hit_rate of random
 * selection at every crossing; prefix.days. 0 or -1. */
int risk_profile_ranking_hdf(HDF *hdf, const char *prefix, long long profile_id,
			     int days);

/* Profile id's live selections per Warsaw week (Monday to Sunday) of
 * the last `weeks` weeks, newest first, as prefix.N: monday (YYYY-MM-DD),
 * selections, controls, irregular, and hit_rate (percent, one decimal)
 * once a control is done; weeks without a selection left out. 0 or -1. */
int risk_profile_weeks_hdf(HDF *hdf, const char *prefix, long long id,
			   int weeks);
/* How many decisions profile id's versions would have changed while it
 * was in testing (its shadow hits, risk_decision_hit.live = 0): the
 * count, or -1. */
long long risk_profile_shadow_hits(long long id);

/* ---- the backtest (risk_profile_backtest.c) ---- */

/* Evaluates profile id's newest version over the stored events of the
 * last `days` days that identify an object (in its scope), as
 * prefix.days (the count), prefix.total, prefix.scanned,
 * prefix.Day.N.day / .count (Warsaw dates, oldest first, every day),
 * prefix.Sample.N (at most 20: event_id, t, crossing, kind, obj_key,
 * used), prefix.Overlap.N (each other active profile: id, name, both).
 * Facts other than the event's own are unknown in a backtest
 * (docs/risk-rules.md). 1, 0 no such profile, -1 error. */
int risk_profile_backtest(long long id, int days, HDF *hdf, const char *prefix);

#endif
