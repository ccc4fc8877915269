/* risk_export.c: the decisions of events, for another module's list (the
 * analysts' export of a risk data set, docs/exchange.md) in one query */
#include "risk.h"

#include "db_join.h"

static struct sql q_decisions = SQL(
	"SELECT d.event_id, d.id AS decision_id, d.colour, d.score, d.random"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN risk_decision d ON d.event_id = j.id");

int risk_event_decisions_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_decisions, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}
