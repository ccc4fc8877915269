/* watch_today.c: the alerts still open at a scope's crossings, per
 * crossing and priority, for the officers' start page */
#include "watch.h"

/* The open states named one by one: three ranges of ix_alert_open
 * (0092), read from the index alone, however many closed alerts the
 * table keeps (state <> 'closed' is not a range the optimizer uses). */
static struct sql q_open = SQL(
	"SELECT crossing, priority, COUNT(*) AS n FROM alert"
	" WHERE state IN ('new', 'acknowledged', 'inspection')"
	" AND FIND_IN_SET(crossing, ?) GROUP BY crossing, priority");

int watch_open_each(const char *scope, db_row_cb cb, void *ctx)
{
	return db_each(&q_open, cb, ctx, "s", scope);
}
