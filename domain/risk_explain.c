/* risk_explain.c: why a decision is what it is (the profile versions that
 * fired with the inputs they read, the random draw, the re-inspection
 * order), and decisions for other modules' lists */
#include "risk.h"

#include "db_join.h"
#include "risk_profile.h"
#include "staff.h"

static struct sql q_get = SQL(
	"SELECT d.id, d.crossing, d.lane_kind, d.object_kind, d.object_key,"
	" d.event_id, d.booking_id, d.colour, d.score, d.random,"
	" d.reinspection_id, DATE_FORMAT(d.created_at, '%Y-%m-%d %H:%i:%s')"
	" AS created_at, r.reason AS order_reason, r.value AS order_value,"
	" r.subject AS order_subject, r.created_by AS order_by"
	" FROM risk_decision d LEFT JOIN reinspection r"
	" ON r.id = d.reinspection_id WHERE d.id = ?");

int risk_decision_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

static struct sql q_hits = SQL(
	"SELECT h.profile_version_id AS version_id, h.used, h.live, h.random,"
	" v.no AS version_no, v.weight, v.fixed, "
	" " RISK_RATE_PCT(
		"v.random_per_mille") " AS random_pct, p.id AS profile_id, p.name"
				      " FROM risk_decision_hit h"
				      " LEFT JOIN risk_profile_version v ON v.id = h.profile_version_id"
				      " LEFT JOIN risk_profile p ON p.id = v.profile_id"
				      " WHERE h.decision_id = ? AND h.live = 1 ORDER BY h.id");

/* Only live hits explain: a testing profile's shadow hit decided nothing. */
int risk_decision_hits_hdf(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_hits, hdf, prefix, "i", id) < 0 ? -1 : 0;
}

/* The newest decision of each event or booking. */
static struct sql q_of_events = SQL(
	"SELECT d.event_id, d.id AS decision_id, d.colour AS decision_colour,"
	" d.random AS decision_random"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN risk_decision d ON d.event_id = j.id");
static struct sql q_of_bookings = SQL(
	"SELECT d.booking_id, d.id AS decision_id,"
	" d.colour AS decision_colour, d.random AS decision_random"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN risk_decision d ON d.booking_id = j.id ORDER BY d.id");
static struct sql q_of_decisions = SQL(
	"SELECT d.id, d.object_kind, d.object_key,"
	" d.colour AS decision_colour, d.random AS decision_random,"
	" d.reinspection_id, d.score"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN risk_decision d ON d.id = j.id");

int risk_decisions_of_events_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_of_events, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}

int risk_decisions_of_bookings_hdf(HDF *hdf, const char *prefix,
				   const char *key)
{
	return db_join_hdf(&q_of_bookings, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}

int risk_decisions_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_of_decisions, hdf, prefix, key, NULL) < 0 ? -1
									: 0;
}
