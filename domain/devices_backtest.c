/* devices_backtest.c: the register streamed for a risk profile's backtest:
 * every stored event of the last days that identifies an object, with the
 * facts a rule may read from the event itself */
#include "devices.h"

/* Oldest first; one prepared statement, rows streamed to the callback. */
static struct sql q_stream = SQL(
	"SELECT e.id, UNIX_TIMESTAMP(e.t) AS ts, e.crossing, d.lane_kind, e.dir,"
	" e.kind, COALESCE(e.obj_key, e.raw) AS obj_key, e.country, e.confidence,"
	" e.doubtful FROM event e JOIN device d ON d.id = e.device_id"
	" WHERE e.t >= UTC_TIMESTAMP() - INTERVAL ? DAY"
	" AND e.kind IN ('plate', 'container', 'wagon', 'document')"
	" ORDER BY e.id");

int devices_backtest_each(int days, db_row_cb cb, void *ctx)
{
	return db_each(&q_stream, cb, ctx, "i", (long long)days);
}
