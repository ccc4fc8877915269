/* watch_today.c: the alerts still open at a scope's crossings, per
 * crossing and priority, for the officers' start page */
#include "watch.h"

static struct sql q_open = SQL(
	"SELECT crossing, priority, COUNT(*) AS n FROM alert"
	" WHERE FIND_IN_SET(crossing, ?) AND state <> 'closed'"
	" GROUP BY crossing, priority");

int watch_open_each(const char *scope, db_row_cb cb, void *ctx)
{
	return db_each(&q_open, cb, ctx, "s", scope);
}
