/* ca_stats.c: certificates issued and revoked per hour, for the
 * registrations report. The CA is national: no office issues a
 * certificate, so these counts are the whole country's. */
#include "ca_store.h"

static struct sql q_hours = SQL(
	"SELECT hour, SUM(issued) AS issued, SUM(revoked) AS revoked FROM ("
	" SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hour,"
	"  1 AS issued, 0 AS revoked FROM certificate"
	"  WHERE created_at >= ? AND created_at < ?"
	" UNION ALL"
	" SELECT DATE_FORMAT(revoked_at, '%Y-%m-%d %H:00:00'), 0, 1"
	"  FROM certificate WHERE revoked_at >= ? AND revoked_at < ?) x"
	" GROUP BY hour ORDER BY hour");

int ca_stats_each(const char *from, const char *to, db_row_cb cb, void *ctx)
{
	return db_each(&q_hours, cb, ctx, "ssss", from, to, from, to);
}
