/* watch_event_alerts.c: the alerts each event raised, for the register's
 * list of events (one query for the list) */
#include "watch.h"

#include "db_join.h"

static struct sql q_alerts = SQL(
	"SELECT j.id, GROUP_CONCAT(CONCAT(a.id, ':', a.state, ':',"
	" COALESCE(a.outcome, '-')) ORDER BY a.id) AS alerts"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN alert a ON a.event_id = j.id GROUP BY j.id");

int watch_event_alerts_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_alerts, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}
